using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Heimnetz.Sample.Tests.Support;

/// <summary>
/// A signing key of our own, configured into the service the way <c>dotnet user-jwts</c> does
/// (<c>Authentication:Schemes:Bearer:SigningKeys</c>), and tokens signed with it or deliberately wrong.
/// </summary>
internal sealed class TestTokens
{
    public const string Issuer = "heimnetz-tests";
    public const string Audience = "heimnetz-sample";

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(key),
    };

    /// <summary>A valid writer's token for <paramref name="user"/>.</summary>
    public string Writer(string user) => Create(user, "cache:write", key, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10));

    /// <summary>Valid, but without the write scope: authenticated, not authorized.</summary>
    public string Reader(string user) => Create(user, "cache:read", key, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10));

    /// <summary>Signed correctly, expired 10 minutes ago (beyond the default 5 minute clock skew).</summary>
    public string Expired(string user) => Create(user, "cache:write", key, DateTime.UtcNow.AddMinutes(-30), DateTime.UtcNow.AddMinutes(-10));

    /// <summary>Right issuer, audience and scope, signed with a key the service does not know.</summary>
    public static string WrongKey(string user) => Create(user, "cache:write", RandomNumberGenerator.GetBytes(32), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10));

    private static string Create(string user, string scope, byte[] signingKey, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("name", user), new Claim("scope", scope)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
}

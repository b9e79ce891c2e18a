using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Heimnetz.Sample.Service.Security;

/// <summary>
/// JWT bearer authentication from the standard <c>Authentication:Schemes:Bearer</c> section (what <c>dotnet user-jwts</c>
/// writes), a policy for cache writes, and a fixed-window rate limit on writes per caller.
/// </summary>
internal static class SampleSecurity
{
    /// <summary>Writes need an authenticated caller whose token carries this scope (<c>dotnet user-jwts create --scope cache:write</c>).</summary>
    public const string WriteScope = "cache:write";

    public const string WritePolicy = "cache-writer";

    public const string WriteRateLimit = "cache-writes";

    public static IServiceCollection AddSampleSecurity(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer();
        services.AddAuthorizationBuilder().AddPolicy(WritePolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindAll("scope")
                .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Contains(WriteScope, StringComparer.Ordinal)));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WriteRateLimit, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<SampleOptions>>().Value;
                // Per signed-in caller (its name, else its subject); writes are authorized first, so an anonymous caller never gets here.
                var caller = context.User.Identity?.Name
                    ?? context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value
                    ?? context.Connection.RemoteIpAddress?.ToString()
                    ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.WritePermitLimit,
                    Window = options.WriteWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                var options = http.RequestServices.GetRequiredService<IOptions<SampleOptions>>().Value;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many writes",
                        Detail = string.Create(CultureInfo.InvariantCulture, $"Writes are limited to {options.WritePermitLimit} per {options.WriteWindow.TotalSeconds:0.#} s per caller; retry after {seconds} s."),
                    },
                }).ConfigureAwait(false);
            };
        });
        return services;
    }
}

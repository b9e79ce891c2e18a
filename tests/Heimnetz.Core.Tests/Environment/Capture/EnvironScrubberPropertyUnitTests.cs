using System.Text;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Tests.EnvironmentDetection.Capture;

/// <summary>
/// For every form a secret takes in an environment, many generated secrets go through the scrubber and not one run of
/// four of their characters may come out. Seeded, so a failure names a case that fails again on the next run.
/// </summary>
[TestFixture]
public sealed class EnvironScrubberPropertyUnitTests
{
    private const int Cases = 2000;
    private const int Survivable = 3;
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // Each alphabet holds what the form allows unquoted; '*' is left out because the mask itself is made of it.
    private const string AnyText = Alphanumeric + "@:/%=;,. -_!?#&$()[]{}<>+|~^'\"\\\u00e9\u20ac";
    private const string UrlSpecial = "@:/%";
    private const string UrlPassword = Alphanumeric + UrlSpecial + "-_.!~$&'()+=";
    private const string ConnectionStringPassword = Alphanumeric + "@:/%-_.!~$&()+=?#[]{}<>|^";
    private const string QuotedPassword = ConnectionStringPassword + ";, \"";

    private static readonly string[] SecretNameParts = ["PASSWORD", "PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH", "AUTHORIZATION"];
    private static readonly string[] ConnectionStringNames = ["HEIMNETZ_REDIS_CONNECTION", "ConnectionStrings__Cache", "Heimnetz__Redis__ConnectionString"];
    private static readonly string[] PasswordKeys = ["password", "Password", "PASSWORD", "pwd", "Pwd", "PWD"];

    [Test]
    public void Scrub_ValueOfASecretLookingName_LeavesNoFourCharactersOfIt() =>
        AssertNoSecretSurvives(seed: 1, random =>
        {
            var part = RandomCase(random, Pick(random, SecretNameParts));
            var name = $"{Pick(random, ["", "DB_", "my_", "X"])}{part}{Pick(random, ["", "_FILE", "S", "_VALUE"])}";
            var secret = Secret(random, AnyText);
            return ($"{name}={secret}", [secret]);
        });

    [Test]
    public void Scrub_PasswordTokenInACommaSeparatedConnectionString_LeavesNoFourCharactersOfIt() =>
        AssertNoSecretSurvives(seed: 2, random =>
        {
            var secret = Secret(random, ConnectionStringPassword);
            string[] tokens = ["redis.internal:6379", "user=app", "ssl=true", "abortConnect=false"];
            var value = string.Join(Pick(random, [",", ", "]), Insert(random, tokens, PasswordToken(random, secret)));
            return ($"{Pick(random, ConnectionStringNames)}={value}", [secret]);
        });

    [Test]
    public void Scrub_PasswordTokenInASemicolonSeparatedConnectionString_LeavesNoFourCharactersOfIt() =>
        AssertNoSecretSurvives(seed: 3, random =>
        {
            var secret = Secret(random, ConnectionStringPassword);
            string[] tokens = ["Server=db.internal", "User Id=app", "Database=orders"];
            var value = string.Join(Pick(random, [";", "; "]), Insert(random, tokens, PasswordToken(random, secret)));
            return ($"{Pick(random, ConnectionStringNames)}={value}{Pick(random, ["", ";"])}", [secret]);
        });

    [Test]
    public void Scrub_QuotedPasswordWithSeparatorsInside_LeavesNoFourCharactersOfIt() =>
        AssertNoSecretSurvives(seed: 4, random =>
        {
            var secret = Secret(random, QuotedPassword);
            var quoted = $"\"{secret.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            string[] tokens = ["Server=db.internal", "User Id=app", "Database=orders"];
            var value = string.Join(";", Insert(random, tokens, $"{Pick(random, PasswordKeys)}={quoted}"));
            return ($"ConnectionStrings__Orders={value}", [secret]);
        });

    [Test]
    public void Scrub_UrlUserInfoWithAtColonSlashPercentInThePassword_LeavesNoFourCharactersOfIt() =>
        AssertNoSecretSurvives(seed: 5, random =>
        {
            var secret = Secret(random, UrlPassword, UrlSpecial);
            var user = Pick(random, ["", "app", "default"]);
            var scheme = Pick(random, ["redis", "rediss", "postgres", "amqp"]);
            var url = $"{scheme}://{user}:{secret}@cache.internal:6379{Pick(random, ["", "/0", "/"])}";
            return ($"{Pick(random, ["REDIS_URL", "DATABASE_URL", "Heimnetz__Redis__Url"])}={url}", [secret]);
        });

    [Test]
    public void Scrub_ListOfUrlsWithSecretsInEach_LeavesNoFourCharactersOfAny() =>
        AssertNoSecretSurvives(seed: 6, random =>
        {
            var first = Secret(random, UrlPassword, UrlSpecial);
            var second = Secret(random, UrlPassword, UrlSpecial);
            var separator = Pick(random, [",", ";", " "]);
            var value = $"redis://app:{first}@cache-a.internal:6379{separator}rediss://:{second}@cache-b.internal:6380";
            return ($"HEIMNETZ_REDIS_CANDIDATES={value}", [first, second]);
        });

    private static void AssertNoSecretSurvives(int seed, Func<Random, (string Entry, string[] Secrets)> generate)
    {
        var random = new Random(seed);
        var skipped = 0;
        for (var index = 0; index < Cases; index++)
        {
            var (entry, secrets) = generate(random);
            var environ = $"PATH=/usr/local/bin:/usr/bin\0{entry}\0HOME=/home/app\0";

            // The text around the secrets, with each secret removed as written (a quoted one has its quotes doubled).
            var fixedText = secrets.Aggregate(environ, (text, secret) => text
                .Replace(secret.Replace("\"", "\"\"", StringComparison.Ordinal), string.Empty, StringComparison.Ordinal)
                .Replace(secret, string.Empty, StringComparison.Ordinal)) + EnvironScrubber.Mask;
            if (secrets.Any(secret => Runs(secret).Any(run => fixedText.Contains(run, StringComparison.Ordinal))))
            {
                // A secret that shares four characters with the text around it cannot be told apart from that text.
                skipped++;
                continue;
            }

            var scrubbed = Encoding.UTF8.GetString(EnvironScrubber.Scrub(Encoding.UTF8.GetBytes(environ)));

            var survivor = secrets.SelectMany(Runs).FirstOrDefault(run => scrubbed.Contains(run, StringComparison.Ordinal));
            Assert.That(survivor, Is.Null, $"seed {seed}, case {index}: '{survivor}' survived.\nin:  {Shown(environ)}\nout: {Shown(scrubbed)}");
        }

        Assert.That(skipped, Is.LessThan(Cases / 20), "too many generated secrets collided with the fixed text for the property to mean much");
    }

    private static IEnumerable<string> Runs(string secret) =>
        Enumerable.Range(0, Math.Max(0, secret.Length - Survivable)).Select(start => secret.Substring(start, Survivable + 1));

    private static string Secret(Random random, string alphabet, string? favoured = null)
    {
        var length = random.Next(10, 33);
        var builder = new StringBuilder(length);
        for (var index = 0; index < length; index++)
        {
            // Favoured characters are the ones that break naive parsers, so they come up far more often than by chance.
            var source = favoured is not null && random.Next(3) == 0 ? favoured : alphabet;
            builder.Append(source[random.Next(source.Length)]);
        }

        return builder.ToString();
    }

    private static string PasswordToken(Random random, string secret)
    {
        var (before, after) = Pick(random, [("", ""), (" ", " "), ("", " "), (" ", "")]);
        return $"{Pick(random, PasswordKeys)}{before}={after}{secret}";
    }

    private static string[] Insert(Random random, string[] tokens, string token)
    {
        var list = tokens.ToList();
        list.Insert(random.Next(list.Count + 1), token);
        return [.. list];
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];

    private static string RandomCase(Random random, string text) =>
        string.Concat(text.Select(character => random.Next(2) == 0 ? char.ToLowerInvariant(character) : character));

    private static string Shown(string environ) => environ.Replace('\0', '|');
}

using System.Globalization;
using Heimnetz.Discovery;
using Microsoft.Extensions.Options;

namespace Heimnetz.Caching;

/// <summary>Checks <see cref="HeimnetzCacheOptions"/> once and reports every problem in one message naming the key and the bad value.</summary>
internal sealed class HeimnetzCacheOptionsValidator : IValidateOptions<HeimnetzCacheOptions>
{
    private const int MaxInstanceName = 256;
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(1);
    private readonly string sectionPath;

    /// <summary>Creates a validator whose messages name keys under <paramref name="sectionPath"/>.</summary>
    public HeimnetzCacheOptionsValidator(string sectionPath = HeimnetzCacheDefaults.SectionName) => this.sectionPath = sectionPath;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HeimnetzCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options, sectionPath);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, for callers that build the cache without DI.</summary>
    public static void ThrowIfInvalid(HeimnetzCacheOptions options, string sectionPath = HeimnetzCacheDefaults.SectionName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options, sectionPath);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid cache options: " + string.Join("; ", problems), nameof(options));
        }
    }

    internal static List<string> Problems(HeimnetzCacheOptions options, string sectionPath)
    {
        var problems = new List<string>();
        void Duration(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero || value > LongestTimeout)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{key}' is '{value:c}'; expected a duration greater than zero and at most {LongestTimeout:c}"));
            }
        }

        Duration(nameof(options.OperationTimeout), options.OperationTimeout);
        Duration(nameof(options.HealthProbeInterval), options.HealthProbeInterval);
        Duration(nameof(options.HealthProbeTimeout), options.HealthProbeTimeout);
        Duration(nameof(options.ConnectTimeout), options.ConnectTimeout);
        Duration(nameof(options.RecoveryBaseDelay), options.RecoveryBaseDelay);
        if (options.RecoveryMaxDelay < options.RecoveryBaseDelay || options.RecoveryMaxDelay > TimeSpan.FromHours(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{nameof(options.RecoveryMaxDelay)}' is '{options.RecoveryMaxDelay:c}'; expected at least RecoveryBaseDelay ({options.RecoveryBaseDelay:c}) and at most 01:00:00"));
        }

        if (options.FailureThreshold is < 1 or > 1000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{nameof(options.FailureThreshold)}' is '{options.FailureThreshold}'; expected a whole number from 1 to 1000"));
        }

        if (!Enum.IsDefined(options.ReturnPolicy))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{nameof(options.ReturnPolicy)}' is '{(int)options.ReturnPolicy}'; expected Discard or WriteBack"));
        }

        if (options.Username is not null && options.Password is null)
        {
            problems.Add($"'{sectionPath}:{nameof(options.Username)}' is set but '{sectionPath}:{nameof(options.Password)}' is not; a user needs a password");
        }

        if (options.Database < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{nameof(options.Database)}' is '{options.Database}'; expected a database index of 0 or more"));
        }

        if (options.InstanceName is { } instance && (instance.Any(char.IsControl) || instance.Length > MaxInstanceName))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{sectionPath}:{nameof(options.InstanceName)}' is '{Printable(instance)}'; expected at most {MaxInstanceName} characters and no control characters"));
        }

        if (options.Endpoint is not null)
        {
            try
            {
                RedisEndpoint.Parse(options.Endpoint, $"'{sectionPath}:{nameof(options.Endpoint)}'");
            }
            catch (FormatException exception)
            {
                problems.Add(exception.Message.TrimEnd('.'));
            }
        }

        return problems;
    }

    // A control character in the message would hide itself; show it as its escape instead.
    private static string Printable(string text)
    {
        var shown = string.Concat(text.Take(MaxInstanceName).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > MaxInstanceName ? shown + "…" : shown;
    }
}

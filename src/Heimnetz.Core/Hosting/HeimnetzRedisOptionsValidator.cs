using Heimnetz.Caching;
using Heimnetz.Configuration;
using Heimnetz.Discovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Heimnetz.Hosting;

/// <summary>
/// Checks the <c>Heimnetz:Redis</c> options at start with the same parser discovery uses, so a bad URL, timeout or CA
/// file stops the host with every problem in one message instead of failing on first use. A fixed
/// <see cref="HeimnetzCacheOptions.Endpoint"/> uses only the TLS CA file, so only that is checked then.
/// </summary>
internal sealed class HeimnetzRedisOptionsValidator(DiscoverySettingsSource source, IOptions<HeimnetzCacheOptions> cacheOptions, ILogger<HeimnetzRedisOptionsValidator>? logger = null)
    : IValidateOptions<HeimnetzRedisOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HeimnetzRedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? endpoint;
        try
        {
            endpoint = cacheOptions.Value.Endpoint;
        }
        catch (OptionsValidationException)
        {
            // The cache's own validation reports its problems; these settings are checked once those are fixed.
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<string>(options.BindProblems);
        try
        {
            var settings = options.Over(source.Configuration);
            _ = endpoint is null ? DiscoveryConfiguration.From(settings).TlsTrust : DiscoveryConfiguration.ReadTlsTrust(settings);
        }
        catch (HeimnetzConfigurationException error)
        {
            problems.AddRange(error.Problems);
        }

        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        HostingLog.Invalid(logger ?? (ILogger)NullLogger.Instance, source.Description, string.Join("; ", problems));
        return ValidateOptionsResult.Fail(problems);
    }
}

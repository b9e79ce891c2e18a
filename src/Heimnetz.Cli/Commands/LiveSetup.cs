using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>What every live command starts from: the detected environment and the Redis settings of this process.</summary>
internal sealed record LiveSetup(RuntimeEnvironment Environment, DiscoveryConfiguration Configuration)
{
    /// <summary>Detects the environment under <paramref name="sysroot"/> and reads the settings; bad settings throw before anything is probed.</summary>
    public static async Task<LiveSetup> CreateAsync(Sysroot sysroot, CancellationToken cancellationToken)
    {
        var configuration = DiscoveryConfiguration.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var environment = await EnvironmentDetector.DetectAsync(sysroot, cancellationToken).ConfigureAwait(false);
        return new LiveSetup(environment, configuration);
    }

    public IReadOnlyList<RedisCandidate> Candidates() => CandidateCatalog.Build(Environment.ToCatalogContext(), Configuration);
}

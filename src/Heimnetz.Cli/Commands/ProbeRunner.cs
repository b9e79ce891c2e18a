using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary>Runs one probe end to end. Environment detection, discovery and the cache fill their sections as they land.</summary>
internal static class ProbeRunner
{
    public static async Task<ProbeReport> RunAsync(Sysroot sysroot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var detected = await EnvironmentDetector.DetectAsync(sysroot, cancellationToken).ConfigureAwait(false);
        var environment = EnvironmentSectionMapper.ToSection(detected);
        var discovery = new DiscoverySection([], null, 0);
        var cache = new CacheSection("memory", null) { Reason = "no Redis was chosen" };
        return new ProbeReport(ProbeReport.CurrentSchema, environment, discovery, cache);
    }
}

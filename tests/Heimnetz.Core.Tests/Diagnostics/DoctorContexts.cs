using Heimnetz.Diagnostics;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.Diagnostics;

/// <summary>Hand-built doctor contexts: a host or a container, with candidates whose outcomes the test chooses.</summary>
internal static class DoctorContexts
{
    public static RuntimeEnvironment Host { get; } = new() { Container = ContainerKind.None, NetworkMode = NetworkMode.Host };

    public static RuntimeEnvironment DockerBridge(string nameserver = "127.0.0.11", params string[] hostAliases) => new()
    {
        Container = ContainerKind.Docker,
        DecidedBy = "mount-sources",
        NetworkMode = NetworkMode.Bridge,
        DefaultGateway = "172.18.0.1",
        Nameservers = [nameserver],
        HostAliases = hostAliases,
    };

    public static EngineProbeResult ReachableEngine(params PublishedPort[] published) =>
        new(EngineState.Reachable, "unix:///var/run/docker.sock", "/usr/bin/docker", "26.1.5", "1.45", null) { PublishedPorts = published };

    public static ComposeProbeResult ComposeV2 { get; } = new(true, "docker compose", "Docker Compose version v2.29.1", []);

    public static CandidateResult Result(string host, int port, ProbeOutcome outcome, int priority = 0, string detail = "", ServerIdentity? server = null, RedisCredentials? credentials = null, CandidateSource source = CandidateSource.Default, string reason = "test") =>
        new(new RedisCandidate(new RedisEndpoint(host, port), credentials, false, source, priority, reason), outcome, TimeSpan.FromMilliseconds(1), detail, server);

    public static CandidateResult Ready(string host, int port, int priority = 0, string version = "7.0.15") =>
        Result(host, port, ProbeOutcome.Ready, priority, $"PONG; redis {version}", new ServerIdentity("redis", version, "run"));

    public static DiscoveryReport Found(params CandidateResult[] results) =>
        new(results, Array.Find(results, result => result.Outcome == ProbeOutcome.Ready), TimeSpan.FromMilliseconds(5));

    public static DoctorContext Live(RuntimeEnvironment environment, DiscoveryReport discovery, EngineProbeResult? engine = null, IReadOnlyList<NameResolution>? names = null, DiscoveryConfiguration? configuration = null) =>
        new(environment, configuration ?? DiscoveryConfiguration.Empty, discovery, engine ?? ReachableEngine(), ComposeV2, names ?? []);

    public static DoctorContext Replay(RuntimeEnvironment environment) =>
        new(environment, DiscoveryConfiguration.Empty, null, EngineProbeResult.Skipped, ComposeProbeResult.Skipped, []);

    public static IReadOnlyList<Finding> Run(IDoctorCheck check, DoctorContext context) => [.. check.Run(context)];
}

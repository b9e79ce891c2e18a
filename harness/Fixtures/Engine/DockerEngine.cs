using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>
/// The Docker engine the harness talks to: the one Testcontainers resolves (<c>DOCKER_HOST</c>, else the local socket),
/// so a remote engine or a CI runner's engine serves the same suite.
/// </summary>
public static class DockerEngine
{
    /// <summary>The oldest engine API that Testcontainers 4.x accepts.</summary>
    public static readonly Version MinimumApiVersion = new(1, 44);

    private static readonly Lazy<Task<EngineStatus>> Status = new(() => ProbeAsync());

    /// <summary>A client on the resolved engine; the caller disposes it.</summary>
    public static DockerClient CreateClient()
    {
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig
            ?? throw new InvalidOperationException("Testcontainers found no Docker endpoint: set DOCKER_HOST or start a local Docker engine.");
        return endpoint.GetDockerClientBuilder(Guid.Empty).Build();
    }

    /// <summary>Whether an engine answers with a usable API version; probed once per process.</summary>
    public static Task<EngineStatus> GetStatusAsync() => Status.Value;

    /// <summary>Returns when a usable engine answers; otherwise throws <see cref="DockerEngineUnavailableException"/> saying why.</summary>
    public static async Task EnsureReadyAsync()
    {
        var status = await GetStatusAsync().ConfigureAwait(false);
        if (!status.IsReady)
        {
            throw new DockerEngineUnavailableException(status.Reason);
        }
    }

    private static async Task<EngineStatus> ProbeAsync()
    {
        try
        {
            using var client = CreateClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
            var api = Version.Parse(version.APIVersion);
            return api >= MinimumApiVersion
                ? EngineStatus.Ready(version.Version, api)
                : EngineStatus.Unusable($"Docker engine {version.Version} speaks API {api}, but Testcontainers needs {MinimumApiVersion} or newer (Debian: install docker.io from trixie).");
        }
#pragma warning disable CA1031 // Any failure here means "no engine", and the reason is kept for the message.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return EngineStatus.Unusable($"No Docker engine answered ({error.GetType().Name}: {error.Message}). Start a Docker engine, or set DOCKER_HOST.");
        }
    }
}

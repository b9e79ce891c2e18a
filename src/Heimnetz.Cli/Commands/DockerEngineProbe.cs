using Docker.DotNet;
using Docker.DotNet.Models;
using Heimnetz.Diagnostics;
using Heimnetz.Discovery;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// Asks the Docker engine (<c>DOCKER_HOST</c>, else the local socket) for its version and the ports running
/// containers publish. Bounded in time; never throws for an absent or broken engine. It lives in the CLI so that the
/// library a cache user references carries no Docker client.
/// </summary>
internal sealed class DockerEngineProbe(TimeProvider timeProvider) : IEngineProbe
{
    /// <summary>The variable the docker CLI reads for a non-default engine.</summary>
    public const string DockerHostKey = "DOCKER_HOST";

    /// <summary>The engine socket when <see cref="DockerHostKey"/> is not set.</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>How long the engine gets to answer both requests together.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<EngineProbeResult> ProbeAsync(IConfiguration configuration, bool inContainer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dockerHost = configuration[DockerHostKey] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var cli = ExecutableSearch.Find("docker", configuration["PATH"]);
        if (!Uri.TryCreate(dockerHost ?? DefaultEndpoint, UriKind.Absolute, out var endpoint))
        {
            return new EngineProbeResult(EngineState.Unreachable, DetailText.Sanitize(dockerHost!, 80), cli, null, null, $"{DockerHostKey} is not a URI; expected unix:///path/to/docker.sock or tcp://host:port");
        }

        var shown = WithoutUserInfo(endpoint);
        if (dockerHost is null && !File.Exists(endpoint.LocalPath))
        {
            return inContainer
                ? new EngineProbeResult(EngineState.NotVisible, shown, cli, null, null, null)
                : cli is null
                    ? new EngineProbeResult(EngineState.NotInstalled, shown, null, null, null, null)
                    : new EngineProbeResult(EngineState.Unreachable, shown, cli, null, null, $"no socket at {endpoint.LocalPath}: the engine is not running");
        }

        using var scope = new TimeoutScope(Timeout, timeProvider, cancellationToken);
        try
        {
            using var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(Timeout).Build();
            var version = await client.System.GetVersionAsync(scope.Token).ConfigureAwait(false);
            var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = false }, scope.Token).ConfigureAwait(false);
            var published = containers
                .SelectMany(container => (container.Ports ?? []).Where(port => port.PublicPort is > 0).Select(port => new PublishedPort(
                    container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID[..Math.Min(12, container.ID.Length)],
                    container.Image,
                    (int)port.PublicPort!.Value,
                    port.PrivatePort,
                    string.IsNullOrEmpty(port.IP) ? null : port.IP)))
                .ToList();
            // Podman's compat service names itself among the components of /version ("Podman Engine").
            var product = version.Components?.Any(component => component.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true) == true ? "podman" : "docker";
            return new EngineProbeResult(EngineState.Reachable, shown, cli, version.Version, version.APIVersion, null) { PublishedPorts = published, Product = product };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EngineProbeResult(EngineState.Unreachable, shown, cli, null, null, $"no answer within {Timeout.TotalSeconds:0} s");
        }
#pragma warning disable CA1031 // Any failure here is a finding ("the engine does not answer"), kept with its reason.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var inner = error.InnerException is { } cause ? $" ({cause.GetType().Name}: {cause.Message})" : string.Empty;
            return new EngineProbeResult(EngineState.Unreachable, shown, cli, null, null, DetailText.Sanitize($"{error.GetType().Name}: {error.Message}{inner}", 200));
        }
    }

    // A tcp:// DOCKER_HOST may carry credentials; the report shows only where it points.
    private static string WithoutUserInfo(Uri endpoint) =>
        string.IsNullOrEmpty(endpoint.UserInfo) ? endpoint.ToString() : new UriBuilder(endpoint) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
}

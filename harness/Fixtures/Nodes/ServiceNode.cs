using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>
/// The sample service (heimnetz/sample-service:dev, built from this checkout) as the app of a topology: a real ASP.NET
/// Core app doing its own discovery, observed through its own <c>GET /status</c>.
/// </summary>
public sealed class ServiceNode : TopologyNode
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private ServiceNode(string role, IContainer container, ServiceNodeSpec spec)
        : base(role, container)
    {
        Spec = spec;
    }

    public ServiceNodeSpec Spec { get; }

    /// <summary>The host's loopback port the service is published on (with <see cref="ServiceNodeSpec.PublishOnLoopback"/>).</summary>
    public Uri? HostAddress => Spec.PublishOnLoopback
        ? new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Container.GetMappedPublicPort(Spec.Port)}"))
        : null;

    internal static ServiceNode Create(string role, ServiceNodeSpec spec)
    {
        var environment = spec.Environment.ToDictionary(pair => pair.Key, pair => pair.Value);
        // Every interface of its own namespace; with host networking that is the host's, so the port is the spec's.
        environment["Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://0.0.0.0:{spec.Port}");
        var builder = new ContainerBuilder(LogicalImage.SampleService.Reference)
            .Wire(LogicalImage.SampleService, spec.Attachment)
            .WithEnvironment(environment)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Now listening on"));
        if (spec.HostGatewayAlias)
        {
            builder = builder.WithExtraHost("host.docker.internal", "host-gateway");
        }

        if (spec.PublishOnLoopback)
        {
            builder = builder.WithPortBinding(spec.Port, assignRandomHostPort: true);
        }

        if (AppCpuLimit.Current is { } cores)
        {
            builder = builder.WithCreateParameterModifier(parameters => parameters.HostConfig!.NanoCPUs = AppCpuLimit.NanoCpus(cores));
        }

        return new ServiceNode(role, builder.Build(), spec);
    }

    /// <summary>
    /// <c>GET /status</c> from inside the service's own container (bash's /dev/tcp on loopback), so it works in every
    /// network mode, none included; throws naming what came back when it is not a status document.
    /// </summary>
    public async Task<ServiceStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var request = string.Create(CultureInfo.InvariantCulture, $"exec 3<>/dev/tcp/127.0.0.1/{Spec.Port} && printf 'GET /status HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && cat <&3");
        var result = await Container.ExecAsync(["timeout", "10", "bash", "-c", request], cancellationToken).ConfigureAwait(false);
        var separator = result.Stdout.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (result.ExitCode != 0 || separator < 0 || !result.Stdout.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET /status in '{Role}' did not answer 200 (exit {result.ExitCode}): {Shorten(result.Stdout)}{Shorten(result.Stderr)}");
        }

        return ServiceStatus.Parse(result.Stdout[(separator + 4)..]);
    }

    /// <summary>Polls <c>/status</c> until <paramref name="until"/> holds or <paramref name="patience"/> ends; returns the last status either way.</summary>
    public async Task<ServiceStatus> WaitForStatusAsync(Func<ServiceStatus, bool> until, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(until);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
            if (until(status) || clock.Elapsed >= patience)
            {
                return status;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}

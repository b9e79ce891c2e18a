using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// Starts, finds and removes the development Redis <c>heimnetz fix</c> runs, through the Docker Engine API: a local
/// image (pulled only when allowed), a generated password, a healthcheck, a restart policy, and ownership labels. A
/// port taken between the check and the start moves it to the next port; a failed start leaves no container behind.
/// </summary>
internal sealed class DevelopmentRedis(IDockerClient client, FixOwnership ownership, TimeProvider timeProvider)
{
    /// <summary>Images tried in order when none is named: the offline image this repository builds, then the registry's.</summary>
    public static readonly IReadOnlyList<string> DefaultImages = ["heimnetz/redis:7.0", "redis:7.0", "redis:7", "redis:latest"];

    /// <summary>The variable redis-cli reads its password from; it also keeps the password with the container for a second run.</summary>
    public const string PasswordVariable = "REDISCLI_AUTH";

    private const string RedisPort = "6379/tcp";
    private const int MaxPortAttempts = 20;
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the published port listens: loopback for a local engine, every address for a remote one.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The host the app reaches the published port at.</summary>
    public string ReachAt { get; init; } = "127.0.0.1";

    /// <summary>Whether ports are checked here before the engine binds them (not for a remote engine, whose ports are elsewhere).</summary>
    public bool CheckPortsLocally { get; init; } = true;

    /// <summary>Runs after a port was found free and before the engine binds it: the window a port race happens in (tests use it).</summary>
    internal Func<int, Task>? AfterPortCheck { get; init; }

    /// <summary>Every container fix made for this directory, running or not.</summary>
    public async Task<IList<ContainerListResponse>> ListOursAsync(CancellationToken cancellationToken = default) =>
        await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ownership.Filter }, cancellationToken).ConfigureAwait(false);

    /// <summary>The development Redis an earlier run made for this directory, started again if it stopped; null when there is none.</summary>
    public async Task<DevelopmentRedisInstance?> FindAsync(CancellationToken cancellationToken = default)
    {
        var ours = await ListOursAsync(cancellationToken).ConfigureAwait(false);
        if (ours.Count == 0)
        {
            return null;
        }

        var (instance, running) = await ReadAsync(ours[0].ID, cancellationToken).ConfigureAwait(false);
        if (!running)
        {
            await client.Containers.StartContainerAsync(instance.Id, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }

        await WaitHealthyAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>What fix made in a container of its own, read from the container (its password lives there), without starting it.</summary>
    public async Task<(DevelopmentRedisInstance Instance, bool Running)> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        var container = await client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        var name = container.Name.TrimStart('/');
        var password = container.Config?.Env?.FirstOrDefault(line => line.StartsWith(PasswordVariable + "=", StringComparison.Ordinal))?[(PasswordVariable.Length + 1)..];
        var binding = container.HostConfig?.PortBindings is { } bindings && bindings.TryGetValue(RedisPort, out var list) ? list?.FirstOrDefault() : null;
        if (password is null || binding is null || !int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FixException($"Container {name} carries heimnetz fix's labels but not its password or port; remove it with 'heimnetz fix --undo' and run fix again.");
        }

        return (new DevelopmentRedisInstance(container.ID, name, container.Config?.Image ?? "?", ReachAt, port, password, Reused: true), container.State is { Running: true });
    }

    /// <summary>The host port an existing container of fix's was published on, from its label (no inspection, no start).</summary>
    public static int? PortOf(ContainerListResponse container) =>
        container.Labels is { } labels && labels.TryGetValue(FixOwnership.PortLabel, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>Starts a new development Redis on <paramref name="preferredPort"/> or the next free port, and waits until it is healthy.</summary>
    public async Task<DevelopmentRedisInstance> StartAsync(string? image, bool allowPull, int preferredPort, CancellationToken cancellationToken = default)
    {
        var chosen = await ResolveImageAsync(image, allowPull, cancellationToken).ConfigureAwait(false);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var tried = new List<string>();
        for (var port = preferredPort; port < preferredPort + MaxPortAttempts && port <= IPEndPoint.MaxPort; port++)
        {
            if (CheckPortsLocally && !IsFree(port))
            {
                tried.Add(string.Create(CultureInfo.InvariantCulture, $"{port} held by another process"));
                continue;
            }

            if (AfterPortCheck is { } hook)
            {
                await hook(port).ConfigureAwait(false);
            }

            var created = await client.Containers.CreateContainerAsync(Parameters(chosen, password, port), cancellationToken).ConfigureAwait(false);
            try
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException error) when (IsPortTaken(error))
            {
                // Someone took the port after the check: this container is half-made, so it goes, and the next port is tried.
                await RemoveQuietlyAsync(created.ID).ConfigureAwait(false);
                tried.Add(string.Create(CultureInfo.InvariantCulture, $"{port} taken while starting"));
                continue;
            }
            catch
            {
                await RemoveQuietlyAsync(created.ID).ConfigureAwait(false);
                throw;
            }

            try
            {
                await WaitHealthyAsync(created.ID, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await RemoveQuietlyAsync(created.ID).ConfigureAwait(false);
                throw;
            }

            return new DevelopmentRedisInstance(created.ID, ownership.ContainerName, chosen, ReachAt, port, password, Reused: false);
        }

        throw new FixException(string.Create(CultureInfo.InvariantCulture, $"No free port for the development Redis from {preferredPort} to {preferredPort + MaxPortAttempts - 1}: {string.Join(", ", tried)}."));
    }

    /// <summary>Removes every container fix made for this directory (and nothing else); returns their names.</summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(CancellationToken cancellationToken = default)
    {
        var removed = new List<string>();
        foreach (var container in await ListOursAsync(cancellationToken).ConfigureAwait(false))
        {
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            removed.Add(container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID[..12]);
        }

        return removed;
    }

    private CreateContainerParameters Parameters(string image, string password, int port) => new()
    {
        Name = ownership.ContainerName,
        Image = image,
        Labels = new Dictionary<string, string>(ownership.Labels, StringComparer.Ordinal) { [FixOwnership.PortLabel] = port.ToString(CultureInfo.InvariantCulture) },
        // An entrypoint like the official image's passes arguments that start with '-' to redis-server.
        Cmd = ["--requirepass", password],
        Env = [$"{PasswordVariable}={password}"],
        ExposedPorts = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal) { [RedisPort] = default },
        Healthcheck = new HealthcheckConfig
        {
            Test = ["CMD", "redis-cli", "ping"],
            Interval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(3),
            Retries = 30,
        },
        HostConfig = new HostConfig
        {
            PortBindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal)
            {
                [RedisPort] = [new PortBinding { HostIP = BindAddress, HostPort = port.ToString(CultureInfo.InvariantCulture) }],
            },
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
        },
    };

    private async Task<string> ResolveImageAsync(string? image, bool allowPull, CancellationToken cancellationToken)
    {
        var wanted = image is null ? DefaultImages : [image];
        foreach (var name in wanted)
        {
            try
            {
                await client.Images.InspectImageAsync(name, cancellationToken).ConfigureAwait(false);
                return name;
            }
            catch (DockerImageNotFoundException)
            {
            }
        }

        if (!allowPull)
        {
            throw new FixException($"No Redis image on this engine (looked for {string.Join(", ", wanted)}). Name a local one with --image, build the offline one (bash eng/images/build-images.sh in the Heimnetz repository), or let fix pull {wanted[0]} with --allow-pull.");
        }

        var pull = wanted[0];
        var colon = pull.LastIndexOf(':');
        var (from, tag) = colon > pull.LastIndexOf('/') ? (pull[..colon], pull[(colon + 1)..]) : (pull, "latest");
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = from, Tag = tag }, null, new Progress<JSONMessage>(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw new FixException($"Pulling {pull} failed: {error.Message}", error);
        }

        return pull;
    }

    private async Task WaitHealthyAsync(string id, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetTimestamp() + (long)(HealthyWithin.TotalSeconds * timeProvider.TimestampFrequency);
        while (true)
        {
            var state = (await client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)).State
                ?? throw new FixException($"The engine did not say how container {ownership.ContainerName} is.");
            if (state.Health?.Status == "healthy")
            {
                return;
            }

            if (!state.Running && !state.Restarting)
            {
                throw new FixException($"The development Redis stopped while starting (exit code {state.ExitCode}): docker logs {ownership.ContainerName} says why.");
            }

            if (timeProvider.GetTimestamp() > deadline)
            {
                throw new FixException($"The development Redis did not become healthy within {HealthyWithin.TotalSeconds:0} s (health: {state.Health?.Status ?? "none"}).");
            }

            await Task.Delay(HealthPoll, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    private static bool IsPortTaken(DockerApiException error) =>
        (error.ResponseBody ?? error.Message) is { } body
        && (body.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || body.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase));

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

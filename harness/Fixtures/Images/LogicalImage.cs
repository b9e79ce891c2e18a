using Docker.DotNet.Models;

namespace Heimnetz.Harness.Fixtures.Images;

/// <summary>
/// An image the harness needs, by role: the offline tag built from Debian packages (eng/images) and the registry
/// image that serves where a registry is reachable.
/// </summary>
public sealed record LogicalImage(string Name, string OfflineTag, string RegistryImage, string Product = "redis")
{
    public static readonly LogicalImage Redis70 = new("redis-7.0", "heimnetz/redis:7.0", "redis:7.0");
    public static readonly LogicalImage Redis80 = new("redis-8.0", "heimnetz/redis:8.0", "redis:8.0");
    public static readonly LogicalImage Valkey81 = new("valkey-8.1", "heimnetz/valkey:8.1", "valkey/valkey:8.1", "valkey");
    public static readonly LogicalImage ProbeBase = new("probe-base", "heimnetz/probe-base:1", "heimnetz/probe-base:1", "none");

    /// <summary>The sample service built from this checkout's source by eng/sample-image.sh; no registry has it.</summary>
    public static readonly LogicalImage SampleService = new("sample-service", "heimnetz/sample-service:dev", "heimnetz/sample-service:dev", "none")
    {
        BuildCommand = "bash eng/sample-image.sh",
    };

    /// <summary>curl in a container, to drive HTTP traffic from inside a scenario's network; built from Debian packages.</summary>
    public static readonly LogicalImage HttpClient = new("http-client", "heimnetz/http-client:1", "heimnetz/http-client:1", "none");

    /// <summary>The server flavours a matrix runs against.</summary>
    /// <remarks><see cref="Product"/> is what the server says it is in <c>INFO server</c>: redis or valkey.</remarks>
    public static IReadOnlyList<LogicalImage> Servers { get; } = [Redis70, Redis80, Valkey81];

    /// <summary>Finds a server flavour by its name (redis-7.0, redis-8.0, valkey-8.1).</summary>
    public static LogicalImage Server(string name) =>
        Servers.FirstOrDefault(image => string.Equals(image.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown server flavour '{name}'; expected one of {string.Join(", ", Servers.Select(s => s.Name))}.", nameof(name));

    /// <summary>The command that makes the offline image on this engine.</summary>
    public string BuildCommand { get; init; } = ImageNotBuiltException.BuildCommand;

    /// <summary>The image reference to start: the offline tag unless <c>HEIMNETZ_IMAGES=registry</c>.</summary>
    public string Reference => FromRegistry ? RegistryImage : OfflineTag;

    /// <summary>An image only this repository makes (its registry name is its own tag): never pulled, in any mode.</summary>
    private bool LocalOnly => RegistryImage == OfflineTag;

    /// <summary>
    /// Testcontainers pulls a missing image by default. Only a registry image may be pulled; a missing offline image
    /// stops the start with <see cref="ImageNotBuiltException"/>, which names the command that builds it.
    /// </summary>
    public Func<ImageInspectResponse, bool> PullPolicy
    {
        get
        {
            if (FromRegistry && !LocalOnly)
            {
                return DotNet.Testcontainers.Images.PullPolicy.Missing;
            }

            var reference = Reference;
            var command = BuildCommand;
            return cached => cached is null
                ? throw (command == ImageNotBuiltException.BuildCommand
                    ? new ImageNotBuiltException(reference)
                    : new ImageNotBuiltException(reference, $"build it from this checkout with `{command}` (or `./build.sh --target=SampleImage`)."))
                : false;
        }
    }

    private static bool FromRegistry =>
        string.Equals(Environment.GetEnvironmentVariable("HEIMNETZ_IMAGES"), "registry", StringComparison.OrdinalIgnoreCase);
}

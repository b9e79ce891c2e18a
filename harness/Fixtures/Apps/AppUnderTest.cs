using System.Globalization;
using DotNet.Testcontainers.Builders;

namespace Heimnetz.Testing;

/// <summary>
/// Your app, as the harness places it into a situation: its image (or a Testcontainers <see cref="ContainerBuilder"/>
/// you configured), the port it serves on, its environment, and how to read its state. Immutable: each <c>With…</c>
/// returns a new value.
/// </summary>
public sealed record AppUnderTest
{
    private AppUnderTest(string? image, ContainerBuilder? builder, int port)
    {
        Image = image;
        Builder = builder;
        Port = port;
    }

    /// <summary>The image reference, when the app was given by name; it must be on the engine (never pulled).</summary>
    public string? Image { get; }

    /// <summary>The builder, when the app was given as one; the harness adds wiring and labels to it.</summary>
    public ContainerBuilder? Builder { get; }

    /// <summary>The port the app listens on inside its container (0: it serves nothing, e.g. a worker read through its logs).</summary>
    public int Port { get; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How to read the app's state; by default its logs, with every line a state.</summary>
    public AppStateSource State { get; init; } = AppStateSource.LogLines("(?<state>.+)");

    /// <summary>More paths to request at every reading (for "answers GET /x with 200 throughout the outage").</summary>
    public IReadOnlyList<string> WatchedPaths { get; init; } = [];

    /// <summary>How long the app may take to give its first reading.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>An app given by image name, e.g. <c>FromImage("myapp:dev", 8080)</c>.</summary>
    public static AppUnderTest FromImage(string image, int port = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return new AppUnderTest(image.Trim(), builder: null, CheckPort(port));
    }

    /// <summary>An app given as a Testcontainers builder (its image, command, files...); the harness adds wiring and labels.</summary>
    public static AppUnderTest FromBuilder(ContainerBuilder builder, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new AppUnderTest(image: null, builder, CheckPort(port));
    }

    public AppUnderTest WithEnvironment(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };
    }

    /// <summary>Reads the state from a health endpoint's body (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>).</summary>
    public AppUnderTest WithHealthEndpoint(string path) => this with { State = RequirePort(AppStateSource.HealthEndpoint(path)) };

    /// <summary>Reads the state from one field of a JSON status endpoint.</summary>
    public AppUnderTest WithStatusEndpoint(string path, string jsonField) => this with { State = RequirePort(AppStateSource.StatusEndpoint(path, jsonField)) };

    /// <summary>Reads the state from the app's log lines.</summary>
    public AppUnderTest WithLogState(string pattern) => this with { State = AppStateSource.LogLines(pattern) };

    /// <summary>Also requests <paramref name="path"/> at every reading, so expectations can check its answers.</summary>
    public AppUnderTest Watching(string path) => this with { WatchedPaths = [.. WatchedPaths, RequirePort(AppStateSource.CheckPath(path))] };

    /// <summary>The image for messages: its name, or where it came from.</summary>
    public string Describe() => Image ?? "(image of the given ContainerBuilder)";

    private static int CheckPort(int port) =>
        port is >= 0 and <= 65535
            ? port
            : throw new ArgumentOutOfRangeException(nameof(port), port, string.Create(CultureInfo.InvariantCulture, $"'{port}' is not a port; expected 1-65535 (or 0 for an app that serves nothing)."));

    private T RequirePort<T>(T value) =>
        Port > 0 ? value : throw new InvalidOperationException($"The app {Describe()} was given no port, so it cannot be read over HTTP; pass its port to FromImage/FromBuilder.");
}

namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>
/// Guards Docker-backed tests: without an engine they are ignored with the reason on a developer's machine,
/// but fail when <c>CI</c> is set, so that a green CI always means the Docker tests ran.
/// </summary>
public static class DockerRequirement
{
    /// <summary>The NUnit category every Docker-backed test carries, so unit tests can run alone.</summary>
    public const string Category = "Docker";

    public static async Task EnsureAsync()
    {
        var status = await DockerEngine.GetStatusAsync().ConfigureAwait(false);
        if (status.IsReady)
        {
            return;
        }

        Requirements.MachineRequirement.Unmet($"the {Category} tests need a Docker engine: {status.Reason}");
    }
}

namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary><c>DOTNET_RUNNING_IN_CONTAINER=true</c>, set by the .NET base images: a hint, since it says image, not engine.</summary>
internal sealed class DotnetContainerSignal : IContainerSignal
{
    private const string Variable = "DOTNET_RUNNING_IN_CONTAINER";

    public string Name => "dotnet-variable";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (!input.Environ.TryGetValue(Variable, out var value) || !string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            evidence.Add(new Evidence(Name, "environ", $"{Variable} not true"));
            return null;
        }

        evidence.Add(new Evidence(Name, "environ", $"{Variable}={value} → unknown (a hint: set by the image)"));
        return new SignalVerdict(ContainerKind.Unknown, IsProof: false);
    }
}

namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary><c>HEIMNETZ_DOCKER=true|false</c> in the process environment overrides every other signal.</summary>
internal sealed class OverrideSignal : IContainerSignal
{
    public const string Variable = "HEIMNETZ_DOCKER";

    public string Name => "override";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (!input.Environ.TryGetValue(Variable, out var value))
        {
            evidence.Add(new Evidence(Name, Variable, "not set"));
            return null;
        }

        switch (value.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1":
                evidence.Add(new Evidence(Name, Variable, $"{value} → docker (override)"));
                return new SignalVerdict(ContainerKind.Docker, IsProof: true);
            case "FALSE" or "0":
                evidence.Add(new Evidence(Name, Variable, $"{value} → none (override)"));
                return new SignalVerdict(ContainerKind.None, IsProof: true);
            default:
                evidence.Add(new Evidence(Name, Variable, $"value '{value}' ignored; expected true or false"));
                return null;
        }
    }
}

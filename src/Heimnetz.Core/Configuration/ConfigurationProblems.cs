namespace Heimnetz.Configuration;

/// <summary>Collects configuration problems while parsing goes on, so all of them are reported together.</summary>
internal sealed class ConfigurationProblems
{
    private readonly List<string> problems = [];

    public bool HasAny => problems.Count > 0;

    public void Add(string source, string problem) => problems.Add($"{source}: {problem}");

    /// <summary>Throws one <see cref="HeimnetzConfigurationException"/> carrying every problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new HeimnetzConfigurationException(problems.ToArray());
        }
    }
}

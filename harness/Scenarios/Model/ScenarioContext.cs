using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>What a running scenario has at hand: the server flavour, its own topology, and a record of its steps and secrets.</summary>
public sealed class ScenarioContext(string scenarioName, LogicalImage server, TopologyBuilder topology)
{
    private readonly List<string> secrets = [];
    private readonly Dictionary<string, string> scrubs = new(StringComparer.Ordinal);

    public string ScenarioName { get; } = scenarioName;

    /// <summary>The Redis or Valkey flavour this run is for.</summary>
    public LogicalImage Server { get; } = server;

    public TopologyBuilder Topology { get; } = topology;

    /// <summary>The engine the scenario runs on: its kind decides what the probe should detect and which host alias exists.</summary>
    public EngineTarget Engine { get; init; } = EngineTarget.Current;

    /// <summary>The step in progress; a failing scenario reports it.</summary>
    public string CurrentStep { get; private set; } = "starting";

    public IReadOnlyList<string> Secrets => secrets;

    /// <summary>Values that vary by run (addresses, ports), mapped to the role the matrix shows instead.</summary>
    public IReadOnlyDictionary<string, string> Scrubs => scrubs;

    public void Step(string description) => CurrentStep = description;

    /// <summary>A value that must never appear in any output, log or snapshot.</summary>
    public string Secret(string value)
    {
        secrets.Add(value);
        return value;
    }

    /// <summary>Shows <paramref name="value"/> as <paramref name="role"/> in the matrix (e.g. a gateway as &lt;bridge-gateway&gt;).</summary>
    public void ScrubAs(string? value, string role)
    {
        if (!string.IsNullOrEmpty(value))
        {
            scrubs[value] = role;
        }
    }
}

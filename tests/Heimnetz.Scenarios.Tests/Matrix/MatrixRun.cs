using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Scenarios.Tests.Matrix;

/// <summary>Runs every scenario once per test run (the expensive part) and shares the results with the tests that check them.</summary>
internal static class MatrixRun
{
    public static readonly LogicalImage Server = LogicalImage.Redis70;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<ScenarioResult>? results;

    public static async Task<IReadOnlyList<ScenarioResult>> ResultsAsync()
    {
        await DockerRequirement.EnsureAsync();
        await Gate.WaitAsync();
        try
        {
            if (results is null)
            {
                // Two at a time: CI judges this run, and on 2 cores a third topology starting beside two probes can starve their 250 ms budgets.
                var engine = new ScenarioEngine(parallelism: 2);
                engine.Completed += (_, result) => TestContext.Progress.WriteLine($"  {result.Describe().Split(Environment.NewLine)[0]} ({result.WallTime.TotalSeconds:0.0} s)");
                results = await engine.RunAsync(Catalog.All, Server);
                var artifacts = Path.Combine(Harness.Fixtures.RepositoryRoot.Path, "artifacts", "scenarios");
                Directory.CreateDirectory(artifacts);
                await File.WriteAllTextAsync(Path.Combine(artifacts, $"timings-{Server.Name}.json"), Harness.Scenarios.Matrix.TimingsReport.ToJson(results));
            }

            return results;
        }
        finally
        {
            Gate.Release();
        }
    }
}

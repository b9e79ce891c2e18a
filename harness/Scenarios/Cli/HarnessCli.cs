using System.CommandLine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Sessions;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Cli;

/// <summary>
/// Reproduce a network situation by hand: <c>list</c> the scenarios, <c>run</c> one (optionally keeping it up to look
/// around), or run the <c>matrix</c> for a server flavour.
/// </summary>
internal static class HarnessCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var server = new Option<string>("--server") { Description = "Server flavour: redis-7.0, redis-8.0 or valkey-8.1.", DefaultValueFactory = _ => LogicalImage.Redis70.Name };
        var keep = new Option<bool>("--keep") { Description = "Leave the topology up and print how to look inside and tear it down." };
        var name = new Argument<string>("name") { Description = "The scenario to run (see 'list')." };
        var output = new Option<string>("--out") { Description = "Where to write the matrix and timings.", DefaultValueFactory = _ => ScenariosArtifacts };

        var list = new Command("list", "List the scenarios and the situation each reproduces.");
        list.SetAction(_ =>
        {
            foreach (var scenario in Catalog.All)
            {
                Console.WriteLine($"{scenario.Name,-24} {scenario.Situation}");
            }
        });

        var run = new Command("run", "Run one scenario and print what the app saw.") { name, server, keep };
        run.SetAction(async (parse, token) =>
        {
            var scenario = Catalog.Find(parse.GetValue(name)!);
            var flavour = LogicalImage.Server(parse.GetValue(server)!);
            var session = EngineSession.Open(Path.Combine(ScenariosArtifacts, "testcontainers.log"), parse.GetValue(keep));
            await using var cleanup = session.ConfigureAwait(false);
            var result = await new ScenarioEngine().RunOneAsync(scenario, flavour, parse.GetValue(keep), token).ConfigureAwait(false);
            Console.WriteLine(ResolutionMatrix.ToMarkdown(ResolutionMatrix.Rows([result])));
            Console.WriteLine(result.Describe());
            foreach (var transition in result.Observation?.Transitions ?? [])
            {
                Console.WriteLine($"  {transition.At:HH:mm:ss.fff} {transition.From} -> {transition.To}: {transition.Reason}");
            }

            foreach (var (figure, value) in result.Observation?.Timings ?? new Dictionary<string, double>())
            {
                Console.WriteLine($"  {figure}: {value}");
            }

            foreach (var (role, id) in result.KeptContainers)
            {
                Console.WriteLine($"  {role}: docker exec -it {id[..12]} bash");
            }

            if (result.KeptContainers.Count > 0)
            {
                Console.WriteLine($"  tear down: eng/sweep.sh {HarnessSession.Id}");
            }

            Console.WriteLine($"  Testcontainers log: {session.LogPath}");

            return result.Status is ScenarioStatus.Passed or ScenarioStatus.Skipped ? 0 : 1;
        });

        var matrix = new Command("matrix", "Run every scenario for one server flavour and write the resolution matrix.") { server, output };
        matrix.SetAction(async (parse, token) =>
        {
            var flavour = LogicalImage.Server(parse.GetValue(server)!);
            var directory = parse.GetValue(output)!;
            await using var session = EngineSession.Open(Path.Combine(directory, "testcontainers.log")).ConfigureAwait(false);
            var engine = new ScenarioEngine();
            engine.Completed += (_, result) => Console.Error.WriteLine($"  {result.Describe().Split(Environment.NewLine)[0]} ({result.WallTime.TotalSeconds:0.0} s)");
            var results = await engine.RunAsync(Catalog.All, flavour, token).ConfigureAwait(false);
            var rows = ResolutionMatrix.Rows(results);
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, $"matrix-{flavour.Name}.md"), ResolutionMatrix.ToMarkdown(rows), token).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(directory, $"matrix-{flavour.Name}.json"), ResolutionMatrix.ToJson(rows), token).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(directory, $"timings-{flavour.Name}.json"), TimingsReport.ToJson(results), token).ConfigureAwait(false);
            Console.WriteLine(ResolutionMatrix.ToMarkdown(rows));
            return results.All(r => r.Status is ScenarioStatus.Passed or ScenarioStatus.Skipped) ? 0 : 1;
        });

        var root = new RootCommand("Heimnetz scenarios: real Docker topologies, the probe inside them, and the resolution matrix.") { list, run, matrix, MatrixCommands.Cells(), MatrixCommands.Report(), AppCommand.Create() };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return UsageError;
        }

        // Only the commands that open an EngineSession talk to the engine (and clean up after themselves): 'list' and
        // 'report' work on a machine without one.
        try
        {
            // Without System.CommandLine's own handler, so a bad value reaches the catch below as one line and exit 2.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return UsageError;
        }
    }

    /// <summary>The exit code of a bad argument or option value, as System.CommandLine's own parse errors.</summary>
    public const int UsageError = 2;

    private static string ScenariosArtifacts => Path.Combine(Fixtures.RepositoryRoot.Path, "artifacts", "scenarios");
}

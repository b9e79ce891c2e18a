using System.CommandLine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Testing;
using AppSituations = Heimnetz.Testing.Situations;

namespace Heimnetz.Harness.Scenarios.Cli;

/// <summary>
/// <c>app SITUATION --app-image IMAGE ...</c>: reproduces one situation around someone's own image, prints what the app
/// reported over time and what the sidecar probe saw from inside its network namespace, and with <c>--keep</c> leaves
/// the topology up with the commands to look inside and tear it down.
/// </summary>
internal static class AppCommand
{
    public static Command Create()
    {
        var situation = new Argument<string>("situation") { Description = $"One of: {string.Join(", ", AppSituations.All.Select(s => s.Name))}." };
        var image = new Option<string>("--app-image") { Description = "Your app's image; it must be on the engine (never pulled).", Required = true };
        var port = new Option<int>("--app-port") { Description = "The port your app listens on inside its container (0: none, read its logs)." };
        var health = new Option<string?>("--app-health") { Description = "A health endpoint, e.g. /healthz: its body is the app's state." };
        var status = new Option<string?>("--app-status") { Description = "A JSON status endpoint, with --app-state-field naming the field that is the state." };
        var field = new Option<string?>("--app-state-field") { Description = "The dotted JSON field of --app-status, e.g. cache.mode." };
        var logState = new Option<string?>("--app-log-state") { Description = "A regex with a group named 'state', read from the app's logs instead of HTTP." };
        var environment = new Option<string[]>("--app-env") { Description = "NAME=VALUE for the app's environment (repeatable).", AllowMultipleArgumentsPerToken = false };
        var watch = new Option<string[]>("--app-watch") { Description = "Another path to request at every reading (repeatable)." };
        var expect = new Option<string?>("--expect") { Description = "The state the app must report at the start (and after a fault); exit 1 otherwise." };
        var server = new Option<string>("--server") { Description = "Server flavour: redis-7.0, redis-8.0 or valkey-8.1.", DefaultValueFactory = _ => LogicalImage.Redis70.Name };
        var sidecarImage = new Option<string>("--sidecar-image") { Description = "The sidecar's image (never pulled).", DefaultValueFactory = _ => SidecarNode.DefaultImage };
        var keep = new Option<bool>("--keep") { Description = "Leave the topology up and print how to look inside and tear it down." };

        var command = new Command("app", "Reproduce one situation around your own app image, with the probe as a sidecar in its network namespace.")
        {
            situation, image, port, health, status, field, logState, environment, watch, expect, server, sidecarImage, keep,
        };
        command.SetAction(async (parse, token) =>
        {
            var chosen = AppSituations.Find(parse.GetValue(situation)!);
            var app = AppUnderTest.FromImage(parse.GetValue(image)!, parse.GetValue(port));
            app = (parse.GetValue(health), parse.GetValue(status), parse.GetValue(field), parse.GetValue(logState)) switch
            {
                ({ } path, null, null, null) => app.WithHealthEndpoint(path),
                (null, { } path, { } json, null) => app.WithStatusEndpoint(path, json),
                (null, null, null, { } pattern) => app.WithLogState(pattern),
                (null, null, null, null) => app,
                _ => throw new ArgumentException("Read the app's state one way: --app-health PATH, or --app-status PATH with --app-state-field FIELD, or --app-log-state REGEX."),
            };
            foreach (var pair in parse.GetValue(environment) ?? [])
            {
                var split = pair.IndexOf('=', StringComparison.Ordinal);
                app = split > 0
                    ? app.WithEnvironment(pair[..split], pair[(split + 1)..])
                    : throw new ArgumentException($"--app-env '{pair.Split('=')[0]}...' is not NAME=VALUE.");
            }

            foreach (var path in parse.GetValue(watch) ?? [])
            {
                app = app.Watching(path);
            }

            var keepUp = parse.GetValue(keep);
            var options = new AppRunOptions { Server = LogicalImage.Server(parse.GetValue(server)!), SidecarImage = parse.GetValue(sidecarImage)!, Keep = keepUp };
            await using var session = EngineSession.Open(Path.Combine(Fixtures.RepositoryRoot.Path, "artifacts", "scenarios", "testcontainers.log"), keepUp).ConfigureAwait(false);
            Console.WriteLine($"{chosen.Name}: {chosen.Description}");
            await using var run = await AppRun.StartAsync(chosen, app, options, token).ConfigureAwait(false);
            var record = await run.ExerciseAsync(token).ConfigureAwait(false);

            Console.WriteLine($"The app ({record.App}, {record.Wiring}) reported ({record.StateSource}):");
            foreach (var reading in record.Readings)
            {
                Console.WriteLine($"  {reading}");
            }

            Console.WriteLine("The sidecar saw, from inside the app's network namespace:");
            foreach (var view in record.Sidecar)
            {
                Console.WriteLine($"  {view.Phase}:");
                foreach (var line in view.Lines())
                {
                    Console.WriteLine($"    {line}");
                }
            }

            if (chosen.RedisEndpoint is { } endpoint)
            {
                Console.WriteLine($"In this situation Redis is reachable as {endpoint}.");
            }

            if (keepUp)
            {
                Console.WriteLine("Kept up:");
                foreach (var line in run.KeptInstructions())
                {
                    Console.WriteLine($"  {line}");
                }
            }

            if (parse.GetValue(expect) is { } expected)
            {
                var verdict = AppVerdict.Check(record, Expect.Reports(expected));
                Console.WriteLine(verdict.Holds ? $"holds: app reports {expected}" : $"FAILED: {verdict.Results[0].Failure}");
                return verdict.Holds ? 0 : 1;
            }

            return 0;
        });
        return command;
    }
}

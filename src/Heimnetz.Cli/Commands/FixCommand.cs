using System.CommandLine;
using Heimnetz.Cli.Fix;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz fix [--dry-run] [--yes] [--undo] ...</c>: applies the remedies doctor found that can be applied from
/// here, after showing the plan. Exit 0 done (or nothing to do, or only the plan printed), 1 a step failed (nothing
/// half-made is left), bad usage as everywhere (a refused remote engine, no terminal without --yes).
/// </summary>
internal static class FixCommand
{
    /// <summary>Exit code when a step could not be applied; the message is on stderr.</summary>
    public const int Failed = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr, Func<IConfiguration> configuration)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply the plan without asking (needed when not run from a terminal)." };
        var undo = new Option<bool>("--undo") { Description = "Remove what fix created for this directory, and nothing else." };
        var directory = new Option<string?>("--directory") { Description = "The project directory: where .env and the compose files are (default: the current directory)." };
        var image = new Option<string?>("--image") { Description = $"The Redis image for the development Redis; it must be on the engine unless --allow-pull (default: the first present of {string.Join(", ", DevelopmentRedis.DefaultImages)})." };
        var allowPull = new Option<bool>("--allow-pull") { Description = "Pull the image when the engine does not have it." };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow an engine on another machine (DOCKER_HOST=tcp://...)." };
        var userSecrets = new Option<string?>("--user-secrets") { Description = "Write the Redis URL to this app's user secrets (its UserSecretsId) instead of .env." };
        var showSecret = new Option<bool>("--show-secret") { Description = "Also print REDIS_URL with its password." };
        var report = new Option<string?>("--report") { Description = "Use this 'heimnetz doctor --json' output (e.g. from inside the app's container) instead of running doctor here." };
        var service = new Option<string?>("--service") { Description = "The app's compose service, for extra_hosts and network remedies." };
        var redisService = new Option<string?>("--redis-service") { Description = "The Redis service's name in the compose file, when it is not the one doctor looked for." };
        var command = new Command("fix", "Apply the remedies doctor found that can be applied from here: a development Redis, REDIS_URL, a compose override. Shows the plan first.")
        {
            dryRun, yes, undo, directory, image, allowPull, allowRemote, userSecrets, showSecret, report, service, redisService,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new FixOptions
            {
                Directory = Path.GetFullPath(parseResult.GetValue(directory) ?? Environment.CurrentDirectory),
                DryRun = parseResult.GetValue(dryRun),
                Yes = parseResult.GetValue(yes),
                Undo = parseResult.GetValue(undo),
                Image = parseResult.GetValue(image),
                AllowPull = parseResult.GetValue(allowPull),
                AllowRemote = parseResult.GetValue(allowRemote),
                UserSecretsId = parseResult.GetValue(userSecrets),
                ShowSecret = parseResult.GetValue(showSecret),
                Report = parseResult.GetValue(report),
                Service = parseResult.GetValue(service),
                RedisService = parseResult.GetValue(redisService),
            };
            var runner = new FixRunner(options, configuration(), stdout, stderr, TimeProvider.System)
            {
                IsTerminal = () => !Console.IsInputRedirected,
                Confirm = () => Console.In.ReadLine(),
            };
            return runner.RunAsync(cancellationToken);
        });
        return command;
    }
}

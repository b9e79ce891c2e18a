using Docker.DotNet;
using Heimnetz.Cli.Fix;
using Heimnetz.Configuration;
using Heimnetz.Diagnostics;
using Heimnetz.Discovery;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// One run of <c>heimnetz fix</c>: diagnose (or read a report), plan, confirm, check everything that could refuse,
/// then apply. A step that fails after fix created something removes it again.
/// </summary>
internal sealed class FixRunner(FixOptions options, IConfiguration configuration, TextWriter stdout, TextWriter stderr, TimeProvider timeProvider)
{
    /// <summary>Whether someone at a terminal can answer the confirmation.</summary>
    public Func<bool> IsTerminal { get; init; } = () => false;

    /// <summary>Reads the answer to "Apply this plan?".</summary>
    public Func<string?> Confirm { get; init; } = () => null;

    /// <summary>Passed to <see cref="DevelopmentRedis.AfterPortCheck"/>: tests take the port in the race window with it.</summary>
    internal Func<int, Task>? AfterPortCheck { get; init; }

    private string EnvPath => Path.Combine(options.Directory, DotEnvFile.FileName);

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.Directory))
        {
            await stderr.WriteLineAsync($"heimnetz fix: --directory {options.Directory} does not exist.").ConfigureAwait(false);
            return HeimnetzCli.BadUsage;
        }

        FixEngine engine;
        string? secrets;
        try
        {
            engine = FixEngine.From(configuration);
            secrets = options.UserSecretsId is { } id ? UserSecretsFile.PathFor(id, configuration["HOME"]) : null;
        }
        catch (FixException error)
        {
            await stderr.WriteLineAsync($"heimnetz fix: {error.Message}").ConfigureAwait(false);
            return HeimnetzCli.BadUsage;
        }

        if (engine.IsRemote && !options.AllowRemote)
        {
            await stderr.WriteLineAsync($"heimnetz fix: DOCKER_HOST names an engine on another machine ({engine.Shown}); fix changes only a local engine unless --allow-remote is given. Nothing was changed.").ConfigureAwait(false);
            return HeimnetzCli.BadUsage;
        }

        using var client = engine.Connect();
        var redis = new DevelopmentRedis(client, new FixOwnership(options.Directory), timeProvider)
        {
            BindAddress = engine.IsRemote ? "0.0.0.0" : "127.0.0.1",
            ReachAt = engine.Host,
            CheckPortsLocally = !engine.IsRemote,
            AfterPortCheck = AfterPortCheck,
        };
        try
        {
            return options.Undo
                ? await UndoAsync(redis, secrets, cancellationToken).ConfigureAwait(false)
                : await ApplyAsync(client, redis, secrets, cancellationToken).ConfigureAwait(false);
        }
        catch (FixException error)
        {
            await stderr.WriteLineAsync($"heimnetz fix: {error.Message}").ConfigureAwait(false);
            return FixCommand.Failed;
        }
        catch (HeimnetzConfigurationException error)
        {
            await stderr.WriteLineAsync($"heimnetz fix: {error.Message}").ConfigureAwait(false);
            return HeimnetzCli.BadConfiguration;
        }
    }

    private async Task<int> ApplyAsync(IDockerClient client, DevelopmentRedis redis, string? secrets, CancellationToken cancellationToken)
    {
        var report = options.Report is { } file ? DoctorReportReader.Read(file) : await DiagnoseAsync(cancellationToken).ConfigureAwait(false);
        var reachable = await ReachableAsync(client, cancellationToken).ConfigureAwait(false);
        var existing = reachable ? (await redis.ListOursAsync(cancellationToken).ConfigureAwait(false)).Select(DevelopmentRedis.PortOf).FirstOrDefault(port => port is not null) : null;
        var compose = ComposeOverride.Find(options.Directory);
        var plan = FixPlan.From(report, new FixSituation(reachable, existing, compose?.ComposeFile, options.Service));
        foreach (var line in plan.Render())
        {
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (options.DryRun || plan.Empty)
        {
            await stdout.WriteLineAsync(options.DryRun ? "Dry run: nothing was changed." : "Nothing to apply.").ConfigureAwait(false);
            return HeimnetzCli.Ok;
        }

        if (!options.Yes && !await ConfirmedAsync().ConfigureAwait(false))
        {
            return IsTerminal() ? HeimnetzCli.Ok : HeimnetzCli.BadUsage;
        }

        // Everything that can refuse is checked before anything changes.
        var startRedis = plan.StartRedis;
        if (startRedis is not null && secrets is null)
        {
            DotEnvFile.EnsureWritable(options.Directory);
        }

        var overrideContent = plan.ComposeActions.Count > 0 ? compose!.Render(options.Service!, plan.ComposeActions, options.RedisService) : null;

        if (startRedis is not null)
        {
            await EnsureRedisAsync(redis, startRedis.Port, secrets, cancellationToken).ConfigureAwait(false);
        }

        if (overrideContent is not null)
        {
            var changed = compose!.Write(overrideContent);
            await stdout.WriteLineAsync($"{(changed ? "wrote" : "unchanged")} {Path.GetFileName(compose.OverrideFile)}: {string.Join(", ", plan.ComposeActions.Select(action => action.Kind))} for service '{options.Service}' ({Path.GetFileName(compose.ComposeFile)} is not touched); apply it with: docker compose up -d {options.Service}").ConfigureAwait(false);
        }

        return HeimnetzCli.Ok;
    }

    private async Task EnsureRedisAsync(DevelopmentRedis redis, int port, string? secrets, CancellationToken cancellationToken)
    {
        var instance = await redis.FindAsync(cancellationToken).ConfigureAwait(false)
            ?? await redis.StartAsync(options.Image, options.AllowPull, port, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"{(instance.Reused ? "reused" : "started")} {instance.Name} ({instance.Image}) on {instance.Host}:{instance.Port}, with a generated password").ConfigureAwait(false);
        bool changed;
        string where;
        try
        {
            (changed, where) = secrets is null
                ? (DotEnvFile.Set(EnvPath, DiscoveryConfigurationKeys.RedisUrlVariable, instance.Url), $"{DiscoveryConfigurationKeys.RedisUrlVariable} in {EnvPath}")
                : (UserSecretsFile.Set(secrets, DiscoveryConfigurationKeys.Url, instance.Url), $"{DiscoveryConfigurationKeys.Url} in the user secrets of {options.UserSecretsId}");
        }
        catch (FixException) when (!instance.Reused)
        {
            // The URL is the only way to the password: a Redis nobody can reach is half-made, so it goes.
            await redis.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await stdout.WriteLineAsync($"{(changed ? "wrote" : "unchanged:")} {where} = {(options.ShowSecret ? instance.Url : instance.ShownUrl)}").ConfigureAwait(false);
    }

    private async Task<int> UndoAsync(DevelopmentRedis redis, string? secrets, CancellationToken cancellationToken)
    {
        var ours = await redis.ListOursAsync(cancellationToken).ConfigureAwait(false);
        var urls = new List<string>();
        foreach (var container in ours)
        {
            urls.Add((await redis.ReadAsync(container.ID, cancellationToken).ConfigureAwait(false)).Instance.Url);
        }

        var compose = ComposeOverride.Find(options.Directory);
        if (options.DryRun)
        {
            await stdout.WriteLineAsync($"Undo would remove: {ours.Count} container(s) fix made for {options.Directory}, {DiscoveryConfigurationKeys.RedisUrlVariable} where it points at them, and {(compose is null ? "no override" : Path.GetFileName(compose.OverrideFile))} if fix wrote it unchanged. Dry run: nothing was changed.").ConfigureAwait(false);
            return HeimnetzCli.Ok;
        }

        foreach (var url in urls)
        {
            var removed = secrets is null
                ? DotEnvFile.Remove(EnvPath, DiscoveryConfigurationKeys.RedisUrlVariable, url)
                : UserSecretsFile.Remove(secrets, DiscoveryConfigurationKeys.Url, url);
            await stdout.WriteLineAsync(removed ? $"removed the Redis URL fix wrote from {(secrets is null ? EnvPath : "the user secrets")}" : "the Redis URL fix wrote is no longer there; nothing to remove").ConfigureAwait(false);
        }

        if (compose is not null)
        {
            await stdout.WriteLineAsync(compose.Undo()).ConfigureAwait(false);
        }

        foreach (var name in await redis.RemoveAsync(cancellationToken).ConfigureAwait(false))
        {
            await stdout.WriteLineAsync($"removed container {name}").ConfigureAwait(false);
        }

        if (ours.Count == 0)
        {
            await stdout.WriteLineAsync($"no container of fix's for {options.Directory}").ConfigureAwait(false);
        }

        return HeimnetzCli.Ok;
    }

    private async Task<DoctorReport> DiagnoseAsync(CancellationToken cancellationToken)
    {
        using var opened = await SysrootOption.OpenAsync(null, stderr).ConfigureAwait(false)
            ?? throw new FixException("the live system could not be opened for diagnosis.");
        // The .env fix wrote counts as configuration, so a second run sees the Redis the first one made; the environment wins.
        var fromFile = DotEnvFile.Read(EnvPath, DiscoveryConfigurationKeys.RedisUrlVariable);
        var diagnosed = new ConfigurationBuilder()
            .AddInMemoryCollection(fromFile is null ? [] : [new(DiscoveryConfigurationKeys.RedisUrlVariable, fromFile)])
            .AddConfiguration(configuration)
            .Build();
        return await DoctorRunner.RunAsync(opened.Sysroot, diagnosed, timeProvider, new DockerEngineProbe(timeProvider), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> ReachableAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(DockerEngineProbe.Timeout);
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // An engine that does not answer is a fact for the plan ("no Docker engine answers here"), not an error.
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private async Task<bool> ConfirmedAsync()
    {
        if (!IsTerminal())
        {
            await stderr.WriteLineAsync("heimnetz fix: not run from a terminal, so nobody can confirm the plan; run again with --yes to apply it (or --dry-run to only print it). Nothing was changed.").ConfigureAwait(false);
            return false;
        }

        await stdout.WriteAsync("Apply this plan? [y/N] ").ConfigureAwait(false);
        var answer = Confirm()?.Trim();
        if (string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        await stdout.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
        return false;
    }
}

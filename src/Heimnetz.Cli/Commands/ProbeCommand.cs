using System.CommandLine;
using Heimnetz.Configuration;
using Heimnetz.Probing;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz probe [--json] [--sysroot DIR|FILE.tar.gz] [--config FILE] [--redis-url URL]</c>: the machine-readable
/// report of where we run and which Redis we found. Exit 0 whenever a report was produced.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<IConfiguration> environment)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object (schema heimnetz.probe/1)." };
        var sysroot = SysrootOption.Create();
        var settings = new RedisSettingsOptions();
        var command = new Command("probe", "Detect the environment, probe Redis candidates, and report what was found.") { json, sysroot };
        settings.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var opened = await SysrootOption.OpenAsync(parseResult.GetValue(sysroot), stderr).ConfigureAwait(false);
            if (opened is null)
            {
                return HeimnetzCli.BadUsage;
            }

            var (configuration, exit) = await settings.BuildAsync(parseResult, environment(), stderr).ConfigureAwait(false);
            if (configuration is null)
            {
                return exit;
            }

            ProbeReport report;
            try
            {
                var pipeline = await ProbePipeline.PrepareAsync(opened.Sysroot, configuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                report = await pipeline.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HeimnetzConfigurationException error)
            {
                await stderr.WriteLineAsync($"heimnetz: {error.Message}{settings.Origin(parseResult)}").ConfigureAwait(false);
                return HeimnetzCli.BadConfiguration;
            }

            var text = parseResult.GetValue(json) ? ProbeReportJson.Serialize(report) : ProbeSummary.Render(report);
            await stdout.WriteLineAsync(text).ConfigureAwait(false);
            return HeimnetzCli.Ok;
        });
        return command;
    }
}

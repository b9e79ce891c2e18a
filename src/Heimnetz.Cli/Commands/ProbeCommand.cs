using System.CommandLine;
using Heimnetz.Configuration;
using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary><c>heimnetz probe [--json] [--sysroot DIR|FILE.tar.gz]</c>: the machine-readable report of where we run and which Redis we found.</summary>
internal static class ProbeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object (schema heimnetz.probe/1)." };
        var sysroot = SysrootOption.Create();
        var command = new Command("probe", "Detect the environment, probe Redis candidates, and report what was found.") { json, sysroot };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var opened = await SysrootOption.OpenAsync(parseResult.GetValue(sysroot), stderr).ConfigureAwait(false);
            if (opened is null)
            {
                return HeimnetzCli.BadUsage;
            }

            ProbeReport report;
            try
            {
                report = await ProbeRunner.RunAsync(opened.Sysroot, cancellationToken).ConfigureAwait(false);
            }
            catch (HeimnetzConfigurationException error)
            {
                await stderr.WriteLineAsync($"heimnetz: {error.Message}").ConfigureAwait(false);
                return HeimnetzCli.BadUsage;
            }

            var text = parseResult.GetValue(json) ? ProbeReportJson.Serialize(report) : ProbeSummary.Render(report);
            await stdout.WriteLineAsync(text).ConfigureAwait(false);
            return HeimnetzCli.Ok;
        });
        return command;
    }
}

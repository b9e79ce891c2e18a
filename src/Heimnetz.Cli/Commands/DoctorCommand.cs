using System.CommandLine;
using Heimnetz.Configuration;
using Heimnetz.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz doctor [--json] [--sysroot DIR|FILE.tar.gz] [--config FILE] [--redis-url URL]</c>: says what is wrong with
/// the Redis-and-Docker setup and how to fix it. Exit 0 healthy, 1 degraded, 2 broken (no usable Redis), 3 inconclusive
/// (this process was starved of CPU before a deciding candidate could answer), 64 bad usage, 78 bad Redis settings.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>Exit code when no usable Redis was found.</summary>
    public const int Broken = 2;

    /// <summary>Exit code when starvation left the answer unknown: not a finding about Redis, so not 1 or 2.</summary>
    public const int Inconclusive = 3;

    public static Command Create(TextWriter stdout, TextWriter stderr, Func<IConfiguration> environment)
    {
        var json = new Option<bool>("--json") { Description = $"Print the findings as one JSON object (schema {DoctorReport.CurrentSchema})." };
        var sysroot = SysrootOption.Create();
        var settings = new RedisSettingsOptions();
        var command = new Command("doctor", "Check the Redis-and-Docker setup and say what is wrong and how to fix it (exit 0 healthy, 1 degraded, 2 broken, 3 inconclusive).") { json, sysroot };
        settings.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (configuration, exit) = await settings.BuildAsync(parseResult, environment(), stderr).ConfigureAwait(false);
            return configuration is null
                ? exit
                : await ExecuteAsync(parseResult.GetValue(json), parseResult.GetValue(sysroot), configuration, stdout, stderr, settings.Origin(parseResult), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the doctor with the given configuration and writes the report; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(bool json, string? sysroot, IConfiguration configuration, TextWriter stdout, TextWriter stderr, string origin = "", CancellationToken cancellationToken = default)
    {
        using var opened = await SysrootOption.OpenAsync(sysroot, stderr).ConfigureAwait(false);
        if (opened is null)
        {
            return HeimnetzCli.BadUsage;
        }

        DoctorReport report;
        try
        {
            report = await DoctorRunner.RunAsync(opened.Sysroot, configuration, TimeProvider.System, new DockerEngineProbe(TimeProvider.System), cancellationToken).ConfigureAwait(false);
        }
        catch (HeimnetzConfigurationException error)
        {
            await stderr.WriteLineAsync($"heimnetz: {error.Message}{origin}").ConfigureAwait(false);
            return HeimnetzCli.BadConfiguration;
        }

        if (json)
        {
            await stdout.WriteLineAsync(DoctorReportJson.Serialize(report)).ConfigureAwait(false);
        }
        else
        {
            DoctorTable.Write(report, stdout);
        }

        return ExitCode(report.Verdict);
    }

    /// <summary>The exit code of a verdict.</summary>
    public static int ExitCode(DoctorVerdict verdict) => verdict switch
    {
        DoctorVerdict.Healthy => HeimnetzCli.Ok,
        DoctorVerdict.Degraded => HeimnetzCli.Degraded,
        DoctorVerdict.Inconclusive => Inconclusive,
        _ => Broken,
    };
}

using System.CommandLine;
using Heimnetz.Configuration;
using Heimnetz.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz doctor [--json] [--sysroot DIR|FILE.tar.gz]</c>: says what is wrong with the Redis-and-Docker setup
/// and how to fix it. Exit 0 healthy, 1 degraded, 2 broken (no usable Redis) or bad usage/configuration, 3 inconclusive
/// (this process was starved of CPU before a deciding candidate could answer).
/// </summary>
internal static class DoctorCommand
{
    /// <summary>Exit code when no usable Redis was found; shares 2 with bad usage, as both mean "the app cannot use Redis as configured".</summary>
    public const int Broken = 2;

    /// <summary>Exit code when starvation left the answer unknown: not a finding about Redis, so not 1 or 2.</summary>
    public const int Inconclusive = 3;

    /// <summary>The configuration a live run reads: the process environment, variables under their own names.</summary>
    public static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public static Command Create(TextWriter stdout, TextWriter stderr, Func<IConfiguration> configuration)
    {
        var json = new Option<bool>("--json") { Description = $"Print the findings as one JSON object (schema {DoctorReport.CurrentSchema})." };
        var sysroot = SysrootOption.Create();
        var command = new Command("doctor", "Check the Redis-and-Docker setup and say what is wrong and how to fix it (exit 0 healthy, 1 degraded, 2 broken).") { json, sysroot };
        command.SetAction((parseResult, cancellationToken) =>
            ExecuteAsync(parseResult.GetValue(json), parseResult.GetValue(sysroot), configuration(), stdout, stderr, cancellationToken));
        return command;
    }

    /// <summary>Runs the doctor with the given configuration and writes the report; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(bool json, string? sysroot, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
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
            await stderr.WriteLineAsync($"heimnetz: {error.Message}").ConfigureAwait(false);
            return HeimnetzCli.BadUsage;
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

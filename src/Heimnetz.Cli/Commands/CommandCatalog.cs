using System.CommandLine;

namespace Heimnetz.Cli.Commands;

/// <summary>Every subcommand of <c>heimnetz</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return ProbeCommand.Create(stdout, stderr, RedisSettingsOptions.FromEnvironment);
        yield return CaptureCommand.Create(stdout, stderr, TimeProvider.System);
        yield return WatchCommand.Create(stdout, stderr, RedisSettingsOptions.FromEnvironment);
        yield return DoctorCommand.Create(stdout, stderr, RedisSettingsOptions.FromEnvironment);
        yield return FixCommand.Create(stdout, stderr, RedisSettingsOptions.FromEnvironment);
    }
}

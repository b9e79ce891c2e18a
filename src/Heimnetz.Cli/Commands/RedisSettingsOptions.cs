using System.CommandLine;
using Heimnetz.Discovery;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>--config appsettings.json</c> and <c>--redis-url URL</c>: check what the app is configured with, not only what this
/// shell's environment says. Layered as an ASP.NET Core host layers them: the file, then environment variables, then the URL.
/// </summary>
internal sealed class RedisSettingsOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = $"Read the app's settings from this JSON file ({HeimnetzRedisOptions.SectionName}:* and {DiscoveryConfigurationKeys.NamedConnectionString}); environment variables still override it.",
    };

    public Option<string?> RedisUrl { get; } = new("--redis-url")
    {
        Description = $"Check this redis:// or rediss:// URL, as {DiscoveryConfigurationKeys.RedisUrlVariable} would set it (overrides it).",
    };

    /// <summary>The process environment, variables under their own names: what a live run reads without options.</summary>
    public static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(RedisUrl);
    }

    /// <summary>
    /// The settings the command checks; on a missing or unreadable file writes why to stderr and returns the exit code
    /// (<see cref="HeimnetzCli.BadUsage"/> for a file that is not there, <see cref="HeimnetzCli.BadConfiguration"/> for one that is not JSON).
    /// </summary>
    public async Task<(IConfiguration? Configuration, int ExitCode)> BuildAsync(ParseResult parseResult, IConfiguration environment, TextWriter stderr)
    {
        var builder = new ConfigurationBuilder();
        if (parseResult.GetValue(Config) is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"heimnetz: --config '{file}' does not exist; expected an appsettings JSON file.").ConfigureAwait(false);
                return (null, HeimnetzCli.BadUsage);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddConfiguration(environment);
        if (parseResult.GetValue(RedisUrl) is { } url)
        {
            builder.AddInMemoryCollection([new(DiscoveryConfigurationKeys.RedisUrlVariable, url)]);
        }

        try
        {
            return (builder.Build(), HeimnetzCli.Ok);
        }
        catch (InvalidDataException error)
        {
            await stderr.WriteLineAsync($"heimnetz: --config '{parseResult.GetValue(Config)}' is not valid JSON: {error.InnerException?.Message ?? error.Message}").ConfigureAwait(false);
            return (null, HeimnetzCli.BadConfiguration);
        }
    }

    /// <summary>Says which flag set a setting a configuration problem names, since Core names settings, not flags.</summary>
    public string Origin(ParseResult parseResult) =>
        (parseResult.GetValue(RedisUrl) is null ? string.Empty : $" ({DiscoveryConfigurationKeys.RedisUrlVariable} is the value of --redis-url)")
        + (parseResult.GetValue(Config) is { } file ? $" (file settings from --config '{file}')" : string.Empty);
}

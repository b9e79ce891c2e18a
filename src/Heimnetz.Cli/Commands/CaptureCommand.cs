using System.CommandLine;
using Heimnetz.EnvironmentDetection;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Cli.Commands;

/// <summary><c>heimnetz capture [-o FILE] [--sysroot DIR|FILE.tar.gz]</c>: bundles the files detection reads, secrets scrubbed, for replay with <c>--sysroot</c>.</summary>
internal static class CaptureCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider timeProvider)
    {
        var output = new Option<string?>("--output", "-o") { Description = "The tar.gz to write; default heimnetz-capture-<UTC time>.tar.gz in the current directory." };
        var sysroot = SysrootOption.Create();
        var command = new Command("capture", "Write the files environment detection reads (secrets scrubbed) into a tar.gz that --sysroot replays.") { output, sysroot };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var opened = await SysrootOption.OpenAsync(parseResult.GetValue(sysroot), stderr).ConfigureAwait(false);
            if (opened is null)
            {
                return HeimnetzCli.BadUsage;
            }

            var capturedAt = timeProvider.GetUtcNow();
            var path = parseResult.GetValue(output) ?? SysrootCapture.DefaultFileName(capturedAt);
            IReadOnlyList<string> written;
            try
            {
                var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                await using (file.ConfigureAwait(false))
                {
                    written = await SysrootCapture.WriteAsync(opened.Sysroot, file, capturedAt, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"heimnetz: --output '{path}' could not be written: {error.Message}").ConfigureAwait(false);
                return HeimnetzCli.BadUsage;
            }

            var missing = SysrootFiles.All.Except(written).ToList();
            await stdout.WriteLineAsync($"wrote {path}: {written.Count} files{(missing.Count > 0 ? $" (absent: {string.Join(", ", missing)})" : string.Empty)}").ConfigureAwait(false);
            return HeimnetzCli.Ok;
        });
        return command;
    }
}

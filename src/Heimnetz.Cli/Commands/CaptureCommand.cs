using System.CommandLine;
using Heimnetz.EnvironmentDetection;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz capture [-o FILE] [--sysroot DIR|FILE.tar.gz]</c>: bundles the files detection reads, for replay with
/// <c>--sysroot</c>. The environment is scrubbed by <see cref="EnvironScrubber"/>: secret-looking names, password tokens
/// and URL userinfo are masked.
/// </summary>
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

            // Absent files are normal (no .dockerenv on a host); a refused or unreadable one is said with its reason.
            var notWritten = SysrootFiles.All.Except(written).Select(opened.Sysroot.Read).ToList();
            var missing = notWritten.Where(file => file.Status is SysrootFileStatus.Missing).Select(file => file.RelativePath).ToList();
            await stdout.WriteLineAsync($"wrote {path}: {written.Count} files{(missing.Count > 0 ? $" (absent: {string.Join(", ", missing)})" : string.Empty)}").ConfigureAwait(false);
            foreach (var file in notWritten.Where(file => file.Status is not SysrootFileStatus.Missing))
            {
                await stdout.WriteLineAsync($"not captured: {file.RelativePath}: {file.Problem}").ConfigureAwait(false);
            }

            return HeimnetzCli.Ok;
        });
        return command;
    }
}

using Heimnetz.Harness.Fixtures.Logging;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Harness.Scenarios.Cli;

/// <summary>
/// The part of a command that talks to the Docker engine: Testcontainers' log lines go to a file for its duration, and
/// at its end this run's labelled containers and networks are removed. Commands that never open one (<c>list</c>,
/// <c>report</c>) need no engine at all.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly FileLogger log;
    private readonly bool keep;

    private EngineSession(FileLogger log, bool keep)
    {
        this.log = log;
        this.keep = keep;
        TestcontainersLog.Logger = log;
        // Inside this repository the probe is published from source unless HEIMNETZ_PROBE_BINARY names one.
        Fixtures.Probe.SourceProbe.Register();
    }

    /// <summary>Where Testcontainers' own lines went.</summary>
    public string LogPath => log.Path;

    /// <summary>Starts a session whose Testcontainers log is <paramref name="logPath"/>; with <paramref name="keep"/> its resources stay up.</summary>
    public static EngineSession Open(string logPath, bool keep = false) => new(new FileLogger(logPath), keep);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!keep)
            {
                await SessionJanitor.RemoveSessionAsync(HarnessSession.Id).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Cleanup must not hide the command's own outcome; the message says how to clean up by hand.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"could not remove this run's containers and networks ({error.GetType().Name}: {error.Message}); remove them with eng/sweep.sh {HarnessSession.Id}").ConfigureAwait(false);
        }
        finally
        {
            TestcontainersLog.Logger = DotNet.Testcontainers.ConsoleLogger.Instance;
            log.Dispose();
        }
    }
}

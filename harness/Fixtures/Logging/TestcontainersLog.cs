using DotNet.Testcontainers;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Harness.Fixtures.Logging;

/// <summary>
/// Where Testcontainers' own log lines go for every container and network the harness builds: its console logger by
/// default (tests), a file when the harness CLI runs, so the terminal shows the cells and not the engine chatter.
/// </summary>
public static class TestcontainersLog
{
    public static ILogger Logger { get; set; } = ConsoleLogger.Instance;
}

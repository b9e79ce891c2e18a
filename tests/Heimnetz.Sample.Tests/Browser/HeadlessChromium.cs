using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Heimnetz.Sample.Tests.Browser;

/// <summary>
/// Debian's headless chromium on one loopback page, driven over the DevTools protocol (a WebSocket, no client library):
/// evaluate an expression, capture a screenshot. The page stays open, so it sees what its live stream pushes.
/// Missing chromium ignores the test on a developer's machine and fails it under CI=true, like the report's browser tests.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const string Category = "Browser";

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<HeadlessChromium> OpenAsync(Uri page, CancellationToken cancellationToken)
    {
        var binary = Require();
        var profile = Directory.CreateTempSubdirectory("heimnetz-chromium-");
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,860",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", page.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var devtools = await DevToolsAddressAsync(process, cancellationToken);
            using var http = new HttpClient();
            var targets = await http.GetFromJsonAsync<JsonArray>(new Uri(devtools, "/json/list"), cancellationToken) ?? [];
            var target = targets.First(target => (string?)target?["type"] == "page")!;
            await browser.socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>The value of a JavaScript expression on the page (awaited if it is a promise).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        return result["result"]?["value"];
    }

    /// <summary>Polls <paramref name="expression"/> until it yields <paramref name="expected"/>; fails naming the last value.</summary>
    public async Task WaitForAsync(string expression, string expected, CancellationToken cancellationToken)
    {
        string? last = null;
        try
        {
            while (true)
            {
                last = (await EvaluateAsync(expression, cancellationToken))?.ToString();
                if (last == expected)
                {
                    return;
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        Assert.Fail($"'{expression}' stayed '{last}', expected '{expected}'.");
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        profile.Delete(recursive: true);
    }

    private static string Require()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        const string Reason = "chromium is not installed (eng/install-test-tools.sh installs it: apt-get install chromium)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI requires chromium for the {Category} tests: {Reason}");
        }

        Assert.Ignore(Reason);
        return string.Empty;
    }

    // Chromium prints "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" on stderr once it is ready.
    private static async Task<Uri> DevToolsAddressAsync(Process process, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            seen.AppendLine(line);
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new Uri($"http://127.0.0.1:{match.Groups["port"].Value}");
            }
        }

        throw new InvalidOperationException($"chromium exited before it opened DevTools:{Environment.NewLine}{seen}");
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult frame;
            do
            {
                frame = await socket.ReceiveAsync(buffer, cancellationToken);
                received.Write(buffer, 0, frame.Count);
            }
            while (!frame.EndOfMessage);

            // Events arrive between answers; only the answer with our id counts.
            var reply = JsonNode.Parse(received.ToArray())!;
            if ((int?)reply["id"] != id)
            {
                continue;
            }

            return reply["error"] is { } error
                ? throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}")
                : reply["result"]!;
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}

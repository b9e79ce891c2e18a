using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Scenarios.Situations;

namespace Heimnetz.Scenarios.Tests.Nodes;

public sealed class TrafficRunUnitTests
{
    [Test]
    public void Parse_BatchesOfCurlLines_TimesEachRequestFromItsBatchStart()
    {
        var run = TrafficRun.Parse("at 1000\n404 0.002\n404 0.003\nat 2000\n000 2.001\n503 0.010\n");

        Assert.Multiple(() =>
        {
            Assert.That(run.Requests.Select(r => r.Status), Is.EqualTo(new[] { 404, 404, 0, 503 }));
            Assert.That(run.Requests.Select(r => r.At.ToUnixTimeMilliseconds()), Is.EqualTo(new long[] { 1000, 1002, 2000, 4001 }));
            Assert.That(run.Requests[1].Milliseconds, Is.EqualTo(3).Within(1e-9));
            Assert.That(run.Requests.Count(r => r.IsConnectionError), Is.EqualTo(1));
            Assert.That(run.Requests.Count(r => r.IsServerError), Is.EqualTo(1));
        });
    }

    [Test]
    public void Parse_SomethingElse_ThrowsNamingTheLineAndTheFormat()
    {
        var error = Assert.Throws<FormatException>(() => TrafficRun.Parse("at 1000\ncurl: (6) Could not resolve host\n"));

        Assert.That(error!.Message, Does.Contain("'curl: (6) Could not resolve host'").And.Contain("<status> <seconds>"));
    }

    [Test]
    public void Figures_RequestsAcrossAnOutage_PercentilesOnlyFromTheOutageWindow()
    {
        // 100 requests of 1..100 ms inside the window, and two slow ones outside it that must not count.
        var start = DateTimeOffset.FromUnixTimeSeconds(1000);
        var lines = new List<string> { "at 999000", "200 5.000", "at 1000000" };
        lines.AddRange(Enumerable.Range(1, 100).Select(ms => $"404 {ms / 1000.0:0.000}"));
        lines.Add("at 1010000");
        lines.Add("404 9.000");
        var run = TrafficRun.Parse(string.Join('\n', lines));

        var figures = TrafficFigures.From(run, start, start.AddSeconds(9), start);

        Assert.Multiple(() =>
        {
            Assert.That(figures["httpRequests"], Is.EqualTo(102));
            Assert.That(figures["httpOutageRequests"], Is.EqualTo(100));
            Assert.That(figures["httpOutageP50Ms"], Is.EqualTo(50));
            Assert.That(figures["httpOutageP99Ms"], Is.EqualTo(99));
            Assert.That(figures["httpOutageMaxMs"], Is.EqualTo(100));
            Assert.That(figures["http5xx"], Is.Zero);
            Assert.That(figures.Keys, Has.Some.StartsWith("httpP99Ms@"));
        });
    }
}

using Heimnetz.Cli;
using Heimnetz.Cli.Commands;

namespace Heimnetz.Tests.Cli;

[TestFixture]
public sealed class WatchCommandUnitTests
{
    [TestCase("500ms", 500)]
    [TestCase("10s", 10_000)]
    [TestCase("2m", 120_000)]
    [TestCase("1.5s", 1_500)]
    public void ParseDuration_ValidText_ReturnsDuration(string text, double milliseconds) =>
        Assert.That(WatchCommand.ParseDuration(text, "--duration"), Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));

    [TestCase("10")]
    [TestCase("ten seconds")]
    [TestCase("-1s")]
    [TestCase("0s")]
    [TestCase("")]
    public void ParseDuration_InvalidText_ThrowsNamingValueAndOption(string text) =>
        Assert.That(
            () => WatchCommand.ParseDuration(text, "--duration"),
            Throws.InstanceOf<FormatException>().With.Message.Contains($"'{text}' for --duration").And.Message.Contains("e.g. 500ms"));

    [Test]
    public async Task Run_BadDuration_ExitsWithBadUsageAndSaysWhy()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await HeimnetzCli.RunAsync(["watch", "--duration", "soon"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr.ToString(), Does.Contain("'soon' for --duration"));
        });
    }

    [TestCase("--duration", "99999999999999s")]
    [TestCase("--interval", "99999999999999s")]
    [TestCase("--interval", "2000h")]
    public async Task Run_DurationBeyondTheLargestWait_ExitsWithBadUsageNamingTheValue(string option, string text)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await HeimnetzCli.RunAsync(["watch", option, text, "--endpoint", "127.0.0.1:1"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(HeimnetzCli.BadUsage), stderr.ToString());
            Assert.That(stderr.ToString(), Does.Contain($"'{text}' for {option}").And.Contain("at most"));
        });
    }

    [Test]
    public async Task Run_VerboseWithNoRedisAnswering_LogsWhyEachRecoveryAttemptFailedToStderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Port 1 on loopback refuses at once: every recovery attempt fails, and each says why.
        var exitCode = await HeimnetzCli.RunAsync(["watch", "--duration", "1s", "--endpoint", "127.0.0.1:1", "--verbose"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(HeimnetzCli.Ok), stderr.ToString());
            Assert.That(stderr.ToString(), Does.Contain("dbug RecoveryAttemptFailed: Recovery attempt 1 failed: connect to 127.0.0.1:1"));
            Assert.That(stdout.ToString(), Does.Not.Contain("RecoveryAttemptFailed"), "the log stays off stdout, which --json keeps to one object per line");
        });
    }

    [Test]
    public async Task Run_WithoutVerbose_WritesNoLogToStderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await HeimnetzCli.RunAsync(["watch", "--duration", "1s", "--endpoint", "127.0.0.1:1"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(HeimnetzCli.Ok));
            Assert.That(stderr.ToString(), Is.Empty);
        });
    }

    [TestCase(0.50, 5)]
    [TestCase(0.99, 10)]
    public void Percentile_SortedSamples_NearestRank(double quantile, double expected) =>
        Assert.That(WatchCommand.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], quantile), Is.EqualTo(expected));
}

using BenchmarkDotNet.Running;
using Heimnetz.Benchmarks;
using Heimnetz.Benchmarks.Failover;
using Heimnetz.Benchmarks.Paired;
using Heimnetz.Benchmarks.Reporting;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;

// Verbs:
//   (none)    BenchmarkDotNet suites; [--smoke] for one dry invocation each; other arguments go to BenchmarkDotNet (--filter ...)
//   failover  the failover harness; [--smoke] for short phases; [--out artifacts/bench/failover.json]
//   paired    the targets' ratios, Heimnetz and the alternative in alternating rounds; [--smoke]; [--out artifacts/bench/paired.json]
//             [--defaults]: Heimnetz with its default 50 ms timeouts instead of the report's 1 s (see BenchCacheOptions)
//             [--only text]: only the comparisons whose name contains text, e.g. --only "memory mode"
//   report    renders docs/benchmarks.md from artifacts/bench; [--artifacts dir] [--out file] [--command text]
var arguments = args.ToList();
var smoke = arguments.Remove("--smoke");
var verb = arguments.FirstOrDefault();

if (verb == "failover")
{
    var output = Option(arguments, "--out") ?? Path.Combine("artifacts", "bench", "failover.json");
    return await FailoverHarness.RunAsync(smoke ? FailoverSettings.Smoke : FailoverSettings.Full, output);
}

if (verb == "paired")
{
    var output = Option(arguments, "--out") ?? Path.Combine("artifacts", "bench", "paired.json");
    var only = Option(arguments, "--only");
    var options = arguments.Remove("--defaults") ? new HeimnetzCacheOptions() : BenchCacheOptions.Generous();
    return await PairedHarness.RunAsync(smoke ? PairedSettings.Smoke : PairedSettings.Full, options, output, only);
}

if (verb == "report")
{
    var artifacts = Option(arguments, "--artifacts") ?? Path.Combine("artifacts", "bench");
    var output = Option(arguments, "--out") ?? Path.Combine("docs", "benchmarks.md");
    var command = Option(arguments, "--command") ?? "./build.sh --target=Bench";
    return BenchmarkReport.Write(artifacts, output, command);
}

if (!arguments.Any(argument => argument is "--filter" or "-f" or "--list" or "--help" or "-h"))
{
    // Without a filter BenchmarkDotNet asks which suite to run; the build wants all of them, unattended.
    arguments.AddRange(["--filter", "*"]);
}

var config = BenchConfig.Create(smoke, Path.GetFullPath(Path.Combine("artifacts", "bench", "bdn")));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run([.. arguments], config);
var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
if (failed)
{
    Console.Error.WriteLine("benchmarks: at least one benchmark failed; see the log above.");
}

return failed ? 1 : 0;

static string? Option(List<string> arguments, string name)
{
    var index = arguments.IndexOf(name);
    if (index < 0)
    {
        return null;
    }

    if (index + 1 >= arguments.Count)
    {
        throw new ArgumentException($"Option '{name}' needs a value.");
    }

    var value = arguments[index + 1];
    arguments.RemoveRange(index, 2);
    return value;
}

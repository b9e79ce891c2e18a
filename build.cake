// The build: small tasks composed into a few obvious targets. Test tiers are filters, not separate scripts.
//   ./build.sh                      Build
//   ./build.sh --target=UnitTest    tests that need no Docker engine (seconds)
//   ./build.sh --target=Test        everything: provisions the engine and images first
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = "./Heimnetz.sln";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");
var dockerCategory = "Docker";

// A failing tier is recorded, not thrown, so the Docker tier still runs after a unit failure; the run fails at the end.
var failedTiers = new List<string>();

void RunTests(string filter, string label)
{
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            Filter = filter,
            ResultsDirectory = testResults,
            Loggers = new[] { $"trx;LogFilePrefix={label}", "console;verbosity=normal" },
        });
    }
    catch (CakeException error)
    {
        Error($"{label} tests failed: {error.Message}");
        failedTiers.Add(label);
    }
}

void RunScript(string script, string arguments = "")
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = $"{script} {arguments}".Trim() });
    if (exitCode != 0)
    {
        throw new CakeException($"{script} failed with exit code {exitCode}.");
    }
}

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("UnitTest")
    .Description("Tests that need no Docker engine.")
    .IsDependentOn("Build")
    .Does(() => RunTests($"TestCategory!={dockerCategory}", "unit"));

Task("Engine")
    .Description("Makes sure a Docker engine with API 1.44+ answers; installs and starts one on Debian when root.")
    .Does(() => RunScript("eng/provision-engine.sh"));

Task("Images")
    .Description("Builds the offline images from Debian packages, or skips those whose recipe is unchanged.")
    .IsDependentOn("Engine")
    .Does(() => RunScript("eng/images/build-images.sh"));

Task("Sweep")
    .Description("Removes containers and networks that crashed test runs left behind.")
    .Does(() => RunScript("eng/sweep.sh"));

Task("ScenarioTest")
    .Description("Docker-backed tests: real topologies, real Redis and Valkey.")
    .IsDependentOn("Build")
    .IsDependentOn("Images")
    .Does(() => RunTests($"TestCategory={dockerCategory}", "scenario"));

Task("Test")
    .Description("All tests: unit first (fast feedback), then Docker-backed.")
    .IsDependentOn("UnitTest")
    .IsDependentOn("ScenarioTest");

Task("AcceptSnapshots")
    .Description("Runs all tests and accepts every changed snapshot (refused when CI is set).")
    .Does(() =>
{
    if (EnvironmentVariable("CI") == "true")
    {
        throw new CakeException("Snapshots are never accepted on CI.");
    }

    System.Environment.SetEnvironmentVariable("HEIMNETZ_ACCEPT_SNAPSHOTS", "true");
    RunTarget("Test");
});

// Benchmarks: BenchmarkDotNet suites and the failover harness against a real redis-server on loopback, then the report.
// Always Release: BenchmarkDotNet refuses unoptimized code, and figures from a Debug build would mislead.
var benchProject = "./bench/Heimnetz.Benchmarks/Heimnetz.Benchmarks.csproj";
var benchArtifacts = artifacts.Combine("bench");

void RunBench(params string[] arguments)
{
    var builder = new ProcessArgumentBuilder();
    foreach (var argument in arguments)
    {
        builder.AppendQuoted(argument);
    }

    DotNetRun(benchProject, builder, new DotNetRunSettings { Configuration = "Release", NoBuild = true, NoRestore = true });
}

Task("BenchBuild")
    .Does(() =>
{
    DotNetBuild(benchProject, new DotNetBuildSettings { Configuration = "Release" });
    CleanDirectory(benchArtifacts);
});

Task("Bench")
    .Description("Runs every benchmark and the failover harness (about 10 minutes) and regenerates docs/benchmarks.md.")
    .IsDependentOn("BenchBuild")
    .Does(() =>
{
    RunBench();
    RunBench("failover", "--out", benchArtifacts.CombineWithFilePath("failover.json").FullPath);
    RunBench("report", "--artifacts", benchArtifacts.FullPath, "--out", "docs/benchmarks.md", "--command", "./build.sh --target=Bench");
});

Task("BenchSmoke")
    .Description("Proves the benchmarks run: one dry invocation each and short failover phases (under 2 minutes); docs stay untouched.")
    .IsDependentOn("BenchBuild")
    .Does(() =>
{
    RunBench("--smoke");
    RunBench("failover", "--smoke", "--out", benchArtifacts.CombineWithFilePath("failover.json").FullPath);
    RunBench("report", "--artifacts", benchArtifacts.FullPath, "--out", benchArtifacts.CombineWithFilePath("benchmarks-smoke.md").FullPath, "--command", "./build.sh --target=BenchSmoke");
});

RunTarget(target);

if (failedTiers.Count > 0)
{
    throw new CakeException($"Tests failed in: {string.Join(", ", failedTiers)}.");
}

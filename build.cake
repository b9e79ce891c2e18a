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

RunTarget(target);

if (failedTiers.Count > 0)
{
    throw new CakeException($"Tests failed in: {string.Join(", ", failedTiers)}.");
}

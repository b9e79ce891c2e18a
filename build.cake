// The build: small tasks composed into a few obvious targets. Test tiers are filters, not separate scripts.
//   ./build.sh                      Build
//   ./build.sh --target=UnitTest    tests that need no Docker engine (seconds)
//   ./build.sh --target=Test        everything: provisions the engine, test tools and images first
//   ./build.sh --target=Pack        the NuGet packages and the dotnet tool, into artifacts/packages
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = "./Heimnetz.sln";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");
var dockerCategory = "Docker";
var historyCategory = "History";

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

Task("History")
    .Description("Only the cache's history checker (also part of UnitTest): 8 workers through real failovers, both policies; HEIMNETZ_CACHE_HISTORY_SEEDS=20 for 20 seeds.")
    .IsDependentOn("Build")
    .Does(() => RunTests($"TestCategory={historyCategory}", "history"));

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
    .Description("Docker-backed tests: real topologies, real Redis and Valkey, and the sample service built from source.")
    .IsDependentOn("Build")
    .IsDependentOn("Images")
    .IsDependentOn("SampleImage")
    .Does(() => RunTests($"TestCategory={dockerCategory}", "scenario"));

Task("TestTools")
    .Description("Installs what the tests run for real (redis-server, chromium, docker compose), or names the command that does.")
    .IsDependentOn("Engine")
    .Does(() => RunScript("eng/install-test-tools.sh"));

Task("Test")
    .Description("All tests: provisions the engine and the test tools, then unit first (fast feedback), then Docker-backed.")
    .IsDependentOn("TestTools")
    .IsDependentOn("UnitTest")
    .IsDependentOn("ScenarioTest");

Task("Pack")
    .Description("Packs Heimnetz.Core, the heimnetz tool and Heimnetz.Testing (with the probe inside), with symbols, into artifacts/packages (eng/verify-packages.sh installs them).")
    .IsDependentOn("Probe")
    .Does(() =>
{
    var packages = artifacts.Combine("packages");
    CleanDirectory(packages);
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = packages,
        // Source paths in the PDBs become /_/..., so a package is the same on every machine that packs one commit.
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("ContinuousIntegrationBuild", "true")
            // Heimnetz.Testing carries the probe the Probe task published, instead of publishing it again.
            .WithProperty("HeimnetzProbeBinary", EnvironmentVariable("HEIMNETZ_PROBE_BINARY")),
    });
});

Task("Consumers")
    .Description("Packs, then runs samples/Consumers against the packed Heimnetz.Testing (a PackageReference from the local feed): the sample image and a log-only worker through real situations.")
    .IsDependentOn("Pack")
    .IsDependentOn("SampleImage")
    .Does(() =>
{
    var package = GetFiles(artifacts.Combine("packages").FullPath + "/Heimnetz.Testing.*.nupkg").Single();
    var version = package.GetFilenameWithoutExtension().ToString().Substring("Heimnetz.Testing.".Length);
    // A cache of its own: a repack of one commit keeps its version, and a shared cache would serve the older bytes.
    var cache = artifacts.Combine("consumers/nuget-packages");
    EnsureDirectoryExists(cache);
    foreach (var stale in GetDirectories(cache.FullPath + "/heimnetz.*"))
    {
        DeleteDirectory(stale, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    try
    {
        DotNetTest("./samples/Consumers/Heimnetz.Consumer.Tests/Heimnetz.Consumer.Tests.csproj", new DotNetTestSettings
        {
            Configuration = configuration,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx;LogFilePrefix=consumers", "console;verbosity=normal" },
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("HeimnetzTestingVersion", version),
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = cache.FullPath,
                // The probe must come from the package, as it does for a user.
                ["HEIMNETZ_PROBE_BINARY"] = "",
                ["TESTCONTAINERS_RYUK_DISABLED"] = EnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") ?? "true",
            },
        });
    }
    catch (CakeException error)
    {
        throw new CakeException($"The consumer tests of Heimnetz.Testing {version} failed: {error.Message}");
    }
});

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
    .Description("Runs every benchmark, the paired ratios and the failover harness (about 8 minutes) and regenerates docs/benchmarks.md.")
    .IsDependentOn("BenchBuild")
    .Does(() =>
{
    RunBench();
    RunBench("paired", "--out", benchArtifacts.CombineWithFilePath("paired.json").FullPath);
    RunBench("failover", "--out", benchArtifacts.CombineWithFilePath("failover.json").FullPath);
    RunBench("report", "--artifacts", benchArtifacts.FullPath, "--out", "docs/benchmarks.md", "--command", "./build.sh --target=Bench");
});

Task("BenchSmoke")
    .Description("Proves the benchmarks run: one dry invocation each and short failover phases (under 2 minutes); docs stay untouched.")
    .IsDependentOn("BenchBuild")
    .Does(() =>
{
    RunBench("--smoke");
    RunBench("paired", "--smoke", "--out", benchArtifacts.CombineWithFilePath("paired.json").FullPath);
    RunBench("failover", "--smoke", "--out", benchArtifacts.CombineWithFilePath("failover.json").FullPath);
    RunBench("report", "--artifacts", benchArtifacts.FullPath, "--out", benchArtifacts.CombineWithFilePath("benchmarks-smoke.md").FullPath, "--command", "./build.sh --target=BenchSmoke");
});
// ---- The resolution matrix: every scenario against every server flavour, shardable for a CI job matrix. ----
//   ./build.sh --target=Matrix                                        all cells, then the merged report
//   ./build.sh --target=Matrix --server=redis-8.0 --scenario=slow-peer     a selection (comma-separated lists)
//   ./build.sh --target=Matrix --shard=2/3                            one CI shard: cells only
//   ./build.sh --target=Matrix --repeat=3                             every cell 3 times; each must give its approved row 3/3
//   ./build.sh --target=Matrix --app-cpus=0.25                        every app container limited to a quarter core: same matrix
//   ./build.sh --target=MatrixReport                                  merge whatever cell files are present
//   ./build.sh --target=Matrix --engine=docker,podman                 the engine axis: every cell on each kind of engine
//   ./build.sh --target=Matrix --engines=local=unix:///var/run/docker.sock,docker2=unix:///run/heimnetz-docker2/docker.sock
//                                                                     one matrix spread round-robin over several engines
// The harness does the work (harness/Scenarios: 'cells' and 'report'); this block only wires it up.
var matrixServers = Argument("server", "");
var matrixScenarios = Argument("scenario", "");
var matrixShard = Argument("shard", "");
var matrixRepeat = Argument("repeat", "1");
var matrixAppCpus = Argument("app-cpus", "");
var matrixEngineKinds = Argument("engine", "docker").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var matrixEngines = Argument("engines", "");
var podmanSocket = EnvironmentVariable("HEIMNETZ_PODMAN_SOCKET") ?? "/run/podman/podman.sock";
var matrixArtifacts = artifacts.Combine("matrix");
var matrixCells = matrixArtifacts.Combine("cells");
var harnessProject = "./harness/Scenarios/Heimnetz.Harness.Scenarios.csproj";

ProcessSettings HarnessProcess(string arguments, string dockerHost = null)
{
    var environment = new Dictionary<string, string>
    {
        // Ryuk needs a registry image; the harness labels and removes its own resources.
        ["TESTCONTAINERS_RYUK_DISABLED"] = EnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") ?? "true",
    };
    if (dockerHost != null)
    {
        environment["DOCKER_HOST"] = dockerHost;
    }

    return new ProcessSettings
    {
        Arguments = $"run --project {harnessProject} -c {configuration} --no-build -- {arguments}",
        EnvironmentVariables = environment,
    };
}

int RunHarness(string arguments) => StartProcess("dotnet", HarnessProcess(arguments));

// One harness process per engine, side by side (the harness's host lease orders the cells that publish host ports);
// each talks to its engine through DOCKER_HOST. Returns the worst exit code.
int RunHarnessOnEngines(IReadOnlyList<(string Arguments, string DockerHost)> runs)
{
    var processes = runs.Select(run => StartAndReturnProcess("dotnet", HarnessProcess(run.Arguments, run.DockerHost))).ToList();
    var exitCodes = processes.Select(process => { process.WaitForExit(); return process.GetExitCode(); }).ToList();
    return exitCodes.Max();
}

// --engines=label=endpoint,...: the engines one matrix is spread over (all of the one --engine kind).
List<(string Label, string Endpoint)> ParseEngines(string list) =>
    list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(entry => entry.Split('=', 2))
        .Select(parts => parts.Length == 2 && parts[0].Length > 0 && parts[1].Contains("://")
            ? (parts[0], parts[1])
            : throw new CakeException($"--engines entry '{string.Join("=", parts)}' is not label=endpoint; expected e.g. docker2=unix:///run/heimnetz-docker2/docker.sock."))
        .ToList();

Task("Probe")
    .Description("Publishes the probe once (self-contained, linux-x64) and hands it to the harness via HEIMNETZ_PROBE_BINARY.")
    .Does(() =>
{
    var output = artifacts.Combine("probe/linux-x64");
    DotNetPublish("./src/Heimnetz.Cli/Heimnetz.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        SelfContained = true,
        PublishSingleFile = true,
        OutputDirectory = output,
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("EnableCompressionInSingleFile", "true")
            .WithProperty("DebugType", "none"),
    });
    System.Environment.SetEnvironmentVariable("HEIMNETZ_PROBE_BINARY", output.CombineWithFilePath("heimnetz").FullPath);
});

Task("SampleImage")
    .Description("Publishes the sample service from source and builds heimnetz/sample-service:dev on the offline base, with the probe's CLI inside.")
    .IsDependentOn("Images")
    .IsDependentOn("Probe")
    .Does(() => RunScript("eng/sample-image.sh", $"--cli \"{EnvironmentVariable("HEIMNETZ_PROBE_BINARY")}\""));

Task("MatrixArguments")
    .Description("Checks --repeat before minutes of image and probe builds, with the message the harness would give.")
    .Does(() =>
{
    if (!int.TryParse(matrixRepeat, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
    {
        throw new CakeException($"--repeat '{matrixRepeat}' is not a run count; expected a positive integer, e.g. --repeat=3.");
    }

    foreach (var kind in matrixEngineKinds.Where(kind => kind != "docker" && kind != "podman"))
    {
        throw new CakeException($"--engine '{kind}' is not an engine kind; expected docker, podman, or both (--engine=docker,podman).");
    }

    if (!string.IsNullOrEmpty(matrixEngines))
    {
        ParseEngines(matrixEngines);
        if (matrixEngineKinds.Length != 1 || !string.IsNullOrEmpty(matrixShard))
        {
            throw new CakeException("--engines spreads the cells of one engine kind itself: use it with a single --engine and without --shard.");
        }
    }
});

Task("MatrixHarness")
    .Description("Builds the scenario harness once, so each harness call starts without a build.")
    .Does(() => DotNetBuild(harnessProject, new DotNetBuildSettings { Configuration = configuration }));

Task("Matrix")
    .Description("Runs the selected (--server, --scenario, --shard) cells --repeat times into artifacts/matrix/cells; unsharded, also the report.")
    .IsDependentOn("MatrixArguments")
    .IsDependentOn("Images")
    .IsDependentOn("Probe")
    // Every container scenario runs the sample service beside the probe, built from this checkout like the probe.
    .IsDependentOn("SampleImage")
    .IsDependentOn("MatrixHarness")
    .Does(() =>
{
    var sharded = !string.IsNullOrEmpty(matrixShard);
    if (!sharded)
    {
        // A whole run starts clean, so the report holds this run's cells only.
        CleanDirectory(matrixCells);
    }

    var selection = $"--out \"{matrixCells}\"";
    selection += string.IsNullOrEmpty(matrixServers) ? "" : $" --server {matrixServers}";
    selection += string.IsNullOrEmpty(matrixScenarios) ? "" : $" --scenario {matrixScenarios}";
    selection += $" --repeat {matrixRepeat}";
    selection += string.IsNullOrEmpty(matrixAppCpus) ? "" : $" --app-cpus {matrixAppCpus}";
    if (matrixEngineKinds.Contains("podman"))
    {
        RunScript("eng/provision-podman.sh");
    }

    var runs = new List<(string Arguments, string DockerHost)>();
    if (!string.IsNullOrEmpty(matrixEngines))
    {
        var engines = ParseEngines(matrixEngines);
        foreach (var engine in engines)
        {
            // Each engine runs this checkout's images: copied from the first engine, never pulled.
            RunScript("eng/copy-images.sh", engine.Endpoint);
        }

        runs.AddRange(engines.Select((engine, index) =>
            ($"cells {selection} --engine {matrixEngineKinds[0]} --engine-label {engine.Label} --shard {index + 1}/{engines.Count}", engine.Endpoint)));
    }
    else
    {
        runs.AddRange(matrixEngineKinds.Select(kind =>
            ($"cells {selection} --engine {kind}{(sharded ? $" --shard {matrixShard}" : "")}", kind == "podman" ? $"unix://{podmanSocket}" : (string)null)));
    }

    var cellsExit = RunHarnessOnEngines(runs);
    var reportExit = sharded ? 0 : RunHarness($"report --cells \"{matrixCells}\" --out \"{matrixArtifacts}\"");
    if (cellsExit != 0 || reportExit != 0)
    {
        throw new CakeException($"The matrix is red: cells exit {cellsExit}, report exit {reportExit} (the cells that need attention are named above; see {matrixArtifacts}/report.html, and Testcontainers' own log in {matrixArtifacts}/testcontainers.log).");
    }
});

Task("MatrixReport")
    .Description("Merges every cell file under artifacts/matrix/cells into matrix.md, matrix.json, timings.json and report.html.")
    .IsDependentOn("MatrixHarness")
    .Does(() =>
{
    var exitCode = RunHarness($"report --cells \"{matrixCells}\" --out \"{matrixArtifacts}\"");
    if (exitCode != 0)
    {
        throw new CakeException($"The matrix is red (report exit {exitCode}); see {matrixArtifacts}/report.html.");
    }
});
// ---- end of the matrix block ----

RunTarget(target);

if (failedTiers.Count > 0)
{
    throw new CakeException($"Tests failed in: {string.Join(", ", failedTiers)}.");
}

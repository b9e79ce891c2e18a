using Heimnetz.EnvironmentDetection;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Is a Docker engine installed, does it answer, and is its API new enough.</summary>
internal sealed class EngineCheck : IDoctorCheck
{
    /// <summary>The oldest engine API the tooling around Heimnetz (Testcontainers 4.x) accepts.</summary>
    public static readonly Version MinimumApiVersion = new(1, 44);

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        var engine = context.Engine;
        switch (engine.State)
        {
            case EngineState.NotInstalled:
                yield return new Finding(
                    FindingCodes.EngineNotInstalled,
                    FindingSeverity.Info,
                    "No Docker engine on this machine",
                    ["no docker CLI on PATH", $"no engine socket at {engine.Endpoint}", "DOCKER_HOST is not set"],
                    new NoAutomaticRemedy(
                        "Nothing to do if Redis runs without Docker. To run the dev Redis in a container, install Docker Engine (or Docker Desktop) and start it.",
                        "installing software is the machine owner's choice",
                        "whoever administers this machine"));
                break;
            case EngineState.NotVisible:
                yield return new Finding(
                    FindingCodes.EngineNotVisible,
                    FindingSeverity.Info,
                    "The Docker engine is not visible from inside the container",
                    [$"running in a {WireNames.Of(context.Environment.Container)} container", $"no engine socket at {engine.Endpoint}", "DOCKER_HOST is not set"],
                    new NoAutomaticRemedy(
                        "Nothing to do: containers normally do not see the engine. Run 'heimnetz doctor' on the host to check the engine and its published ports.",
                        "the engine is outside this container",
                        "you, on the host"));
                break;
            case EngineState.Unreachable:
                yield return new Finding(
                    FindingCodes.EngineUnreachable,
                    FindingSeverity.Warning,
                    "The Docker engine does not answer",
                    [
                        $"endpoint {engine.Endpoint}",
                        engine.CliPath is null ? "no docker CLI on PATH" : $"docker CLI at {engine.CliPath}",
                        $"problem: {engine.Problem ?? "no answer"}",
                    ],
                    new NoAutomaticRemedy(
                        "Start the engine (systemctl start docker, or start Docker Desktop). On 'permission denied' add your user to the docker group (usermod -aG docker <user>, then log in again). If DOCKER_HOST is set, check that it names a running engine.",
                        "starting the engine or changing groups needs the machine's administrator",
                        "whoever administers this machine"));
                break;
            case EngineState.Reachable:
                var observed = new List<string> { $"endpoint {engine.Endpoint}", $"engine {engine.EngineVersion ?? "?"}, API {engine.ApiVersion ?? "?"}" };
                if (engine.CliPath is not null)
                {
                    observed.Add($"docker CLI at {engine.CliPath}");
                }

                if (engine.Product == "podman")
                {
                    // Podman's compat API reports 1.41 and serves the 1.44 requests Testcontainers sends: the number is no verdict.
                    observed.Add("Podman's Docker-compatible API: its reported version is not a limit (it serves Testcontainers' API 1.44 requests)");
                    yield return new Finding(FindingCodes.EngineOk, FindingSeverity.Ok, $"Podman {engine.EngineVersion ?? "?"} answers Docker's API", observed, null);
                }
                else if (Version.TryParse(engine.ApiVersion, out var api) && api < MinimumApiVersion)
                {
                    yield return new Finding(
                        FindingCodes.EngineApiTooOld,
                        FindingSeverity.Warning,
                        $"The Docker engine's API {api} is older than {MinimumApiVersion}",
                        observed,
                        new NoAutomaticRemedy(
                            $"Upgrade the engine to one that speaks API {MinimumApiVersion} or newer (Docker 25+); Testcontainers-based tests refuse older engines.",
                            "upgrading the engine is the machine owner's choice",
                            "whoever administers this machine"));
                }
                else
                {
                    yield return new Finding(FindingCodes.EngineOk, FindingSeverity.Ok, $"Docker engine {engine.EngineVersion ?? "?"} answers (API {engine.ApiVersion ?? "?"})", observed, null);
                }

                break;
            case EngineState.NotChecked:
                yield return new Finding(
                    FindingCodes.EngineNotChecked,
                    FindingSeverity.Info,
                    "The Docker engine was not checked",
                    [$"reason: {engine.Problem ?? "no engine probe"}", "not checked: engine version, API version, published ports"],
                    new NoAutomaticRemedy(
                        "Run 'heimnetz doctor' to check the engine and its published ports; in code, pass an IEngineProbe to DoctorRunner.RunAsync.",
                        "this run had no engine probe",
                        "whoever runs the doctor, with an engine probe"));
                break;
            default:
                break;
        }
    }
}

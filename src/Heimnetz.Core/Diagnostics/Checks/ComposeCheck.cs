using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Is <c>docker compose</c> (or <c>docker-compose</c>) available to run the dev Redis sample.</summary>
internal sealed class ComposeCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        var compose = context.Compose;
        // Inside an app container without the engine, compose is neither expected nor useful.
        if (!compose.Checked || context.Engine.State == EngineState.NotVisible)
        {
            yield break;
        }

        if (compose.Available)
        {
            yield return new Finding(FindingCodes.ComposeOk, FindingSeverity.Ok, $"Compose is available ({compose.Command})", [compose.Version ?? compose.Command!], null);
        }
        else
        {
            yield return new Finding(
                FindingCodes.ComposeMissing,
                FindingSeverity.Info,
                "Compose is not available",
                compose.Tried,
                new NoAutomaticRemedy(
                    "Install the compose plugin (Debian/Ubuntu: apt-get install docker-compose-plugin) or docker-compose to run samples/docker-compose.dev-networking.yml; plain 'docker run' works too.",
                    "installing software is the machine owner's choice",
                    "whoever administers this machine"));
        }
    }
}

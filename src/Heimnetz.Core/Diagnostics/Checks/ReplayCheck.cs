using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Says that a replayed capture checks only what the capture holds: nothing live was probed.</summary>
internal sealed class ReplayCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.IsReplay)
        {
            yield return new Finding(
                FindingCodes.LiveChecksSkipped,
                FindingSeverity.Info,
                "Replayed capture: live checks skipped",
                ["the sysroot is a capture of another machine; its names and addresses mean nothing here", "not checked: Docker engine, compose, DNS, Redis candidates, cache mode"],
                new NoAutomaticRemedy(
                    "Run 'heimnetz doctor' on that machine (or in that container) to check Redis itself.",
                    "a capture is a picture of another machine",
                    "whoever can run heimnetz on that machine"));
        }
    }
}

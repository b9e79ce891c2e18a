using Heimnetz.Diagnostics.Checks;

namespace Heimnetz.Diagnostics;

/// <summary>The doctor's answer: the verdict and every finding in check order.</summary>
public sealed record DoctorReport(DoctorVerdict Verdict, IReadOnlyList<Finding> Findings)
{
    /// <summary>The schema name of the JSON form.</summary>
    public const string CurrentSchema = "heimnetz.doctor/1";

    /// <summary>
    /// Decides the verdict: inconclusive when a candidate that could have changed the choice was not judged because
    /// this process was starved; broken when discovery ran and chose nothing; degraded when any finding is a warning or
    /// an error; healthy otherwise. A replay probes nothing, so it is never broken.
    /// </summary>
    public static DoctorVerdict Decide(DoctorContext context, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        if (!context.IsReplay && StarvationCheck.Deciding(context).Count > 0)
        {
            return DoctorVerdict.Inconclusive;
        }

        if (!context.IsReplay && context.Chosen is null)
        {
            return DoctorVerdict.Broken;
        }

        return findings.Any(finding => finding.Severity >= FindingSeverity.Warning) ? DoctorVerdict.Degraded : DoctorVerdict.Healthy;
    }
}

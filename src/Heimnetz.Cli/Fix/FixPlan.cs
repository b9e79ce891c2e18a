using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// Which of doctor's remedies fix applies from here, and why it skips the others: decided from the report and what
/// is at hand (an engine, a compose file, the app's service), before anything changes.
/// </summary>
internal sealed record FixPlan(DoctorVerdict Verdict, IReadOnlyList<FixStep> Steps)
{
    /// <summary>The code of the step fix adds when its own development Redis already exists: reusing it is the plan.</summary>
    public const string ReuseCode = "heimnetz-fix";

    public StartDevelopmentRedis? StartRedis => Steps.Where(step => step.Applies).Select(step => step.Action).OfType<StartDevelopmentRedis>().FirstOrDefault();

    public IReadOnlyList<RemedyAction> ComposeActions =>
        [.. Steps.Where(step => step.Applies && step.Action is AddExtraHost or AttachNetwork).Select(step => step.Action).Distinct()];

    public bool Empty => !Steps.Any(step => step.Applies);

    public static FixPlan From(DoctorReport report, FixSituation situation)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(situation);
        var steps = new List<FixStep>();
        var seen = new HashSet<RemedyAction>();
        var startPlanned = false;
        foreach (var finding in report.Findings)
        {
            if (finding.Action is not { } action || !seen.Add(action))
            {
                continue;
            }

            var skipped = action switch
            {
                StartDevelopmentRedis when situation.ExistingPort is not null => "fix's development Redis for this directory already runs; it is reused",
                StartDevelopmentRedis when report.Verdict != DoctorVerdict.Broken => "a Redis is already usable",
                StartDevelopmentRedis when !situation.EngineReachable => "no Docker engine answers here",
                StartDevelopmentRedis when startPlanned => "one development Redis is enough",
                AddExtraHost or AttachNetwork when situation.ComposeFile is null => "no compose file in this directory",
                AddExtraHost or AttachNetwork when situation.Service is null => "needs --service <the app's compose service>",
                SetRedisUrl => "fix never changes which Redis the app uses: set REDIS_URL as the remedy says",
                MovePublishedPort => "fix never touches a container it did not create",
                NoAutomaticRemedy none => $"{none.Reason}; who can fix it: {none.FixableBy}",
                _ => null,
            };
            startPlanned |= action is StartDevelopmentRedis && skipped is null;
            steps.Add(new FixStep(finding.Code, action, skipped));
        }

        if (situation.ExistingPort is { } port)
        {
            steps.Insert(0, new FixStep(ReuseCode, new StartDevelopmentRedis(port), null));
        }

        return new FixPlan(report.Verdict, steps);
    }

    /// <summary>The plan as lines for the console: what will be applied, then what will not and why.</summary>
    public IEnumerable<string> Render()
    {
        yield return $"Plan (doctor's verdict: {Verdict.ToWireName()}):";
        if (Steps.Count == 0)
        {
            yield return "  nothing to do: doctor found no remedy";
        }

        foreach (var step in Steps.Where(step => step.Applies))
        {
            yield return step.Code == ReuseCode && step.Action is StartDevelopmentRedis reuse
                ? $"  apply  {step.Action.Kind} ({step.Code}): reuse the development Redis an earlier fix started on port {reuse.Port}, and point REDIS_URL at it"
                : $"  apply  {step.Action.Kind} ({step.Code}): {step.Action.Describe()}";
        }

        foreach (var step in Steps.Where(step => !step.Applies))
        {
            yield return $"  skip   {step.Action.Kind} ({step.Code}): {step.Skipped}";
        }
    }
}

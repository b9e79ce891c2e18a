using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Remedies;

/// <summary>
/// Which of the doctor's remedies to apply, and in which order: a development Redis before the network it lives on is
/// attached, and the app's settings last. A problem whose remedy is <c>none</c> blocks the plan, because no other
/// remedy can turn that cell healthy.
/// </summary>
public sealed record RemedyPlan(IReadOnlyList<RemedyAction> Actions, IReadOnlyList<string> Blockers)
{
    private static readonly string[] Order =
    [
        RemedyKinds.StartDevelopmentRedis,
        RemedyKinds.AttachNetwork,
        RemedyKinds.AddExtraHost,
        RemedyKinds.SetRedisUrl,
        RemedyKinds.MovePublishedPort,
    ];

    /// <summary>Nothing to do: the doctor reported no warning and no error.</summary>
    public bool IsEmpty => Actions.Count == 0 && Blockers.Count == 0;

    /// <summary>The action kinds in the order they are applied, each once: what the matrix cell names.</summary>
    public IReadOnlyList<string> Kinds => Actions.Select(action => action.Kind).Distinct(StringComparer.Ordinal).ToList();

    public static RemedyPlan For(DoctorVerdict doctor)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        var problems = doctor.ProblemFindings;
        var blockers = problems
            .Select(problem => problem.Action switch
            {
                NoAutomaticRemedy none => none.Reason,
                null => $"the doctor names no remedy for {problem.Code}",
                _ => null,
            })
            .OfType<string>()
            .ToList();
        var actions = problems
            .Select(problem => problem.Action)
            .Where(action => action is not (null or NoAutomaticRemedy))
            .Select(action => action!)
            .Distinct()
            .OrderBy(action => Array.IndexOf(Order, action.Kind))
            .ToList();
        return new RemedyPlan(actions, blockers);
    }
}

namespace Heimnetz.Discovery;

/// <summary>Whether discovery stops once its choice is certain, or lets every probe finish for a complete report.</summary>
public enum DiscoveryMode
{
    /// <summary>Stop as soon as the highest-priority candidate still in the running is ready; the rest are cancelled.</summary>
    FirstChoice,

    /// <summary>Let every probe finish (within the budget), so the report shows every candidate's real outcome.</summary>
    Complete,
}

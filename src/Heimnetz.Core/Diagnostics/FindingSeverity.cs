namespace Heimnetz.Diagnostics;

/// <summary>How much a finding matters, from "all good" to "this breaks Redis for the app".</summary>
public enum FindingSeverity
{
    /// <summary>Checked and fine.</summary>
    Ok,

    /// <summary>Worth knowing; nothing to fix.</summary>
    Info,

    /// <summary>Something works less well than it could, or will break in another setup.</summary>
    Warning,

    /// <summary>Something keeps the app from using Redis.</summary>
    Error,
}

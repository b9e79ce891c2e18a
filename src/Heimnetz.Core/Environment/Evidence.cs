namespace Heimnetz.EnvironmentDetection;

/// <summary>One observation a signal made, whether or not it decided anything: which signal, from which file or variable, and what it saw.</summary>
public sealed record Evidence(string Signal, string Source, string Value)
{
    /// <summary>The one-line form used in reports, e.g. <c>mountinfo: /etc/hostname from /var/lib/docker/containers/…/hostname → docker</c>.</summary>
    public override string ToString() => $"{Source}: {Value}";
}

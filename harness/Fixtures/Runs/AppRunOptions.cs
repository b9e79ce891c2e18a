using Heimnetz.Harness.Fixtures.Images;

namespace Heimnetz.Testing;

/// <summary>How one run goes: the server flavour, the sidecar's image, whether to keep the topology, and the patience of the fault drill.</summary>
public sealed record AppRunOptions
{
    /// <summary>The Redis or Valkey flavour. <value>The default value is redis-7.0.</value></summary>
    public LogicalImage Server { get; init; } = LogicalImage.Redis70;

    /// <summary>The sidecar's image (never pulled). <value>The default value is heimnetz/probe-base:1.</value></summary>
    public string SidecarImage { get; init; } = SidecarNode.DefaultImage;

    /// <summary>Leave every container and network up when the run is disposed, to look around.</summary>
    public bool Keep { get; init; }

    /// <summary>
    /// How long the app's state must stay the same before the run counts it as started: an app that finds Redis in the
    /// background reports memory for its first moments. <value>The default value is 5 s.</value>
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest outage: readings go on at least this long after the fault. <value>The default value is 3 s.</value></summary>
    public TimeSpan MinimumOutage { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait, after the fault, for the app's state to change. <value>The default value is 30 s.</value></summary>
    public TimeSpan OutagePatience { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait, after the restore, for the app to report what it reported at the start. <value>The default value is 60 s.</value></summary>
    public TimeSpan RecoveryPatience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long to wait for this machine's host (see <c>HostLease</c>) while another run holds it: a matrix cell or an app
    /// run that publishes fixed host ports. <value>The default value is 10 min.</value>
    /// </summary>
    public TimeSpan HostPatience { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The pause between readings. <value>The default value is 250 ms.</value></summary>
    public TimeSpan ReadingInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

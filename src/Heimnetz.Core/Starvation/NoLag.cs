namespace Heimnetz.Starvation;

/// <summary>A gauge that never measures a loss: a timeout on it still notices its own late firing, nothing more.</summary>
public sealed class NoLag : ILagGauge
{
    /// <summary>The one instance.</summary>
    public static NoLag Instance { get; } = new();

    private NoLag()
    {
    }

    /// <inheritdoc />
    public TimeSpan Lost => TimeSpan.Zero;

    /// <inheritdoc />
    public TimeSpan WorstDelay => TimeSpan.Zero;
}

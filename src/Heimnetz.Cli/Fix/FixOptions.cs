namespace Heimnetz.Cli.Fix;

/// <summary>What <c>heimnetz fix</c> was asked to do; see <see cref="Commands.FixCommand"/> for each option.</summary>
internal sealed record FixOptions
{
    public required string Directory { get; init; }

    public bool DryRun { get; init; }

    public bool Yes { get; init; }

    public bool Undo { get; init; }

    public string? Image { get; init; }

    public bool AllowPull { get; init; }

    public bool AllowRemote { get; init; }

    public string? UserSecretsId { get; init; }

    public bool ShowSecret { get; init; }

    public string? Report { get; init; }

    public string? Service { get; init; }

    public string? RedisService { get; init; }
}

namespace Heimnetz.Discovery;

/// <summary>
/// Credentials that belong to one candidate only. <see cref="ToString"/> never shows the password,
/// so a credential that slips into a log line or an exception message still says nothing.
/// </summary>
public sealed record RedisCredentials(string? User, string Password)
{
    /// <summary>Shows the user (if any) and hides the password.</summary>
    public override string ToString() => User is null ? "password ***" : $"user {User}, password ***";
}

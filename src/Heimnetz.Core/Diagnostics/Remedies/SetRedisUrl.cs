namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Point <c>REDIS_URL</c> at <paramref name="Url"/>.</summary>
/// <param name="Url">The URL to use, without a password (e.g. <c>rediss://cache:6380</c>).</param>
/// <param name="Because">Why this URL, in a few words.</param>
public sealed record SetRedisUrl(string Url, string Because) : RemedyAction
{
    /// <inheritdoc/>
    public override string Kind => RemedyKinds.SetRedisUrl;

    /// <inheritdoc/>
    public override string Describe() => $"Set REDIS_URL={Url} ({Because}); add the password as REDIS_PASSWORD if the server has one.";
}

namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Publish <paramref name="Container"/>'s port on host port <paramref name="To"/> instead of <paramref name="From"/>, freeing <paramref name="From"/> for Redis.</summary>
/// <param name="Container">The container that publishes the port.</param>
/// <param name="From">The host port it holds now.</param>
/// <param name="To">A host port nothing was seen on.</param>
public sealed record MovePublishedPort(string Container, int From, int To) : RemedyAction
{
    /// <inheritdoc/>
    public override string Kind => RemedyKinds.MovePublishedPort;

    /// <inheritdoc/>
    public override string Describe() =>
        $"Publish {Container} on host port {To} instead of {From} (recreate it with -p {To}:<its port>, or change ports: in its compose file), or stop it (docker stop {Container}); heimnetz fix does not touch containers it did not create.";
}

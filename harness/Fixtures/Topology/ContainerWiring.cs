using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Logging;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>
/// Applies what every harness container shares: the session labels, no Ryuk (its image would be pulled; the session
/// janitor removes what the labels name), the image pull policy, and its network wiring.
/// </summary>
internal static class ContainerWiring
{
    public static TBuilder Wire<TBuilder, TContainer, TConfiguration>(this ContainerBuilder<TBuilder, TContainer, TConfiguration> builder, LogicalImage image, Attachment attachment)
        where TBuilder : ContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration
    {
        ArgumentNullException.ThrowIfNull(image);
        return builder.Wire(image.PullPolicy, attachment);
    }

    /// <summary>The same, with the caller's pull policy (an app's own image: never pulled, a clear error when missing).</summary>
    public static TBuilder Wire<TBuilder, TContainer, TConfiguration>(this ContainerBuilder<TBuilder, TContainer, TConfiguration> builder, Func<Docker.DotNet.Models.ImageInspectResponse, bool> pullPolicy, Attachment attachment)
        where TBuilder : ContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration
    {
        var labelled = builder.WithLabel(HarnessSession.Labels).WithCleanUp(false).WithImagePullPolicy(pullPolicy).WithLogger(TestcontainersLog.Logger);
        return attachment switch
        {
            Attachment.Network network => labelled.WithNetwork(network.Value).WithNetworkAliases(network.Aliases.ToArray()),
            Attachment.DefaultBridge => labelled.WithCreateParameterModifier(parameters => parameters.HostConfig!.NetworkMode = "bridge"),
            Attachment.Host => labelled.WithCreateParameterModifier(parameters => parameters.HostConfig!.NetworkMode = "host"),
            Attachment.None => labelled.WithCreateParameterModifier(parameters => parameters.HostConfig!.NetworkMode = "none"),
            Attachment.SharedWith shared => labelled.WithCreateParameterModifier(parameters => parameters.HostConfig!.NetworkMode = $"container:{shared.ContainerId}"),
            _ => throw new ArgumentOutOfRangeException(nameof(attachment), attachment, "Unknown attachment."),
        };
    }
}

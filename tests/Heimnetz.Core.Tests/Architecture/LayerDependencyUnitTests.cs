using Heimnetz.Caching;

namespace Heimnetz.Tests.Architecture;

/// <summary>
/// The arrows of Heimnetz.Core run one way: Hosting → Caching → Discovery → EnvironmentDetection. A namespace may refer to
/// the ones after it, never to one before it, so each layer can be read, tested and reused without the ones above it.
/// </summary>
[TestFixture]
public sealed class LayerDependencyUnitTests
{
    private static readonly string[] Layers =
    [
        "Heimnetz.Hosting",
        "Heimnetz.Caching",
        "Heimnetz.Discovery",
        "Heimnetz.EnvironmentDetection",
    ];

    private static readonly List<(Type From, Type To, string Where)> References =
        [.. NamespaceReferences.Of(typeof(ResilientCache).Assembly)];

    [Test]
    public void CoreLayers_ReferToLowerLayersOnly_NoArrowPointsUp()
    {
        var upward = References
            .Where(reference => Rank(reference.From) is { } from && Rank(reference.To) is { } to && to < from)
            .Select(reference => $"{reference.From.FullName} -> {reference.To.FullName} (in {reference.Where})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(upward, Is.Empty, "a lower layer refers to a higher one; the arrows must run " + string.Join(" -> ", Layers));
    }

    [TestCase("Heimnetz.Hosting", "Heimnetz.Caching")]
    [TestCase("Heimnetz.Caching", "Heimnetz.Discovery")]
    [TestCase("Heimnetz.Discovery", "Heimnetz.EnvironmentDetection")]
    public void Scanner_KnownDownwardArrow_IsSeen(string from, string to) =>
        // Guards the test above against a scanner that sees nothing: each arrow that is meant to exist must be found.
        Assert.That(References.Any(reference => reference.From.Namespace == from && reference.To.Namespace == to), Is.True, $"{from} -> {to}");

    private static int? Rank(Type type)
    {
        var index = Array.FindIndex(Layers, layer => type.Namespace == layer || (type.Namespace?.StartsWith(layer + ".", StringComparison.Ordinal) ?? false));
        return index < 0 ? null : index;
    }
}

namespace Heimnetz.Harness.Fixtures.Images;

/// <summary>An offline image is not on the engine. It is never pulled: a registry would be asked for a name only eng/images makes.</summary>
public sealed class ImageNotBuiltException : InvalidOperationException
{
    /// <summary>The command that builds the offline images; it skips those whose recipe is unchanged.</summary>
    public const string BuildCommand = "bash eng/images/build-images.sh";

    public ImageNotBuiltException()
        : this("(unknown)")
    {
    }

    public ImageNotBuiltException(string reference)
        : base($"The image '{reference}' is not on this Docker engine, and the harness never pulls it; build it with `{BuildCommand}` (or `./build.sh --target=Images`).")
    {
        Reference = reference;
    }

    /// <summary>An image the caller names (an app's image), with how to get it onto the engine.</summary>
    public ImageNotBuiltException(string reference, string howToBuild)
        : base($"The image '{reference}' is not on this Docker engine, and Heimnetz.Testing never pulls it; {howToBuild}")
    {
        Reference = reference;
    }

    public ImageNotBuiltException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reference = "(unknown)";
    }

    public string Reference { get; }
}

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

    /// <summary>An image another command makes (the sample service: built from this checkout's source).</summary>
    public ImageNotBuiltException(string reference, string buildCommand)
        : base(buildCommand == BuildCommand
            ? $"The image '{reference}' is not on this Docker engine, and the harness never pulls it; build it with `{BuildCommand}` (or `./build.sh --target=Images`)."
            : $"The image '{reference}' is not on this Docker engine, and the harness never pulls it; build it from this checkout with `{buildCommand}` (or `./build.sh --target=SampleImage`).")
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

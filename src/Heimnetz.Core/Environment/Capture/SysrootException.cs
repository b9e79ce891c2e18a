namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>A sysroot (the CLI's <c>--sysroot</c>) that is neither a directory nor a readable capture archive.</summary>
public sealed class SysrootException : Exception
{
    /// <summary>Creates the exception with a message that names the value.</summary>
    public SysrootException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the value, and its cause.</summary>
    public SysrootException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the constructors that name the value.</summary>
    public SysrootException()
    {
    }
}

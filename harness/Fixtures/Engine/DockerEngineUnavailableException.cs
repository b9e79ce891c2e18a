namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>No usable Docker engine answered; the message says what was tried and how to get one.</summary>
public sealed class DockerEngineUnavailableException : InvalidOperationException
{
    public DockerEngineUnavailableException()
        : this("No usable Docker engine.")
    {
    }

    public DockerEngineUnavailableException(string message)
        : base(message)
    {
    }

    public DockerEngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

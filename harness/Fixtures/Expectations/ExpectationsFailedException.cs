namespace Heimnetz.Testing;

/// <summary>An app did not do what its test declared; the message lists each failed expectation, what the app reported, and what the sidecar saw.</summary>
public sealed class ExpectationsFailedException : Exception
{
    public ExpectationsFailedException()
    {
    }

    public ExpectationsFailedException(string message)
        : base(message)
    {
    }

    public ExpectationsFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

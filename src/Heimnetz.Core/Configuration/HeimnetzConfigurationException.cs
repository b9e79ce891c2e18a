namespace Heimnetz.Configuration;

/// <summary>
/// Bad configuration: every problem found, each naming the value and where it came from, never a password.
/// Thrown once with all problems so a user fixes everything in one round.
/// </summary>
public sealed class HeimnetzConfigurationException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    public HeimnetzConfigurationException(IReadOnlyList<string> problems)
        : base(Compose(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public HeimnetzConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception for a single problem with its cause.</summary>
    public HeimnetzConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an exception without details; prefer the constructors that name the problems.</summary>
    public HeimnetzConfigurationException()
        : this("The configuration is invalid.")
    {
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Compose(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? problems[0]
            : $"{problems.Count} configuration problems:{System.Environment.NewLine}  " + string.Join(System.Environment.NewLine + "  ", problems);
    }
}

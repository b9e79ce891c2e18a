namespace Heimnetz.Cli.Fix;

/// <summary>A fix step that cannot go on; the message says what was wrong and what to do, never a password.</summary>
internal sealed class FixException(string message, Exception? inner = null) : Exception(message, inner);

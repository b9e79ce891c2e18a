using System.Text.RegularExpressions;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// Reads and updates one key of a <c>.env</c> file and keeps every other line as it was (comments, order, other
/// keys). Writes go to a temporary file that replaces the old one, so a failed write never leaves half a file.
/// </summary>
internal static partial class DotEnvFile
{
    public const string FileName = ".env";

    /// <summary>The value of <paramref name="key"/> (unquoted), or null when the file or the key is absent.</summary>
    public static string? Read(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadAllLines(path).Select(line => Parse(line, key)).LastOrDefault(value => value is not null);
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>: the first line that sets it is replaced, later ones removed, others kept. Returns whether the file changed.</summary>
    public static bool Set(string path, string key, string value)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var wanted = $"{key}={value}";
        var updated = new List<string>();
        var written = false;
        foreach (var line in lines)
        {
            if (Parse(line, key) is null)
            {
                updated.Add(line);
            }
            else if (!written)
            {
                updated.Add(wanted);
                written = true;
            }
        }

        if (!written)
        {
            updated.Add(wanted);
        }

        if (updated.SequenceEqual(lines, StringComparer.Ordinal))
        {
            return false;
        }

        Write(path, updated);
        return true;
    }

    /// <summary>
    /// Removes <paramref name="key"/> only where it is set to <paramref name="expected"/>, and the file with it when
    /// nothing else is left (fix created it); returns whether anything was removed.
    /// </summary>
    public static bool Remove(string path, string key, string expected)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var lines = File.ReadAllLines(path);
        var kept = lines.Where(line => Parse(line, key) != expected).ToList();
        if (kept.Count == lines.Length)
        {
            return false;
        }

        if (kept.All(string.IsNullOrWhiteSpace))
        {
            File.Delete(path);
        }
        else
        {
            Write(path, kept);
        }

        return true;
    }

    /// <summary>Throws a <see cref="FixException"/> naming the directory when a file cannot be created in it.</summary>
    public static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".heimnetz-write-check-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new FixException($"Cannot write in {directory} ({error.Message}); nothing was changed. Run fix in a directory you can write to (--directory), or write REDIS_URL to the app's user secrets with --user-secrets <id>.", error);
        }
    }

    private static void Write(string path, List<string> lines)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $"{Path.GetFileName(path)}.heimnetz-{Environment.ProcessId}.tmp");
        // The file holds a password: a new one is readable by its owner only; an existing one keeps its mode.
        var mode = File.Exists(path) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(path) : UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            {
                foreach (var line in lines)
                {
                    writer.Write(line);
                    writer.Write('\n');
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            File.Delete(temporary);
            throw new FixException($"Cannot write {path} ({error.Message}).", error);
        }
    }

    private static string? Parse(string line, string key)
    {
        var match = Assignment().Match(line);
        if (!match.Success || !string.Equals(match.Groups["key"].Value, key, StringComparison.Ordinal))
        {
            return null;
        }

        var value = match.Groups["value"].Value.Trim();
        return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
    }

    [GeneratedRegex(@"^\s*(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=(?<value>.*)$")]
    private static partial Regex Assignment();
}

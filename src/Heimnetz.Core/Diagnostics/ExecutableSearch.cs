namespace Heimnetz.Diagnostics;

/// <summary>Finds an executable on a PATH value, the way a shell would, without starting anything.</summary>
internal static class ExecutableSearch
{
    public static string? Find(string name, string? path) =>
        (path ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

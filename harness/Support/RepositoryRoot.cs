namespace Heimnetz.Harness.Fixtures;

/// <summary>Finds this repository's root (the folder holding Heimnetz.sln), from where the harness was started or built.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Heimnetz.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Heimnetz.sln above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}'; run the harness from the repository.");
    }
}

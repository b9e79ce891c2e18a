namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// Resolves a path inside a directory sysroot the way the kernel would, one component at a time, but refuses to
/// follow a symbolic link that leads out of the directory: a capture replayed here must not read this machine's files
/// (<c>proc/self/environ -&gt; /etc/shadow</c>). Links that stay inside are followed.
/// </summary>
internal static class SysrootPath
{
    /// <summary>As many links as the kernel follows before it gives up with ELOOP.</summary>
    public const int MaxLinks = 40;

    /// <summary>The link-free full path of <paramref name="relativePath"/> under <paramref name="root"/>, or null and why not.</summary>
    public static string? Resolve(string root, string relativePath, out string? refusal)
    {
        // The directory itself may sit behind links (a linked temp directory): that is the user's choice, so they are followed.
        string? ignored = null;
        var realRoot = Follow("/", root, confineTo: null, ref ignored) ?? root;
        refusal = null;
        return Follow(realRoot, relativePath, realRoot, ref refusal);
    }

    private static string? Follow(string start, string path, string? confineTo, ref string? refusal)
    {
        var pending = new Stack<string>();
        Push(pending, path);
        // Confined, even an absolute path is read below the sysroot, as a chroot would.
        var current = confineTo ?? (Path.IsPathRooted(path) ? Path.GetPathRoot(path)! : start);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (confineTo is not null && current == confineTo)
                {
                    refusal = $"refused: '{path}' climbs out of the sysroot with '..'";
                    return null;
                }

                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = LinkTargetOf(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                refusal = $"refused: more than {MaxLinks} symbolic links on the way to '{path}' (a loop?)";
                return null;
            }

            var resolved = Path.GetFullPath(target, current);
            if (confineTo is not null && !IsInside(resolved, confineTo))
            {
                refusal = $"refused: '{Path.GetRelativePath(confineTo, next)}' is a symbolic link to '{target}', which leads out of the sysroot";
                return null;
            }

            // The target's own components may be links too, so they are walked again from the top.
            Push(pending, confineTo is null ? resolved : Path.GetRelativePath(confineTo, resolved));
            current = confineTo ?? Path.GetPathRoot(resolved)!;
        }

        return current;
    }

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not a link we can read; opening the file reports the real problem.
            return null;
        }
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var index = parts.Length - 1; index >= 0; index--)
        {
            pending.Push(parts[index]);
        }
    }

    private static bool IsInside(string path, string root) =>
        root == Path.GetPathRoot(root)
        || path == root
        || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

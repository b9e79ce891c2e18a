namespace Heimnetz.EnvironmentDetection;

/// <summary>Tells cgroup v1 from v2: v2 when <c>proc/self/cgroup</c> holds only the unified <c>0::</c> line; the mounted fs types otherwise.</summary>
internal static class CgroupVersionReader
{
    private const string Signal = "cgroup-version";

    public static int? Read(DetectionInput input, ICollection<Evidence> evidence)
    {
        var lines = input.SelfCgroup;
        if (lines.Count > 0)
        {
            if (lines.All(line => line.IsUnified))
            {
                evidence.Add(new Evidence(Signal, SysrootFiles.SelfCgroup, "only the unified line 0::… → cgroup v2"));
                return 2;
            }

            var hybrid = lines.Any(line => line.IsUnified) ? " (hybrid: the unified hierarchy holds no controllers)" : string.Empty;
            evidence.Add(new Evidence(Signal, SysrootFiles.SelfCgroup, $"v1 controller lines → cgroup v1{hybrid}"));
            return 1;
        }

        var types = input.Mounts.Select(mount => mount.FsType).ToHashSet(StringComparer.Ordinal);
        if (types.Contains("cgroup"))
        {
            evidence.Add(new Evidence(Signal, "mountinfo", "cgroup (v1) filesystems mounted → cgroup v1"));
            return 1;
        }

        if (types.Contains("cgroup2"))
        {
            evidence.Add(new Evidence(Signal, "mountinfo", "only a cgroup2 filesystem mounted → cgroup v2"));
            return 2;
        }

        evidence.Add(new Evidence(Signal, SysrootFiles.SelfCgroup, "neither the cgroup file nor the mounts tell the version"));
        return null;
    }
}

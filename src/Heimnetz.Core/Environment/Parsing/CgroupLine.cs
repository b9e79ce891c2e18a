namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>One line of <c>proc/*/cgroup</c>: <c>hierarchy-id:controllers:path</c>; cgroup v2 is the line <c>0::path</c>.</summary>
internal sealed record CgroupLine(int HierarchyId, string Controllers, string Path)
{
    public bool IsUnified => HierarchyId == 0 && Controllers.Length == 0;
}

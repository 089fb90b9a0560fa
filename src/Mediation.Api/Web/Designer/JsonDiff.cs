using Mediation.Workflows.Definitions;

namespace Mediation.Api.Web.Designer;

/// <summary>How a line of a side-by-side diff differs.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
    Changed,
}

/// <summary>One row of a side-by-side diff; a side is null where that side has no line.</summary>
public sealed record DiffRow(DiffKind Kind, int? LeftNumber, string? Left, int? RightNumber, string? Right);

/// <summary>
/// A side-by-side line diff of two definitions written as the files are (<see cref="WorkflowJson.Serialize"/>), without
/// their layout and version so that only what the engine runs is compared. Longest common subsequence over lines;
/// a run of removed lines followed by added lines is paired up as changed rows.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<DiffRow> SideBySide(WorkflowDefinition left, WorkflowDefinition right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return SideBySide(Lines(left), Lines(right));
    }

    public static string[] Lines(WorkflowDefinition definition) =>
        WorkflowJson.Serialize(definition with { Layout = null, Version = 0 }).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    public static IReadOnlyList<DiffRow> SideBySide(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var n = left.Count;
        var m = right.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(left[i], right[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<DiffRow>();
        var removed = new List<int>();
        var added = new List<int>();
        void Flush()
        {
            var paired = Math.Min(removed.Count, added.Count);
            for (var k = 0; k < paired; k++)
            {
                rows.Add(new DiffRow(DiffKind.Changed, removed[k] + 1, left[removed[k]], added[k] + 1, right[added[k]]));
            }

            rows.AddRange(removed.Skip(paired).Select(r => new DiffRow(DiffKind.Removed, r + 1, left[r], null, null)));
            rows.AddRange(added.Skip(paired).Select(a => new DiffRow(DiffKind.Added, null, null, a + 1, right[a])));
            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && string.Equals(left[x], right[y], StringComparison.Ordinal))
            {
                Flush();
                rows.Add(new DiffRow(DiffKind.Same, x + 1, left[x], y + 1, right[y]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(y++);
            }
            else
            {
                removed.Add(x++);
            }
        }

        Flush();
        return rows;
    }
}

using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>The shipped <c>workflows/</c> folder, loaded once for the tests that use it.</summary>
internal static class ShippedWorkflows
{
    private static readonly Lazy<WorkflowLibrary> LazyLibrary = new(() =>
        WorkflowLibrary.Load(Path.Combine(AppContext.BaseDirectory, "workflows")));

    public static WorkflowLibrary Library => LazyLibrary.Value;

    public static CompiledWorkflow Get(string key) =>
        Library.Definitions.Single(d => d.Definition?.Key == key).Workflow
            ?? throw new InvalidOperationException($"{key} did not compile.");

    /// <summary>China Standard Time, where every legal day is counted.</summary>
    public static DateTimeOffset Cst(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static CaseFacts Facts(string category = "neighbour", decimal? claimed = null, DateTimeOffset? filedAt = null, int parties = 2) => new()
    {
        Category = category,
        ClaimedAmount = claimed,
        PartyCount = parties,
        Location = "150302001001",
        FiledAt = filedAt ?? Cst(2026, 3, 2, 9),
    };
}

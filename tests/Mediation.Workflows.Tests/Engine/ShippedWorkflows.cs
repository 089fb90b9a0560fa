using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>The shipped <c>workflows/</c> folder, loaded once for the tests that use it.</summary>
internal static class ShippedWorkflows
{
    private static readonly Lazy<WorkflowLibrary> _library = new(() =>
        WorkflowLibrary.Load(Path.Combine(AppContext.BaseDirectory, "workflows")));

    public static WorkflowLibrary Library => _library.Value;

    public static CompiledWorkflow Get(string key) =>
        Library.Definitions.Single(d => d.Definition?.Key == key).Workflow
            ?? throw new InvalidOperationException($"{key} did not compile.");

    /// <summary>China Standard Time, where every legal day is counted.</summary>
    public static DateTimeOffset Cst(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>24:00 China Standard Time of the given day: where a date-based deadline on that day falls.</summary>
    public static DateTimeOffset EndOfDay(int year, int month, int day) => Cst(year, month, day).AddDays(1);

    /// <summary>An instant written in UTC, to state expected deadlines independently of the +08:00 helpers.</summary>
    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static CaseFacts Facts(string category = "neighbour", decimal? claimed = null, DateTimeOffset? filedAt = null, int parties = 2, DateTimeOffset? receivedAt = null) => new()
    {
        Category = category,
        ClaimedAmount = claimed,
        PartyCount = parties,
        Location = "150302001001",
        FiledAt = filedAt ?? Cst(2026, 3, 2, 9),
        ReceivedAt = receivedAt,
    };
}

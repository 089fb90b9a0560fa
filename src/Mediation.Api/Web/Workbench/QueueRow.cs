namespace Mediation.Api.Web.Workbench;

/// <summary>One case in the workbench queue.</summary>
/// <param name="Id">The dispute's id.</param>
/// <param name="Reference">Its reference, e.g. <c>MT-2026-000123</c>.</param>
/// <param name="Category">Its category key, e.g. <c>neighbour</c>.</param>
/// <param name="StepName">The current step's name in the reader's language.</param>
/// <param name="Phase">The phase's enum name, e.g. <c>Queued</c>.</param>
/// <param name="Parties">The parties' names, applicant first.</param>
/// <param name="Mediator">The mediator's name, if assigned.</param>
/// <param name="Countdown">The next deadline's countdown.</param>
/// <param name="CanTakeUp">The workflow and the rules allow the reader to take it up now.</param>
/// <param name="CanDecline">… to decline it now.</param>
public sealed record QueueRow(
    Guid Id,
    string Reference,
    string Category,
    string StepName,
    string Phase,
    IReadOnlyList<string> Parties,
    string? Mediator,
    Countdown Countdown,
    bool CanTakeUp,
    bool CanDecline)
{
    /// <summary>Queue order: overdue first (longest overdue first), then by the next deadline, cases without one last.</summary>
    public static IReadOnlyList<QueueRow> Order(IEnumerable<QueueRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows
            .OrderBy(r => r.Countdown.Urgency == Urgency.Overdue ? 0 : r.Countdown.DueAt is null ? 2 : 1)
            .ThenBy(r => r.Countdown.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)];
    }
}

/// <summary>The queue's filters, as query-string values (the filter form is a GET form, so a filtered queue can be bookmarked).</summary>
public sealed class QueueFilter
{
    public const string ScopeMine = "mine";
    public const string ScopeUnassigned = "unassigned";

    /// <summary>Step id, or null for all.</summary>
    public string? Step { get; set; }

    /// <summary>Phase name (<c>Queued</c>, <c>InMediation</c>, …), or null for all.</summary>
    public string? Phase { get; set; }

    /// <summary>Category key, or null for all.</summary>
    public string? Category { get; set; }

    /// <summary>Only overdue cases.</summary>
    public bool OverdueOnly { get; set; }

    /// <summary><see cref="ScopeMine"/>, <see cref="ScopeUnassigned"/> or null for all.</summary>
    public string? Scope { get; set; }

    /// <summary>Reference or party name contains this.</summary>
    public string? Q { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>An option of a filter's select: its value and its label.</summary>
public sealed record FilterOption(string Value, string Label);

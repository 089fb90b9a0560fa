namespace Mediation.Api.Data.Entities;

/// <summary>
/// The minutes of one mediation session (调解笔录): when and where it was held, who attended, what was discussed and
/// what came of it. The case's mediator records each session; minutes are never edited, a mistake is put right by
/// recording the session again with a note in its result.
/// </summary>
public sealed class MediationSession
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The step the case was at when the session was held.</summary>
    public required string StepId { get; set; }

    /// <summary>When the session was held (never in the future).</summary>
    public DateTimeOffset HeldAt { get; set; }

    /// <summary>Where, e.g. the village mediation room or "online".</summary>
    public required string Place { get; set; }

    /// <summary>Who attended, as the mediator wrote it (parties, agents, mediators, invited persons).</summary>
    public required string Attendees { get; set; }

    /// <summary>What was discussed.</summary>
    public required string Discussion { get; set; }

    /// <summary>What came of it: agreement reached, next session, appraisal needed, …</summary>
    public required string Result { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The mediator who recorded the minutes.</summary>
    public string? RecordedByUserId { get; set; }
}

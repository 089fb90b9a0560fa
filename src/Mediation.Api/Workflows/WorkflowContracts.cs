using System.Globalization;
using System.Text.Json.Serialization;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;
using Mediation.Workflows.Validation;

namespace Mediation.Api.Workflows;

/// <summary>A workflow in the list: its newest published version, every stored version and the draft, if any.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Latest">The newest published version; null while the workflow has only a draft.</param>
/// <param name="Versions">Every stored version, oldest first, the draft included.</param>
/// <param name="Draft">The draft being designed, if any.</param>
internal sealed record WorkflowListItem(string Key, WorkflowSummary? Latest, IReadOnlyList<WorkflowVersionInfo> Versions, WorkflowVersionInfo? Draft);

/// <summary>A published workflow version in brief.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Version">Version number.</param>
/// <param name="Name">Display name.</param>
/// <param name="Categories">Dispute categories it handles.</param>
/// <param name="Calendar">The calendar its durations count in.</param>
/// <param name="ClosedMediation">Whether mediation is closed.</param>
/// <param name="Steps">Its steps.</param>
internal sealed record WorkflowSummary(
    string Key, int Version, LocalizedText? Name, IReadOnlyList<string> Categories, string Calendar, bool ClosedMediation, IReadOnlyList<WorkflowStepInfo> Steps)
{
    public static WorkflowSummary From(CompiledWorkflow workflow) => new(
        workflow.Key, workflow.Version, workflow.Definition.Name, workflow.Definition.Categories,
        workflow.Calendar.Name, workflow.Definition.ClosedMediation, workflow.StepInfos);
}

/// <summary>A stored version and its status.</summary>
/// <param name="Version">Version number.</param>
/// <param name="Status"><c>draft</c> (can still change) or <c>published</c> (immutable).</param>
/// <param name="CreatedAt">When it was created; for a draft, when it was last saved.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PublishedBy">The user who published it (empty for versions shipped with the service).</param>
internal sealed record WorkflowVersionInfo(int Version, WorkflowVersionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    public static WorkflowVersionInfo From(WorkflowVersionRecord record) =>
        new(record.Version, record.Status, record.CreatedAt, record.PublishedAt, record.PublishedByUserId);
}

/// <summary>The result of a validation without errors (warnings may remain).</summary>
/// <param name="Valid">Always true here; errors are reported as a 400 problem.</param>
/// <param name="Issues">Warnings.</param>
internal sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationIssue> Issues);

/// <summary>A saved draft and what the validator says of it.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Version">The draft's version: the newest published version + 1.</param>
/// <param name="Status">Always <c>draft</c>.</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="Publishable">True when it has no errors (warnings do not block publishing).</param>
/// <param name="Errors">Errors by JSON path, in the caller's language; they block publishing, not saving.</param>
/// <param name="Warnings">Warnings by JSON path, in the caller's language.</param>
/// <param name="Issues">Every issue with its code, severity and both languages.</param>
internal sealed record DraftResponse(
    string Key,
    int Version,
    WorkflowVersionStatus Status,
    DateTimeOffset SavedAt,
    bool Publishable,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, string[]> Warnings,
    IReadOnlyList<ValidationIssue> Issues);

/// <summary>A version that was just published.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Version">The version, now immutable and used by every new dispute the workflow handles.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="PublishedBy">By whom.</param>
/// <param name="Warnings">Warnings the validator still has (they do not block publishing).</param>
internal sealed record PublishResponse(string Key, int Version, DateTimeOffset PublishedAt, string? PublishedBy, IReadOnlyList<ValidationIssue> Warnings);

/// <summary>The result of a simulation.</summary>
/// <param name="Key">Workflow key.</param>
/// <param name="Version">Version simulated.</param>
/// <param name="Status">Whether it is the draft or a published version.</param>
/// <param name="Trace">Every event and timer in order.</param>
/// <param name="Path">The steps the case went through.</param>
/// <param name="Final">Where the case stands at the end.</param>
internal sealed record SimulationResponse(
    string Key, int Version, WorkflowVersionStatus Status, IReadOnlyList<SimulationTraceEntry> Trace, IReadOnlyList<string> Path, CaseStateView Final)
{
    public static SimulationResponse From(CompiledWorkflow workflow, WorkflowVersionStatus status, SimulationTrace trace, CultureInfo culture) => new(
        workflow.Key, workflow.Version, status,
        [.. trace.Entries.Select(e => SimulationTraceEntry.From(e, culture))],
        [.. trace.Path],
        CaseStateView.From(trace.Final));
}

/// <summary>One line of a simulation trace.</summary>
/// <param name="At">Virtual time.</param>
/// <param name="Event"><c>filed</c>, an event name, or <c>timerElapsed</c> for a deadline or reminder.</param>
/// <param name="DeadlineId">For timers: the deadline.</param>
/// <param name="Outcome"><c>applied</c>, <c>ignored</c> (a stale timer) or <c>rejected</c> (not allowed then).</param>
/// <param name="FromStep">Step before.</param>
/// <param name="FromPhase">Phase before.</param>
/// <param name="ToStep">Step after.</param>
/// <param name="ToPhase">Phase after.</param>
/// <param name="Effects">What the service would carry out.</param>
/// <param name="Problem">Why the event was ignored or rejected, in the caller's language.</param>
internal sealed record SimulationTraceEntry(
    DateTimeOffset At,
    string Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeadlineId,
    DecisionOutcome Outcome,
    string FromStep,
    CasePhase FromPhase,
    string ToStep,
    CasePhase ToPhase,
    IReadOnlyList<EffectView> Effects,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProblemView? Problem)
{
    public static SimulationTraceEntry From(TraceEntry entry, CultureInfo culture)
    {
        var decision = entry.Decision;
        return new(
            entry.At, entry.Event, entry.DeadlineId, decision.Outcome, decision.FromStep, decision.FromPhase,
            decision.State.StepId, decision.State.Phase, [.. decision.Effects.Select(EffectView.From)],
            decision.Problem is { } problem ? new ProblemView(problem.Code, problem.Message.For(culture)) : null);
    }
}

/// <summary>Why the engine ignored or rejected something.</summary>
/// <param name="Code">Stable code, e.g. <c>EventNotPermitted</c>.</param>
/// <param name="Message">In the caller's language.</param>
internal sealed record ProblemView(string Code, string Message);

/// <summary>
/// An effect of a decision: <c>assign</c> (stepId, tier or body, reason), <c>scheduleDeadline</c> (deadline),
/// <c>cancelDeadline</c> (deadlineId), <c>notify</c> (audience, template, deadlineId) or <c>outcome</c> (outcomeKind,
/// stepId, terminationReason, remedies). Members that do not apply are left out.
/// </summary>
/// <param name="Type">Which effect.</param>
/// <param name="StepId">For assign and outcome: the step.</param>
/// <param name="Tier">For assign: the tier.</param>
/// <param name="Body">For assign: the professional body.</param>
/// <param name="Reason">For assign: why.</param>
/// <param name="Deadline">For scheduleDeadline: the deadline.</param>
/// <param name="DeadlineId">For cancelDeadline and notify: the deadline concerned.</param>
/// <param name="Audience">For notify: who.</param>
/// <param name="Template">For notify: the template key.</param>
/// <param name="OutcomeKind">For outcome: which record.</param>
/// <param name="TerminationReason">For outcome: why mediation ended.</param>
/// <param name="Remedies">For outcome: the remedies the parties are told of.</param>
internal sealed record EffectView(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StepId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Tier? Tier = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AssignmentReason? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeadlineView? Deadline = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeadlineId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Participant? Audience = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Template = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OutcomeKind? OutcomeKind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TerminationReason? TerminationReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Referral>? Remedies = null)
{
    public static EffectView From(WorkflowEffect effect) => effect switch
    {
        AssignEffect a => new("assign", StepId: a.StepId, Tier: a.Tier, Body: a.Body, Reason: a.Reason),
        ScheduleDeadlineEffect s => new("scheduleDeadline", Deadline: DeadlineView.From(s.Deadline)),
        CancelDeadlineEffect c => new("cancelDeadline", DeadlineId: c.DeadlineId),
        NotifyEffect n => new("notify", Audience: n.Audience, Template: n.Template, DeadlineId: n.DeadlineId),
        RequireOutcomeEffect o => new("outcome", StepId: o.StepId, OutcomeKind: o.Kind, TerminationReason: o.TerminationReason, Remedies: [.. o.Remedies]),
        _ => new(effect.GetType().Name),
    };
}

/// <summary>A live deadline or reminder.</summary>
/// <param name="Id">Unique within the case, never reused.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="StepId">The step it belongs to.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Provisional">Counted past the last year of holidays on file.</param>
/// <param name="ReminderOf">For a reminder: the deadline it reminds of.</param>
internal sealed record DeadlineView(
    string Id, DeadlineKind Kind, string StepId, DateTimeOffset DueAt, bool Provisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReminderOf)
{
    public static DeadlineView From(Deadline deadline) =>
        new(deadline.Id, deadline.Kind, deadline.StepId, deadline.DueAt, deadline.Provisional, deadline.ReminderOf);
}

/// <summary>Where a case stands.</summary>
/// <param name="WorkflowVersion">The version it runs on.</param>
/// <param name="StepId">Current step.</param>
/// <param name="Phase">Phase inside the step.</param>
/// <param name="IsClosed">True once it reached a terminal step.</param>
/// <param name="Outcome">How it ended, once it has.</param>
/// <param name="StepEnteredAt">When it entered the step.</param>
/// <param name="Escalations">How often it moved up.</param>
/// <param name="Reassignments">How often it was reassigned in the current step.</param>
/// <param name="Deadlines">Live deadlines and reminders, earliest first.</param>
internal sealed record CaseStateView(
    int WorkflowVersion, string StepId, CasePhase Phase, bool IsClosed, TerminalOutcome? Outcome, DateTimeOffset StepEnteredAt,
    int Escalations, int Reassignments, IReadOnlyList<DeadlineView> Deadlines)
{
    public static CaseStateView From(CaseState state) => new(
        state.WorkflowVersion, state.StepId, state.Phase, state.IsClosed, state.Outcome, state.StepEnteredAt, state.Escalations, state.Reassignments,
        [.. state.Deadlines.OrderBy(d => d.DueAt).Select(DeadlineView.From)]);
}

/// <summary>Moves running cases of a workflow from one published version to another.</summary>
/// <param name="FromVersion">The version the cases run on.</param>
/// <param name="ToVersion">The newer published version they move to.</param>
/// <param name="StepMapping">For every non-terminal step of the old version, the step of the new version a case in it moves to (same kind).</param>
/// <param name="DisputeIds">The cases to move; null (or left out) for every open case on <paramref name="FromVersion"/>.</param>
/// <param name="DryRun">True to report what would happen without changing anything.</param>
internal sealed record MigrationRequest(int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> StepMapping, IReadOnlyList<Guid>? DisputeIds, bool DryRun);

/// <summary>What a migration did (or, for a dry run, would do) to each case.</summary>
/// <param name="Key">Workflow key.</param>
/// <param name="FromVersion">Source version.</param>
/// <param name="ToVersion">Target version.</param>
/// <param name="DryRun">Whether nothing was changed.</param>
/// <param name="Migrated">Cases moved (or that would move).</param>
/// <param name="Rejected">Cases not moved, including unknown ids.</param>
/// <param name="Cases">Each case.</param>
internal sealed record MigrationResponse(string Key, int FromVersion, int ToVersion, bool DryRun, int Migrated, int Rejected, IReadOnlyList<MigrationCaseResult> Cases);

/// <summary>What happened to one case.</summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Reference">Its reference, when it exists.</param>
/// <param name="Outcome"><c>migrated</c>, <c>wouldMigrate</c> (dry run), <c>rejected</c> or <c>notFound</c>.</param>
/// <param name="Step">The step before the migration.</param>
/// <param name="NewStep">The step after it (or that it would be in).</param>
/// <param name="Phase">The case's phase, which a migration keeps.</param>
/// <param name="Reason">Why it was rejected, in the caller's language.</param>
/// <param name="Deadlines">The live deadlines after the migration, recounted under the new version.</param>
internal sealed record MigrationCaseResult(
    Guid DisputeId,
    string? Reference,
    MigrationCaseOutcome Outcome,
    string? Step,
    string? NewStep,
    CasePhase? Phase,
    string? Reason,
    IReadOnlyList<DeadlineView> Deadlines);

/// <summary>What happened to a case in a migration.</summary>
internal enum MigrationCaseOutcome
{
    /// <summary>Moved to the new version.</summary>
    Migrated,

    /// <summary>Dry run: would be moved.</summary>
    WouldMigrate,

    /// <summary>Not moved; see the reason.</summary>
    Rejected,

    /// <summary>No dispute has this id.</summary>
    NotFound,
}

/// <summary>
/// A simulation script, as <see cref="SimulationScriptJson"/> reads it (documents the request body; the endpoint reads
/// the raw JSON so every mistake is reported at its path).
/// </summary>
/// <param name="Facts">The dispute; the virtual clock starts at its filing time.</param>
/// <param name="Events">What people do, in time order.</param>
/// <param name="Until">Let deadlines fire until this instant after the last event (default: until the case closes).</param>
internal sealed record SimulationScriptBody(SimulationFactsBody Facts, IReadOnlyList<SimulationEventBody>? Events, DateTimeOffset? Until);

/// <summary>The facts of a simulated dispute.</summary>
/// <param name="Category">Dispute category, e.g. <c>neighbour</c>.</param>
/// <param name="ClaimedAmount">Amount claimed in yuan, or null.</param>
/// <param name="PartyCount">Number of parties (default 2).</param>
/// <param name="Channel">How it arrived (default <c>online</c>).</param>
/// <param name="Tags">Free tags.</param>
/// <param name="Location">Area code of the village or community, e.g. <c>150302001001</c>.</param>
/// <param name="FiledAt">When it was filed, with an offset.</param>
/// <param name="ReceivedAt">When the organisation received it, if that differs.</param>
internal sealed record SimulationFactsBody(
    string Category, decimal? ClaimedAmount, int? PartyCount, string? Channel, IReadOnlyList<string>? Tags, string Location, DateTimeOffset FiledAt, DateTimeOffset? ReceivedAt);

/// <summary>A scripted event.</summary>
/// <param name="Event">The event's name as definitions write it, e.g. <c>takenUp</c>, <c>agreementReached</c>.</param>
/// <param name="At">When, with an offset; or give <paramref name="After"/>.</param>
/// <param name="After">How long after the previous scripted moment (ISO-8601 duration, counted in the workflow's calendar).</param>
/// <param name="Reason">For plain events: why.</param>
/// <param name="By">Who: <c>applicant</c>, <c>respondent</c>, <c>allParties</c>, <c>mediator</c>, <c>organisation</c>.</param>
/// <param name="Extension">For <c>extensionGranted</c>: how much longer.</param>
/// <param name="AgreementForm">For <c>agreementReached</c>: <c>written</c> or <c>oral</c>.</param>
/// <param name="EffectiveAt">For <c>agreementReached</c> (optional) and <c>agreementTookEffect</c> (required): when the agreement took effect.</param>
internal sealed record SimulationEventBody(
    string Event, DateTimeOffset? At, string? After, string? Reason, IReadOnlyList<string>? By, string? Extension, string? AgreementForm, DateTimeOffset? EffectiveAt);

using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Contracts;

/// <summary>A dispute as the API shows it. Build one with <c>DisputeViewBuilder.BuildAsync</c>.</summary>
/// <param name="Id">The dispute's id.</param>
/// <param name="Reference">Human-readable reference, e.g. <c>MT-2026-000123</c>.</param>
/// <param name="Category">Dispute category, e.g. <c>neighbour</c>.</param>
/// <param name="Description">What happened.</param>
/// <param name="Request">What the applicant asks for.</param>
/// <param name="Location">Where it arose.</param>
/// <param name="ClaimedAmount">Amount claimed in yuan, if any.</param>
/// <param name="Channel">How it arrived (online, hotline, gridWorker, walkIn, courtReferral, policeReferral).</param>
/// <param name="Tags">Free tags.</param>
/// <param name="ClosedMediation">Closed mediation (不公开调解).</param>
/// <param name="FiledAt">When it was filed.</param>
/// <param name="ReceivedAt">When the handling organisation received it, if that differs from filing.</param>
/// <param name="Workflow">The workflow version it runs on.</param>
/// <param name="Step">The current step.</param>
/// <param name="Phase">Where it stands inside the step (awaitingConsent, queued, inMediation, paused, followUp, closed).</param>
/// <param name="Status"><c>open</c> or <c>closed</c>.</param>
/// <param name="Organisation">The organisation handling it now, if any.</param>
/// <param name="Mediator">The mediator handling it now, if any.</param>
/// <param name="NextDeadline">The earliest live deadline that moves the case (reminders excluded), if any.</param>
/// <param name="Deadlines">Every live deadline that moves the case, earliest first.</param>
/// <param name="Parties">Applicants and respondents, with phones and ID numbers masked.</param>
/// <param name="OpenProposal">The written agreement awaiting signatures, with the signatures so far; null when none is open.</param>
/// <param name="PermittedActions">Action route names the caller may post now (<c>POST /api/disputes/{id}/{action}</c>): exactly those the endpoints would accept from them in the case's current state.</param>
/// <param name="Version">Concurrency version; it changes with every workflow event.</param>
internal sealed record DisputeView(
    Guid Id,
    string Reference,
    string Category,
    string Description,
    string? Request,
    DisputeLocationView Location,
    decimal? ClaimedAmount,
    string Channel,
    IReadOnlyList<string> Tags,
    bool ClosedMediation,
    DateTimeOffset FiledAt,
    DateTimeOffset? ReceivedAt,
    WorkflowRefView Workflow,
    DisputeStepView Step,
    CasePhase Phase,
    string Status,
    OrganisationRefView? Organisation,
    MediatorRefView? Mediator,
    DisputeDeadlineView? NextDeadline,
    IReadOnlyList<DisputeDeadlineView> Deadlines,
    IReadOnlyList<DisputePartyView> Parties,
    Actions.AgreementProposalView? OpenProposal,
    IReadOnlyList<string> PermittedActions,
    int Version)
{
    /// <summary>The value of <see cref="Status"/> for a running case.</summary>
    public const string Open = "open";

    /// <summary>The value of <see cref="Status"/> for an ended case.</summary>
    public const string Closed = "closed";
}

/// <summary>Where a dispute arose: the village or community code and the names of the areas that contain it.</summary>
/// <param name="Code">Village or community code, e.g. <c>150302001001</c>.</param>
/// <param name="Village">Name of the village or community.</param>
/// <param name="Township">Name of the township or street.</param>
/// <param name="District">Name of the district or county.</param>
internal sealed record DisputeLocationView(string Code, string? Village, string? Township, string? District);

/// <summary>A workflow version.</summary>
/// <param name="Key">The workflow's key, e.g. <c>general-civil</c>.</param>
/// <param name="Version">Its version.</param>
internal sealed record WorkflowRefView(string Key, int Version);

/// <summary>A workflow step.</summary>
/// <param name="Id">The step's id, e.g. <c>village</c>.</param>
/// <param name="Name">Its name in Chinese and English (<c>zh-CN</c>, <c>en</c>).</param>
internal sealed record DisputeStepView(string Id, LocalizedText Name);

/// <summary>An organisation, as a reference.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Code">Its area code (or body code).</param>
/// <param name="Name">Its name.</param>
internal sealed record OrganisationRefView(Guid Id, string Code, string Name);

/// <summary>A mediator, as a reference.</summary>
/// <param name="Id">The mediator record's id.</param>
/// <param name="Name">Their name.</param>
internal sealed record MediatorRefView(Guid Id, string Name);

/// <summary>A live deadline.</summary>
/// <param name="Id">The engine's deadline id (unique within the case).</param>
/// <param name="Kind">consent, takeUp, resolution, judicialConfirmation or followUpVisit.</param>
/// <param name="StepId">The step it belongs to.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Provisional">Computed past the last year of holidays on file; recomputed when the year arrives.</param>
/// <param name="Overdue">True once <paramref name="DueAt"/> has passed.</param>
/// <param name="WorkingDaysLeft">Working days left (today not counted) when the deadline counts in a working-day calendar; null otherwise.</param>
/// <param name="DaysLeft">Calendar days left (today not counted) when the deadline counts in natural days; null otherwise.</param>
internal sealed record DisputeDeadlineView(
    string Id,
    DeadlineKind Kind,
    string StepId,
    DateTimeOffset DueAt,
    bool Provisional,
    bool Overdue,
    int? WorkingDaysLeft,
    int? DaysLeft);

/// <summary>A party, with contact details masked (个人信息保护法 Art. 6, 51).</summary>
/// <param name="Id">The party's id.</param>
/// <param name="Role">applicant or respondent.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Masked phone, e.g. <c>138****5678</c>.</param>
/// <param name="IdNumber">Masked ID number, e.g. <c>150302********1234</c>.</param>
/// <param name="HasAccount">True when the party is linked to a resident account.</param>
internal sealed record DisputePartyView(Guid Id, Data.Entities.PartyRole Role, string Name, string? Phone, string? IdNumber, bool HasAccount);

/// <summary>One entry of a dispute's append-only timeline.</summary>
/// <param name="Id">Entry id, increasing.</param>
/// <param name="At">When.</param>
/// <param name="ActorRole">resident, mediator, orgAdmin, systemAdmin or system (a deadline).</param>
/// <param name="Event">The event, e.g. <c>filed</c>, <c>takenUp</c>, <c>timerElapsed</c>.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="FromStep">Step before (empty for <c>filed</c>).</param>
/// <param name="FromPhase">Phase before.</param>
/// <param name="ToStep">Step after.</param>
/// <param name="ToPhase">Phase after.</param>
internal sealed record TimelineEntryView(
    long Id,
    DateTimeOffset At,
    string ActorRole,
    string Event,
    string? Reason,
    string FromStep,
    string FromPhase,
    string ToStep,
    string ToPhase);

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page (at most 100).</param>
/// <param name="Total">Items across all pages.</param>
internal sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

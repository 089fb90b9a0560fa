using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Disputes.Actions;

/// <summary>The actions that are one workflow event each.</summary>
internal sealed partial class DisputeActionService
{
    /// <summary>受理: the acting mediator takes the case up and becomes its mediator, in the same transaction.</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> TakeUpAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var mediatorId = Actor.MediatorId;
        return RunAsync(disputeId, DisputeActions.TakeUp, ActionRules.TakeUp, _ => (
            WorkflowEvent.Of(WorkflowEventType.TakenUp, null, Participant.Mediator),
            new DisputeChange { Before = dispute => dispute.MediatorId = mediatorId }), cancellationToken);
    }

    /// <summary>The consent the step waits for (医疗纠纷预防和处理条例 Art. 31), given by the party asked or recorded by staff.</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ConsentAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.Consent, ActionRules.Consent, c => (
            WorkflowEvent.Of(WorkflowEventType.ConsentGiven, reason, c.Participant), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RefuseConsentAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.RefuseConsent, ActionRules.Consent, c => (
            WorkflowEvent.Of(WorkflowEventType.ConsentRefused, reason, c.Participant), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, DisputeActions.Decline, ActionRules.HandlingStaff, c => (
            WorkflowEvent.Of(WorkflowEventType.Declined, reason, c.Participant), null), cancellationToken));

    /// <summary>Pauses the resolution clock, typically for an appraisal (鉴定) whose time does not count (Art. 38).</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> PauseAsync(Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, DisputeActions.Pause, ActionRules.CaseMediator, _ => (
            WorkflowEvent.Of(WorkflowEventType.ClockPaused, reason, Participant.Mediator), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.Resume, ActionRules.CaseMediator, _ => (
            WorkflowEvent.Of(WorkflowEventType.ClockResumed, reason, Participant.Mediator), null), cancellationToken));

    /// <summary>Extends the resolution deadline with the consents the mediator recorded; the engine checks them against the definition.</summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid disputeId, string action, ExtensionRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var reason = validation.Optional(request?.Reason, "reason", 1000);
        WorkflowDuration duration = default;

        // Shown back as the mediator typed it (a parsed duration writes itself canonically: P2W as P14D).
        var typed = request?.Duration?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(request?.Duration))
        {
            validation.Add("duration", "ActionFieldRequired");
        }
        else if (!WorkflowDuration.TryParse(typed, out duration, out _)
            || (duration.Years == 0 && duration.Months == 0 && duration.Days == 0 && duration.Time <= TimeSpan.Zero))
        {
            validation.Add("duration", "ActionDurationInvalid", request.Duration);
        }

        var consents = new List<Participant> { Participant.Mediator };
        for (var i = 0; i < (request?.Consents?.Count ?? 0); i++)
        {
            var name = request!.Consents![i];
            if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || !Enum.TryParse<Participant>(name, ignoreCase: true, out var participant))
            {
                validation.Add(FormattableString.Invariant($"consents[{i}]"), "ActionConsentUnknown", name ?? string.Empty);
                continue;
            }

            if (!consents.Contains(participant))
            {
                consents.Add(participant);
            }
        }

        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.CaseMediator(found) is { } forbidden)
        {
            return Forbidden(forbidden, action);
        }

        if (duration.HasMonthsOrYears && found.Workflow?.Calendar is WorkingDayCalendar)
        {
            // The engine cannot count months in working days; ask for days.
            validation.Add("duration", "ActionDurationMonthsInWorkingDays", typed);
            return Invalid(validation);
        }

        var note = string.Join("; ", new[] { typed, string.Join(", ", consents.Select(NameOf)), reason }.Where(s => !string.IsNullOrEmpty(s)));
        return await ApplyAsync(found, WorkflowEvent.ExtensionGranted(duration, consents), new DisputeChange { Reason = note }, cancellationToken);
    }

    /// <summary>调解不成: mediation failed; the workflow writes the termination record with the remedies (人民调解法 Art. 26).</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FailAsync(
        Guid disputeId, string action, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, action, ActionRules.CaseMediator, _ => (
            WorkflowEvent.Of(WorkflowEventType.MediationFailed, reason, Participant.Mediator),
            new DisputeChange { Reason = reason }), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, DisputeActions.Escalate, ActionRules.PartyOrCaseMediator, c => (
            WorkflowEvent.Of(WorkflowEventType.EscalationRequested, reason, c.Participant), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.Withdraw, ActionRules.Withdraw, c => (
            // Staff withdraw on the applicant's behalf; the timeline shows who acted.
            WorkflowEvent.Of(WorkflowEventType.Withdrawn, reason, c.IsApplicant ? Participant.Applicant : c.Participant), null), cancellationToken));

    /// <summary>Risk of escalation (人民调解法 Art. 25): the organisation is told.</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FlagRiskAsync(Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, DisputeActions.FlagRisk, ActionRules.HandlingStaff, c => (
            WorkflowEvent.Of(WorkflowEventType.RiskFlagged, reason, c.Participant), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> PerformedAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.Performed, ActionRules.CaseMediator, _ => (
            WorkflowEvent.Of(WorkflowEventType.Performed, reason, Participant.Mediator), null), cancellationToken));

    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> PerformanceFailedAsync(Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken) =>
        WithReason(request, reason => RunAsync(disputeId, DisputeActions.PerformanceFailed, ActionRules.PartyOrCaseMediator, c => (
            WorkflowEvent.Of(WorkflowEventType.PerformanceFailed, reason, c.Participant), new DisputeChange { Reason = reason }), cancellationToken));

    /// <summary>回访: the follow-up visit was made.</summary>
    public Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FollowUpVisitAsync(Guid disputeId, NoteRequest? request, CancellationToken cancellationToken) =>
        WithOptionalReason(request, reason => RunAsync(disputeId, DisputeActions.FollowUpVisit, ActionRules.CaseMediator, _ => (
            WorkflowEvent.Of(WorkflowEventType.FollowUpVisitDone, reason, Participant.Mediator), null), cancellationToken));

    private async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> WithReason(
        ReasonRequest? request, Func<string, Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>>> then)
    {
        var validation = Validate();
        var reason = validation.Required(request?.Reason, "reason");
        return validation.IsValid ? await then(reason) : Invalid(validation);
    }

    private async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> WithOptionalReason(
        NoteRequest? request, Func<string?, Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>>> then)
    {
        var validation = Validate();
        var reason = validation.Optional(request?.Reason, "reason");
        return validation.IsValid ? await then(reason) : Invalid(validation);
    }

    private static string NameOf(Participant participant) =>
        string.Concat(char.ToLowerInvariant(participant.ToString()[0]).ToString(), participant.ToString()[1..]);
}

using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Hotline;
using Mediation.Api.Timers;
using Mediation.Api.Workflows;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes;

/// <summary>
/// The only way a dispute's workflow state changes: ask the engine for a decision, then write the new state, the
/// timeline entry, the deadline records, the outbox messages and the outcome records in one transaction, and derive
/// timers from the deadline records after commit.
/// </summary>
internal sealed class DisputeWorkflow(
    MediationDbContext db,
    WorkflowRegistry registry,
    OrganisationDirectory directory,
    IDeadlineScheduler scheduler,
    TimeProvider clock,
    ILogger<DisputeWorkflow> logger)
{
    /// <summary>Routes a new dispute to its workflow and first step and saves it.</summary>
    public async Task<WorkflowResult> StartAsync(Dispute dispute, Actor actor, CancellationToken cancellationToken)
    {
        var facts = dispute.ToFacts();
        var workflow = registry.Catalog.SelectFor(facts)
            ?? throw new InvalidOperationException($"No published workflow handles category '{dispute.Category}'.");
        var now = clock.GetUtcNow();
        var decision = WorkflowEngine.Start(workflow, facts, now);
        dispute.WorkflowKey = workflow.Key;
        dispute.WorkflowVersion = workflow.Version;
        dispute.ClosedMediation |= workflow.Definition.ClosedMediation;
        db.Disputes.Add(dispute);
        var pending = await ApplyDecisionAsync(dispute, decision, TraceEntry.Filed, null, actor, null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await pending.ScheduleAsync(scheduler, logger, cancellationToken);
        return WorkflowResult.Done(dispute, decision);
    }

    /// <summary>Applies <paramref name="evt"/> to the dispute, or explains why not.</summary>
    public async Task<WorkflowResult> ApplyAsync(Guid disputeId, WorkflowEvent evt, Actor actor, DisputeChange? change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var dispute = await db.Disputes.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return WorkflowResult.NotFound();
        }

        using var logScope = CaseScope(dispute);
        var workflow = registry.Catalog.Find(dispute.WorkflowKey, dispute.WorkflowVersion)
            ?? throw new InvalidOperationException($"Workflow {dispute.WorkflowKey} v{dispute.WorkflowVersion} is not published.");
        var now = clock.GetUtcNow();
        var decision = WorkflowEngine.Decide(workflow, dispute.State, dispute.ToFacts(), evt, now);
        if (!decision.Applied)
        {
            if (evt.DeadlineId is { } deadlineId)
            {
                await SettleIgnoredTimerAsync(dispute, deadlineId, decision, now, cancellationToken);
            }

            return decision.Outcome == DecisionOutcome.Ignored ? WorkflowResult.Ignored(dispute, decision) : WorkflowResult.Rejected(dispute, decision);
        }

        change?.Before?.Invoke(dispute);
        var pending = await ApplyDecisionAsync(dispute, decision, WorkflowEvents.NameOf(evt.Type), evt, actor, change, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Someone else changed the case first. A racing decision may trip the unique deadline index before the
            // version check, so any failed save of a case whose version moved on is the same conflict.
            if (exception is not DbUpdateConcurrencyException && !await ChangedSinceAsync(disputeId, dispute.Version - 1, cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return WorkflowResult.Conflict(dispute, decision);
        }

        await pending.ScheduleAsync(scheduler, logger, cancellationToken);
        return WorkflowResult.Done(dispute, decision);
    }

    /// <summary>
    /// Recounts the dispute's provisional deadlines (counted past the last calendar year on file) after a calendar year
    /// was added (<see cref="WorkflowEngine.RecomputeProvisional"/>); moved deadlines are rescheduled and the timeline
    /// says why. Ignored when nothing moved.
    /// </summary>
    public async Task<WorkflowResult> RecomputeProvisionalAsync(Guid disputeId, Actor actor, string reason, CancellationToken cancellationToken)
    {
        var dispute = await db.Disputes.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return WorkflowResult.NotFound();
        }

        var workflow = registry.Catalog.Find(dispute.WorkflowKey, dispute.WorkflowVersion)
            ?? throw new InvalidOperationException($"Workflow {dispute.WorkflowKey} v{dispute.WorkflowVersion} is not published.");
        var now = clock.GetUtcNow();
        var decision = WorkflowEngine.RecomputeProvisional(workflow, dispute.State, now);
        if (!decision.Applied)
        {
            return WorkflowResult.Ignored(dispute, decision);
        }

        var pending = await ApplyDecisionAsync(dispute, decision, "deadlinesRecomputed", null, actor, new DisputeChange { Reason = reason }, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkflowResult.Conflict(dispute, decision);
        }

        await pending.ScheduleAsync(scheduler, logger, cancellationToken);
        return WorkflowResult.Done(dispute, decision);
    }

    /// <summary>Moves a running case to another version with a validated step mapping (an administrator's explicit act).</summary>
    public async Task<WorkflowResult> MigrateAsync(Guid disputeId, MigrationPlan plan, Actor actor, CancellationToken cancellationToken)
    {
        var dispute = await db.Disputes.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return WorkflowResult.NotFound();
        }

        var from = registry.Catalog.Find(plan.WorkflowKey, plan.FromVersion);
        var to = registry.Catalog.Find(plan.WorkflowKey, plan.ToVersion);
        if (from is null || to is null || dispute.WorkflowKey != plan.WorkflowKey || dispute.WorkflowVersion != plan.FromVersion)
        {
            return WorkflowResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var decision = WorkflowMigration.Migrate(plan, from, to, dispute.State, dispute.ToFacts(), now);
        if (!decision.Applied)
        {
            return WorkflowResult.Rejected(dispute, decision);
        }

        dispute.WorkflowVersion = to.Version;
        var pending = await ApplyDecisionAsync(dispute, decision, "migrated", null, actor, new DisputeChange { Reason = $"v{plan.FromVersion} → v{plan.ToVersion}" }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await pending.ScheduleAsync(scheduler, logger, cancellationToken);
        return WorkflowResult.Done(dispute, decision);
    }

    /// <summary>A logging scope naming the case, so every line logged while it changes carries its reference.</summary>
    private IDisposable? CaseScope(Dispute dispute) =>
        logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = dispute.Id, ["CaseReference"] = dispute.Reference });

    private async Task<PendingTimers> ApplyDecisionAsync(
        Dispute dispute, Decision decision, string eventName, WorkflowEvent? evt, Actor actor, DisputeChange? change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = new PendingTimers(dispute.Id);
        if (evt?.DeadlineId is { } firedId)
        {
            var fired = await FindDeadlineAsync(dispute.Id, firedId, cancellationToken);
            if (fired is { Status: DeadlineStatus.Pending })
            {
                fired.Status = DeadlineStatus.Fired;
                fired.ClosedAt = now;
            }
        }

        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case AssignEffect assign:
                    var (organisationId, mediatorId) = await directory.ResolveAsync(dispute, assign, cancellationToken);
                    dispute.OrganisationId = organisationId;
                    dispute.MediatorId = mediatorId;
                    if (organisationId is { } handler)
                    {
                        db.DisputeHandlers.Add(new DisputeHandler { DisputeId = dispute.Id, OrganisationId = handler, StepId = assign.StepId, AssignedAt = now });
                    }
                    else
                    {
                        logger.LogWarning("No organisation handles step {Step} for location {Location} of dispute {Reference}", assign.StepId, dispute.LocationCode, dispute.Reference);
                    }

                    break;

                case ScheduleDeadlineEffect schedule:
                    var deadline = schedule.Deadline;
                    var existing = await FindDeadlineAsync(dispute.Id, deadline.Id, cancellationToken);
                    var record = existing ?? new DeadlineRecord { Id = Guid.NewGuid(), DisputeId = dispute.Id, DeadlineId = deadline.Id, StepId = deadline.StepId };
                    record.Kind = deadline.Kind;
                    record.ReminderOfKind = deadline.ReminderOfKind;
                    record.StepId = deadline.StepId;
                    record.StepEntry = deadline.StepEntry;
                    record.DueAt = deadline.DueAt;
                    record.Provisional = deadline.Provisional;
                    record.Status = DeadlineStatus.Pending;
                    record.ClosedAt = null;
                    if (existing is null)
                    {
                        db.Deadlines.Add(record);
                    }

                    pending.Scheduled.Add(record);
                    break;

                case CancelDeadlineEffect cancel:
                    var cancelled = await FindDeadlineAsync(dispute.Id, cancel.DeadlineId, cancellationToken);
                    if (cancelled is { Status: DeadlineStatus.Pending })
                    {
                        cancelled.Status = DeadlineStatus.Cancelled;
                        cancelled.ClosedAt = now;
                    }

                    pending.Cancelled.Add(cancel.DeadlineId);
                    break;

                case NotifyEffect notify:
                    db.Outbox.Add(new OutboxMessage
                    {
                        Id = Guid.NewGuid(),
                        DisputeId = dispute.Id,
                        Audience = notify.Audience.ToString(),
                        Template = notify.Template,
                        DeadlineId = notify.DeadlineId,
                        CreatedAt = now,
                    });
                    break;

                case RequireOutcomeEffect outcome:
                    db.Outcomes.Add(OutcomeFor(dispute, outcome, evt, actor, change, now));
                    break;
            }
        }

        HotlineCallbacks.Queue(db, dispute, decision, evt, now);
        var state = decision.State;
        if (evt is not null && LeavesMediation(decision))
        {
            await LapseOpenProposalsAsync(dispute.Id, now, cancellationToken);
        }

        dispute.State = state;
        dispute.StepId = state.StepId;
        dispute.Phase = state.Phase;
        dispute.IsClosed = state.IsClosed;
        dispute.NextDeadlineAt = state.Deadlines.Where(d => d.Kind != DeadlineKind.Reminder).Select(d => (DateTimeOffset?)d.DueAt).Min();
        dispute.Version++;
        db.Timeline.Add(new TimelineEntry
        {
            DisputeId = dispute.Id,
            At = now,
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            Event = eventName,
            Reason = change?.Reason ?? evt?.Reason ?? evt?.DeadlineId,
            FromStep = decision.FromStep,
            FromPhase = decision.FromPhase.ToString(),
            ToStep = state.StepId,
            ToPhase = state.Phase.ToString(),
            Details = JsonSerializer.Serialize(decision.Effects.Select(Describe), JsonColumn.Options),
        });
        return pending;
    }

    private static OutcomeRecord OutcomeFor(Dispute dispute, RequireOutcomeEffect effect, WorkflowEvent? evt, Actor actor, DisputeChange? change, DateTimeOffset now)
    {
        var draft = change?.Outcome;
        var record = new OutcomeRecord
        {
            Id = Guid.NewGuid(),
            DisputeId = dispute.Id,
            Kind = effect.Kind,
            StepId = effect.StepId,
            CreatedAt = now,
            CreatedByUserId = draft?.AuthorUserId ?? actor.UserId,
            TerminationReason = effect.TerminationReason,
            Remedies = [.. effect.Remedies],
            Reason = draft?.Reason ?? change?.Reason ?? evt?.Reason,
        };
        if (draft is not null && effect.Kind == OutcomeKind.Agreement)
        {
            record.AgreementForm = draft.Form;
            record.Facts = draft.Facts;
            record.Terms = draft.Terms;
            record.Signatures = [.. draft.Signatures];
            record.EffectiveAt = draft.EffectiveAt;
            record.ProposalId = draft.ProposalId;
        }

        return record;
    }

    /// <summary>Whether an event takes the case out of the mediation (in mediation or paused) of the step it was in; a migration to another version keeps it.</summary>
    private static bool LeavesMediation(Decision decision) =>
        decision.FromPhase is CasePhase.InMediation or CasePhase.Paused
        && (decision.State.StepId != decision.FromStep || decision.State.Phase is not (CasePhase.InMediation or CasePhase.Paused));

    /// <summary>
    /// A written agreement still awaiting signatures when the case leaves mediation (escalated, failed, timed out,
    /// withdrawn, or settled otherwise) can no longer take effect: it lapses in the same transaction. A proposal whose last
    /// signature brings the case here was already marked effective by the caller and is left alone.
    /// </summary>
    private async Task LapseOpenProposalsAsync(Guid disputeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.AgreementProposals.Where(p => p.DisputeId == disputeId && p.Status == ProposalStatus.Proposed).ToListAsync(cancellationToken);
        foreach (var proposal in open.Where(p => p.Status == ProposalStatus.Proposed))
        {
            proposal.Status = ProposalStatus.Lapsed;
            proposal.ClosedAt = now;
        }
    }

    private async Task<bool> ChangedSinceAsync(Guid disputeId, int loadedVersion, CancellationToken cancellationToken)
    {
        var current = await db.Disputes.AsNoTracking().Where(d => d.Id == disputeId).Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken);
        return current != loadedVersion;
    }

    private async Task SettleIgnoredTimerAsync(Dispute dispute, string deadlineId, Decision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await FindDeadlineAsync(dispute.Id, deadlineId, cancellationToken);
        if (record is not { Status: DeadlineStatus.Pending })
        {
            return;
        }

        if (decision.Problem?.Code == "TimerNotDue")
        {
            // Fired early (clock skew, a recomputed deadline): put the timer back at the due time.
            await scheduler.ScheduleAsync(record, cancellationToken);
            return;
        }

        record.Status = DeadlineStatus.Cancelled;
        record.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DeadlineRecord?> FindDeadlineAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken) =>
        db.Deadlines.Local.FirstOrDefault(d => d.DisputeId == disputeId && d.DeadlineId == deadlineId)
            ?? await db.Deadlines.FirstOrDefaultAsync(d => d.DisputeId == disputeId && d.DeadlineId == deadlineId, cancellationToken);

    private static object Describe(WorkflowEffect effect) => effect switch
    {
        AssignEffect a => new { type = "assign", a.StepId, tier = a.Tier?.ToString(), a.Body, reason = a.Reason.ToString() },
        ScheduleDeadlineEffect s => new { type = "scheduleDeadline", s.Deadline.Id, kind = s.Deadline.Kind.ToString(), s.Deadline.DueAt, s.Deadline.Provisional },
        CancelDeadlineEffect c => new { type = "cancelDeadline", id = c.DeadlineId },
        NotifyEffect n => new { type = "notify", audience = n.Audience.ToString(), n.Template },
        RequireOutcomeEffect o => new { type = "outcome", kind = o.Kind.ToString(), o.StepId, reason = o.TerminationReason?.ToString() },
        _ => new { type = effect.GetType().Name },
    };

    private sealed class PendingTimers(Guid disputeId)
    {
        public List<DeadlineRecord> Scheduled { get; } = [];

        public List<string> Cancelled { get; } = [];

        public async Task ScheduleAsync(IDeadlineScheduler scheduler, ILogger logger, CancellationToken cancellationToken)
        {
            try
            {
                foreach (var id in Cancelled)
                {
                    await scheduler.UnscheduleAsync(disputeId, id, cancellationToken);
                }

                foreach (var record in Scheduled)
                {
                    await scheduler.ScheduleAsync(record, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The deadline records are committed; start-up reconciliation schedules whatever is missing.
                logger.LogError(exception, "Timers for dispute {DisputeId} could not be updated after commit", disputeId);
            }
        }
    }
}

/// <summary>What a caller adds to an event: changes to make with it and the outcome record's content.</summary>
internal sealed class DisputeChange
{
    /// <summary>Applied to the dispute before saving (for example the mediator who takes it up).</summary>
    public Action<Dispute>? Before { get; init; }

    /// <summary>The content of the outcome record the event requires.</summary>
    public OutcomeDraft? Outcome { get; init; }

    /// <summary>Why, for the timeline.</summary>
    public string? Reason { get; init; }
}

/// <summary>The content a mediator writes for an agreement or a termination; for a written agreement signed online, the proposal it was signed as.</summary>
/// <param name="Form">For an agreement: written or oral.</param>
/// <param name="Facts">Written agreement: facts, matters in dispute, responsibility.</param>
/// <param name="Terms">Agreement: the terms, how and by when performed.</param>
/// <param name="Reason">For a termination and the like: why.</param>
/// <param name="Signatures">Signatures and the seal on a written agreement.</param>
/// <param name="EffectiveAt">When the agreement took effect.</param>
/// <param name="ProposalId">The proposal a written agreement was signed as.</param>
/// <param name="AuthorUserId">Who wrote it, when not the actor of the event (the mediator who drew up a proposal the last party signed).</param>
internal sealed record OutcomeDraft(
    AgreementForm? Form,
    string? Facts,
    string? Terms,
    string? Reason,
    IReadOnlyList<OutcomeSignature> Signatures,
    DateTimeOffset? EffectiveAt,
    Guid? ProposalId = null,
    string? AuthorUserId = null);

/// <summary>What happened to an event.</summary>
internal sealed record WorkflowResult(WorkflowResultKind Kind, Dispute? Dispute, Decision? Decision)
{
    public static WorkflowResult Done(Dispute dispute, Decision decision) => new(WorkflowResultKind.Applied, dispute, decision);

    public static WorkflowResult Ignored(Dispute dispute, Decision decision) => new(WorkflowResultKind.Ignored, dispute, decision);

    public static WorkflowResult Rejected(Dispute dispute, Decision decision) => new(WorkflowResultKind.Rejected, dispute, decision);

    public static WorkflowResult Conflict(Dispute dispute, Decision decision) => new(WorkflowResultKind.Conflict, dispute, decision);

    public static WorkflowResult NotFound() => new(WorkflowResultKind.NotFound, null, null);
}

/// <summary>Applied, ignored (stale timer), rejected (not allowed now), conflict (someone else changed it first), not found.</summary>
internal enum WorkflowResultKind
{
    Applied,
    Ignored,
    Rejected,
    Conflict,
    NotFound,
}

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;

namespace Mediation.Workflows.Runtime;

/// <summary>
/// Accumulates the new state and the effects of one decision. Deadlines and effects collect in lists reused from one
/// decision to the next (taken by <see cref="Begin"/>, given back by <see cref="Build"/>); <c>Decide</c> reuses the
/// builder of the machine it rented as well. A decision allocates only what it returns: the state, the decision, and
/// arrays of exactly the right length.
/// </summary>
internal sealed class DecisionBuilder
{
    /// <summary>The lists the last finished decision on this thread gave back; null while a builder holds them.</summary>
    [ThreadStatic]
    private static Scratch? _threadScratch;

    private readonly Scratch _scratch;
    private readonly DeadlineList _deadlines;
    private readonly EffectList _effects;
    private CompiledWorkflow _workflow = null!;
    private CaseFacts _facts = null!;
    private DateTimeOffset _now;
    private CaseState _before = null!;
    private string? _leftStep;

    public DecisionBuilder(CompiledWorkflow workflow, CaseFacts facts, DateTimeOffset now, CaseState before)
        : this(ThreadScratch())
    {
        Begin(workflow, facts, now, before);
    }

    /// <summary>A builder over lists its owner holds exclusively (the rented machine's), reused decision after decision via <see cref="Begin"/>.</summary>
    internal DecisionBuilder(Scratch scratch)
    {
        _scratch = scratch;
        _deadlines = scratch.Deadlines;
        _effects = scratch.Effects;
    }

    /// <summary>Starts a decision from <paramref name="before"/>.</summary>
    public DecisionBuilder Begin(CompiledWorkflow workflow, CaseFacts facts, DateTimeOffset now, CaseState before)
    {
        if (_scratch.InUse)
        {
            // The last decision on these lists threw before it finished: start afresh.
            _scratch.Reset();
        }

        _scratch.InUse = true;
        _workflow = workflow;
        _facts = facts;
        _now = now;
        _before = before;
        _leftStep = null;
        _deadlines.AddRange(before.Deadlines);
        Step = before.StepId;
        Phase = before.Phase;
        StepEntry = before.StepEntry;
        StepEnteredAt = before.StepEnteredAt;
        Reassignments = before.Reassignments;
        Escalations = before.Escalations;
        Clock = before.Clock;
        AgreementEffectiveAt = before.AgreementEffectiveAt;
        DeadlineSequence = before.DeadlineSequence;
        Outcome = before.Outcome;
        return this;
    }

    public string Step { get; private set; } = string.Empty;

    public CasePhase Phase { get; set; }

    public int StepEntry { get; private set; }

    public DateTimeOffset StepEnteredAt { get; private set; }

    public int Reassignments { get; private set; }

    public int Escalations { get; private set; }

    public ResolutionClock? Clock { get; set; }

    public DateTimeOffset? AgreementEffectiveAt { get; set; }

    public int DeadlineSequence { get; private set; }

    public TerminalOutcome? Outcome { get; private set; }

    public DateTimeOffset Now => _now;

    public IWorkflowCalendar Calendar => _workflow.Calendar;

    public void Effect(WorkflowEffect effect) => _effects.Add(effect);

    /// <summary>A notice about a deadline; notices that name none are made once, in <see cref="Notices"/>.</summary>
    public void Notify(Participant audience, string template, string? deadlineId) =>
        _effects.Add(new NotifyEffect(audience, template, deadlineId));

    public Deadline? Find(DeadlineKind kind)
    {
        for (var i = 0; i < _deadlines.Count; i++)
        {
            if (_deadlines[i].Kind == kind)
            {
                return _deadlines[i];
            }
        }

        return null;
    }

    /// <summary>Cancels the deadlines of <paramref name="kind"/> and their reminders.</summary>
    public void Cancel(DeadlineKind kind)
    {
        for (var i = _deadlines.Count - 1; i >= 0; i--)
        {
            var deadline = _deadlines[i];
            if (deadline.Kind == kind || deadline.ReminderOfKind == kind)
            {
                _deadlines.RemoveAt(i);
                _effects.Add(new CancelDeadlineEffect(deadline.Id));
            }
        }
    }

    /// <summary>Removes a deadline that has fired; its timer is spent, so the host only drops the record.</summary>
    public void Spent(Deadline deadline)
    {
        var index = _deadlines.IndexOf(deadline);
        if (index >= 0)
        {
            _deadlines.RemoveAt(index);
        }
    }

    public void CancelAll()
    {
        for (var i = 0; i < _deadlines.Count; i++)
        {
            _effects.Add(new CancelDeadlineEffect(_deadlines[i].Id));
        }

        _deadlines.Clear();
    }

    /// <summary>Schedules <paramref name="definition"/>'s deadline counted from <paramref name="from"/>, with its reminders.</summary>
    public Deadline Schedule(DeadlineKind kind, DateTimeOffset from, CompiledDeadline definition) =>
        Schedule(kind, from, definition.Within, definition.Reminders, definition.Calendar);

    /// <summary>Schedules a deadline of <paramref name="duration"/> counted from <paramref name="from"/> in <paramref name="calendarName"/>, with reminders.</summary>
    public Deadline Schedule(DeadlineKind kind, DateTimeOffset from, WorkflowDuration duration, WorkflowDuration[] reminders, string? calendarName = null)
    {
        // Most deadlines count in the workflow's own calendar, which needs no lookup.
        var name = calendarName ?? _workflow.CalendarName;
        var calendar = string.Equals(name, _workflow.CalendarName, StringComparison.Ordinal)
            ? _workflow.Calendar
            : _workflow.Calendars[name];
        var due = calendar.Add(from, duration);
        var deadline = new Deadline(NextId(kind), kind, Step, StepEntry, due.At, due.Provisional, from, duration, name);
        Add(deadline);
        foreach (var before in reminders)
        {
            var at = calendar.Subtract(due.At, before);
            if (at.At > _now)
            {
                Add(new Deadline(NextId(DeadlineKind.Reminder), DeadlineKind.Reminder, Step, StepEntry, at.At,
                    at.Provisional || due.Provisional, due.At, before, name, deadline.Id, kind));
            }
        }

        return deadline;
    }

    /// <summary>The calendar a live deadline was counted in.</summary>
    public IWorkflowCalendar CalendarOf(Deadline deadline) =>
        _workflow.Calendars.TryGetValue(deadline.Calendar, out var calendar) ? calendar : Calendar;

    private void Add(Deadline deadline)
    {
        _deadlines.Add(deadline);
        _effects.Add(new ScheduleDeadlineEffect(deadline));
    }

    /// <summary>The next deadline id, <c>{step entry}.{kind}.{sequence}</c>; the ids of the first entries and deadlines are made once and shared.</summary>
    private string NextId(DeadlineKind kind)
    {
        DeadlineSequence++;
        if ((uint)StepEntry < IdCacheEntries && (uint)DeadlineSequence < IdCacheSequences)
        {
            var row = IdCache[(StepEntry * DeadlineNames.Length) + (int)kind] ??= new string[IdCacheSequences];
            return row[DeadlineSequence] ??= FormatId(StepEntry, kind, DeadlineSequence);
        }

        return FormatId(StepEntry, kind, DeadlineSequence);
    }

    private static string FormatId(int stepEntry, DeadlineKind kind, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{stepEntry}.{DeadlineNames[(int)kind]}.{sequence}");

    private const int IdCacheEntries = 16;
    private const int IdCacheSequences = 128;

    /// <summary>Deadline ids by step entry and kind, then by sequence; filled as ids are first needed (a race only makes the same string twice).</summary>
    private static readonly string[]?[] IdCache = new string[IdCacheEntries * Enum.GetValues<DeadlineKind>().Length][];

    private static readonly string[] DeadlineNames = Enum.GetValues<DeadlineKind>().Select(CamelCaseEnum<DeadlineKind>.NameOf).ToArray();

    /// <summary>Moves the case into <paramref name="step"/>: a new step entry with its assignment, deadlines and messages.</summary>
    public void Enter(CompiledStep step, AssignmentReason reason, WorkflowEventType? cause, WorkflowEvent? evt)
    {
        Step = step.Id;
        StepEntry++;
        StepEnteredAt = _now;
        Reassignments = reason == AssignmentReason.Reassigned ? Reassignments + 1 : 0;
        Escalations += reason == AssignmentReason.Escalated ? 1 : 0;
        Clock = null;
        Phase = step.EntryPhase;
        switch (step.Kind)
        {
            case StepKind.Mediation:
                _effects.Add(new AssignEffect(step.Id, step.Tier, step.Body, reason));
                Effect(reason switch
                {
                    AssignmentReason.Escalated or AssignmentReason.Moved => Notices.EscalatedToParties,
                    AssignmentReason.Reassigned => Notices.ReassignedToParties,
                    _ => Notices.QueuedToParties,
                });
                if (step.ConsentOf is { } consentOf && reason != AssignmentReason.Reassigned)
                {
                    var consent = Schedule(DeadlineKind.Consent, _now, step.ConsentWithin, []);
                    Notify(consentOf, NotificationTemplates.ConsentRequested, consent.Id);
                }
                else
                {
                    Queue(step);
                }

                break;

            case StepKind.FollowUp:
                if (evt?.AgreementForm == AgreementForm.Oral)
                {
                    AgreementEffectiveAt = evt.EffectiveAt ?? _now;
                }
                else if (evt?.EffectiveAt is { } effectiveAt)
                {
                    AgreementEffectiveAt = effectiveAt;
                    OpenJudicialConfirmation(step);
                }

                if (step.FollowUpVisit is { } visit)
                {
                    Schedule(DeadlineKind.FollowUpVisit, _now, visit);
                }

                Effect(Notices.AgreementReadyToParties);
                break;

            default:
                Close(step, cause);
                break;
        }
    }

    /// <summary>Puts the case in <paramref name="step"/> of another version without entering it anew: phase and clock stay, the entry number moves on.</summary>
    public void Rebase(CompiledStep step)
    {
        Step = step.Id;
        StepEntry++;
    }

    /// <summary>The case waits in the organisation's queue: the take-up clock runs, and so does the resolution clock when it starts before acceptance.</summary>
    public void Queue(CompiledStep step)
    {
        Phase = CasePhase.Queued;
        Effect(Notices.QueuedToOrganisation);
        if (step.TakeUp is { } takeUp)
        {
            Schedule(DeadlineKind.TakeUp, _now, takeUp);
        }

        if (step.Resolution is not null && step.ClockStart != ClockStart.Acceptance)
        {
            var from = step.ClockStart switch
            {
                ClockStart.Filing => _facts.FiledAt,
                // Receipt is the first step's: a reassignment within it (another organisation of the same tier) does not restart Art. 14's fifteen days.
                ClockStart.Receipt when StepEntry - Reassignments == 1 => _facts.ReceivedAt ?? _facts.FiledAt,
                _ => _now,
            };
            StartClock(step, from);
        }
    }

    public void StartClock(CompiledStep step, DateTimeOffset from)
    {
        Clock = new ResolutionClock(from);
        Schedule(DeadlineKind.Resolution, from, step.Resolution!);
    }

    public void OpenJudicialConfirmation(CompiledStep step)
    {
        if (step.JudicialConfirmation is { } window && AgreementEffectiveAt is { } effectiveAt)
        {
            var deadline = Schedule(DeadlineKind.JudicialConfirmation, effectiveAt, window);
            Notify(Participant.AllParties, NotificationTemplates.JudicialConfirmationOpen, deadline.Id);
        }
    }

    /// <summary>What leaving a step by <paramref name="cause"/> requires: a termination record for a failed mediation, an agreement for a success.</summary>
    public void Leave(CompiledStep step, CompiledStep target, WorkflowEventType cause)
    {
        _leftStep = step.Id;
        CancelAll();
        if (step.Kind != StepKind.Mediation)
        {
            return;
        }

        switch (cause)
        {
            case WorkflowEventType.AgreementReached:
                _effects.Add(new RequireOutcomeEffect(OutcomeKind.Agreement, step.Id, null, []));
                break;
            // A referral or refusal end writes its own termination record; any other target still needs one here.
            case WorkflowEventType.MediationFailed or WorkflowEventType.ResolutionDeadlineMissed
                when target is not { Kind: StepKind.Terminal, Outcome: TerminalOutcome.Referred or TerminalOutcome.Refused }:
                // Art. 26: a failed mediation is terminated and the parties told their remedies, even when the case goes on to another tier.
                _effects.Add(new RequireOutcomeEffect(OutcomeKind.Termination, step.Id, ReasonFor(cause), _workflow.Remedies));
                Effect(Notices.TerminatedToParties);
                break;
        }
    }

    private void Close(CompiledStep step, WorkflowEventType? cause)
    {
        Phase = CasePhase.Closed;
        Outcome = step.Outcome;

        // The record concludes the step the case left (the district's mediation, the follow-up), not the end step.
        var concluded = _leftStep ?? step.Id;
        var record = step.Outcome switch
        {
            TerminalOutcome.Closed => new RequireOutcomeEffect(OutcomeKind.Closure, concluded, null, []),
            TerminalOutcome.Withdrawn => new RequireOutcomeEffect(OutcomeKind.Withdrawal, concluded, null, []),
            TerminalOutcome.Refused => new RequireOutcomeEffect(OutcomeKind.Refusal, concluded, null, _workflow.Remedies),
            _ => new RequireOutcomeEffect(OutcomeKind.Termination, concluded, ReasonFor(cause), Remedies(step.Referral)),
        };
        _effects.Add(record);
        if (record.Kind is OutcomeKind.Termination)
        {
            Effect(Notices.TerminatedToParties);
        }

        Effect(Notices.ClosedToParties);
    }

    private ImmutableArray<Referral> Remedies(Referral? referral)
    {
        if (referral is not { } first)
        {
            return _workflow.Remedies;
        }

        var remedies = ImmutableArray.CreateBuilder<Referral>(_workflow.Remedies.Length + 1);
        remedies.Add(first);
        foreach (var remedy in _workflow.Remedies)
        {
            if (remedy != first)
            {
                remedies.Add(remedy);
            }
        }

        // The referral is usually one of the workflow's remedies already, so the builder is not always full.
        return remedies.ToImmutable();
    }

    private static TerminationReason ReasonFor(WorkflowEventType? cause) => cause switch
    {
        WorkflowEventType.MediationFailed => TerminationReason.Failed,
        WorkflowEventType.ResolutionDeadlineMissed or WorkflowEventType.TakeUpDeadlineMissed or WorkflowEventType.ConsentDeadlineMissed => TerminationReason.TimedOut,
        WorkflowEventType.PerformanceFailed => TerminationReason.NotPerformed,
        _ => TerminationReason.Referred,
    };

    public Decision Build(string fromStep, CasePhase fromPhase)
    {
        var state = new CaseState
        {
            WorkflowKey = _before.WorkflowKey,
            WorkflowVersion = _before.WorkflowVersion,
            StepId = Step,
            Phase = Phase,
            StepEntry = StepEntry,
            StepEnteredAt = StepEnteredAt,
            Reassignments = Reassignments,
            Escalations = Escalations,
            Clock = Clock,
            AgreementEffectiveAt = AgreementEffectiveAt,
            Deadlines = _deadlines.Drain(),
            DeadlineSequence = DeadlineSequence,
            Outcome = Outcome,
        };
        var effects = _effects.Drain();
        _scratch.InUse = false;
        return new Decision(DecisionOutcome.Applied, state, effects, fromStep, fromPhase);
    }

    /// <summary>
    /// Effects in the order they arise. Each sits in a struct slot: storing a derived effect into a
    /// <see cref="WorkflowEffect"/> or <see cref="object"/> array goes through the runtime's covariant store check,
    /// storing into a struct field does not.
    /// </summary>
    internal sealed class EffectList
    {
        private Slot[] _items = new Slot[16];
        private int _count;

        public void Add(WorkflowEffect effect)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _count * 2);
            }

            _items[_count++].Effect = effect;
        }

        public ImmutableArray<WorkflowEffect> Drain()
        {
            if (_count == 0)
            {
                return ImmutableArray<WorkflowEffect>.Empty;
            }

            var items = _items;
            var effects = new WorkflowEffect[_count];
            for (var i = 0; i < effects.Length; i++)
            {
                effects[i] = items[i].Effect!;
                items[i].Effect = null;
            }

            _count = 0;
            return ImmutableCollectionsMarshal.AsImmutableArray(effects);
        }

        private struct Slot
        {
            public WorkflowEffect? Effect;
        }
    }

    /// <summary>
    /// The live deadlines while a decision is built. An array of the sealed <see cref="Deadline"/> type, so storing into it
    /// needs no covariance check (a <c>List&lt;Deadline&gt;</c> runs shared generic code that checks every store).
    /// </summary>
    internal sealed class DeadlineList
    {
        // A case has a handful of live deadlines: plain loops beat Array.Copy, Array.Clear and ToArray, whose fixed
        // costs (argument and type checks, bulk copies with write barriers) dominated the builder at these sizes.
        private Deadline?[] _items = new Deadline?[16];

        public int Count { get; private set; }

        public Deadline this[int index]
        {
            get
            {
                Debug.Assert((uint)index < (uint)Count, "The index is within the live deadlines.");
                return _items[index]!;
            }
        }

        public void AddRange(ImmutableArray<Deadline> deadlines)
        {
            var source = ImmutableCollectionsMarshal.AsArray(deadlines) ?? [];
            EnsureRoom(source.Length);
            var items = _items;
            var count = Count;
            foreach (var deadline in source)
            {
                items[count++] = deadline;
            }

            Count = count;
        }

        public void Add(Deadline deadline)
        {
            EnsureRoom(1);
            _items[Count++] = deadline;
        }

        public int IndexOf(Deadline deadline)
        {
            for (var i = 0; i < Count; i++)
            {
                if (_items[i]!.Equals(deadline))
                {
                    return i;
                }
            }

            return -1;
        }

        public void RemoveAt(int index)
        {
            Debug.Assert((uint)index < (uint)Count, "The index is within the live deadlines.");
            var items = _items;
            var last = Count - 1;
            for (var i = index; i < last; i++)
            {
                items[i] = items[i + 1];
            }

            items[last] = null;
            Count = last;
        }

        public void Clear()
        {
            var items = _items;
            for (var i = 0; i < Count; i++)
            {
                items[i] = null;
            }

            Count = 0;
        }

        /// <summary>The deadlines in an array of their own (the list is handed on to the next decision), and the list emptied.</summary>
        public ImmutableArray<Deadline> Drain()
        {
            var count = Count;
            if (count == 0)
            {
                return ImmutableArray<Deadline>.Empty;
            }

            var items = _items;
            var array = new Deadline[count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = items[i]!;
                items[i] = null;
            }

            Count = 0;
            return ImmutableCollectionsMarshal.AsImmutableArray(array);
        }

        private void EnsureRoom(int more)
        {
            if (Count + more > _items.Length)
            {
                Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + more));
            }
        }
    }

    /// <summary>
    /// The notices that name no deadline. Effects are immutable values, so each is made once and shared by every
    /// decision that sends it.
    /// </summary>
    internal static class Notices
    {
        public static readonly NotifyEffect QueuedToParties = new(Participant.AllParties, NotificationTemplates.CaseQueued);
        public static readonly NotifyEffect QueuedToOrganisation = new(Participant.Organisation, NotificationTemplates.CaseQueued);
        public static readonly NotifyEffect EscalatedToParties = new(Participant.AllParties, NotificationTemplates.CaseEscalated);
        public static readonly NotifyEffect ReassignedToParties = new(Participant.AllParties, NotificationTemplates.CaseReassigned);
        public static readonly NotifyEffect AcceptedToParties = new(Participant.AllParties, NotificationTemplates.CaseAccepted);
        public static readonly NotifyEffect PausedToParties = new(Participant.AllParties, NotificationTemplates.ClockPaused);
        public static readonly NotifyEffect ResumedToParties = new(Participant.AllParties, NotificationTemplates.ClockResumed);
        public static readonly NotifyEffect ExtendedToParties = new(Participant.AllParties, NotificationTemplates.DeadlineExtended);
        public static readonly NotifyEffect RiskToOrganisation = new(Participant.Organisation, NotificationTemplates.RiskFlagged);
        public static readonly NotifyEffect AgreementReadyToParties = new(Participant.AllParties, NotificationTemplates.AgreementReady);
        public static readonly NotifyEffect TerminatedToParties = new(Participant.AllParties, NotificationTemplates.MediationTerminated);
        public static readonly NotifyEffect ClosedToParties = new(Participant.AllParties, NotificationTemplates.CaseClosed);
    }

    private static Scratch ThreadScratch() => _threadScratch ??= new Scratch();

    /// <summary>Reusable lists for one decision at a time; 16 holds every decision of the shipped workflows without growing.</summary>
    internal sealed class Scratch
    {
        public DeadlineList Deadlines { get; } = new();

        public EffectList Effects { get; } = new();

        public bool InUse { get; set; }

        public void Reset()
        {
            Deadlines.Clear();
            Effects.Drain();
            InUse = false;
        }
    }
}

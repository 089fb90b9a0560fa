using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Compilation;

/// <summary>
/// A checked workflow definition bound to its calendar: what <see cref="WorkflowEngine"/> runs. Immutable and safe
/// to share between threads; cache it per (key, version), never the Stateless machines behind it.
/// </summary>
public sealed class CompiledWorkflow
{
    /// <summary>
    /// The machine this thread returned last, of whichever workflow: a thread usually decides for the same workflow
    /// again, and this slot costs far less than the bag's synchronisation. Null while a decision holds it.
    /// </summary>
    [ThreadStatic]
    private static WorkflowMachine? _threadMachine;

    private readonly FrozenDictionary<string, int> _stepIndex;
    private readonly ConcurrentBag<WorkflowMachine> _machines = [];

    internal CompiledWorkflow(
        WorkflowDefinition definition,
        IWorkflowCalendar calendar,
        IReadOnlyDictionary<string, IWorkflowCalendar> calendars,
        CompiledStep[] steps,
        CompiledRoute[] routes,
        ImmutableArray<Referral> remedies,
        IReadOnlyDictionary<string, int> stepIndex,
        CompiledCondition? appliesWhen)
    {
        AppliesWhenCondition = appliesWhen;
        Definition = definition;
        Calendar = calendar;
        CalendarName = calendar.Name;
        Calendars = calendars;
        Steps = steps;
        Routes = routes;
        Remedies = remedies;
        _stepIndex = stepIndex as FrozenDictionary<string, int> ?? stepIndex.ToFrozenDictionary(StringComparer.Ordinal);
        StepInfos = steps.Select(s => new WorkflowStepInfo(
            s.Id, s.Kind, s.Name, s.Tier, s.Body, s.Outcome, s.Referral, s.Pausable, s.Extension is not null, s.ConsentOf)).ToList();
    }

    /// <summary>The definition this was compiled from.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The workflow's key.</summary>
    public string Key => Definition.Key;

    /// <summary>The version.</summary>
    public int Version => Definition.Version;

    /// <summary>The calendar durations count in.</summary>
    public IWorkflowCalendar Calendar { get; }

    /// <summary>The name of <see cref="Calendar"/>, read once: deadlines are stamped with it on every decision.</summary>
    internal string CalendarName { get; }

    /// <summary>Every calendar the workflow's deadlines count in, by name (the workflow's own and any per-deadline ones).</summary>
    public IReadOnlyDictionary<string, IWorkflowCalendar> Calendars { get; }

    /// <summary>Remedies the parties are told of on termination.</summary>
    public ImmutableArray<Referral> Remedies { get; }

    /// <summary>The steps, for hosts and user interfaces.</summary>
    public IReadOnlyList<WorkflowStepInfo> StepInfos { get; }

    internal CompiledStep[] Steps { get; }

    internal CompiledRoute[] Routes { get; }

    /// <summary>Stateless machines are not thread-safe: each decision rents one and returns it.</summary>
    internal WorkflowMachine RentMachine()
    {
        var cached = _threadMachine;
        if (cached is not null && !cached.Rented && ReferenceEquals(cached.Workflow, this))
        {
            cached.Rented = true;
            return cached;
        }

        var machine = _machines.TryTake(out var pooled) ? pooled : new WorkflowMachine(this);
        machine.Rented = true;
        return machine;
    }

    /// <summary>Gives <paramref name="machine"/> back: to the thread's slot, displacing the machine there into its own workflow's bag.</summary>
    internal void ReturnMachine(WorkflowMachine machine)
    {
        if (!ReferenceEquals(machine.Workflow, this))
        {
            throw new ArgumentException("The machine belongs to another workflow.", nameof(machine));
        }

        machine.Rented = false;
        if (machine.InThreadSlot)
        {
            return;
        }

        var displaced = _threadMachine;
        _threadMachine = machine;
        machine.InThreadSlot = true;
        if (displaced is not null)
        {
            displaced.InThreadSlot = false;

            // A machine still rented (a decision that threw, or one in progress further up) is not pooled here; its renter returns it.
            if (!displaced.Rented)
            {
                displaced.Workflow._machines.Add(displaced);
            }
        }
    }

    /// <summary>The same workflow counted in a newer instance of one of its calendars (for example after a new year's holidays were added).</summary>
    public CompiledWorkflow WithCalendar(IWorkflowCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Calendars.ContainsKey(calendar.Name))
        {
            throw new ArgumentException($"The workflow does not count in '{calendar.Name}'.", nameof(calendar));
        }

        var calendars = new Dictionary<string, IWorkflowCalendar>(Calendars, System.StringComparer.Ordinal) { [calendar.Name] = calendar };
        var own = string.Equals(calendar.Name, Calendar.Name, System.StringComparison.Ordinal) ? calendar : Calendar;
        return new CompiledWorkflow(Definition, own, calendars, Steps, Routes, Remedies, _stepIndex, AppliesWhenCondition);
    }

    /// <summary>Whether the workflow applies to a dispute with <paramref name="facts"/>: its category and its extra condition.</summary>
    public bool AppliesTo(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!Definition.Categories.Contains(facts.Category))
        {
            return false;
        }

        return AppliesWhenCondition is null || AppliesWhenCondition.Evaluate(facts);
    }

    internal CompiledCondition? AppliesWhenCondition { get; }

    internal bool TryGetStep(string id, out CompiledStep step)
    {
        // A state the engine made holds the compiled step's own id string: a reference scan finds it without hashing.
        foreach (var candidate in Steps)
        {
            if (ReferenceEquals(candidate.Id, id))
            {
                step = candidate;
                return true;
            }
        }

        if (_stepIndex.TryGetValue(id, out var index))
        {
            step = Steps[index];
            return true;
        }

        step = null!;
        return false;
    }

    /// <summary>The step with <paramref name="id"/>, for hosts and user interfaces.</summary>
    public WorkflowStepInfo? FindStep(string id) => _stepIndex.TryGetValue(id, out var index) ? StepInfos[index] : null;
}

/// <summary>What hosts and user interfaces need to know of a step.</summary>
/// <param name="Id">The step's id.</param>
/// <param name="Kind">Mediation, follow-up or terminal.</param>
/// <param name="Name">Display name.</param>
/// <param name="Tier">For tier mediation: the tier.</param>
/// <param name="Body">For body mediation: the body's id.</param>
/// <param name="Outcome">For terminal steps: the outcome.</param>
/// <param name="Referral">For referral steps: where to.</param>
/// <param name="Pausable">Whether the clock can pause.</param>
/// <param name="Extensible">Whether the deadline can be extended.</param>
/// <param name="ConsentOf">Whose consent the step waits for, if any.</param>
public sealed record WorkflowStepInfo(
    string Id,
    StepKind Kind,
    LocalizedText Name,
    Tier? Tier,
    string? Body,
    TerminalOutcome? Outcome,
    Referral? Referral,
    bool Pausable,
    bool Extensible,
    Participant? ConsentOf);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediation.Workflows.Definitions;

/// <summary>
/// A workflow definition exactly as written in a <c>workflows/*.json</c> file or by the designer. Names of steps,
/// events, tiers and the like stay strings here so that the validator can report each mistake at its JSON path;
/// <see cref="Compilation.CompiledWorkflow"/> is the checked, typed form the engine runs.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The JSON Schema editors validate the file against; ignored by the engine.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Stable key of the workflow, shared by all its versions (for example <c>general-civil</c>).</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>Version number; a published version is never changed, a change is a new version.</summary>
    public int Version { get; init; }

    /// <summary>Display name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>What the workflow is for and how it applies its legal basis.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>The statutes and articles the workflow implements.</summary>
    public IReadOnlyList<LegalReference> LegalBasis { get; init; } = [];

    /// <summary>Dispute categories this workflow handles (see <see cref="Runtime.DisputeCategories"/>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Further condition on the dispute's facts for this workflow to apply (for regional thresholds).</summary>
    public Condition? AppliesWhen { get; init; }

    /// <summary>Selection order among workflows that handle the same category; lower goes first.</summary>
    public int Priority { get; init; } = 100;

    /// <summary>The calendar durations count in: <c>natural</c> or the name of a working-day calendar.</summary>
    public string Calendar { get; init; } = string.Empty;

    /// <summary>Closed mediation: the case is not published and is left out of public figures without consent.</summary>
    public bool ClosedMediation { get; init; }

    /// <summary>
    /// Remedies the parties are told of when mediation is terminated (人民调解法 Art. 26): <c>arbitration</c>,
    /// <c>labourArbitration</c>, <c>landContractArbitration</c>, <c>litigation</c>, <c>administrative</c>, <c>police</c>.
    /// </summary>
    public IReadOnlyList<string> Remedies { get; init; } = [];

    /// <summary>Named values that conditions refer to with <c>{"param": "name"}</c>, so regions can change them as configuration.</summary>
    public IReadOnlyDictionary<string, WorkflowParameter> Parameters { get; init; } = new Dictionary<string, WorkflowParameter>();

    /// <summary>Ordered entry rules: the first whose condition holds chooses the first step. The last must have no condition.</summary>
    public IReadOnlyList<RoutingRule> Routing { get; init; } = [];

    /// <summary>The steps.</summary>
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    /// <summary>
    /// Where the visual designer draws each step (node positions by step id). The compiler ignores it; it is kept
    /// with the definition and written back unchanged, so a definition saved from the designer opens as it was drawn.
    /// </summary>
    public WorkflowLayout? Layout { get; init; }

    /// <summary>Other designer data the engine ignores but keeps with the definition (free form).</summary>
    public JsonElement? Designer { get; init; }
}

/// <summary>The designer's drawing of a workflow; not part of what the engine runs.</summary>
public sealed record WorkflowLayout
{
    /// <summary>The position of each step's node on the canvas, by step id.</summary>
    public IReadOnlyDictionary<string, NodePosition> Nodes { get; init; } = new Dictionary<string, NodePosition>();
}

/// <summary>A node's top-left corner on the designer's canvas, in canvas units (pixels at 100 % zoom).</summary>
public sealed record NodePosition
{
    // Both coordinates are required in the file: `required` makes the reader reject a node without one.

    /// <summary>Distance from the left.</summary>
    public required double X { get; init; }

    /// <summary>Distance from the top.</summary>
    public required double Y { get; init; }
}

/// <summary>A citation of a statute or regulation.</summary>
/// <param name="Source">The statute's name, for example 人民调解法.</param>
/// <param name="Articles">The articles, for example 第二十六条.</param>
/// <param name="Summary">What the articles require, in the workflow's terms.</param>
public sealed record LegalReference(string Source, string Articles, LocalizedText? Summary);

/// <summary>A named value a condition can use.</summary>
/// <param name="Type"><c>number</c>, <c>integer</c>, <c>string</c> or <c>boolean</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Description">What the value means and who sets it.</param>
public sealed record WorkflowParameter(string Type, JsonElement Value, LocalizedText? Description);

/// <summary>An entry rule.</summary>
public sealed record RoutingRule
{
    /// <summary>Identifier shown in traces and validation messages.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The condition; absent on the default rule.</summary>
    public Condition? When { get; init; }

    /// <summary>The first step.</summary>
    public string To { get; init; } = string.Empty;
}

/// <summary>A step of the workflow: mediation at a tier or body, follow-up after an agreement, or an end.</summary>
public sealed record StepDefinition
{
    /// <summary>Identifier, unique in the definition.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary><c>mediation</c>, <c>followUp</c> or <c>terminal</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Display name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Mediation steps: who handles the case.</summary>
    public HandlerDefinition? Handler { get; init; }

    /// <summary>Mediation steps: the other side must consent before mediation starts.</summary>
    public ConsentDefinition? Consent { get; init; }

    /// <summary>Mediation steps: how long the organisation has to take the case up.</summary>
    public DeadlineDefinition? TakeUp { get; init; }

    /// <summary>Mediation steps: how long mediation may take.</summary>
    public ResolutionDefinition? Resolution { get; init; }

    /// <summary>Follow-up steps: the judicial confirmation window after a written agreement takes effect.</summary>
    public DeadlineDefinition? JudicialConfirmation { get; init; }

    /// <summary>Follow-up steps: when the follow-up visit (回访) is due after the agreement.</summary>
    public DeadlineDefinition? FollowUpVisit { get; init; }

    /// <summary>Terminal steps: <c>closed</c>, <c>referred</c>, <c>withdrawn</c> or <c>refused</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Terminal steps with outcome <c>referred</c>: where the case goes.</summary>
    public string? Referral { get; init; }

    /// <summary>What happens on each event, in order; for one event the first whose condition holds applies.</summary>
    public IReadOnlyList<TransitionDefinition> On { get; init; } = [];
}

/// <summary>Who handles a mediation step: a tier of the organisation tree, or a named professional body.</summary>
/// <param name="Tier"><c>village</c>, <c>township</c> or <c>district</c>.</param>
/// <param name="Body">The id of a professional body in <c>workflows/bodies.json</c>.</param>
public sealed record HandlerDefinition(string? Tier, string? Body);

/// <summary>A consent that must be given before mediation starts.</summary>
/// <param name="Of">Whose consent: <c>respondent</c>, <c>applicant</c> or <c>allParties</c>.</param>
/// <param name="Within">How long the party has to answer.</param>
public sealed record ConsentDefinition(string Of, string Within);

/// <summary>A deadline with optional reminders before it.</summary>
public record DeadlineDefinition
{
    /// <summary>ISO-8601 duration counted in the workflow's calendar.</summary>
    public string Within { get; init; } = string.Empty;

    /// <summary>Durations before the deadline at which reminders go out.</summary>
    public IReadOnlyList<string> Reminders { get; init; } = [];

    /// <summary>
    /// Counts this deadline in another calendar than the workflow's: the judicial confirmation window is 30
    /// calendar days (人民调解法 Art. 33) even where mediation counts working days.
    /// </summary>
    public string? Calendar { get; init; }
}

/// <summary>The resolution deadline of a mediation step.</summary>
public sealed record ResolutionDefinition : DeadlineDefinition
{
    /// <summary>What starts the clock: <c>filing</c>, <c>receipt</c>, <c>stepEntry</c> or <c>acceptance</c> (taking up).</summary>
    public string ClockStartsAt { get; init; } = "acceptance";

    /// <summary>Whether the clock can be paused (for an appraisal) and resumed with the remaining time.</summary>
    public bool Pausable { get; init; }

    /// <summary>Whether and how the deadline can be extended.</summary>
    public ExtensionDefinition? Extension { get; init; }
}

/// <summary>How a resolution deadline can be extended.</summary>
/// <param name="Max">The longest single extension.</param>
/// <param name="Times">How many extensions are allowed in the step.</param>
/// <param name="ConsentOf">Who must consent: <c>applicant</c>, <c>respondent</c>, <c>mediator</c>, <c>organisation</c>.</param>
public sealed record ExtensionDefinition(string Max, int Times, IReadOnlyList<string> ConsentOf);

/// <summary>What an event does in a step.</summary>
public sealed record TransitionDefinition
{
    /// <summary>The event (see <see cref="Runtime.WorkflowEventType"/> for the names).</summary>
    public string Event { get; init; } = string.Empty;

    /// <summary>Optional condition on the dispute's facts.</summary>
    public Condition? When { get; init; }

    /// <summary>The step the case moves to.</summary>
    public string? To { get; init; }

    /// <summary>Instead of moving, give the case to another organisation or mediator of the same tier.</summary>
    public ReassignDefinition? Reassign { get; init; }
}

/// <summary>Reassignment within the step's tier; bounded so that a case cannot circle forever.</summary>
/// <param name="MaxTimes">How often the step may reassign before the next transition for the event applies.</param>
public sealed record ReassignDefinition(int MaxTimes);

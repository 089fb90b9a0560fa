using System.Text.Json.Serialization;
using Mediation.Workflows.Definitions;

namespace Mediation.Api.Web.Designer;

/// <summary>
/// What the designer's canvas shows of a workflow definition: a node per step (kind, name, who handles it, where it is
/// drawn) and an edge per transition (event, condition, target or reassignment, in order). <see cref="CanvasMapping"/>
/// turns a definition into this model and back without losing anything the canvas shows; the JS canvas draws it.
/// </summary>
/// <param name="Nodes">The steps, in the definition's order.</param>
/// <param name="Edges">The transitions, step by step in the definition's order, each step's in its own order.</param>
/// <param name="SelectedStep">The step selected in the designer, if any (the canvas selects its node).</param>
public sealed record CanvasModel(IReadOnlyList<CanvasNode> Nodes, IReadOnlyList<CanvasEdge> Edges, string? SelectedStep = null);

/// <summary>A step on the canvas.</summary>
/// <param name="Id">The step id (also the node's id).</param>
/// <param name="Kind"><c>mediation</c>, <c>followUp</c> or <c>terminal</c>.</param>
/// <param name="Label">The step's name in the page's language.</param>
/// <param name="Detail">Kind and tier or body, outcome, and reassignments, in the page's language.</param>
/// <param name="X">Left edge on the canvas.</param>
/// <param name="Y">Top edge on the canvas.</param>
/// <param name="ErrorCount">Validation errors located at this step or inside it.</param>
/// <param name="WarningCount">Validation warnings located at this step or inside it.</param>
public sealed record CanvasNode(string Id, string Kind, string Label, string Detail, double X, double Y, int ErrorCount = 0, int WarningCount = 0);

/// <summary>A transition on the canvas.</summary>
/// <param name="Id"><c>STEP/INDEX</c>: the transition's place in its step's <c>on</c> list.</param>
/// <param name="Source">The step the transition belongs to.</param>
/// <param name="Target">The step it leads to; null for a reassignment (drawn inside the node).</param>
/// <param name="Event">The event name, e.g. <c>mediationFailed</c>.</param>
/// <param name="When">The condition, if any (kept as the definition's own object, not sent to the canvas).</param>
/// <param name="ReassignMaxTimes">For a reassignment: how often it may apply.</param>
/// <param name="Label">The edge label in the page's language: event and a condition marker.</param>
/// <param name="ErrorCount">Validation errors located at this transition.</param>
public sealed record CanvasEdge(
    string Id,
    string Source,
    string? Target,
    string Event,
    [property: JsonIgnore] Condition? When,
    int? ReassignMaxTimes,
    string Label,
    int ErrorCount = 0);

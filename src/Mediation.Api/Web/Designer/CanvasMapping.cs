using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Web.Designer;

/// <summary>
/// The mapping between a workflow definition and the canvas model, both ways. <see cref="ToCanvas"/> draws a
/// definition; <see cref="FromCanvas"/> takes a canvas the user changed (nodes added, moved or removed, edges added,
/// removed or reordered) and writes it back over the definition it came from, keeping everything the canvas does not
/// show (deadlines, routing, parameters…) from that definition. For what the canvas shows the round trip is lossless:
/// <c>FromCanvas(ToCanvas(d), d)</c> is <c>d</c> with its layout filled in.
/// </summary>
public static class CanvasMapping
{
    /// <summary>Where a step without a saved position goes before the automatic layout places it.</summary>
    public static NodePosition DefaultPosition(int index) => new() { X = 40 + (index % 4 * 260), Y = 40 + (index / 4 * 140) };

    /// <summary>The canvas for <paramref name="definition"/>, with validation issues counted on the nodes and edges they point at.</summary>
    public static CanvasModel ToCanvas(
        WorkflowDefinition definition, IReadOnlyList<ValidationIssue> issues, IStringLocalizer text, string? selectedStep = null, IReadOnlyDictionary<string, ProfessionalBody>? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentUICulture;
        var located = issues.Select(i => (Issue: i, Target: DesignerIssues.Locate(i, definition))).ToList();
        int Count(Func<IssueTarget, bool> match, ValidationSeverity severity) =>
            located.Count(l => l.Issue.Severity == severity && match(l.Target));

        var nodes = new List<CanvasNode>(definition.Steps.Count);
        var edges = new List<CanvasEdge>();
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var position = definition.Layout?.Nodes.GetValueOrDefault(step.Id) ?? DefaultPosition(i);
            nodes.Add(new CanvasNode(
                step.Id,
                step.Kind,
                step.Name?.For(culture) is { Length: > 0 } name ? name : step.Id,
                Detail(step, text, bodies),
                position.X,
                position.Y,
                Count(t => t.StepIndex == i, ValidationSeverity.Error),
                Count(t => t.StepIndex == i, ValidationSeverity.Warning)));
            for (var j = 0; j < step.On.Count; j++)
            {
                var transition = step.On[j];
                var index = j;
                edges.Add(new CanvasEdge(
                    EdgeId(step.Id, j),
                    step.Id,
                    transition.Reassign is null ? transition.To : null,
                    transition.Event,
                    transition.When,
                    transition.Reassign?.MaxTimes,
                    EdgeLabel(transition, text),
                    Count(t => t.StepIndex == i && t.TransitionIndex == index, ValidationSeverity.Error)));
            }
        }

        return new CanvasModel(nodes, edges, selectedStep);
    }

    /// <summary>
    /// Writes <paramref name="canvas"/> back over <paramref name="baseline"/>: the steps in the canvas's node order
    /// (a node the baseline does not have becomes a new step of its kind), each step's transitions from its edges in
    /// edge order, and the node positions as the layout. Steps keep every field the canvas does not show.
    /// </summary>
    public static WorkflowDefinition FromCanvas(CanvasModel canvas, WorkflowDefinition baseline)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(baseline);
        var existing = baseline.Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edgesBySource = canvas.Edges.ToLookup(e => e.Source, StringComparer.Ordinal);
        var steps = canvas.Nodes
            .Select(node =>
            {
                var step = existing.TryGetValue(node.Id, out var found) && found.Kind == node.Kind
                    ? found
                    : DesignerDefaults.NewStep(node.Id, node.Kind);
                return step with { On = [.. edgesBySource[node.Id].Select(ToTransition)] };
            })
            .ToList();
        var positions = canvas.Nodes
            .GroupBy(n => n.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new NodePosition { X = g.First().X, Y = g.First().Y }, StringComparer.Ordinal);
        return baseline with { Steps = steps, Layout = new WorkflowLayout { Nodes = positions } };
    }

    /// <summary>The id of the edge for transition <paramref name="index"/> of <paramref name="stepId"/>.</summary>
    public static string EdgeId(string stepId, int index) => string.Create(CultureInfo.InvariantCulture, $"{stepId}/{index}");

    private static TransitionDefinition ToTransition(CanvasEdge edge) => new()
    {
        Event = edge.Event,
        When = edge.When,
        To = edge.ReassignMaxTimes is null ? edge.Target : null,
        Reassign = edge.ReassignMaxTimes is { } times ? new ReassignDefinition(times) : null,
    };

    /// <summary>The node's second line: kind and who handles it, or how the case ends; reassignments.</summary>
    public static string Detail(StepDefinition step, IStringLocalizer text, IReadOnlyDictionary<string, ProfessionalBody>? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string> { Name(text, "Kind", step.Kind) };
        switch (step.Kind)
        {
            case "mediation" when step.Handler?.Tier is { } tier:
                parts.Add(Name(text, "Tier", tier));
                break;
            case "mediation" when step.Handler?.Body is { } body:
                parts.Add(bodies?.GetValueOrDefault(body)?.Name.For(CultureInfo.CurrentUICulture) ?? body);
                break;
            case "terminal" when step.Outcome is { } outcome:
                parts.Add(Name(text, "Outcome", outcome) + (step.Referral is { } referral ? " → " + Name(text, "Remedy", referral) : string.Empty));
                break;
        }

        if (step.TakeUp?.Within is { Length: > 0 } takeUp)
        {
            parts.Add(text["DetailTakeUp", takeUp]);
        }

        if (step.Resolution?.Within is { Length: > 0 } resolution)
        {
            parts.Add(text["DetailResolution", resolution]);
        }

        foreach (var reassign in step.On.Where(t => t.Reassign is not null))
        {
            parts.Add(text["DetailReassign", Name(text, "Event", reassign.Event), reassign.Reassign!.MaxTimes]);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The edge's label line: the event, and a marker with the condition when there is one.</summary>
    public static string EdgeLabel(TransitionDefinition transition, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(text);
        var label = Name(text, "Event", transition.Event);
        return transition.When is null ? label : $"{label} [{text["ConditionMarker"]}: {ConditionText(transition.When, 40)}]";
    }

    /// <summary>A condition as compact JSON, shortened to <paramref name="max"/> characters when given.</summary>
    public static string ConditionText(Condition condition, int max = int.MaxValue)
    {
        var json = JsonSerializer.Serialize(condition, CompactOptions);
        return json.Length <= max ? json : string.Concat(json.AsSpan(0, max - 1), "…");
    }

    /// <summary>The localized name of a vocabulary value (<c>Event_declined</c>…), or the value itself when there is none.</summary>
    public static string Name(IStringLocalizer text, string group, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var found = text[$"{group}_{value}"];
        return found.ResourceNotFound ? value : found.Value;
    }

    private static readonly JsonSerializerOptions CompactOptions = new(WorkflowJson.Options) { WriteIndented = false };
}

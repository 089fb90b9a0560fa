using Mediation.Workflows.Definitions;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Web.Designer;

/// <summary>
/// What each designer gesture does to the definition, as pure functions: canvas gestures go through the canvas model
/// (<see cref="CanvasMapping.ToCanvas"/> → change → <see cref="CanvasMapping.FromCanvas"/>); property-panel changes
/// replace a step. The page keeps the results on its undo stack.
/// </summary>
public static class DesignerEdits
{
    /// <summary>A step of <paramref name="kind"/> dropped from the palette at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static (WorkflowDefinition Definition, string StepId) AddStep(WorkflowDefinition definition, string kind, double x, double y, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = DesignerDefaults.NewStepId(definition.Steps.Select(s => s.Id));
        var kindName = DesignerDefaults.Kinds.Contains(kind, StringComparer.Ordinal) ? kind : "terminal";
        var canvas = Canvas(definition, text);
        var node = new CanvasNode(id, kindName, id, string.Empty, x, y);
        return (CanvasMapping.FromCanvas(canvas with { Nodes = [.. canvas.Nodes, node] }, definition), id);
    }

    /// <summary>An edge drawn from <paramref name="source"/> to <paramref name="target"/>: a new last transition of the source step.</summary>
    public static WorkflowDefinition Connect(WorkflowDefinition definition, string source, string target, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var step = definition.Steps.FirstOrDefault(s => s.Id == source);
        if (step is null || step.Kind == "terminal" || source == target || definition.Steps.All(s => s.Id != target))
        {
            return definition;
        }

        var canvas = Canvas(definition, text);
        var edge = new CanvasEdge(CanvasMapping.EdgeId(source, step.On.Count), source, target, DesignerDefaults.EventForNewTransition(step), null, null, string.Empty);
        return CanvasMapping.FromCanvas(canvas with { Edges = [.. canvas.Edges, edge] }, definition);
    }

    /// <summary>A node moved to (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static WorkflowDefinition Move(WorkflowDefinition definition, string stepId, double x, double y, IStringLocalizer text) =>
        Layout(definition, [new CanvasDrop(stepId, x, y)], text);

    /// <summary>New positions for some nodes (a move, or the automatic layout for all of them).</summary>
    public static WorkflowDefinition Layout(WorkflowDefinition definition, IReadOnlyList<CanvasDrop> positions, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var byId = positions.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var canvas = Canvas(definition, text);
        var nodes = canvas.Nodes.Select(n => byId.TryGetValue(n.Id, out var p) ? n with { X = p.X, Y = p.Y } : n).ToList();
        return CanvasMapping.FromCanvas(canvas with { Nodes = nodes }, definition);
    }

    /// <summary>A step removed with every transition into it; routing rules that led to it stay and are flagged by validation.</summary>
    public static WorkflowDefinition DeleteStep(WorkflowDefinition definition, string stepId, IStringLocalizer text)
    {
        var canvas = Canvas(definition, text);
        return CanvasMapping.FromCanvas(
            canvas with
            {
                Nodes = [.. canvas.Nodes.Where(n => n.Id != stepId)],
                Edges = [.. canvas.Edges.Where(e => e.Source != stepId && e.Target != stepId)],
            },
            definition);
    }

    /// <summary>Every transition from <paramref name="source"/> to <paramref name="target"/> removed (a selected edge deleted).</summary>
    public static WorkflowDefinition DeleteEdge(WorkflowDefinition definition, string source, string target, IStringLocalizer text)
    {
        var canvas = Canvas(definition, text);
        return CanvasMapping.FromCanvas(canvas with { Edges = [.. canvas.Edges.Where(e => !(e.Source == source && e.Target == target))] }, definition);
    }

    /// <summary>
    /// A step changed in the property panel. A new id is carried into every transition, routing rule and layout entry
    /// that named the old one, so renaming never breaks the graph.
    /// </summary>
    public static WorkflowDefinition ReplaceStep(WorkflowDefinition definition, StepChange change)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(change);
        var oldId = change.OriginalId;
        var newId = change.Step.Id;
        string? Rename(string? id) => id == oldId ? newId : id;
        var steps = definition.Steps
            .Select(s => s.Id == oldId ? change.Step : s)
            .Select(s => oldId == newId ? s : s with { On = [.. s.On.Select(t => t with { To = Rename(t.To) })] })
            .ToList();
        var routing = oldId == newId ? definition.Routing : [.. definition.Routing.Select(r => r with { To = Rename(r.To) ?? r.To })];
        var layout = definition.Layout;
        if (layout is not null && oldId != newId && layout.Nodes.TryGetValue(oldId, out var position))
        {
            var nodes = layout.Nodes.Where(n => n.Key != oldId).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
            nodes[newId] = position;
            layout = new WorkflowLayout { Nodes = nodes };
        }

        return definition with { Steps = steps, Routing = routing, Layout = layout };
    }

    private static CanvasModel Canvas(WorkflowDefinition definition, IStringLocalizer text) =>
        CanvasMapping.ToCanvas(definition, [], text);
}

using Mediation.Api.Web;
using Mediation.Api.Web.Designer;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Web.Tests.Components.Designer;

/// <summary>The mapping between a definition and the canvas model, both ways, and where validation issues land on it.</summary>
public sealed class CanvasMappingTests : ComponentTestContext
{
    private IStringLocalizer<DesignerText> Text => Services.GetRequiredService<IStringLocalizer<DesignerText>>();

    [Fact]
    public void ToCanvas_draws_a_node_per_step_and_an_edge_per_transition_in_order()
    {
        var definition = DesignerTestData.Load("general-civil");

        var canvas = CanvasMapping.ToCanvas(definition, [], Text);

        Assert.Equal(definition.Steps.Select(s => (s.Id, s.Kind)), canvas.Nodes.Select(n => (n.Id, n.Kind)));
        Assert.Equal(definition.Steps.Sum(s => s.On.Count), canvas.Edges.Count);
        var village = canvas.Nodes[0];
        Assert.Equal("村（社区）调解", village.Label);
        Assert.Contains("村（社区）", village.Detail, StringComparison.Ordinal);
        Assert.Contains("受理 P3D", village.Detail, StringComparison.Ordinal);
        Assert.Contains("↻ 拒绝受理 ×1", village.Detail, StringComparison.Ordinal);
        var first = canvas.Edges[0];
        Assert.Equal(("village/0", "village", null, "declined", 1), (first.Id, first.Source, first.Target, first.Event, first.ReassignMaxTimes));
        var second = canvas.Edges[1];
        Assert.Equal(("village/1", "township", "拒绝受理"), (second.Id, second.Target, second.Label));
    }

    [Fact]
    public void FromCanvas_of_ToCanvas_gives_back_the_definition_with_its_layout()
    {
        var definition = DesignerTestData.Load("general-civil") with { Layout = null };

        var canvas = CanvasMapping.ToCanvas(definition, [], Text);
        var back = CanvasMapping.FromCanvas(canvas, definition);

        Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(back with { Layout = null }));
        Assert.Equal(canvas.Nodes.Select(n => (n.Id, n.X, n.Y)), back.Layout!.Nodes.Select(n => (n.Key, n.Value.X, n.Value.Y)));
        Assert.Equal(canvas, CanvasMapping.ToCanvas(back, [], Text) with { Nodes = canvas.Nodes, Edges = canvas.Edges });
        Assert.Equal(canvas.Nodes, CanvasMapping.ToCanvas(back, [], Text).Nodes);
        Assert.Equal(canvas.Edges, CanvasMapping.ToCanvas(back, [], Text).Edges);
    }

    [Fact]
    public void A_body_handler_is_shown_by_the_bodys_name()
    {
        var medical = DesignerTestData.Load("medical");

        var canvas = CanvasMapping.ToCanvas(medical, [], Text, bodies: DesignerTestData.Context.Bodies);

        var body = DesignerTestData.Context.Bodies["medical-committee"];
        Assert.Contains(body.Name.ZhCn, canvas.Nodes[0].Detail, StringComparison.Ordinal);
        Assert.Contains("medical-committee", CanvasMapping.ToCanvas(medical, [], Text).Nodes[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_saved_in_the_layout_are_where_the_nodes_are_drawn()
    {
        var definition = DesignerTestData.Load("general-civil") with
        {
            Layout = new WorkflowLayout { Nodes = new Dictionary<string, NodePosition> { ["township"] = new() { X = 512.5, Y = -20 } } },
        };

        var canvas = CanvasMapping.ToCanvas(definition, [], Text);

        var township = canvas.Nodes.Single(n => n.Id == "township");
        Assert.Equal((512.5, -20d), (township.X, township.Y));
        var village = canvas.Nodes.Single(n => n.Id == "village");
        Assert.Equal((CanvasMapping.DefaultPosition(0).X, CanvasMapping.DefaultPosition(0).Y), (village.X, village.Y));
    }

    [Fact]
    public void Conditions_and_reassignments_survive_the_round_trip()
    {
        var definition = DesignerTestData.Load("general-civil");
        var condition = System.Text.Json.JsonSerializer.Deserialize<Condition>("""{"field":"claimedAmount","op":"gte","value":100000}""", WorkflowJson.Options)!;
        var village = definition.Steps[0];
        definition = definition with
        {
            Steps = [village with { On = [.. village.On.Take(2), new TransitionDefinition { Event = "mediationFailed", When = condition, To = "district" }, .. village.On.Skip(2)] }, .. definition.Steps.Skip(1)],
        };

        var canvas = CanvasMapping.ToCanvas(definition, [], Text);
        var back = CanvasMapping.FromCanvas(canvas, definition);

        var edge = canvas.Edges.Single(e => e.Id == "village/2");
        Assert.Same(condition, edge.When);
        Assert.StartsWith("调解不成 [条件: {\"field\":\"claimedAmount\"", edge.Label, StringComparison.Ordinal);
        Assert.Equal(WorkflowJson.Serialize(definition with { Layout = null }), WorkflowJson.Serialize(back with { Layout = null }));
        Assert.Equal(1, back.Steps[0].On[0].Reassign!.MaxTimes);
        Assert.Null(back.Steps[0].On[0].To);
    }

    [Fact]
    public void FromCanvas_follows_the_canvas_order_and_makes_new_nodes_into_default_steps()
    {
        var definition = DesignerTestData.Load("general-civil");
        var canvas = CanvasMapping.ToCanvas(definition, [], Text);
        var villageEdges = canvas.Edges.Where(e => e.Source == "village").Reverse();
        var changed = canvas with
        {
            Nodes = [.. canvas.Nodes.Where(n => n.Id != "withdrawn"), new CanvasNode("step-9", "mediation", "x", "", 10, 20)],
            Edges = [.. villageEdges, .. canvas.Edges.Where(e => e.Source != "village" && e.Target != "withdrawn"), new CanvasEdge("step-9/0", "step-9", "closed", "mediationFailed", null, null, "")],
        };

        var back = CanvasMapping.FromCanvas(changed, definition);

        Assert.DoesNotContain(back.Steps, s => s.Id == "withdrawn");
        Assert.Equal(definition.Steps[0].On.Reverse().Select(t => t.Event), back.Steps[0].On.Select(t => t.Event));
        var added = back.Steps[^1];
        Assert.Equal(("step-9", "mediation", "village"), (added.Id, added.Kind, added.Handler!.Tier));
        Assert.Equal(new LocalizedText("新调解步骤", "New mediation step"), added.Name);
        Assert.Equal("P30D", added.Resolution!.Within);
        Assert.Equal("closed", Assert.Single(added.On).To);
        Assert.Equal(new NodePosition { X = 10, Y = 20 }, back.Layout!.Nodes["step-9"]);
        Assert.Equal(definition.Steps[1].Resolution, back.Steps[1].Resolution);
    }

    [Fact]
    public void Validation_issues_are_counted_on_the_node_and_the_edge_they_point_at()
    {
        var definition = DesignerTestData.Load("general-civil");
        var township = definition.Steps[1];
        definition = definition with
        {
            Steps = [definition.Steps[0], township with { On = [.. township.On.Take(3), township.On[3] with { To = "nowhere" }, .. township.On.Skip(4)], TakeUp = township.TakeUp! with { Within = "3 days" } }, .. definition.Steps.Skip(2)],
        };
        var issues = DesignerTestData.Compile(definition).Issues;

        var canvas = CanvasMapping.ToCanvas(definition, issues, Text);

        Assert.Contains(issues, i => i.Code == "UnknownStep" && i.Path == "$.steps[1].on[3].to");
        Assert.Contains(issues, i => i.Code == "BadDuration" && i.Path.StartsWith("$.steps[1].takeUp", StringComparison.Ordinal));
        var node = canvas.Nodes.Single(n => n.Id == "township");
        Assert.Equal(issues.Count(i => i.Severity == ValidationSeverity.Error && i.Path.StartsWith("$.steps[1]", StringComparison.Ordinal)), node.ErrorCount);
        Assert.True(node.ErrorCount >= 2);
        Assert.Equal(1, canvas.Edges.Single(e => e.Id == "township/3").ErrorCount);
        Assert.All(canvas.Nodes.Where(n => n.Id != "township"), n => Assert.Equal(0, n.ErrorCount));
    }

    [Theory]
    [InlineData("$.steps[1].on[3].to", 1, "township", 3, null, null)]
    [InlineData("$.steps[0].takeUp.within", 0, "village", null, null, "takeUp")]
    [InlineData("$.steps[2]", 2, "district", null, null, null)]
    [InlineData("$.routing[1].when.value.param", null, null, null, 1, null)]
    [InlineData("$.calendar", null, null, null, null, null)]
    [InlineData("$.steps[42].kind", 42, null, null, null, "kind")]
    public void Issue_paths_locate_steps_transitions_and_routing_rules(string path, int? step, string? id, int? transition, int? rule, string? member)
    {
        var definition = DesignerTestData.Load("general-civil");

        var target = DesignerIssues.Locate(path, definition);

        Assert.Equal(new IssueTarget(step, id, transition, rule, member), target);
    }
}

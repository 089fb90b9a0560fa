using Mediation.Api.Web;
using Mediation.Api.Web.Designer;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Web.Tests.Components.Designer;

/// <summary>What the canvas gestures and the property panel do to a definition.</summary>
public sealed class DesignerEditsTests : ComponentTestContext
{
    private IStringLocalizer<DesignerText> Text => Services.GetRequiredService<IStringLocalizer<DesignerText>>();

    [Fact]
    public void A_step_dropped_from_the_palette_is_new_unreachable_and_placed_where_it_fell()
    {
        var definition = DesignerTestData.Load("general-civil");

        var (changed, id) = DesignerEdits.AddStep(definition, "terminal", 300, 420, Text);

        Assert.Equal("step-1", id);
        var step = changed.Steps[^1];
        Assert.Equal(("step-1", "terminal", "referred", "litigation"), (step.Id, step.Kind, step.Outcome, step.Referral));
        Assert.Equal(new NodePosition { X = 300, Y = 420 }, changed.Layout!.Nodes["step-1"]);
        var issue = Assert.Single(DesignerTestData.Compile(changed).Errors);
        Assert.Equal(("UnreachableStep", "$.steps[7]"), (issue.Code, issue.Path));
        Assert.Equal(definition.Steps.Count, DesignerEdits.AddStep(definition, "terminal", 0, 0, Text).Definition.Steps.Count - 1);
        Assert.Equal("step-2", DesignerEdits.AddStep(changed, "mediation", 0, 0, Text).StepId);
    }

    [Fact]
    public void Connecting_adds_a_transition_for_the_first_event_the_step_does_not_handle_yet()
    {
        var (added, id) = DesignerEdits.AddStep(DesignerTestData.Load("general-civil"), "terminal", 0, 0, Text);

        var connected = DesignerEdits.Connect(added, "village", id, Text);

        var transition = connected.Steps[0].On[^1];
        Assert.Equal(("riskFlagged", id), (transition.Event, transition.To));
        Assert.Equal(added.Steps[0].On.Count + 1, connected.Steps[0].On.Count);
        Assert.True(DesignerTestData.Compile(connected).IsValid);
        Assert.Same(added, DesignerEdits.Connect(added, id, "village", Text));
        Assert.Same(added, DesignerEdits.Connect(added, "village", "village", Text));
    }

    [Fact]
    public void Deleting_a_step_removes_the_transitions_into_it_and_its_position()
    {
        var definition = CanvasMapping.FromCanvas(CanvasMapping.ToCanvas(DesignerTestData.Load("general-civil"), [], Text), DesignerTestData.Load("general-civil"));

        var changed = DesignerEdits.DeleteStep(definition, "withdrawn", Text);

        Assert.DoesNotContain(changed.Steps, s => s.Id == "withdrawn");
        Assert.DoesNotContain(changed.Steps.SelectMany(s => s.On), t => t.To == "withdrawn");
        Assert.False(changed.Layout!.Nodes.ContainsKey("withdrawn"));
        Assert.Equal(definition.Steps[0].On.Count - 1, changed.Steps[0].On.Count);
    }

    [Fact]
    public void Deleting_an_edge_removes_every_transition_between_the_two_steps()
    {
        var definition = DesignerTestData.Load("general-civil");

        var changed = DesignerEdits.DeleteEdge(definition, "village", "township", Text);

        Assert.DoesNotContain(changed.Steps[0].On, t => t.To == "township");
        Assert.Contains(changed.Steps[0].On, t => t.Reassign is not null);
        Assert.Equal(definition.Steps[1].On.Count, changed.Steps[1].On.Count);
    }

    [Fact]
    public void Renaming_a_step_carries_the_new_id_into_transitions_routing_and_layout()
    {
        var definition = DesignerEdits.Move(DesignerTestData.Load("general-civil"), "township", 70, 80, Text);

        var changed = DesignerEdits.ReplaceStep(definition, new StepChange("township", definition.Steps[1] with { Id = "street" }));

        Assert.Equal("street", changed.Steps[1].Id);
        Assert.DoesNotContain(changed.Steps.SelectMany(s => s.On), t => t.To == "township");
        Assert.Contains(changed.Steps[0].On, t => t.To == "street");
        Assert.All(changed.Routing.Where(r => r.Id != "default"), r => Assert.Equal("street", r.To));
        Assert.Equal(new NodePosition { X = 70, Y = 80 }, changed.Layout!.Nodes["street"]);
        Assert.False(changed.Layout.Nodes.ContainsKey("township"));
        Assert.True(DesignerTestData.Compile(changed).IsValid);
    }

    [Fact]
    public void Shortening_a_deadline_in_the_panel_changes_only_that_step()
    {
        var definition = DesignerTestData.Load("general-civil");
        var village = definition.Steps[0];

        var changed = DesignerEdits.ReplaceStep(definition, new StepChange("village", village with { TakeUp = village.TakeUp! with { Within = "P2D" } }));

        Assert.Equal("P2D", changed.Steps[0].TakeUp!.Within);
        Assert.Equal("P3D", changed.Steps[1].TakeUp!.Within);
        var diff = JsonDiff.SideBySide(definition, changed).Where(r => r.Kind != DiffKind.Same).ToList();
        var row = Assert.Single(diff);
        Assert.Equal(DiffKind.Changed, row.Kind);
        Assert.Contains("P3D", row.Left, StringComparison.Ordinal);
        Assert.Contains("P2D", row.Right, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_pairs_removed_and_added_lines_and_ignores_the_layout()
    {
        var rows = JsonDiff.SideBySide(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]);

        Assert.Equal(
            [DiffKind.Same, DiffKind.Changed, DiffKind.Same, DiffKind.Same, DiffKind.Added],
            rows.Select(r => r.Kind));
        Assert.Equal(("b", "x"), (rows[1].Left, rows[1].Right));
        Assert.Equal((null, 5), (rows[4].LeftNumber, rows[4].RightNumber));

        var definition = DesignerTestData.Load("general-civil");
        var moved = DesignerEdits.Move(definition, "village", 1, 2, Text);
        Assert.All(JsonDiff.SideBySide(definition, moved), r => Assert.Equal(DiffKind.Same, r.Kind));
    }

    [Fact]
    public void Every_definable_event_and_vocabulary_value_has_a_name_in_both_languages()
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            foreach (var (group, values) in new[]
            {
                ("Event", DesignerDefaults.Events), ("Kind", DesignerDefaults.Kinds), ("Tier", DesignerDefaults.Tiers),
                ("Outcome", DesignerDefaults.Outcomes), ("Remedy", DesignerDefaults.Remedies), ("Clock", DesignerDefaults.ClockStarts),
            })
            {
                Assert.All(values, v => Assert.False(Text[$"{group}_{v}"].ResourceNotFound, $"{culture} {group}_{v}"));
            }
        }

        Assert.Equal(new LocalizedText("新结案步骤", "New end step"), DesignerDefaults.Text("NewTerminalStep"));
    }
}

using Bunit;
using Mediation.Api.Components.Designer;
using Mediation.Api.Web.Designer;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;

namespace Mediation.Web.Tests.Components.Designer;

/// <summary>The designer's panels rendered on their own: property panel, transitions, routing table, validation list, diff.</summary>
public sealed class DesignerPanelTests : ComponentTestContext
{
    private static readonly WorkflowDefinition GeneralCivil = DesignerTestData.Load("general-civil");

    private IRenderedComponent<StepPanel> RenderStep(StepDefinition step, Action<StepChange> changed, IReadOnlyList<ValidationIssue>? issues = null, string? target = null) =>
        Render<StepPanel>(p => p
            .Add(c => c.Step, step)
            .Add(c => c.StepIds, [.. GeneralCivil.Steps.Select(s => s.Id)])
            .Add(c => c.Bodies, [.. DesignerTestData.Context.Bodies.Values])
            .Add(c => c.Issues, issues ?? [])
            .Add(c => c.Target, target)
            .Add(c => c.OnChange, changed));

    [Fact]
    public void The_property_panel_shows_the_steps_deadlines_and_changes_the_take_up_deadline()
    {
        StepChange? change = null;
        var panel = RenderStep(GeneralCivil.Steps[0], c => change = c);

        Assert.Equal("P3D", panel.Find("[data-testid=step-takeup-within]").GetAttribute("value"));
        Assert.Equal("P1M", panel.Find("[data-testid=step-resolution-within]").GetAttribute("value"));
        Assert.Equal("P1D", panel.Find("[data-testid=step-takeup-reminders]").GetAttribute("value"));
        Assert.Equal("tier:village", panel.Find("[data-testid=step-handler] option[selected]").GetAttribute("value"));
        Assert.Equal("P15D", panel.Find("[data-testid=step-extension-max]").GetAttribute("value"));
        Assert.Equal("受理期限", panel.FindAll("legend")[0].TextContent);

        panel.Find("[data-testid=step-takeup-within]").Change("P2D");

        Assert.NotNull(change);
        Assert.Equal("village", change!.OriginalId);
        Assert.Equal("P2D", change.Step.TakeUp!.Within);
        Assert.Equal(["P1D"], change.Step.TakeUp.Reminders);
        Assert.Equal(GeneralCivil.Steps[0].Resolution, change.Step.Resolution);
    }

    [Fact]
    public void Pause_extension_and_handler_changes_come_back_as_a_changed_step()
    {
        var changes = new List<StepChange>();
        var panel = RenderStep(GeneralCivil.Steps[0], changes.Add);

        panel.Find("[data-testid=step-pausable]").Change(true);
        panel.Find("[data-testid=step-extension]").Change(false);
        panel.Find("[data-testid=step-handler]").Change("body:medical-committee");
        panel.Find("[data-testid=step-id]").Change("cun");

        Assert.True(changes[0].Step.Resolution!.Pausable);
        Assert.Null(changes[1].Step.Resolution!.Extension);
        Assert.Equal(new HandlerDefinition(null, "medical-committee"), changes[2].Step.Handler);
        Assert.Equal(("village", "cun"), (changes[3].OriginalId, changes[3].Step.Id));
    }

    [Fact]
    public void A_terminal_step_offers_outcome_and_referral_and_no_transitions()
    {
        StepChange? change = null;
        var panel = RenderStep(GeneralCivil.Steps.Single(s => s.Id == "referred-litigation"), c => change = c);

        Assert.Empty(panel.FindAll("[data-testid=transition-list]"));
        Assert.Empty(panel.FindAll("[data-testid=step-takeup-within]"));
        Assert.Equal("litigation", panel.Find("[data-testid=step-referral] option[selected]").GetAttribute("value"));

        panel.Find("[data-testid=step-referral]").Change("police");
        Assert.Equal(("referred", "police"), (change!.Step.Outcome, change.Step.Referral));

        panel.Find("[data-testid=step-outcome]").Change("closed");
        Assert.Equal(("closed", null), (change.Step.Outcome, change.Step.Referral));
    }

    [Fact]
    public void The_step_issues_are_shown_at_the_top_of_the_panel()
    {
        var issue = new ValidationIssue("UnreachableStep", "$.steps[3]", ValidationSeverity.Error, new LocalizedText("步骤“x”无法到达。", "The step 'x' cannot be reached."));

        var panel = RenderStep(GeneralCivil.Steps[3], _ => { }, [issue]);

        var shown = panel.Find("[data-testid=step-issue]");
        Assert.Contains("$.steps[3]", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("无法到达", shown.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_are_listed_in_order_and_the_selected_edge_is_marked()
    {
        StepChange? change = null;
        var panel = RenderStep(GeneralCivil.Steps[0], c => change = c, target: "township");

        var rows = panel.FindAll("[data-testid=transition]");
        Assert.Equal(GeneralCivil.Steps[0].On.Select(t => t.Event), rows.Select(r => r.GetAttribute("data-event")));
        Assert.Equal(5, panel.FindAll(".designer-marked").Count);
        Assert.Equal("__reassign", rows[0].QuerySelector("[data-testid=transition-target] option[selected]")!.GetAttribute("value"));

        rows[3].QuerySelector("[data-testid=transition-condition]")!.Change("""{"field":"claimedAmount","op":"gte","value":1000}""");
        var condition = Assert.IsType<ComparisonCondition>(change!.Step.On[3].When);
        Assert.Equal(("claimedAmount", "gte"), (condition.Field, condition.Op));

        panel.FindAll("[data-testid=transition-delete]")[0].Click();
        Assert.Equal(GeneralCivil.Steps[0].On.Count - 1, change.Step.On.Count);
        Assert.Equal("declined", change.Step.On[0].Event);
        Assert.Equal("township", change.Step.On[0].To);
    }

    [Fact]
    public void A_malformed_condition_is_explained_and_not_applied()
    {
        StepChange? change = null;
        var panel = RenderStep(GeneralCivil.Steps[0], c => change = c);

        panel.FindAll("[data-testid=transition-condition]")[2].Change("""{"field":"claimedAmount","oops":1}""");

        Assert.Null(change);
        Assert.Contains("条件格式不正确", panel.Find("[data-testid=transition-condition-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_routing_table_lists_the_rules_with_their_issues_and_edits_them()
    {
        IReadOnlyList<RoutingRule>? rules = null;
        var issue = new ValidationIssue("UnknownStep", "$.routing[1].to", ValidationSeverity.Error, new LocalizedText("步骤“x”不存在。", "The step 'x' does not exist."));
        var table = Render<RoutingTable>(p => p
            .Add(c => c.Definition, GeneralCivil)
            .Add(c => c.Issues, [issue])
            .Add(c => c.OnChange, r => rules = r));

        var rows = table.FindAll("[data-testid=routing-row]");
        Assert.Equal(GeneralCivil.Routing.Select(r => r.Id), rows.Select(r => r.QuerySelector("[data-testid=routing-id]")!.GetAttribute("value")));
        Assert.Equal(string.Empty, rows[2].QuerySelector("[data-testid=routing-condition]")!.GetAttribute("value"));
        Assert.Contains("\"param\":\"townshipClaimAmount\"", rows[0].QuerySelector("[data-testid=routing-condition]")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("不存在", rows[1].QuerySelector("[data-testid=routing-issue]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("designer-row-error", rows[1].ClassName, StringComparison.Ordinal);

        rows[0].QuerySelector("[data-testid=routing-to]")!.Change("district");
        Assert.Equal("district", rules![0].To);

        table.Find("[data-testid=routing-add]").Click();
        Assert.Equal(["large-claim", "group-dispute", "rule-1", "default"], rules!.Select(r => r.Id));
    }

    [Fact]
    public void The_issue_list_shows_each_issue_with_its_step_and_selects_it_on_click()
    {
        IssueTarget? selected = null;
        IReadOnlyList<ValidationIssue> issues =
        [
            new("TakeUpDeadlineMissing", "$.steps[1]", ValidationSeverity.Warning, new LocalizedText("没有受理期限。", "No take-up deadline.")),
            new("BadDuration", "$.steps[0].takeUp.within", ValidationSeverity.Error, new LocalizedText("期限不正确。", "Bad duration.")),
        ];
        var list = Render<IssueList>(p => p
            .Add(c => c.Definition, GeneralCivil)
            .Add(c => c.Issues, issues)
            .Add(c => c.OnSelect, t => selected = t));

        Assert.Equal("1 个错误，1 个警告", list.Find("[data-testid=issues-summary]").TextContent);
        var shown = list.FindAll("[data-testid=issue]");
        Assert.Equal(["BadDuration", "TakeUpDeadlineMissing"], shown.Select(i => i.GetAttribute("data-code")));
        Assert.Equal(["village", "township"], shown.Select(i => i.GetAttribute("data-step")));

        shown[0].QuerySelector("button")!.Click();
        Assert.Equal(("village", "takeUp"), (selected!.StepId, selected.Member));
    }

    [Fact]
    public void An_empty_issue_list_says_so()
    {
        var list = Render<IssueList>(p => p.Add(c => c.Definition, GeneralCivil).Add(c => c.Issues, []));

        Assert.Equal("没有校验问题。", list.Find("[data-testid=issues-none]").TextContent);
    }

    [Fact]
    public void The_diff_view_shows_only_the_changed_lines_side_by_side()
    {
        var village = GeneralCivil.Steps[0];
        var changed = GeneralCivil with { Steps = [village with { TakeUp = village.TakeUp! with { Within = "P2D" } }, .. GeneralCivil.Steps.Skip(1)] };

        var view = Render<DiffView>(p => p.Add(c => c.Left, GeneralCivil).Add(c => c.Right, changed));

        var row = Assert.Single(view.FindAll("[data-testid=diff-row]"));
        Assert.Equal("Changed", row.GetAttribute("data-kind"));
        var cells = row.QuerySelectorAll("pre");
        Assert.Contains("P3D", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("P2D", cells[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 行不同", view.Find("[data-testid=diff-summary]").TextContent, StringComparison.Ordinal);
    }
}

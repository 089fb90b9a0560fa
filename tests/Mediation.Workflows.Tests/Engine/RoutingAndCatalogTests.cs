using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

public sealed class RoutingAndCatalogTests
{
    [Theory]
    [InlineData(null, 2, "default", "village")]
    [InlineData("49999.99", 2, "default", "village")]
    [InlineData("50000", 2, "large-claim", "township")] // gte: exactly the threshold counts
    [InlineData("120000", 2, "large-claim", "township")]
    [InlineData(null, 9, "default", "village")]
    [InlineData(null, 10, "group-dispute", "township")] // gte: exactly ten parties is a group dispute
    [InlineData("60000", 12, "large-claim", "township")] // both hold: the first rule in order wins
    [InlineData("100", 15, "group-dispute", "township")]
    public void RouteFor_GeneralCivilFacts_FirstMatchingRuleChoosesStep(string? claimed, int parties, string expectedRule, string expectedStep)
    {
        var workflow = Get("general-civil");
        var facts = Facts(claimed: claimed is null ? null : decimal.Parse(claimed, System.Globalization.CultureInfo.InvariantCulture), parties: parties);

        var rule = WorkflowEngine.RouteFor(workflow, facts);
        var start = WorkflowEngine.Start(workflow, facts, facts.FiledAt);

        Assert.Equal(expectedRule, rule);
        Assert.Equal(expectedStep, start.State.StepId);
        Assert.Equal(expectedStep, start.Only<AssignEffect>().StepId);
    }

    [Theory]
    [InlineData("medical", "medical")]
    [InlineData("labour", "labour")]
    [InlineData("landContract", "land-contract")]
    [InlineData("neighbour", "general-civil")]
    [InlineData("debt", "general-civil")]
    [InlineData("trafficAccident", "general-civil")]
    [InlineData("other", "general-civil")]
    public void SelectFor_Category_PicksSpecialisedWorkflowOrGeneralCivil(string category, string expectedKey)
    {
        var catalog = ShippedCatalog();

        var selected = catalog.SelectFor(Facts(category));

        Assert.NotNull(selected);
        Assert.Equal(expectedKey, selected.Key);
        Assert.Equal(1, selected.Version);
    }

    [Fact]
    public void Publish_SameKeyAndVersionTwice_Throws()
    {
        var catalog = WorkflowCatalog.Empty.Publish(Get("general-civil"));
        var sameVersionAgain = WorkflowCompiler.CompileOrThrow(Get("general-civil").Definition, Library.Context);

        var error = Assert.Throws<InvalidOperationException>(() => catalog.Publish(sameVersionAgain));

        Assert.Contains("general-civil v1", error.Message, StringComparison.Ordinal);
        Assert.Same(Get("general-civil"), catalog.Find("general-civil", 1));
    }

    [Fact]
    public void Publish_NewerVersion_IsLatestAndOldVersionStaysFindable()
    {
        var v1 = Get("general-civil");
        var v2 = WorkflowCompiler.CompileOrThrow(v1.Definition with { Version = 2 }, Library.Context);

        var catalog = WorkflowCatalog.Empty.Publish(v1).Publish(v2);

        Assert.Same(v2, catalog.FindLatest("general-civil"));
        Assert.Same(v1, catalog.Find("general-civil", 1));
        Assert.Same(v2, catalog.SelectFor(Facts("neighbour")));
    }

    [Fact]
    public void Decide_WorkflowOfAnotherVersion_ThrowsArgumentException()
    {
        var v1 = Get("general-civil");
        var v2 = WorkflowCompiler.CompileOrThrow(v1.Definition with { Version = 2 }, Library.Context);
        var run = new CaseRun(v1, Facts());

        var error = Assert.Throws<ArgumentException>(() =>
            WorkflowEngine.Decide(v2, run.State, run.Facts, WorkflowEvent.Of(WorkflowEventType.TakenUp), Cst(2026, 3, 2, 15)));
        var onItsOwnVersion = WorkflowEngine.Decide(v1, run.State, run.Facts, WorkflowEvent.Of(WorkflowEventType.TakenUp), Cst(2026, 3, 2, 15));

        Assert.Equal("state", error.ParamName);
        Assert.Equal(1, run.State.WorkflowVersion);
        Assert.Equal(DecisionOutcome.Applied, onItsOwnVersion.Outcome);
        Assert.Equal(1, onItsOwnVersion.State.WorkflowVersion);
    }

    [Fact]
    public void Decide_WorkflowOfAnotherKey_ThrowsArgumentException()
    {
        var run = new CaseRun(Get("general-civil"), Facts());

        Assert.Throws<ArgumentException>(() =>
            WorkflowEngine.Decide(Get("land-contract"), run.State, run.Facts, WorkflowEvent.Of(WorkflowEventType.TakenUp), Cst(2026, 3, 2, 15)));
    }

    private static WorkflowCatalog ShippedCatalog() =>
        Library.Definitions.Aggregate(WorkflowCatalog.Empty, (catalog, loaded) => catalog.Publish(loaded.Workflow!));
}

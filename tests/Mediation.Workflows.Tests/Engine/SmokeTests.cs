using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

public sealed class SmokeTests
{
    [Fact]
    public void ShippedWorkflows_AllCompile_WithNoIssues()
    {
        var issues = Library.Definitions.SelectMany(d => d.Issues.Select(i => $"{Path.GetFileName(d.Path)}: {i}")).ToList();

        Assert.Empty(issues);
        Assert.Equal(["general-civil", "labour", "land-contract", "medical"], Library.Definitions.Select(d => d.Definition!.Key).Order());
    }

    [Fact]
    public void Simulate_VillageAgreement_ClosesAfterPerformance()
    {
        var workflow = Get("general-civil");
        var script = new SimulationScript(Facts(), [
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.TakenUp), At: Cst(2026, 3, 2, 15)),
            new ScriptedEvent(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), At: Cst(2026, 3, 10, 11)),
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.Performed), At: Cst(2026, 3, 20, 10)),
        ]);

        var trace = WorkflowSimulator.Run(workflow, script);

        Assert.Equal(["village", "follow-up", "closed"], trace.Path.ToArray());
        Assert.All(trace.Entries, e => Assert.NotEqual(DecisionOutcome.Rejected, e.Decision.Outcome));
    }
}

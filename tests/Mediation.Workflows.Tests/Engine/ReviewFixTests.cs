using System.Text.Json.Nodes;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Behaviours found in review: each test failed before its fix.</summary>
public sealed class ReviewFixTests
{
    [Fact]
    public void Decide_RiskFlagMatchingNoConditionalTransition_NotifiesTheOrganisationInsteadOfRejecting()
    {
        // general-civil with one conditional riskFlagged transition: group disputes escalate at once.
        var workflow = Variant("general-civil", d => d.Step("village").On().Add(new JsonObject
        {
            ["event"] = "riskFlagged",
            ["when"] = new JsonObject { ["field"] = "partyCount", ["op"] = "gte", ["value"] = 5 },
            ["to"] = "township",
        }));
        var small = new CaseRun(workflow, Facts(parties: 2));
        var group = new CaseRun(workflow, Facts(parties: 6));

        var notified = small.Send(WorkflowEvent.Of(WorkflowEventType.RiskFlagged, "threats"), Cst(2026, 3, 2, 10));
        var escalated = group.Send(WorkflowEvent.Of(WorkflowEventType.RiskFlagged, "threats"), Cst(2026, 3, 2, 10));

        Assert.Equal(DecisionOutcome.Applied, notified.Outcome);
        Assert.Equal("village", notified.State.StepId);
        Assert.Equal(NotificationTemplates.RiskFlagged, notified.Only<NotifyEffect>().Template);
        Assert.Equal("township", escalated.State.StepId);
    }

    [Fact]
    public void Decide_ExtensionInMonthsOnAWorkingDayClock_IsRejectedNotThrown()
    {
        // The medical committee allows up to 60 days here, so P1M is within the maximum; working days cannot count months.
        var workflow = Variant("medical", d => d.Step("committee")["resolution"]!["extension"]!["max"] = "P60D");
        var run = InMediation(workflow);

        var decision = run.Send(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P1M"), Participant.Applicant, Participant.Respondent, Participant.Organisation), Cst(2026, 3, 10, 10));

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal("EventNotPermitted", decision.Problem!.Code);
    }

    [Fact]
    public void Decide_ReassignmentOfAConsentStep_GoesBackToTheQueueWithoutAskingConsentAgain()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", 20_000));
        run.Apply(WorkflowEvent.Of(WorkflowEventType.ConsentGiven), Cst(2026, 3, 3, 9));

        var decision = run.Apply(WorkflowEvent.Of(WorkflowEventType.Declined, "conflict of interest"), Cst(2026, 3, 3, 11));

        Assert.Equal(("committee", CasePhase.Queued, 1), (decision.State.StepId, decision.State.Phase, decision.State.Reassignments));
        Assert.DoesNotContain(decision.State.Deadlines, d => d.Kind == DeadlineKind.Consent);
        Assert.Contains(decision.State.Deadlines, d => d.Kind == DeadlineKind.TakeUp);
        Assert.Equal(AssignmentReason.Reassigned, decision.Only<AssignEffect>().Reason);
    }

    [Fact]
    public void Decide_FailureReferredOut_TerminationRecordNamesTheMediationStepThatEnded()
    {
        var run = InMediation(Get("medical"));

        var decision = run.Apply(WorkflowEvent.Of(WorkflowEventType.MediationFailed, "no agreement on liability"), Cst(2026, 3, 20, 10));

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(("referred-litigation", OutcomeKind.Termination, "committee"), (decision.State.StepId, record.Kind, record.StepId));
    }

    [Fact]
    public void Decide_EventNotPermitted_NamesThePhaseAsDefinitionsWriteIt()
    {
        var run = new CaseRun(Get("general-civil"), Facts());

        var decision = run.Send(WorkflowEvent.AgreementReached(AgreementForm.Oral), Cst(2026, 3, 2, 10));

        Assert.Contains("(queued)", decision.Problem!.Message.En, StringComparison.Ordinal);
        Assert.Contains("（queued）", decision.Problem.Message.ZhCn, StringComparison.Ordinal);
    }

    private static CaseRun InMediation(CompiledWorkflow workflow)
    {
        var run = new CaseRun(workflow, Facts("medical", 20_000));
        run.Apply(WorkflowEvent.Of(WorkflowEventType.ConsentGiven), Cst(2026, 3, 3, 9));
        run.Apply(WorkflowEvent.Of(WorkflowEventType.TakenUp), Cst(2026, 3, 3, 10));
        return run;
    }

    /// <summary>A shipped workflow changed by <paramref name="change"/>, compiled against the shipped calendars and bodies.</summary>
    private static CompiledWorkflow Variant(string key, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(WorkflowJson.Serialize(Get(key).Definition))!.AsObject();
        change(json);
        var definition = WorkflowJson.Parse(json.ToJsonString()).Definition!;
        return WorkflowCompiler.CompileOrThrow(definition, Library.Context);
    }
}

internal static class DefinitionNodes
{
    public static JsonObject Step(this JsonObject definition, string id) =>
        definition["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    public static JsonArray On(this JsonObject step) => step["on"]!.AsArray();
}

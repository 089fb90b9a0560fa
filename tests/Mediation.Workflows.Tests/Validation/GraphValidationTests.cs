using System.Text.Json.Nodes;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>The definition as a graph: reachability, a way out of every deadline, no escalation cycle without a person acting.</summary>
public sealed class GraphValidationTests
{
    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        ["UnreachableStep_Orphan"] = Error("UnreachableStep", "$.steps[6]", d => d["steps"]!.AsArray().Add(Terminal("orphan")), "orphan"),

        // Only the village's own transitions lead out of it, and nothing leads in.
        ["UnreachableStep_NoRouteToVillage"] = Error("UnreachableStep", "$.steps[0]", d => d.Route(1)["to"] = "township", "village"),
        ["NoWayOut_TakeUpMissedOnlyReassigns"] = Error(
            "NoWayOut", "$.steps[0].takeUp",
            d => d.On(0)[0] = Event("takeUpDeadlineMissed", reassign: 2), "village", "takeUpDeadlineMissed"),
        ["NoWayOut_ResolutionMissedOnlyConditional"] = Error(
            "NoWayOut", "$.steps[0].resolution",
            d => d.Transition(0, 1)["when"] = Compare("claimedAmount", "gte", 1000), "village", "resolutionDeadlineMissed"),
        ["NoWayOut_ResolutionMissedNotHandled"] = Error(
            "NoWayOut", "$.steps[1].resolution", d => d.On(1).RemoveAt(1), "township", "resolutionDeadlineMissed"),
        ["NoWayOut_ConsentDeadlineNotHandled"] = Error(
            "NoWayOut", "$.steps[0].consent", d =>
            {
                d.Step(0)["consent"] = new JsonObject { ["of"] = "respondent", ["within"] = "P5D" };
                d.On(0).Add(Event("consentRefused", "withdrawn"));
            },
            "village", "consentDeadlineMissed"),

        // performanceFailed now closes the case, so "closed" stays reachable; nothing handles performed.
        ["NoWayOut_FollowUpWithoutPerformed"] = Error(
            "NoWayOut", "$.steps[2]", d =>
            {
                d.On(2).RemoveAt(0);
                d.Transition(2, 0)["to"] = "closed";
            },
            "follow-up", "performed"),
        ["NoWayOut_FollowUpPerformedOnlyConditional"] = Error(
            "NoWayOut", "$.steps[2]", d => d.Transition(2, 0)["when"] = Compare("tags", "contains", "paid"), "follow-up", "performed"),
        ["EventNotHandled_Withdrawn"] = Warning("EventNotHandled", "$.steps[0].on", d => d.On(0).RemoveAt(4), "village", "withdrawn"),
        ["EventNotHandled_Agreement"] = Warning(
            "EventNotHandled", "$.steps[1].on", d => d.On(1).RemoveAt(3), "township", "agreementReached"),
        ["AutomaticCycle_TakeUpDeadlines"] = Error(
            "AutomaticCycle", "$.steps[1].on[0].to", d => d.Transition(1, 0)["to"] = "village", "village → township → village"),
        ["AutomaticCycle_ResolutionDeadlines"] = Error(
            "AutomaticCycle", "$.steps[1].on[1].to", d => d.Transition(1, 1)["to"] = "village", "village → township → village"),
        ["AutomaticCycle_ConsentAndTakeUpDeadlines"] = Error(
            "AutomaticCycle", "$.steps[1].on[5].to", d =>
            {
                d.Step(1)["consent"] = new JsonObject { ["of"] = "respondent", ["within"] = "P5D" };
                d.On(1).Add(Event("consentDeadlineMissed", "village"));
                d.On(1).Add(Event("consentRefused", "referred"));
            },
            "village → township → village"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenGraph_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Fact]
    public void Compile_CycleBrokenByMediationFailed_IsValid()
    {
        var definition = Create();
        definition.Transition(1, 2)["to"] = "village";

        var result = Compile(definition);

        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Compile_CycleBrokenByEscalationRequest_IsValid()
    {
        var definition = Create();
        definition.On(1).Add(Event("escalationRequested", "village"));
        definition.On(0).Add(Event("escalationRequested", "township"));

        var result = Compile(definition);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Compile_BoundedReassignSelfLoopOnDeadline_IsValid()
    {
        var definition = Create();
        definition.On(0).Insert(0, Event("takeUpDeadlineMissed", reassign: 3));
        definition.On(1).Insert(0, Event("takeUpDeadlineMissed", reassign: 1));

        var result = Compile(definition);

        Assert.Empty(result.Issues);
        Assert.NotNull(result.Workflow);
    }

    [Fact]
    public void Compile_ThreeStepAutomaticCycle_ReportsItOnce()
    {
        var definition = Create();
        var district = MediationStep("district", "district");
        district["on"]!.AsArray()[0]!["to"] = "village";
        definition["steps"]!.AsArray().Add(district);
        definition.Transition(1, 0)["to"] = "district";

        var result = Compile(definition);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("AutomaticCycle", "$.steps[6].on[0].to"), (issue.Code, issue.Path));
        ValidationMessages.AssertQuotes(issue, ["village → township → district → village"]);
    }

    [Fact]
    public void Compile_StepReachableOnlyFromUnreachableStep_ReportsBoth()
    {
        var definition = Create();
        var island = MediationStep("island", "district");
        island["on"]!.AsArray()[0]!["to"] = "island-end";
        definition["steps"]!.AsArray().Add(island);
        definition["steps"]!.AsArray().Add(Terminal("island-end"));

        var result = Compile(definition);

        Assert.Equal(
            [("UnreachableStep", "$.steps[6]", "island"), ("UnreachableStep", "$.steps[7]", "island-end")],
            result.Issues.Select(i => (i.Code, i.Path, i.Message.En.Split('\'')[1])));
    }

    /// <summary>A mediation step at <paramref name="tier"/> whose every event goes to "referred", as in the township.</summary>
    private static JsonObject MediationStep(string id, string tier)
    {
        var step = Create().Step(1).DeepClone().AsObject();
        step["id"] = id;
        step["handler"] = new JsonObject { ["tier"] = tier };
        return step;
    }
}

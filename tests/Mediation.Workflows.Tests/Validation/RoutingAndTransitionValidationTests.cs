using System.Text.Json.Nodes;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>Routing rules and the transitions of each step's <c>on</c> list.</summary>
public sealed class RoutingAndTransitionValidationTests
{
    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        ["DefaultRouteMissing_LastRuleConditional"] = Error(
            "DefaultRouteMissing", "$.routing", d => d.Route(1)["when"] = Compare("category", "eq", "neighbour")),
        ["DefaultRouteMissing_NoRules"] = Error("DefaultRouteMissing", "$.routing", d => d["routing"] = new JsonArray()),
        ["DuplicateRuleId_Repeated"] = Error("DuplicateRuleId", "$.routing[1].id", d => d.Route(1)["id"] = "large-claim", "large-claim"),
        ["DuplicateRuleId_Empty"] = Error("DuplicateRuleId", "$.routing[1].id", d => d.Route(1)["id"] = ""),
        ["DefaultRouteNotLast_FirstRule"] = Error(
            "DefaultRouteNotLast", "$.routing[0]",
            d => d["routing"]!.AsArray().Insert(0, new JsonObject { ["id"] = "first", ["to"] = "village" }), "first"),
        ["UnknownStep_Route"] = Error("UnknownStep", "$.routing[1].to", d => d.Route(1)["to"] = "vilage", "vilage"),
        ["UnknownStep_RouteMissingTarget"] = Error("UnknownStep", "$.routing[0].to", d => d.Route(0).Remove("to")),
        ["RouteToNonMediationStep_FollowUp"] = Error(
            "RouteToNonMediationStep", "$.routing[0].to", d => d.Route(0)["to"] = "follow-up", "follow-up"),
        ["RouteToNonMediationStep_Terminal"] = Error(
            "RouteToNonMediationStep", "$.routing[1].to", d => d.Route(1)["to"] = "referred", "referred"),
        ["UnknownStep_Transition"] = Error("UnknownStep", "$.steps[1].on[2].to", d => d.Transition(1, 2)["to"] = "distrct", "distrct"),
        ["UnknownEvent_Misspelt"] = Error(
            "UnknownEvent", "$.steps[0].on[2].event", d => d.Transition(0, 2)["event"] = "mediationFail", "mediationFail", "mediationFailed"),
        ["EventNotDefinable_TakenUp"] = Error(
            "EventNotDefinable", "$.steps[0].on[5].event", d => d.On(0).Add(Event("takenUp", "township")), "takenUp"),
        ["EventNotDefinable_TimerElapsed"] = Error(
            "EventNotDefinable", "$.steps[2].on[2].event", d => d.On(2).Add(Event("timerElapsed", "closed")), "timerElapsed"),
        ["EventNotApplicable_PerformedOnMediation"] = Error(
            "EventNotApplicable", "$.steps[0].on[5].event", d => d.On(0).Add(Event("performed", "closed")), "performed", "village"),
        ["EventNotApplicable_ConsentRefusedWithoutConsent"] = Error(
            "EventNotApplicable", "$.steps[1].on[5].event",
            d => d.On(1).Add(Event("consentRefused", "withdrawn")), "consentRefused", "township"),
        ["EventNotApplicable_AgreementOnFollowUp"] = Error(
            "EventNotApplicable", "$.steps[2].on[2].event",
            d => d.On(2).Add(Event("agreementReached", "closed")), "agreementReached", "follow-up"),

        // Without its take-up deadline the step also draws the take-up warning.
        ["EventNotApplicable_TakeUpMissedWithoutTakeUp"] = Error(
            "EventNotApplicable", "$.steps[1].on[0].event",
            d => d.Step(1).Remove("takeUp"), "takeUpDeadlineMissed", "township")
            .Also("TakeUpDeadlineMissing"),
        ["TargetAmbiguous_ToAndReassign"] = Error(
            "TargetAmbiguous", "$.steps[0].on[2]", d => d.On(0)[2] = Event("mediationFailed", "township", reassign: 1)),
        ["ReassignNotApplicable_FollowUp"] = Error(
            "ReassignNotApplicable", "$.steps[2].on[1].reassign",
            d => d.On(2)[1] = Event("performanceFailed", reassign: 1), "follow-up"),
        ["ReassignMaxTimesInvalid_Zero"] = Error(
            "ReassignMaxTimesInvalid", "$.steps[0].on[0].reassign.maxTimes",
            d => d.On(0).Insert(0, Event("takeUpDeadlineMissed", reassign: 0)), "0"),
        ["ReassignMaxTimesInvalid_Negative"] = Error(
            "ReassignMaxTimesInvalid", "$.steps[1].on[0].reassign.maxTimes",
            d => d.On(1).Insert(0, Event("takeUpDeadlineMissed", reassign: -3)), "-3"),
        ["TargetRequired_NeitherToNorReassign"] = Error("TargetRequired", "$.steps[0].on[2]", d => d.On(0)[2] = Event("mediationFailed")),
        ["TransitionToSelf_Village"] = Error(
            "TransitionToSelf", "$.steps[0].on[2].to", d => d.Transition(0, 2)["to"] = "village", "village", "reassign"),
        ["AgreementToMediation_Township"] = Error(
            "AgreementToMediation", "$.steps[0].on[3].to", d => d.Transition(0, 3)["to"] = "township", "township"),
        ["TransitionNeverApplies_AfterUnconditional"] = Warning(
            "TransitionNeverApplies", "$.steps[0].on[5]",
            d => d.On(0).Add(Event("mediationFailed", "referred", Compare("claimedAmount", "gte", 100000))), "mediationFailed"),

        // The unconditional transition before it still gives the deadline a way out: a warning, not NoWayOut.
        ["TransitionNeverApplies_DeadlineStillHasWayOut"] = Warning(
            "TransitionNeverApplies", "$.steps[0].on[2]",
            d => d.On(0).Insert(2, Event("resolutionDeadlineMissed", "referred", Compare("partyCount", "gte", 10))),
            "resolutionDeadlineMissed"),

        // After a bounded reassignment the next transition does apply, but one after an unconditional move never does.
        ["TransitionNeverApplies_ReassignAfterMove"] = Warning(
            "TransitionNeverApplies", "$.steps[0].on[1]",
            d => d.On(0).Insert(1, Event("takeUpDeadlineMissed", reassign: 1)), "takeUpDeadlineMissed"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenRoutingOrTransition_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Fact]
    public void Compile_ReassignBeforeMove_IsValid()
    {
        var definition = Create();
        definition.On(0).Insert(0, Event("takeUpDeadlineMissed", reassign: 2));

        var result = Compile(definition);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Compile_TwoTransitionsAfterUnconditional_WarnsAboutBoth()
    {
        var definition = Create();
        definition.On(0).Add(Event("mediationFailed", "referred", Compare("claimedAmount", "gte", 100000)));
        definition.On(0).Add(Event("mediationFailed", "withdrawn", Compare("partyCount", "gte", 10)));

        var result = Compile(definition);

        Assert.Equal(
            [("TransitionNeverApplies", "$.steps[0].on[5]"), ("TransitionNeverApplies", "$.steps[0].on[6]")],
            result.Issues.Select(i => (i.Code, i.Path)));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Compile_SeveralUnknownTargets_ReportsEachAtItsPath()
    {
        var definition = Create();
        definition.Route(1)["to"] = "start";
        definition.Transition(0, 0)["to"] = "town";
        definition.Transition(2, 1)["to"] = "court";

        var result = Compile(definition);

        Assert.Equal(
            [("UnknownStep", "$.routing[1].to", "start"), ("UnknownStep", "$.steps[0].on[0].to", "town"), ("UnknownStep", "$.steps[2].on[1].to", "court")],
            result.Issues.Select(i => (i.Code, i.Path, Quoted(i.Message.En))));
    }

    private static string Quoted(string message) => message.Split('\'')[1];
}

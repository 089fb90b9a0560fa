using System.Text.Json.Nodes;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>Steps: ids, kinds, the fields each kind takes, handlers, consent, deadlines' shape, terminal outcomes.</summary>
public sealed class StepValidationTests
{
    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        // Both routing rules then point at steps that do not exist.
        ["StepsRequired_Empty"] = Error("StepsRequired", "$.steps", d => d["steps"] = new JsonArray())
            .Also("UnknownStep", "UnknownStep"),
        ["StepIdInvalid_UpperCaseAndUnderscore"] = Error(
            "StepIdInvalid", "$.steps[6].id", d => d["steps"]!.AsArray().Add(Terminal("Closed_2")), "Closed_2"),
        ["StepIdInvalid_Empty"] = Error("StepIdInvalid", "$.steps[6].id", d => d["steps"]!.AsArray().Add(Terminal(""))),
        ["DuplicateStepId_SecondClosed"] = Error(
            "DuplicateStepId", "$.steps[6].id", d => d["steps"]!.AsArray().Add(Terminal("closed")), "closed", "$.steps[3]"),
        ["UnknownStepKind_End"] = Error(
            "UnknownStepKind", "$.steps[3].kind", d => d.Step(3)["kind"] = "end", "end", "mediation, followUp, terminal"),
        ["UnknownStepKind_WrongCase"] = Error("UnknownStepKind", "$.steps[2].kind", d => d.Step(2)["kind"] = "FollowUp", "FollowUp"),
        ["FieldNotApplicable_OutcomeOnMediation"] = Error(
            "FieldNotApplicable", "$.steps[0].outcome", d => d.Step(0)["outcome"] = "closed", "outcome", "mediation"),
        ["FieldNotApplicable_JudicialConfirmationOnMediation"] = Error(
            "FieldNotApplicable", "$.steps[0].judicialConfirmation",
            d => d.Step(0)["judicialConfirmation"] = new JsonObject { ["within"] = "P30D" }, "judicialConfirmation", "mediation"),
        ["FieldNotApplicable_HandlerOnFollowUp"] = Error(
            "FieldNotApplicable", "$.steps[2].handler",
            d => d.Step(2)["handler"] = new JsonObject { ["tier"] = "village" }, "handler", "followUp"),
        ["FieldNotApplicable_ConsentOnFollowUp"] = Error(
            "FieldNotApplicable", "$.steps[2].consent",
            d => d.Step(2)["consent"] = new JsonObject { ["of"] = "respondent", ["within"] = "P5D" }, "consent", "followUp"),
        ["FieldNotApplicable_TakeUpOnTerminal"] = Error(
            "FieldNotApplicable", "$.steps[3].takeUp",
            d => d.Step(3)["takeUp"] = new JsonObject { ["within"] = "P3D" }, "takeUp", "terminal"),
        ["FieldNotApplicable_ReferralOnClosedOutcome"] = Error(
            "FieldNotApplicable", "$.steps[3].referral", d => d.Step(3)["referral"] = "litigation", "referral", "closed"),
        ["JudicialConfirmationMissing_FollowUp"] = Warning(
            "JudicialConfirmationMissing", "$.steps[2]", d => d.Step(2).Remove("judicialConfirmation")),

        // The compiler still checks the terminal step's transitions, and a terminal step has no events.
        ["TerminalHasTransitions_Closed"] = Error(
            "TerminalHasTransitions", "$.steps[3].on",
            d => d.Step(3)["on"] = new JsonArray(Event("performed", "referred")), "closed")
            .Also("EventNotApplicable"),
        ["HandlerRequired_Missing"] = Error("HandlerRequired", "$.steps[0].handler", d => d.Step(0).Remove("handler")),
        ["HandlerRequired_Empty"] = Error("HandlerRequired", "$.steps[0].handler", d => d.Step(0)["handler"] = new JsonObject()),
        ["HandlerAmbiguous_TierAndBody"] = Error(
            "HandlerAmbiguous", "$.steps[0].handler",
            d => d.Step(0)["handler"] = new JsonObject { ["tier"] = "village", ["body"] = "medical-committee" }),
        ["UnknownTier_County"] = Error(
            "UnknownTier", "$.steps[0].handler.tier",
            d => d.Step(0)["handler"] = new JsonObject { ["tier"] = "county" }, "county", "village, township, district"),
        ["UnknownBody_Dental"] = Error(
            "UnknownBody", "$.steps[1].handler.body",
            d => d.Step(1)["handler"] = new JsonObject { ["body"] = "dental-committee" }, "dental-committee", "medical-committee"),
        ["UnknownParty_ConsentOfDefendant"] = Error(
            "UnknownParty", "$.steps[0].consent.of",
            d => d.Step(0)["consent"] = new JsonObject { ["of"] = "defendant", ["within"] = "P5D" }, "defendant"),

        // The mediator is a participant, but not one whose consent opens mediation.
        ["UnknownParty_ConsentOfMediator"] = Error(
            "UnknownParty", "$.steps[0].consent.of",
            d => d.Step(0)["consent"] = new JsonObject { ["of"] = "mediator", ["within"] = "P5D" }, "mediator"),
        ["UnknownParty_ExtensionConsent"] = Error(
            "UnknownParty", "$.steps[0].resolution.extension.consentOf[1]",
            d => d.Step(0)["resolution"]!["extension"] = Extension("P15D", 1, "applicant", "judge"), "judge"),

        // Without a take-up deadline the takeUpDeadlineMissed transition must go too, or it is not applicable.
        ["TakeUpDeadlineMissing_Village"] = Warning("TakeUpDeadlineMissing", "$.steps[0]", d =>
        {
            d.Step(0).Remove("takeUp");
            d.On(0).RemoveAt(0);
        }),
        ["ResolutionRequired_Missing"] = Error("ResolutionRequired", "$.steps[0].resolution", d => d.Step(0).Remove("resolution")),
        ["UnknownClockStart_Signature"] = Error(
            "UnknownClockStart", "$.steps[0].resolution.clockStartsAt",
            d => d.Step(0)["resolution"]!["clockStartsAt"] = "signature", "signature", "filing, receipt, stepEntry, acceptance"),
        ["ExtensionTimesInvalid_Zero"] = Error(
            "ExtensionTimesInvalid", "$.steps[0].resolution.extension.times",
            d => d.Step(0)["resolution"]!["extension"] = Extension("P15D", 0, "applicant", "respondent"), "0"),
        ["ExtensionTimesInvalid_Negative"] = Error(
            "ExtensionTimesInvalid", "$.steps[1].resolution.extension.times",
            d => d.Step(1)["resolution"]!["extension"] = Extension("P15D", -1, "applicant"), "-1"),
        ["UnknownOutcome_Finished"] = Error(
            "UnknownOutcome", "$.steps[3].outcome", d => d.Step(3)["outcome"] = "finished", "finished", "closed, referred, withdrawn, refused"),
        ["UnknownOutcome_Missing"] = Error("UnknownOutcome", "$.steps[5].outcome", d => d.Step(5).Remove("outcome"), "withdrawn"),
        ["UnknownReferral_Terminal"] = Error(
            "UnknownReferral", "$.steps[4].referral", d => d.Step(4)["referral"] = "court", "court", "litigation"),
        ["UnknownReferral_TerminalMissing"] = Error("UnknownReferral", "$.steps[4].referral", d => d.Step(4).Remove("referral"), "litigation"),
        ["UnknownCalendar_PerDeadline"] = Error(
            "UnknownCalendar", "$.steps[2].judicialConfirmation.calendar",
            d => d.Step(2)["judicialConfirmation"]!["calendar"] = "gregorian", "gregorian", "cn-mainland, natural"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenStep_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Fact]
    public void Compile_BodyHandlerAndConsentWithFallbacks_IsValid()
    {
        var definition = Create();
        var township = definition.Step(1);
        township["handler"] = new JsonObject { ["body"] = "traffic-committee" };
        township["consent"] = new JsonObject { ["of"] = "allParties", ["within"] = "P5D" };
        township["resolution"]!["extension"] = Extension("P15D", 2, "applicant", "respondent", "organisation");
        definition.On(1).Add(Event("consentRefused", "referred"));
        definition.On(1).Add(Event("consentDeadlineMissed", "referred"));

        var result = Compile(definition);

        Assert.Empty(result.Issues);
        var step = result.Workflow!.FindStep("township")!;
        Assert.Equal("traffic-committee", step.Body);
        Assert.Null(step.Tier);
        Assert.Equal(Participant.AllParties, step.ConsentOf);
        Assert.True(step.Extensible);
    }

    [Fact]
    public void Compile_ConsentWithUnknownParty_DoesNotAlsoCallItsEventsInapplicable()
    {
        var definition = Create();
        definition.Step(0)["consent"] = new JsonObject { ["of"] = "neighbours", ["within"] = "P5D" };
        definition.On(0).Add(Event("consentRefused", "withdrawn"));
        definition.On(0).Add(Event("consentDeadlineMissed", "withdrawn"));

        var result = Compile(definition);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("UnknownParty", "$.steps[0].consent.of"), (issue.Code, issue.Path));
    }

    private static JsonObject Extension(string max, int times, params string[] consentOf) => new()
    {
        ["max"] = max,
        ["times"] = times,
        ["consentOf"] = new JsonArray(consentOf.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
    };
}

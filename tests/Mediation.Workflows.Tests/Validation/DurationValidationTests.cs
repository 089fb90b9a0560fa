using System.Text.Json.Nodes;
using Mediation.Workflows.Validation;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>Durations: ISO-8601 syntax, months in working-day calendars, reminders that fall before the clock starts.</summary>
public sealed class DurationValidationTests
{
    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        ["BadDuration_Reminder"] = Error(
            "BadDuration", "$.steps[0].takeUp.reminders[1]", d => d.Step(0)["takeUp"]!["reminders"] = new JsonArray("P1D", "1D"), "1D"),
        ["BadDuration_ResolutionMixesDaysAndTime"] = Error(
            "BadDuration", "$.steps[1].resolution.within", d => d.Step(1)["resolution"]!["within"] = "P30DT12H", "P30DT12H"),
        ["BadDuration_ConsentWithin"] = Error(
            "BadDuration", "$.steps[0].consent.within",
            d => d.Step(0)["consent"] = new JsonObject { ["of"] = "respondent", ["within"] = "5 days" }, "5 days"),
        ["BadDuration_ExtensionMax"] = Error(
            "BadDuration", "$.steps[0].resolution.extension.max",
            d => d.Step(0)["resolution"]!["extension"] = new JsonObject { ["max"] = "P15", ["times"] = 1, ["consentOf"] = new JsonArray("applicant") },
            "P15"),
        ["BadDuration_FollowUpVisitMissingWithin"] = Error(
            "BadDuration", "$.steps[2].followUpVisit.within", d => d.Step(2)["followUpVisit"] = new JsonObject()),
        ["BadDuration_JudicialConfirmationLowerCase"] = Error(
            "BadDuration", "$.steps[2].judicialConfirmation.within", d => d.Step(2)["judicialConfirmation"]!["within"] = "p30d", "p30d"),
        ["MonthsInWorkingDayCalendar_Resolution"] = Error(
            "MonthsInWorkingDayCalendar", "$.steps[0].resolution.within", d =>
            {
                d["calendar"] = "cn-mainland";
                d.Step(0)["resolution"]!["within"] = "P1M";
            },
            "P1M", "cn-mainland"),
        ["MonthsInWorkingDayCalendar_Reminder"] = Error(
            "MonthsInWorkingDayCalendar", "$.steps[1].resolution.reminders[0]", d =>
            {
                d["calendar"] = "cn-mainland";
                d.Step(1)["resolution"]!["reminders"] = new JsonArray("P1Y");
            },
            "P1Y", "cn-mainland"),
        ["MonthsInWorkingDayCalendar_ConsentWithin"] = Error(
            "MonthsInWorkingDayCalendar", "$.steps[0].consent.within", d =>
            {
                d["calendar"] = "cn-mainland";
                d.Step(0)["consent"] = new JsonObject { ["of"] = "respondent", ["within"] = "P1M" };
            },
            "P1M", "cn-mainland"),

        // A natural-day workflow, but this one deadline counts working days.
        ["MonthsInWorkingDayCalendar_PerDeadlineCalendar"] = Error(
            "MonthsInWorkingDayCalendar", "$.steps[2].judicialConfirmation.within",
            d => d.Step(2)["judicialConfirmation"] = new JsonObject { ["within"] = "P1M", ["calendar"] = "cn-mainland" },
            "P1M", "cn-mainland"),
        ["ReminderNotBeforeDeadline_Longer"] = Error(
            "ReminderNotBeforeDeadline", "$.steps[0].takeUp.reminders[1]",
            d => d.Step(0)["takeUp"]!["reminders"] = new JsonArray("P1D", "P5D"), "P5D", "P3D"),
        ["ReminderNotBeforeDeadline_Equal"] = Error(
            "ReminderNotBeforeDeadline", "$.steps[1].resolution.reminders[0]",
            d => d.Step(1)["resolution"]!["reminders"] = new JsonArray("P30D"), "P30D"),

        // A month is taken as at least 28 days, so a 30-day reminder may not fit in it.
        ["ReminderNotBeforeDeadline_DaysAgainstMonth"] = Error(
            "ReminderNotBeforeDeadline", "$.steps[0].resolution.reminders[0]", d =>
            {
                d.Step(0)["resolution"]!["within"] = "P1M";
                d.Step(0)["resolution"]!["reminders"] = new JsonArray("P30D");
            },
            "P30D", "P1M"),
        ["ReminderNotBeforeDeadline_Time"] = Error(
            "ReminderNotBeforeDeadline", "$.steps[2].followUpVisit.reminders[0]",
            d => d.Step(2)["followUpVisit"] = new JsonObject { ["within"] = "PT12H", ["reminders"] = new JsonArray("PT12H") },
            "PT12H"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenDuration_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Theory]
    [InlineData("30D")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT2H")]
    [InlineData("P-1D")]
    [InlineData("P1S")]
    [InlineData("PT1D")]
    [InlineData("P1.5D")]
    [InlineData("P3DT")]
    [InlineData("P1D2D")]
    [InlineData("P1M1Y")]
    [InlineData(" P3D")]
    [InlineData("P3 D")]
    public void Compile_BadTakeUpDuration_ReportsBadDurationAtWithin(string text)
    {
        var definition = Create();
        definition.Step(0)["takeUp"]!["within"] = text;

        var result = Compile(definition);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("BadDuration", "$.steps[0].takeUp.within", ValidationSeverity.Error), (issue.Code, issue.Path, issue.Severity));
        ValidationMessages.AssertQuotes(issue, [text]);
        Assert.StartsWith($"期限“{text}”无效：", issue.Message.ZhCn, StringComparison.Ordinal);
        Assert.StartsWith($"The duration '{text}' is invalid: ", issue.Message.En, StringComparison.Ordinal);
        Assert.Null(result.Workflow);
    }

    [Theory]
    [InlineData("P3D")]
    [InlineData("P2W")]
    [InlineData("P1W2D")]
    [InlineData("PT36H")]
    [InlineData("PT1H30M")]
    [InlineData("PT0.5H")]
    public void Compile_GoodTakeUpDuration_IsValid(string text)
    {
        var definition = Create();
        definition.Step(0)["takeUp"] = new JsonObject { ["within"] = text };

        var result = Compile(definition);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Compile_WorkingDayWorkflowWithNaturalDeadlineInMonths_IsValid()
    {
        var definition = Create();
        definition["calendar"] = "cn-mainland";
        definition.Step(2)["judicialConfirmation"] = new JsonObject { ["within"] = "P1M", ["calendar"] = "natural", ["reminders"] = new JsonArray("P5D") };

        var result = Compile(definition);

        Assert.Empty(result.Issues);
        Assert.Equal(["cn-mainland", "natural"], result.Workflow!.Calendars.Keys.Order(StringComparer.Ordinal));
    }
}

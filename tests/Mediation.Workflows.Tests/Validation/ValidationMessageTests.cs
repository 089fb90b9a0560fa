using System.Text.RegularExpressions;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>The message resources: every key in both languages, and every code the validator emits has a key.</summary>
public sealed partial class ValidationMessageTests
{
    /// <summary>The codes the validator must be able to report, each exercised by a case in this folder.</summary>
    private static readonly string[] _requiredCodes =
    [
        "KeyRequired", "KeyInvalid", "VersionInvalid", "TextRequired", "LegalBasisMissing", "CategoriesRequired", "UnknownCategory",
        "CalendarRequired", "UnknownCalendar", "RemediesRequired", "UnknownReferral", "ParameterTypeInvalid", "ParameterValueMismatch",
        "StepsRequired", "StepIdInvalid", "DuplicateStepId", "UnknownStepKind", "FieldNotApplicable", "JudicialConfirmationMissing",
        "TerminalHasTransitions", "HandlerRequired", "HandlerAmbiguous", "UnknownTier", "UnknownBody", "UnknownParty",
        "TakeUpDeadlineMissing", "ResolutionRequired", "UnknownClockStart", "ExtensionTimesInvalid", "UnknownOutcome",
        "DefaultRouteMissing", "DuplicateRuleId", "DefaultRouteNotLast", "UnknownStep", "RouteToNonMediationStep", "UnknownEvent",
        "EventNotDefinable", "EventNotApplicable", "TargetAmbiguous", "ReassignNotApplicable", "ReassignMaxTimesInvalid",
        "TargetRequired", "TransitionToSelf", "AgreementToMediation", "TransitionNeverApplies", "BadDuration",
        "MonthsInWorkingDayCalendar", "ReminderNotBeforeDeadline", "UnreachableStep", "NoWayOut", "EventNotHandled",
        "AutomaticCycle", "EmptyCondition", "UnknownField", "UnknownOperator", "OperatorNotApplicable", "ValueTypeMismatch",
        "UnknownParameter", "UnknownChannel",
    ];

    private static IEnumerable<ValidationCase> AllCases =>
        new[]
        {
            HeaderValidationTests.Cases, StepValidationTests.Cases, RoutingAndTransitionValidationTests.Cases,
            DurationValidationTests.Cases, GraphValidationTests.Cases, ConditionValidationTests.Cases,
        }.SelectMany(table => table.Values);

    [Fact]
    public void Keys_EveryKey_HasChineseAndEnglishText()
    {
        var keys = Text.Keys().ToList();

        Assert.Contains("InvalidJson", keys);
        Assert.True(keys.Count >= _requiredCodes.Length + 2, $"only {keys.Count} keys");
        Assert.All(keys, key =>
        {
            var text = Text.Get(key);
            Assert.False(string.IsNullOrWhiteSpace(text.ZhCn), $"{key}: no zh-CN text");
            Assert.False(string.IsNullOrWhiteSpace(text.En), $"{key}: no en text");
            Assert.True(ValidationMessages.HanCharacter().IsMatch(text.ZhCn), $"{key}: the zh-CN text is not Chinese: {text.ZhCn}");
            Assert.False(ValidationMessages.HanCharacter().IsMatch(text.En), $"{key}: the en text falls back to Chinese: {text.En}");
        });
    }

    [Fact]
    public void Keys_EveryKey_HasTheSamePlaceholdersInBothLanguages()
    {
        Assert.All(Text.Keys(), key =>
        {
            var text = Text.Get(key);
            Assert.Equal(Placeholders(text.ZhCn), Placeholders(text.En));
        });
    }

    [Fact]
    public void Keys_ValidationCodes_AreAllKeys()
    {
        var keys = Text.Keys().ToHashSet(StringComparer.Ordinal);

        Assert.All(_requiredCodes.Append("InvalidJson").Append("InvalidCondition"), code => Assert.Contains(code, keys));
    }

    [Fact]
    public void Cases_EveryRequiredCode_IsExercised()
    {
        var exercised = AllCases.SelectMany(c => c.AlsoReported.Append(c.Code)).ToHashSet(StringComparer.Ordinal);

        Assert.All(_requiredCodes, code => Assert.Contains(code, exercised));
    }

    [Fact]
    public void Cases_EveryEmittedCode_IsAResourceKey()
    {
        var keys = Text.Keys().ToHashSet(StringComparer.Ordinal);

        var emitted = AllCases.SelectMany(c => c.Compile().Issues).ToList();

        Assert.True(emitted.Count >= AllCases.Count(), $"only {emitted.Count} issues");
        Assert.All(emitted, issue =>
        {
            Assert.Contains(issue.Code, keys);
            ValidationMessages.AssertQuotes(issue, []);
        });
    }

    private static string[] Placeholders(string template) =>
        [.. PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

using System.Text.Json.Nodes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>Conditions in routing rules, transitions and <c>appliesWhen</c>: fields, operators, value types, parameters.</summary>
public sealed class ConditionValidationTests
{
    private const string When = "$.routing[0].when";

    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        ["EmptyCondition_All"] = Error("EmptyCondition", When + ".all", d => d.Route(0)["when"] = new JsonObject { ["all"] = new JsonArray() }),
        ["EmptyCondition_AnyInsideNot"] = Error(
            "EmptyCondition", When + ".not.any",
            d => d.Route(0)["when"] = new JsonObject { ["not"] = new JsonObject { ["any"] = new JsonArray() } }),
        ["UnknownField_Amount"] = Error(
            "UnknownField", When + ".field", d => d.Route(0)["when"] = Compare("amount", "gte", 1000), "amount", "claimedAmount"),
        ["UnknownField_InTransition"] = Error(
            "UnknownField", "$.steps[0].on[2].when.field",
            d => d.Transition(0, 2)["when"] = Compare("severity", "eq", "high"), "severity"),
        ["UnknownField_AppliesWhen"] = Error(
            "UnknownField", "$.appliesWhen.field", d => d["appliesWhen"] = Compare("region", "eq", "north"), "region"),
        ["UnknownField_InsideAny"] = Error(
            "UnknownField", When + ".any[1].field",
            d => d.Route(0)["when"] = new JsonObject
            {
                ["any"] = new JsonArray(Compare("claimedAmount", "gte", 50000), Compare("claimAmount", "gte", 50000)),
            },
            "claimAmount"),
        ["UnknownOperator_Symbol"] = Error(
            "UnknownOperator", When + ".op", d => d.Route(0)["when"] = Compare("claimedAmount", ">=", 1000), ">=", "gte"),
        ["UnknownOperator_WrongCase"] = Error(
            "UnknownOperator", When + ".op", d => d.Route(0)["when"] = Compare("category", "notin", new JsonArray("debt")), "notin", "notIn"),
        ["OperatorNotApplicable_EqOnTags"] = Error(
            "OperatorNotApplicable", When + ".op", d => d.Route(0)["when"] = Compare("tags", "eq", "urgent"), "eq", "tags"),
        ["OperatorNotApplicable_GtOnCategory"] = Error(
            "OperatorNotApplicable", When + ".op", d => d.Route(0)["when"] = Compare("category", "gt", "debt"), "gt", "category"),
        ["OperatorNotApplicable_WithinOnChannel"] = Error(
            "OperatorNotApplicable", When + ".op", d => d.Route(0)["when"] = Compare("channel", "within", "online"), "within", "channel"),
        ["OperatorNotApplicable_ContainsOnAmount"] = Error(
            "OperatorNotApplicable", When + ".op", d => d.Route(0)["when"] = Compare("claimedAmount", "contains", 5), "contains", "claimedAmount"),
        ["ValueTypeMismatch_StringForClaimedAmount"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("claimedAmount", "gte", "50000"), "claimedAmount", "number"),
        ["ValueTypeMismatch_FractionForPartyCount"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("partyCount", "gte", 2.5), "partyCount", "integer"),
        ["ValueTypeMismatch_ScalarForIn"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("category", "in", "debt"), "category", "[string, ...]"),
        ["ValueTypeMismatch_ScalarForNotInOnNumber"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("partyCount", "notIn", 3), "partyCount", "[integer, ...]"),
        ["ValueTypeMismatch_EmptyListForIn"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("channel", "in", new JsonArray()), "channel"),
        ["ValueTypeMismatch_ListForEq"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("claimedAmount", "eq", new JsonArray(1, 2)), "claimedAmount"),
        ["ValueTypeMismatch_NumberInStringList"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("category", "in", new JsonArray("debt", 7)), "category"),
        ["ValueTypeMismatch_EmptyString"] = Error(
            "ValueTypeMismatch", When + ".value", d => d.Route(0)["when"] = Compare("location", "within", ""), "location", "string"),
        ["ValueTypeMismatch_MissingValue"] = Error(
            "ValueTypeMismatch", When + ".value",
            d => d.Route(0)["when"] = new JsonObject { ["field"] = "channel", ["op"] = "eq" }, "channel"),
        ["ValueTypeMismatch_InsideAll"] = Error(
            "ValueTypeMismatch", When + ".all[1].value",
            d => d.Route(0)["when"] = new JsonObject
            {
                ["all"] = new JsonArray(Compare("category", "eq", "neighbour"), Compare("claimedAmount", "gte", true)),
            },
            "claimedAmount", "number"),
        ["ValueTypeMismatch_ParameterOfWrongType"] = Error(
            "ValueTypeMismatch", When + ".value",
            d => d.Route(0)["when"] = Compare("category", "eq", new JsonObject { ["param"] = "townshipClaimAmount" }), "category", "string"),
        ["ValueTypeMismatch_ObjectWithoutParam"] = Error(
            "ValueTypeMismatch", When + ".value",
            d => d.Route(0)["when"] = Compare("claimedAmount", "gte", new JsonObject { ["parameter"] = "townshipClaimAmount" }), "claimedAmount"),
        ["UnknownParameter_Misspelt"] = Error(
            "UnknownParameter", When + ".value.param",
            d => d.Route(0)["when"] = Compare("claimedAmount", "gte", new JsonObject { ["param"] = "townshipClaim" }), "townshipClaim"),
        ["UnknownChannel_Fax"] = Error(
            "UnknownChannel", When + ".value", d => d.Route(0)["when"] = Compare("channel", "eq", "fax"), "fax", "hotline"),
        ["UnknownChannel_InList"] = Error(
            "UnknownChannel", When + ".value",
            d => d.Route(0)["when"] = Compare("channel", "in", new JsonArray("hotline", "wechat")), "wechat"),
        ["UnknownCategory_InCondition"] = Error(
            "UnknownCategory", When + ".value",
            d => d.Route(0)["when"] = Compare("category", "in", new JsonArray("neighbour", "neighbor")), "neighbor"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenCondition_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Fact]
    public void Compile_EveryOperatorOnItsField_IsValid()
    {
        var definition = Create();
        definition["parameters"]!["courtChannels"] = new JsonObject { ["type"] = "string", ["value"] = new JsonArray("courtReferral", "policeReferral") };
        definition.Route(0)["when"] = new JsonObject
        {
            ["any"] = new JsonArray(
                Compare("claimedAmount", "gte", new JsonObject { ["param"] = "townshipClaimAmount" }),
                Compare("partyCount", "in", new JsonArray(10, 11, 12)),
                Compare("channel", "in", new JsonObject { ["param"] = "courtChannels" }),
                Compare("tags", "contains", new JsonArray("group", "urgent")),
                Compare("location", "within", "150302"),
                new JsonObject { ["not"] = Compare("category", "ne", "neighbour") }),
        };

        var result = Compile(definition);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Compile_ConditionOfUnknownShape_ReportsInvalidCondition()
    {
        var parsed = WorkflowJson.Parse(MinimalDefinition.Json).Definition!;

        var result = WorkflowCompiler.Compile(parsed with { AppliesWhen = new StrangeCondition() }, Context);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("InvalidCondition", "$.appliesWhen", ValidationSeverity.Error), (issue.Code, issue.Path, issue.Severity));
        ValidationMessages.AssertQuotes(issue, []);
    }

    private sealed record StrangeCondition : Condition;
}

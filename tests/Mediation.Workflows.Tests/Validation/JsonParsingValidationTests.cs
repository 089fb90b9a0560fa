using System.Text.Json.Nodes;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Tests.Validation;

/// <summary><see cref="WorkflowJson.Parse"/>: malformed JSON, wrong types and unknown members become one <c>InvalidJson</c> issue.</summary>
public sealed class JsonParsingValidationTests
{
    /// <summary>Name → (the JSON text, the expected path, text both messages must quote).</summary>
    private static readonly Dictionary<string, (Func<string> Json, string Path, string[] Quotes)> _cases = new(StringComparer.Ordinal)
    {
        // Line 3 of the minimal definition is "  \"version\": 1,"; without its comma the reader stops at the next property,
        // before it knows its name, so only the line and position say where.
        ["MissingComma"] = (() => MinimalDefinition.Json.Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal),
            "$", ["Expected either ','", "(line 4, position 3)"]),
        ["UnclosedArray"] = (() => "{\n  \"key\": \"a\",\n  \"categories\": [\"debt\"\n}", "$.categories[1]", ["'}'", "(line 4, position 1)"]),
        ["Empty"] = (() => string.Empty, "$", ["(line 1, position 1)"]),
        ["VersionAsWord"] = (() => Mutated(d => d["version"] = "one"), "$.version", ["System.Int32", "line 3"]),
        ["KeyAsNumber"] = (() => Mutated(d => d["key"] = 7), "$.key", ["System.String"]),
        ["StepsAsObject"] = (() => Mutated(d => d["steps"] = new JsonObject()), "$.steps", ["IReadOnlyList", "StepDefinition", "(line "]),
        ["MisspeltTakeUp"] = (() => Mutated(d => Rename(d.Step(0), "takeUp", "takeup")), "$.steps[0].takeup", ["'takeup'", "StepDefinition"]),
        ["PropertyInPascalCase"] = (() => Mutated(d => Rename(d, "key", "Key")), "$.Key", ["'Key'"]),
        ["UnknownTopLevelProperty"] = (() => Mutated(d => d["owner"] = "ministry"), "$.owner", ["'owner'", "WorkflowDefinition"]),
        ["UnknownTransitionProperty"] = (() => Mutated(d => d.Transition(0, 1)["target"] = "district"), "$.steps[0].on[1].target", ["'target'"]),
        ["DuplicateProperty"] = (
            () => MinimalDefinition.Json.Replace("\"version\": 1,", "\"version\": 1,\n  \"version\": 2,", StringComparison.Ordinal),
            "$.version", ["'version'"]),
        ["DuplicateParameter"] = (
            () => MinimalDefinition.Json.Replace(
                "\"parameters\": {",
                "\"parameters\": {\n    \"townshipClaimAmount\": { \"type\": \"number\", \"value\": 1 },",
                StringComparison.Ordinal),
            "$.parameters.townshipClaimAmount", ["Duplicate"]),
        ["NullKey"] = (() => Mutated(d => d["key"] = null), "$.key", ["null"]),
        ["ConditionWithoutOperator"] = (
            () => Mutated(d => d.Route(0)["when"] = new JsonObject { ["field"] = "category" }), "$.routing[0].when", ["'field'/'op'/'value'"]),
        ["ConditionAllNotAnArray"] = (
            () => Mutated(d => d.Route(0)["when"] = new JsonObject { ["all"] = MinimalDefinition.Compare("category", "eq", "debt") }),
            "$.routing[0].when", ["'all' takes an array"]),
        ["NullDocument"] = (() => "null", "$", ["null"]),
        ["VersionAsNumberInText"] = (() => Mutated(d => d["version"] = "1"), "$.version", ["System.Int32"]),
        ["ConditionWithTwoForms"] = (
            () => Mutated(d => d.Route(0)["when"] = new JsonObject
            {
                ["all"] = new JsonArray(MinimalDefinition.Compare("category", "eq", "debt")),
                ["any"] = new JsonArray(MinimalDefinition.Compare("category", "eq", "family")),
            }),
            "$.routing[0].when", ["exactly one of"]),
        ["ConditionUnknownMember"] = (
            () => Mutated(d => d.Route(0)["when"] = new JsonObject { ["field"] = "category", ["op"] = "eq", ["value"] = "debt", ["unit"] = "yuan" }),
            "$.routing[0].when", ["'unit'"]),
    };

    public static TheoryData<string> CaseNames => new(_cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_BrokenJson_ReportsInvalidJsonAtPath(string name)
    {
        var (json, path, quotes) = _cases[name];

        var result = WorkflowJson.Parse(json());

        Assert.Null(result.Definition);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("InvalidJson", path, ValidationSeverity.Error), (issue.Code, issue.Path, issue.Severity));
        ValidationMessages.AssertQuotes(issue, quotes);
        Assert.StartsWith("JSON 无效：", issue.Message.ZhCn, StringComparison.Ordinal);
        Assert.StartsWith("The JSON is invalid: ", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinimalDefinition_HasNoIssues()
    {
        var result = WorkflowJson.Parse(MinimalDefinition.Json);

        Assert.Empty(result.Issues);
        Assert.Equal("test-civil", result.Definition!.Key);
        Assert.Equal(6, result.Definition.Steps.Count);
        Assert.Equal("P3D", result.Definition.Steps[0].TakeUp!.Within);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var json = MinimalDefinition.Json
            .Replace("\"version\": 1,", "// first published version\n  \"version\": 1,", StringComparison.Ordinal)
            .Replace("\"arbitration\"]", "\"arbitration\",]", StringComparison.Ordinal);

        var result = WorkflowJson.Parse(json);

        Assert.Empty(result.Issues);
        Assert.Equal(["litigation", "arbitration"], result.Definition!.Remedies);
    }

    private static string Mutated(Action<JsonObject> change)
    {
        var definition = MinimalDefinition.Create();
        change(definition);
        return definition.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static void Rename(JsonObject node, string from, string to)
    {
        var value = node[from];
        node.Remove(from);
        node[to] = value;
    }
}

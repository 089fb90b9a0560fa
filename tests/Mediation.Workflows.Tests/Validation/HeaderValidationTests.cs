using System.Text.Json.Nodes;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;
using static Mediation.Workflows.Tests.Validation.ValidationCase;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>The workflow's own fields: key, version, texts, legal basis, categories, calendar, remedies, parameters.</summary>
public sealed class HeaderValidationTests
{
    internal static readonly Dictionary<string, ValidationCase> Cases = new(StringComparer.Ordinal)
    {
        ["KeyRequired_Empty"] = Error("KeyRequired", "$.key", d => d["key"] = ""),
        ["KeyRequired_Missing"] = Error("KeyRequired", "$.key", d => d.Remove("key")),
        ["KeyRequired_Whitespace"] = Error("KeyRequired", "$.key", d => d["key"] = "  "),
        ["KeyInvalid_UpperCaseAndUnderscore"] = Error("KeyInvalid", "$.key", d => d["key"] = "General_Civil", "General_Civil"),
        ["KeyInvalid_LeadingDigit"] = Error("KeyInvalid", "$.key", d => d["key"] = "1st-tier", "1st-tier"),
        ["KeyInvalid_TrailingHyphen"] = Error("KeyInvalid", "$.key", d => d["key"] = "civil-", "civil-"),
        ["VersionInvalid_Zero"] = Error("VersionInvalid", "$.version", d => d["version"] = 0, "0"),
        ["VersionInvalid_Negative"] = Error("VersionInvalid", "$.version", d => d["version"] = -2, "-2"),
        ["VersionInvalid_Missing"] = Error("VersionInvalid", "$.version", d => d.Remove("version"), "0"),
        ["TextRequired_NameWithoutEnglish"] = Error("TextRequired", "$.name", d => d["name"] = Text("测试工作流", "")),
        ["TextRequired_NameWithoutChinese"] = Error("TextRequired", "$.name", d => d["name"] = Text(" ", "Test workflow")),
        ["TextRequired_DescriptionMissing"] = Error("TextRequired", "$.description", d => d.Remove("description")),
        ["LegalBasisMissing_Empty"] = Warning("LegalBasisMissing", "$.legalBasis", d => d["legalBasis"] = new JsonArray()),
        ["CategoriesRequired_Empty"] = Error("CategoriesRequired", "$.categories", d => d["categories"] = new JsonArray()),
        ["UnknownCategory_Misspelt"] = Error(
            "UnknownCategory", "$.categories[1]", d => d["categories"] = new JsonArray("neighbour", "neighbor"), "neighbor"),
        ["CalendarRequired_Missing"] = Error("CalendarRequired", "$.calendar", d => d.Remove("calendar")),
        ["CalendarRequired_Blank"] = Error("CalendarRequired", "$.calendar", d => d["calendar"] = " "),
        ["UnknownCalendar_TopLevel"] = Error(
            "UnknownCalendar", "$.calendar", d => d["calendar"] = "cn-mainlnd", "cn-mainlnd", "cn-mainland", "natural"),
        ["UnknownCalendar_CaseMatters"] = Error("UnknownCalendar", "$.calendar", d => d["calendar"] = "Natural", "Natural"),
        ["RemediesRequired_Empty"] = Error("RemediesRequired", "$.remedies", d => d["remedies"] = new JsonArray()),
        ["UnknownReferral_Remedy"] = Error(
            "UnknownReferral", "$.remedies[1]", d => d["remedies"] = new JsonArray("litigation", "court"), "court", "labourArbitration"),
        ["ParameterTypeInvalid_Decimal"] = Error(
            "ParameterTypeInvalid", "$.parameters.townshipClaimAmount.type",
            d => d["parameters"]!["townshipClaimAmount"]!["type"] = "decimal", "decimal"),
        ["ParameterValueMismatch_FractionForInteger"] = Error(
            "ParameterValueMismatch", "$.parameters.groupParties.value",
            d => d["parameters"]!["groupParties"] = new JsonObject { ["type"] = "integer", ["value"] = 2.5 },
            "groupParties", "integer"),
        ["ParameterValueMismatch_MixedArray"] = Error(
            "ParameterValueMismatch", "$.parameters.bigCategories.value",
            d => d["parameters"]!["bigCategories"] = new JsonObject { ["type"] = "string", ["value"] = new JsonArray("debt", 3) },
            "bigCategories", "string"),
        ["ParameterValueMismatch_StringBoolean"] = Error(
            "ParameterValueMismatch", "$.parameters.strict.value",
            d => d["parameters"]!["strict"] = new JsonObject { ["type"] = "boolean", ["value"] = "true" },
            "strict", "boolean"),

        // The parameter is used by routing rule 0, so the comparison there is wrong too.
        ["ParameterValueMismatch_StringForNumberInUse"] = Error(
            "ParameterValueMismatch", "$.parameters.townshipClaimAmount.value",
            d => d["parameters"]!["townshipClaimAmount"]!["value"] = "50000", "townshipClaimAmount", "number")
            .Also("ValueTypeMismatch"),
    };

    public static TheoryData<string> CaseNames => Names(Cases);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compile_BrokenHeader_ReportsCodeAtPath(string name) => Cases[name].AssertReported();

    [Fact]
    public void Compile_MinimalDefinition_HasNoIssues()
    {
        var result = Compile(Create());

        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
        Assert.Equal("test-civil", result.Workflow!.Key);
        Assert.Equal(["village", "township", "follow-up", "closed", "referred", "withdrawn"], result.Workflow.StepInfos.Select(s => s.Id));
    }

    [Fact]
    public void Compile_MinimalDefinitionInWorkingDays_HasNoIssues()
    {
        var definition = Create();
        definition["calendar"] = "cn-mainland";

        var result = Compile(definition);

        Assert.Empty(result.Issues);
        Assert.Equal("cn-mainland", result.Workflow!.Calendar.Name);
    }

    [Fact]
    public void Compile_SeveralHeaderMistakes_ReportsEachInDocumentOrder()
    {
        var definition = Create();
        definition["key"] = "Bad Key";
        definition["version"] = 0;
        definition["categories"] = new JsonArray("neighbour", "pets", "noise");

        var result = Compile(definition);

        Assert.Equal(
            [("KeyInvalid", "$.key"), ("VersionInvalid", "$.version"), ("UnknownCategory", "$.categories[1]"), ("UnknownCategory", "$.categories[2]")],
            result.Issues.Select(i => (i.Code, i.Path)));
        Assert.Null(result.Workflow);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>One way to break <see cref="MinimalDefinition"/> and the issue the compiler must report for it.</summary>
/// <param name="Break">Mutates the definition.</param>
/// <param name="Code">The expected code.</param>
/// <param name="Path">The expected JSON path.</param>
/// <param name="Severity">The expected severity.</param>
/// <param name="Values">Offending values both messages must quote.</param>
/// <param name="AlsoReported">Codes of other issues the same mistake legitimately causes; none unless stated.</param>
internal sealed record ValidationCase(
    Action<JsonObject> Break,
    string Code,
    string Path,
    ValidationSeverity Severity,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> AlsoReported)
{
    public static ValidationCase Error(string code, string path, Action<JsonObject> breakIt, params string[] values) =>
        new(breakIt, code, path, ValidationSeverity.Error, values, []);

    public static ValidationCase Warning(string code, string path, Action<JsonObject> breakIt, params string[] values) =>
        new(breakIt, code, path, ValidationSeverity.Warning, values, []);

    public ValidationCase Also(params string[] codes) => this with { AlsoReported = codes };

    /// <summary>Breaks a fresh minimal definition and compiles it.</summary>
    public CompilationResult Compile()
    {
        var definition = MinimalDefinition.Create();
        Break(definition);
        return MinimalDefinition.Compile(definition);
    }

    /// <summary>Compiles and checks the issues: exactly the expected ones, the expected one with its path, severity and messages.</summary>
    public void AssertReported()
    {
        var result = Compile();

        Assert.Equal(
            AlsoReported.Append(Code).Order(StringComparer.Ordinal),
            result.Issues.Select(i => i.Code).Order(StringComparer.Ordinal));
        var issue = Assert.Single(result.Issues, i => i.Code == Code && i.Path == Path);
        Assert.Equal(Severity, issue.Severity);
        ValidationMessages.AssertQuotes(issue, Values);
        var hasErrors = result.Issues.Any(i => i.Severity == ValidationSeverity.Error);
        Assert.Equal(!hasErrors, result.IsValid);
        Assert.Equal(hasErrors, result.Workflow is null);
    }

    /// <summary>The case names of <paramref name="table"/> as theory data.</summary>
    public static TheoryData<string> Names(IReadOnlyDictionary<string, ValidationCase> table) => new(table.Keys);
}

/// <summary>Checks of an issue's message.</summary>
internal static partial class ValidationMessages
{
    /// <summary>Both texts are present, different, fully formatted, and quote every offending value.</summary>
    public static void AssertQuotes(ValidationIssue issue, IEnumerable<string> values)
    {
        Assert.False(string.IsNullOrWhiteSpace(issue.Message.ZhCn), $"{issue.Code}: no zh-CN message");
        Assert.False(string.IsNullOrWhiteSpace(issue.Message.En), $"{issue.Code}: no en message");
        Assert.Matches(HanCharacter(), issue.Message.ZhCn);
        Assert.NotEqual(issue.Message.ZhCn, issue.Message.En);
        Assert.DoesNotMatch(Placeholder(), issue.Message.ZhCn);
        Assert.DoesNotMatch(Placeholder(), issue.Message.En);
        foreach (var value in values)
        {
            Assert.Contains(value, issue.Message.ZhCn, StringComparison.Ordinal);
            Assert.Contains(value, issue.Message.En, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex HanCharacter();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    public static partial Regex Placeholder();
}

using System.Text.Json.Nodes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;

namespace Mediation.Workflows.Tests.Validation;

/// <summary><see cref="CompilationResult"/> and <see cref="WorkflowCompiler.CompileOrThrow"/>: warnings never block, errors always do.</summary>
public sealed class CompilationResultTests
{
    [Fact]
    public void Errors_WarningsAndErrors_ExcludesTheWarnings()
    {
        var definition = Create();
        definition["legalBasis"] = new JsonArray();
        definition.Step(2).Remove("judicialConfirmation");
        definition["key"] = "Test";

        var result = Compile(definition);

        Assert.Equal(
            [("KeyInvalid", ValidationSeverity.Error), ("LegalBasisMissing", ValidationSeverity.Warning), ("JudicialConfirmationMissing", ValidationSeverity.Warning)],
            result.Issues.Select(i => (i.Code, i.Severity)));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("KeyInvalid", "$.key", ValidationSeverity.Error), (error.Code, error.Path, error.Severity));
        Assert.False(result.IsValid);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void Errors_WarningsOnly_IsEmptyAndTheWorkflowCompiles()
    {
        var definition = Create();
        definition["legalBasis"] = new JsonArray();
        definition.On(0).RemoveAt(4);

        var result = Compile(definition);

        Assert.Equal(
            [("LegalBasisMissing", "$.legalBasis", ValidationSeverity.Warning), ("EventNotHandled", "$.steps[0].on", ValidationSeverity.Warning)],
            result.Issues.Select(i => (i.Code, i.Path, i.Severity)));
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal("test-civil", result.Workflow!.Key);
    }

    [Fact]
    public void CompileOrThrow_Errors_ThrowsWithTheErrorsOnly()
    {
        var definition = Create();
        definition["legalBasis"] = new JsonArray();
        definition.Route(1)["to"] = "nowhere";
        var parsed = WorkflowJson.Parse(definition.ToJsonString()).Definition!;

        var exception = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCompiler.CompileOrThrow(parsed, Context));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal(("UnknownStep", "$.routing[1].to"), (issue.Code, issue.Path));
        Assert.Contains("UnknownStep at $.routing[1].to: The step 'nowhere' does not exist.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompileOrThrow_WarningsOnly_ReturnsTheWorkflow()
    {
        var definition = Create();
        definition["legalBasis"] = new JsonArray();
        var parsed = WorkflowJson.Parse(definition.ToJsonString()).Definition!;

        var workflow = WorkflowCompiler.CompileOrThrow(parsed, Context);

        Assert.Equal(("test-civil", 1), (workflow.Key, workflow.Version));
    }

    [Fact]
    public void ToString_Issue_ShowsSeverityCodePathAndEnglishMessage()
    {
        var definition = Create();
        definition["version"] = 0;

        var issue = Assert.Single(Compile(definition).Issues);

        Assert.Equal("Error VersionInvalid at $.version: Version 0 is invalid: a version is a positive whole number.", issue.ToString());
        Assert.Equal("版本号 0 无效：版本号必须是正整数。", issue.Message.ZhCn);
    }
}

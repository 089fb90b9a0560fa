using System.Globalization;
using Mediation.Api.Workflows;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Export;
using Mediation.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>Escalation workflows: the published versions, their diagrams, and validation of drafts.</summary>
internal static class WorkflowsEndpoints
{
    /// <summary>A definition sent for validation may be at most this large.</summary>
    public const int MaxDefinitionBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("/", ListWorkflows).WithName(nameof(ListWorkflows))
            .WithSummary("List workflows / 工作流列表").WithDescription("The newest published version of each workflow.");
        group.MapGet("/{key}", GetLatest).WithName(nameof(GetLatest))
            .WithSummary("Get a workflow's newest version / 获取工作流最新版本");
        group.MapGet("/{key}/versions/{version:int}", GetVersion).WithName(nameof(GetVersion))
            .WithSummary("Get one version of a workflow / 获取工作流指定版本");
        group.MapGet("/{key}/versions/{version:int}/mermaid", GetMermaid).WithName(nameof(GetMermaid))
            .WithSummary("Export a version as a Mermaid diagram / 导出 Mermaid 流程图").Produces<string>(contentType: "text/plain");
        group.MapPost("/validate", Validate).WithName(nameof(Validate))
            .WithSummary("Validate a workflow definition / 校验工作流定义")
            .WithDescription("Checks a draft definition against the calendars and professional bodies on file. Errors come back as RFC 7807 problem details keyed by JSON path.")
            .Accepts<WorkflowDefinition>("application/json");
        return app;
    }

    public static Ok<List<WorkflowSummary>> ListWorkflows(WorkflowRegistry registry) =>
        TypedResults.Ok(registry.Catalog.Latest.OrderBy(w => w.Definition.Priority).ThenBy(w => w.Key, StringComparer.Ordinal).Select(WorkflowSummary.From).ToList());

    public static Results<Ok<WorkflowDefinition>, ProblemHttpResult> GetLatest(string key, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text) =>
        registry.Catalog.FindLatest(key) is { } workflow
            ? TypedResults.Ok(workflow.Definition)
            : NotFound(text["WorkflowNotFound", key]);

    public static Results<Ok<WorkflowDefinition>, ProblemHttpResult> GetVersion(string key, int version, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text) =>
        registry.Catalog.Find(key, version) is { } workflow
            ? TypedResults.Ok(workflow.Definition)
            : NotFound(text["WorkflowVersionNotFound", key, version]);

    public static Results<ContentHttpResult, ProblemHttpResult> GetMermaid(string key, int version, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text) =>
        registry.Catalog.Find(key, version) is { } workflow
            ? TypedResults.Text(MermaidExporter.Export(workflow, CultureInfo.CurrentUICulture), "text/plain; charset=utf-8")
            : NotFound(text["WorkflowVersionNotFound", key, version]);

    public static async Task<Results<Ok<ValidationResponse>, ValidationProblem, ProblemHttpResult>> Validate(
        HttpRequest request, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDefinitionBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["BadRequest"]);
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var parsed = WorkflowJson.Parse(json);
        var issues = parsed.Definition is null
            ? parsed.Issues
            : WorkflowCompiler.Compile(parsed.Definition, registry.Library.Context).Issues;
        var culture = CultureInfo.CurrentUICulture;
        if (issues.Any(i => i.Severity == ValidationSeverity.Error))
        {
            var errors = issues.Where(i => i.Severity == ValidationSeverity.Error)
                .GroupBy(i => i.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => $"{i.Code}: {i.Message.For(culture)}").ToArray());
            return TypedResults.ValidationProblem(errors, title: text["DefinitionInvalid"],
                extensions: new Dictionary<string, object?> { ["issues"] = issues });
        }

        return TypedResults.Ok(new ValidationResponse(true, issues));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
}

/// <summary>A workflow in a list.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Version">Newest published version.</param>
/// <param name="Name">Display name.</param>
/// <param name="Categories">Dispute categories it handles.</param>
/// <param name="Calendar">The calendar its durations count in.</param>
/// <param name="ClosedMediation">Whether mediation is closed.</param>
/// <param name="Steps">Its steps.</param>
internal sealed record WorkflowSummary(
    string Key, int Version, LocalizedText? Name, IReadOnlyList<string> Categories, string Calendar, bool ClosedMediation, IReadOnlyList<WorkflowStepInfo> Steps)
{
    public static WorkflowSummary From(CompiledWorkflow workflow) => new(
        workflow.Key, workflow.Version, workflow.Definition.Name, workflow.Definition.Categories,
        workflow.Calendar.Name, workflow.Definition.ClosedMediation, workflow.StepInfos);
}

/// <summary>The result of a validation without errors (warnings may remain).</summary>
/// <param name="Valid">Always true here; errors are reported as a 400 problem.</param>
/// <param name="Issues">Warnings.</param>
internal sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationIssue> Issues);

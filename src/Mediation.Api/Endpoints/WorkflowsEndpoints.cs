using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Mediation.Api.Auth;
using Mediation.Api.Data.Entities;
using Mediation.Api.Infrastructure;
using Mediation.Api.Workflows;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Export;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;
using Mediation.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>
/// Escalation workflows: the published versions and their diagrams; drafts, validation and simulation for designers;
/// publishing and the migration of running cases for system administrators.
/// </summary>
internal static partial class WorkflowsEndpoints
{
    /// <summary>A definition sent for validation or as a draft may be at most this large.</summary>
    public const int MaxDefinitionBytes = 1024 * 1024;

    /// <summary>A simulation script or a migration request may be at most this large.</summary>
    public const int MaxRequestBytes = 256 * 1024;

    private const string Tag = "Workflows";

    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows");

        group.MapGet("/", ListWorkflows).WithName(nameof(ListWorkflows)).WithTags(Tag)
            .WithSummary("List workflows / 工作流列表")
            .WithDescription("Every workflow: its newest published version (null while it has only a draft), every stored version with its status, and the draft if one is being designed. Any signed-in user.")
            .Secured(Policies.SignedIn);

        group.MapGet("/{key}", GetLatest).WithName(nameof(GetLatest)).WithTags(Tag)
            .WithSummary("Get a workflow's newest published version / 获取工作流最新发布版本")
            .WithDescription("The definition of the newest published version, in the shape the files use. A draft is read through /versions/{version}. Any signed-in user.")
            .Secured(Policies.SignedIn);

        group.MapGet("/{key}/versions", ListVersions).WithName(nameof(ListVersions)).WithTags(Tag)
            .WithSummary("List a workflow's versions / 工作流版本列表")
            .WithDescription("Every stored version, oldest first, with its status: published (immutable) or draft. Any signed-in user.")
            .Secured(Policies.SignedIn);

        group.MapGet("/{key}/versions/{version:int}", GetVersion).WithName(nameof(GetVersion)).WithTags(Tag)
            .WithSummary("Get one version of a workflow / 获取工作流指定版本")
            .WithDescription("The definition of a published version or of the draft, in the shape the files use, so it can be edited and sent back as a draft. Any signed-in user.")
            .Secured(Policies.SignedIn);

        group.MapGet("/{key}/versions/{version:int}/mermaid", GetMermaid).WithName(nameof(GetMermaid)).WithTags(Tag)
            .WithSummary("Export a version as a Mermaid diagram / 导出 Mermaid 流程图")
            .WithDescription("A Mermaid state diagram of a published version or of the draft, with step names in the caller's language (Accept-Language). A draft with errors cannot be drawn: 409 with its errors by JSON path. Any signed-in user.")
            .Produces<string>(contentType: "text/plain")
            .Secured(Policies.SignedIn);

        group.MapPost("/validate", Validate).WithName(nameof(Validate)).WithTags(Tag)
            .WithSummary("Validate a workflow definition / 校验工作流定义")
            .WithDescription("Checks a definition against the calendars and professional bodies on file without storing it. Errors come back as RFC 7807 problem details keyed by JSON path; malformed JSON is reported at its path with line and position. At most 1 MiB. Organisation and system administrators.")
            .Accepts<WorkflowDefinition>("application/json")
            .WithMetadata(new RequestExample(RequestExampleKind.Definition))
            .Secured(Policies.OrganisationAdmin);

        group.MapPost("/{key}/drafts", SaveDraft).WithName(nameof(SaveDraft)).WithTags(Tag)
            .WithSummary("Create or replace the draft / 保存工作流草稿")
            .WithDescription("Stores the body as the single draft of the workflow: 201 when it creates the draft, 200 when it replaces it. The draft's version is always the newest published version + 1: the body's `version` is ignored and overwritten, and its `key` must be the key in the address or empty. A draft may be saved with errors (work in progress): the response lists errors and warnings by JSON path, and publishing refuses a draft with errors. Malformed JSON or wrong types are a 400 at their path and nothing is stored. At most 1 MiB. Organisation and system administrators.")
            .Accepts<WorkflowDefinition>("application/json")
            .WithMetadata(new RequestExample(RequestExampleKind.Definition))
            .Secured(Policies.OrganisationAdmin);

        group.MapPost("/{key}/drafts/simulate", SimulateDraft).WithName(nameof(SimulateDraft)).WithTags(Tag)
            .WithSummary("Simulate the draft / 模拟运行草稿")
            .WithDescription("Runs the draft over a scripted dispute on a virtual clock, firing deadlines as they fall due, with the engine the service uses. Returns the trace, the step path and the final state; problem messages in the caller's language. A script with errors is a 400 keyed by JSON path; a draft with errors is a 409. Organisation and system administrators.")
            .Accepts<SimulationScriptBody>("application/json")
            .WithMetadata(new RequestExample(RequestExampleKind.SimulationScript))
            .Secured(Policies.OrganisationAdmin);

        group.MapPost("/{key}/versions/{version:int}/simulate", SimulateVersion).WithName(nameof(SimulateVersion)).WithTags(Tag)
            .WithSummary("Simulate a version / 模拟运行指定版本")
            .WithDescription("Runs a published version (or the draft, by its number) over a scripted dispute on a virtual clock. Script shape: `facts` (category, location and filedAt required; instants need an offset), `events` in time order, each with `at` or `after` (a duration counted in the workflow's calendar from the previous moment), and `until`. Unknown members, wrong types and unknown names are 400s at their JSON path. Organisation and system administrators.")
            .Accepts<SimulationScriptBody>("application/json")
            .WithMetadata(new RequestExample(RequestExampleKind.SimulationScript))
            .Secured(Policies.OrganisationAdmin);

        group.MapPost("/{key}/drafts/publish", PublishDraft).WithName(nameof(PublishDraft)).WithTags(Tag)
            .WithSummary("Publish the draft / 发布工作流草稿")
            .WithDescription("Compiles the draft; with errors, 400 with every issue keyed by JSON path. Otherwise the version becomes published and immutable, and new disputes the workflow handles start on it at once; running cases stay on the version they started with until they are migrated. 409 when the version is already published or there is no draft to publish. System administrators.")
            .Secured(Policies.SystemAdmin);

        group.MapPost("/{key}/migrations", Migrate).WithName(nameof(Migrate)).WithTags(Tag)
            .WithSummary("Migrate running cases to a newer version / 迁移在办案件到新版本")
            .WithDescription("Validates the plan (every non-terminal step of fromVersion mapped to an existing step of toVersion of the same kind; 400 with the issues by JSON path), then moves each case, in a transaction of its own: its step is mapped, its phase kept, its deadlines recounted under the new rules from when each clock started. `disputeIds` null means every open case on fromVersion (at most 1,000 ids otherwise); `dryRun` reports what would happen without changing anything. Returns each case: migrated, wouldMigrate, rejected (with the reason) or notFound. System administrators.")
            .Accepts<MigrationRequest>("application/json")
            .WithMetadata(new RequestExample(RequestExampleKind.Migration))
            .Secured(Policies.SystemAdmin);

        return app;
    }

    public static async Task<Ok<List<WorkflowListItem>>> ListWorkflows(WorkflowRegistry registry, WorkflowVersionStore store, CancellationToken cancellationToken)
    {
        var records = await store.VersionsAsync(null, cancellationToken);
        var catalog = registry.Catalog;
        var keys = records.Select(r => r.Key).Concat(catalog.Latest.Select(w => w.Key)).Distinct(StringComparer.Ordinal);
        var items = keys
            .Select(key =>
            {
                var versions = records.Where(r => r.Key == key).Select(WorkflowVersionInfo.From).ToList();
                var latest = catalog.FindLatest(key);
                return new WorkflowListItem(
                    key,
                    latest is null ? null : WorkflowSummary.From(latest),
                    versions,
                    versions.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Draft));
            })
            .OrderBy(i => i.Latest is null)
            .ThenBy(i => catalog.FindLatest(i.Key)?.Definition.Priority ?? int.MaxValue)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(items);
    }

    public static Results<Ok<WorkflowDefinition>, ProblemHttpResult> GetLatest(string key, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text) =>
        registry.Catalog.FindLatest(key) is { } workflow
            ? TypedResults.Ok(workflow.Definition)
            : NotFound(text["WorkflowNotFound", key]);

    public static async Task<Results<Ok<List<WorkflowVersionInfo>>, ProblemHttpResult>> ListVersions(
        string key, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var versions = (await store.VersionsAsync(key, cancellationToken)).Select(WorkflowVersionInfo.From).ToList();
        return versions.Count > 0 ? TypedResults.Ok(versions) : NotFound(text["WorkflowNotFound", key]);
    }

    public static async Task<Results<Ok<WorkflowDefinition>, ProblemHttpResult>> GetVersion(
        string key, int version, WorkflowRegistry registry, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (registry.Catalog.Find(key, version) is { } workflow)
        {
            return TypedResults.Ok(workflow.Definition);
        }

        var record = await store.FindAsync(key, version, cancellationToken);
        return record is not null && WorkflowJson.Parse(record.DefinitionJson).Definition is { } definition
            ? TypedResults.Ok(definition)
            : NotFound(text["WorkflowVersionNotFound", key, version]);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMermaid(
        string key, int version, WorkflowRegistry registry, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var (workflow, _, problem) = await ResolveAsync(key, version, registry, store, text, cancellationToken);
        return workflow is not null
            ? TypedResults.Text(MermaidExporter.Export(workflow, CultureInfo.CurrentUICulture), "text/plain; charset=utf-8")
            : problem!;
    }

    public static async Task<Results<Ok<ValidationResponse>, ValidationProblem, ProblemHttpResult>> Validate(
        HttpRequest request, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var json = await JsonRequestBody.ReadTextAsync(request, MaxDefinitionBytes, cancellationToken);
        if (json is null)
        {
            return TooLarge(text, MaxDefinitionBytes);
        }

        var parsed = WorkflowJson.Parse(json);
        var issues = parsed.Definition is null ? parsed.Issues : registry.Compile(parsed.Definition).Issues;
        return HasErrors(issues)
            ? Invalid(issues, text["DefinitionInvalid"])
            : TypedResults.Ok(new ValidationResponse(true, issues));
    }

    public static async Task<Results<Created<DraftResponse>, Ok<DraftResponse>, ValidationProblem, ProblemHttpResult>> SaveDraft(
        string key, HttpRequest request, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return TypedResults.ValidationProblem(Errors("$.key", "KeyInvalid", text["WorkflowKeyInvalid", key]), title: text["DefinitionInvalid"]);
        }

        var json = await JsonRequestBody.ReadTextAsync(request, MaxDefinitionBytes, cancellationToken);
        if (json is null)
        {
            return TooLarge(text, MaxDefinitionBytes);
        }

        var parsed = WorkflowJson.Parse(json);
        if (parsed.Definition is not { } definition)
        {
            return Invalid(parsed.Issues, text["DefinitionInvalid"]);
        }

        if (!string.IsNullOrEmpty(definition.Key) && !string.Equals(definition.Key, key, StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(Errors("$.key", "DraftKeyMismatch", text["DraftKeyMismatch", definition.Key, key]), title: text["DefinitionInvalid"]);
        }

        var saved = await store.SaveDraftAsync(key, definition, cancellationToken);
        if (saved.Outcome == DraftSaveOutcome.Conflict)
        {
            return Conflict(text["DraftSaveConflict"]);
        }

        var culture = CultureInfo.CurrentUICulture;
        var response = new DraftResponse(
            key, saved.Version, WorkflowVersionStatus.Draft, saved.SavedAt, !HasErrors(saved.Issues),
            ByPath(saved.Issues, ValidationSeverity.Error, culture), ByPath(saved.Issues, ValidationSeverity.Warning, culture), saved.Issues);
        return saved.Outcome == DraftSaveOutcome.Created
            ? TypedResults.Created($"/api/workflows/{Uri.EscapeDataString(key)}/versions/{saved.Version.ToString(CultureInfo.InvariantCulture)}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<SimulationResponse>, ValidationProblem, ProblemHttpResult>> SimulateDraft(
        string key, HttpRequest request, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var draft = await store.DraftAsync(key, cancellationToken);
        if (draft is null)
        {
            return NotFound(text["DraftNotFound", key]);
        }

        var compiled = store.Compile(draft);
        return compiled.Workflow is null
            ? DraftHasErrors(compiled.Issues, text)
            : await SimulateAsync(compiled.Workflow, WorkflowVersionStatus.Draft, request, text, cancellationToken);
    }

    public static async Task<Results<Ok<SimulationResponse>, ValidationProblem, ProblemHttpResult>> SimulateVersion(
        string key, int version, HttpRequest request, WorkflowRegistry registry, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var (workflow, status, problem) = await ResolveAsync(key, version, registry, store, text, cancellationToken);
        return workflow is null ? problem! : await SimulateAsync(workflow, status, request, text, cancellationToken);
    }

    public static async Task<Results<Ok<PublishResponse>, ValidationProblem, ProblemHttpResult>> PublishDraft(
        string key, ClaimsPrincipal user, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(user);
        var attempt = await store.PublishDraftAsync(key, userId, cancellationToken);
        return attempt.Outcome switch
        {
            PublishOutcome.Published => TypedResults.Ok(new PublishResponse(
                key, attempt.Version, attempt.PublishedAt!.Value, userId, [.. attempt.Issues.Where(i => i.Severity == ValidationSeverity.Warning)])),
            PublishOutcome.NotFound => NotFound(text["WorkflowNotFound", key]),
            PublishOutcome.NoDraft => Conflict(text["NoDraftToPublish", key, attempt.Version]),
            PublishOutcome.AlreadyPublished => Conflict(text["VersionAlreadyPublished", key, attempt.Version]),
            PublishOutcome.Outdated => Conflict(text["DraftOutdated", key, attempt.Version, attempt.NewestPublished]),
            _ => Invalid(attempt.Issues, text["DefinitionInvalid"]),
        };
    }

    public static async Task<Results<Ok<MigrationResponse>, ValidationProblem, ProblemHttpResult>> Migrate(
        string key, HttpRequest request, ClaimsPrincipal user, WorkflowRegistry registry, WorkflowMigrations migrations,
        IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (registry.Catalog.FindLatest(key) is null)
        {
            return NotFound(text["WorkflowNotFound", key]);
        }

        var json = await JsonRequestBody.ReadTextAsync(request, MaxRequestBytes, cancellationToken);
        if (json is null)
        {
            return TooLarge(text, MaxRequestBytes);
        }

        var (body, errors) = MigrationRequestJson.Parse(json, text);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors, title: text["MigrationInvalid"]);
        }

        var from = registry.Catalog.Find(key, body.FromVersion);
        var to = registry.Catalog.Find(key, body.ToVersion);
        var versionErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (from is null)
        {
            versionErrors["$.fromVersion"] = [$"MigrationVersionNotPublished: {text["MigrationVersionNotPublished", key, body.FromVersion]}"];
        }

        if (to is null)
        {
            versionErrors["$.toVersion"] = [$"MigrationVersionNotPublished: {text["MigrationVersionNotPublished", key, body.ToVersion]}"];
        }
        else if (body.ToVersion <= body.FromVersion)
        {
            versionErrors["$.toVersion"] = [$"MigrationNotForward: {text["MigrationNotForward", body.FromVersion]}"];
        }

        if (versionErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(versionErrors, title: text["MigrationInvalid"]);
        }

        var plan = new MigrationPlan(key, body.FromVersion, body.ToVersion, body.StepMapping);
        var issues = WorkflowMigration.Validate(plan, from!, to!);
        if (HasErrors(issues))
        {
            return Invalid(issues, text["MigrationInvalid"]);
        }

        var actor = ActorAccessor.From(user);
        return TypedResults.Ok(await migrations.RunAsync(plan, from!, to!, body.DisputeIds, body.DryRun, actor, cancellationToken));
    }

    private static async Task<Results<Ok<SimulationResponse>, ValidationProblem, ProblemHttpResult>> SimulateAsync(
        CompiledWorkflow workflow, WorkflowVersionStatus status, HttpRequest request, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var json = await JsonRequestBody.ReadTextAsync(request, MaxRequestBytes, cancellationToken);
        if (json is null)
        {
            return TooLarge(text, MaxRequestBytes);
        }

        var parsed = SimulationScriptJson.Parse(json);
        if (parsed.Script is not { } script)
        {
            return Invalid(parsed.Issues, text["ScriptInvalid"]);
        }

        var timing = SimulationScriptJson.Check(script, workflow);
        if (HasErrors(timing))
        {
            return Invalid(timing, text["ScriptInvalid"]);
        }

        SimulationTrace trace;
        try
        {
            trace = WorkflowSimulator.Run(workflow, script);
        }
        catch (ArgumentException exception)
        {
            // A duration the calendar cannot count (for example far past the last representable instant).
            return TypedResults.ValidationProblem(Errors("$", "SimulationFailed", text["SimulationFailed", exception.Message]), title: text["ScriptInvalid"]);
        }

        return TypedResults.Ok(SimulationResponse.From(workflow, status, trace, CultureInfo.CurrentUICulture));
    }

    /// <summary>A published version from the catalog, or the draft with that number compiled; otherwise the problem to return.</summary>
    private static async Task<(CompiledWorkflow? Workflow, WorkflowVersionStatus Status, ProblemHttpResult? Problem)> ResolveAsync(
        string key, int version, WorkflowRegistry registry, WorkflowVersionStore store, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (registry.Catalog.Find(key, version) is { } published)
        {
            return (published, WorkflowVersionStatus.Published, null);
        }

        var record = await store.FindAsync(key, version, cancellationToken);
        if (record is not { Status: WorkflowVersionStatus.Draft })
        {
            return (null, default, NotFound(text["WorkflowVersionNotFound", key, version]));
        }

        var compiled = store.Compile(record);
        return compiled.Workflow is null
            ? (null, default, DraftHasErrors(compiled.Issues, text))
            : (compiled.Workflow, WorkflowVersionStatus.Draft, null);
    }

    private static RouteHandlerBuilder Secured(this RouteHandlerBuilder builder, string policy) =>
        builder.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static string? UserIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub");

    private static bool HasErrors(IEnumerable<ValidationIssue> issues) => issues.Any(i => i.Severity == ValidationSeverity.Error);

    /// <summary>400 with the errors keyed by JSON path in the caller's language, and every issue in both languages.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<ValidationIssue> issues, string title) =>
        TypedResults.ValidationProblem(ByPath(issues, ValidationSeverity.Error, CultureInfo.CurrentUICulture), title: title,
            extensions: new Dictionary<string, object?> { ["issues"] = issues });

    /// <summary>409: the draft cannot run or be drawn while it has errors; they are listed by JSON path.</summary>
    private static ProblemHttpResult DraftHasErrors(IReadOnlyList<ValidationIssue> issues, IStringLocalizer<ApiMessages> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["DraftHasErrors"],
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = ByPath(issues, ValidationSeverity.Error, CultureInfo.CurrentUICulture),
                ["issues"] = issues,
            });

    private static Dictionary<string, string[]> ByPath(IEnumerable<ValidationIssue> issues, ValidationSeverity severity, CultureInfo culture) =>
        issues.Where(i => i.Severity == severity)
            .GroupBy(i => i.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => $"{i.Code}: {i.Message.For(culture)}").ToArray(), StringComparer.Ordinal);

    private static Dictionary<string, string[]> Errors(string path, string code, string message) =>
        new(StringComparer.Ordinal) { [path] = [$"{code}: {message}"] };

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);

    private static ProblemHttpResult TooLarge(IStringLocalizer<ApiMessages> text, int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["BadRequest"], detail: text["BodyTooLarge", maxBytes]);

    /// <summary>Workflow keys: lower-case letters, digits and hyphens, starting with a letter; at most 64 characters (the column's size).</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

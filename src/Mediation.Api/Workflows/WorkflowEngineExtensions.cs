using Mediation.Api.Data;
using Mediation.Api.Disputes;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Mediation.Api.Workflows;

/// <summary>Where the host finds the shipped workflows.</summary>
internal sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>The workflows folder; empty means the copy next to the host's binaries.</summary>
    public string Folder { get; set; } = string.Empty;
}

/// <summary>
/// The calendars, bodies and shipped definitions loaded from the workflows folder, and the catalog of published
/// versions. Published versions live in the database (every version a case may still run on); the catalog is swapped
/// atomically when a version is published.
/// </summary>
internal sealed class WorkflowRegistry(WorkflowLibrary library) : IDisposable
{
    private readonly Lock _publishing = new();
    private volatile WorkflowCatalog _catalog = WorkflowCatalog.Empty;
    private volatile WorkflowLibrary _library = library;

    /// <summary>The calendars, bodies and shipped definitions; replaced (not changed) when a calendar year is added.</summary>
    public WorkflowLibrary Library => _library;

    /// <summary>Serialises saving drafts and publishing within this process (the database guards across processes).</summary>
    public SemaphoreSlim Changes { get; } = new(1, 1);

    public WorkflowCatalog Catalog => _catalog;

    public void Publish(CompiledWorkflow workflow)
    {
        lock (_publishing)
        {
            _catalog = _catalog.Publish(workflow);
        }
    }

    /// <summary>
    /// Adds a year's holiday schedule to the working-day calendar <paramref name="calendarName"/> and compiles every
    /// published version again against the new calendars, so deadlines counted from now on see the new days. Both are
    /// swapped atomically. Returns false when the calendar is not a working-day calendar of this registry.
    /// </summary>
    public bool AddSchedule(string calendarName, HolidaySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lock (_publishing)
        {
            if (!_library.Context.Calendars.TryGet(calendarName, out var calendar) || calendar is not WorkingDayCalendar working)
            {
                return false;
            }

            var library = _library.WithCalendars(_library.Context.Calendars.With(working.WithSchedule(schedule)));
            var catalog = WorkflowCatalog.Empty;
            foreach (var published in _catalog.All)
            {
                var compiled = WorkflowCompiler.Compile(published.Definition, library.Context);
                catalog = catalog.Publish(compiled.Workflow
                    ?? throw new InvalidOperationException($"Published workflow {published.Key} v{published.Version} no longer compiles with calendar {calendarName} {schedule.Year}."));
            }

            _library = library;
            _catalog = catalog;
            return true;
        }
    }

    public CompilationResult Compile(Mediation.Workflows.Definitions.WorkflowDefinition definition) =>
        WorkflowCompiler.Compile(definition, Library.Context);

    public void Dispose() => Changes.Dispose();
}

internal static class WorkflowEngineExtensions
{
    /// <summary>Loads the workflows folder at start-up; an invalid shipped file stops the host with every issue listed.</summary>
    public static IHostApplicationBuilder AddWorkflowEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section);
        builder.Services.AddSingleton(_ =>
        {
            var configured = builder.Configuration[$"{WorkflowsOptions.Section}:{nameof(WorkflowsOptions.Folder)}"];
            var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "workflows") : configured;
            var library = WorkflowLibrary.Load(folder);
            var broken = library.Definitions.Where(d => d.Workflow is null).ToList();
            if (broken.Count > 0)
            {
                var detail = string.Join(Environment.NewLine, broken.SelectMany(d => d.Issues.Select(i => $"{d.Path}: {i}")));
                throw new InvalidOperationException("Shipped workflow definitions are invalid:" + Environment.NewLine + detail);
            }

            return new WorkflowRegistry(library);
        });
        builder.Services.AddScoped<IDatabaseSeeder, WorkflowVersionSeeder>();
        builder.Services.AddScoped<OrganisationDirectory>();
        builder.Services.AddScoped<DisputeWorkflow>();
        builder.Services.AddScoped<DisputeAccess>();
        builder.Services.AddScoped<WorkflowVersionStore>();
        builder.Services.AddScoped<WorkflowMigrations>();
        builder.Services.Configure<SwaggerGenOptions>(options => options.OperationFilter<WorkflowRequestExamplesFilter>());
        return builder;
    }
}

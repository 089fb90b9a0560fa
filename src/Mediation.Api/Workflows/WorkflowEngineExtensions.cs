using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Workflows;

/// <summary>Where the host finds the shipped workflows.</summary>
internal sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>The workflows folder; empty means the copy next to the host's binaries.</summary>
    public string Folder { get; set; } = string.Empty;
}

/// <summary>The loaded workflow library and the catalog of published versions.</summary>
/// <param name="Library">Calendars, bodies and definitions as loaded from the folder.</param>
/// <param name="Catalog">The published versions.</param>
internal sealed record WorkflowRegistry(WorkflowLibrary Library, WorkflowCatalog Catalog);

internal static class WorkflowEngineExtensions
{
    /// <summary>Loads the workflows folder at start-up and publishes every valid definition; an invalid shipped file stops the host.</summary>
    public static IHostApplicationBuilder AddWorkflowEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section);
        builder.Services.AddSingleton(services =>
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

            var catalog = library.Definitions.Aggregate(WorkflowCatalog.Empty, (c, d) => c.Publish(d.Workflow!));
            return new WorkflowRegistry(library, catalog);
        });
        return builder;
    }
}

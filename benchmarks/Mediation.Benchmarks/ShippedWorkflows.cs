using Mediation.Workflows.Compilation;

namespace Mediation.Benchmarks;

/// <summary>Finds and loads the repository's <c>workflows/</c> folder.</summary>
internal static class ShippedWorkflows
{
    private const string Marker = "general-civil.json";

    /// <summary>
    /// The copy next to the benchmark assembly when there is one; otherwise the repository's own folder, found by
    /// walking up from the assembly (BenchmarkDotNet runs each benchmark from a generated project's output).
    /// </summary>
    public static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No workflows folder with {Marker} above {AppContext.BaseDirectory}.");
    }

    public static CompiledWorkflow Get(string key)
    {
        var library = WorkflowLibrary.Load(Folder());
        foreach (var loaded in library.Definitions)
        {
            if (loaded.Definition?.Key == key)
            {
                return loaded.Workflow ?? throw new InvalidOperationException($"{key} does not compile: {string.Join("; ", loaded.Issues)}");
            }
        }

        throw new InvalidOperationException($"No workflow '{key}' in {Folder()}.");
    }
}

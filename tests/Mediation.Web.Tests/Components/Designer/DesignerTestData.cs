using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;

namespace Mediation.Web.Tests.Components.Designer;

/// <summary>The shipped workflows (copied next to the test binaries with the host) for the designer's tests.</summary>
internal static class DesignerTestData
{
    private static readonly Lazy<WorkflowLibrary> Library = new(() => WorkflowLibrary.Load(Path.Combine(AppContext.BaseDirectory, "workflows")));

    public static DefinitionContext Context => Library.Value.Context;

    /// <summary>A fresh copy of a shipped definition, read from its file.</summary>
    public static WorkflowDefinition Load(string key)
    {
        var parsed = WorkflowJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", key + ".json")));
        Assert.Empty(parsed.Issues);
        return parsed.Definition!;
    }

    public static CompilationResult Compile(WorkflowDefinition definition) => WorkflowCompiler.Compile(definition, Context);
}

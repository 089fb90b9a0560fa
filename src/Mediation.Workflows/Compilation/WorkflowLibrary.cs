using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Compilation;

/// <summary>
/// The contents of a <c>workflows/</c> folder: calendars (<c>calendars/NAME/</c>), professional bodies
/// (<c>bodies.json</c>) and definitions (every other <c>*.json</c> at the top level), each checked.
/// </summary>
public sealed class WorkflowLibrary
{
    /// <summary>The name of the body list file.</summary>
    public const string BodiesFileName = "bodies.json";

    private WorkflowLibrary(DefinitionContext context, IReadOnlyList<LoadedDefinition> definitions)
    {
        Context = context;
        Definitions = definitions;
    }

    /// <summary>The calendars and bodies definitions may refer to.</summary>
    public DefinitionContext Context { get; }

    /// <summary>Each definition file with its issues and, when valid, its compiled form.</summary>
    public IReadOnlyList<LoadedDefinition> Definitions { get; }

    /// <summary>True when every definition compiled.</summary>
    public bool IsValid => Definitions.All(d => d.Workflow is not null);

    /// <summary>Loads a workflows folder. Calendar or body files that cannot be read throw; definition problems are reported per file.</summary>
    public static WorkflowLibrary Load(string directory)
    {
        var calendars = CalendarRegistry.LoadFrom(Path.Combine(directory, "calendars"));
        var bodiesPath = Path.Combine(directory, BodiesFileName);
        var bodies = File.Exists(bodiesPath)
            ? WorkflowJson.ParseBodies(File.ReadAllText(bodiesPath))
            : new Dictionary<string, ProfessionalBody>();
        var context = new DefinitionContext(calendars, bodies);
        var files = Directory.EnumerateFiles(directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), BodiesFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var definitions = files.Select(f => LoadDefinition(f, context)).ToList();
        return new WorkflowLibrary(context, definitions);
    }

    /// <summary>
    /// The same library with <paramref name="calendars"/> in place of its calendars (an administrator added a year's
    /// schedule). The shipped definitions keep their compiled form; compile again anything that must see the new days.
    /// </summary>
    public WorkflowLibrary WithCalendars(CalendarRegistry calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        return new WorkflowLibrary(Context with { Calendars = calendars }, Definitions);
    }

    /// <summary>Parses and compiles one definition file against <paramref name="context"/>.</summary>
    public static LoadedDefinition LoadDefinition(string path, DefinitionContext context)
    {
        var parsed = WorkflowJson.Parse(File.ReadAllText(path));
        if (parsed.Definition is null)
        {
            return new LoadedDefinition(path, null, null, parsed.Issues);
        }

        var compiled = WorkflowCompiler.Compile(parsed.Definition, context);
        return new LoadedDefinition(path, parsed.Definition, compiled.Workflow, compiled.Issues);
    }
}

/// <summary>A definition file after loading.</summary>
/// <param name="Path">The file.</param>
/// <param name="Definition">The parsed definition, when the JSON was well formed.</param>
/// <param name="Workflow">The compiled workflow, when it had no errors.</param>
/// <param name="Issues">Errors and warnings.</param>
public sealed record LoadedDefinition(string Path, WorkflowDefinition? Definition, CompiledWorkflow? Workflow, IReadOnlyList<ValidationIssue> Issues);

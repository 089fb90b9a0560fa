using System.Globalization;
using Mediation.Workflows.Simulation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Cli;

/// <summary>
/// <c>simulate &lt;workflows-folder&gt; &lt;workflow-key&gt; &lt;script.json&gt; [--lang en|zh-CN]</c>: runs a
/// scripted dispute through <see cref="WorkflowSimulator"/> and prints what happened.
/// </summary>
/// <remarks>
/// The script is read and checked by <see cref="SimulationScriptJson"/>, as the HTTP API reads it; a script with
/// issues is not run, and every issue is printed as <c>script.json: code path: message</c>.
/// </remarks>
internal static class SimulateCommand
{
    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        line.Expect(["workflows-folder", "workflow-key", "script.json"], "--lang");
        var culture = Library.Language(line);
        var scriptPath = line.Positional[2];
        try
        {
            var loaded = Library.Find(Library.Load(line.Positional[0]), line.Positional[1]);
            if (loaded.Workflow is not { } workflow)
            {
                return Library.ReportInvalid(loaded, stdout, stderr);
            }

            var parsed = SimulationScriptJson.Parse(ReadScript(scriptPath));
            var issues = parsed.Script is { } script ? SimulationScriptJson.Check(script, workflow) : parsed.Issues;
            if (issues.Count > 0 || parsed.Script is null)
            {
                return ReportScriptIssues(scriptPath, issues, culture, stderr);
            }

            var trace = WorkflowSimulator.Run(workflow, parsed.Script);
            new TraceWriter(stdout, culture).Write(workflow, parsed.Script, trace);
            return ExitCodes.Ok;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"mediation-workflows: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static string ReadScript(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"the script '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Writes every issue of a script that cannot be run, in <paramref name="culture"/>, and returns exit code 2.</summary>
    private static int ReportScriptIssues(string scriptPath, IReadOnlyList<ValidationIssue> issues, CultureInfo culture, TextWriter stderr)
    {
        foreach (var issue in issues)
        {
            stderr.WriteLine($"{scriptPath}: {issue.Code} {issue.Path}: {issue.Message.For(culture)}");
        }

        stderr.WriteLine($"mediation-workflows: {scriptPath} has {issues.Count} issue(s); the script was not run.");
        return ExitCodes.Usage;
    }
}

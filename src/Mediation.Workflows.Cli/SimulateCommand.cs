using Mediation.Workflows.Compilation;
using Mediation.Workflows.Simulation;

namespace Mediation.Workflows.Cli;

/// <summary>
/// <c>simulate &lt;workflows-folder&gt; &lt;workflow-key&gt; &lt;script.json&gt; [--lang en|zh-CN]</c>: runs a
/// scripted dispute through <see cref="WorkflowSimulator"/> and prints what happened.
/// </summary>
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

            var script = ReadScript(scriptPath);
            CheckTimeOrder(workflow, script);
            var trace = WorkflowSimulator.Run(workflow, script);
            new TraceWriter(stdout, culture).Write(workflow, script, trace);
            return ExitCodes.Ok;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"mediation-workflows: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (ScriptException e)
        {
            stderr.WriteLine($"mediation-workflows: {scriptPath}: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static SimulationScript ReadScript(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"the script '{path}' cannot be read: {e.Message}");
        }

        return ScriptReader.Parse(json);
    }

    /// <summary>The simulator refuses events out of time order; say which one, counting as it does.</summary>
    private static void CheckTimeOrder(CompiledWorkflow workflow, SimulationScript script)
    {
        var now = script.Facts.FiledAt;
        for (var i = 0; i < script.Events.Count; i++)
        {
            var scripted = script.Events[i];
            var at = scripted.At ?? (scripted.After is { } after ? workflow.Calendar.Add(now, after).At : now);
            if (at < now)
            {
                var before = i == 0 ? "the filing" : $"event {i - 1}";
                throw new ScriptException($"$.events[{i}].at", $"{TraceWriter.Time(at)} is before {before} at {TraceWriter.Time(now)}; events must be in time order");
            }

            now = at;
        }
    }
}

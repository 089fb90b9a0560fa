using Mediation.Workflows.Export;

namespace Mediation.Workflows.Cli;

/// <summary><c>mermaid &lt;workflows-folder&gt; &lt;workflow-key&gt; [--lang en|zh-CN]</c>: prints the Mermaid state diagram.</summary>
internal static class MermaidCommand
{
    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        line.Expect(["workflows-folder", "workflow-key"], "--lang");
        var culture = Library.Language(line);
        try
        {
            var loaded = Library.Find(Library.Load(line.Positional[0]), line.Positional[1]);
            if (loaded.Workflow is not { } workflow)
            {
                return Library.ReportInvalid(loaded, stdout, stderr);
            }

            stdout.Write(MermaidExporter.Export(workflow, culture));
            return ExitCodes.Ok;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"mediation-workflows: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}

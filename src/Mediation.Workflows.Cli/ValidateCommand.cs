using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Cli;

/// <summary><c>validate &lt;workflows-folder&gt; [--json]</c>: compiles every definition and reports every issue.</summary>
internal static class ValidateCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        line.Expect(["workflows-folder"], "--json");
        var folder = line.Positional[0];
        WorkflowLibrary library;
        try
        {
            library = Library.Load(folder);
        }
        catch (InputException e)
        {
            stderr.WriteLine($"mediation-workflows: {e.Message}");
            return ExitCodes.Usage;
        }

        var errors = library.Definitions.Sum(d => d.Issues.Count(i => i.Severity == ValidationSeverity.Error));
        var warnings = library.Definitions.Sum(d => d.Issues.Count(i => i.Severity == ValidationSeverity.Warning));
        var failed = library.Definitions.Count(d => d.Workflow is null);
        if (line.Has("--json"))
        {
            WriteJson(stdout, folder, library, errors, warnings);
        }
        else
        {
            WriteText(stdout, library, errors, warnings, failed);
        }

        if (library.Definitions.Count == 0)
        {
            stderr.WriteLine($"mediation-workflows: no workflow definitions (*.json) at the top of '{folder}'.");
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private static void WriteText(TextWriter stdout, WorkflowLibrary library, int errors, int warnings, int failed)
    {
        foreach (var loaded in library.Definitions)
        {
            var file = Path.GetFileName(loaded.Path);
            if (loaded.Issues.Count == 0)
            {
                stdout.WriteLine($"{file}: ok ({loaded.Definition!.Key} v{loaded.Definition.Version})");
                continue;
            }

            foreach (var issue in loaded.Issues)
            {
                stdout.WriteLine(Library.Describe(file, issue));
            }
        }

        var count = library.Definitions.Count;
        stdout.WriteLine(
            $"{count} definition{Plural(count)}: {count - failed} compile{(count - failed == 1 ? "s" : string.Empty)}, " +
            $"{failed} with errors; {errors} error{Plural(errors)}, {warnings} warning{Plural(warnings)}.");
    }

    private static string Plural(int n) => n == 1 ? string.Empty : "s";

    private static void WriteJson(TextWriter stdout, string folder, WorkflowLibrary library, int errors, int warnings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("folder", Path.GetFullPath(folder));
            json.WriteBoolean("valid", library.IsValid);
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", warnings);
            json.WriteStartArray("files");
            foreach (var loaded in library.Definitions)
            {
                json.WriteStartObject();
                json.WriteString("file", Path.GetFileName(loaded.Path));
                if (loaded.Definition is { } definition)
                {
                    json.WriteString("key", definition.Key);
                    json.WriteNumber("version", definition.Version);
                }
                else
                {
                    json.WriteNull("key");
                    json.WriteNull("version");
                }

                json.WriteBoolean("compiles", loaded.Workflow is not null);
                json.WriteStartArray("issues");
                foreach (var issue in loaded.Issues)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", Library.SeverityName(issue.Severity));
                    json.WriteString("code", issue.Code);
                    json.WriteString("path", issue.Path);
                    json.WriteStartObject("message");
                    json.WriteString("zh-CN", issue.Message.ZhCn);
                    json.WriteString("en", issue.Message.En);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}

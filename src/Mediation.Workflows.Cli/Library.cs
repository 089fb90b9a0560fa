using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Cli;

/// <summary>Loading a workflows folder and picking a workflow from it, with the CLI's way of reporting failure.</summary>
internal static class Library
{
    /// <summary>Loads <paramref name="folder"/>; a missing or unreadable folder, calendar or body list is an <see cref="InputException"/>.</summary>
    public static WorkflowLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"the workflows folder '{folder}' does not exist");
        }

        try
        {
            return WorkflowLibrary.Load(folder);
        }
        catch (CalendarLoadException e) when (e.Issues.Count > 0)
        {
            var lines = e.Issues.Select(i => $"  calendars/{i.Path}: {i.Message.ZhCn} / {i.Message.En}");
            throw new InputException($"the calendars in '{folder}' cannot be loaded:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }
        catch (Exception e) when (e is CalendarLoadException or DirectoryNotFoundException or FileNotFoundException)
        {
            throw new InputException($"'{folder}' is not a usable workflows folder: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new InputException($"'{Path.Combine(folder, WorkflowLibrary.BodiesFileName)}' cannot be read: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"'{folder}' cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The definition of <paramref name="key"/> in <paramref name="library"/>, its highest version when the folder
    /// holds several. An unknown key is an <see cref="InputException"/>; a definition with errors is returned as it is.
    /// </summary>
    public static LoadedDefinition Find(WorkflowLibrary library, string key)
    {
        LoadedDefinition? found = null;
        foreach (var loaded in library.Definitions)
        {
            if (loaded.Definition is { } definition && string.Equals(definition.Key, key, StringComparison.Ordinal)
                && (found is null || definition.Version > found.Definition!.Version))
            {
                found = loaded;
            }
        }

        if (found is not null)
        {
            return found;
        }

        var known = library.Definitions.Where(d => d.Definition is not null).Select(d => d.Definition!.Key).Distinct().Order(StringComparer.Ordinal);
        var unreadable = library.Definitions.Where(d => d.Definition is null).Select(d => Path.GetFileName(d.Path)).ToList();
        var message = $"no workflow '{key}' in the folder; known keys: {string.Join(", ", known)}";
        if (unreadable.Count > 0)
        {
            message += $" (not readable, so not searched: {string.Join(", ", unreadable)})";
        }

        throw new InputException(message);
    }

    /// <summary>One issue as a line: <c>file: severity code path: zh-CN / en</c>.</summary>
    public static string Describe(string file, ValidationIssue issue) =>
        $"{file}: {SeverityName(issue.Severity)} {issue.Code} {issue.Path}: {issue.Message.ZhCn} / {issue.Message.En}";

    public static string SeverityName(ValidationSeverity severity) =>
        severity == ValidationSeverity.Error ? "error" : "warning";

    /// <summary>Writes the issues of a definition that did not compile and returns exit code 1.</summary>
    public static int ReportInvalid(LoadedDefinition loaded, TextWriter stdout, TextWriter stderr)
    {
        var file = Path.GetFileName(loaded.Path);
        foreach (var issue in loaded.Issues)
        {
            stdout.WriteLine(Describe(file, issue));
        }

        stderr.WriteLine($"mediation-workflows: {file} does not compile; fix its errors first (see 'mediation-workflows validate').");
        return ExitCodes.Invalid;
    }

    /// <summary>The culture for <c>--lang</c>: Chinese unless English is asked for.</summary>
    public static CultureInfo Language(CommandLine line) => line.Value("--lang") switch
    {
        null or "zh-CN" or "zh" => CultureInfo.GetCultureInfo("zh-CN"),
        "en" => CultureInfo.GetCultureInfo("en"),
        var other => throw new UsageException($"--lang must be 'en' or 'zh-CN', not '{other}'"),
    };
}

/// <summary>A folder, calendar, workflow key or script that cannot be used; exit code 2, without the usage hint.</summary>
internal sealed class InputException(string message) : Exception(message);

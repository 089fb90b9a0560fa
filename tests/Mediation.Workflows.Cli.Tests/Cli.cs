using Mediation.Workflows.Cli;

namespace Mediation.Workflows.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class Cli
{
    /// <summary>The shipped <c>workflows/</c> folder, copied next to the tests.</summary>
    public static string Workflows { get; } = Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string SampleScript { get; } = Path.Combine(Workflows, "examples", "neighbour-dispute.simulation.json");

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = WorkflowCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mediation-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A copy of the shipped workflows folder (definitions, bodies and calendars; the examples are left out).</summary>
    public static TempFolder CopyOfWorkflows()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Cli.Workflows, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        }

        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(Cli.Workflows, "calendars"), "*.json", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(Cli.Workflows, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up; a failed cleanup must not fail the test.
        }
    }
}

using System.Text.Json;

namespace Mediation.Workflows.Cli.Tests;

public sealed class ValidateTests
{
    [Fact]
    public void Validate_ShippedFolder_ExitsZeroAndListsEveryDefinition()
    {
        var result = Cli.Run("validate", Cli.Workflows);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("general-civil.json: ok (general-civil v1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("4 definitions: 4 compile, 0 with errors", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Validate_OneBrokenDefinition_ExitsOneWithFileCodeAndPath()
    {
        using var folder = TempFolder.CopyOfWorkflows();
        var file = Path.Combine(folder.Path, "general-civil.json");
        var broken = File.ReadAllText(file).Replace("\"event\": \"mediationFailed\", \"to\": \"township\"", "\"event\": \"mediationFailed\", \"to\": \"nowhere\"", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(file), broken);
        File.WriteAllText(file, broken);

        var result = Cli.Run("validate", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("general-civil.json: error UnknownStep $.steps[0].on[4].to: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("labour.json: ok", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 with errors", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IssueLine_CarriesChineseThenEnglish()
    {
        using var folder = TempFolder.CopyOfWorkflows();
        folder.Write("broken.json", "{ \"key\": \"broken\", ");

        var result = Cli.Run("validate", folder.Path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("broken.json: ", StringComparison.Ordinal));
        Assert.StartsWith("broken.json: error InvalidJson $", line, StringComparison.Ordinal);
        Assert.Contains(" / ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_ReportsEachFileAndIssue()
    {
        using var folder = TempFolder.CopyOfWorkflows();
        var file = Path.Combine(folder.Path, "labour.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"version\": 1", "\"version\": 0", StringComparison.Ordinal));

        var result = Cli.Run("validate", folder.Path, "--json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        var root = report.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.True(root.GetProperty("errors").GetInt32() >= 1);
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(4, files.Count);
        var labour = Assert.Single(files, f => f.GetProperty("file").GetString() == "labour.json");
        Assert.False(labour.GetProperty("compiles").GetBoolean());
        var issue = labour.GetProperty("issues").EnumerateArray().First();
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("VersionInvalid", issue.GetProperty("code").GetString());
        Assert.Equal("$.version", issue.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(issue.GetProperty("message").GetProperty("zh-CN").GetString()));
        Assert.False(string.IsNullOrEmpty(issue.GetProperty("message").GetProperty("en").GetString()));
    }

    [Fact]
    public void Validate_ShippedFolderAsJson_IsValid()
    {
        var result = Cli.Run("validate", "--json", Cli.Workflows);

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Validate_MissingFolder_ExitsTwo()
    {
        var result = Cli.Run("validate", Path.Combine(Path.GetTempPath(), "no-such-workflows-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Validate_FolderWithoutCalendars_ExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("general-civil.json", File.ReadAllText(Path.Combine(Cli.Workflows, "general-civil.json")));

        var result = Cli.Run("validate", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("calendars", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenCalendar_ExitsTwoNamingIt()
    {
        using var folder = TempFolder.CopyOfWorkflows();
        File.WriteAllText(Path.Combine(folder.Path, "calendars", "cn-mainland", "2026.json"), "{ not json");

        var result = Cli.Run("validate", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2026.json", result.Error, StringComparison.Ordinal);
    }
}

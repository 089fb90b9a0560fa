using System.Text.Json.Nodes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Tests.Validation;

/// <summary><see cref="WorkflowLibrary.Load"/> on a folder with broken files: each file's issues stay with that file.</summary>
public sealed class WorkflowLibraryValidationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mediation-validation-" + Guid.NewGuid().ToString("N"));

    public WorkflowLibraryValidationTests()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        var calendars = Path.Combine(shipped, "calendars", "cn-mainland");
        var calendarCopy = Directory.CreateDirectory(Path.Combine(_folder, "calendars", "cn-mainland")).FullName;
        foreach (var file in Directory.EnumerateFiles(calendars, "*.json"))
        {
            File.Copy(file, Path.Combine(calendarCopy, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(shipped, WorkflowLibrary.BodiesFileName), Path.Combine(_folder, WorkflowLibrary.BodiesFileName));
        File.Copy(Path.Combine(shipped, "medical.json"), Path.Combine(_folder, "medical.json"));
        File.WriteAllText(Path.Combine(_folder, "test-civil.json"), MinimalDefinition.Json);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_MalformedFile_ReportsItAndLoadsTheOthers()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\n  \"key\": \"broken\",\n  \"version\": one\n}");

        var library = WorkflowLibrary.Load(_folder);

        Assert.Equal(["broken.json", "medical.json", "test-civil.json"], library.Definitions.Select(d => Path.GetFileName(d.Path)));
        var broken = library.Definitions[0];
        Assert.Null(broken.Definition);
        Assert.Null(broken.Workflow);
        var issue = Assert.Single(broken.Issues);
        Assert.Equal(("InvalidJson", "$.version", ValidationSeverity.Error), (issue.Code, issue.Path, issue.Severity));
        Assert.Contains("line 3", issue.Message.En, StringComparison.Ordinal);
        Assert.All(library.Definitions.Skip(1), d => Assert.Empty(d.Issues));
        Assert.Equal(["medical", "test-civil"], library.Definitions.Skip(1).Select(d => d.Workflow!.Key));
        Assert.False(library.IsValid);
    }

    [Fact]
    public void Load_InvalidDefinition_KeepsTheParsedDefinitionAndItsIssues()
    {
        var broken = MinimalDefinition.Create();
        broken["key"] = "broken";
        broken["calendar"] = "cn-mainlnd";
        broken.Step(1)["handler"] = new JsonObject { ["body"] = "housing-committee" };
        File.WriteAllText(Path.Combine(_folder, "a-broken.json"), broken.ToJsonString());

        var library = WorkflowLibrary.Load(_folder);

        var loaded = library.Definitions[0];
        Assert.Equal("a-broken.json", Path.GetFileName(loaded.Path));
        Assert.Equal("broken", loaded.Definition!.Key);
        Assert.Null(loaded.Workflow);
        Assert.Equal(
            [("UnknownCalendar", "$.calendar"), ("UnknownBody", "$.steps[1].handler.body")],
            loaded.Issues.Select(i => (i.Code, i.Path)));
        Assert.Equal(["medical", "test-civil"], library.Definitions.Skip(1).Select(d => d.Workflow!.Key));
        Assert.False(library.IsValid);
    }

    [Fact]
    public void Load_OnlyValidFiles_IsValid()
    {
        var library = WorkflowLibrary.Load(_folder);

        Assert.True(library.IsValid);
        Assert.Equal(["cn-mainland", "natural"], library.Context.Calendars.Names);
        Assert.Equal(3, library.Context.Bodies.Count);
        Assert.All(library.Definitions, d => Assert.Empty(d.Issues));
    }
}

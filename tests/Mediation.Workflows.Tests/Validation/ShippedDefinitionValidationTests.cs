using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>The shipped <c>workflows/*.json</c>: valid, and unchanged by a trip through <see cref="WorkflowJson.Serialize"/>.</summary>
public sealed class ShippedDefinitionValidationTests
{
    private static string WorkflowsFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static TheoryData<string> ShippedFiles => new(DefinitionFiles());

    [Fact]
    public void ShippedFiles_AreTheFourWorkflows()
    {
        Assert.Equal(["general-civil.json", "labour.json", "land-contract.json", "medical.json"], DefinitionFiles());
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadDefinition_ShippedWorkflow_CompilesWithNoIssues(string file)
    {
        var loaded = WorkflowLibrary.LoadDefinition(Path.Combine(WorkflowsFolder, file), MinimalDefinition.Context);

        Assert.Empty(loaded.Issues);
        Assert.NotNull(loaded.Workflow);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), loaded.Workflow.Key);
        Assert.Equal(1, loaded.Workflow.Version);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void SerializeThenParse_ShippedWorkflow_CompilesToTheSameWorkflow(string file)
    {
        var original = WorkflowJson.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, file)));
        var text = WorkflowJson.Serialize(original.Definition!);

        var reparsed = WorkflowJson.Parse(text);

        Assert.Empty(reparsed.Issues);
        Assert.Equal(text, WorkflowJson.Serialize(reparsed.Definition!));
        var before = WorkflowCompiler.CompileOrThrow(original.Definition!, MinimalDefinition.Context);
        var after = WorkflowCompiler.Compile(reparsed.Definition!, MinimalDefinition.Context);
        Assert.Empty(after.Issues);
        AssertSameWorkflow(before, after.Workflow!);
    }

    [Fact]
    public void SerializeThenParse_GeneralCivil_KeepsRoutingConditionsWorking()
    {
        var definition = WorkflowJson.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, "general-civil.json"))).Definition!;
        var workflow = WorkflowCompiler.CompileOrThrow(WorkflowJson.Parse(WorkflowJson.Serialize(definition)).Definition!, MinimalDefinition.Context);

        Assert.Equal("township", FirstStep(workflow, Facts(claimed: 80_000m, parties: 2)));
        Assert.Equal("township", FirstStep(workflow, Facts(claimed: null, parties: 12)));
        Assert.Equal("village", FirstStep(workflow, Facts(claimed: 49_999m, parties: 9)));
    }

    private static CaseFacts Facts(decimal? claimed, int parties) => new()
    {
        Category = "neighbour",
        ClaimedAmount = claimed,
        PartyCount = parties,
        Location = "150302001001",
        FiledAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)),
    };

    private static List<string> DefinitionFiles() =>
        Directory.EnumerateFiles(WorkflowsFolder, "*.json")
            .Select(f => Path.GetFileName(f))
            .Where(f => f != WorkflowLibrary.BodiesFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FirstStep(CompiledWorkflow workflow, CaseFacts facts) =>
        workflow.Steps[workflow.Routes.First(r => r.When is null || r.When.Evaluate(facts)).Target].Id;

    private static void AssertSameWorkflow(CompiledWorkflow expected, CompiledWorkflow actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Calendar.Name, actual.Calendar.Name);
        Assert.Equal(expected.Calendars.Keys.Order(StringComparer.Ordinal), actual.Calendars.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Remedies.ToArray(), actual.Remedies.ToArray());
        Assert.Equal(expected.StepInfos, actual.StepInfos);
        Assert.Equal(
            expected.Routes.Select(r => (r.Id, r.Target, r.When is null)),
            actual.Routes.Select(r => (r.Id, r.Target, r.When is null)));
        Assert.Equal(expected.Steps.Length, actual.Steps.Length);
        for (var i = 0; i < expected.Steps.Length; i++)
        {
            Assert.Equal(Describe(expected.Steps[i]), Describe(actual.Steps[i]));
        }
    }

    /// <summary>Everything the engine reads of a compiled step, as comparable text.</summary>
    private static string[] Describe(CompiledStep step) =>
    [
        $"{step.Id} {step.Kind} {step.Tier} {step.Body} {step.ConsentOf} {step.ConsentWithin} {step.ClockStart} {step.Pausable} {step.Outcome} {step.Referral}",
        $"takeUp {Describe(step.TakeUp)}",
        $"resolution {Describe(step.Resolution)}",
        $"judicialConfirmation {Describe(step.JudicialConfirmation)}",
        $"followUpVisit {Describe(step.FollowUpVisit)}",
        $"extension {step.Extension?.Max} {step.Extension?.Times} {string.Join(",", step.Extension?.ConsentOf ?? [])}",
        .. step.Transitions.SelectMany(list => list).Select(t => $"{t.Path} {t.Event} #{t.Ordinal} → {t.Target} reassign {t.ReassignMaxTimes} when {t.When is not null}"),
    ];

    private static string Describe(CompiledDeadline? deadline) =>
        deadline is null ? "none" : $"{deadline.Within} in {deadline.Calendar}, reminders {string.Join(",", deadline.Reminders)}";
}

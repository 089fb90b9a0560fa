namespace Mediation.Workflows.Cli.Tests;

public sealed class SimulateTests
{
    private const string Facts = """
        "facts": { "category": "neighbour", "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00" }
        """;

    [Fact]
    public void Simulate_SampleScript_ExitsZeroWithStepPathAndFinalState()
    {
        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", Cli.SampleScript, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Path: village → follow-up → closed", result.Out, StringComparison.Ordinal);
        Assert.Contains("Final state: closed (Closed after performance), phase closed, outcome closed", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 15:00 +08:00  takenUp", result.Out, StringComparison.Ordinal);
        Assert.Contains("    schedule 1.resolution.3 resolution: due 2026-04-03 00:00 +08:00 (P1M in natural)", result.Out, StringComparison.Ordinal);
        Assert.Contains("    notify allParties: case.accepted", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("REJECTED", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Simulate_InChinese_ByDefault()
    {
        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", Cli.SampleScript);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("路径: village → follow-up → closed", result.Out, StringComparison.Ordinal);
        Assert.Contains("履行完毕结案", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_RejectedEvent_StillExitsZeroAndSaysSo()
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", $$"""
            { {{Facts}},
              "events": [ { "event": "agreementReached", "at": "2026-03-02T10:00:00+08:00", "agreementForm": "oral" },
                          { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
                          { "event": "mediationFailed", "after": "P3D", "reason": "The respondent walked out." } ] }
            """);

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("agreementReached                     REJECTED village/queued", result.Out, StringComparison.Ordinal);
        Assert.Contains("EventNotPermitted", result.Out, StringComparison.Ordinal);
        Assert.Contains("REJECTED: 1 scripted event(s) were not permitted", result.Out, StringComparison.Ordinal);
        Assert.Contains("Path: village → township", result.Out, StringComparison.Ordinal);
        Assert.Contains("record termination for village (failed)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_UnknownEvent_ExitsTwoWithJsonPath()
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", $$"""{ {{Facts}}, "events": [ { "event": "takenUp" }, { "event": "takenup" } ] }""");

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.events[1].event: unknown event 'takenup'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("""{ "events": [] }""", "$.facts: is required")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00" } }""", "$.facts.filedAt: '2026-03-02T09:00:00' is not an ISO-8601 instant with its offset")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00", "claimedAmount": "lots" } }""", "$.facts.claimedAmount: expected an amount")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00", "chanel": "online" } }""", "$.facts.chanel: is not expected here")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "agreementReached" } ] }""", "$.events[0].agreementForm: is required")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "extensionGranted", "extension": "ten days" } ] }""", "$.events[0].extension: 'ten days' is not a duration")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "extensionGranted", "extension": "P5D", "by": ["judge"] } ] }""", "$.events[0].by[0]: unknown participant 'judge'")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "takenUp", "at": "2026-03-01T09:00:00+08:00" } ] }""", "$.events[0].at: 2026-03-01 09:00 +08:00 is before the filing")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "takenUp", "at": "2026-03-03T09:00:00+08:00", "after": "P1D" } ] }""", "$.events[0].after: give either 'at' or 'after'")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "timerElapsed" } ] }""", "$.events[0].event: deadlines fire by themselves")]
    [InlineData("""{ "facts": """, "$: not valid JSON")]
    public void Simulate_BadScript_ExitsTwoWithJsonPath(string json, string expected)
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", json);

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MissingScript_ExitsTwo()
    {
        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", Path.Combine(Path.GetTempPath(), "no-such-script.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_UnknownWorkflow_ExitsTwoListingKnownKeys()
    {
        var result = Cli.Run("simulate", Cli.Workflows, "family", Cli.SampleScript);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no workflow 'family'", result.Error, StringComparison.Ordinal);
        Assert.Contains("general-civil, labour, land-contract, medical", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_InvalidWorkflow_ExitsOneWithItsIssues()
    {
        using var folder = TempFolder.CopyOfWorkflows();
        var file = Path.Combine(folder.Path, "general-civil.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"to\": \"follow-up\"", "\"to\": \"followup\"", StringComparison.Ordinal));

        var result = Cli.Run("simulate", folder.Path, "general-civil", Cli.SampleScript);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("general-civil.json: error UnknownStep", result.Out, StringComparison.Ordinal);
        Assert.Contains("does not compile", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_BadLanguage_ExitsTwo()
    {
        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", Cli.SampleScript, "--lang", "fr");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--lang must be 'en' or 'zh-CN'", result.Error, StringComparison.Ordinal);
    }
}

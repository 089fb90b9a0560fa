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
    public void Simulate_UnknownEvent_ExitsTwoWithCodePathAndChineseMessageByDefault()
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", $$"""{ {{Facts}}, "events": [ { "event": "takenUp" }, { "event": "takenup" } ] }""");

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script);

        Assert.Equal(2, result.ExitCode);
        AssertIssue(result, script, "InvalidScript", "$.events[1].event", "“takenup”不是有效值；可选：");
        Assert.Contains("has 1 issue(s); the script was not run", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("""{ "events": [] }""", "InvalidScript", "$.facts", "The member 'facts' is required.")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00" } }""", "InvalidScript", "$.facts.filedAt", "Expected an ISO-8601 date and time with an offset")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00", "claimedAmount": "lots" } }""", "InvalidScript", "$.facts.claimedAmount", "Expected a number here.")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00", "claimedAmount": -1 } }""", "InvalidScript", "$.facts.claimedAmount", "The amount must be a number of yuan, not negative")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00", "chanel": "online" } }""", "InvalidScript", "$.facts.chanel", "Unknown member 'chanel'; expected one of: category,")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "agreementReached" } ] }""", "InvalidScript", "$.events[0].agreementForm", "The member 'agreementForm' is required.")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "takenUp", "extension": "P5D" } ] }""", "InvalidScript", "$.events[0].extension", "The event 'takenUp' does not take 'extension'.")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "extensionGranted", "extension": "ten days" } ] }""", "InvalidScript", "$.events[0].extension", "The duration 'ten days' is invalid")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "extensionGranted", "extension": "P5D", "by": ["judge"] } ] }""", "InvalidScript", "$.events[0].by[0]", "'judge' is not a valid value; expected one of: ")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "takenUp", "at": "2026-03-01T09:00:00+08:00" } ] }""", "InvalidScript", "$.events[0].at", "The event at 2026-03-01T09:00:00.0000000+08:00 is before the previous moment 2026-03-02T09:00:00.0000000+08:00")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "takenUp", "at": "2026-03-03T09:00:00+08:00", "after": "P1D" } ] }""", "InvalidScript", "$.events[0].after", "Give either 'at' or 'after', not both.")]
    [InlineData("""{ "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" }, "events": [ { "event": "timerElapsed" } ] }""", "InvalidScript", "$.events[0].event", "Deadlines fire by themselves in a simulation")]
    [InlineData("""{ "facts": """, "InvalidJson", "$", "The JSON is invalid: ")]
    public void Simulate_BadScript_ExitsTwoWithCodePathAndMessage(string json, string code, string path, string message)
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", json);

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        AssertIssue(result, script, code, path, message);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Simulate_ScriptWithSeveralMistakes_PrintsEveryOne()
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", """
            { "facts": { "category": "neighbour", "location": "1", "filedAt": "2026-03-02T09:00:00", "chanel": "online" },
              "events": [ { "event": "takenup" }, { "event": "timerElapsed" } ] }
            """);

        var result = Cli.Run("simulate", Cli.Workflows, "general-civil", script, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        AssertIssue(result, script, "InvalidScript", "$.facts.chanel", "Unknown member 'chanel'");
        AssertIssue(result, script, "InvalidScript", "$.facts.filedAt", "Expected an ISO-8601 date and time with an offset");
        AssertIssue(result, script, "InvalidScript", "$.events[0].event", "'takenup' is not a valid value");
        AssertIssue(result, script, "InvalidScript", "$.events[1].event", "Deadlines fire by themselves");
        Assert.Contains("has 4 issue(s); the script was not run", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MonthsInWorkingDayCalendar_ExitsTwoWithEveryCheckIssue()
    {
        using var folder = new TempFolder();
        var script = folder.Write("script.json", """
            { "facts": { "category": "medical", "location": "1", "filedAt": "2026-03-02T09:00:00+08:00" },
              "events": [ { "event": "takenUp", "after": "P1M" }, { "event": "takenUp", "at": "2026-03-01T09:00:00+08:00" } ] }
            """);

        var result = Cli.Run("simulate", Cli.Workflows, "medical", script);

        Assert.Equal(2, result.ExitCode);
        AssertIssue(result, script, "InvalidScript", "$.events[0].after", "时长“P1M”无法在日历“cn-mainland”中计算");
        AssertIssue(result, script, "InvalidScript", "$.events[1].at", "事件时间 2026-03-01T09:00:00.0000000+08:00 早于前一时刻");
        Assert.Empty(result.Out);
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

    /// <summary>Asserts that stderr has the line <c>script: code path: …</c> and that its message contains <paramref name="message"/>.</summary>
    private static void AssertIssue(CliResult result, string script, string code, string path, string message)
    {
        var prefix = $"{script}: {code} {path}: ";
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }
}

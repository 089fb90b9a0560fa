using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;

namespace Mediation.Api.Tests.Workflows;

/// <summary>The simulation script reader the API and the CLI share.</summary>
public sealed class SimulationScriptJsonTests
{
    [Fact]
    public void Parse_FullScript_ReadsFactsEventsAndUntil()
    {
        const string json = """
            {
              "facts": { "category": "neighbour", "claimedAmount": 1000.5, "partyCount": 3, "channel": "hotline", "tags": ["water-leak"],
                         "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00", "receivedAt": "2026-03-02T10:00:00Z" },
              "events": [
                { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
                { "event": "riskFlagged", "reason": "quarrel", "by": ["mediator"] },
                { "event": "extensionGranted", "after": "P20D", "extension": "P10D", "by": ["applicant", "respondent"] },
                { "event": "agreementReached", "after": "PT2H", "agreementForm": "written", "effectiveAt": null },
                { "event": "agreementTookEffect", "effectiveAt": "2026-04-07T16:00:00+08:00" }
              ],
              "until": "2026-06-01T00:00:00+08:00"
            }
            """;

        var result = SimulationScriptJson.Parse(json);

        Assert.Empty(result.Issues);
        var script = Assert.IsType<SimulationScript>(result.Script);
        Assert.Equal(("neighbour", 1000.5m, 3, "hotline"), (script.Facts.Category, script.Facts.ClaimedAmount, script.Facts.PartyCount, script.Facts.Channel));
        Assert.Equal(["water-leak"], script.Facts.Tags);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), script.Facts.ReceivedAt);
        Assert.Equal(
            [WorkflowEventType.TakenUp, WorkflowEventType.RiskFlagged, WorkflowEventType.ExtensionGranted, WorkflowEventType.AgreementReached, WorkflowEventType.AgreementTookEffect],
            script.Events.Select(e => e.Event.Type));
        Assert.Equal([Participant.Applicant, Participant.Respondent], script.Events[2].Event.By);
        Assert.Equal(WorkflowDuration.Parse("P10D"), script.Events[2].Event.Extension);
        Assert.Equal(WorkflowDuration.Parse("P20D"), script.Events[2].After);
        Assert.Equal(AgreementForm.Written, script.Events[3].Event.AgreementForm);
        Assert.Equal("quarrel", script.Events[1].Event.Reason);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(8)), script.Until);
    }

    [Fact]
    public void Parse_ShippedExample_HasNoIssues()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "workflows", "examples", "neighbour-dispute.simulation.json");
        if (!File.Exists(path))
        {
            return; // The CLI's example travels with the host once it is part of the workflows folder.
        }

        Assert.Empty(SimulationScriptJson.Parse(File.ReadAllText(path)).Issues);
    }

    [Fact]
    public void Parse_MinimalScript_UsesTheDefaults()
    {
        var result = SimulationScriptJson.Parse("""{ "facts": { "category": "debt", "location": "1503", "filedAt": "2026-01-05T08:00:00Z" }, "events": null }""");

        var script = Assert.IsType<SimulationScript>(result.Script);
        Assert.Equal((2, Channels.Online, (decimal?)null), (script.Facts.PartyCount, script.Facts.Channel, script.Facts.ClaimedAmount));
        Assert.Empty(script.Events);
        Assert.Null(script.Until);
    }

    [Theory]
    [InlineData("""{ "events": [] }""", "$.facts", "The member 'facts' is required.")]
    [InlineData("""{ "facts": { "category": "feud", "location": "1", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.category", "'feud' is not a valid value")]
    [InlineData("""{ "facts": { "category": "debt", "channel": "pigeon", "location": "1", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.channel", "'pigeon' is not a valid value")]
    [InlineData("""{ "facts": { "category": "debt", "claimedAmount": -1, "location": "1", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.claimedAmount", "not negative")]
    [InlineData("""{ "facts": { "category": "debt", "partyCount": 1.5, "location": "1", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.partyCount", "at least 1")]
    [InlineData("""{ "facts": { "category": "debt", "tags": ["a", 2], "location": "1", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.tags[1]", "Expected a string here.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "", "filedAt": "2026-01-05T08:00:00Z" } }""", "$.facts.location", "Must not be empty.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05" } }""", "$.facts.filedAt", "with an offset")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "until": 5 }""", "$.until", "with an offset")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": {} }""", "$.events", "Expected an array here.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "timerElapsed" } ] }""", "$.events[0].event", "fire by themselves")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "takenUp", "at": "2026-01-05T09:00:00Z", "after": "P1D" } ] }""", "$.events[0].after", "either 'at' or 'after'")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "takenUp", "after": "P1DT2H" } ] }""", "$.events[0].after", "The duration 'P1DT2H' is invalid")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "extensionGranted" } ] }""", "$.events[0].extension", "The member 'extension' is required.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "agreementTookEffect" } ] }""", "$.events[0].effectiveAt", "The member 'effectiveAt' is required.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "withdrawn", "by": ["cat"] } ] }""", "$.events[0].by[0]", "'cat' is not a valid value")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ { "event": "takenUp", "agreementForm": "oral" } ] }""", "$.events[0].agreementForm", "The event 'takenUp' does not take 'agreementForm'.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [ "takenUp" ] }""", "$.events[0]", "Expected an object here.")]
    [InlineData("""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "colour": "red" }""", "$.colour", "Unknown member 'colour'")]
    public void Parse_Mistake_IsReportedAtItsPath(string json, string path, string message)
    {
        var result = SimulationScriptJson.Parse(json);

        Assert.Null(result.Script);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("InvalidScript", path), (issue.Code, issue.Path));
        Assert.Contains(message, issue.Message.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message.ZhCn));
    }

    [Theory]
    [InlineData("{ \"facts\": ")]
    [InlineData("{ \"facts\": {}, \"facts\": {} }")]
    [InlineData("")]
    public void Parse_MalformedJson_IsOneInvalidJsonIssue(string json)
    {
        var result = SimulationScriptJson.Parse(json);

        Assert.Null(result.Script);
        Assert.Equal("InvalidJson", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsThemAll()
    {
        var result = SimulationScriptJson.Parse("""{ "facts": { "partyCount": 0 }, "events": [ { "event": "nope" }, { } ] }""");

        Assert.Equal(
            ["$.events[0].event", "$.events[1].event", "$.facts.category", "$.facts.filedAt", "$.facts.location", "$.facts.partyCount"],
            result.Issues.Select(i => i.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_TooManyEvents_IsAnError()
    {
        var events = string.Join(",", Enumerable.Repeat("""{ "event": "takenUp" }""", SimulationScriptJson.MaxEvents + 1));

        var result = SimulationScriptJson.Parse($$"""{ "facts": { "category": "debt", "location": "1", "filedAt": "2026-01-05T08:00:00Z" }, "events": [{{events}}] }""");

        Assert.Equal("$.events", Assert.Single(result.Issues).Path);
    }
}

using System.Net;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>Whole case lives through HTTP, with the clock moved and deadlines fired as the timers would fire them.</summary>
public sealed class CaseLifeTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>
    /// The loser of a take-up race lost the commit (concurrency token) or found the case already taken up (409) — or, when
    /// it was only read after the winner's commit, found it assigned to the winner (403).
    /// </summary>
    private static readonly string[] LosingCodes = ["ConcurrentChange", "EventNotPermitted", "ActionAlreadyTakenUp"];

    [Fact]
    public async Task NeighbourDispute_ResolvedInTheVillage_WrittenAgreementSignedByAll_PerformedAndClosed()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var filed = await host.DisputeAsync(id);
        Assert.Equal("village", filed.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("queued", filed.GetProperty("phase").GetString());

        var takenUp = await host.ActAsync(VillageMediator, id, "take-up");
        Assert.Equal("inMediation", takenUp.GetProperty("phase").GetString());
        Assert.Equal(await host.MediatorIdAsync(VillageMediator), takenUp.GetProperty("mediator").GetProperty("id").GetGuid());

        // The mediator and the committee sign and seal first: a proposal, not yet in force (Art. 29), so the case stays in mediation.
        await host.MoveToAsync(host.Now.AddDays(5));
        var proposed = await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null), ("seal", null)));
        Assert.Equal("village", proposed.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("inMediation", proposed.GetProperty("phase").GetString());
        Assert.DoesNotContain(Deadlines(proposed), d => d.Kind == "judicialConfirmation");
        Assert.Contains(Deadlines(proposed), d => d.Kind == "resolution");
        Assert.Empty((await host.OutcomesAsync(id)).EnumerateArray());
        var proposal = proposed.GetProperty("openProposal");
        Assert.Equal(["张伟", "王芳"], proposal.GetProperty("awaitingSignatures").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());

        await host.MoveToAsync(host.Now.AddHours(2));
        Assert.Equal("inMediation", (await host.ActAsync(Applicant, id, "confirm")).GetProperty("phase").GetString());
        await host.MoveToAsync(host.Now.AddHours(3));
        var lastSignature = host.Now;
        var inForce = await host.ActAsync(Respondent, id, "confirm");

        // Art. 29: in force at the last signature; Art. 33: 30 days for judicial confirmation from then.
        Assert.Equal("follow-up", inForce.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, inForce.GetProperty("openProposal").ValueKind);
        var window = Assert.Single(Deadlines(inForce), d => d.Kind == "judicialConfirmation");
        Assert.Equal(EndOfDay(lastSignature.AddDays(30)), window.DueAt);
        var agreement = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal(lastSignature, agreement.GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal(proposal.GetProperty("id").GetGuid(), agreement.GetProperty("proposalId").GetGuid());
        Assert.Equal(4, agreement.GetProperty("signatures").GetArrayLength());
        Assert.Contains("履行期限：2026-04-30", agreement.GetProperty("terms").GetString(), StringComparison.Ordinal);

        await host.MoveToAsync(host.Now.AddDays(10));
        await host.ActAsync(VillageMediator, id, "follow-up-visit", new { reason = "回访：已支付一半" });
        var closed = await host.ActAsync(VillageMediator, id, "performed", new { reason = "赔偿款已全部支付" });

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("closed", closed.GetProperty("step").GetProperty("id").GetString());
        var outcomes = (await host.OutcomesAsync(id, Applicant)).EnumerateArray().Select(o => o.GetProperty("kind").GetString()!).ToArray();
        Assert.Equal(["agreement", "closure"], outcomes);
        Assert.Equal(
            ["filed", "takenUp", "agreementProposed", "agreementSigned", "agreementSigned", "agreementReached", "followUpVisitDone", "performed"],
            (await host.TimelineEventsAsync(id)).Where(e => e != "timerElapsed").ToArray());
    }

    [Fact]
    public async Task NeighbourDispute_VillageMissesTakeUp_ResolvedAtTheTownship()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var takeUp = Assert.Single(Deadlines(await host.DisputeAsync(id)), d => d.Kind == "takeUp");
        Assert.Equal(EndOfDay(host.Now.AddDays(3)), takeUp.DueAt);

        // The reminder a day before only notifies; the case moves when the deadline itself passes.
        await host.MoveToAsync(takeUp.DueAt.AddSeconds(-1));
        Assert.Equal("village", (await host.DisputeAsync(id)).GetProperty("step").GetProperty("id").GetString());
        await host.MoveToAsync(takeUp.DueAt);

        var escalated = await host.DisputeAsync(id);
        Assert.Equal("township", escalated.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("queued", escalated.GetProperty("phase").GetString());
        Assert.Equal(await host.OrganisationIdAsync("150302001"), escalated.GetProperty("organisation").GetProperty("id").GetGuid());
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "deadline.reminder" && m.Audience == "Organisation");

        // The village still sees the case it held but can no longer act on it.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(VillageMediator, id, "take-up")).Status);

        var takenUp = await host.ActAsync(TownshipMediator, id, "take-up");
        Assert.Equal(await host.MediatorIdAsync(TownshipMediator), takenUp.GetProperty("mediator").GetProperty("id").GetGuid());
        await host.MoveToAsync(host.Now.AddDays(2));
        var agreed = await host.ActAsync(TownshipMediator, id, "oral-agreement", new { content = "被申请人当日停止夜间施工，申请人不再主张赔偿。" });
        Assert.Equal("follow-up", agreed.GetProperty("step").GetProperty("id").GetString());
        var closed = await host.ActAsync(TownshipMediator, id, "performed");
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        var oral = (await host.OutcomesAsync(id)).EnumerateArray().First();
        Assert.Equal("oral", oral.GetProperty("agreementForm").GetString());
        Assert.Equal("township", oral.GetProperty("stepId").GetString());
        Assert.Equal(
            ["filed", "takenUp", "agreementReached", "performed"],
            (await host.TimelineEventsAsync(id)).Where(e => e != "timerElapsed").ToArray());
        var timeline = await host.GetAsync("admin", $"/api/disputes/{id}/timeline");
        Assert.Single(timeline.EnumerateArray(), e => e.GetProperty("event").GetString() == "timerElapsed"
            && e.GetProperty("fromStep").GetString() == "village" && e.GetProperty("toStep").GetString() == "township");
    }

    [Fact]
    public async Task MedicalDispute_ConsentPauseForAppraisalResume_TimesOutAfter30WorkingDays_ReferredToLitigation()
    {
        // The worked example of docs/workflow-format.md: taken up Tuesday 10 February 2026 across the Spring Festival.
        await using var host = CaseLifeHost.StartingAt(new DateTimeOffset(2026, 2, 10, 9, 30, 0, Beijing));
        var id = await host.FileAsync("medical");
        var filed = await host.DisputeAsync(id);
        Assert.Equal("committee", filed.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("awaitingConsent", filed.GetProperty("phase").GetString());
        Assert.True(filed.GetProperty("closedMediation").GetBoolean());

        // Art. 31: the other side must consent. The applicant cannot consent for them.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(Applicant, id, "consent")).Status);
        Assert.Equal("queued", (await host.ActAsync(Respondent, id, "consent")).GetProperty("phase").GetString());
        var takenUp = await host.ActAsync(MedicalMediator, id, "take-up");
        var resolution = Assert.Single(Deadlines(takenUp), d => d.Kind == "resolution");
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, Beijing), resolution.DueAt);

        // Art. 38: appraisal time does not count. Paused on Monday 2 March with 20 working days left…
        await host.MoveToAsync(new DateTimeOffset(2026, 3, 2, 10, 0, 0, Beijing));
        var paused = await host.ActAsync(MedicalMediator, id, "pause", new { reason = "委托医疗损害鉴定" });
        Assert.Equal("paused", paused.GetProperty("phase").GetString());
        Assert.DoesNotContain(Deadlines(paused), d => d.Kind == "resolution");

        // …the old deadline passes while paused and nothing happens…
        await host.MoveToAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, Beijing));
        Assert.Equal("paused", (await host.DisputeAsync(id)).GetProperty("phase").GetString());

        // …resumed on Friday 20 March: twenty working days, Qingming 4–6 April off, end at 24:00 on Monday 20 April.
        var resumed = await host.ActAsync(MedicalMediator, id, "resume", new { reason = "鉴定意见书已送达" });
        var afterPause = Assert.Single(Deadlines(resumed), d => d.Kind == "resolution");
        Assert.Equal(new DateTimeOffset(2026, 4, 21, 0, 0, 0, Beijing), afterPause.DueAt);

        await host.MoveToAsync(afterPause.DueAt.AddMinutes(-1));
        Assert.Equal("committee", (await host.DisputeAsync(id)).GetProperty("step").GetProperty("id").GetString());
        await host.MoveToAsync(afterPause.DueAt);

        var referred = await host.DisputeAsync(id);
        Assert.Equal("referred-litigation", referred.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("closed", referred.GetProperty("status").GetString());
        var termination = Assert.Single((await host.OutcomesAsync(id, Applicant)).EnumerateArray());
        Assert.Equal("termination", termination.GetProperty("kind").GetString());
        Assert.Equal("timedOut", termination.GetProperty("terminationReason").GetString());
        Assert.True(termination.GetProperty("writtenBySystem").GetBoolean());
        Assert.Equal(["litigation", "administrative"], termination.GetProperty("remedies").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "mediation.terminated");
    }

    [Fact]
    public async Task LabourDispute_NoAgreement15DaysFromReceipt_SentToArbitration()
    {
        await using var host = new CaseLifeHost();
        var received = host.Now.AddDays(-5);
        var id = await host.FileAsync("labour", filer: LabourMediator, receivedAt: received);
        var takenUp = await host.ActAsync(LabourMediator, id, "take-up");

        // Art. 14 counts from receipt, not from filing or take-up: 15 days after 25 February end at 24:00 on 12 March.
        var resolution = Assert.Single(Deadlines(takenUp), d => d.Kind == "resolution");
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, Beijing), resolution.DueAt);
        Assert.Equal(EndOfDay(received.AddDays(15)), resolution.DueAt);

        await host.MoveToAsync(resolution.DueAt.AddSeconds(-1));
        Assert.Equal("inMediation", (await host.DisputeAsync(id)).GetProperty("phase").GetString());
        await host.MoveToAsync(resolution.DueAt);

        var referred = await host.DisputeAsync(id);
        Assert.Equal("referred-arbitration", referred.GetProperty("step").GetProperty("id").GetString());
        var termination = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal("timedOut", termination.GetProperty("terminationReason").GetString());
        Assert.Equal(["labourArbitration"], termination.GetProperty("remedies").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Agreement_OpensJudicialConfirmationWindow_ReminderBeforeAndClosingNotice()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var parties = await host.PartyIdsAsync(id);
        var signedAt = host.Now.AddHours(-1);
        var agreed = await host.ActAsync(VillageMediator, id, "agreement",
            Agreement((parties[0].ToString(), signedAt), (parties[1].ToString(), signedAt), ("mediator", signedAt), ("seal", host.Now)));

        // In force at once, at the last of the signatures and the seal.
        var window = Assert.Single(Deadlines(agreed), d => d.Kind == "judicialConfirmation");
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, Beijing), window.DueAt);
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "judicialConfirmation.open");
        await host.ActAsync(VillageMediator, id, "follow-up-visit");

        // Five days before it closes, the parties are reminded.
        var reminderAt = new DateTimeOffset(2026, 3, 28, 0, 0, 0, Beijing);
        await host.MoveToAsync(reminderAt.AddSeconds(-1));
        Assert.DoesNotContain(await host.OutboxAsync(id), m => m.Template == "deadline.reminder");
        await host.MoveToAsync(reminderAt);
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "deadline.reminder" && m.Audience == "AllParties");

        await host.MoveToAsync(window.DueAt);
        var outbox = await host.OutboxAsync(id);
        Assert.Single(outbox, m => m.Template == "judicialConfirmation.closed" && m.Audience == "AllParties");
        var after = await host.DisputeAsync(id);
        Assert.Equal("followUp", after.GetProperty("phase").GetString());
        Assert.DoesNotContain(Deadlines(after), d => d.Kind == "judicialConfirmation");
        var timeline = await host.GetAsync("admin", $"/api/disputes/{id}/timeline");
        Assert.Equal(2, timeline.EnumerateArray().Count(e => e.GetProperty("event").GetString() == "timerElapsed"));
        var record = Assert.Single(await host.DeadlinesAsync(id), d => d.Kind == Mediation.Workflows.Runtime.DeadlineKind.JudicialConfirmation);
        Assert.Equal(DeadlineStatus.Fired, record.Status);

        // A late or duplicate firing moves nothing.
        Assert.Equal(0, await host.FireDueAsync());
    }

    [Fact]
    public async Task TakeUp_TwoMediatorsAtOnce_ExactlyOneWins()
    {
        await using var host = new CaseLifeHost();
        var second = await host.AddMediatorAsync("mediator2-150302001001", Village);
        var id = await host.FileAsync();
        using var first = await host.ClientAsync(VillageMediator, "en");
        using var other = await host.ClientAsync("mediator2-150302001001", "en");

        var responses = await Task.WhenAll(
            first.PostAsync(new Uri($"/api/disputes/{id}/take-up", UriKind.Relative), null),
            other.PostAsync(new Uri($"/api/disputes/{id}/take-up", UriKind.Relative), null));
        try
        {
            var bodies = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
            Assert.True(
                responses.Count(r => r.StatusCode == HttpStatusCode.OK) == 1
                    && responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 1,
                string.Join(Environment.NewLine, bodies));
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await loser.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains(problem.GetProperty("code").GetString()!, LosingCodes);

            var winner = JsonDocument.Parse(await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync()).RootElement;
            var winnerId = winner.GetProperty("mediator").GetProperty("id").GetGuid();
            Assert.Contains(winnerId, new[] { await host.MediatorIdAsync(VillageMediator), second });
            var stored = await host.DbAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.Id == id));
            Assert.Equal(winnerId, stored.MediatorId);
            Assert.Single(await host.TimelineEventsAsync(id), e => e == "takenUp");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    /// <summary>A written agreement's body with the given signatures.</summary>
    internal static object Agreement(params (string Signer, DateTimeOffset? At)[] signatures) => new
    {
        facts = "申请人与被申请人系上下楼邻居，被申请人装修施工噪音持续至夜间。",
        mattersInDispute = "施工时间及噪音造成的损失。",
        responsibility = "被申请人未遵守装修时间规定，承担主要责任。",
        terms = "被申请人仅在工作日8:00至18:00施工，并赔偿申请人1500元。",
        performance = "银行转账一次性支付。",
        performBy = "2026-04-30",
        signatures = signatures.Select(s => new { signer = s.Signer, signedAt = s.At }).ToArray(),
    };

    internal static List<(string Kind, DateTimeOffset DueAt)> Deadlines(JsonElement dispute) =>
        [.. dispute.GetProperty("deadlines").EnumerateArray().Select(d => (d.GetProperty("kind").GetString()!, d.GetProperty("dueAt").GetDateTimeOffset()))];

    /// <summary>24:00 Beijing time at the end of the day <paramref name="instant"/> falls on.</summary>
    internal static DateTimeOffset EndOfDay(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Beijing);
        return new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, Beijing).AddDays(1);
    }
}

using System.Net;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.Actions.AgreementProposalTests;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>
/// 回避: a party has the mediator replaced (人民调解法 Art. 23(1), the parties choose or accept their mediator). The recused
/// mediator is recorded per dispute and excluded from assignment, from take-up and from acting as the case's mediator.
/// </summary>
public sealed class RecusalTests
{
    private const string SecondMediator = "mediator2-150302001001";
    private static readonly object Reason = new { reason = "说明理由" };

    [Fact]
    public async Task Recusal_ReplacesTheMediator_WhoCanNoLongerActOnTheCase_AndTheTimelineSaysWhoAskedAndWhy()
    {
        await using var host = new CaseLifeHost();
        var second = await host.AddMediatorAsync(SecondMediator, Village);
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var first = await host.MediatorIdAsync(VillageMediator);
        await host.ActAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(("mediator", null)));

        var replaced = await host.ActAsync(Applicant, id, "recusal", new { reason = "调解员与被申请人系亲属" });

        Assert.Equal(second, replaced.GetProperty("mediator").GetProperty("id").GetGuid());
        Assert.Equal("inMediation", replaced.GetProperty("phase").GetString());

        // The agreement the recused mediator drew up and signed cannot be put in force with their signature.
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("openProposal").ValueKind);
        Assert.Equal(ProposalStatus.Lapsed, await host.DbAsync(db => db.AgreementProposals.Where(p => p.DisputeId == id).Select(p => p.Status).SingleAsync()));
        var applicant = await UserIdAsync(host, Applicant);
        var entry = await host.DbAsync(db => db.Timeline.AsNoTracking().SingleAsync(t => t.DisputeId == id && t.Event == "recusal"));
        Assert.Equal(applicant, entry.ActorUserId);
        Assert.Equal("调解员与被申请人系亲属", entry.Reason);
        var details = JsonDocument.Parse(entry.Details!).RootElement;
        Assert.Equal(first, details.GetProperty("replaced").GetGuid());
        Assert.Equal("applicant", Assert.Single(details.GetProperty("requestedBy").EnumerateArray()).GetProperty("role").GetString());
        var recusal = await host.DbAsync(db => db.MediatorRecusals.AsNoTracking().SingleAsync(r => r.DisputeId == id));
        Assert.Equal(first, recusal.MediatorId);
        Assert.Equal(applicant, recusal.RequestedByUserId);
        Assert.Equal("调解员与被申请人系亲属", recusal.Reason);

        // The recused mediator is told why they cannot act, in the caller's language, and is offered nothing.
        var (status, problem) = await host.PostAsync(VillageMediator, id, "fail", Reason, "en");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("ActionMediatorRecused", problem.GetProperty("code").GetString());
        Assert.Contains("recusal", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, chinese) = await host.PostAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(), "zh-CN");
        Assert.Contains("回避", chinese.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var action in new[] { "flag-risk", "withdraw", "oral-agreement" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(VillageMediator, id, action, new { reason = "x", content = "x" })).Status);
        }

        Assert.Empty(Offered(await host.DisputeAsync(id, VillageMediator)));
        Assert.Contains("fail", Offered(await host.DisputeAsync(id, SecondMediator)));

        // Nobody left whom the parties have not recused: the case waits unassigned, and still neither may act on it.
        var unassigned = await host.ActAsync(Respondent, id, "recusal", new { reason = "调解员与申请人系同事" });
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("mediator").ValueKind);
        Assert.Equal(2, (await host.TimelineEventsAsync(id)).Count(e => e == "recusal"));
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "recusal", Reason)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(VillageMediator, id, "fail", Reason)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(SecondMediator, id, "fail", Reason)).Status);
        Assert.Equal("inMediation", (await host.DisputeAsync(id)).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task RecusedMediator_IsNeverAutoAssignedTheCaseAgain_NorTakesItUp()
    {
        await using var host = new CaseLifeHost();
        var mediators = new Dictionary<Guid, string>
        {
            [await host.MediatorIdAsync(VillageMediator)] = VillageMediator,
            [await host.AddMediatorAsync(SecondMediator, Village)] = SecondMediator,
        };
        await host.DbAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Code == Village)).AutoAssign = true;
            return await db.SaveChangesAsync();
        });
        var id = await host.FileAsync();
        var filed = await host.DisputeAsync(id);
        Assert.Equal("queued", filed.GetProperty("phase").GetString());
        var recused = mediators[filed.GetProperty("mediator").GetProperty("id").GetGuid()];

        var replaced = await host.ActAsync(Applicant, id, "recusal", new { reason = "调解员曾代理被申请人的案件" });
        var replacement = mediators[replaced.GetProperty("mediator").GetProperty("id").GetGuid()];
        Assert.NotEqual(recused, replacement);

        // The replacement declines; the workflow reassigns within the village, where only the recused mediator is left.
        var declined = await host.ActAsync(replacement, id, "decline", new { reason = "近期案件过多" });
        Assert.Equal("village", declined.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("queued", declined.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("mediator").ValueKind);

        var (status, problem) = await host.PostAsync(recused, id, "take-up", null, "en");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("recusal", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("take-up", Offered(await host.DisputeAsync(id, recused)));
        Assert.Contains("take-up", Offered(await host.DisputeAsync(id, replacement)));
    }

    private static Task<string> UserIdAsync(CaseLifeHost host, string userName) =>
        host.DbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}

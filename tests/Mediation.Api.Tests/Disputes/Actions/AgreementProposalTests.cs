using System.Net;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeTests;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>
/// A written agreement without every signature is a proposal (人民调解法 Art. 29: in force once every party has signed,
/// the mediator has signed and the committee has sealed it): the case stays in mediation until the last signature, a
/// party may reject it, and the mediator may propose again.
/// </summary>
public sealed class AgreementProposalTests
{
    [Fact]
    public async Task WrittenAgreement_WithoutEverySignature_IsAProposal_TheCaseStaysInMediation()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var takenUp = await host.ActAsync(VillageMediator, id, "take-up");
        Assert.Single(Deadlines(takenUp), d => d.Kind == "resolution");

        var proposed = await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null), ("seal", null)));

        // The workflow was not told: same step and phase, the resolution clock still runs, no window, no outcome record.
        Assert.Equal("village", proposed.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("inMediation", proposed.GetProperty("phase").GetString());
        Assert.Equal(Deadlines(takenUp), Deadlines(proposed));
        Assert.Empty((await host.OutcomesAsync(id)).EnumerateArray());
        var stored = await host.DbAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Null(stored.State.AgreementEffectiveAt);
        Assert.Equal("agreementProposed", (await host.TimelineEventsAsync(id))[^1]);
        var ready = Assert.Single(await host.OutboxAsync(id), m => m.Template == "agreement.ready");
        Assert.Equal("AllParties", ready.Audience);

        // The parties see what they are asked to sign, and who has signed so far.
        var seen = await host.DisputeAsync(id, Applicant);
        var proposal = seen.GetProperty("openProposal");
        Assert.Contains("赔偿申请人1500元", proposal.GetProperty("terms").GetString(), StringComparison.Ordinal);
        Assert.Equal(["mediator", "seal"], proposal.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("signer").GetString()!).ToArray());
        var parties = await host.PartyIdsAsync(id);
        Assert.Equal(
            parties.Select(p => p.ToString()).ToArray(),
            proposal.GetProperty("awaitingSignatures").EnumerateArray().Select(s => s.GetProperty("signer").GetString()!).ToArray());
        Assert.Contains("confirm", Offered(seen));
        Assert.Contains("reject-agreement", Offered(seen));
        Assert.DoesNotContain("confirm", Offered(await host.DisputeAsync(id, DistrictAdmin)));
    }

    [Fact]
    public async Task Confirm_APartySignsOnlyForThemselves_TheLastSignaturePutsItInForceAtItsTime()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var parties = await host.PartyIdsAsync(id);
        await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null), ("seal", null)));

        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(Applicant, id, "confirm", new { signer = parties[1].ToString() })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(Applicant, id, "confirm", new { signedAt = host.Now.AddHours(-1) })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(DistrictAdmin, id, "confirm")).Status);

        await host.MoveToAsync(host.Now.AddDays(1));
        var signed = await host.ActAsync(Respondent, id, "confirm");
        Assert.Equal("inMediation", signed.GetProperty("phase").GetString());
        Assert.DoesNotContain("confirm", Offered(await host.DisputeAsync(id, Respondent)));
        Assert.DoesNotContain("reject-agreement", Offered(await host.DisputeAsync(id, Respondent)));
        Assert.Contains("confirm", Offered(await host.DisputeAsync(id, Applicant)));
        var (twice, problem) = await host.PostAsync(Respondent, id, "confirm", null, "en");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("ActionAlreadySigned", problem.GetProperty("code").GetString());

        // Two days on, the mediator records the applicant's fingerprint on paper, made yesterday: in force then.
        var signedOnPaper = host.Now.AddDays(1);
        await host.MoveToAsync(host.Now.AddDays(2));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(VillageMediator, id, "confirm", new { signer = "stranger" })).Status);
        var inForce = await host.ActAsync(VillageMediator, id, "confirm", new { signer = parties[0].ToString(), signedAt = signedOnPaper });

        Assert.Equal("follow-up", inForce.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(EndOfDay(signedOnPaper.AddDays(30)), Assert.Single(Deadlines(inForce), d => d.Kind == "judicialConfirmation").DueAt);
        var agreement = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal(signedOnPaper, agreement.GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal("written", agreement.GetProperty("agreementForm").GetString());
        Assert.Equal(4, agreement.GetProperty("signatures").GetArrayLength());
        var author = await host.DbAsync(db => db.Outcomes.Where(o => o.DisputeId == id).Select(o => o.CreatedByUserId).SingleAsync());
        Assert.Equal(await host.DbAsync(db => db.Users.Where(u => u.UserName == VillageMediator).Select(u => u.Id).SingleAsync()), author);
        var proposal = await host.DbAsync(db => db.AgreementProposals.AsNoTracking().SingleAsync(p => p.DisputeId == id));
        Assert.Equal(ProposalStatus.Effective, proposal.Status);
        Assert.Equal(signedOnPaper, proposal.EffectiveAt);
        Assert.Equal(
            ["agreementProposed", "agreementSigned", "agreementSigned", "agreementReached"],
            (await host.TimelineEventsAsync(id)).SkipWhile(e => e != "agreementProposed").Where(e => e != "timerElapsed").ToArray());
    }

    [Fact]
    public async Task RejectAgreement_ByAPartyWhoHasNotSigned_KeepsTheCaseInMediation_ThenANewProposalIsSignedByAll()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "reject-agreement")).Status);
        await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null)));
        await host.ActAsync(Applicant, id, "confirm");

        // Having signed, the applicant cannot reject; the respondent, who has not, can.
        var (signedFirst, refusal) = await host.PostAsync(Applicant, id, "reject-agreement", null, "en");
        Assert.Equal(HttpStatusCode.Conflict, signedFirst);
        Assert.Equal("ActionSignedCannotReject", refusal.GetProperty("code").GetString());
        var rejected = await host.ActAsync(Respondent, id, "reject-agreement", new { reason = "赔偿金额过高" });

        Assert.Equal("village", rejected.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("inMediation", rejected.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("openProposal").ValueKind);
        Assert.DoesNotContain("confirm", Offered(rejected));
        Assert.Empty((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Contains("agreementRejected", await host.TimelineEventsAsync(id));
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "agreement.rejected" && m.Audience == "Mediator");
        var first = await host.DbAsync(db => db.AgreementProposals.AsNoTracking().SingleAsync(p => p.DisputeId == id));
        Assert.Equal(ProposalStatus.Rejected, first.Status);
        Assert.Equal("赔偿金额过高", first.RejectionReason);
        Assert.Equal(await host.DbAsync(db => db.Users.Where(u => u.UserName == Respondent).Select(u => u.Id).SingleAsync()), first.RejectedByUserId);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Respondent, id, "reject-agreement")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "confirm")).Status);

        // The mediator proposes again; signatures on the rejected text do not carry over.
        var again = await host.ActAsync(VillageMediator, id, "agreement", Agreement());
        Assert.Equal(4, again.GetProperty("openProposal").GetProperty("awaitingSignatures").GetArrayLength());
        await host.ActAsync(Applicant, id, "confirm");
        await host.ActAsync(Respondent, id, "confirm");
        await host.ActAsync(VillageMediator, id, "confirm", new { signer = "mediator" });
        var inForce = await host.ActAsync(VillageMediator, id, "confirm", new { signer = "seal" });

        Assert.Equal("followUp", inForce.GetProperty("phase").GetString());
        Assert.Contains(Deadlines(inForce), d => d.Kind == "judicialConfirmation");
        var agreement = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal(host.Now, agreement.GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal(again.GetProperty("openProposal").GetProperty("id").GetGuid(), agreement.GetProperty("proposalId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "reject-agreement")).Status);
    }

    [Fact]
    public async Task AProposal_IsReplacedByANewOne_AndLapsesWhenTheCaseLeavesMediation()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var first = (await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null)))).GetProperty("openProposal").GetProperty("id").GetGuid();
        await host.ActAsync(Applicant, id, "confirm");

        var second = (await host.ActAsync(VillageMediator, id, "agreement", Agreement(("mediator", null)))).GetProperty("openProposal");
        Assert.NotEqual(first, second.GetProperty("id").GetGuid());
        Assert.Equal(["mediator"], second.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("signer").GetString()!).ToArray());
        Assert.Contains("confirm", Offered(await host.DisputeAsync(id, Applicant)));

        var escalated = await host.ActAsync(Respondent, id, "escalate", new { reason = "希望由街道调解" });

        Assert.Equal("township", escalated.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, escalated.GetProperty("openProposal").ValueKind);
        var statuses = await host.DbAsync(db => db.AgreementProposals.AsNoTracking().Where(p => p.DisputeId == id).ToDictionaryAsync(p => p.Id, p => p.Status));
        Assert.Equal(ProposalStatus.Superseded, statuses[first]);
        Assert.Equal(ProposalStatus.Lapsed, statuses[second.GetProperty("id").GetGuid()]);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Respondent, id, "confirm")).Status);
    }

    [Fact]
    public async Task AgreementEffective_TheMediatorAttestsAPaperCopySignedByAllInPerson()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "agreement-effective")).Status);
        await host.ActAsync(VillageMediator, id, "agreement", Agreement());
        Assert.Contains("agreement-effective", Offered(await host.DisputeAsync(id, VillageMediator)));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(Applicant, id, "agreement-effective")).Status);

        var signedInPerson = host.Now.AddHours(-2);
        var inForce = await host.ActAsync(VillageMediator, id, "agreement-effective", new { effectiveAt = signedInPerson });

        Assert.Equal("followUp", inForce.GetProperty("phase").GetString());
        Assert.Equal(EndOfDay(signedInPerson.AddDays(30)), Assert.Single(Deadlines(inForce), d => d.Kind == "judicialConfirmation").DueAt);
        var agreement = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal(signedInPerson, agreement.GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.All(agreement.GetProperty("signatures").EnumerateArray(), s => Assert.Equal(signedInPerson, s.GetProperty("signedAt").GetDateTimeOffset()));
        Assert.Equal(["agreementAttested", "agreementReached"], (await host.TimelineEventsAsync(id)).TakeLast(2).ToArray());
        Assert.DoesNotContain("agreement-effective", Offered(inForce));
    }

    internal static string[] Offered(JsonElement dispute) =>
        [.. dispute.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString()!)];
}

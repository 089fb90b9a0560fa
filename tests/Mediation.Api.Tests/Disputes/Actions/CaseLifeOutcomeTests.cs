using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>Outcome records, their corrections, signing and rejecting agreements, and recusal.</summary>
public sealed class CaseLifeOutcomeTests
{
    [Fact]
    public async Task Correction_OfATerminationRecord_WritesANewRecord_AndKeepsTheOriginalUnchanged()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var failed = await host.ActAsync(VillageMediator, id, "fail", new { reason = "双方分歧过大" });

        // Art. 26: the failed village mediation is terminated with the remedies even though the case goes on.
        Assert.Equal("township", failed.GetProperty("step").GetProperty("id").GetString());
        var original = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());
        Assert.Equal("termination", original.GetProperty("kind").GetString());
        Assert.Equal("failed", original.GetProperty("terminationReason").GetString());
        Assert.Equal(["arbitration", "administrative", "litigation"], original.GetProperty("remedies").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var originalId = original.GetProperty("id").GetGuid();

        await host.MoveToAsync(host.Now.AddHours(1));
        var url = $"/api/disputes/{id}/outcomes/{originalId}/corrections";
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(host, Applicant, url, new { note = "x", reason = "y" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(host, VillageMediator, url, new { note = "更正" })).Status);
        var (created, correction) = await PostAsync(host, VillageMediator, url, new { note = "更正终止理由的表述", reason = "双方对赔偿数额分歧过大，无法达成一致" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(originalId, correction.GetProperty("supersedesId").GetGuid());

        var records = (await host.OutcomesAsync(id)).EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        var kept = records.Single(r => r.GetProperty("id").GetGuid() == originalId);
        Assert.Equal(correction.GetProperty("id").GetGuid(), kept.GetProperty("supersededById").GetGuid());
        foreach (var field in new[] { "kind", "stepId", "createdAt", "reason", "terminationReason", "remedies", "facts", "terms" })
        {
            Assert.Equal(original.GetProperty(field).ToString(), kept.GetProperty(field).ToString());
        }

        var corrected = records.Single(r => r.GetProperty("id").GetGuid() != originalId);
        Assert.Equal("双方对赔偿数额分歧过大，无法达成一致", corrected.GetProperty("reason").GetString());
        Assert.Equal(original.GetProperty("remedies").ToString(), corrected.GetProperty("remedies").ToString());

        // Only the newest record of a chain is corrected.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(host, VillageMediator, url, new { note = "再次更正", reason = "z" })).Status);
        Assert.Contains("outcomeCorrected", await host.TimelineEventsAsync(id));
    }

    [Fact]
    public async Task RejectAgreement_ByAParty_IsRecorded_ThenACorrectedProposalIsSignedByAll()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        await host.ActAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(("mediator", null)));
        var proposal = Assert.Single((await host.OutcomesAsync(id)).EnumerateArray());

        var rejected = await host.ActAsync(Respondent, id, "reject-agreement", new { reason = "赔偿金额过高" });

        Assert.Equal("followUp", rejected.GetProperty("phase").GetString());
        Assert.Contains("agreementRejected", await host.TimelineEventsAsync(id));
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "agreement.rejected" && m.Audience == "Mediator");

        // The mediator amends the terms: a new proposal that everyone signs again.
        var (created, amended) = await PostAsync(host, VillageMediator, $"/api/disputes/{id}/outcomes/{proposal.GetProperty("id").GetGuid()}/corrections",
            new { note = "调整赔偿金额", agreement = CaseLifeTests.Agreement() });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(0, amended.GetProperty("signatures").GetArrayLength());
        Assert.Equal(4, amended.GetProperty("awaitingSignatures").GetArrayLength());

        var parties = await host.PartyIdsAsync(id);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(Applicant, id, "confirm", new { signer = parties[1].ToString() })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(DistrictAdmin, id, "confirm")).Status);
        await host.ActAsync(Applicant, id, "confirm");
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "confirm")).Status);
        await host.ActAsync(Respondent, id, "confirm");
        await host.ActAsync(VillageMediator, id, "confirm", new { signer = "mediator" });
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(VillageMediator, id, "confirm", new { signer = "stranger" })).Status);
        var inForce = await host.ActAsync(VillageMediator, id, "confirm", new { signer = "seal" });

        Assert.Contains(CaseLifeTests.Deadlines(inForce), d => d.Kind == "judicialConfirmation");
        var records = (await host.OutcomesAsync(id)).EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, records[0].GetProperty("effectiveAt").ValueKind);
        Assert.Equal(1, records[0].GetProperty("signatures").GetArrayLength());
        Assert.Equal(host.Now, records[1].GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "reject-agreement")).Status);
    }

    [Fact]
    public async Task Recusal_ReplacesTheMediatorWithAnotherOfTheOrganisation_OrLeavesItUnassigned()
    {
        await using var host = new CaseLifeHost();
        var second = await host.AddMediatorAsync("mediator2-150302001001", Village);
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");

        var replaced = await host.ActAsync(Applicant, id, "recusal", new { reason = "调解员与被申请人系亲属" });

        Assert.Equal(second, replaced.GetProperty("mediator").GetProperty("id").GetGuid());
        Assert.Equal("inMediation", replaced.GetProperty("phase").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(VillageMediator, id, "fail", new { reason = "x" })).Status);

        // Nobody left who was not recused: the organisation must assign someone.
        var unassigned = await host.ActAsync(Respondent, id, "recusal", new { reason = "调解员与申请人系同事" });
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("mediator").ValueKind);
        Assert.Equal(2, (await host.TimelineEventsAsync(id)).Count(e => e == "recusal"));
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "recusal", new { reason = "x" })).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(CaseLifeHost host, string user, string url, object body)
    {
        using var client = await host.ClientAsync(user);
        using var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

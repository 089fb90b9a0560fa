using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>Outcome records and their corrections (proposals: <see cref="AgreementProposalTests"/>; recusal: <see cref="RecusalTests"/>).</summary>
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

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(CaseLifeHost host, string user, string url, object body)
    {
        using var client = await host.ClientAsync(user);
        using var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.FilingTestData;

namespace Mediation.Api.Tests.Disputes;

public sealed partial class FilingTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    [Fact]
    public async Task Resident_filing_lands_in_the_village_queue_with_a_live_take_up_deadline()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        using var response = await FileAsync(resident, Body());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = view.GetProperty("id").GetString();
        Assert.Equal($"/api/disputes/{id}", response.Headers.Location?.OriginalString);
        Assert.Matches(ReferencePattern(), view.GetProperty("reference").GetString());
        Assert.Equal("general-civil", view.GetProperty("workflow").GetProperty("key").GetString());
        Assert.Equal("village", view.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("村（社区）调解", view.GetProperty("step").GetProperty("name").GetProperty("zh-CN").GetString());
        Assert.Equal("queued", view.GetProperty("phase").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal(Village, view.GetProperty("organisation").GetProperty("code").GetString());
        Assert.Equal(Village, view.GetProperty("location").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("location").GetProperty("district").GetString()));
        Assert.Equal("online", view.GetProperty("channel").GetString());
        var next = view.GetProperty("nextDeadline");
        Assert.Equal("takeUp", next.GetProperty("kind").GetString());
        Assert.False(next.GetProperty("overdue").GetBoolean());
        Assert.True(next.GetProperty("daysLeft").GetInt32() >= 2);
        Assert.Contains(view.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "resolution" || d.GetProperty("kind").GetString() == "takeUp");
        Assert.Equal(2, view.GetProperty("parties").GetArrayLength());
        Assert.DoesNotContain(view.GetProperty("permittedActions").EnumerateArray(), a => a.GetString() == "take-up");

        var timeline = await GetJsonAsync(resident, $"/api/disputes/{id}/timeline");
        var filed = Assert.Single(timeline.EnumerateArray());
        Assert.Equal("filed", filed.GetProperty("event").GetString());
        Assert.Equal("resident", filed.GetProperty("actorRole").GetString());
        Assert.Equal("village", filed.GetProperty("toStep").GetString());
        Assert.Equal("queued", filed.GetProperty("toPhase").GetString());

        using var mediator = await factory.CreateClientForAsync("mediator-150302001001");
        var queued = await GetJsonAsync(mediator, $"/api/disputes/{id}");
        Assert.Contains(queued.GetProperty("permittedActions").EnumerateArray(), a => a.GetString() == "take-up");

        var stored = await WithDbAsync(factory, db => db.Disputes.Include(d => d.Parties).SingleAsync(d => d.Id == Guid.Parse(id!)));
        var userId = await WithDbAsync(factory, db => db.Users.Where(u => u.UserName == "resident1").Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, stored.FiledByUserId);
        Assert.Equal(userId, stored.Parties.Single(p => p.Role == PartyRole.Applicant).UserId);
        Assert.Null(stored.Parties.Single(p => p.Role == PartyRole.Respondent).UserId);
        Assert.Equal("13812345678", stored.Parties.Single(p => p.Role == PartyRole.Applicant).Phone);
    }

    [Fact]
    public async Task Medical_filing_goes_to_the_medical_committee_awaiting_consent_and_is_closed()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var body = Body("medical");
        body["closedMediation"] = false;
        var view = await FileOkAsync(resident, body);

        Assert.Equal("medical", view.GetProperty("workflow").GetProperty("key").GetString());
        Assert.Equal("committee", view.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("awaitingConsent", view.GetProperty("phase").GetString());
        Assert.Equal("MED-1503", view.GetProperty("organisation").GetProperty("code").GetString());
        Assert.True(view.GetProperty("closedMediation").GetBoolean());
        var next = view.GetProperty("nextDeadline");
        Assert.Equal("consent", next.GetProperty("kind").GetString());
        Assert.InRange(next.GetProperty("workingDaysLeft").GetInt32(), 1, 5);
        Assert.Equal(JsonValueKind.Null, next.GetProperty("daysLeft").ValueKind);
    }

    [Fact]
    public async Task Labour_filing_goes_to_the_labour_body()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var view = await FileOkAsync(resident, Body("labour"));

        Assert.Equal("labour", view.GetProperty("workflow").GetProperty("key").GetString());
        Assert.Equal("labour-mediation", view.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("LAB-1503", view.GetProperty("organisation").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Large_claim_starts_at_the_township()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var view = await FileOkAsync(resident, Body(claimedAmount: 50_000m));

        Assert.Equal("township", view.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(Township, view.GetProperty("organisation").GetProperty("code").GetString());
        Assert.Equal(50_000m, view.GetProperty("claimedAmount").GetDecimal());
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_same_dispute_and_files_once()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var body = Body();
        var key = Guid.NewGuid().ToString("N");

        using var first = await FileAsync(resident, body, key);
        using var second = await FileAsync(resident, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(firstId, secondId);
        var description = body["description"]!.GetValue<string>();
        Assert.Equal(1, await WithDbAsync(factory, db => db.Disputes.CountAsync(d => d.Description == description)));
    }

    [Fact]
    public async Task Concurrent_retries_with_the_same_key_file_once()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var body = Body();
        var key = Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(FileAsync(resident, body, key), FileAsync(resident, body, key), FileAsync(resident, body, key));
        try
        {
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            var ids = new HashSet<string?>();
            foreach (var response in responses)
            {
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
            }

            Assert.Single(ids);
            var description = body["description"]!.GetValue<string>();
            Assert.Equal(1, await WithDbAsync(factory, db => db.Disputes.CountAsync(d => d.Description == description)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Concurrent_filings_get_distinct_consecutive_references()
    {
        using var resident = await factory.CreateClientForAsync("resident2");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => FileAsync(resident, Body())));
        var references = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                references.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
            }
        }

        Assert.Equal(references.Count, references.Distinct().Count());
        var numbers = references.Select(r => int.Parse(r[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers[0] + numbers.Count - 1, numbers[^1]);
    }

    [Theory]
    [InlineData("en", "already used for another filing")]
    [InlineData("zh-CN", "已用于另一份")]
    public async Task The_same_key_with_a_different_body_is_refused_with_422_and_files_nothing(string language, string expected)
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var key = Guid.NewGuid().ToString("N");
        var first = Body();
        var other = Body();
        using var created = await FileAsync(resident, first, key);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var reused = await FileAsync(resident, other, key, language);
        var problem = await reused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("IdempotencyKeyReused", problem.GetProperty("code").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var description = other["description"]!.GetValue<string>();
        Assert.Equal(0, await WithDbAsync(factory, db => db.Disputes.CountAsync(d => d.Description == description)));

        // The original filing is still answered for its own body.
        using var retried = await FileAsync(resident, first, key);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_retry_of_the_same_filing_formatted_differently_returns_the_same_dispute()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var key = Guid.NewGuid().ToString("N");
        var body = Body();
        using var created = await FileAsync(resident, body, key);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // The same members in another order, indented, with an explicit null: the same filing.
        var reordered = new System.Text.Json.Nodes.JsonObject(body.AsObject().Reverse().Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
        reordered["receivedAt"] = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes")
        {
            Content = new StringContent(reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var retried = await resident.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(id, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var fingerprint = await WithDbAsync(factory, db => db.IdempotencyKeys.Where(k => k.Key == key).Select(k => k.RequestSha256).SingleAsync());
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public async Task The_same_key_from_another_user_files_a_new_dispute()
    {
        using var resident1 = await factory.CreateClientForAsync("resident1");
        using var resident2 = await factory.CreateClientForAsync("resident2");
        var key = Guid.NewGuid().ToString("N");

        var first = await (await FileAsync(resident1, Body(), key)).Content.ReadFromJsonAsync<JsonElement>();
        using var second = await FileAsync(resident2, Body(), key);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.GetProperty("id").GetString(), (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Residents_must_send_an_idempotency_key()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        using var response = await FileAsync(resident, Body(), idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await response.Content.ReadFromJsonAsync<JsonElement>()).ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task Staff_file_a_hotline_case_for_a_resident_without_linking_an_account()
    {
        using var staff = await factory.CreateClientForAsync("mediator-150302001001");
        var body = Body();
        body["channel"] = "hotline";
        body["receivedAt"] = TimeProvider.System.GetUtcNow().AddHours(-2);
        using var response = await FileAsync(staff, body, idempotencyKey: null);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("hotline", view.GetProperty("channel").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("receivedAt").ValueKind);
        Assert.All(view.GetProperty("parties").EnumerateArray(), p => Assert.False(p.GetProperty("hasAccount").GetBoolean()));
        var id = Guid.Parse(view.GetProperty("id").GetString()!);
        Assert.Null(await WithDbAsync(factory, db => db.Disputes.Where(d => d.Id == id).Select(d => d.FiledByUserId).SingleAsync()));

        var timeline = await GetJsonAsync(staff, $"/api/disputes/{id}/timeline");
        Assert.Equal("mediator", timeline[0].GetProperty("actorRole").GetString());
    }

    [Fact]
    public async Task Residents_file_online_only_and_cannot_set_the_receipt_time()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var body = Body();
        body["channel"] = "hotline";
        body["receivedAt"] = TimeProvider.System.GetUtcNow().AddDays(-1);
        using var response = await FileAsync(resident, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.True(errors.ContainsKey("channel"));
        Assert.True(errors.ContainsKey("receivedAt"));
    }

    [Fact]
    public async Task Filing_needs_a_signed_in_user()
    {
        using var anonymous = factory.CreateClient();
        using var response = await FileAsync(anonymous, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [GeneratedRegex(@"^MT-20\d{2}-\d{6}$")]
    private static partial Regex ReferencePattern();
}

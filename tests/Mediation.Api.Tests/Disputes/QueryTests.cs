using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Disputes.Contracts;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.FilingTestData;

namespace Mediation.Api.Tests.Disputes;

/// <summary>Who sees which disputes, the list's filters, ordering and paging, and masking. One factory of its own, so counts are exact.</summary>
public sealed class QueryTests(QueryTests.Fixture fixture) : IClassFixture<QueryTests.Fixture>
{
    [Fact]
    public async Task Residents_see_only_their_own_disputes()
    {
        using var resident2 = await fixture.Factory.CreateClientForAsync("resident2");

        using var foreign = await resident2.GetAsync($"/api/disputes/{fixture.Neighbour}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        using var foreignTimeline = await resident2.GetAsync($"/api/disputes/{fixture.Neighbour}/timeline");
        Assert.Equal(HttpStatusCode.NotFound, foreignTimeline.StatusCode);

        var list = await GetJsonAsync(resident2, "/api/disputes");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(fixture.Resident2Dispute, list.GetProperty("items")[0].GetProperty("id").GetGuid());

        using var resident1 = await fixture.Factory.CreateClientForAsync("resident1");
        var own = await GetJsonAsync(resident1, "/api/disputes?pageSize=100");
        Assert.Equal(fixture.Resident1Disputes.Count, own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_ids_read_as_not_found()
    {
        using var admin = await fixture.Factory.CreateClientForAsync("admin");
        using var response = await admin.GetAsync($"/api/disputes/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("mediator-150302001001", true)]
    [InlineData("mediator-150302001002", false)]
    [InlineData("mediator-150302002001", false)]
    [InlineData("mediator-medical", false)]
    [InlineData("orgadmin-150302", true)]
    [InlineData("orgadmin-150303", false)]
    [InlineData("admin", true)]
    public async Task Staff_see_the_disputes_of_their_organisation_or_area(string userName, bool sees)
    {
        using var client = await fixture.Factory.CreateClientForAsync(userName);

        using var response = await client.GetAsync($"/api/disputes/{fixture.Neighbour}");
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        var list = await GetJsonAsync(client, "/api/disputes?pageSize=100");
        Assert.Equal(sees, list.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("id").GetGuid() == fixture.Neighbour));
    }

    [Fact]
    public async Task Phones_and_id_numbers_are_masked_in_views_and_lists()
    {
        using var mediator = await fixture.Factory.CreateClientForAsync("mediator-150302001001");

        using var response = await mediator.GetAsync($"/api/disputes/{fixture.Neighbour}");
        var raw = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(raw).RootElement;
        var applicant = view.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "applicant");
        Assert.Equal("138****5678", applicant.GetProperty("phone").GetString());
        Assert.Equal("150302********1234", applicant.GetProperty("idNumber").GetString());
        Assert.True(applicant.GetProperty("hasAccount").GetBoolean());
        var respondent = view.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "respondent");
        Assert.Equal("139****4321", respondent.GetProperty("phone").GetString());
        Assert.Equal("110105********002X", respondent.GetProperty("idNumber").GetString());
        Assert.DoesNotContain("13812345678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidIdNumber, raw, StringComparison.Ordinal);

        var list = await mediator.GetStringAsync("/api/disputes?pageSize=100");
        Assert.DoesNotContain("13812345678", list, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidIdNumber, list, StringComparison.Ordinal);
    }

    [Fact]
    public void Masking_keeps_only_what_identifies_the_value()
    {
        Assert.Equal("138****5678", PersonalData.MaskPhone("13812345678"));
        Assert.Equal("150302********1234", PersonalData.MaskIdNumber("150302198503141234"));
        Assert.Equal("****", PersonalData.MaskPhone("1234"));
        Assert.Null(PersonalData.MaskIdNumber(null));
    }

    [Fact]
    public async Task Pages_carry_the_total_and_never_overlap()
    {
        using var resident1 = await fixture.Factory.CreateClientForAsync("resident1");

        var first = await GetJsonAsync(resident1, "/api/disputes?page=1&pageSize=2");
        var second = await GetJsonAsync(resident1, "/api/disputes?page=2&pageSize=2");
        var beyond = await GetJsonAsync(resident1, "/api/disputes?page=50&pageSize=2");

        Assert.Equal(fixture.Resident1Disputes.Count, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("status=pending", "status")]
    public async Task Bad_query_values_are_400_at_their_field(string query, string field)
    {
        using var admin = await fixture.Factory.CreateClientForAsync("admin");
        using var response = await admin.GetAsync($"/api/disputes?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await response.Content.ReadFromJsonAsync<JsonElement>()).ContainsKey(field));
    }

    [Fact]
    public async Task A_malformed_organisation_id_is_a_400()
    {
        using var admin = await fixture.Factory.CreateClientForAsync("admin");
        using var response = await admin.GetAsync("/api/disputes?organisationId=not-a-guid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Filters_by_category_step_status_organisation_and_text()
    {
        using var admin = await fixture.Factory.CreateClientForAsync("admin");

        var medical = await GetJsonAsync(admin, "/api/disputes?category=medical");
        Assert.Equal(fixture.Medical, Assert.Single(medical.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var township = await GetJsonAsync(admin, "/api/disputes?step=township");
        Assert.Equal(fixture.LargeClaim, Assert.Single(township.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        Assert.Equal(0, (await GetJsonAsync(admin, "/api/disputes?status=closed")).GetProperty("total").GetInt32());
        Assert.Equal(fixture.All.Count, (await GetJsonAsync(admin, "/api/disputes?status=open&pageSize=100")).GetProperty("total").GetInt32());

        var village = await GetJsonAsync(admin, $"/api/disputes/{fixture.Neighbour}");
        var organisationId = village.GetProperty("organisation").GetProperty("id").GetGuid();
        var byOrganisation = await GetJsonAsync(admin, $"/api/disputes?organisationId={organisationId}&pageSize=100");
        Assert.All(byOrganisation.GetProperty("items").EnumerateArray(), d => Assert.Equal(organisationId, d.GetProperty("organisation").GetProperty("id").GetGuid()));
        Assert.Contains(byOrganisation.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == fixture.Neighbour);

        var reference = village.GetProperty("reference").GetString();
        var byReference = await GetJsonAsync(admin, $"/api/disputes?q={reference}");
        Assert.Equal(fixture.Neighbour, Assert.Single(byReference.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var byDescription = await GetJsonAsync(admin, $"/api/disputes?q={Uri.EscapeDataString("宠物狗")}");
        Assert.Equal(fixture.Resident2Dispute, Assert.Single(byDescription.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Overdue_disputes_come_first_and_can_be_filtered()
    {
        using var admin = await fixture.Factory.CreateClientForAsync("admin");
        await fixture.MakeOverdueAsync(fixture.LargeClaim);

        var overdue = await GetJsonAsync(admin, "/api/disputes?overdue=true");
        Assert.Equal(fixture.LargeClaim, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var notOverdue = await GetJsonAsync(admin, "/api/disputes?overdue=false&pageSize=100");
        Assert.Equal(fixture.All.Count - 1, notOverdue.GetProperty("total").GetInt32());

        var all = await GetJsonAsync(admin, "/api/disputes?pageSize=100");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(fixture.LargeClaim, items[0].GetProperty("id").GetGuid());
        var dueTimes = items.Skip(1)
            .Select(d => d.GetProperty("nextDeadline"))
            .Where(n => n.ValueKind != JsonValueKind.Null)
            .Select(n => n.GetProperty("dueAt").GetDateTimeOffset())
            .ToList();
        Assert.Equal(dueTimes.Order(), dueTimes);
    }

    [Fact]
    public async Task The_timeline_lists_entries_in_order()
    {
        using var resident1 = await fixture.Factory.CreateClientForAsync("resident1");

        var timeline = await GetJsonAsync(resident1, $"/api/disputes/{fixture.Medical}/timeline");

        var entry = Assert.Single(timeline.EnumerateArray());
        Assert.Equal("filed", entry.GetProperty("event").GetString());
        Assert.Equal("", entry.GetProperty("fromStep").GetString());
        Assert.Equal("committee", entry.GetProperty("toStep").GetString());
        Assert.Equal("awaitingConsent", entry.GetProperty("toPhase").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_dispute_endpoints_in_both_languages()
    {
        using var client = fixture.Factory.CreateClient();
        var document = await GetJsonAsync(client, "/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");

        var file = paths.GetProperty("/api/disputes").GetProperty("post");
        Assert.Equal("File a dispute / 提交纠纷申请", file.GetProperty("summary").GetString());
        Assert.True(file.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/api/disputes/{id}/attachments").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        foreach (var path in new[] { "/api/disputes/{id}", "/api/disputes/{id}/timeline", "/api/disputes/{id}/attachments/{attachmentId}" })
        {
            Assert.Contains(" / ", paths.GetProperty(path).GetProperty("get").GetProperty("summary").GetString(), StringComparison.Ordinal);
        }

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("FileDisputeRequest").GetProperty("properties");
        Assert.Equal("150302001001", schema.GetProperty("locationCode").GetProperty("example").GetString());
    }

    /// <summary>A factory with a known set of disputes: four by resident1, one by resident2.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public MediationApiFactory Factory { get; } = new();

        public Guid Neighbour { get; private set; }

        public Guid Medical { get; private set; }

        public Guid LargeClaim { get; private set; }

        public Guid Labour { get; private set; }

        public Guid Resident2Dispute { get; private set; }

        public List<Guid> Resident1Disputes => [Neighbour, Medical, LargeClaim, Labour];

        public List<Guid> All => [.. Resident1Disputes, Resident2Dispute];

        public async Task InitializeAsync()
        {
            using var resident1 = await Factory.CreateClientForAsync("resident1");
            Neighbour = await FileAsync(resident1, Body());
            Medical = await FileAsync(resident1, Body("medical"));
            LargeClaim = await FileAsync(resident1, Body(claimedAmount: 80_000m));
            Labour = await FileAsync(resident1, Body("labour"));
            using var resident2 = await Factory.CreateClientForAsync("resident2");
            var body = Body(location: OtherVillage, description: "邻居家宠物狗夜间吠叫");
            body["applicant"]!["name"] = "李娜";
            Resident2Dispute = await FileAsync(resident2, body);
        }

        public async Task MakeOverdueAsync(Guid id)
        {
            var past = TimeProvider.System.GetUtcNow().AddDays(-2).ToOffset(TimeSpan.FromHours(8));
            await WithDbAsync(Factory, db => db.Disputes.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextDeadlineAt, past)));
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        private static async Task<Guid> FileAsync(HttpClient client, System.Text.Json.Nodes.JsonNode body) =>
            (await FileOkAsync(client, body)).GetProperty("id").GetGuid();
    }
}

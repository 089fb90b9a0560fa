using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Mediation.Api.Tests.Disputes.FilingTestData;

namespace Mediation.Api.Tests.Disputes;

public sealed class FilingValidationTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    [Theory]
    [InlineData("zh-CN", "手机号码")]
    [InlineData("en", "mobile")]
    public async Task A_bad_phone_is_reported_at_its_field_in_the_callers_language(string language, string expected)
    {
        var body = Body();
        body["respondents"]![0]!["phone"] = "1234567";

        var errors = await InvalidAsync(body, language);

        Assert.Contains(expected, Assert.Single(errors["respondents[0].phone"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "校验位")]
    [InlineData("en", "check digit")]
    public async Task An_id_number_with_a_wrong_check_digit_is_rejected(string language, string expected)
    {
        var body = Body();
        body["applicant"]!["idNumber"] = "150302198503141235";

        var errors = await InvalidAsync(body, language);

        Assert.Contains(expected, Assert.Single(errors["applicant.idNumber"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_number_of_the_wrong_shape_is_rejected()
    {
        var body = Body();
        body["applicant"]!["idNumber"] = "15030219851314123X";

        var errors = await InvalidAsync(body, "en");

        Assert.Contains("18 characters", Assert.Single(errors["applicant.idNumber"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_case_x_check_character_is_accepted_and_stored_upper_case()
    {
        using var client = await factory.CreateClientForAsync("resident1");
        var body = Body();
        body["respondents"]![0]!["idNumber"] = OtherValidIdNumber.ToLowerInvariant();

        var view = await FileOkAsync(client, body);

        var id = Guid.Parse(view.GetProperty("id").GetString()!);
        var stored = await WithDbAsync(factory, db => Task.FromResult(db.Parties.Where(p => p.DisputeId == id).Select(p => p.IdNumber).ToList()));
        Assert.Contains(OtherValidIdNumber, stored);
    }

    [Theory]
    [InlineData("zh-CN", "未知的纠纷类型")]
    [InlineData("en", "Unknown dispute category")]
    public async Task An_unknown_category_is_rejected(string language, string expected)
    {
        var errors = await InvalidAsync(Body(category: "piracy"), language);

        Assert.StartsWith(expected, Assert.Single(errors["category"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "权利义务告知书")]
    [InlineData("en", "rights and duties")]
    public async Task Filing_needs_consent_to_the_notice_of_rights_and_duties(string language, string expected)
    {
        var missing = Body();
        missing.Remove("consentToNotice");
        var refused = Body();
        refused["consentToNotice"] = false;

        Assert.Contains(expected, Assert.Single((await InvalidAsync(missing, language))["consentToNotice"]), StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Single((await InvalidAsync(refused, language))["consentToNotice"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150302001999")]
    [InlineData("150302001")]
    [InlineData("MED-1503")]
    public async Task The_location_must_be_an_existing_village_or_community(string location)
    {
        var errors = await InvalidAsync(Body(location: location), "en");

        Assert.Contains(location, Assert.Single(errors["locationCode"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var body = new JsonObject { ["respondents"] = new JsonArray(new JsonObject()), ["tags"] = new JsonArray(" ") };

        var errors = await InvalidAsync(body, "zh-CN");

        foreach (var field in new[] { "category", "description", "request", "locationCode", "applicant", "respondents[0].name", "tags[0]", "consentToNotice" })
        {
            Assert.True(errors.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task A_negative_amount_and_an_unknown_channel_are_rejected()
    {
        var body = Body();
        body["claimedAmount"] = -1;
        body["channel"] = "carrierPigeon";

        var errors = await InvalidAsync(body, "en");

        Assert.True(errors.ContainsKey("claimedAmount"));
        Assert.StartsWith("Unknown channel", Assert.Single(errors["channel"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claimedAmount", "\"lots\"")]
    [InlineData("consentToNotice", "\"yes\"")]
    [InlineData("respondents[0].name", "42")]
    [InlineData("receivedAt", "\"yesterday\"")]
    public async Task A_value_of_the_wrong_type_is_a_400_at_its_field(string field, string value)
    {
        var json = field switch
        {
            "respondents[0].name" => $$"""{"category":"neighbour","respondents":[{"name":{{value}}}]}""",
            _ => $$"""{"category":"neighbour","{{field}}":{{value}}}""",
        };

        var (status, problem) = await PostRawAsync(json, "en");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(Errors(problem).ContainsKey(field), problem.ToString());
    }

    [Theory]
    [InlineData("{\"category\": \"neighbour\", ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_400_problem(string json)
    {
        var (status, problem) = await PostRawAsync(json, "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(Errors(problem));
        Assert.Contains("JSON", Errors(problem).Values.Single().Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var body = Body(description: new string('纠', 30_000));

        using var client = await factory.CreateClientForAsync("resident1");
        using var response = await FileAsync(client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var client = await factory.CreateClientForAsync("resident1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = new StringContent("category=neighbour", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_description_over_its_limit_is_reported_at_its_field()
    {
        var errors = await InvalidAsync(Body(description: new string('a', 4001)), "en");

        Assert.Contains("4000", Assert.Single(errors["description"]), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string[]>> InvalidAsync(JsonNode body, string language)
    {
        using var client = await factory.CreateClientForAsync("resident1");
        using var response = await FileAsync(client, body, language: language);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
        return Errors(problem);
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostRawAsync(string json, string language)
    {
        using var client = await factory.CreateClientForAsync("resident1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

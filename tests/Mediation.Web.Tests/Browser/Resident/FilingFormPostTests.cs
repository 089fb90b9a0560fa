using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mediation.Web.Tests.Browser.Resident;

/// <summary>
/// The filing page as a plain form post (what a phone without a live connection sends): a double submit files once,
/// and evidence the attachment rules refuse does not lose the filing.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class FilingFormPostTests(WebAppFixture app)
{
    [Fact]
    public async Task Submitting_the_same_form_twice_files_one_dispute_and_uploads_its_evidence_once()
    {
        var (client, userName) = await NewResidentAsync();
        using var _ = client;
        var (token, key) = await OpenFormAsync(client);

        using var first = await client.PostAsync("/file", Form(token, key, "佐证.pdf", Pdf));
        using var second = await client.PostAsync("/file", Form(token, key, "佐证.pdf", Pdf));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstPage = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        var secondPage = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"filed-notice\"", firstPage, StringComparison.Ordinal);
        var id = DisputeId(firstPage);
        Assert.Equal(id, DisputeId(secondPage));

        var api = new ResidentApi(app.BaseAddress);
        using var bearer = await api.SignInAsync(userName, Password);
        var mine = await ResidentApi.GetAsync(bearer, "/api/disputes");
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var attachments = await bearer.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}/attachments");
        var attachment = Assert.Single(attachments.EnumerateArray());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Evidence_of_a_type_the_store_refuses_is_reported_and_the_dispute_is_still_filed()
    {
        var (client, _) = await NewResidentAsync();
        using var __ = client;
        var (token, key) = await OpenFormAsync(client);

        using var response = await client.PostAsync("/file", Form(token, key, "notes.txt", "just text"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"filed-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"evidence-refused\"", html, StringComparison.Ordinal);
        Assert.Contains("notes.txt", html, StringComparison.Ordinal);
        var details = await client.GetStringAsync($"/my/disputes/{DisputeId(html)}");
        Assert.Contains("data-testid=\"attachments-empty\"", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_form_files_nothing_and_answers_with_the_APIs_messages_at_the_fields()
    {
        var (client, userName) = await NewResidentAsync();
        using var _ = client;
        var (token, key) = await OpenFormAsync(client);

        using var response = await client.PostAsync("/file", Form(token, key, null, null, phone: "12345", amount: "两千"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"filed-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-applicant-phone\">手机号码格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-claimedAmount\">请输入金额", html, StringComparison.Ordinal);
        var api = new ResidentApi(app.BaseAddress);
        using var bearer = await api.SignInAsync(userName, Password);
        Assert.Empty((await ResidentApi.GetAsync(bearer, "/api/disputes")).GetProperty("items").EnumerateArray());
    }

    private const string Password = "Filing#2026";

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private async Task<(HttpClient Client, string UserName)> NewResidentAsync()
    {
        var suffix = Random.Shared.Next(10_000_000, 99_999_999);
        var userName = $"form-resident-{suffix}";
#pragma warning disable CA2000 // The client owns the handler.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }, disposeHandler: true) { BaseAddress = app.BaseAddress };
#pragma warning restore CA2000
        using (var registered = await client.PostAsJsonAsync("/api/auth/register", new { userName, displayName = "赵敏", mobile = $"136{suffix}", password = Password }))
        {
            registered.EnsureSuccessStatusCode();
        }

        using (var signedIn = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = Password }))
        {
            signedIn.EnsureSuccessStatusCode();
        }

        return (client, userName);
    }

    private static async Task<(string Token, string Key)> OpenFormAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/file");
        var token = AntiforgeryToken().Match(html);
        var key = IdempotencyKey().Match(html);
        Assert.True(token.Success && key.Success, "the form carries an antiforgery token and an idempotency key");
        return (WebUtility.HtmlDecode(token.Groups[1].Value), key.Groups[1].Value);
    }

    private static MultipartFormDataContent Form(string token, string key, string? fileName, byte[]? file, string phone = "13600000001", string amount = "2000")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("file-dispute"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "Model.IdempotencyKey" },
            { new StringContent("neighbour"), "Model.Category" },
            { new StringContent(ResidentApi.Village), "Model.LocationCode" },
            { new StringContent("赵敏"), "Model.ApplicantName" },
            { new StringContent(phone), "Model.ApplicantPhone" },
            { new StringContent("钱某"), "Model.RespondentName" },
            { new StringContent("楼上漏水，泡坏了天花板。"), "Model.Description" },
            { new StringContent("请对方维修并赔偿。"), "Model.Request" },
            { new StringContent(amount), "Model.ClaimedAmount" },
            { new StringContent("False"), "Model.ClosedMediation" },
            { new StringContent("True"), "Model.ConsentToNotice" },
        };
        if (fileName is not null && file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName);
        }

        return form;
    }

    /// <summary>The case the answer links to ("view details").</summary>
    private static Guid DisputeId(string html) =>
        Guid.Parse(DisputePath().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Model.IdempotencyKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("/my/disputes/([0-9a-f-]{36})")]
    private static partial Regex DisputePath();
}

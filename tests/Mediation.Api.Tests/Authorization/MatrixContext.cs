using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Tests.Organisations;

namespace Mediation.Api.Tests.Authorization;

/// <summary>
/// One host for the whole matrix, a signed-in client per principal, and the subject data the "own" principals are
/// related to: a dispute resident1 filed at village 150302001001 (handled by that village, inside district 150302),
/// an attachment on it, and a scratch village under 150302001 with a mediator of its own for the write endpoints.
/// Requests that change a case's state take a fresh dispute (<see cref="NewDisputeAsync"/>) so rows do not depend on
/// each other.
/// </summary>
public sealed class MatrixContext : IAsyncLifetime
{
    public const string SubjectVillage = OrganisationTestSupport.Village;

    public static readonly IReadOnlyDictionary<Principal, string?> Accounts = new Dictionary<Principal, string?>
    {
        [Principal.Anonymous] = null,
        [Principal.Resident] = "resident1",
        [Principal.OtherResident] = "resident2",
        [Principal.Mediator] = "mediator-150302001001",
        [Principal.OtherMediator] = "mediator-150303001001",
        [Principal.OrgAdmin] = "orgadmin-150302",
        [Principal.OtherOrgAdmin] = "orgadmin-150303",
        [Principal.SystemAdmin] = "admin",
    };

    private readonly Dictionary<Principal, HttpClient> _clients = [];
    private int _sequence;

    public MediationApiFactory Factory { get; } = new();

    /// <summary>The endpoints of the running host.</summary>
    public IReadOnlyList<string> Endpoints { get; private set; } = [];

    /// <summary>resident1's dispute at <see cref="SubjectVillage"/>.</summary>
    public Guid Dispute { get; private set; }

    /// <summary>An evidence file on <see cref="Dispute"/>, uploaded by resident1.</summary>
    public Guid Attachment { get; private set; }

    /// <summary>Another of resident1's disputes at <see cref="SubjectVillage"/>, withdrawn by resident1: it has an outcome record.</summary>
    public Guid ClosedDispute { get; private set; }

    /// <summary>The withdrawal record of <see cref="ClosedDispute"/>.</summary>
    public Guid Outcome { get; private set; }

    /// <summary>The shipped land-contract definition, for the workflow administration endpoints (no matrix dispute uses that workflow).</summary>
    public string LandContractDefinition { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "land-contract.json"));

    /// <summary>A village of the scratch township 150302001, for writes.</summary>
    public Guid Village { get; private set; }

    /// <summary>A mediator of <see cref="Village"/>, for writes.</summary>
    public Guid ScratchMediator { get; private set; }

    /// <summary>Township 150302001, parent of <see cref="Village"/>.</summary>
    public Guid Township { get; private set; }

    /// <summary>Village 150302001002, in the same district as <see cref="Village"/>: where mediators are moved to.</summary>
    public Guid NeighbourVillage { get; private set; }

    public HttpClient ClientFor(Principal principal) => _clients[principal];

    /// <summary>A number unique within the run, for codes and user names.</summary>
    public int Next() => Interlocked.Increment(ref _sequence);

    public async Task InitializeAsync()
    {
        foreach (var (principal, account) in Accounts)
        {
            _clients[principal] = account is null ? Factory.CreateClient() : await Factory.CreateClientForAsync(account);
        }

        Endpoints = HostEndpoints.Of(Factory.Services);
        Township = await OrganisationTestSupport.OrganisationIdAsync(Factory, "150302001");
        NeighbourVillage = await OrganisationTestSupport.OrganisationIdAsync(Factory, "150302001002");
        var admin = ClientFor(Principal.SystemAdmin);
        Village = await CreatedIdAsync(admin, "/api/organisations", new { kind = "village", parentId = Township, code = "150302001901", name = "矩阵测试社区" });
        ScratchMediator = await CreatedIdAsync(admin, $"/api/organisations/{Village}/mediators",
            new { userName = "mediator-matrix", name = "矩阵调解员", password = "Matrix#2026", specialties = new List<string> { "neighbour" } });
        Dispute = await NewDisputeAsync();
        Attachment = await UploadAttachmentAsync(ClientFor(Principal.Resident), Dispute);
        ClosedDispute = await NewDisputeAsync();
        Outcome = await WithdrawAsync(ClientFor(Principal.Resident), ClosedDispute);
    }

    /// <summary>Saves the land-contract definition as that workflow's draft (as the system admin), so that a draft exists whatever ran before.</summary>
    public async Task EnsureDraftAsync()
    {
        using var content = new StringContent(LandContractDefinition, System.Text.Encoding.UTF8, "application/json");
        using var response = await ClientFor(Principal.SystemAdmin).PostAsync("/api/workflows/land-contract/drafts", content);
        Assert.True(response.IsSuccessStatusCode, $"draft: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A new dispute filed by resident1 at <see cref="SubjectVillage"/> through <c>POST /api/disputes</c>.</summary>
    public Task<Guid> NewDisputeAsync() => OrganisationTestSupport.FileDisputeAsync(ClientFor(Principal.Resident), SubjectVillage);

    /// <summary>
    /// A new dispute of resident1's that the village's mediator (<see cref="Principal.Mediator"/>) took up and resident1
    /// then had them recused from: in mediation, with no other mediator in the village to take over.
    /// </summary>
    public async Task<Guid> RecusedDisputeAsync()
    {
        var dispute = await NewDisputeAsync();
        foreach (var (principal, action, body) in new (Principal, string, object?)[]
        {
            (Principal.Mediator, "take-up", null),
            (Principal.Resident, "recusal", new { reason = "调解员与被申请人系亲属" }),
        })
        {
            using var response = await ClientFor(principal).PostAsJsonAsync($"/api/disputes/{dispute}/{action}", body);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return dispute;
    }

    /// <summary>The applicant party of <paramref name="dispute"/>, read as the system admin.</summary>
    public async Task<Guid> PartyAsync(Guid dispute)
    {
        var view = await ClientFor(Principal.SystemAdmin).GetFromJsonAsync<JsonElement>($"/api/disputes/{dispute}");
        return view.GetProperty("parties")[0].GetProperty("id").GetGuid();
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static Task<HttpRequestMessage> Get(string url) => Task.FromResult(Request(HttpMethod.Get, url));

    public static Task<HttpRequestMessage> Post(string url, object? body = null) => Task.FromResult(Request(HttpMethod.Post, url, body));

    public static Task<HttpRequestMessage> Put(string url, object body) => Task.FromResult(Request(HttpMethod.Put, url, body));

    /// <summary>A POST of JSON text as it is.</summary>
    public static Task<HttpRequestMessage> PostJson(string url, string json) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>A small PDF as the one file of a multipart upload.</summary>
    public static HttpRequestMessage Upload(string url)
    {
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { file, "file", "evidence.pdf" } };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> WithdrawAsync(HttpClient resident, Guid dispute)
    {
        using var response = await resident.PostAsJsonAsync($"/api/disputes/{dispute}/withdraw", new { reason = "已与邻居自行和解" });
        Assert.True(response.IsSuccessStatusCode, $"withdraw: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var outcomes = await resident.GetFromJsonAsync<JsonElement>($"/api/disputes/{dispute}/outcomes");
        return outcomes.EnumerateArray().First().GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UploadAttachmentAsync(HttpClient client, Guid dispute)
    {
        using var request = Upload($"/api/disputes/{dispute}/attachments");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}

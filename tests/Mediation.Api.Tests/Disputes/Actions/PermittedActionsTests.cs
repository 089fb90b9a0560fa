using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Tests.Authorization;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>
/// <c>permittedActions</c> says what the endpoints do. For several states of a case and the people around it, every
/// action the dispute view lists for a caller answers 2xx when the caller posts it (each on a fresh case in that state),
/// and every other action answers 403 or 409 and leaves the case as it was. The clock does not move here.
/// </summary>
public sealed class PermittedActionsTests(PermittedActionsTests.Fixture fixture) : IClassFixture<PermittedActionsTests.Fixture>
{
    private const string SecondMediator = "mediator2-150302001001";
    private const string SystemAdmin = "admin";
    private static readonly object Reason = new { reason = "说明理由" };

    /// <summary>Every action route but the aliases (<c>request-extension</c> of <c>extend</c>, <c>termination</c> of <c>fail</c>), with a valid body.</summary>
    private static readonly Dictionary<string, object?> Bodies = new(StringComparer.Ordinal)
    {
        ["consent"] = null,
        ["refuse-consent"] = null,
        ["take-up"] = null,
        ["decline"] = Reason,
        ["pause"] = Reason,
        ["resume"] = null,
        ["extend"] = new { duration = "P10D", consents = new[] { "applicant", "respondent" } },
        ["fail"] = Reason,
        ["escalate"] = Reason,
        ["flag-risk"] = Reason,
        ["withdraw"] = null,
        ["agreement"] = CaseLifeTests.Agreement(("mediator", null)),
        ["oral-agreement"] = new { content = "双方当场达成口头协议。" },
        ["agreement-effective"] = null,
        ["confirm"] = null,
        ["reject-agreement"] = null,
        ["recusal"] = Reason,
        ["performed"] = null,
        ["performance-failed"] = Reason,
        ["follow-up-visit"] = null,
    };

    private static readonly string[] VillageActors = [Applicant, Respondent, VillageMediator, SecondMediator, DistrictAdmin, SystemAdmin];

    public static TheoryData<string> States => ["queued", "inMediation", "proposalSignedByTheApplicant", "mediatorRecused", "followUp", "medicalAwaitingConsent"];

    [Theory]
    [MemberData(nameof(States))]
    public async Task PermittedActions_AreExactlyTheActionsTheEndpointsAccept(string state)
    {
        var actors = state == "medicalAwaitingConsent" ? [Applicant, Respondent, MedicalMediator, SystemAdmin] : VillageActors;
        var id = await SetUpAsync(state);
        var before = await ViewAsync(id, SystemAdmin);
        var listed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            var offered = AgreementProposalTests.Offered(await ViewAsync(id, actor));
            Assert.All(offered, action => Assert.True(Bodies.ContainsKey(action), $"{state}: {actor} is offered '{action}', which is no action route"));
            listed[actor] = offered;
        }

        // What is not listed is refused — 403 for the wrong person, 409 for the wrong moment — and changes nothing.
        foreach (var actor in actors)
        {
            foreach (var action in Bodies.Keys.Except(listed[actor]))
            {
                var (status, body) = await PostAsync(actor, id, action);
                Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"{state}: {actor} {action} is not listed but answered {(int)status} {body}");
            }
        }

        var after = await ViewAsync(id, SystemAdmin);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());

        // What is listed is accepted.
        foreach (var actor in actors)
        {
            foreach (var action in listed[actor])
            {
                var fresh = await SetUpAsync(state);
                var (status, body) = await PostAsync(actor, fresh, action);
                Assert.True((int)status is >= 200 and < 300, $"{state}: {actor} is offered {action} but it answered {(int)status} {body}");
            }
        }
    }

    [Fact]
    public void EveryActionRouteOfTheHost_IsCovered()
    {
        const string prefix = "POST /api/disputes/{id:guid}/";
        var routes = HostEndpoints.All
            .Where(e => e.StartsWith(prefix, StringComparison.Ordinal) && !e[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(e => e[prefix.Length..])
            // Evidence, session minutes and the service rating are records, not case actions (whether a rating may be given
            // now is canRate of GET …/rating).
            .Except(["attachments", "sessions", "request-extension", "termination", "rating"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(Bodies.Keys.Order(StringComparer.Ordinal), routes);
    }

    /// <summary>A new case in <paramref name="state"/>, filed by the applicant (resident1) against the respondent (resident2).</summary>
    private async Task<Guid> SetUpAsync(string state)
    {
        var host = fixture.Host;
        if (state == "medicalAwaitingConsent")
        {
            return await host.FileAsync("medical", client: fixture.Client(Applicant));
        }

        var id = await host.FileAsync(client: fixture.Client(Applicant));
        if (state == "queued")
        {
            return id;
        }

        await ActAsync(VillageMediator, id, "take-up");
        switch (state)
        {
            case "proposalSignedByTheApplicant":
                await ActAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(("mediator", null)));
                await ActAsync(Applicant, id, "confirm");
                break;
            case "mediatorRecused":
                await ActAsync(Applicant, id, "recusal", Reason);
                break;
            case "followUp":
                var parties = await host.PartyIdsAsync(id);
                await ActAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(
                    (parties[0].ToString(), null), (parties[1].ToString(), null), ("mediator", null), ("seal", null)));
                break;
        }

        return id;
    }

    private async Task ActAsync(string actor, Guid id, string action, object? body = null)
    {
        var (status, json) = await PostAsync(actor, id, action, body ?? Bodies[action]);
        Assert.True(status == HttpStatusCode.OK, $"set-up: {actor} {action}: {(int)status} {json}");
    }

    private Task<(HttpStatusCode Status, string Body)> PostAsync(string actor, Guid id, string action) =>
        PostAsync(actor, id, action, action == "confirm" && actor != Applicant && actor != Respondent ? new { signer = "seal" } : Bodies[action]);

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string actor, Guid id, string action, object? body)
    {
        var client = fixture.Client(actor);
        using var response = body is null
            ? await client.PostAsync(new Uri($"/api/disputes/{id}/{action}", UriKind.Relative), null)
            : await client.PostAsJsonAsync($"/api/disputes/{id}/{action}", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ViewAsync(Guid id, string actor)
    {
        using var response = await fixture.Client(actor).GetAsync(new Uri($"/api/disputes/{id}", UriKind.Relative));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{actor} GET {id}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>One host for the class with a second mediator in the village, and one signed-in client per person (the clock stands still).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public CaseLifeHost Host { get; } = new();

        public HttpClient Client(string userName) => _clients[userName];

        public async Task InitializeAsync()
        {
            await Host.AddMediatorAsync(SecondMediator, Village);
            foreach (var user in new[] { Applicant, Respondent, VillageMediator, SecondMediator, MedicalMediator, DistrictAdmin, SystemAdmin })
            {
                _clients[user] = await Host.ClientAsync(user);
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            await Host.DisposeAsync();
        }
    }
}

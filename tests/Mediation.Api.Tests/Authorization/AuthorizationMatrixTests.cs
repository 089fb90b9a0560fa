using System.Net;

namespace Mediation.Api.Tests.Authorization;

/// <summary>
/// THE AUTHORISATION MATRIX. Rows are every endpoint of the host (from its <c>EndpointDataSource</c>) × every
/// principal; each row sends the request declared in <see cref="AuthorizationMatrix"/> as that principal and checks
/// the declared outcome. An endpoint without a decision fails every one of its rows; so does a decision for an
/// endpoint that no longer exists.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixContext context) : IClassFixture<MatrixContext>
{
    /// <summary>
    /// The only endpoints anonymous callers may use: sign-in, health probes, metrics, public figures, the HMAC-signed
    /// court callback and the web UI's language switch and sign-out (Swagger is middleware, not an endpoint: see
    /// <see cref="Swagger_Anonymous_IsServed"/>). One line each, so every addition is a deliberate, reviewed change.
    /// </summary>
    private static readonly HashSet<string> AnonymousEndpoints = new(StringComparer.Ordinal)
    {
        "POST /api/auth/login",
        "POST /api/auth/register",
        "ANY /health",
        "GET /health",
        "ANY /health/live",
        "ANY /health/ready",
        "ANY /metrics",
        "GET /api/public/figures",
        "POST /api/court/judicial-confirmations/callback",
        "GET /culture",
        "POST /account/logout",
    };

    public static TheoryData<string, string, Principal> Rows()
    {
        var rows = new TheoryData<string, string, Principal>();
        var endpoints = HostEndpoints.All.Union(AuthorizationMatrix.Entries.Select(e => e.Endpoint), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var scenarios = AuthorizationMatrix.Entries.Where(e => e.Endpoint == endpoint).Select(e => e.Scenario).DefaultIfEmpty(string.Empty);
            foreach (var scenario in scenarios)
            {
                foreach (var principal in Enum.GetValues<Principal>())
                {
                    rows.Add(endpoint, scenario, principal);
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_AsPrincipal_GetsTheDeclaredOutcome(string endpoint, string scenario, Principal principal)
    {
        Assert.True(context.Endpoints.Contains(endpoint),
            $"The matrix has a decision for {endpoint}, which the host does not map. Remove or rename the entry in AuthorizationMatrix.");
        var entry = AuthorizationMatrix.Entries.SingleOrDefault(e => e.Endpoint == endpoint && e.Scenario == scenario);
        Assert.True(entry is not null,
            $"No authorisation decision for {endpoint}. Add an entry to AuthorizationMatrix.Entries: E(\"{endpoint}\", Access.<preset> [with {{ … }}], c => <request>).");

        var expected = entry.Expected.For(principal);
        using var request = await entry.Request(context);
        var method = request.Method;
        var url = request.RequestUri;
        using var response = await context.ClientFor(principal).SendAsync(request);

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var because = $"{endpoint}{(scenario.Length > 0 ? $" [{scenario}]" : string.Empty)} as {principal} ({MatrixContext.Accounts[principal] ?? "anonymous"}), "
            + $"{method} {url}: expected {expected}, got {status} {(body.Length > 300 ? body[..300] + "…" : body)}";
        switch (expected)
        {
            case Outcome.Allowed:
                Assert.True(status is not (401 or 403 or 404 or 405) && status < 500, because);
                break;
            case Outcome.Unauthenticated:
                Assert.True(status == 401, because);
                break;
            case Outcome.Forbidden:
                Assert.True(status == 403, because);
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", "not a problem: " + because);
                break;
            case Outcome.Hidden:
                Assert.True(status == 404, because);
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", "not a problem: " + because);
                break;
        }
    }

    [Fact]
    public void EveryEndpoint_HasADecision_AndEveryDecisionAnEndpoint()
    {
        var declared = AuthorizationMatrix.Entries.Select(e => e.Endpoint).ToHashSet(StringComparer.Ordinal);

        var undecided = context.Endpoints.Where(e => !declared.Contains(e)).ToList();
        var stale = declared.Where(e => !context.Endpoints.Contains(e)).Order(StringComparer.Ordinal).ToList();

        Assert.True(undecided.Count == 0, "Endpoints without an authorisation decision (add them to AuthorizationMatrix.Entries):\n" + string.Join("\n", undecided));
        Assert.True(stale.Count == 0, "Decisions for endpoints the host does not map:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void RowsComeFromTheRunningHostsEndpoints()
    {
        Assert.Equal(context.Endpoints, HostEndpoints.All);
    }

    [Fact]
    public void Anonymous_IsDeclared401_EverywhereButLoginAndHealth()
    {
        var open = AuthorizationMatrix.Entries
            .Where(e => e.Expected.Anonymous != Outcome.Unauthenticated && !AnonymousEndpoints.Contains(e.Endpoint))
            .Select(e => e.Endpoint)
            .ToList();

        Assert.True(open.Count == 0, "Only login, health, metrics, public figures, the signed court callback and Swagger may be used anonymously; these are declared otherwise:\n" + string.Join("\n", open));
    }

    [Theory]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task Swagger_Anonymous_IsServed(string url)
    {
        using var response = await context.ClientFor(Principal.Anonymous).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Mediation.Api.Tests.Notifications;

/// <summary>How the stand-in answers the next requests.</summary>
public enum StandInMode
{
    /// <summary>200 with <c>{ "messageId": … }</c> echoing the request's id.</summary>
    Ok,

    /// <summary>503.</summary>
    ServerError,

    /// <summary>400.</summary>
    BadRequest,

    /// <summary>200 with an HTML body.</summary>
    Malformed,

    /// <summary>Waits <see cref="HttpStandIn.SlowDelay"/> (longer than the client's timeout), then answers like <see cref="Ok"/>.</summary>
    Slow,
}

/// <summary>One request the stand-in received: the message id in its JSON body, what it was answered, and the raw request.</summary>
public sealed record StandInRequest(string? MessageId, StandInMode AnsweredWith, string Path, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// WireMock.Net on 127.0.0.1 standing in for an HTTP system the service calls (the SMS gateway, the 12345 system):
/// every POST is recorded with its message id and answered according to <see cref="Mode"/>, which a test switches
/// (5xx bursts, timeouts, malformed replies, 4xx, recovery).
/// </summary>
public sealed class HttpStandIn : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<StandInRequest> _received = new();

    public HttpStandIn()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        _server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public StandInMode Mode { get; set; } = StandInMode.Ok;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(3);

    public string Url => _server.Urls[0];

    public IReadOnlyList<StandInRequest> Received => [.. _received];

    /// <summary>Message ids answered at once with a well-formed 2xx: delivered as far as the sender can tell (slow answers came after its timeout or its end).</summary>
    public IReadOnlyList<string> Delivered => [.. _received.Where(r => r.AnsweredWith == StandInMode.Ok).Select(r => r.MessageId!)];

    public void Dispose() => _server.Stop();

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var mode = Mode;
        string? id = null;
        try
        {
            using var json = JsonDocument.Parse(request.Body ?? "{}");
            id = json.RootElement.TryGetProperty("messageId", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
        }

        var headers = request.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new StandInRequest(id, mode, request.Path, request.Body ?? string.Empty, headers));
        if (mode == StandInMode.Slow)
        {
            await Task.Delay(SlowDelay);
        }

        return mode switch
        {
            StandInMode.ServerError => Answer(HttpStatusCode.ServiceUnavailable, "{\"error\":\"unavailable\"}"),
            StandInMode.BadRequest => Answer(HttpStatusCode.BadRequest, "{\"error\":\"invalid recipient\"}"),
            StandInMode.Malformed => Answer(HttpStatusCode.OK, "<html>gateway maintenance</html>"),
            _ => Answer(HttpStatusCode.OK, JsonSerializer.Serialize(new { messageId = id, status = "accepted" })),
        };
    }

    private static ResponseMessage Answer(HttpStatusCode status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

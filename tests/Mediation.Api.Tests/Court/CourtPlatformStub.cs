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

namespace Mediation.Api.Tests.Court;

/// <summary>A WireMock.Net stand-in for the court platform on 127.0.0.1, and the settings that point a host at it.</summary>
internal sealed class CourtPlatformStub : IDisposable
{
    public const string ApiKey = "court-test-key-not-a-secret";
    public const string CallbackSecret = "court-callback-test-secret";
    public const string CourtCode = "HBW-JC";
    public const string CourtName = "乌海市海勃湾区人民法院";
    public const string FilingsPath = "/court/judicial-confirmations";

    private CourtPlatformStub(WireMockServer server) => Server = server;

    public WireMockServer Server { get; }

    public static CourtPlatformStub Start() =>
        new(WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] }));

    /// <summary>Court settings for a host: enabled, worker off (tests run it by hand), short timeout and back-off.</summary>
    public IReadOnlyDictionary<string, string?> Settings(TimeSpan? timeout = null) => new Dictionary<string, string?>
    {
        ["Court:Enabled"] = "true",
        ["Court:BaseUrl"] = Server.Urls![0] + "/court/",
        ["Court:ApiKey"] = ApiKey,
        ["Court:CallbackSecret"] = CallbackSecret,
        ["Court:RunWorker"] = "false",
        ["Court:Timeout"] = (timeout ?? TimeSpan.FromSeconds(2)).ToString("c"),
        ["Court:RetryBaseDelay"] = "00:01:00",
        ["Court:RetryMaxDelay"] = "00:10:00",
        ["Court:MaxAttempts"] = "5",
        ["Court:PollInterval"] = "01:00:00",
        ["Court:Courts:150302:Code"] = CourtCode,
        ["Court:Courts:150302:Name"] = CourtName,
        ["Privacy:RunRetentionJob"] = "false",
    };

    /// <summary>The filings (POSTs) the platform received, oldest first.</summary>
    public List<WireMock.Logging.ILogEntry> Filings() =>
        [.. Server.LogEntries.Where(e => e.RequestMessage?.Method == "POST" && e.RequestMessage.Path == FilingsPath).OrderBy(e => e.RequestMessage!.DateTime)];

    public static string Header(WireMock.Logging.ILogEntry entry, string name) =>
        entry.RequestMessage?.Headers is { } headers && headers.TryGetValue(name, out var values) ? values.ToString() : string.Empty;

    /// <summary>Idempotency keys of every filing received by <see cref="DeduplicatingFilings"/>, in arrival order.</summary>
    public ConcurrentQueue<string> FilingKeys { get; } = new();

    /// <summary>The request ids the platform has filed (each once).</summary>
    public ConcurrentDictionary<string, bool> Filed { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when the first filing reaches the platform (before its answer is written).</summary>
    public TaskCompletionSource FirstFilingArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A platform that files each request id once: the first filing of an id is kept and answered 202 after
    /// <paramref name="firstAnswerDelay"/>; a repeat of a filed id is answered 409.
    /// </summary>
    public void DeduplicatingFilings(TimeSpan firstAnswerDelay) =>
        Server.Given(Request.Create().WithPath(FilingsPath).UsingPost()).RespondWith(Response.Create().WithCallback(async request =>
        {
            var key = request.Headers is { } headers && headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : string.Empty;
            FilingKeys.Enqueue(key);
            if (!Filed.TryAdd(key, true))
            {
                return Json(409, new { error = "duplicate requestId" });
            }

            FirstFilingArrived.TrySetResult();
            await Task.Delay(firstAnswerDelay);
            return Json(202, new { status = "received" });
        }));

    public void Dispose() => Server.Stop();

    private static ResponseMessage Json(int status, object body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(body), DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

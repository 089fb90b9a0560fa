using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Mediation.Api.Notifications;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Hotline;

/// <summary>Calls the 12345 system back about a work order.</summary>
internal interface IHotlineCallbackClient
{
    /// <summary>Sends <paramref name="payload"/> (a <see cref="HotlineCallbackPayload"/> as JSON) with <paramref name="messageId"/>, signed.</summary>
    Task<SendResult> SendAsync(string messageId, string payload, CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST {Hotline:BaseUrl}/work-orders/{orderNumber}/replies</c> with the payload and its <c>messageId</c>, signed
/// like the webhook (<see cref="HotlineSignature"/>). The hotline system answers 2xx with <c>{ "messageId": "…" }</c>
/// and deduplicates by message id.
/// </summary>
internal sealed class HttpHotlineCallbackClient(HttpClient client, IOptions<HotlineOptions> options, TimeProvider clock) : IHotlineCallbackClient
{
    public const string HttpClientName = "hotline-callbacks";

    public Task<SendResult> SendAsync(string messageId, string payload, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.BaseUrl is null || string.IsNullOrEmpty(settings.Secret))
        {
            return Task.FromResult(SendResult.Transient("Hotline:BaseUrl or Hotline:Secret is not configured"));
        }

        var body = JsonNode.Parse(payload)!.AsObject();
        body["messageId"] = messageId;
        var orderNumber = body["orderNumber"]!.GetValue<string>();
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var url = HttpSendOutcome.Under(settings.BaseUrl, $"work-orders/{Uri.EscapeDataString(orderNumber)}/replies");
        return HttpSendOutcome.SendAsync(client, () =>
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.Add(HotlineSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(HotlineSignature.SignatureHeader, HotlineSignature.HeaderValue(settings.Secret, timestamp, bytes));
            return request;
        }, messageId, settings.Timeout, cancellationToken);
    }
}

/// <summary>
/// The demo stand-in, used in Development when <c>Hotline:BaseUrl</c> is not set: logs each reply (event and work
/// order) and reports it delivered. Elsewhere a missing address is a transient failure, so replies wait for it.
/// </summary>
internal sealed partial class LoggingHotlineCallbackClient(ILogger<LoggingHotlineCallbackClient> logger) : IHotlineCallbackClient
{
    public Task<SendResult> SendAsync(string messageId, string payload, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(payload)!.AsObject();
        LogReply(messageId, body["orderNumber"]?.GetValue<string>(), body["event"]?.GetValue<string>(), body["message"]?.GetValue<string>());
        return Task.FromResult(SendResult.Delivered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "12345 stand-in: reply {MessageId} to work order {OrderNumber} ({Event}): {Message}")]
    private partial void LogReply(string messageId, string? orderNumber, string? @event, string? message);
}

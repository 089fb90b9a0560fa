using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mediation.Api.Disputes.Contracts;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Notifications;

/// <summary>
/// The HTTP SMS gateway: <c>POST {BaseUrl}/messages</c> with <c>{ messageId, to, sender, text }</c>, the access key id
/// in <c>X-Access-Key-Id</c> and the secret as a bearer credential. The gateway answers 2xx with
/// <c>{ "messageId": "…" }</c> for a new or an already-known message id (it deduplicates by id).
/// </summary>
internal sealed class HttpSmsGateway(HttpClient client, IOptions<NotificationOptions> options) : ISmsGateway
{
    public const string HttpClientName = "sms-gateway";

    public Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sms = options.Value.Sms;
        var url = HttpSendOutcome.Under(sms.BaseUrl ?? throw new InvalidOperationException("Notifications:Sms:BaseUrl is not set."), "messages");
        return HttpSendOutcome.SendAsync(client, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(new { messageId = message.MessageId, to = message.Phone, sender = sms.Sender, text = message.Text }),
            };
            request.Headers.Add("X-Access-Key-Id", sms.AccessKeyId);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.AccessKeySecret);
            return request;
        }, message.MessageId, sms.Timeout, cancellationToken);
    }
}

/// <summary>The demo stand-in: logs each text with the phone number masked and reports it delivered.</summary>
internal sealed partial class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogText(message.MessageId, PersonalData.MaskPhone(message.Phone), message.Text);
        return Task.FromResult(SendResult.Delivered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS stand-in: message {MessageId} to {Phone}: {Text}")]
    private partial void LogText(string messageId, string? phone, string text);
}

using System.Net;
using System.Text.Json;

namespace Mediation.Api.Notifications;

/// <summary>
/// How the HTTP channels (SMS gateway, hotline callbacks) read an answer: 2xx whose JSON echoes the message id is
/// delivered; 5xx, 408, 429, a timeout, a broken connection and a malformed 2xx reply are retried; any other 4xx is not.
/// </summary>
internal static class HttpSendOutcome
{
    public static async Task<SendResult> SendAsync(
        HttpClient client, Func<HttpRequestMessage> request, string messageId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(attempt.Token);
                return EchoesId(body, messageId) ? SendResult.Delivered : SendResult.Transient($"HTTP {status}: malformed reply");
            }

            return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                ? SendResult.Transient($"HTTP {status}")
                : SendResult.Permanent($"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"timeout after {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception)
        {
            return SendResult.Transient($"connection: {exception.HttpRequestError}");
        }
    }

    /// <summary><paramref name="relative"/> under <paramref name="baseUrl"/>, whether or not the base ends with a slash.</summary>
    public static Uri Under(Uri baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    /// <summary>Whether the reply is a JSON object whose <c>messageId</c> is the one sent.</summary>
    private static bool EchoesId(string body, string messageId)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("messageId", out var id)
                && id.ValueKind == JsonValueKind.String
                && string.Equals(id.GetString(), messageId, StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

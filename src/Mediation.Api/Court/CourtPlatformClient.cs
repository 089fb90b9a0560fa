using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Court;

/// <summary>
/// The court platform's HTTP API. <c>POST {BaseUrl}judicial-confirmations</c> files an application; the request id
/// (<c>Idempotency-Key</c> and <c>X-Request-Id</c> headers, and <c>requestId</c> in the body) is the application's id,
/// so the platform recognises a retry of a filing it already has (it answers 2xx or 409). <c>GET
/// {BaseUrl}judicial-confirmations/{requestId}</c> gives the court's answer. This client never retries by itself: the
/// worker's retries are durable (state in the database), so a restart loses nothing.
/// </summary>
internal sealed class CourtPlatformClient(HttpClient http, IOptions<CourtOptions> options)
{
    public const string HttpClientName = "court-platform";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<CourtCallResult> SubmitAsync(CourtFiling filing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("judicial-confirmations"))
        {
            Content = JsonContent.Create(filing, options: Json),
        };
        Authorise(request, filing.RequestId);
        return await SendAsync(request, duplicateIsSuccess: true, cancellationToken);
    }

    public async Task<CourtCallResult> GetStatusAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"judicial-confirmations/{requestId:D}"));
        Authorise(request, requestId);
        return await SendAsync(request, duplicateIsSuccess: false, cancellationToken);
    }

    private Uri Url(string path)
    {
        var baseUrl = options.Value.BaseUrl ?? throw new InvalidOperationException("Court:BaseUrl is not configured.");
        var text = baseUrl.ToString();
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), path);
    }

    private void Authorise(HttpRequestMessage request, Guid requestId)
    {
        request.Headers.Add("Idempotency-Key", requestId.ToString("D"));
        request.Headers.Add("X-Request-Id", requestId.ToString("D"));
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        }
    }

    private async Task<CourtCallResult> SendAsync(HttpRequestMessage request, bool duplicateIsSuccess, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CourtCallResult.Retry(CourtFailure.Timeout, null);
        }
        catch (HttpRequestException)
        {
            return CourtCallResult.Retry(CourtFailure.Network, null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Conflict && duplicateIsSuccess)
            {
                // The platform already has this request id: the first attempt was filed.
                return CourtCallResult.Ok(new CourtAnswer(CourtAnswer.Received, null, null), status);
            }

            if (response.StatusCode == HttpStatusCode.NotFound && !duplicateIsSuccess)
            {
                return CourtCallResult.Missing(status);
            }

            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return CourtCallResult.Retry(CourtFailure.ServerError, status);
            }

            if (!response.IsSuccessStatusCode)
            {
                return CourtCallResult.Refused(status);
            }

            CourtAnswer? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync<CourtAnswer>(Json, timeout.Token);
            }
            catch (JsonException)
            {
                answer = null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return CourtCallResult.Retry(CourtFailure.Timeout, status);
            }

            return answer is { Status: { Length: > 0 } s } && CourtAnswer.Known.Contains(s)
                ? CourtCallResult.Ok(answer, status)
                : CourtCallResult.Retry(CourtFailure.Malformed, status);
        }
    }
}

/// <summary>What the platform answered: <c>received</c>, <c>accepted</c> (with the case number), <c>confirmed</c> or <c>rejected</c> (with the reason).</summary>
internal sealed record CourtAnswer(string? Status, string? CaseNumber, string? Reason)
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { Received, Accepted, Confirmed, Rejected };
}

/// <summary>Why a call failed in a way worth retrying.</summary>
internal enum CourtFailure
{
    None,
    Timeout,
    Network,
    ServerError,
    Malformed,
    Refused,
    Missing,
}

/// <summary>One call's result: an answer, a failure worth retrying, a refusal (4xx) or, for a status query, an unknown request id.</summary>
internal sealed record CourtCallResult(CourtAnswer? Answer, CourtFailure Failure, int? StatusCode)
{
    public bool Succeeded => Answer is not null;

    public bool Retryable => Failure is CourtFailure.Timeout or CourtFailure.Network or CourtFailure.ServerError or CourtFailure.Malformed;

    public string Describe() => StatusCode is { } code ? $"{Failure} (HTTP {code})" : Failure.ToString();

    public static CourtCallResult Ok(CourtAnswer answer, int status) => new(answer, CourtFailure.None, status);

    public static CourtCallResult Retry(CourtFailure failure, int? status) => new(null, failure, status);

    public static CourtCallResult Refused(int status) => new(null, CourtFailure.Refused, status);

    public static CourtCallResult Missing(int status) => new(null, CourtFailure.Missing, status);
}

/// <summary>The filing the platform receives: the joint application prepared from the case (人民调解法 Art. 33; 民事诉讼法 Art. 205).</summary>
internal sealed record CourtFiling(
    Guid RequestId,
    string CourtCode,
    string CaseReference,
    CourtFilingOrganisation MediationOrganisation,
    CourtFilingAgreement Agreement,
    IReadOnlyList<CourtFilingParty> Applicants,
    string ApplicationType = "judicialConfirmation");

internal sealed record CourtFilingOrganisation(string? Code, string? Name);

internal sealed record CourtFilingAgreement(Guid Id, DateTimeOffset? EffectiveAt, string? Facts, string? Terms);

internal sealed record CourtFilingParty(string Role, string Name, string? IdNumber, string? Phone, string? Address, DateTimeOffset ConsentedAt);

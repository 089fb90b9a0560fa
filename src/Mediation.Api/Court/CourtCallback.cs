using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Court;

/// <summary>
/// The court platform's signed callback with its answer. Headers: <c>X-Court-Timestamp</c> (Unix seconds) and
/// <c>X-Court-Signature: sha256={hex}</c>, the HMAC-SHA256 of <c>{timestamp}.{body}</c> under <c>Court:CallbackSecret</c>.
/// A timestamp outside <c>Court:CallbackTolerance</c> is refused (a replay); a replay inside it changes nothing, because
/// an answer only ever moves an application forward. Body: <c>{"requestId": "…", "status": "accepted|confirmed|rejected",
/// "caseNumber": "…", "reason": "…"}</c>.
/// </summary>
internal static class CourtCallback
{
    public const string TimestampHeader = "X-Court-Timestamp";
    public const string SignatureHeader = "X-Court-Signature";

    /// <summary>The signature a body and timestamp must carry.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether the signature is right and the timestamp fresh; constant-time comparison.</summary>
    public static bool Verify(CourtOptions options, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.CallbackSecret) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        DateTimeOffset sentAt;
        try
        {
            sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        if ((now - sentAt).Duration() > options.CallbackTolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(options.CallbackSecret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Applies a verified answer; false when the body is not an answer or names no application of ours.</summary>
    public static async Task<CallbackOutcome> ApplyAsync(MediationDbContext db, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        CallbackBody? answer;
        try
        {
            answer = JsonSerializer.Deserialize<CallbackBody>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return CallbackOutcome.Malformed;
        }

        if (answer is not { RequestId: { } requestId, Status: { } status } || !CourtAnswer.Known.Contains(status))
        {
            return CallbackOutcome.Malformed;
        }

        var application = await db.JudicialConfirmations.FirstOrDefaultAsync(a => a.Id == requestId, cancellationToken);
        if (application is null)
        {
            return CallbackOutcome.Unknown;
        }

        if (application.Status is JudicialConfirmationStatus.Queued)
        {
            // The answer overtook the acknowledgement of the filing: the platform has it.
            application.Status = JudicialConfirmationStatus.Submitted;
            application.SubmittedAt ??= now;
            application.NextAttemptAt = null;
        }

        var dispute = await db.Disputes.FirstAsync(d => d.Id == application.DisputeId, cancellationToken);
        CourtSubmissionWorker.Apply(db, application, dispute, new CourtAnswer(status, answer.CaseNumber, answer.Reason), now);
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CallbackOutcome.Conflict;
        }

        return CallbackOutcome.Applied;
    }

    private sealed record CallbackBody(Guid? RequestId, string? Status, string? CaseNumber, string? Reason);
}

internal enum CallbackOutcome
{
    Applied,
    Malformed,
    Unknown,
    Conflict,
}

using System.Security.Cryptography;
using System.Text.Json;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Infrastructure;

namespace Mediation.Api.Disputes.Filing;

/// <summary>
/// The fingerprint kept with a filing's <c>Idempotency-Key</c>: SHA-256, as 64 lower-case hex digits, of the request's
/// canonical JSON — the body as read, written back with the same options (<see cref="JsonRequestBody.Options"/>):
/// members in their declared order and camelCase, no whitespace, an absent member the same as a null one, unknown members
/// dropped. A retry of the same filing has the same fingerprint however it is formatted; another filing sent under the
/// same key has a different one.
/// </summary>
internal static class FilingFingerprint
{
    public const int Length = 64;

    public static string Of(FileDisputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var canonical = JsonSerializer.SerializeToUtf8Bytes(request, JsonRequestBody.Options);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}

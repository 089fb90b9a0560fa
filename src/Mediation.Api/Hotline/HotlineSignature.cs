using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mediation.Api.Hotline;

/// <summary>
/// The signature both directions use: <c>X-Hotline-Timestamp</c> is the Unix time in seconds and
/// <c>X-Hotline-Signature</c> is <c>sha256=</c> followed by the lower-case hex HMAC-SHA256, keyed with the shared
/// secret, of the timestamp, a full stop and the raw body bytes.
/// </summary>
internal static class HotlineSignature
{
    public const string TimestampHeader = "X-Hotline-Timestamp";
    public const string SignatureHeader = "X-Hotline-Signature";
    private const string Prefix = "sha256=";

    /// <summary>The signature of <paramref name="body"/> at <paramref name="timestamp"/> (Unix seconds), hex only.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// <summary>The header value: <c>sha256=…</c>.</summary>
    public static string HeaderValue(string secret, long timestamp, ReadOnlySpan<byte> body) => Prefix + Compute(secret, timestamp, body);

    /// <summary>Checks a request's headers against its body and the clock.</summary>
    public static SignatureCheck Verify(HotlineOptions options, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Secret))
        {
            return new SignatureCheck(SignatureStatus.NotConfigured, null);
        }

        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new SignatureCheck(SignatureStatus.Missing, null);
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || timestamp > 253402300799)
        {
            return new SignatureCheck(SignatureStatus.Invalid, null);
        }

        var given = signatureHeader.Trim();
        if (given.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            given = given[Prefix.Length..];
        }

        var expected = Compute(options.Secret, timestamp, body);
        var givenBytes = Encoding.ASCII.GetBytes(given.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(givenBytes, Encoding.ASCII.GetBytes(expected)))
        {
            return new SignatureCheck(SignatureStatus.Invalid, null);
        }

        // Checked after the signature, so an unsigned caller learns nothing about the clock.
        var sent = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return (now - sent).Duration() > options.TimestampWindow
            ? new SignatureCheck(SignatureStatus.Stale, null)
            : new SignatureCheck(SignatureStatus.Valid, expected);
    }
}

/// <summary>The outcome of a signature check; <paramref name="Signature"/> is the verified signature (for replay detection).</summary>
internal sealed record SignatureCheck(SignatureStatus Status, string? Signature);

internal enum SignatureStatus
{
    Valid,
    NotConfigured,
    Missing,
    Invalid,
    Stale,
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediation.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body under a size limit and reports what went wrong where: too large (413), not JSON (415),
/// malformed or of the wrong type at a JSON path (400). Endpoints that read this way never fail binding with a 500.
/// A leading UTF-8 byte order mark is skipped.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>The web defaults with enums as camelCase strings; strings are never silently turned into numbers.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The body deserialised as <typeparamref name="T"/> with <see cref="Options"/>; the request must declare a JSON
    /// content type.
    /// </summary>
    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return JsonBody<T>.Failed(JsonBodyError.UnsupportedMediaType);
        }

        var bytes = await ReadBytesAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return JsonBody<T>.Failed(JsonBodyError.TooLarge);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.WrittenSpan[BomLength(bytes.WrittenSpan)..], Options);
            return value is null
                ? JsonBody<T>.Failed(JsonBodyError.Null, "$", 1, 1)
                : new JsonBody<T>(value, JsonBodyError.None, null, null, null);
        }
        catch (JsonException exception)
        {
            return JsonBody<T>.Failed(
                JsonBodyError.Invalid, FieldPath(exception.Path), (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>
    /// The body as UTF-8 text, for endpoints that parse the JSON themselves (so they can report issues at their own
    /// paths); null when it is larger than <paramref name="maxBytes"/>. The content type is not checked.
    /// </summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await ReadBytesAsync(request, maxBytes, cancellationToken);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes.WrittenSpan[BomLength(bytes.WrittenSpan)..]);
    }

    /// <summary><c>$.respondents[0].phone</c> → <c>respondents[0].phone</c>, the way validation errors name fields.</summary>
    public static string FieldPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };

    /// <summary>The body's bytes, or null as soon as it is declared or turns out larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<ArrayBufferWriter<byte>?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes + 1, 16 * 1024));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    private static int BomLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
}

/// <summary>The body, or why there is none: for <see cref="JsonBodyError.Invalid"/> the field path and 1-based line and column.</summary>
internal sealed record JsonBody<T>(T? Value, JsonBodyError Error, string? Path, long? Line, long? Column)
    where T : class
{
    public static JsonBody<T> Failed(JsonBodyError error, string? path = null, long? line = null, long? column = null) =>
        new(null, error, path, line, column);
}

/// <summary>What was wrong with a body.</summary>
internal enum JsonBodyError
{
    None,

    /// <summary>The request does not declare a JSON content type (415).</summary>
    UnsupportedMediaType,

    /// <summary>The body is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>Malformed JSON or a value of the wrong type (400).</summary>
    Invalid,

    /// <summary>The body is the JSON literal <c>null</c> (400).</summary>
    Null,
}

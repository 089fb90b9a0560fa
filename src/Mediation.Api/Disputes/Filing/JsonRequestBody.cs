using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediation.Api.Disputes.Filing;

/// <summary>
/// Reads a JSON request body under a size limit and reports what went wrong where: too large (413), not JSON (415),
/// malformed or of the wrong type at a JSON path (400). Endpoints that read this way never fail binding with a 500.
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

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return JsonBodyResult<T>.Failed(JsonBodyError.UnsupportedMediaType);
        }

        if (request.ContentLength > maxBytes)
        {
            return JsonBodyResult<T>.Failed(JsonBodyError.TooLarge);
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes + 1, 16 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return JsonBodyResult<T>.Failed(JsonBodyError.TooLarge);
            }
        }

        try
        {
            var json = buffer.WrittenSpan;
            if (json.StartsWith(Utf8Bom))
            {
                json = json[Utf8Bom.Length..];
            }

            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null
                ? JsonBodyResult<T>.Failed(JsonBodyError.Invalid, "$", 1)
                : new JsonBodyResult<T>(value, JsonBodyError.None, null, null);
        }
        catch (JsonException exception)
        {
            return JsonBodyResult<T>.Failed(JsonBodyError.Invalid, FieldPath(exception.Path), (exception.LineNumber ?? 0) + 1);
        }
    }

    /// <summary><c>$.respondents[0].phone</c> → <c>respondents[0].phone</c>, the way validation errors name fields.</summary>
    public static string FieldPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };
}

/// <summary>The body, or why there is none.</summary>
internal sealed record JsonBodyResult<T>(T? Value, JsonBodyError Error, string? Path, long? Line)
    where T : class
{
    public static JsonBodyResult<T> Failed(JsonBodyError error, string? path = null, long? line = null) => new(null, error, path, line);
}

/// <summary>What was wrong with a body.</summary>
internal enum JsonBodyError
{
    None,
    UnsupportedMediaType,
    TooLarge,
    Invalid,
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Organisations;

/// <summary>Field-level errors collected while checking a request, keyed by the JSON member (camelCase).</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>RFC 7807 answers in the caller's language (the current UI culture, from <c>Accept-Language</c>).</summary>
internal static class RequestProblems
{
    public static ProblemHttpResult Validation(FieldErrors errors, string title) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors.ToDictionary()) { Status = StatusCodes.Status400BadRequest, Title = title });

    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(IStringLocalizer text, string detail) =>
        Status(StatusCodes.Status404NotFound, text["OrgNotFoundTitle"], detail);

    /// <summary>A 404 for an id given in the body: also names the field, so a form can show it there.</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer text, string field, string detail) =>
        Status(StatusCodes.Status404NotFound, text["OrgNotFoundTitle"], detail,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [detail] } });

    public static ProblemHttpResult Forbidden(IStringLocalizer text, string detail) =>
        Status(StatusCodes.Status403Forbidden, text["OrgForbiddenTitle"], detail);

    public static ProblemHttpResult Conflict(IStringLocalizer text, string detail, int openDisputes) =>
        Status(StatusCodes.Status409Conflict, text["OrgConflictTitle"], detail, new Dictionary<string, object?> { ["openDisputes"] = openDisputes });
}

/// <summary>
/// Reads a JSON request body so that every kind of bad input — not JSON, malformed JSON, a value of the wrong type —
/// comes back as a 400 problem with the offending member and line, in the caller's language, never as a 500.
/// </summary>
internal static class RequestBody
{
    /// <summary>Request bodies of these endpoints are small forms.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, IStringLocalizer text, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, RequestProblems.Status(StatusCodes.Status413PayloadTooLarge, text["BadRequest"], text["OrgBodyTooLarge", MaxBytes / 1024]));
        }

        if (!request.HasJsonContentType())
        {
            return (null, RequestProblems.Status(StatusCodes.Status415UnsupportedMediaType, text["BadRequest"], text["OrgBodyNotJson"]));
        }

        var errors = new FieldErrors();
        try
        {
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                return (null, RequestProblems.Status(StatusCodes.Status413PayloadTooLarge, text["BadRequest"], text["OrgBodyTooLarge", MaxBytes / 1024]));
            }

            var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), Options);
            if (value is not null)
            {
                return (value, null);
            }

            errors.Add("$", text["OrgBodyMissing"]);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is null or "$" ? "$" : exception.Path.StartsWith("$.", StringComparison.Ordinal) ? exception.Path[2..] : exception.Path;
            errors.Add(field, text["OrgJsonInvalidValue", (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1]);
        }

        return (null, RequestProblems.Validation(errors, text["BadRequest"]));
    }
}

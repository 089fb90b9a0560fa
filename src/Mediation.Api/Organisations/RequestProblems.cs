using Mediation.Api.Infrastructure;
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
    /// <summary>Request bodies of these endpoints are small forms.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Why a body read with <see cref="JsonRequestBody.ReadAsync{T}"/> is unusable — too large (413), not JSON (415),
    /// missing, malformed or of the wrong type at a member and line (400) — or null when it was read.
    /// </summary>
    public static ProblemHttpResult? ForBody<T>(JsonBody<T> body, IStringLocalizer text)
        where T : class
    {
        switch (body.Error)
        {
            case JsonBodyError.TooLarge:
                return Status(StatusCodes.Status413PayloadTooLarge, text["BadRequest"], text["OrgBodyTooLarge", MaxBodyBytes / 1024]);
            case JsonBodyError.UnsupportedMediaType:
                return Status(StatusCodes.Status415UnsupportedMediaType, text["BadRequest"], text["OrgBodyNotJson"]);
            case JsonBodyError.Null:
                var missing = new FieldErrors();
                missing.Add("$", text["OrgBodyMissing"]);
                return Validation(missing, text["BadRequest"]);
            case JsonBodyError.Invalid:
                var invalid = new FieldErrors();
                invalid.Add(body.Path ?? "$", text["OrgJsonInvalidValue", body.Line ?? 1, body.Column ?? 1]);
                return Validation(invalid, text["BadRequest"]);
            default:
                return null;
        }
    }

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

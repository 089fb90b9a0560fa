using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Api.Web;

/// <summary>
/// What a page shows after calling the same application service an endpoint calls: the value on success, or the
/// problem (title, detail, field errors) the API would have answered — already in the request's language. Pages call
/// the services in-process, never the HTTP API of their own host, so the rules and messages are the API's exactly.
/// </summary>
public sealed record ServiceResult<T>(T? Value, int StatusCode, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>One line for an alert: the detail, else the title, else the field errors joined.</summary>
    public string Message => Detail ?? Title ?? string.Join(" ", Errors.SelectMany(e => e.Value));
}

/// <summary>Reads typed endpoint results (<c>Results&lt;Ok&lt;T&gt;, …&gt;</c>) for pages.</summary>
public static class ServiceResult
{
    /// <summary>
    /// Reads a result: a typed union (<c>Results&lt;Ok&lt;T&gt;, …&gt;</c>, which is both an <see cref="IResult"/> and an
    /// <see cref="INestedHttpResult"/> — hence the one parameter of type object, not two ambiguous overloads) is unwrapped
    /// to the result it holds.
    /// </summary>
    public static ServiceResult<T> Read<T>(object result) => result switch
    {
        INestedHttpResult nested => Read<T>(nested.Result),
        IResult plain => ReadPlain<T>(plain),
        _ => throw new ArgumentException($"Not an HTTP result: {result?.GetType().Name ?? "null"}.", nameof(result)),
    };

    private static ServiceResult<T> ReadPlain<T>(IResult result) => result switch
    {
        IValueHttpResult<T> { Value: var value } and IStatusCodeHttpResult status => new(value, status.StatusCode ?? StatusCodes.Status200OK, null, null, NoErrors),
        ValidationProblem validation => new(default, validation.StatusCode, validation.ProblemDetails.Title, validation.ProblemDetails.Detail, validation.ProblemDetails.Errors.AsReadOnly()),
        ProblemHttpResult problem => new(default, problem.StatusCode, problem.ProblemDetails.Title, problem.ProblemDetails.Detail, ErrorsOf(problem.ProblemDetails)),
        IStatusCodeHttpResult status => new(default, status.StatusCode ?? StatusCodes.Status500InternalServerError, null, null, NoErrors),
        _ => throw new ArgumentException($"Unexpected result {result.GetType().Name}.", nameof(result)),
    };

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    // A validation problem wrapped in a ProblemHttpResult (TypedResults.Problem(new HttpValidationProblemDetails(…))) carries
    // its field errors in Errors; other problems may name a field in an "errors" extension.
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(ProblemDetails problem) =>
        problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation ? validation.Errors.AsReadOnly()
        : problem.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> map ? map.AsReadOnly() : NoErrors;
}

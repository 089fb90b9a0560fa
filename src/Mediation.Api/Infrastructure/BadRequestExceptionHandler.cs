using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Infrastructure;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, bodies over the limit) into 400 problem details
/// in the caller's language, so bad input is never a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ApiMessages> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = text["BadRequest"],
                Detail = badRequest.Message,
            },
        });
    }
}

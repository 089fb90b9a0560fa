using Mediation.Api.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Endpoints;

/// <summary>Residents create their own account; staff accounts are created by administrators (<c>OrganisationsEndpoints</c>).</summary>
internal static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/register", Register).WithName(nameof(Register)).WithTags("Auth").AllowAnonymous()
            .WithSummary("Register as a resident / 居民注册")
            .WithDescription("Creates a resident account. Body: {\"userName\": \"wangfang2026\", \"displayName\": \"王芳\", \"mobile\": \"13812345678\", \"password\": \"Mediation!2026\"}. "
                + "201 with the account (mobile masked); then sign in with POST /api/auth/login. 400 ValidationProblem keyed by field (userName, displayName, mobile, password) in the caller's language: "
                + "user name characters or already taken, mobile format or already registered, password rules (8+ characters, a symbol, a digit, upper and lower case). "
                + "创建居民账号；按字段返回错误（用户名、姓名、手机号、密码），手机号一号一户。")
            .ProducesValidationProblem();
        return app;
    }

    public static Task<Results<Created<ResidentAccountView>, ValidationProblem>> Register(
        RegisterResidentRequest? request, ResidentRegistration registration, CancellationToken cancellationToken) =>
        registration.RegisterAsync(request, cancellationToken);
}

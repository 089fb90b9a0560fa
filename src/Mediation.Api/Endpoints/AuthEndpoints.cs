using System.ComponentModel.DataAnnotations;
using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>Sign-in: bearer tokens for API clients, a cookie for the web UI.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous()
            .WithSummary("Sign in / 登录")
            .WithDescription("Takes {\"userName\": \"...\", \"password\": \"...\"} and answers {\"tokenType\": \"Bearer\", \"accessToken\": \"...\", \"expiresIn\": 28800, \"refreshToken\": \"...\"}. Send the token as 'Authorization: Bearer …'. With ?useCookies=true it sets the web UI's cookie instead.");
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<ApplicationUser> signIn, IStringLocalizer<ApiMessages> text, bool? useCookies)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var detail = result.IsLockedOut ? text["AccountLockedOut"] : text["LoginFailed"];
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["LoginFailedTitle"], detail: detail);
        }

        // The sign-in has written the token response (or the cookie).
        return TypedResults.Empty;
    }
}

/// <summary>User name and password.</summary>
/// <param name="UserName">The account's user name, e.g. <c>resident1</c>.</param>
/// <param name="Password">The password.</param>
internal sealed record LoginRequest([property: Required] string UserName, [property: Required] string Password);

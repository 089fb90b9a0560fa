using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Filing;
using Mediation.Api.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Residents;

/// <summary>A resident's own account (居民注册).</summary>
internal sealed class RegisterResidentRequest
{
    /// <summary>The name to sign in with: letters, digits and <c>-._@+</c>, at most 64 characters.</summary>
    /// <example>wangfang2026</example>
    public string? UserName { get; init; }

    /// <summary>The name shown to mediators and on documents (at most 50 characters).</summary>
    /// <example>王芳</example>
    public string? DisplayName { get; init; }

    /// <summary>Mainland mobile number, 11 digits starting 13–19; one account per number.</summary>
    /// <example>13812345678</example>
    public string? Mobile { get; init; }

    /// <summary>At least 8 characters with at least one symbol, one digit, one lower-case and one upper-case letter.</summary>
    /// <example>Mediation!2026</example>
    public string? Password { get; init; }
}

/// <summary>The account created.</summary>
/// <param name="UserName">The user name to sign in with.</param>
/// <param name="DisplayName">The name shown.</param>
/// <param name="Mobile">The mobile number, masked.</param>
internal sealed record ResidentAccountView(string UserName, string DisplayName, string Mobile);

/// <summary>
/// Creates resident accounts for <c>POST /api/auth/register</c> and the web page <c>/account/register</c>: the same
/// rules and messages for both. Field by field — user name (Identity's own user validators: characters, uniqueness),
/// display name, mobile (format, one account per number), password (Identity's password validators) — in the
/// caller's language.
/// </summary>
internal sealed class ResidentRegistration(
    UserManager<ApplicationUser> users,
    IStringLocalizer<ApiMessages> apiText,
    IStringLocalizer<ResidentMessages> text)
{
    public const int MaxDisplayName = 50;

    public async Task<Results<Created<ResidentAccountView>, ValidationProblem>> RegisterAsync(RegisterResidentRequest? request, CancellationToken cancellationToken)
    {
        request ??= new RegisterResidentRequest();
        var errors = new FieldErrors();
        var userName = Required(request.UserName, "userName", OrganisationRules.MaxUserNameLength, errors);
        var displayName = Required(request.DisplayName, "displayName", MaxDisplayName, errors);
        var mobile = request.Mobile?.Trim();
        if (string.IsNullOrEmpty(mobile))
        {
            errors.Add("mobile", apiText["FieldRequired"]);
        }
        else if (!PartyIdentifiers.IsMobile(mobile))
        {
            errors.Add("mobile", apiText["PhoneInvalid"]);
        }
        else if (await users.Users.AnyAsync(u => u.PhoneNumber == mobile, cancellationToken))
        {
            errors.Add("mobile", text["MobileInUse"]);
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, PhoneNumber = mobile, LockoutEnabled = true };
        if (userName is not null)
        {
            foreach (var validator in users.UserValidators)
            {
                OrganisationRules.AddIdentityErrors((await validator.ValidateAsync(users, user)).Errors, users.Options, userName, errors, apiText);
            }
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", apiText["FieldRequired"]);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                OrganisationRules.AddIdentityErrors((await validator.ValidateAsync(users, user, request.Password)).Errors, users.Options, userName ?? string.Empty, errors, apiText);
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: text["RegistrationInvalid"]);
        }

        var created = await users.CreateAsync(user, request.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Resident);
            if (!created.Succeeded)
            {
                await users.DeleteAsync(user);
            }
        }

        if (!created.Succeeded)
        {
            // Lost a race for the same user name.
            OrganisationRules.AddIdentityErrors(created.Errors, users.Options, userName!, errors, apiText);
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: text["RegistrationInvalid"]);
        }

        return TypedResults.Created("/api/auth/login", new ResidentAccountView(user.UserName!, displayName!, Disputes.Contracts.PersonalData.MaskPhone(mobile)!));
    }

    private string? Required(string? value, string field, int maxLength, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, apiText["FieldRequired"]);
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, apiText["FieldTooLong", maxLength]);
            return null;
        }

        return trimmed;
    }
}

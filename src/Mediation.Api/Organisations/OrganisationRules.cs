using System.Globalization;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Organisations;

/// <summary>
/// The rules an organisation or mediator must satisfy. The tree nests by code (统计用区划代码): a district has 6 digits,
/// each level below adds 3, so a township's code is its district's followed by 3 digits and a village's its township's
/// followed by 3. Professional bodies stand beside the tree with a code of their own and the area code they serve.
/// </summary>
internal static class OrganisationRules
{
    public const int MaxNameLength = 100;
    public const int MaxNameEnLength = 200;
    public const int MaxCodeLength = 32;
    public const int MaxUserNameLength = 64;
    public const int MaxSpecialties = 20;

    /// <summary>The kinds as the API spells them.</summary>
    public static readonly IReadOnlyDictionary<string, OrganisationKind> KindNames = new Dictionary<string, OrganisationKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["district"] = OrganisationKind.District,
        ["township"] = OrganisationKind.Township,
        ["village"] = OrganisationKind.Village,
        ["professionalBody"] = OrganisationKind.ProfessionalBody,
    };

    /// <summary>Area code lengths of a province, city, district, township and village.</summary>
    private static readonly int[] AreaCodeLengths = [2, 4, 6, 9, 12];

    public static string KindList => string.Join(", ", KindNames.Keys);

    /// <summary>The organisation's name in the caller's language: the English name for English callers when there is one.</summary>
    public static string DisplayName(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(organisation.NameEn) ? organisation.NameEn : organisation.Name;
    }

    /// <summary>The kind one level above <paramref name="kind"/> in the tree, or null for districts and bodies.</summary>
    public static OrganisationKind? ParentKindOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Township => OrganisationKind.District,
        OrganisationKind.Village => OrganisationKind.Township,
        _ => null,
    };

    public static int CodeLengthOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.District => 6,
        OrganisationKind.Township => 9,
        _ => 12,
    };

    public static bool IsDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    /// <summary>A body's own code: letters, digits and hyphens with at least one letter, so it never reads as an area code.</summary>
    public static bool IsBodyCode(string value) =>
        value.Length is >= 2 and <= MaxCodeLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && value.Any(char.IsAsciiLetter);

    public static bool IsAreaCode(string value) => IsDigits(value) && AreaCodeLengths.Contains(value.Length);

    /// <summary>Parses a kind; a missing or unknown value is a field error.</summary>
    public static OrganisationKind? ParseKind(string? value, string field, bool required, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, text["OrgFieldRequired"]);
            }

            return null;
        }

        if (KindNames.TryGetValue(value.Trim(), out var kind))
        {
            return kind;
        }

        errors.Add(field, text["OrgValueNotOneOf", value, KindList]);
        return null;
    }

    /// <summary>A required text: trimmed, not empty, not longer than <paramref name="maxLength"/>.</summary>
    public static string? RequiredText(string? value, string field, int maxLength, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, text["OrgFieldRequired"]);
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, text["OrgFieldTooLong", maxLength]);
            return null;
        }

        return trimmed;
    }

    /// <summary>An optional text: trimmed, empty becomes null.</summary>
    public static string? OptionalText(string? value, string field, int maxLength, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, text["OrgFieldTooLong", maxLength]);
        }

        return trimmed;
    }

    public static bool RequiredFlag(bool? value, string field, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        if (value is null)
        {
            errors.Add(field, text["OrgFieldRequired"]);
        }

        return value ?? false;
    }

    /// <summary>Specialties: categories of the published workflows, without duplicates, at most <see cref="MaxSpecialties"/>.</summary>
    public static List<string> Specialties(IReadOnlyList<string>? values, bool required, WorkflowRegistry registry, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        if (values is null)
        {
            if (required)
            {
                errors.Add("specialties", text["OrgFieldRequired"]);
            }

            return [];
        }

        if (values.Count > MaxSpecialties)
        {
            errors.Add("specialties", text["OrgTooManyItems", MaxSpecialties]);
            return [];
        }

        var known = registry.Catalog.Latest.SelectMany(w => w.Definition.Categories).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                errors.Add($"specialties[{i}]", text["OrgFieldRequired"]);
            }
            else if (!known.Contains(value))
            {
                errors.Add($"specialties[{i}]", text["OrgSpecialtyUnknown", value, string.Join(", ", known.Order(StringComparer.Ordinal))]);
            }
            else if (!result.Contains(value, StringComparer.Ordinal))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>
    /// Checks each field of a new organisation on its own: the kind, the name, the code's shape for the kind, and
    /// which of parentId, bodyId and servesAreaCode the kind takes. Returns null (with field errors) when any is wrong.
    /// </summary>
    public static NewOrganisation? ReadNew(CreateOrganisationRequest body, WorkflowRegistry registry, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var kind = ParseKind(body.Kind, "kind", required: true, errors, text);
        var name = RequiredText(body.Name, "name", MaxNameLength, errors, text);
        var nameEn = OptionalText(body.NameEn, "nameEn", MaxNameEnLength, errors, text);
        var code = RequiredText(body.Code, "code", MaxCodeLength, errors, text);
        var bodyId = body.BodyId?.Trim();
        var servesAreaCode = body.ServesAreaCode?.Trim();
        if (kind == OrganisationKind.ProfessionalBody)
        {
            if (code is not null && !IsBodyCode(code))
            {
                errors.Add("code", text["OrgBodyCodeInvalid"]);
            }

            var bodies = registry.Library.Context.Bodies;
            if (string.IsNullOrEmpty(bodyId))
            {
                errors.Add("bodyId", text["OrgFieldRequired"]);
            }
            else if (!bodies.ContainsKey(bodyId))
            {
                errors.Add("bodyId", text["OrgBodyIdUnknown", bodyId, string.Join(", ", bodies.Keys.Order(StringComparer.Ordinal))]);
            }

            if (string.IsNullOrEmpty(servesAreaCode))
            {
                errors.Add("servesAreaCode", text["OrgFieldRequired"]);
            }
            else if (!IsAreaCode(servesAreaCode))
            {
                errors.Add("servesAreaCode", text["OrgServesAreaInvalid"]);
            }

            if (body.ParentId is not null)
            {
                errors.Add("parentId", text["OrgParentNotAllowed"]);
            }
        }
        else if (kind is { } treeKind)
        {
            if (code is not null && !(IsDigits(code) && code.Length == CodeLengthOf(treeKind)))
            {
                errors.Add("code", text["OrgAreaCodeLength", CodeLengthOf(treeKind)]);
            }

            if (!string.IsNullOrEmpty(bodyId))
            {
                errors.Add("bodyId", text["OrgOnlyForBodies"]);
            }

            if (!string.IsNullOrEmpty(servesAreaCode))
            {
                errors.Add("servesAreaCode", text["OrgOnlyForBodies"]);
            }

            if (treeKind == OrganisationKind.District && body.ParentId is not null)
            {
                errors.Add("parentId", text["OrgParentNotAllowed"]);
            }
            else if (treeKind != OrganisationKind.District && body.ParentId is null)
            {
                errors.Add("parentId", text["OrgFieldRequired"]);
            }
        }

        if (errors.Any)
        {
            return null;
        }

        var isBody = kind == OrganisationKind.ProfessionalBody;
        return new NewOrganisation(kind!.Value, body.ParentId, code!, name!, nameEn, isBody ? bodyId : null, isBody ? servesAreaCode : null, body.AutoAssign ?? false);
    }

    /// <summary>
    /// How a new organisation fits: one level below an active parent with the parent's code followed by 3 digits (not
    /// 000); a body serving an area of the tree that no active body of its kind serves yet; a code nobody uses.
    /// </summary>
    public static async Task CheckPlacementAsync(
        MediationDbContext db, NewOrganisation draft, Organisation? parent, FieldErrors errors, IStringLocalizer text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        if (parent is not null)
        {
            if (parent.Kind != ParentKindOf(draft.Kind))
            {
                errors.Add("parentId", parent.Kind is OrganisationKind.Village or OrganisationKind.ProfessionalBody
                    ? text["OrgParentHasNoChildren", KindText(parent.Kind, text)]
                    : text["OrgKindBelowParent", KindText(parent.Kind, text), KindText(parent.Kind == OrganisationKind.District ? OrganisationKind.Township : OrganisationKind.Village, text)]);
            }
            else if (!draft.Code.StartsWith(parent.Code, StringComparison.Ordinal) || draft.Code.Length != parent.Code.Length + 3)
            {
                errors.Add("code", text["OrgCodeMustExtendParent", parent.Code]);
            }
            else if (draft.Code.EndsWith("000", StringComparison.Ordinal))
            {
                errors.Add("code", text["OrgCodeZeroSuffix"]);
            }

            if (!parent.Active)
            {
                errors.Add("parentId", text["OrgParentInactive"]);
            }
        }

        if (draft.ServesAreaCode is { } area)
        {
            if (!await db.Organisations.AnyAsync(o => o.Kind != OrganisationKind.ProfessionalBody && o.Code.StartsWith(area), cancellationToken))
            {
                errors.Add("servesAreaCode", text["OrgServesAreaUnknown", area]);
            }
            else if (await db.Organisations.AnyAsync(o => o.BodyId == draft.BodyId && o.ServesAreaCode == area && o.Active, cancellationToken))
            {
                errors.Add("servesAreaCode", text["OrgBodyAlreadyServes", draft.BodyId!, area]);
            }
        }

        if (!errors.Any && await db.Organisations.AnyAsync(o => o.Code == draft.Code, cancellationToken))
        {
            errors.Add("code", text["OrgCodeTaken", draft.Code]);
        }
    }

    private static string KindText(OrganisationKind kind, IStringLocalizer text) => text[$"OrgKind{kind}"];

    /// <summary>Open disputes assigned to an organisation.</summary>
    public static Task<int> OpenDisputesOfOrganisationAsync(MediationDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        db.Disputes.CountAsync(d => d.OrganisationId == organisationId && !d.IsClosed, cancellationToken);

    /// <summary>Open disputes assigned to a mediator: their load.</summary>
    public static Task<int> OpenDisputesOfMediatorAsync(MediationDbContext db, Guid mediatorId, CancellationToken cancellationToken) =>
        db.Disputes.CountAsync(d => d.MediatorId == mediatorId && !d.IsClosed, cancellationToken);

    /// <summary>
    /// Identity's password and user-name errors as field errors in the caller's language. Identity describes its
    /// errors in English only; the codes are stable, so each known code has its own text here.
    /// </summary>
    public static void AddIdentityErrors(IEnumerable<IdentityError> identityErrors, IdentityOptions options, string userName, FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(identityErrors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var error in identityErrors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
                : "$";
            var message = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => text["OrgIdentityPasswordTooShort", options.Password.RequiredLength],
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => text["OrgIdentityPasswordRequiresUniqueChars", options.Password.RequiredUniqueChars],
                nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => text["OrgIdentityPasswordRequiresNonAlphanumeric"],
                nameof(IdentityErrorDescriber.PasswordRequiresDigit) => text["OrgIdentityPasswordRequiresDigit"],
                nameof(IdentityErrorDescriber.PasswordRequiresLower) => text["OrgIdentityPasswordRequiresLower"],
                nameof(IdentityErrorDescriber.PasswordRequiresUpper) => text["OrgIdentityPasswordRequiresUpper"],
                nameof(IdentityErrorDescriber.InvalidUserName) => text["OrgIdentityInvalidUserName", userName],
                nameof(IdentityErrorDescriber.DuplicateUserName) => text["OrgIdentityDuplicateUserName", userName],
                _ => new LocalizedString(error.Code, error.Description),
            };
            errors.Add(field, message);
        }
    }
}

/// <summary>A new organisation whose fields are each valid; where it goes is checked next.</summary>
internal sealed record NewOrganisation(
    OrganisationKind Kind, Guid? ParentId, string Code, string Name, string? NameEn, string? BodyId, string? ServesAreaCode, bool AutoAssign);

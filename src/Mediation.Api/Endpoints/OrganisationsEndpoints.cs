using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Infrastructure;
using Mediation.Api.Organisations;
using Mediation.Api.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>
/// Organisations (the district → township/street → village/community tree and the professional bodies) and their
/// mediators. Any signed-in user reads; organisation admins write within their subtree, system admins anywhere.
/// </summary>
internal static class OrganisationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(Policies.SignedIn);
        organisations.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations))
            .WithSummary("Organisation tree / 组织机构树")
            .WithDescription("Districts with their townships/streets and villages/communities, and the professional bodies with the area each serves. ?kind=district|township|village|professionalBody lists one kind only. No personal data.");
        organisations.MapGet("/{id:guid}", GetOrganisation).WithName(nameof(GetOrganisation))
            .WithSummary("Get an organisation / 获取组织");
        organisations.MapPost("/", CreateOrganisation).WithName(nameof(CreateOrganisation))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .Accepts<CreateOrganisationRequest>("application/json")
            .WithSummary("Create an organisation / 新建组织")
            .WithDescription("Under a parent one level up, with the parent's code followed by 3 digits; a professional body with bodyId and servesAreaCode. Organisation admins within their subtree only.");
        organisations.MapPut("/{id:guid}", UpdateOrganisation).WithName(nameof(UpdateOrganisation))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .Accepts<UpdateOrganisationRequest>("application/json")
            .WithSummary("Update an organisation / 修改组织")
            .WithDescription("Replaces name, nameEn, autoAssign and active. Deactivating is refused (409) while open disputes are assigned to it.");
        organisations.MapPost("/{id:guid}/deactivate", DeactivateOrganisation).WithName(nameof(DeactivateOrganisation))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Deactivate an organisation / 停用组织")
            .WithDescription("Refused (409) while open disputes are assigned to it.");
        organisations.MapGet("/{id:guid}/mediators", ListMediators).WithName(nameof(ListMediators))
            .WithSummary("Mediators of an organisation / 组织的调解员")
            .WithDescription("Each with specialties, active flag and load (open disputes assigned to them).");
        organisations.MapPost("/{id:guid}/mediators", CreateMediator).WithName(nameof(CreateMediator))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .Accepts<CreateMediatorRequest>("application/json")
            .WithSummary("Add a mediator / 新增调解员")
            .WithDescription("Creates the sign-in account (role mediator) with the initial password given, which must satisfy the password rules.");

        var mediators = app.MapGroup("/api/mediators").WithTags("Organisations").RequireAuthorization(Policies.SignedIn);
        mediators.MapGet("/{id:guid}", GetMediator).WithName(nameof(GetMediator))
            .WithSummary("Get a mediator / 获取调解员");
        mediators.MapPut("/{id:guid}", UpdateMediator).WithName(nameof(UpdateMediator))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .Accepts<UpdateMediatorRequest>("application/json")
            .WithSummary("Update a mediator / 修改调解员")
            .WithDescription("Replaces name, specialties and active; another organisationId moves them (within the admin's subtree). Deactivating or moving is refused (409) while they have open disputes.");
        mediators.MapPost("/{id:guid}/deactivate", DeactivateMediator).WithName(nameof(DeactivateMediator))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Deactivate a mediator / 停用调解员")
            .WithDescription("Refused (409) while open disputes are assigned to them.");
        return app;
    }

    public static async Task<Results<Ok<OrganisationTree>, ProblemHttpResult>> ListOrganisations(
        string? kind, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filter = OrganisationRules.ParseKind(kind, "kind", required: false, errors, text);
        if (errors.Any)
        {
            return RequestProblems.Validation(errors, text["BadRequest"]);
        }

        var all = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        all.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        var tree = all.Where(o => o.Kind != OrganisationKind.ProfessionalBody).ToList();
        List<OrganisationNode> organisations = [];
        if (filter is null)
        {
            var nodes = tree.ToDictionary(o => o.Id, OrganisationNode.From);
            foreach (var organisation in tree)
            {
                if (organisation.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent))
                {
                    parent.Children.Add(nodes[organisation.Id]);
                }
                else
                {
                    organisations.Add(nodes[organisation.Id]);
                }
            }
        }
        else if (filter != OrganisationKind.ProfessionalBody)
        {
            organisations = [.. tree.Where(o => o.Kind == filter).Select(OrganisationNode.From)];
        }

        var names = tree.ToDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal);
        var bodies = filter is null or OrganisationKind.ProfessionalBody
            ? all.Where(o => o.Kind == OrganisationKind.ProfessionalBody)
                .Select(o => new ProfessionalBodyView(o.Id, o.Code, o.Name, o.NameEn, o.BodyId, o.ServesAreaCode,
                    o.ServesAreaCode is { } area ? names.GetValueOrDefault(area) : null, o.Active, o.AutoAssign))
                .ToList()
            : [];
        return TypedResults.Ok(new OrganisationTree(organisations, bodies));
    }

    public static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> GetOrganisation(
        Guid id, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null
            ? RequestProblems.NotFound(text, text["OrganisationNotFound", id])
            : TypedResults.Ok(await DetailAsync(db, organisation, cancellationToken));
    }

    public static async Task<Results<Created<OrganisationDetail>, ProblemHttpResult>> CreateOrganisation(
        HttpRequest request, MediationDbContext db, ActorAccessor actors, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var read = await JsonRequestBody.ReadAsync<CreateOrganisationRequest>(request, RequestProblems.MaxBodyBytes, cancellationToken);
        if (RequestProblems.ForBody(read, text) is { } problem)
        {
            return problem;
        }

        return await CreateOrganisationAsync(read.Value!, actors.Current, db, registry, text, cancellationToken);
    }

    /// <summary>Creates an organisation as <paramref name="actor"/>: what the endpoint does once the body is read (the administrator console calls it in-process).</summary>
    public static async Task<Results<Created<OrganisationDetail>, ProblemHttpResult>> CreateOrganisationAsync(
        CreateOrganisationRequest body, Actor actor, MediationDbContext db, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        // Each field on its own (400), the parent (404), the administrator's area (403), then how it fits the tree (400).
        var errors = new FieldErrors();
        var draft = OrganisationRules.ReadNew(body, registry, errors, text);
        if (draft is null)
        {
            return RequestProblems.Validation(errors, text["OrganisationInvalid"]);
        }

        Organisation? parent = null;
        if (draft.ParentId is { } parentId)
        {
            parent = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return RequestProblems.NotFound(text, "parentId", text["OrgParentNotFound", parentId]);
            }
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        if (!(draft.Kind == OrganisationKind.ProfessionalBody ? scope.CoversArea(draft.ServesAreaCode!) : scope.CoversCode(draft.Code)))
        {
            return OutsideScope(scope, text);
        }

        await OrganisationRules.CheckPlacementAsync(db, draft, parent, errors, text, cancellationToken);
        if (errors.Any)
        {
            return RequestProblems.Validation(errors, text["OrganisationInvalid"]);
        }

        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            Code = draft.Code,
            Name = draft.Name,
            NameEn = draft.NameEn,
            Kind = draft.Kind,
            ParentId = parent?.Id,
            BodyId = draft.BodyId,
            ServesAreaCode = draft.ServesAreaCode,
            AutoAssign = draft.AutoAssign,
        };
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(organisation).State = EntityState.Detached;
            if (!await db.Organisations.AnyAsync(o => o.Code == organisation.Code, cancellationToken))
            {
                throw;
            }

            // Someone created the same code a moment earlier.
            errors.Add("code", text["OrgCodeTaken", organisation.Code]);
            return RequestProblems.Validation(errors, text["OrganisationInvalid"]);
        }

        return TypedResults.Created($"/api/organisations/{organisation.Id}", await DetailAsync(db, organisation, cancellationToken));
    }

    public static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> UpdateOrganisation(
        Guid id, HttpRequest request, MediationDbContext db, ActorAccessor actors, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var (_, _, refused) = await OrganisationInScopeAsync(id, tracked: false, db, actors.Current, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var read = await JsonRequestBody.ReadAsync<UpdateOrganisationRequest>(request, RequestProblems.MaxBodyBytes, cancellationToken);
        if (RequestProblems.ForBody(read, text) is { } problem)
        {
            return problem;
        }

        return await UpdateOrganisationAsync(id, read.Value!, actors.Current, db, text, cancellationToken);
    }

    /// <summary>Replaces an organisation's editable fields as <paramref name="actor"/> (the endpoint once the body is read).</summary>
    public static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> UpdateOrganisationAsync(
        Guid id, UpdateOrganisationRequest body, Actor actor, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var (organisation, _, refused) = await OrganisationInScopeAsync(id, tracked: true, db, actor, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var name = OrganisationRules.RequiredText(body.Name, "name", OrganisationRules.MaxNameLength, errors, text);
        var nameEn = OrganisationRules.OptionalText(body.NameEn, "nameEn", OrganisationRules.MaxNameEnLength, errors, text);
        var autoAssign = OrganisationRules.RequiredFlag(body.AutoAssign, "autoAssign", errors, text);
        var active = OrganisationRules.RequiredFlag(body.Active, "active", errors, text);
        if (errors.Any)
        {
            return RequestProblems.Validation(errors, text["OrganisationInvalid"]);
        }

        if (organisation.Active && !active && await OpenDisputesBlockAsync(db, organisation, text, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        organisation.Name = name!;
        organisation.NameEn = nameEn;
        organisation.AutoAssign = autoAssign;
        organisation.Active = active;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await DetailAsync(db, organisation, cancellationToken));
    }

    public static Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> DeactivateOrganisation(
        Guid id, MediationDbContext db, ActorAccessor actors, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken) =>
        DeactivateOrganisationAsync(id, actors.Current, db, text, cancellationToken);

    /// <summary>Deactivates an organisation as <paramref name="actor"/>.</summary>
    public static async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> DeactivateOrganisationAsync(
        Guid id, Actor actor, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var (organisation, _, refused) = await OrganisationInScopeAsync(id, tracked: true, db, actor, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (organisation.Active)
        {
            if (await OpenDisputesBlockAsync(db, organisation, text, cancellationToken) is { } conflict)
            {
                return conflict;
            }

            organisation.Active = false;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await DetailAsync(db, organisation, cancellationToken));
    }

    public static Task<Results<Ok<List<MediatorView>>, ProblemHttpResult>> ListMediators(
        Guid id, MediationDbContext db, ActorAccessor actors, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken) =>
        ListMediatorsAsync(id, actors.Current, db, text, cancellationToken);

    /// <summary>An organisation's mediators as <paramref name="actor"/> sees them (account names only for their administrators).</summary>
    public static async Task<Results<Ok<List<MediatorView>>, ProblemHttpResult>> ListMediatorsAsync(
        Guid id, Actor actor, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return RequestProblems.NotFound(text, text["OrganisationNotFound", id]);
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        var mediators = await MediatorQuery(db).Where(m => m.OrganisationId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(mediators
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => View(m, organisation, scope.Covers(organisation)))
            .ToList());
    }

    public static async Task<Results<Created<MediatorView>, ProblemHttpResult>> CreateMediator(
        Guid id,
        HttpRequest request,
        MediationDbContext db,
        ActorAccessor actors,
        UserManager<ApplicationUser> users,
        WorkflowRegistry registry,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var (_, _, refused) = await OrganisationInScopeAsync(id, tracked: false, db, actors.Current, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var read = await JsonRequestBody.ReadAsync<CreateMediatorRequest>(request, RequestProblems.MaxBodyBytes, cancellationToken);
        if (RequestProblems.ForBody(read, text) is { } problem)
        {
            return problem;
        }

        return await CreateMediatorAsync(id, read.Value!, actors.Current, db, users, registry, text, cancellationToken);
    }

    /// <summary>Adds a mediator and their account as <paramref name="actor"/> (the endpoint once the body is read).</summary>
    public static async Task<Results<Created<MediatorView>, ProblemHttpResult>> CreateMediatorAsync(
        Guid id,
        CreateMediatorRequest body,
        Actor actor,
        MediationDbContext db,
        UserManager<ApplicationUser> users,
        WorkflowRegistry registry,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var (organisation, _, refused) = await OrganisationInScopeAsync(id, tracked: false, db, actor, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var userName = OrganisationRules.RequiredText(body.UserName, "userName", OrganisationRules.MaxUserNameLength, errors, text);
        var name = OrganisationRules.RequiredText(body.Name, "name", OrganisationRules.MaxNameLength, errors, text);
        var specialties = OrganisationRules.Specialties(body.Specialties, required: false, registry, errors, text);
        if (string.IsNullOrEmpty(body.Password))
        {
            errors.Add("password", text["OrgFieldRequired"]);
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = name, OrganisationId = organisation.Id, LockoutEnabled = true };
        if (userName is not null)
        {
            foreach (var validator in users.UserValidators)
            {
                OrganisationRules.AddIdentityErrors((await validator.ValidateAsync(users, user)).Errors, users.Options, userName, errors, text);
            }
        }

        if (!string.IsNullOrEmpty(body.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                OrganisationRules.AddIdentityErrors((await validator.ValidateAsync(users, user, body.Password)).Errors, users.Options, userName ?? string.Empty, errors, text);
            }
        }

        if (errors.Any)
        {
            return RequestProblems.Validation(errors, text["OrgMediatorInvalid"]);
        }

        if (!organisation.Active)
        {
            return RequestProblems.Status(StatusCodes.Status409Conflict, text["OrgConflictTitle"], text["OrganisationInactive", OrganisationRules.DisplayName(organisation)]);
        }

        var mediator = new Mediator { Id = Guid.NewGuid(), UserId = user.Id, OrganisationId = organisation.Id, Name = name!, Specialties = specialties };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user, body.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Mediator);
            }

            if (!created.Succeeded)
            {
                // A race with another request for the same user name.
                await transaction.RollbackAsync(cancellationToken);
                OrganisationRules.AddIdentityErrors(created.Errors, users.Options, userName!, errors, text);
                return RequestProblems.Validation(errors, text["OrgMediatorInvalid"]);
            }

            db.Mediators.Add(mediator);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Created($"/api/mediators/{mediator.Id}", new MediatorView(
            mediator.Id, mediator.Name, user.UserName, organisation.Id, organisation.Code, organisation.Name, mediator.Specialties, mediator.Active, 0));
    }

    public static async Task<Results<Ok<MediatorView>, ProblemHttpResult>> GetMediator(
        Guid id, MediationDbContext db, ActorAccessor actors, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var row = await MediatorQuery(db).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null)
        {
            return RequestProblems.NotFound(text, text["OrgMediatorNotFound", id]);
        }

        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == row.OrganisationId, cancellationToken);
        var scope = await AdminScope.ForAsync(actors.Current, db, cancellationToken);
        return TypedResults.Ok(View(row, organisation, scope.Covers(organisation)));
    }

    public static async Task<Results<Ok<MediatorView>, ProblemHttpResult>> UpdateMediator(
        Guid id,
        HttpRequest request,
        MediationDbContext db,
        ActorAccessor actors,
        UserManager<ApplicationUser> users,
        WorkflowRegistry registry,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var located = await db.Mediators.AsNoTracking().Include(m => m.Organisation).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (located is null)
        {
            return RequestProblems.NotFound(text, text["OrgMediatorNotFound", id]);
        }

        var outer = await AdminScope.ForAsync(actors.Current, db, cancellationToken);
        if (!outer.Covers(located.Organisation!))
        {
            return OutsideScope(outer, text);
        }

        var read = await JsonRequestBody.ReadAsync<UpdateMediatorRequest>(request, RequestProblems.MaxBodyBytes, cancellationToken);
        if (RequestProblems.ForBody(read, text) is { } problem)
        {
            return problem;
        }

        return await UpdateMediatorAsync(id, read.Value!, actors.Current, db, users, registry, text, cancellationToken);
    }

    /// <summary>Replaces a mediator's fields, or moves them, as <paramref name="actor"/> (the endpoint once the body is read).</summary>
    public static async Task<Results<Ok<MediatorView>, ProblemHttpResult>> UpdateMediatorAsync(
        Guid id,
        UpdateMediatorRequest body,
        Actor actor,
        MediationDbContext db,
        UserManager<ApplicationUser> users,
        WorkflowRegistry registry,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var mediator = await db.Mediators.Include(m => m.Organisation).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mediator is null)
        {
            return RequestProblems.NotFound(text, text["OrgMediatorNotFound", id]);
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        if (!scope.Covers(mediator.Organisation!))
        {
            return OutsideScope(scope, text);
        }

        var errors = new FieldErrors();
        var name = OrganisationRules.RequiredText(body.Name, "name", OrganisationRules.MaxNameLength, errors, text);
        var specialties = OrganisationRules.Specialties(body.Specialties, required: true, registry, errors, text);
        var active = OrganisationRules.RequiredFlag(body.Active, "active", errors, text);
        if (body.OrganisationId is null)
        {
            errors.Add("organisationId", text["OrgFieldRequired"]);
        }

        if (errors.Any)
        {
            return RequestProblems.Validation(errors, text["OrgMediatorInvalid"]);
        }

        var target = mediator.Organisation!;
        var moving = body.OrganisationId != mediator.OrganisationId;
        if (moving)
        {
            target = await db.Organisations.FirstOrDefaultAsync(o => o.Id == body.OrganisationId, cancellationToken);
            if (target is null)
            {
                return RequestProblems.NotFound(text, "organisationId", text["OrganisationNotFound", body.OrganisationId!.Value]);
            }

            if (!scope.Covers(target))
            {
                return OutsideScope(scope, text);
            }

            if (!target.Active)
            {
                errors.Add("organisationId", text["OrganisationInactive", OrganisationRules.DisplayName(target)]);
                return RequestProblems.Validation(errors, text["OrgMediatorInvalid"]);
            }
        }

        var load = await OrganisationRules.OpenDisputesOfMediatorAsync(db, mediator.Id, cancellationToken);
        if (load > 0 && (moving || (mediator.Active && !active)))
        {
            return RequestProblems.Conflict(text, moving ? text["OrgMediatorMoveHasOpenDisputes", mediator.Name, load] : text["OrgMediatorHasOpenDisputes", mediator.Name, load], load);
        }

        var user = await users.FindByIdAsync(mediator.UserId);
        var signInChanges = moving || mediator.Active != active;
        mediator.Name = name!;
        mediator.Specialties = specialties;
        mediator.Active = active;
        mediator.OrganisationId = target.Id;
        mediator.Organisation = target;
        if (user is not null)
        {
            user.DisplayName = name;
            user.OrganisationId = target.Id;
        }

        await SaveMediatorAsync(db, users, user, signInChanges, cancellationToken);
        return TypedResults.Ok(new MediatorView(
            mediator.Id, mediator.Name, user?.UserName, target.Id, target.Code, target.Name, mediator.Specialties, mediator.Active, load));
    }

    public static Task<Results<Ok<MediatorView>, ProblemHttpResult>> DeactivateMediator(
        Guid id, MediationDbContext db, ActorAccessor actors, UserManager<ApplicationUser> users, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken) =>
        DeactivateMediatorAsync(id, actors.Current, db, users, text, cancellationToken);

    /// <summary>Deactivates a mediator as <paramref name="actor"/>.</summary>
    public static async Task<Results<Ok<MediatorView>, ProblemHttpResult>> DeactivateMediatorAsync(
        Guid id, Actor actor, MediationDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var mediator = await db.Mediators.Include(m => m.Organisation).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mediator is null)
        {
            return RequestProblems.NotFound(text, text["OrgMediatorNotFound", id]);
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        var organisation = mediator.Organisation!;
        if (!scope.Covers(organisation))
        {
            return OutsideScope(scope, text);
        }

        var load = await OrganisationRules.OpenDisputesOfMediatorAsync(db, mediator.Id, cancellationToken);
        var user = await users.FindByIdAsync(mediator.UserId);
        if (mediator.Active)
        {
            if (load > 0)
            {
                return RequestProblems.Conflict(text, text["OrgMediatorHasOpenDisputes", mediator.Name, load], load);
            }

            mediator.Active = false;
            await SaveMediatorAsync(db, users, user, signInChanges: true, cancellationToken);
        }

        return TypedResults.Ok(new MediatorView(
            mediator.Id, mediator.Name, user?.UserName, organisation.Id, organisation.Code, organisation.Name, mediator.Specialties, mediator.Active, load));
    }

    /// <summary>Saves; when what the mediator may do changes, also renews the account's security stamp so sign-in cookies are re-issued with the new claims.</summary>
    private static async Task SaveMediatorAsync(MediationDbContext db, UserManager<ApplicationUser> users, ApplicationUser? user, bool signInChanges, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (signInChanges && user is not null)
        {
            var renewed = await users.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded)
            {
                throw new InvalidOperationException($"The security stamp of mediator account {user.Id} could not be renewed: {string.Join("; ", renewed.Errors.Select(e => e.Code))}");
            }
        }
    }

    private static async Task<ProblemHttpResult?> OpenDisputesBlockAsync(MediationDbContext db, Organisation organisation, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var open = await OrganisationRules.OpenDisputesOfOrganisationAsync(db, organisation.Id, cancellationToken);
        return open > 0 ? RequestProblems.Conflict(text, text["OrganisationHasOpenDisputes", OrganisationRules.DisplayName(organisation), open], open) : null;
    }

    /// <summary>The organisation <paramref name="id"/> and the caller's admin scope, or the 404/403 problem that refuses them.</summary>
    private static async Task<(Organisation Organisation, AdminScope Scope, ProblemHttpResult? Refused)> OrganisationInScopeAsync(
        Guid id, bool tracked, MediationDbContext db, Actor actor, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var organisations = tracked ? db.Organisations : db.Organisations.AsNoTracking();
        var organisation = await organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return (null!, null!, RequestProblems.NotFound(text, text["OrganisationNotFound", id]));
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        return scope.Covers(organisation) ? (organisation, scope, null) : (organisation, scope, OutsideScope(scope, text));
    }

    private static ProblemHttpResult OutsideScope(AdminScope scope, IStringLocalizer text) =>
        RequestProblems.Forbidden(text, scope.Home is { } home ? text["OrgOutsideSubtree", OrganisationRules.DisplayName(home), home.Code] : text["OrgNoAdminOrganisation"]);

    private static async Task<OrganisationDetail> DetailAsync(MediationDbContext db, Organisation organisation, CancellationToken cancellationToken)
    {
        var path = new List<OrganisationRef>();
        for (var parentId = organisation.ParentId; parentId is { } next && path.Count < 8;)
        {
            var parent = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == next, cancellationToken);
            if (parent is null)
            {
                break;
            }

            path.Insert(0, OrganisationRef.From(parent));
            parentId = parent.ParentId;
        }

        var children = await db.Organisations.AsNoTracking().Where(o => o.ParentId == organisation.Id).ToListAsync(cancellationToken);
        return new OrganisationDetail(
            organisation.Id, organisation.Code, organisation.Name, organisation.NameEn, organisation.Kind, organisation.ParentId, path,
            organisation.BodyId, organisation.ServesAreaCode, organisation.Active, organisation.AutoAssign,
            [.. children.OrderBy(c => c.Code, StringComparer.Ordinal).Select(OrganisationRef.From)]);
    }

    private static IQueryable<MediatorRow> MediatorQuery(MediationDbContext db) =>
        db.Mediators.AsNoTracking().Select(m => new MediatorRow
        {
            Id = m.Id,
            Name = m.Name,
            OrganisationId = m.OrganisationId,
            Specialties = m.Specialties,
            Active = m.Active,
            UserName = db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault(),
            Load = db.Disputes.Count(d => d.MediatorId == m.Id && !d.IsClosed),
        });

    private static MediatorView View(MediatorRow row, Organisation organisation, bool showAccount) => new(
        row.Id, row.Name, showAccount ? row.UserName : null, organisation.Id, organisation.Code, organisation.Name, row.Specialties, row.Active, row.Load);

    private sealed class MediatorRow
    {
        public Guid Id { get; init; }

        public required string Name { get; init; }

        public Guid OrganisationId { get; init; }

        public required List<string> Specialties { get; init; }

        public bool Active { get; init; }

        public string? UserName { get; init; }

        public int Load { get; init; }
    }
}

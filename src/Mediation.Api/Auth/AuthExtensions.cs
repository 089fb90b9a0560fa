using System.Security.Claims;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Api.Auth;

internal static class AuthExtensions
{
    /// <summary>The scheme that picks bearer tokens for API clients and cookies for the web UI.</summary>
    public const string ApiOrCookieScheme = "BearerOrCookie";

    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MediationDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MediationClaimsFactory>()
            .AddDefaultTokenProviders();

        if (builder.Environment.IsEnvironment("Testing"))
        {
            // Tests create many accounts; the production iteration count only slows them down.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        }

        services.AddAuthentication(ApiOrCookieScheme)
            .AddPolicyScheme(ApiOrCookieScheme, "Bearer token or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();

        services.AddAuthorizationBuilder().AddPolicies();
        services.AddHttpContextAccessor();
        services.AddScoped<ActorAccessor>();
        services.AddScoped<IDatabaseSeeder, RoleSeeder>();
        services.AddScoped<IDatabaseSeeder, Seeding.DemoSeeder>();
        return builder;
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Policies.RolesFor)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        return authorization;
    }

    public static WebApplication UseAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Adds the mediator and organisation a user acts for to their claims, so each request knows its actor without a query.</summary>
internal sealed class MediationClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    MediationDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string MediatorClaim = "mediation:mediator";
    public const string OrganisationClaim = "mediation:organisation";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var mediator = db.Mediators.FirstOrDefault(m => m.UserId == user.Id && m.Active);
        if (mediator is not null)
        {
            identity.AddClaim(new Claim(MediatorClaim, mediator.Id.ToString()));
            identity.AddClaim(new Claim(OrganisationClaim, mediator.OrganisationId.ToString()));
        }
        else if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(OrganisationClaim, organisationId.ToString()));
        }

        if (user.DisplayName is { } name)
        {
            identity.AddClaim(new Claim("name", name));
        }

        return identity;
    }
}

/// <summary>Creates the four roles.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole> roles) : IDatabaseSeeder
{
    public async Task SeedAsync(MediationDbContext db, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}

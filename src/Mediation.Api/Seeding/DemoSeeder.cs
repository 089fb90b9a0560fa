using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Seeding;

/// <summary>
/// Seeds the demo city and its accounts when <c>Seed:Demo</c> is true (Development and tests). Every account has the
/// password <see cref="DemoPassword"/>, which exists only where this seeder runs. Idempotent: it does nothing once the
/// organisation tree exists.
/// </summary>
internal sealed class DemoSeeder(IConfiguration configuration, IHostEnvironment environment, UserManager<ApplicationUser> users, ILogger<DemoSeeder> logger) : IDatabaseSeeder
{
    public const string DemoPassword = "Mediation!2026";

    public async Task SeedAsync(MediationDbContext db, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seed:Demo", false))
        {
            return;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Seed:Demo is on in Production: demo accounts with a published password must never exist there.");
        }

        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        var byCode = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var demo in DemoCity.Organisations())
        {
            var organisation = new Organisation
            {
                Id = Guid.NewGuid(),
                Code = demo.Code,
                Name = demo.Name,
                NameEn = demo.NameEn,
                Kind = demo.Kind switch
                {
                    DemoKind.District => OrganisationKind.District,
                    DemoKind.Township => OrganisationKind.Township,
                    _ => OrganisationKind.Village,
                },
                ParentId = demo.ParentCode is null ? null : byCode[demo.ParentCode].Id,
            };
            byCode[demo.Code] = organisation;
            db.Organisations.Add(organisation);
        }

        foreach (var body in DemoCity.Bodies)
        {
            db.Organisations.Add(byCode[body.Code] = new Organisation
            {
                Id = Guid.NewGuid(),
                Code = body.Code,
                Name = body.Name,
                NameEn = body.NameEn,
                Kind = OrganisationKind.ProfessionalBody,
                BodyId = body.BodyId,
                ServesAreaCode = DemoCity.CityCode,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // One hash for the one demo password: hashing it once per account would make the first start slow for nothing.
        var hash = users.PasswordHasher.HashPassword(new ApplicationUser(), DemoPassword);
        await CreateUserAsync("admin", "系统管理员", Roles.SystemAdmin, null, hash);
        await CreateUserAsync("resident1", "张伟", Roles.Resident, null, hash);
        await CreateUserAsync("resident2", "李娜", Roles.Resident, null, hash);
        foreach (var district in DemoCity.Districts)
        {
            await CreateUserAsync($"orgadmin-{district.Code}", $"{district.Name}管理员", Roles.OrganisationAdmin, byCode[district.Code].Id, hash);
        }

        foreach (var organisation in byCode.Values)
        {
            var account = organisation.Kind == OrganisationKind.ProfessionalBody
                ? DemoCity.Bodies.Single(b => b.Code == organisation.Code).Account
                : organisation.Code;
            var user = await CreateUserAsync($"mediator-{account}", $"{organisation.Name}调解员", Roles.Mediator, organisation.Id, hash);
            db.Mediators.Add(new Mediator
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                OrganisationId = organisation.Id,
                Name = user.DisplayName!,
                Specialties = organisation.BodyId switch
                {
                    "medical-committee" => ["medical"],
                    "labour-mediation" => ["labour"],
                    "traffic-committee" => ["trafficAccident"],
                    _ => ["neighbour", "family", "debt", "landContract"],
                },
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo city: {Organisations} organisations and their accounts", byCode.Count);
    }

    private async Task<ApplicationUser> CreateUserAsync(string userName, string displayName, string role, Guid? organisationId, string passwordHash)
    {
        var user = new ApplicationUser
        {
            UserName = userName,
            DisplayName = displayName,
            OrganisationId = organisationId,
            PasswordHash = passwordHash,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        return user;
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

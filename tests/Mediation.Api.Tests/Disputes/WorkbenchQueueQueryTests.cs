using System.Globalization;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Tests.Disputes.Actions;
using Mediation.Api.Web.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes;

/// <summary>The workbench queue over real cases: whose cases, overdue first, the filters and the offered actions.</summary>
public sealed class WorkbenchQueueQueryTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task The_village_queue_puts_overdue_cases_first_and_filters_them()
    {
        await using var host = new CaseLifeHost();
        var first = await host.FileAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = await host.FileAsync();
        var taken = await host.FileAsync();
        await host.ActAsync(VillageMediator, taken, "take-up");
        var neighbourVillage = await host.FileAsync(location: "150302001002");

        // Past the take-up deadlines, before any timer has moved the cases on: they are overdue, still in the queue.
        host.Time.Advance(TimeSpan.FromDays(6));

        var all = await LoadAsync(host, VillageMediator, new QueueFilter());
        Assert.Equal([first, second, taken], all.Rows.Select(r => r.Id).ToArray());
        Assert.Equal([Urgency.Overdue, Urgency.Overdue, Urgency.Later], all.Rows.Select(r => r.Countdown.Urgency).ToArray());
        Assert.Equal(CountdownUnit.Days, all.Rows[2].Countdown.Unit); // the general workflow counts natural days
        Assert.True(all.Rows[0].CanTakeUp);
        Assert.True(all.Rows[0].CanDecline);
        Assert.False(all.Rows[2].CanTakeUp);
        Assert.Equal(["张伟", "王芳"], all.Rows[0].Parties.ToArray());
        Assert.Equal(3, all.Total);
        Assert.Single(all.Steps);

        Assert.Equal([taken], Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Phase = "InMediation" })));
        Assert.Equal([taken], Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Scope = QueueFilter.ScopeMine })));
        Assert.Equal([first, second], Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Scope = QueueFilter.ScopeUnassigned })));
        Assert.Equal([first, second], Ids(await LoadAsync(host, VillageMediator, new QueueFilter { OverdueOnly = true })));
        Assert.Empty(Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Category = "debt" })));
        var reference = all.Rows[1].Reference;
        Assert.Equal([second], Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Q = reference })));
        Assert.Equal(3, (await LoadAsync(host, VillageMediator, new QueueFilter { Q = "王芳" })).Total);
        Assert.Empty(Ids(await LoadAsync(host, VillageMediator, new QueueFilter { Q = "赵六" })));

        // The district's admin sees the whole subtree, the neighbouring village's case too; another village's mediator sees none of these.
        var district = await LoadAsync(host, DistrictAdmin, new QueueFilter());
        Assert.Contains(neighbourVillage, Ids(district));
        Assert.Equal([neighbourVillage], Ids(await LoadAsync(host, "mediator-150302001002", new QueueFilter())));
    }

    [Fact]
    public async Task An_invalid_page_is_reported_and_the_first_page_shown()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();

        var page = await LoadAsync(host, VillageMediator, new QueueFilter { Page = 0 });

        Assert.NotNull(page.Problem);
        Assert.Equal(1, page.Page);
        Assert.Equal([id], Ids(page));
    }

    private static Guid[] Ids(QueuePage page) => [.. page.Rows.Select(r => r.Id)];

    private static async Task<QueuePage> LoadAsync(CaseLifeHost host, string userName, QueueFilter filter)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Mediation.Api.Data.MediationDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var mediator = await db.Mediators.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.Id);
        var actor = mediator is not null
            ? new Actor(user.Id, Roles.Mediator, mediator.Id, mediator.OrganisationId)
            : new Actor(user.Id, Roles.OrganisationAdmin, null, user.OrganisationId);
        return await ActivatorUtilities.CreateInstance<WorkbenchQueueQuery>(services).LoadAsync(actor, filter, Chinese, CancellationToken.None);
    }
}

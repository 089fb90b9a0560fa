using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Privacy;
using Mediation.Api.Tests.Authorization;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Privacy;

/// <summary>The retention job on a moved clock, the access log's own retention, and the public figures' exclusion of closed mediation.</summary>
public sealed class RetentionAndFiguresTests
{
    [Fact]
    public async Task ClosedCase_AnonymisedOnlyAfterTheRetentionPeriod_AttachmentsDeleted_OpenCasesUntouched()
    {
        await using var host = RetentionHost();
        var closed = await host.FileAsync();
        var open = await host.FileAsync();
        using (var resident = await host.ClientAsync(Applicant))
        {
            using var upload = MatrixContext.Upload($"/api/disputes/{closed}/attachments");
            using var uploaded = await resident.SendAsync(upload);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        var attachment = await host.DbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.DisputeId == closed));
        var fileName = attachment.StoragePath.Split('/')[^1];
        Assert.Single(Directory.EnumerateFiles(host.DataFolder, fileName, SearchOption.AllDirectories));
        await host.ActAsync(Applicant, closed, "withdraw", new { reason = "已自行和解" });
        var sentText = Guid.NewGuid();
        await host.DbAsync(async db =>
        {
            db.Deliveries.Add(new NotificationDelivery
            {
                Id = sentText,
                OutboxMessageId = await db.Outbox.Where(o => o.DisputeId == closed).Select(o => o.Id).FirstAsync(),
                DisputeId = closed,
                Channel = "sms",
                Recipient = PersonalDataTests.ApplicantPhone,
                RecipientRole = "applicant",
                Template = "case.closed",
                Body = "【纠纷调解】您的纠纷已办结。",
                Status = DeliveryStatus.Sent,
                CreatedAt = host.Now,
                SentAt = host.Now,
            });
            return await db.SaveChangesAsync();
        });

        // Ten days short of the period: nothing happens.
        await host.MoveToAsync(host.Now.AddDays(100 - 10));
        Assert.Equal(0, (await RunAsync(host)).Anonymised);

        await host.MoveToAsync(host.Now.AddDays(11));
        Assert.Equal(1, (await RunAsync(host)).Anonymised);
        Assert.Equal(0, (await RunAsync(host)).Anonymised);

        var parties = await host.DbAsync(db => db.Parties.AsNoTracking().Where(p => p.DisputeId == closed).OrderBy(p => p.Role).ToListAsync());
        Assert.Equal(["申请人（已匿名）", "被申请人（已匿名）"], parties.Select(p => p.Name).ToArray());
        Assert.All(parties, p =>
        {
            Assert.Null(p.Phone);
            Assert.Null(p.IdNumber);
            Assert.Null(p.Address);
            Assert.Null(p.UserId);
        });
        Assert.Equal(0, await host.DbAsync(db => db.Attachments.CountAsync(a => a.DisputeId == closed)));
        var text = await host.DbAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == sentText));
        Assert.Equal(Mediation.Api.Disputes.Contracts.PersonalData.MaskPhone(PersonalDataTests.ApplicantPhone), text.Recipient);
        Assert.DoesNotContain("办结", text.Body, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(host.DataFolder, fileName, SearchOption.AllDirectories));
        var mark = await host.DbAsync(db => db.Anonymisations.AsNoTracking().SingleAsync());
        Assert.Equal(closed, mark.DisputeId);
        Assert.Equal((2, 1), (mark.PartiesAnonymised, mark.AttachmentsDeleted));
        Assert.Contains("personalDataAnonymised", await host.TimelineEventsAsync(closed));

        // The open case keeps its data, however old.
        var kept = await host.DbAsync(db => db.Parties.AsNoTracking().Where(p => p.DisputeId == open).OrderBy(p => p.Role).Select(p => p.Phone).ToListAsync());
        Assert.Equal([PersonalDataTests.ApplicantPhone, PersonalDataTests.RespondentPhone], kept);
    }

    [Fact]
    public async Task AccessLog_KeptForItsRetention_ThenDeleted()
    {
        await using var host = RetentionHost();
        var id = await host.FileAsync();
        var party = (await host.PartyIdsAsync(id))[0];
        using (var mediator = await host.ClientAsync(VillageMediator))
        {
            using var read = await mediator.PostAsJsonAsync($"/api/disputes/{id}/parties/{party}/full-details", new { reason = "核对联系电话" });
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        await host.MoveToAsync(host.Now.AddDays(199));
        Assert.Equal(0, (await RunAsync(host)).AccessLogEntriesDeleted);
        Assert.Equal(1, await host.DbAsync(db => db.PersonalDataAccessLog.CountAsync()));

        await host.MoveToAsync(host.Now.AddDays(2));
        Assert.Equal(1, (await RunAsync(host)).AccessLogEntriesDeleted);
        Assert.Equal(0, await host.DbAsync(db => db.PersonalDataAccessLog.CountAsync()));
    }

    [Theory]
    [InlineData("Privacy:AccessLogRetentionDays", "179")]
    [InlineData("Privacy:AnonymiseClosedAfterDays", "7")]
    public async Task RetentionBelowTheLegalMinimum_HostRefusesToStart(string key, string value)
    {
        await using var host = new CaseLifeHost();
        host.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicFigures_LeaveOutMedicalCases_UntilEveryPartyConsents()
    {
        await using var host = RetentionHost();
        await host.FileAsync();
        var medical = await host.FileAsync("medical");
        Assert.True((await host.DisputeAsync(medical)).GetProperty("closedMediation").GetBoolean());

        var before = await FiguresAsync(host);
        Assert.Equal(1, before.GetProperty("total").GetInt32());
        Assert.False(before.GetProperty("byCategory").TryGetProperty("medical", out _));

        var one = await ConsentAsync(host, Applicant, medical);
        Assert.False(one.GetProperty("allConsented").GetBoolean());
        Assert.Equal(1, (await FiguresAsync(host)).GetProperty("total").GetInt32());

        // Staff cannot consent for the parties.
        using (var mediator = await host.ClientAsync(MedicalMediator))
        {
            using var refused = await mediator.PostAsync(new Uri($"/api/disputes/{medical}/publication/consent", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.True((await ConsentAsync(host, Respondent, medical)).GetProperty("allConsented").GetBoolean());
        var after = await FiguresAsync(host);
        Assert.Equal(2, after.GetProperty("total").GetInt32());
        Assert.Equal(1, after.GetProperty("byCategory").GetProperty("medical").GetInt32());
        Assert.Equal(2, after.GetProperty("open").GetInt32());
    }

    private static CaseLifeHost RetentionHost()
    {
        var host = new CaseLifeHost();
        host.Settings["Privacy:RunRetentionJob"] = "false";
        host.Settings["Privacy:AnonymiseClosedAfterDays"] = "100";
        host.Settings["Privacy:AccessLogRetentionDays"] = "200";
        return host;
    }

    private static Task<RetentionResult> RunAsync(CaseLifeHost host) =>
        host.Services.GetRequiredService<PrivacyRetentionJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<JsonElement> FiguresAsync(CaseLifeHost host)
    {
        using var anonymous = host.CreateClient();
        return await anonymous.GetFromJsonAsync<JsonElement>("/api/public/figures");
    }

    private static async Task<JsonElement> ConsentAsync(CaseLifeHost host, string user, Guid id)
    {
        var (status, body) = await host.PostAsync(user, id, "publication/consent");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }
}

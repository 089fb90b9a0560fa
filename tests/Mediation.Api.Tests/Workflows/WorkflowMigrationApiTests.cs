using System.Net;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;
using static Mediation.Api.Tests.Workflows.WorkflowTestSupport;

namespace Mediation.Api.Tests.Workflows;

/// <summary>Migrating running cases to a newer version with a step mapping. Each test has a host of its own.</summary>
public sealed class WorkflowMigrationApiTests
{
    private const string GoodMapping = """{ "village": "village", "township": "township", "district": "district", "follow-up": "follow-up" }""";

    [Fact]
    public async Task Migrate_BadMapping_Returns400WithIssuesByPath_InDryRunAndRealRun()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");
        var dispute = await StartDisputeAsync(factory);
        await PublishGeneralCivilV2Async(admin);

        foreach (var dryRun in new[] { "true", "false" })
        {
            var body = $$"""{ "fromVersion": 1, "toVersion": 2, "stepMapping": { "village": "nowhere", "township": "follow-up", "district": "district", "follow-up": "follow-up", "moon": "village" }, "dryRun": {{dryRun}} }""";

            var (response, problem) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations", body, "en");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["$.stepMapping.moon", "$.stepMapping.township", "$.stepMapping.village"], ErrorPaths(problem));
            Assert.Contains("MigrationUnknownTarget", FirstError(problem, "$.stepMapping.village"), StringComparison.Ordinal);
            Assert.Contains("MigrationKindMismatch", FirstError(problem, "$.stepMapping.township"), StringComparison.Ordinal);
            Assert.Contains("MigrationUnknownSource", FirstError(problem, "$.stepMapping.moon"), StringComparison.Ordinal);
        }

        var (unmapped, missing) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations", """{ "fromVersion": 1, "toVersion": 2, "stepMapping": { "village": "village" } }""", "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, unmapped.StatusCode);
        Assert.Contains("旧版本的步骤“township”没有对应的新步骤", FirstError(missing, "$.stepMapping.township"), StringComparison.Ordinal);
        Assert.Equal(1, (await LoadDisputeAsync(factory, dispute)).WorkflowVersion);
    }

    [Fact]
    public async Task Migrate_GoodMapping_DryRunChangesNothing_RealRunMovesTheCaseAndRecountsItsDeadlines()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");
        var dispute = await StartDisputeAsync(factory);
        var before = await DeadlinesAsync(factory, dispute);
        var oldTakeUp = before.Single(d => d.Kind == DeadlineKind.TakeUp && d.Status == DeadlineStatus.Pending);
        await PublishGeneralCivilV2Async(admin);
        var stranger = Guid.NewGuid();

        var (dry, planned) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            $$"""{ "fromVersion": 1, "toVersion": 2, "stepMapping": {{GoodMapping}}, "disputeIds": null, "dryRun": true }""");

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var wouldMigrate = planned.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("disputeId").GetGuid() == dispute);
        Assert.Equal(("wouldMigrate", "village"), (wouldMigrate.GetProperty("outcome").GetString(), wouldMigrate.GetProperty("newStep").GetString()));
        Assert.Equal(1, (await LoadDisputeAsync(factory, dispute)).WorkflowVersion);

        var (real, done) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            $$"""{ "fromVersion": 1, "toVersion": 2, "stepMapping": {{GoodMapping}}, "disputeIds": ["{{dispute}}", "{{stranger}}"], "dryRun": false }""");

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal((1, 1, false), (done.GetProperty("migrated").GetInt32(), done.GetProperty("rejected").GetInt32(), done.GetProperty("dryRun").GetBoolean()));
        var cases = done.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("disputeId").GetGuid(), c => c.GetProperty("outcome").GetString());
        Assert.Equal("migrated", cases[dispute]);
        Assert.Equal("notFound", cases[stranger]);

        var migrated = await LoadDisputeAsync(factory, dispute);
        Assert.Equal((2, 2, "village"), (migrated.WorkflowVersion, migrated.State.WorkflowVersion, migrated.StepId));
        var after = await DeadlinesAsync(factory, dispute);
        Assert.Equal(DeadlineStatus.Cancelled, after.Single(d => d.Id == oldTakeUp.Id).Status);
        var newTakeUp = after.Single(d => d.Kind == DeadlineKind.TakeUp && d.Status == DeadlineStatus.Pending);
        Assert.NotEqual(oldTakeUp.DeadlineId, newTakeUp.DeadlineId);
        Assert.Equal(TimeSpan.FromDays(2), newTakeUp.DueAt - oldTakeUp.DueAt); // P3D → P5D, counted from the same step entry

        // The case is on v2 now: a second run finds nothing to move and names the case's version.
        var (second, again) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            $$"""{ "fromVersion": 1, "toVersion": 2, "stepMapping": {{GoodMapping}}, "disputeIds": ["{{dispute}}"] }""", "en");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rejected = again.GetProperty("cases")[0];
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Contains("runs on 'general-civil' version 2", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_BadRequestBodies_Return4xxWithPaths()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");

        var (wrongTypes, typed) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            """{ "fromVersion": "one", "toVersion": 2, "stepMapping": { "village": 3 }, "disputeIds": ["not-a-guid"], "dryRun": "yes", "extra": 1 }""", "en");
        Assert.Equal(HttpStatusCode.BadRequest, wrongTypes.StatusCode);
        Assert.Equal(["$.disputeIds[0]", "$.dryRun", "$.extra", "$.fromVersion", "$.stepMapping.village"], ErrorPaths(typed));

        var (missing, required) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations", "{}", "en");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["$.fromVersion", "$.stepMapping", "$.toVersion"], ErrorPaths(required));

        var (malformed, _) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations", "{\"fromVersion\": 1,", "en");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var (unpublished, versions) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            $$"""{ "fromVersion": 1, "toVersion": 9, "stepMapping": {{GoodMapping}} }""", "en");
        Assert.Equal(HttpStatusCode.BadRequest, unpublished.StatusCode);
        Assert.Contains("Version 9 of the workflow 'general-civil' is not published", FirstError(versions, "$.toVersion"), StringComparison.Ordinal);

        var (backwards, _) = await admin.PostJsonAsync("/api/workflows/general-civil/migrations",
            $$"""{ "fromVersion": 1, "toVersion": 1, "stepMapping": {{GoodMapping}} }""", "en");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }
}

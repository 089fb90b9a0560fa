using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Data;

/// <summary>
/// The service's one DbContext. Each provider derives its own context (<see cref="SqliteMediationDbContext"/>,
/// <see cref="SqlServerMediationDbContext"/>) only to carry its own migrations and conventions; add a migration to both
/// with <c>scripts/add-migration.sh NAME</c>.
/// </summary>
public class MediationDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Mediator> Mediators => Set<Mediator>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<DeadlineRecord> Deadlines => Set<DeadlineRecord>();

    public DbSet<OutcomeRecord> Outcomes => Set<OutcomeRecord>();

    public DbSet<AgreementProposal> AgreementProposals => Set<AgreementProposal>();

    public DbSet<MediatorRecusal> MediatorRecusals => Set<MediatorRecusal>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<MediationSession> MediationSessions => Set<MediationSession>();

    public DbSet<WorkflowVersionRecord> WorkflowVersions => Set<WorkflowVersionRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<ReferenceSequence> ReferenceSequences => Set<ReferenceSequence>();

    public DbSet<DisputeHandler> DisputeHandlers => Set<DisputeHandler>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ServiceRating> ServiceRatings => Set<ServiceRating>();

    public DbSet<JudicialConfirmationApplication> JudicialConfirmations => Set<JudicialConfirmationApplication>();

    public DbSet<PersonalDataAccess> PersonalDataAccessLog => Set<PersonalDataAccess>();

    public DbSet<PublicationConsent> PublicationConsents => Set<PublicationConsent>();

    public DbSet<DisputeAnonymisation> Anonymisations => Set<DisputeAnonymisation>();

    public DbSet<NotificationDelivery> Deliveries => Set<NotificationDelivery>();

    public DbSet<NotificationTemplateRecord> NotificationTemplates => Set<NotificationTemplateRecord>();

    public DbSet<HotlineWorkOrder> HotlineWorkOrders => Set<HotlineWorkOrder>();

    public DbSet<HotlineReceipt> HotlineReceipts => Set<HotlineReceipt>();

    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MediationDbContext).Assembly);
    }
}

/// <summary>
/// The SQLite context: the embedded default. SQLite cannot order or compare <see cref="DateTimeOffset"/> or decimal
/// stored as text, so they are stored as numbers: instants as UTC ticks (so +08:00 and +00:00 values compare
/// correctly), amounts as doubles.
/// </summary>
public sealed class SqliteMediationDbContext(DbContextOptions<SqliteMediationDbContext> options) : MediationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The SQL Server context: the production provider.</summary>
public sealed class SqlServerMediationDbContext(DbContextOptions<SqlServerMediationDbContext> options) : MediationDbContext(options);

/// <summary>Stores an instant as its UTC ticks; it comes back in UTC. Local time is a presentation matter.</summary>
internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class JudicialConfirmationApplicationConfiguration : IEntityTypeConfiguration<JudicialConfirmationApplication>
{
    public void Configure(EntityTypeBuilder<JudicialConfirmationApplication> builder)
    {
        builder.ToTable("JudicialConfirmationApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CourtCode).HasMaxLength(64);
        builder.Property(a => a.CourtName).HasMaxLength(200);
        builder.Property(a => a.MediationOrganisationName).HasMaxLength(100);
        builder.Property(a => a.Consents).HasJsonConversion();
        builder.Property(a => a.LastError).HasMaxLength(500);
        builder.Property(a => a.CourtCaseNumber).HasMaxLength(100);
        builder.Property(a => a.CourtReason).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.DisputeId, a.AgreementOutcomeId }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.NextAttemptAt });
        builder.HasIndex(a => new { a.Status, a.NextPollAt });
        builder.HasOne<Dispute>().WithMany().HasForeignKey(a => a.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccessLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorRole).HasMaxLength(32);
        builder.Property(a => a.DisputeReference).HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.DisputeId, a.At });
        builder.HasIndex(a => new { a.ActorUserId, a.At });
    }
}

internal sealed class PublicationConsentConfiguration : IEntityTypeConfiguration<PublicationConsent>
{
    public void Configure(EntityTypeBuilder<PublicationConsent> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.DisputeId, c.PartyId }).IsUnique();
        builder.HasOne<Dispute>().WithMany().HasForeignKey(c => c.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeAnonymisationConfiguration : IEntityTypeConfiguration<DisputeAnonymisation>
{
    public void Configure(EntityTypeBuilder<DisputeAnonymisation> builder)
    {
        builder.HasKey(a => a.DisputeId);
        builder.HasOne<Dispute>().WithMany().HasForeignKey(a => a.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

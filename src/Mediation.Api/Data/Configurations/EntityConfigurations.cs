using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique().HasDatabaseName("IX_Organisation_Code");
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.BodyId).HasMaxLength(64);
        builder.Property(o => o.ServesAreaCode).HasMaxLength(32);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.BodyId, o.ServesAreaCode }).HasDatabaseName("IX_Organisation_Body");
    }
}

internal sealed class MediatorConfiguration : IEntityTypeConfiguration<Mediator>
{
    public void Configure(EntityTypeBuilder<Mediator> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasIndex(m => m.UserId).IsUnique().HasDatabaseName("IX_Mediator_User");
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(32);
        builder.HasIndex(d => d.Reference).IsUnique().HasDatabaseName("IX_Dispute_Reference");
        builder.Property(d => d.Category).HasMaxLength(32);
        builder.Property(d => d.Description).HasMaxLength(4000);
        builder.Property(d => d.Request).HasMaxLength(2000);
        builder.Property(d => d.LocationCode).HasMaxLength(32);
        builder.Property(d => d.ClaimedAmount).HasPrecision(18, 2);
        builder.Property(d => d.Channel).HasMaxLength(32);
        builder.Property(d => d.FiledByUserId).HasMaxLength(450);
        builder.Property(d => d.WorkflowKey).HasMaxLength(64);
        builder.Property(d => d.StepId).HasMaxLength(64);
        builder.Property(d => d.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.State).HasJsonConversion();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Mediator).WithMany().HasForeignKey(d => d.MediatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.OrganisationId, d.IsClosed, d.NextDeadlineAt }).HasDatabaseName("IX_Dispute_Queue");
        builder.HasIndex(d => d.FiledByUserId).HasDatabaseName("IX_Dispute_FiledBy");
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.IdNumber).HasMaxLength(32);
        builder.Property(p => p.Address).HasMaxLength(200);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => p.UserId).HasDatabaseName("IX_Party_User");
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.Property(t => t.ActorUserId).HasMaxLength(450);
        builder.Property(t => t.ActorRole).HasMaxLength(32);
        builder.Property(t => t.Event).HasMaxLength(64);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.FromStep).HasMaxLength(64);
        builder.Property(t => t.FromPhase).HasMaxLength(20);
        builder.Property(t => t.ToStep).HasMaxLength(64);
        builder.Property(t => t.ToPhase).HasMaxLength(20);
        builder.HasIndex(t => new { t.DisputeId, t.Id }).HasDatabaseName("IX_Timeline_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(t => t.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeadlineRecordConfiguration : IEntityTypeConfiguration<DeadlineRecord>
{
    public void Configure(EntityTypeBuilder<DeadlineRecord> builder)
    {
        builder.Property(d => d.DeadlineId).HasMaxLength(64);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.ReminderOfKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.StepId).HasMaxLength(64);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => new { d.DisputeId, d.DeadlineId }).IsUnique().HasDatabaseName("IX_Deadline_Dispute");
        builder.HasIndex(d => new { d.Status, d.DueAt }).HasDatabaseName("IX_Deadline_Due");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(d => d.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeRecordConfiguration : IEntityTypeConfiguration<OutcomeRecord>
{
    public void Configure(EntityTypeBuilder<OutcomeRecord> builder)
    {
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.AgreementForm).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.StepId).HasMaxLength(64);
        builder.Property(o => o.CreatedByUserId).HasMaxLength(450);
        builder.Property(o => o.Facts).HasMaxLength(8000);
        builder.Property(o => o.Terms).HasMaxLength(8000);
        builder.Property(o => o.TerminationReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Reason).HasMaxLength(2000);
        builder.Property(o => o.Signatures).HasJsonConversion();
        builder.HasIndex(o => o.DisputeId).HasDatabaseName("IX_Outcome_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(o => o.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgreementProposal>().WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class AgreementProposalConfiguration : IEntityTypeConfiguration<AgreementProposal>
{
    public void Configure(EntityTypeBuilder<AgreementProposal> builder)
    {
        builder.Property(p => p.StepId).HasMaxLength(64);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ProposedByUserId).HasMaxLength(450);
        builder.Property(p => p.Facts).HasMaxLength(8000);
        builder.Property(p => p.Terms).HasMaxLength(8000);
        builder.Property(p => p.Signatures).HasJsonConversion();
        builder.Property(p => p.RejectedByUserId).HasMaxLength(450);
        builder.Property(p => p.RejectionReason).HasMaxLength(2000);
        builder.HasIndex(p => new { p.DisputeId, p.Status }).HasDatabaseName("IX_AgreementProposal_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediatorRecusalConfiguration : IEntityTypeConfiguration<MediatorRecusal>
{
    public void Configure(EntityTypeBuilder<MediatorRecusal> builder)
    {
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasIndex(r => new { r.DisputeId, r.MediatorId }).IsUnique().HasDatabaseName("IX_MediatorRecusal_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(r => r.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Mediator>().WithMany().HasForeignKey(r => r.MediatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StoragePath).HasMaxLength(400);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.HasIndex(a => a.DisputeId).HasDatabaseName("IX_Attachment_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(a => a.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowVersionRecordConfiguration : IEntityTypeConfiguration<WorkflowVersionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowVersionRecord> builder)
    {
        builder.HasKey(w => new { w.Key, w.Version });
        builder.Property(w => w.Key).HasMaxLength(64);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.PublishedByUserId).HasMaxLength(450);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(i => new { i.UserId, i.Key });
        builder.Property(i => i.Key).HasMaxLength(100);
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.RequestSha256).HasMaxLength(64);
    }
}

internal sealed class ReferenceSequenceConfiguration : IEntityTypeConfiguration<ReferenceSequence>
{
    public void Configure(EntityTypeBuilder<ReferenceSequence> builder)
    {
        builder.HasKey(r => r.Year);
        builder.Property(r => r.Year).ValueGeneratedNever();
        builder.Property(r => r.Next).IsConcurrencyToken();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(o => o.Audience).HasMaxLength(32);
        builder.Property(o => o.Template).HasMaxLength(64);
        builder.Property(o => o.DeadlineId).HasMaxLength(64);
        builder.HasIndex(o => new { o.SentAt, o.CreatedAt }).HasDatabaseName("IX_Outbox_Pending");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(o => o.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeHandlerConfiguration : IEntityTypeConfiguration<DisputeHandler>
{
    public void Configure(EntityTypeBuilder<DisputeHandler> builder)
    {
        builder.Property(h => h.StepId).HasMaxLength(64);
        builder.HasIndex(h => new { h.OrganisationId, h.DisputeId }).HasDatabaseName("IX_DisputeHandler_Organisation");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(h => h.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

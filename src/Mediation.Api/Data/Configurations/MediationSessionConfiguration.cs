using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> builder)
    {
        builder.Property(s => s.StepId).HasMaxLength(100);
        builder.Property(s => s.Place).HasMaxLength(Disputes.Sessions.SessionRequest.MaxPlaceLength);
        builder.Property(s => s.Attendees).HasMaxLength(Disputes.Sessions.SessionRequest.MaxTextLength);
        builder.Property(s => s.Discussion).HasMaxLength(Disputes.Sessions.SessionRequest.MaxDiscussionLength);
        builder.Property(s => s.Result).HasMaxLength(Disputes.Sessions.SessionRequest.MaxTextLength);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.DisputeId, s.HeldAt }).HasDatabaseName("IX_MediationSession_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(s => s.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

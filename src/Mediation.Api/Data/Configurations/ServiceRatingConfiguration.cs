using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class ServiceRatingConfiguration : IEntityTypeConfiguration<ServiceRating>
{
    public const int MaxCommentLength = 1000;

    public void Configure(EntityTypeBuilder<ServiceRating> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Comment).HasMaxLength(MaxCommentLength);
        builder.HasIndex(r => new { r.DisputeId, r.UserId }).IsUnique().HasDatabaseName("IX_ServiceRating_DisputeUser");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(r => r.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_ServiceRating_Score", "Score BETWEEN 1 AND 5"));
    }
}

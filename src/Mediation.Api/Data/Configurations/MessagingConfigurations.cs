using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Channel).HasMaxLength(16);
        builder.Property(d => d.Recipient).HasMaxLength(64);
        builder.Property(d => d.RecipientRole).HasMaxLength(32);
        builder.Property(d => d.Template).HasMaxLength(64);
        builder.Property(d => d.Body).HasMaxLength(4000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.Version).IsConcurrencyToken();

        // Expanding an outbox message twice cannot create a second delivery to the same recipient.
        builder.HasIndex(d => new { d.OutboxMessageId, d.Channel, d.Recipient }).IsUnique().HasDatabaseName("IX_Delivery_Message_Recipient");
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("IX_Delivery_Due");
        builder.HasIndex(d => new { d.Channel, d.Recipient, d.SentAt }).HasDatabaseName("IX_Delivery_RateLimit");
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTemplateRecordConfiguration : IEntityTypeConfiguration<NotificationTemplateRecord>
{
    public void Configure(EntityTypeBuilder<NotificationTemplateRecord> builder)
    {
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Text).HasMaxLength(1000);
        builder.Property(t => t.UpdatedByUserId).HasMaxLength(450);
    }
}

internal sealed class HotlineWorkOrderConfiguration : IEntityTypeConfiguration<HotlineWorkOrder>
{
    public void Configure(EntityTypeBuilder<HotlineWorkOrder> builder)
    {
        builder.HasKey(o => o.OrderNumber);
        builder.Property(o => o.OrderNumber).HasMaxLength(64);
        builder.HasIndex(o => o.DisputeId).IsUnique().HasDatabaseName("IX_HotlineWorkOrder_Dispute");
        builder.HasOne<Dispute>().WithMany().HasForeignKey(o => o.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotlineReceiptConfiguration : IEntityTypeConfiguration<HotlineReceipt>
{
    public void Configure(EntityTypeBuilder<HotlineReceipt> builder)
    {
        builder.HasKey(r => r.Signature);
        builder.Property(r => r.Signature).HasMaxLength(64);
        builder.HasIndex(r => r.ReceivedAt).HasDatabaseName("IX_HotlineReceipt_ReceivedAt");
    }
}

using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Api.Data.Configurations;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("CalendarYears");
        builder.Property(c => c.CalendarName).HasMaxLength(64);
        builder.Property(c => c.AddedByUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.CalendarName, c.Year }).IsUnique().HasDatabaseName("IX_CalendarYear_NameYear");
    }
}

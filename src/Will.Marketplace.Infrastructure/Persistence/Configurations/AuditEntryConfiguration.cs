using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorRoles).HasMaxLength(100).IsUnicode(false);
        builder.Property(a => a.Action).HasMaxLength(30).IsUnicode(false);
        builder.Property(a => a.Resource).HasMaxLength(100).IsUnicode(false);
        builder.Property(a => a.ResourceId).HasMaxLength(256);
        builder.Property(a => a.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(a => a.IpAddress).HasMaxLength(45).IsUnicode(false);
        builder.HasIndex(a => new { a.MunicipalityCode, a.At });
        builder.HasIndex(a => new { a.SubjectId, a.At });
    }
}

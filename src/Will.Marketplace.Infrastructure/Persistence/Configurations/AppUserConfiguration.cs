using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(u => u.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

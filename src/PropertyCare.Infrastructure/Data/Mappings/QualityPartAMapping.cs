using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

/// <summary>Quality part A: the company's 抽访设置 (one row per company, HQ's own record — not tenant-owned).</summary>
internal sealed class CompanyQualitySettingsMapping : IEntityTypeConfiguration<CompanyQualitySettings>
{
    public void Configure(EntityTypeBuilder<CompanyQualitySettings> b)
    {
        b.Ignore(x => x.Rule);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CompanyId).IsUnique();
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

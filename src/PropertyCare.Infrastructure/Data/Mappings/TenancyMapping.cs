using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class CompanyMapping : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class ProjectMapping : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.City).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.TimeZone).HasMaxLength(50);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne(x => x.Company).WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectAssignmentMapping : IEntityTypeConfiguration<ProjectAssignment>
{
    public void Configure(EntityTypeBuilder<ProjectAssignment> b)
    {
        b.HasKey(x => new { x.UserId, x.ProjectId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.PreferredCulture).HasMaxLength(10);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataProtectionKeyMapping : IEntityTypeConfiguration<StoredDataProtectionKey>
{
    public void Configure(EntityTypeBuilder<StoredDataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

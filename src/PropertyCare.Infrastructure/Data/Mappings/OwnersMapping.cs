using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class BuildingMapping : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b)
    {
        b.Property(x => x.Name).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Name }).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitMapping : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(x => x.Entrance).HasMaxLength(10);
        b.Property(x => x.Room).HasMaxLength(20);
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.Area).HasPrecision(10, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.BuildingId, x.Entrance, x.Room }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Room });
        b.HasOne(x => x.Building).WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnerMapping : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(30);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Phone2).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Name });
        b.HasIndex(x => new { x.ProjectId, x.Phone });
        b.HasIndex(x => new { x.ProjectId, x.IdNumber });
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.EmergencyContacts).WithOne().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitOwnershipMapping : IEntityTypeConfiguration<UnitOwnership>
{
    public void Configure(EntityTypeBuilder<UnitOwnership> b)
    {
        b.HasIndex(x => new { x.UnitId, x.OwnerId }).IsUnique();
        b.HasOne(x => x.Unit).WithMany(u => u.Ownerships).HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Owner).WithMany(o => o.Ownerships).HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdMemberMapping : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(20);
    }
}

internal sealed class EmergencyContactMapping : IEntityTypeConfiguration<EmergencyContact>
{
    public void Configure(EntityTypeBuilder<EmergencyContact> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(20);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class VacantInspectionTaskMapping : IEntityTypeConfiguration<VacantInspectionTask>
{
    public void Configure(EntityTypeBuilder<VacantInspectionTask> b)
    {
        b.Property(x => x.CycleKey).HasMaxLength(10);
        b.Property(x => x.AssigneeId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One task per unit and cycle: the cycle job is idempotent even when two instances run it at once.
        b.HasIndex(x => new { x.ProjectId, x.UnitId, x.CycleKey }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.CycleKey, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.Status, x.DueAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VacantUnitInspectionMapping : IEntityTypeConfiguration<VacantUnitInspection>
{
    public void Configure(EntityTypeBuilder<VacantUnitInspection> b)
    {
        b.Property(x => x.InspectorId).HasMaxLength(450);
        b.Property(x => x.InspectorName).HasMaxLength(50);
        b.Property(x => x.Items).AsJson();
        b.Property(x => x.Findings).AsJson();
        b.Property(x => x.Meters).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.UnitId, x.InspectedAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VacantInspectionTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeyCustodyMapping : IEntityTypeConfiguration<KeyCustody>
{
    public void Configure(EntityTypeBuilder<KeyCustody> b)
    {
        b.Property(x => x.KeyDescription).HasMaxLength(100);
        b.Property(x => x.Loans).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        // One custody at a time per unit (a finished one, returned to the owner, stays as history).
        b.HasIndex(x => x.UnitId).IsUnique().HasFilter($"\"Status\" <> {(int)CustodyStatus.Returned}").HasDatabaseName("IX_KeyCustodies_Active");
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VacantInspectionSettingsMapping : IEntityTypeConfiguration<VacantInspectionSettings>
{
    public void Configure(EntityTypeBuilder<VacantInspectionSettings> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class RepairOrderMapping : IEntityTypeConfiguration<RepairOrder>
{
    public void Configure(EntityTypeBuilder<RepairOrder> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.CommonArea).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(RepairIntake.MaxDescription);
        b.Property(x => x.PreferredTime).HasMaxLength(50);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.ReceivedById).HasMaxLength(450);
        b.Property(x => x.ReceivedByName).HasMaxLength(50);
        b.Property(x => x.TechnicianId).HasMaxLength(450);
        b.Property(x => x.TechnicianName).HasMaxLength(50);
        b.Property(x => x.WorkDone).HasMaxLength(1000);
        b.Property(x => x.Materials).HasMaxLength(500);
        b.Property(x => x.FeeAmount).HasPrecision(10, 2);
        b.Property(x => x.ReturnReason).HasMaxLength(200);
        b.Property(x => x.CloseReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Numbers are per project and day; the unique index turns a race for the same number into a retry.
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Status, x.DueAt });
        b.HasIndex(x => new { x.ProjectId, x.TechnicianId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.OwnerId });
        // Scale (issue 10): the list sorted by due date without a status filter, and the monthly figures
        // (registered / completed in a period) read a project's date range instead of all its orders.
        b.HasIndex(x => new { x.ProjectId, x.DueAt });
        b.HasIndex(x => new { x.ProjectId, x.ReceivedAt });
        b.HasIndex(x => new { x.ProjectId, x.CompletedAt });
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Owner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.ReworkOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallbackMapping : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> b)
    {
        b.Property(x => x.CalledById).HasMaxLength(450);
        b.Property(x => x.CalledByName).HasMaxLength(50);
        b.Property(x => x.Respondent).HasMaxLength(50);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Status, x.DueOn });
        // Scale (issue 10): the monthly callback figures take every status but 'cancelled' within a date range.
        b.HasIndex(x => new { x.ProjectId, x.DueOn });
        // One callback per order and round: completing twice cannot schedule two calls.
        b.HasIndex(x => new { x.RepairOrderId, x.Round }).IsUnique();
        b.HasOne(x => x.RepairOrder).WithMany().HasForeignKey(x => x.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RepairPhotoMapping : IEntityTypeConfiguration<RepairPhoto>
{
    public void Configure(EntityTypeBuilder<RepairPhoto> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(30);
        b.Property(x => x.UploadedBy).HasMaxLength(50);
        b.HasIndex(x => new { x.RepairOrderId, x.Stage });
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(x => x.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepairSettingsMapping : IEntityTypeConfiguration<RepairSettings>
{
    public void Configure(EntityTypeBuilder<RepairSettings> b)
    {
        b.Property(x => x.Categories).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

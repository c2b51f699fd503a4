using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

// Owner ids on move-in records carry no foreign key: they name the owner at the time, and deleting an owner file
// (OwnerService.DeleteAsync) must not be blocked by a signed delivery form.

internal sealed class DeliveryBatchMapping : IEntityTypeConfiguration<DeliveryBatch>
{
    public void Configure(EntityTypeBuilder<DeliveryBatch> b)
    {
        b.Property(x => x.Name).HasMaxLength(40);
        b.Property(x => x.Developer).HasMaxLength(100);
        b.Property(x => x.DeveloperContact).HasMaxLength(50);
        b.Property(x => x.DeveloperPhone).HasMaxLength(20);
        b.Property(x => x.UnitIds).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliverySlotMapping : IEntityTypeConfiguration<DeliverySlot>
{
    public void Configure(EntityTypeBuilder<DeliverySlot> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.BatchId, x.Day, x.StartsAt });
        b.HasOne<DeliveryBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliveryAppointmentMapping : IEntityTypeConfiguration<DeliveryAppointment>
{
    public void Configure(EntityTypeBuilder<DeliveryAppointment> b)
    {
        b.Property(x => x.CancelReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        // No double booking, below the service: one active (not cancelled) appointment per unit and batch. The
        // filter is written with double quotes, which SQLite, PostgreSQL and SQL Server all read as an identifier.
        b.HasIndex(x => new { x.BatchId, x.UnitId }).IsUnique().HasFilter($"\"Status\" <> {(int)AppointmentStatus.Cancelled}")
            .HasDatabaseName("IX_DeliveryAppointments_Active");
        b.HasIndex(x => new { x.SlotId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.OwnerId });
        b.HasOne<DeliveryBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DeliverySlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TakeOverInspectionMapping : IEntityTypeConfiguration<TakeOverInspection>
{
    public void Configure(EntityTypeBuilder<TakeOverInspection> b)
    {
        b.Property(x => x.Facility).HasMaxLength(100);
        b.Property(x => x.Items).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<DeliveryBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TakeOverDefectMapping : IEntityTypeConfiguration<TakeOverDefect>
{
    public void Configure(EntityTypeBuilder<TakeOverDefect> b)
    {
        b.Property(x => x.Item).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Location).HasMaxLength(100);
        b.Property(x => x.CheckedBy).HasMaxLength(50);
        b.Property(x => x.ReturnReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasOne<TakeOverInspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliveryInspectionMapping : IEntityTypeConfiguration<DeliveryInspection>
{
    public void Configure(EntityTypeBuilder<DeliveryInspection> b)
    {
        b.Property(x => x.Lines).AsJson();
        b.Property(x => x.Defects).AsJson();
        b.Property(x => x.Meters).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        // One delivery inspection per unit and batch.
        b.HasIndex(x => new { x.BatchId, x.UnitId }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.OwnerId });
        b.HasOne<DeliveryBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MoveInProcedureMapping : IEntityTypeConfiguration<MoveInProcedure>
{
    public void Configure(EntityTypeBuilder<MoveInProcedure> b)
    {
        b.Property(x => x.Documents).AsJson();
        b.Property(x => x.Fees).AsJson();
        b.Property(x => x.Keys).AsJson();
        b.Property(x => x.KeysReceivedBy).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.BatchId, x.UnitId }).IsUnique();
        b.HasOne<DeliveryBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentMapping : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(30);
        b.Property(x => x.UploadedBy).HasMaxLength(50);
        b.HasIndex(x => new { x.Kind, x.RecordId });
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

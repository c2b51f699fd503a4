using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class ComplaintMapping : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.CustomerName).HasMaxLength(50);
        b.Property(x => x.CustomerPhone).HasMaxLength(20);
        b.Property(x => x.Facts).HasMaxLength(1000);
        b.Property(x => x.Demand).HasMaxLength(500);
        b.Property(x => x.ReceivedById).HasMaxLength(450);
        b.Property(x => x.ReceivedByName).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.ClassReason).HasMaxLength(200);
        b.Property(x => x.Department).HasMaxLength(20);
        b.Property(x => x.HandlerId).HasMaxLength(450);
        b.Property(x => x.HandlerName).HasMaxLength(50);
        b.Property(x => x.DepartmentHeadId).HasMaxLength(450);
        b.Property(x => x.DepartmentHeadName).HasMaxLength(50);
        b.Property(x => x.ClassifiedBy).HasMaxLength(50);
        b.Property(x => x.Plan).HasMaxLength(1000);
        b.Property(x => x.DelayReason).HasMaxLength(200);
        b.Property(x => x.Result).HasMaxLength(1000);
        b.Property(x => x.HandledBy).HasMaxLength(50);
        b.Property(x => x.ReceiverOpinion).HasMaxLength(500);
        b.Property(x => x.ManagerOpinion).HasMaxLength(500);
        b.Property(x => x.ManagerOpinionBy).HasMaxLength(50);
        b.Property(x => x.CustomerOpinion).HasMaxLength(500);
        b.Property(x => x.ClosedBy).HasMaxLength(50);
        b.Property(x => x.ReopenReason).HasMaxLength(200);
        b.Property(x => x.ContactSharedWithId).HasMaxLength(450);
        b.Property(x => x.ContactSharedBy).HasMaxLength(50);
        b.Property(x => x.FollowUps).AsJson();
        b.Property(x => x.Dispatches).AsJson();
        b.Property(x => x.Callbacks).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.CurrentDueAt);
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.ReceivedAt });
        // Repeat detection looks up the same unit and category in the window.
        b.HasIndex(x => new { x.ProjectId, x.UnitId, x.Category, x.ReceivedAt });
        b.HasIndex(x => new { x.ProjectId, x.OwnerId });
        b.HasIndex(x => x.HandlerId);
        b.HasIndex(x => x.DepartmentHeadId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Owner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintSettingsMapping : IEntityTypeConfiguration<ComplaintSettings>
{
    public void Configure(EntityTypeBuilder<ComplaintSettings> b)
    {
        b.Property(x => x.Categories).AsJson();
        b.Property(x => x.Departments).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

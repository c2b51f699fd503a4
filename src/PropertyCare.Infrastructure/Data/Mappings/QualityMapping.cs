using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class CallbackSampleMapping : IEntityTypeConfiguration<CallbackSample>
{
    public void Configure(EntityTypeBuilder<CallbackSample> b)
    {
        b.Property(x => x.DrawnBy).HasMaxLength(50);
        // One draw per project and week: a second run of the job (or two at once) cannot make a different sample.
        b.HasIndex(x => new { x.ProjectId, x.WeekStart }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.WeekStart });
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallbackAuditMapping : IEntityTypeConfiguration<CallbackAudit>
{
    public void Configure(EntityTypeBuilder<CallbackAudit> b)
    {
        b.Property(x => x.SourceNumber).HasMaxLength(20);
        b.Property(x => x.ProjectCalledBy).HasMaxLength(50);
        b.Property(x => x.ProjectRemarks).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(500);
        b.Property(x => x.AuditorId).HasMaxLength(450);
        b.Property(x => x.AuditorName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.SampleId, x.Source, x.SourceId, x.Round }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.AuditedAt });
        b.HasOne<CallbackSample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RectificationNoticeMapping : IEntityTypeConfiguration<RectificationNotice>
{
    public void Configure(EntityTypeBuilder<RectificationNotice> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Finding).HasMaxLength(1000);
        b.Property(x => x.Requirement).HasMaxLength(500);
        b.Property(x => x.IssuedById).HasMaxLength(450);
        b.Property(x => x.IssuedByName).HasMaxLength(50);
        b.Property(x => x.Rounds).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CompanyId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasOne<CallbackAudit>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

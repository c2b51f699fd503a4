using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

// Part C of issue 15: KPI weights (one row per company) and the report snapshots.

internal sealed class KpiWeightSetMapping : IEntityTypeConfiguration<KpiWeightSet>
{
    public void Configure(EntityTypeBuilder<KpiWeightSet> b)
    {
        b.ToTable("KpiWeightSets");
        b.Property(x => x.Weights).AsJson();
        b.Property(x => x.UpdatedByName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CompanyId).IsUnique();
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityReportMapping : IEntityTypeConfiguration<QualityReport>
{
    public void Configure(EntityTypeBuilder<QualityReport> b)
    {
        // Append-only below the application: QualityReportGuard's triggers refuse UPDATE and DELETE.
        // Declared so EF does not use OUTPUT/RETURNING forms the triggers forbid (QualityReportGuard creates them).
        b.ToTable(QualityReportGuard.Table, t => { t.HasTrigger(QualityReportGuard.Table + "_NoUpdate"); t.HasTrigger(QualityReportGuard.Table + "_NoDelete"); t.HasTrigger(QualityReportGuard.Table + "_Immutable"); });
        b.Property(x => x.ScopeKey);
        // One snapshot per company, project (0 = company-wide), kind and period: a second run of the job inserts nothing.
        b.HasIndex(x => new { x.CompanyId, x.ScopeKey, x.Kind, x.PeriodStart }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Kind, x.PeriodStart });
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class RenovationApplicationMapping : IEntityTypeConfiguration<RenovationApplication>
{
    public void Configure(EntityTypeBuilder<RenovationApplication> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.FiledBy).HasMaxLength(450);
        b.Property(x => x.ContractorCompany).HasMaxLength(100);
        b.Property(x => x.ContractorLicence).HasMaxLength(30);
        b.Property(x => x.ContractorPerson).HasMaxLength(50);
        b.Property(x => x.ContractorPhone).HasMaxLength(20);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.ReturnReason).HasMaxLength(200);
        b.Property(x => x.DeskCheckedBy).HasMaxLength(450);
        b.Property(x => x.DecisionText).HasMaxLength(1000);
        b.Property(x => x.ReviewedBy).HasMaxLength(450);
        b.Property(x => x.PermitNumber).HasMaxLength(20);
        b.Property(x => x.PermitIssuedBy).HasMaxLength(450);
        b.Property(x => x.StopReason).HasMaxLength(200);
        b.Property(x => x.WithdrawReason).HasMaxLength(200);
        b.Property(x => x.DepositDue).HasPrecision(12, 2);
        b.Property(x => x.Scope).AsJson();
        b.Property(x => x.FeesDue).AsJson();
        b.Property(x => x.Extensions).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        // One open renovation per unit: a second application waits until the first is closed, rejected or withdrawn.
        b.HasIndex(x => x.UnitId).IsUnique()
            .HasFilter($"\"Status\" <> {(int)RenovationStatus.Rejected} AND \"Status\" <> {(int)RenovationStatus.Closed} AND \"Status\" <> {(int)RenovationStatus.Withdrawn}")
            .HasDatabaseName("IX_RenovationApplications_Open");
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.OwnerId });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Owner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationWorkerMapping : IEntityTypeConfiguration<RenovationWorker>
{
    public void Configure(EntityTypeBuilder<RenovationWorker> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(30);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Trade).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationSettingsMapping : IEntityTypeConfiguration<RenovationSettings>
{
    public void Configure(EntityTypeBuilder<RenovationSettings> b)
    {
        b.Property(x => x.DepositAmount).HasPrecision(12, 2);
        b.Property(x => x.Fees).AsJson();
        b.Property(x => x.ScopeCatalog).AsJson();
        b.Property(x => x.WorkingHours).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepositLedgerEntryMapping : IEntityTypeConfiguration<DepositLedgerEntry>
{
    public void Configure(EntityTypeBuilder<DepositLedgerEntry> b)
    {
        // Declared so EF does not use OUTPUT/RETURNING forms the triggers forbid (LedgerGuard creates them).
        b.ToTable(t => { t.HasTrigger(LedgerGuard.Table + "_NoUpdate"); t.HasTrigger(LedgerGuard.Table + "_NoDelete"); t.HasTrigger(LedgerGuard.Table + "_AppendOnly"); });
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.FeeName).HasMaxLength(20);
        b.Property(x => x.ReceiptNumber).HasMaxLength(30);
        b.Property(x => x.OperatorId).HasMaxLength(450);
        b.Property(x => x.OperatorName).HasMaxLength(50);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.CauseType).HasMaxLength(40);
        b.HasIndex(x => new { x.ProjectId, x.ApplicationId });
        // A receipt number is printed once in a project.
        b.HasIndex(x => new { x.ProjectId, x.ReceiptNumber }).IsUnique().HasFilter("\"ReceiptNumber\" IS NOT NULL");
        // An entry is reversed at most once; a deduction or refund writes at most one entry (two approvals racing: one wins).
        b.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("\"ReversesEntryId\" IS NOT NULL");
        b.HasIndex(x => new { x.CauseType, x.CauseId }).IsUnique().HasFilter("\"CauseId\" IS NOT NULL");
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DepositLedgerEntry>().WithMany().HasForeignKey(x => x.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepositDeductionMapping : IEntityTypeConfiguration<DepositDeduction>
{
    public void Configure(EntityTypeBuilder<DepositDeduction> b)
    {
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.ProposedBy).HasMaxLength(450);
        b.Property(x => x.ProposedByName).HasMaxLength(50);
        b.Property(x => x.DecidedBy).HasMaxLength(450);
        b.Property(x => x.DecidedByName).HasMaxLength(50);
        b.Property(x => x.DecisionNote).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.ApplicationId, x.Status });
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenovationViolation>().WithMany().HasForeignKey(x => x.ViolationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepositRefundMapping : IEntityTypeConfiguration<DepositRefund>
{
    public void Configure(EntityTypeBuilder<DepositRefund> b)
    {
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.RequestedBy).HasMaxLength(450);
        b.Property(x => x.RequestedByName).HasMaxLength(50);
        b.Property(x => x.DecidedBy).HasMaxLength(450);
        b.Property(x => x.DecidedByName).HasMaxLength(50);
        b.Property(x => x.DecisionNote).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One refund per application that is waiting or done: a second request, or a second approval, is refused below
        // the service (a rejected request leaves room for a new one).
        b.HasIndex(x => x.ApplicationId).IsUnique().HasFilter($"\"Status\" <> {(int)RefundStatus.Rejected}").HasDatabaseName("IX_DepositRefunds_Live");
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationPatrolMapping : IEntityTypeConfiguration<RenovationPatrol>
{
    public void Configure(EntityTypeBuilder<RenovationPatrol> b)
    {
        b.Property(x => x.PatrolledBy).HasMaxLength(450);
        b.Property(x => x.PatrolledByName).HasMaxLength(50);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.Checks).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.ApplicationId, x.PatrolledAt });
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationViolationMapping : IEntityTypeConfiguration<RenovationViolation>
{
    public void Configure(EntityTypeBuilder<RenovationViolation> b)
    {
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.FoundBy).HasMaxLength(50);
        b.Property(x => x.RecheckedBy).HasMaxLength(50);
        b.Property(x => x.RecheckNote).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.ApplicationId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.Status, x.RectifyBy });
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenovationPatrol>().WithMany().HasForeignKey(x => x.PatrolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationAcceptanceMapping : IEntityTypeConfiguration<RenovationAcceptance>
{
    public void Configure(EntityTypeBuilder<RenovationAcceptance> b)
    {
        b.Property(x => x.CheckedBy).HasMaxLength(450);
        b.Property(x => x.CheckedByName).HasMaxLength(50);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.Checks).AsJson();
        b.Property(x => x.RectificationItems).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.ApplicationId, x.CheckedAt });
        b.HasOne<RenovationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

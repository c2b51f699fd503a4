using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class SurveyTemplateMapping : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(50);
        b.Property(x => x.Items).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CompanyId, x.ProjectId });
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyCampaignMapping : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> b)
    {
        b.Property(x => x.Title).HasMaxLength(SurveyCampaign.MaxTitle);
        b.Property(x => x.Intro).HasMaxLength(500);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.Items).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsCompanyWide);
        b.HasIndex(x => new { x.CompanyId, x.ProjectId, x.Status });
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseMapping : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(x => x.Comment).HasMaxLength(500);
        b.Property(x => x.RecordedById).HasMaxLength(450);
        b.Property(x => x.RecordedByName).HasMaxLength(50);
        b.Property(x => x.Scores).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        // One answer per unit and campaign, whoever sends it and however many at once.
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Owner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyInvitationMapping : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Owner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Jobs;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class JobRunMapping : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(x => x.JobKey).HasMaxLength(200);
        b.Property(x => x.JobType).HasMaxLength(200);
        b.Property(x => x.BackgroundJobId).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasIndex(x => new { x.ProjectId, x.StartedAt });
    }
}

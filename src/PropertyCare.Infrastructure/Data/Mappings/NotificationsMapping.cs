using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Notifications;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Recipient).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.Property(x => x.SentBy).HasMaxLength(50);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => new { x.ProjectId, x.DedupKey }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
    }
}

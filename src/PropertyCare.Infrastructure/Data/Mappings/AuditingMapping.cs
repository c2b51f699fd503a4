using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Auditing;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class ChangeRecordMapping : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.Property(x => x.EntityType).HasMaxLength(50);
        b.Property(x => x.ParentType).HasMaxLength(50);
        b.Property(x => x.UserName).HasMaxLength(50);
        b.HasIndex(x => new { x.ProjectId, x.EntityType, x.EntityId });
        b.HasIndex(x => new { x.ProjectId, x.ParentType, x.ParentId });
        // Field changes are read only with their record, so they are one JSON text column (portable to any provider).
        b.Property(x => x.Changes).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<FieldChange>>(v, JsonSerializerOptions.Default) ?? new List<FieldChange>(),
            new ValueComparer<List<FieldChange>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()));
    }
}

internal sealed class SensitiveAccessMapping : IEntityTypeConfiguration<SensitiveAccess>
{
    public void Configure(EntityTypeBuilder<SensitiveAccess> b)
    {
        b.Property(x => x.EntityType).HasMaxLength(50);
        b.Property(x => x.Field).HasMaxLength(50);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.UserName).HasMaxLength(50);
        b.Property(x => x.ClientIp).HasMaxLength(45);
        b.HasIndex(x => new { x.ProjectId, x.At });
    }
}

internal sealed class AccountEventMapping : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> b)
    {
        b.Property(x => x.ActorUserId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(50);
        b.Property(x => x.TargetUserId).HasMaxLength(450);
        b.Property(x => x.TargetLabel).HasMaxLength(100);
        b.Property(x => x.IpAddress).HasMaxLength(45);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.HasIndex(x => new { x.CompanyId, x.At });
        b.HasIndex(x => new { x.TargetUserId, x.At });
    }
}

internal sealed class OneTimeCodeMapping : IEntityTypeConfiguration<PropertyCare.Infrastructure.Identity.OneTimeCode>
{
    public void Configure(EntityTypeBuilder<PropertyCare.Infrastructure.Identity.OneTimeCode> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.CodeHash).HasMaxLength(200);
        b.HasIndex(x => new { x.UserId, x.Purpose });
        b.HasOne<PropertyCare.Infrastructure.Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

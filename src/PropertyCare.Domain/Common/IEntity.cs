namespace PropertyCare.Domain.Common;

/// <summary>Owned by one project (tenant). The data layer filters every query by the current
/// project and refuses to save an entity of another project.</summary>
public interface ITenantOwned
{
    int ProjectId { get; set; }
}

/// <summary>Every create, update and delete is kept as a change record (who, when, field: old → new).</summary>
public interface IHasHistory
{
    int Id { get; }
    /// <summary>The record page this change is shown on, when it is not the entity's own
    /// (a household member's change shows on its owner's page).</summary>
    (string Type, int Id)? HistoryParent { get; }
}

/// <summary>Optimistic concurrency: the data layer increments Version on every save and refuses a
/// save whose Version changed underneath it.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Marks personal data that is masked on screen and in history (保密管理).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(SensitiveKind kind) : Attribute
{
    public SensitiveKind Kind { get; } = kind;
}

public enum SensitiveKind { Phone, IdNumber }

using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Auditing;

public enum ChangeAction { Created = 0, Updated = 1, Deleted = 2 }

/// <summary>One create/update/delete of a record: who, when, and each field's old → new value.
/// Written by the data layer for every <see cref="IHasHistory"/> entity, so no screen can forget it.</summary>
public class ChangeRecord : ITenantOwned
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public string EntityType { get; set; } = "";
    public int EntityId { get; set; }
    public string? ParentType { get; set; }
    public int? ParentId { get; set; }
    public ChangeAction Action { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public List<FieldChange> Changes { get; set; } = [];
}

public sealed record FieldChange(string Field, string? Old, string? New, SensitiveKind? Sensitive = null);

/// <summary>保密管理: a full phone/ID number was shown, or owner data left the system in an export.</summary>
public class SensitiveAccess : ITenantOwned
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public SensitiveAccessKind Kind { get; set; }
    public string EntityType { get; set; } = "";
    public int? EntityId { get; set; }
    public string Field { get; set; } = "";
    /// <summary>For exports: the filter and row count.</summary>
    public string? Detail { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>Where the session that did it was connected from (IPv4 or IPv6), so a reveal made with a
    /// borrowed or stolen sign-in can be told from the person's own; null for rows written before this was kept.</summary>
    public string? ClientIp { get; set; }
}

public enum SensitiveAccessKind { Reveal = 0, Export = 1 }

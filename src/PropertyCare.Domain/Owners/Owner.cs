using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>业主. One person (or company) who owns one or more units of the project.</summary>
public class Owner : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string Name { get; set; } = "";
    public IdDocumentType IdType { get; set; }
    [Sensitive(SensitiveKind.IdNumber)] public string IdNumber { get; set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string Phone { get; set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string? Phone2 { get; set; }
    public string? Email { get; set; }
    public ContactPreference ContactPreference { get; set; }
    public DateOnly? MoveInDate { get; set; }
    public string? Notes { get; set; }
    /// <summary>Set when a callback found the number wrong (空号/信息错误); the record needs fixing.</summary>
    public bool PhoneFlaggedWrong { get; set; }
    public int Version { get; set; }
    public List<UnitOwnership> Ownerships { get; set; } = [];
    public List<HouseholdMember> Members { get; set; } = [];
    public List<EmergencyContact> EmergencyContacts { get; set; } = [];
    public (string Type, int Id)? HistoryParent => null;

    /// <summary>Copies validated details onto the record. A corrected phone clears the wrong-number flag.</summary>
    public void Apply(OwnerDetails d)
    {
        OwnerRules.Validate(d).ThrowIfAny();
        if (d.Phone != null && d.Phone != Phone) PhoneFlaggedWrong = false;
        Name = d.Name.Trim();
        IdType = d.IdType;
        if (d.IdNumber != null) IdNumber = d.IdNumber.Trim().ToUpperInvariant();
        if (d.Phone != null) Phone = d.Phone.Trim();
        if (d.Phone2 != null) Phone2 = d.Phone2.Trim() == "" ? null : d.Phone2.Trim();
        Email = string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim();
        ContactPreference = d.ContactPreference;
        MoveInDate = d.MoveInDate;
        Notes = string.IsNullOrWhiteSpace(d.Notes) ? null : d.Notes.Trim();
    }
}

/// <summary>What a person enters for an owner. A null phone or ID number on an existing owner means
/// "keep the stored one" — the edit form never shows the full number, so it cannot send it back.</summary>
public sealed record OwnerDetails(
    string Name,
    IdDocumentType IdType,
    string? IdNumber,
    string? Phone,
    string? Phone2,
    string? Email,
    ContactPreference ContactPreference,
    DateOnly? MoveInDate,
    string? Notes);

/// <summary>产权关系 — who owns which unit. A unit can have co-owners; one of them is the primary contact.</summary>
public class UnitOwnership : ITenantOwned, IHasHistory
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int OwnerId { get; set; }
    public Owner? Owner { get; set; }
    public bool IsPrimary { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(Owner), OwnerId);
}

/// <summary>家庭成员.</summary>
public class HouseholdMember : ITenantOwned, IHasHistory
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string Relation { get; set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string? Phone { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(Owner), OwnerId);
}

/// <summary>紧急联系人.</summary>
public class EmergencyContact : ITenantOwned, IHasHistory
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string Relation { get; set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string Phone { get; set; } = "";
    public (string Type, int Id)? HistoryParent => (nameof(Owner), OwnerId);
}

using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>What the owner page shows. Phone and ID numbers arrive masked; the full number only comes
/// from <see cref="OwnerService.RevealAsync"/>, which logs it.</summary>
public sealed record OwnerView(
    int Id, string Name, IdDocumentType IdType, string IdNumberMasked, string PhoneMasked, string? Phone2Masked,
    string? Email, ContactPreference ContactPreference, DateOnly? MoveInDate, string? Notes, bool PhoneFlaggedWrong, int Version,
    IReadOnlyList<OwnedUnit> Units, IReadOnlyList<PersonView> Members, IReadOnlyList<PersonView> EmergencyContacts)
{
    internal static OwnerView From(Owner o, IReadOnlyList<OwnedUnit> units) => new(
        o.Id, o.Name, o.IdType, ContactRules.MaskIdNumber(o.IdNumber), ContactRules.MaskPhone(o.Phone),
        o.Phone2 == null ? null : ContactRules.MaskPhone(o.Phone2), o.Email, o.ContactPreference, o.MoveInDate, o.Notes,
        o.PhoneFlaggedWrong, o.Version, units,
        o.Members.OrderBy(m => m.Id).Select(m => new PersonView(m.Id, m.Name, m.Relation, ContactRules.MaskPhone(m.Phone))).ToList(),
        o.EmergencyContacts.OrderBy(m => m.Id).Select(m => new PersonView(m.Id, m.Name, m.Relation, ContactRules.MaskPhone(m.Phone))).ToList());
}

public sealed record OwnedUnit(int OwnershipId, int UnitId, string Building, string Entrance, int Floor, string Room, decimal Area, string Type, UnitState State, bool IsPrimary)
{
    public string Address => new UnitAddress(UnitId, Building, Entrance, Room).ToString();
}

public sealed record PersonView(int Id, string Name, string Relation, string PhoneMasked);

public enum SensitiveField { OwnerPhone, OwnerPhone2, OwnerIdNumber, MemberPhone, EmergencyContactPhone }

public static class SensitiveFieldInfo
{
    public static string EntityType(this SensitiveField f) => f switch
    {
        SensitiveField.MemberPhone => nameof(HouseholdMember),
        SensitiveField.EmergencyContactPhone => nameof(EmergencyContact),
        _ => nameof(Owner),
    };
}

/// <summary>What the printed 业主信息登记表 shows. Numbers are full only for users who may reveal them,
/// and every print is logged like an export.</summary>
public sealed record OwnerSheet(string Company, string Project, OwnerView Owner, string IdNumber, string Phone, string? Phone2,
    IReadOnlyList<PersonSheetRow> Members, IReadOnlyList<PersonSheetRow> EmergencyContacts, string PrintedBy, DateTime PrintedAtUtc);

public sealed record PersonSheetRow(string Name, string Relation, string Phone);

using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Web.Components.Pages.Owners;

/// <summary>What the owner form edits. Phone and ID fields start empty on edit: the full numbers are
/// never sent to the browser, and an empty field means "keep the stored number".</summary>
public sealed class OwnerFormModel
{
    public string Name { get; set; } = "";
    public IdDocumentType IdType { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Phone2 { get; set; }
    public string? Email { get; set; }
    public ContactPreference ContactPreference { get; set; }
    public DateOnly? MoveInDate { get; set; }
    public string? Notes { get; set; }

    public static OwnerFormModel From(OwnerView o) => new()
    {
        Name = o.Name, IdType = o.IdType, Email = o.Email, ContactPreference = o.ContactPreference, MoveInDate = o.MoveInDate, Notes = o.Notes,
    };

    public OwnerDetails ToDetails() => new(Name, IdType, Blank(IdNumber), Blank(Phone), Phone2, Email, ContactPreference, MoveInDate, Notes);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

using PropertyCare.Domain.Renovation;

namespace PropertyCare.Web.Components.Pages.Renovation;

/// <summary>The application form as the pages bind it (desk and portal); becomes the domain's ApplicationDetails.</summary>
public sealed class RenovationFormModel
{
    public string ContractorCompany { get; set; } = "";
    public string ContractorLicence { get; set; } = "";
    public string ContractorPerson { get; set; } = "";
    public string ContractorPhone { get; set; } = "";
    public HashSet<string> Scope { get; set; } = [];
    public DateTime? PlannedStart { get; set; }
    public DateTime? PlannedEnd { get; set; }
    public string? Notes { get; set; }

    public ApplicationDetails ToDetails() => new(ContractorCompany, ContractorLicence, ContractorPerson, ContractorPhone, Scope.ToList(),
        DateOnly.FromDateTime(PlannedStart ?? DateTime.MinValue), DateOnly.FromDateTime(PlannedEnd ?? DateTime.MinValue), Notes);

    public static RenovationFormModel From(Infrastructure.Renovation.RenovationDetail d) => new()
    {
        ContractorCompany = d.ContractorCompany, ContractorLicence = d.ContractorLicence, ContractorPerson = d.ContractorPerson,
        // The phone is masked on the detail: the applicant types it again when changing the form.
        ContractorPhone = "", Scope = d.Scope.Select(s => s.Name).ToHashSet(),
        PlannedStart = d.PlannedStart.ToDateTime(TimeOnly.MinValue), PlannedEnd = d.PlannedEnd.ToDateTime(TimeOnly.MinValue), Notes = d.Notes,
    };
}

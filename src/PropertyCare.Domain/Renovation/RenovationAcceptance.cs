using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

/// <summary>装修验收 — the check at the end of the works: the checklist, photos (<c>RenovationAcceptancePhoto</c>); a pass
/// starts the observation period on the application, a fail lists the rectification items for a re-check (a new
/// acceptance record).</summary>
public partial class RenovationAcceptance : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public DateTime CheckedAt { get; private set; }
    public string CheckedBy { get; private set; } = "";
    public string CheckedByName { get; private set; } = "";
    public List<PatrolCheck> Checks { get; private set; } = [];
    public bool Passed { get; private set; }
    /// <summary>What must be put right before the re-check (a fail only).</summary>
    public List<string> RectificationItems { get; private set; } = [];
    public string? Notes { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);
}

using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>楼栋.</summary>
public class Building : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>As the estate names it, e.g. "3栋" or "A座".</summary>
    public string Name { get; set; } = "";
    public int Floors { get; set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;
}

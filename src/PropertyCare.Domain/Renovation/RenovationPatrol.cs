using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;

namespace PropertyCare.Domain.Renovation;

/// <summary>One line of a patrol or acceptance checklist (结构, 消防, 防水, 电线, 施工时间, 噪音, 垃圾, 公共区域保护 …).</summary>
public sealed class PatrolCheck
{
    public string Item { get; set; } = "";
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
}

/// <summary>装修巡查 — one visit to a renovation under way: the checklist, photos (<c>RenovationPatrolPhoto</c>) and the
/// violations it found (each a <see cref="RenovationViolation"/> pointing back here).</summary>
public partial class RenovationPatrol : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public DateTime PatrolledAt { get; private set; }
    public string PatrolledBy { get; private set; } = "";
    public string PatrolledByName { get; private set; } = "";
    public List<PatrolCheck> Checks { get; private set; } = [];
    public string? Notes { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);
}

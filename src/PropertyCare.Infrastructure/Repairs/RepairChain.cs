using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>An order and its rework orders form a chain; when the last one ends, the ones it reworked end too.</summary>
internal static class RepairChain
{
    public static async Task CloseAncestorsAsync(AppDbContext db, RepairOrder order, bool satisfied, string reason, CancellationToken ct)
    {
        var parentId = order.ReworkOfId;
        while (parentId is { } id)
        {
            var parent = await db.RepairOrders.FirstAsync(o => o.Id == id, ct);
            if (parent.Status != RepairStatus.Rework) break;
            // The composed reason ("返工单 … 经理关闭：" + the manager's reason) may pass the limit the manager's own text kept.
            if (satisfied) parent.CloseSatisfied(); else parent.CloseByManager(reason.Length <= TextLimits.Reason ? reason : reason[..TextLimits.Reason]);
            parentId = parent.ReworkOfId;
        }
    }
}

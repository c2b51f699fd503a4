using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>What an answered callback does to its order: satisfied closes the order (and the ones it
/// reworked); unsatisfied puts it into rework and opens a rework order (返工单) linked to it, whose completion
/// brings the next callback (二次回访). Shared by the desk's call and the owner's rating in the portal.</summary>
internal static class CallbackOutcomes
{
    public static async Task<RepairOrder?> ApplyAsync(AppDbContext db, Callback callback, RepairOrder order, ProjectClock clock, WorkingCalendar calendar,
        UserIdentity by, NotificationOutbox outbox, CancellationToken ct)
    {
        if (callback.Satisfaction is not { } s) return null;
        if (!s.NeedsRework())
        {
            order.CloseSatisfied();
            await RepairChain.CloseAncestorsAsync(db, order, satisfied: true, "", ct);
            return null;
        }
        order.StartRework();
        var rework = await RepairRegistrar.AddAsync(db, new RepairIntake(order.UnitId, order.CommonArea, order.Category,
                Trim($"【返工】{callback.Remarks}｜原报修：{order.Description}"), order.Urgency, order.Channel, order.Kind, order.ExpectedFee,
                order.PreferredTime, order.ContactName, order.ContactPhone),
            clock, calendar, by, ct, reworkOf: order);
        // The manager follows up every rework (回访产生的不满意交部门主管处理).
        foreach (var m in await ProjectPeople.InRoleAsync(db, order.ProjectId, Roles.ProjectManager, ct))
            await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, $"回访不满意 {order.Number}",
                $"{s.Label().Zh}：{callback.Remarks}。已生成返工单 {rework.Number}，请安排处理。", $"rework-{order.Id}-{callback.Round}-{m.UserId}", ct);
        return rework;
    }

    private static string Trim(string s) => s.Length <= RepairIntake.MaxDescription ? s : s[..RepairIntake.MaxDescription];
}

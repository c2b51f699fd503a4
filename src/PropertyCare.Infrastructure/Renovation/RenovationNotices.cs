using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Tells the applicant (every portal account of the owner in the company, and by SMS) what happened to their
/// application: returned by the desk, the review's decision, the permit, an extension's decision. Queued in the same
/// unit of work as the step, so a step that fails tells nobody.</summary>
internal static class RenovationNotices
{
    public const string PortalLink = "/my/renovations/";

    public static async Task TellOwnerAsync(AppDbContext db, NotificationOutbox outbox, int companyId, string projectName, RenovationApplication a,
        string subject, string what, string key, CancellationToken ct)
    {
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == a.OwnerId).Select(o => new { o.Phone }).FirstOrDefaultAsync(ct);
        if (owner == null) return;
        var address = (await MoveInQueries.UnitsAsync(db, [a.UnitId], ct))[a.UnitId].Address;
        var body = $"{projectName}：您的房屋 {address} 装修申请（{a.Number}）{what}详情请在业主服务“装修”中查看。";
        var dedup = $"reno-{key}-{a.Id}";
        if (!string.IsNullOrWhiteSpace(owner.Phone)) await outbox.EnqueueAsync(db, Channel.Sms, owner.Phone, subject, body, $"{dedup}-sms", ct);
        foreach (var account in await db.Users.AsNoTracking().Where(u => u.OwnerId == a.OwnerId && u.CompanyId == companyId && u.IsActive).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, body, $"{dedup}-inapp-{account}", ct);
    }

    public static (string Subject, string What) ReviewMessage(RenovationApplication a) => a.Decision switch
    {
        ReviewDecision.Rejected => ("装修申请未获批准", $"未获批准，理由：{a.DecisionText}。"),
        ReviewDecision.ApprovedWithConditions => ("装修申请已批准", $"已有条件批准（条件：{a.DecisionText}），请缴纳装修保证金 {Money.Format(a.DepositDue)} 及相关费用、登记施工人员后办理装修许可证。"),
        _ => ("装修申请已批准", $"已批准，请缴纳装修保证金 {Money.Format(a.DepositDue)} 及相关费用、登记施工人员后办理装修许可证。"),
    };
}

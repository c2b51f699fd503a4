using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>Invites and reminds the owners of ONE project (the tenant entered), for a campaign that covers it. Invitations
/// are tenant-owned rows, so a company-wide campaign is invited project by project — by the HQ start (entering each
/// project of its company in turn) or by the project's daily job. Both are idempotent: a unit already invited is skipped
/// and every message carries a dedup key per campaign and unit.</summary>
public sealed class SurveyInviter(TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string PortalLink = "/my/surveys/";

    /// <summary>The target units of this project: occupied units with an owner, all or the campaign's reproducible sample.</summary>
    public static async Task<List<int>> TargetUnitsAsync(AppDbContext db, SurveyCampaign c, int projectId, CancellationToken ct)
    {
        var occupied = await db.Units.AsNoTracking().Where(u => u.State == UnitState.Occupied && db.UnitOwnerships.Any(o => o.UnitId == u.Id))
            .Select(u => u.Id).ToListAsync(ct);
        return SurveySample.Draw(occupied, c.Target, c.SamplePercent, c.Seed, projectId);
    }

    /// <summary>Adds the invitations and messages to <paramref name="db"/> (the caller saves). Returns how many units were newly invited.</summary>
    public async Task<int> InviteAsync(AppDbContext db, SurveyCampaign c, CancellationToken ct)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        if (c.Status != CampaignStatus.Open || !c.Covers(project.Id, project.CompanyId)) return 0;
        var clock = ProjectClock.For(time, project);
        var targets = await TargetUnitsAsync(db, c, project.Id, ct);
        var done = (await db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == c.Id).Select(i => i.UnitId).ToListAsync(ct)).ToHashSet();
        var owners = await MoveIn.MoveInQueries.OwnersAsync(db, targets, ct);
        var n = 0;
        foreach (var unitId in targets.Where(u => !done.Contains(u)))
        {
            int? ownerId = owners.TryGetValue(unitId, out var o) ? o.Id : null;
            db.SurveyInvitations.Add(new SurveyInvitation { ProjectId = project.Id, CampaignId = c.Id, UnitId = unitId, OwnerId = ownerId, InvitedAt = clock.UtcNow });
            if (ownerId != null)
                await TellAsync(db, c, project, unitId, o.Id, o.Phone, "invite",
                    $"{project.Name}：诚邀您参加“{c.Title}”，{c.ClosesOn:yyyy-MM-dd} 前可作答。请在业主服务“满意度调查”中填写：{PortalLink}{c.Id}", ct);
            n++;
        }
        return n;
    }

    /// <summary>Reminds the invited units that have not answered, every <see cref="SurveyCampaign.ReminderEveryDays"/>.</summary>
    public async Task<int> RemindAsync(AppDbContext db, SurveyCampaign c, CancellationToken ct)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, project);
        if (!c.TakesAnswers(clock.Today) || c.ReminderEveryDays == 0) return 0;
        var answered = db.SurveyResponses.Where(r => r.CampaignId == c.Id).Select(r => r.UnitId);
        var open = await db.SurveyInvitations.Where(i => i.CampaignId == c.Id && !answered.Contains(i.UnitId)).OrderBy(i => i.Id).ToListAsync(ct);
        var owners = await MoveIn.MoveInQueries.OwnersAsync(db, open.Select(i => i.UnitId).ToList(), ct);
        var n = 0;
        foreach (var i in open.Where(i => i.ReminderDue(c.ReminderEveryDays, clock.UtcNow)))
        {
            i.Reminders++;
            i.LastRemindedAt = clock.UtcNow;
            if (owners.TryGetValue(i.UnitId, out var o))
                await TellAsync(db, c, project, i.UnitId, o.Id, o.Phone, $"remind{i.Reminders}",
                    $"{project.Name}：“{c.Title}”尚未收到您的答卷，{c.ClosesOn:yyyy-MM-dd} 截止，感谢您抽空填写：{PortalLink}{c.Id}", ct);
            n++;
        }
        return n;
    }

    /// <summary>In-app to every portal account of the owner in the company, and an SMS to the owner's phone; keyed per
    /// campaign and unit (and the round), so a second run or a second start sends nothing twice.</summary>
    private async Task TellAsync(AppDbContext db, SurveyCampaign c, Project project, int unitId, int ownerId, string? phone, string round, string body, CancellationToken ct)
    {
        var subject = round == "invite" ? $"满意度调查：{c.Title}" : $"满意度调查提醒：{c.Title}";
        var key = $"survey-{c.Id}-unit{unitId}-{round}";
        if (!string.IsNullOrWhiteSpace(phone) && ContactRules.IsValidPhone(phone)) await outbox.EnqueueAsync(db, Channel.Sms, phone, subject, body, $"{key}-sms", ct);
        foreach (var account in await db.Users.AsNoTracking().Where(u => u.OwnerId == ownerId && u.CompanyId == project.CompanyId && u.IsActive).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, body, $"{key}-inapp-{account}", ct);
    }
}

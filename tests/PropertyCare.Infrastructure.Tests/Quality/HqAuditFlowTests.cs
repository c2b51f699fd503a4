using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Quality;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Quality;

/// <summary>The two-level callback end to end on the database: HQ's worklist and call sheet, a 不实 re-call issuing the
/// 整改通知 in the same save, the manager's answer, HQ's return and acceptance, each step's owner told, stale versions
/// refused, the overdue escalation once, and the figures Part C reads.</summary>
[Collection(RepairsCollection.Name)]
public class HqAuditFlowTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Three repair callbacks of A in the week (all drawn: the minimum is 3), the sample drawn Monday 06:00.</summary>
    internal static async Task<List<AuditRow>> DrawnAsync(QualityWorld w)
    {
        for (var i = 0; i < 3; i++) await w.RepairCalledBackAsync(w.A, new DateTime(2026, 11, 18, 10 + i, 0, 0), Satisfaction.Satisfied, i);
        w.MondayMorning();
        Assert.Equal(3, await w.SampleJob().RunAsync());
        return (await w.Hq().WorklistAsync(new AuditFilter(), 1, 20)).Items.ToList();
    }

    [Fact]
    public async Task Untrue_recall_issues_a_notice_the_manager_answers_hq_returns_then_accepts()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var rows = await DrawnAsync(w);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(AuditStatus.Pending, r.Status));
        Assert.Equal(3, (await w.Hq().WorklistAsync(new AuditFilter(w.A.Id, QualityWorld.Week, AuditStatus.Pending, SampleReason.Random), 1, 20)).Total);
        Assert.Equal(0, (await w.Hq().WorklistAsync(new AuditFilter(Reason: SampleReason.Unsatisfied), 1, 20)).Total);

        var sheet = await w.Hq().CallSheetAsync(rows[0].Id);
        Assert.Equal("138****8000".Length, sheet.PhoneMasked.Length);
        Assert.DoesNotContain("13900001111", sheet.PhoneMasked);
        Assert.Equal("厨房水龙头漏水", sheet.Description);
        Assert.Equal("电工老王", sheet.Handler);
        Assert.Equal(Satisfaction.Satisfied, sheet.Audit.ProjectSatisfaction);
        Assert.Contains(sheet.Script, t => t.Zh.Contains("您好") && t.Zh.Contains("王先生"));
        Assert.Equal("13900001111", await w.Hq().RevealPhoneAsync(rows[0].Id));
        await using (var db = w.Db(w.A))
            Assert.Single(await db.SensitiveAccesses.Where(a => a.EntityType == nameof(CallbackAudit) && a.EntityId == rows[0].Id && a.UserId == w.HqA).ToListAsync());

        // Genuine and as satisfied: recorded, no notice.
        var ok = await w.Hq().RecordAsync(rows[1].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), null, sheet.Version);
        Assert.False(ok.NoticeIssued);
        // A stale version is refused and saves nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Untrue, Satisfaction.Neutral, "业主说没人回访"), null, sheet.Version + 1));
        // 不实: the notice comes with it.
        w.W.SetLocal(new DateTime(2026, 11, 23, 10, 0, 0));
        var outcome = await w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Untrue, Satisfaction.Neutral, "业主说没人回访"), null, sheet.Version);
        Assert.True(outcome.NoticeIssued);
        Assert.Equal("ZG-20261123-0001", outcome.NoticeNumber);
        var detail = await w.Manager().NoticeAsync(outcome.NoticeId!.Value);
        var n = detail.Notice;
        Assert.Equal(RectificationStatus.Issued, n.Status);
        Assert.Contains("不属实", n.Finding);
        Assert.Contains("业主说：业主说没人回访", n.Finding);
        Assert.Contains("“一般”低于项目回访记录的“满意”", n.Finding);
        Assert.Equal(NoticeIssuing.DefaultRequirement, n.Requirement);
        // Due at the end of the local day 3 days later (the default).
        Assert.Equal(new DateTime(2026, 11, 26, 23, 59, 59), TimeZoneInfo.ConvertTimeFromUtc(n.DueAt, QualityWorldZone));
        Assert.Single(await w.W.MessagesAsync(w.A), m => m.Recipient == w.MgrA && m.Subject == "整改通知 ZG-20261123-0001");
        var recorded = await w.Hq().CallSheetAsync(rows[0].Id);
        Assert.Equal(outcome.NoticeId, recorded.Audit.NoticeId);
        Assert.Equal(outcome.NoticeNumber, recorded.NoticeNumber);
        // A recorded audit cannot be recorded twice (even with its current version).
        await Assert.ThrowsAsync<DomainException>(() =>
            w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), null, recorded.Version));

        // The manager answers; HQ's issuer is told. A stale version is refused.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Manager().AnswerAsync(n.Id, "已重新回访", n.Version + 1));
        await Assert.ThrowsAsync<ValidationException>(() => w.Manager().AnswerAsync(n.Id, " ", n.Version));
        await w.Manager().AnswerAsync(n.Id, "已重新回访业主并对回访员考核", n.Version);
        Assert.Single(await w.W.MessagesAsync(w.A), m => m.Recipient == w.HqA && m.Subject == "整改通知 ZG-20261123-0001 已回复");
        var answered = (await w.Hq().NoticeAsync(n.Id)).Notice;
        Assert.Equal(RectificationStatus.Answered, answered.Status);

        // HQ returns it with a new deadline; the manager is told; answers again; HQ accepts.
        await w.Hq().ReturnAsync(n.Id, "未写考核结果", new DateOnly(2026, 11, 30), answered.Version);
        var returned = (await w.Manager().NoticeAsync(n.Id)).Notice;
        Assert.Equal(RectificationStatus.Returned, returned.Status);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(returned.DueAt, QualityWorldZone)));
        Assert.Single(await w.W.MessagesAsync(w.A), m => m.Recipient == w.MgrA && m.Subject.EndsWith("被退回"));
        await w.Manager().AnswerAsync(n.Id, "考核结果：扣回访员绩效", returned.Version);
        var again = (await w.Hq().NoticeAsync(n.Id)).Notice;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Hq().AcceptAsync(n.Id, null, again.Version - 1));
        await w.Hq().AcceptAsync(n.Id, "同意", again.Version);
        var closed = (await w.Hq().NoticeAsync(n.Id)).Notice;
        Assert.Equal(RectificationStatus.Accepted, closed.Status);
        Assert.Equal(2, closed.Rounds.Count);
        Assert.Single(await w.W.MessagesAsync(w.A), m => m.Recipient == w.MgrA && m.Subject.EndsWith("已验收"));

        // The project sees its finished audits only (not what HQ is still to call).
        var own = await w.Manager().AuditsAsync(new AuditFilter(), 1, 20);
        Assert.Equal(2, own.Total);
        Assert.Equal(1, (await w.Hq().NoticesAsync(new NoticeFilter(Status: RectificationStatus.Accepted), 1, 20)).Total);

        // Figures for the KPIs: November (Shanghai) has 2 audited, 1 不实.
        await using var fdb = w.Db(w.A);
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 1), QualityWorldZone);
        var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 12, 1), QualityWorldZone);
        var figures = await AuditFigures.ByProjectAsync(fdb, [w.A.Id, w.A2.Id], from, to);
        Assert.Equal((2, 1, 0), figures[w.A.Id]);
        Assert.Equal((0, 0, 0), figures[w.A2.Id]);
        Assert.Equal((0, 0, 0), (await AuditFigures.ByProjectAsync(fdb, [w.A.Id], to, to.AddDays(30)))[w.A.Id]);
    }

    private static readonly TimeZoneInfo QualityWorldZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Lower_satisfaction_issues_a_notice_unreachable_does_not_and_hq_can_issue_by_hand()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var rows = await DrawnAsync(w);
        var less = await w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Dissatisfied, null), "请回访并维修到位", 0);
        Assert.True(less.NoticeIssued);
        await w.Hq().RecordUnreachableAsync(rows[1].Id, "空号", 0);
        var sheet = await w.Hq().CallSheetAsync(rows[1].Id);
        Assert.Equal(AuditStatus.Unreachable, sheet.Audit.Status);
        Assert.Null(sheet.Audit.NoticeId);
        var (id, number) = await w.Hq().IssueAsync(w.A2.Id, "二期门岗登记不规范", "整改门岗登记", null);
        Assert.Equal("ZG-20261123-0001", number); // numbered per project
        Assert.Equal(2, (await w.Hq().NoticesAsync(new NoticeFilter(), 1, 20)).Total);
        Assert.Equal(1, (await w.Manager(w.A2).NoticesAsync(new NoticeFilter(), 1, 20)).Total);
        await Assert.ThrowsAsync<ValidationException>(() => w.Hq().IssueAsync(w.A.Id, " ", "x", null));
        await Assert.ThrowsAsync<ValidationException>(() => w.Hq().IssueAsync(w.A.Id, "x", "y", new DateOnly(2026, 11, 1)));
        Assert.Equal(2, (await w.Hq().NoticesAsync(new NoticeFilter(), 1, 20)).Total);
        _ = id;
    }

    [Fact]
    public async Task Overdue_notice_escalates_once_to_managers_and_own_hq_and_again_after_a_new_deadline()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var rows = await DrawnAsync(w);
        var o = await w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Untrue, Satisfaction.Satisfied, "没人来修"), null, 0);
        w.W.SetLocal(new DateTime(2026, 11, 26, 23, 0, 0));
        Assert.Equal(0, await w.EscalationJob().RunAsync());
        w.W.SetLocal(new DateTime(2026, 11, 27, 0, 40, 0));
        Assert.Equal(1, await w.EscalationJob().RunAsync());
        Assert.Equal(0, await w.EscalationJob().RunAsync());
        w.W.SetLocal(new DateTime(2026, 11, 27, 9, 40, 0));
        Assert.Equal(0, await w.EscalationJob().RunAsync());
        var msgs = (await w.W.MessagesAsync(w.A)).Where(m => m.Subject.StartsWith("整改通知超期")).ToList();
        Assert.Equal(2, msgs.Count);
        Assert.Contains(msgs, m => m.Recipient == w.MgrA);
        Assert.Contains(msgs, m => m.Recipient == w.HqA);
        Assert.DoesNotContain(msgs, m => m.Recipient == w.HqB || m.Recipient == w.MgrA2);
        Assert.True((await w.Hq().NoticesAsync(new NoticeFilter(OverdueOnly: true), 1, 20)).Items.Single().Escalated);

        // Answered late, returned with a new deadline: escalates once more after that one.
        var n = (await w.Manager().NoticeAsync(o.NoticeId!.Value)).Notice;
        await w.Manager().AnswerAsync(n.Id, "已处理", n.Version);
        n = (await w.Hq().NoticeAsync(n.Id)).Notice;
        await w.Hq().ReturnAsync(n.Id, "没有照片", new DateOnly(2026, 11, 28), n.Version);
        w.W.SetLocal(new DateTime(2026, 11, 29, 0, 40, 0));
        Assert.Equal(1, await w.EscalationJob().RunAsync());
        Assert.Equal(0, await w.EscalationJob().RunAsync());
        Assert.Equal(4, (await w.W.MessagesAsync(w.A)).Count(m => m.Subject.StartsWith("整改通知超期")));
    }

    [Fact]
    public async Task Settings_are_the_companys_own_with_defaults_validation_and_versions()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var svc = w.As(Roles.HqAuditor, w.A, w.HqA).GetRequiredService<QualitySettingsService>();
        var s0 = await svc.GetAsync();
        Assert.Equal((10, 3, 3, 0), (s0.SharePercent, s0.Minimum, s0.NoticeDays, s0.Version));
        await Assert.ThrowsAsync<ValidationException>(() => svc.SaveAsync(0, 3, 3, 0));
        await svc.SaveAsync(20, 5, 7, 0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => svc.SaveAsync(30, 5, 7, 0));
        var s1 = await svc.GetAsync();
        Assert.Equal((20, 5, 7), (s1.SharePercent, s1.Minimum, s1.NoticeDays));
        var b = await w.As(Roles.HqAuditor, w.B, w.HqB).GetRequiredService<QualitySettingsService>().GetAsync();
        Assert.Equal((10, 0), (b.SharePercent, b.Version)); // company 乙 still has its defaults
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.As(Roles.ProjectManager, w.A, w.MgrA).GetRequiredService<QualitySettingsService>().SaveAsync(50, 1, 1, 1));
    }
}

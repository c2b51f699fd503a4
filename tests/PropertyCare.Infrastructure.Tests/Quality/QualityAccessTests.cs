using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Quality;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Quality;

/// <summary>Attacks on the two-level callback: another company's HQ by id, project staff calling HQ's writes, a manager of
/// another project of the same company, and HQ through these services never changing a project's own records.</summary>
[Collection(RepairsCollection.Name)]
public class QualityAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<(QualityWorld W, List<AuditRow> Rows, int NoticeId)> WorldAsync(DatabaseProvider provider)
    {
        var w = await QualityWorld.CreateAsync(provider);
        var rows = await HqAuditFlowTests.DrawnAsync(w);
        var o = await w.Hq().RecordAsync(rows[0].Id, new AuditAnswer(Authenticity.Untrue, Satisfaction.Satisfied, "没人回访"), null, 0);
        return (w, rows, o.NoticeId!.Value);
    }

    [Fact]
    public async Task Hq_of_another_company_finds_nothing_of_company_a()
    {
        var (w, rows, noticeId) = await WorldAsync(Provider);
        await using var _ = w;
        var b = w.HqOfB();
        Assert.Equal(0, (await b.WorklistAsync(new AuditFilter(), 1, 20)).Total);
        Assert.Equal(0, (await b.WorklistAsync(new AuditFilter(ProjectId: w.A.Id), 1, 20)).Total);
        Assert.Equal(0, (await b.NoticesAsync(new NoticeFilter(ProjectId: w.A.Id), 1, 20)).Total);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.CallSheetAsync(rows[1].Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.RevealPhoneAsync(rows[1].Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.RecordAsync(rows[1].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), null, 0));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.RecordUnreachableAsync(rows[1].Id, null, 0));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.NoticeAsync(noticeId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.AcceptAsync(noticeId, null, 0));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.ReturnAsync(noticeId, "x", null, 0));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => b.IssueAsync(w.A.Id, "x", "y", null));
        await using var db = w.Db(w.A);
        Assert.Equal(AuditStatus.Pending, (await db.CallbackAudits.SingleAsync(a => a.Id == rows[1].Id)).Status);
        Assert.Equal(1, await db.RectificationNotices.CountAsync());
    }

    [Fact]
    public async Task Project_staff_cannot_call_hqs_writes_or_reads()
    {
        var (w, rows, noticeId) = await WorldAsync(Provider);
        await using var _ = w;
        foreach (var (role, user) in new[] { (Roles.ProjectManager, w.MgrA), (Roles.ServiceDesk, w.DeskA) })
        {
            var svc = w.As(role, w.A, user).GetRequiredService<HqAuditService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.WorklistAsync(new AuditFilter(), 1, 20));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.CallSheetAsync(rows[1].Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.RecordAsync(rows[1].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), null, 0));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.RecordUnreachableAsync(rows[1].Id, null, 0));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.AcceptAsync(noticeId, null, 0));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.ReturnAsync(noticeId, "x", null, 0));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.IssueAsync(w.A.Id, "x", "y", null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => w.As(role, w.A, user).GetRequiredService<QualitySettingsService>().GetAsync());
        }
        // The desk has no 品质整改 either.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.As(Roles.ServiceDesk, w.A, w.DeskA).GetRequiredService<RectificationService>().NoticeAsync(noticeId));
    }

    [Fact]
    public async Task A_manager_of_another_project_of_the_company_does_not_find_the_notice()
    {
        var (w, _, noticeId) = await WorldAsync(Provider);
        await using var __ = w;
        var a2 = w.Manager(w.A2);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => a2.NoticeAsync(noticeId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => a2.AnswerAsync(noticeId, "我来回复", 0));
        Assert.Equal(0, (await a2.NoticesAsync(new NoticeFilter(), 1, 20)).Total);
        Assert.Equal(0, (await a2.AuditsAsync(new AuditFilter(), 1, 20)).Total);
        Assert.Equal(RectificationStatus.Issued, (await w.Manager().NoticeAsync(noticeId)).Notice.Status);
    }

    [Fact]
    public async Task Hq_changes_only_its_own_records_and_cannot_answer_for_the_project()
    {
        var (w, rows, noticeId) = await WorldAsync(Provider);
        await using var _ = w;
        await using var db = w.Db(w.A);
        var before = await db.RepairOrders.AsNoTracking().Select(o => new { o.Id, o.Version }).ToListAsync();
        var cbs = await db.Callbacks.AsNoTracking().Select(c => new { c.Id, c.Version }).ToListAsync();
        await w.Hq().RecordAsync(rows[1].Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.VeryDissatisfied, null), null, 0);
        await w.Hq().RecordUnreachableAsync(rows[2].Id, null, 0);
        Assert.Equal(before, await db.RepairOrders.AsNoTracking().Select(o => new { o.Id, o.Version }).ToListAsync());
        Assert.Equal(cbs, await db.Callbacks.AsNoTracking().Select(c => new { c.Id, c.Version }).ToListAsync());
        // The history of what HQ changed is of its own records only.
        var changed = await db.ChangeRecords.AsNoTracking().Where(c => c.UserId == w.HqA).Select(c => c.EntityType).Distinct().ToListAsync();
        Assert.All(changed, t => Assert.Contains(t, new[] { nameof(CallbackAudit), nameof(RectificationNotice) }));
        // HQ reads a project's notice but the answer is the manager's.
        var hqInProject = w.As(Roles.HqAuditor, w.A, w.HqA).GetRequiredService<RectificationService>();
        Assert.Equal(noticeId, (await hqInProject.NoticeAsync(noticeId)).Notice.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqInProject.AnswerAsync(noticeId, "总部代答", 0));
    }
}

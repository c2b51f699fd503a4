using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>品质整改 in the project (QualityRectify: the manager; HQ may enter too and read): the project's 整改通知 and the
/// answer to one, and the project's own audit results. Through the tenant filter only — another project's notice is not
/// found. The project never sees which callbacks are still to be re-called (that would let it coach the owners): only
/// audits HQ has finished are listed.</summary>
public sealed class RectificationService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public async Task<Page<NoticeRow>> NoticesAsync(NoticeFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.QualityRectify, Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QualityQueries.NoticesAsync(db, db.RectificationNotices.AsNoTracking(), db.CallbackAudits.AsNoTracking(), filter with { ProjectId = null },
            time.GetUtcNow().UtcDateTime, pageIndex, pageSize, ct);
    }

    public async Task<NoticeDetail> NoticeAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.QualityRectify, Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QualityQueries.NoticeAsync(db, db.RectificationNotices, db.CallbackAudits, id, time.GetUtcNow().UtcDateTime, ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>The manager's 整改回复; HQ's issuer is told (in-app).</summary>
    public async Task AnswerAsync(int id, string answer, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.QualityRectify);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.RectificationNotices.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (n.Version != expectedVersion) throw new ConcurrencyConflictException();
        n.Answer(answer ?? "", user.DisplayName, time.GetUtcNow().UtcDateTime);
        await outbox.EnqueueAsync(db, Channel.InApp, n.IssuedById, $"整改通知 {n.Number} 已回复",
            $"{tenant.Project!.Name} 已回复整改通知 {n.Number}（第 {n.Rounds.Count} 次），请到“整改通知”验收。", $"quality-notice-{n.Id}-answered-{n.Rounds.Count}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The project's finished audits (已抽访 / 无法联系), newest first.</summary>
    public async Task<Page<AuditRow>> AuditsAsync(AuditFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.QualityRectify, Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var f = filter with { ProjectId = null, Status = filter.Status == AuditStatus.Pending ? null : filter.Status };
        return await QualityQueries.AuditsAsync(db, db.CallbackAudits.AsNoTracking().Where(a => a.Status != AuditStatus.Pending), db.CallbackSamples.AsNoTracking(),
            f, pageIndex, pageSize, ct);
    }
}

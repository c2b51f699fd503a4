using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Notifications;

/// <summary>Puts messages into the current project's outbox and lists them for the 发件箱 page.</summary>
public sealed class NotificationOutbox(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Adds the message to <paramref name="db"/> (the caller's unit of work) unless one with the
    /// same key exists — so the message is saved with the change that caused it, or not at all.
    /// <paramref name="confidential"/>: the body carries a credential; see <see cref="OutboxMessage.Confidential"/>.</summary>
    public async Task<bool> EnqueueAsync(AppDbContext db, Channel channel, string recipient, string subject, string body, string dedupKey, CancellationToken ct = default, bool confidential = false)
    {
        if (tenant.ProjectId == null) throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == dedupKey, ct)
            || db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DedupKey == dedupKey)) return false;
        db.OutboxMessages.Add(OutboxMessage.Create(channel, recipient, subject, body, dedupKey, clock.GetUtcNow().UtcDateTime, confidential));
        return true;
    }

    /// <summary>The 发件箱 list. A confidential message's body (a one-time code) never leaves this method: the
    /// page gets the row with an empty body and shows that the text is withheld.</summary>
    public async Task<Page<OutboxMessage>> ListAsync(OutboxStatus? status, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.OutboxMessages.AsNoTracking();
        if (status is { } s) q = q.Where(m => m.Status == s);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.Id).Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // Not tracked, so blanking here changes nothing stored (a pending message still goes out with its code).
        foreach (var m in items.Where(m => m.Confidential)) m.Body = "";
        return new Page<OutboxMessage>(items, total, pageIndex, pageSize);
    }

    public async Task RetryAsync(long id, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        m.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>Registering a complaint, shared by the desk and the portal: the number is TS-yyyyMMdd-NNNN of the project's
/// day (two registrations at the same moment may pick the same number: the unique index refuses the second, which tries
/// the next); the photos are stored in the same transaction; a repeat of the same unit and category within the window
/// flags both.</summary>
internal static class ComplaintFiling
{
    public static async Task<(int Id, string Number)> RegisterAsync(AppDbContext db, ProjectClock clock, ComplaintTime time, ComplaintSettings settings,
        ComplaintIntake intake, int? ownerId, bool byOwner, string receivedById, string receivedByName, IReadOnlyCollection<PhotoUpload> photos,
        CancellationToken ct, Func<Complaint, Task>? alsoInTransaction = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = Complaint.Register(intake, ownerId, byOwner, receivedById, receivedByName, clock.UtcNow, settings, time);
            c.ProjectId = settings.ProjectId;
            c.Number = await NextNumberAsync(db, clock.Today, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Complaints.Add(c);
                await MarkRepeatAsync(db, c, settings, ct);
                await db.SaveChangesAsync(ct);
                await AttachmentService.AddAsync(db, AttachmentKind.ComplaintPhoto, c.Id, photos, receivedByName, clock.UtcNow, ct);
                // E.g. the desk's message about an owner's filing: stored with the complaint, or not at all.
                if (alsoInTransaction != null) await alsoInTransaction(c);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (c.Id, c.Number);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    public static string Number(DateOnly day, int n) => $"TS-{day:yyyyMMdd}-{n:0000}";

    private static async Task<string> NextNumberAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = Number(day, 1)[..^4];
        var last = await db.Complaints.Where(a => a.Number.StartsWith(prefix)).OrderByDescending(a => a.Number).Select(a => a.Number).FirstOrDefaultAsync(ct);
        return Number(day, last == null ? 1 : int.Parse(last[^4..]) + 1);
    }

    /// <summary>重复投诉: a complaint of the same unit and category received within the window before this one; the newest such
    /// one is named, and both are flagged. Called at registration and again when the desk sets the category.</summary>
    public static async Task MarkRepeatAsync(AppDbContext db, Complaint c, ComplaintSettings settings, CancellationToken ct)
    {
        if (c.Kind != ComplaintKind.Complaint || c.UnitId == null || c.Category == null || c.RepeatOfId != null) return;
        var since = c.ReceivedAt.AddDays(-settings.RepeatWindowDays);
        var earlier = await db.Complaints
            .Where(x => x.Id != c.Id && x.UnitId == c.UnitId && x.Category == c.Category && x.Kind == ComplaintKind.Complaint
                && x.ReceivedAt >= since && x.ReceivedAt <= c.ReceivedAt)
            .OrderByDescending(x => x.ReceivedAt).FirstOrDefaultAsync(ct);
        if (earlier != null) c.MarkRepeatOf(earlier);
    }
}

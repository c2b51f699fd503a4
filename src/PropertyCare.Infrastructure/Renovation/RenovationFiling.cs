using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Filing an application, shared by the desk and the portal: the unit must be delivered and owned by the
/// applicant, have no open application, and the number is ZX-yyyyMMdd-NNNN of the project's day. Two filings at the
/// same moment may pick the same number: the unique index refuses the second, which tries again with the next one.
/// Two filings for the same unit at once: the one-open-per-unit index keeps one, the other is told why.</summary>
internal static class RenovationFiling
{
    public static readonly Text AlreadyOpen = new("该房屋已有未结案的装修申请，不能重复申请", "This unit already has an open renovation application");

    public static async Task<(int Id, string Number)> FileAsync(IDbContextFactory<AppDbContext> dbFactory, int projectId, ProjectClock clock,
        int unitId, int ownerId, ApplicationDetails details, IReadOnlyCollection<PhotoUpload> documents, bool byOwner, string userId, string userName,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new RecordNotFoundException();
            if (!await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == ownerId, ct))
                throw new ValidationException([new("OwnerId", new("申请人须为该房屋的业主", "The applicant must be an owner of the unit"))]);
            if (unit.State == UnitState.NotDelivered)
                throw new ValidationException([new("UnitId", new("房屋未交付，不能申请装修", "The unit has not been delivered"))]);
            if (await db.RenovationApplications.AnyAsync(a => a.UnitId == unitId && a.Status != RenovationStatus.Rejected
                    && a.Status != RenovationStatus.Closed && a.Status != RenovationStatus.Withdrawn, ct))
                throw new DomainException(AlreadyOpen);
            var settings = await RenovationSettingsService.LoadAsync(db, projectId, ct);
            var app = RenovationApplication.File(unitId, ownerId, details, settings, byOwner, userId, clock.UtcNow, clock.Today);
            app.Number = await NextNumberAsync(db, clock.Today, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.RenovationApplications.Add(app);
                await db.SaveChangesAsync(ct);
                await AttachmentService.AddAsync(db, AttachmentKind.RenovationDocument, app.Id, documents, userName, clock.UtcNow, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (app.Id, app.Number);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
                // Loop: the pre-check above tells a unit taken meanwhile; anything else was the number.
            }
            catch (DbUpdateException)
            {
                await tx.RollbackAsync(ct);
                throw new DomainException(AlreadyOpen);
            }
        }
    }

    public static string Number(DateOnly day, int n) => $"ZX-{day:yyyyMMdd}-{n:0000}";

    private static async Task<string> NextNumberAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = Number(day, 1)[..^4];
        var last = await db.RenovationApplications.Where(a => a.Number.StartsWith(prefix)).OrderByDescending(a => a.Number).Select(a => a.Number).FirstOrDefaultAsync(ct);
        return Number(day, last == null ? 1 : int.Parse(last[^4..]) + 1);
    }

    /// <summary>The permit's number follows the application's (XK-20261123-0001 for ZX-20261123-0001), so it is unique in
    /// the project by the application number's own unique index, with no second counter to race on.</summary>
    public static string PermitNumber(string applicationNumber) => "XK-" + applicationNumber[3..];
}

using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Tells the applicant (in-app to every portal account of theirs, SMS to their phone), inside the caller's unit
/// of work so the message is saved with the change that caused it. The key makes a repeat harmless.</summary>
internal static class RenovationWorksOwnerNotice
{
    public static async Task SendAsync(AppDbContext db, NotificationOutbox outbox, RenovationApplication app, string subject, string text, string key, CancellationToken ct)
    {
        foreach (var account in await VacantQueries.PortalUsersOf(db, app.OwnerId).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, text, $"{key}-{account}-inapp", ct);
        var phone = await db.Owners.AsNoTracking().Where(o => o.Id == app.OwnerId).Select(o => o.Phone).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(phone))
            await outbox.EnqueueAsync(db, Channel.Sms, phone, subject, text, $"{key}-owner{app.OwnerId}-sms", ct);
    }
}

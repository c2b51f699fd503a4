using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>Creates an order in the caller's unit of work: checks the category and unit, finds the owner to
/// call back, numbers the order and sets its deadline. Shared by the desk, the owner portal and rework.</summary>
internal static class RepairRegistrar
{
    public static async Task<RepairOrder> AddAsync(AppDbContext db, RepairIntake intake, ProjectClock clock, WorkingCalendar calendar,
        UserIdentity by, CancellationToken ct, RepairOrder? reworkOf = null, bool moduleCategory = false)
    {
        // moduleCategory: the category is set by a module (交付遗留 from the delivery inspection), not picked from the
        // project's list by a person, so the list does not have to name it.
        var settings = await RepairSettingsService.LoadAsync(db, ct);
        var errors = intake.Validate();
        if (!string.IsNullOrWhiteSpace(intake.Category) && !settings.CategoryList.Contains(intake.Category.Trim()) && reworkOf == null && !moduleCategory)
            errors.Add(new(nameof(RepairIntake.Category), new("请选择本项目的报修类别", "Choose one of the project's categories")));
        errors.ThrowIfAny();

        int? ownerId = null;
        string? contactName = intake.ContactName, contactPhone = intake.ContactPhone;
        if (reworkOf != null)
        {
            // A rework is for the same owner and contact as the order it reworks, whoever records the callback.
            if (reworkOf.UnitId != null && !await db.Units.AnyAsync(u => u.Id == reworkOf.UnitId, ct)) throw new RecordNotFoundException();
            ownerId = reworkOf.OwnerId;
        }
        else if (intake.UnitId is { } unitId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new RecordNotFoundException();
            // An owner reporting in the portal is the contact; at the desk it is the unit's primary owner,
            // unless the desk wrote down someone else.
            var owners = db.UnitOwnerships.Where(x => x.UnitId == unitId);
            if (by.OwnerId is { } me) owners = owners.Where(x => x.OwnerId == me);
            var owner = await owners.OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Id)
                .Select(x => new { x.OwnerId, x.Owner!.Name, x.Owner.Phone }).FirstOrDefaultAsync(ct);
            ownerId = owner?.OwnerId;
            if (string.IsNullOrWhiteSpace(contactName)) contactName = owner?.Name;
            if (string.IsNullOrWhiteSpace(contactPhone)) contactPhone = owner?.Phone;
        }
        var received = clock.UtcNow;
        var dueLocal = RepairRules.DueAt(clock.ToLocal(received), intake.Urgency, settings.NormalDueWorkingDays, calendar);
        var number = await NextNumberAsync(db, clock.Today, ct);
        var order = RepairOrder.Register(number, intake with { ContactName = contactName, ContactPhone = contactPhone }, ownerId,
            received, clock.ToUtc(dueLocal), by.UserId, by.DisplayName, reworkOf);
        db.RepairOrders.Add(order);
        return order;
    }

    private static async Task<string> NextNumberAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = RepairRules.Number(day, 1)[..^4];
        var last = await db.RepairOrders.Where(o => o.Number.StartsWith(prefix)).OrderByDescending(o => o.Number).Select(o => o.Number).FirstOrDefaultAsync(ct);
        var pending = db.ChangeTracker.Entries<RepairOrder>().Select(e => e.Entity.Number).Where(n => n.StartsWith(prefix));
        var max = new[] { last }.Concat(pending).Where(n => n != null).Select(n => int.Parse(n![^4..])).DefaultIfEmpty(0).Max();
        return RepairRules.Number(day, max + 1);
    }
}

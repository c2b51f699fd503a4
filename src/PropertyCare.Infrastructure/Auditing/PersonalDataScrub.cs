using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Auditing;

/// <summary>个人信息保护法: when an owner (or one of their household members or emergency contacts) is deleted, the
/// history and the logs stop naming them. Which records changed, when and by whom stays — that is the desk's
/// accountability — but names become "已删除业主 #id" and phone, ID, email and notes values are removed.
/// Runs inside the deleting transaction, so the person is never deleted while their data stays behind.
/// Repair orders are not touched: an order's contact is part of the order's own record (see docs/security.md).</summary>
internal static class PersonalDataScrub
{
    /// <summary>Per record type: the field that names the person (replaced by a label) and the fields whose values go.</summary>
    private static readonly Dictionary<string, (string Label, HashSet<string> Removed)> Personal = new()
    {
        [nameof(Owner)] = ("已删除业主", [nameof(Owner.IdNumber), nameof(Owner.Phone), nameof(Owner.Phone2), nameof(Owner.Email), nameof(Owner.Notes)]),
        [nameof(HouseholdMember)] = ("已删除家庭成员", [nameof(HouseholdMember.Phone)]),
        [nameof(EmergencyContact)] = ("已删除紧急联系人", [nameof(EmergencyContact.Phone)]),
    };

    public static string Label(string entityType, int id) => $"{Personal[entityType].Label} #{id}";

    /// <summary>The owner's and their people's change records, the log lines that mention them, the portal account's
    /// name in history, and messages addressed to them. Call after the deletion is saved, then save again.</summary>
    public static async Task ForgetOwnerAsync(AppDbContext db, Owner owner, CancellationToken ct)
    {
        var label = Label(nameof(Owner), owner.Id);
        var records = await db.ChangeRecords
            .Where(c => (c.EntityType == nameof(Owner) && c.EntityId == owner.Id) || (c.ParentType == nameof(Owner) && c.ParentId == owner.Id))
            .ToListAsync(ct);
        foreach (var r in records) Anonymise(r);

        // Changes the owner made in the portal carry their display name (their own name) as the author.
        var accounts = await db.Users.Where(u => u.OwnerId == owner.Id).Select(u => u.Id).ToListAsync(ct);
        if (accounts.Count > 0)
            foreach (var r in await db.ChangeRecords.Where(c => c.UserId != null && accounts.Contains(c.UserId)).ToListAsync(ct))
                r.UserName = label;

        var words = new List<(string Text, string Replacement)> { (owner.Name, label) };
        words.AddRange(new[] { owner.IdNumber, owner.Phone, owner.Phone2, owner.Email }.Select(v => (v ?? "", label)));
        words.AddRange(owner.Members.Select(m => (m.Name, Label(nameof(HouseholdMember), m.Id))));
        words.AddRange(owner.Members.Select(m => (m.Phone ?? "", Label(nameof(HouseholdMember), m.Id))));
        words.AddRange(owner.EmergencyContacts.Select(c => (c.Name, Label(nameof(EmergencyContact), c.Id))));
        words.AddRange(owner.EmergencyContacts.Select(c => (c.Phone, Label(nameof(EmergencyContact), c.Id))));
        await ScrubLogsAsync(db, words, ct);

        var addresses = new[] { owner.Phone, owner.Phone2, owner.Email }.Where(a => !string.IsNullOrEmpty(a)).Cast<string>().ToList();
        await ForgetMessagesAsync(db, addresses, words, ct);
    }

    /// <summary>A household member or emergency contact removed on its own.</summary>
    public static async Task ForgetPersonAsync(AppDbContext db, string entityType, int id, string name, string? phone, CancellationToken ct)
    {
        foreach (var r in await db.ChangeRecords.Where(c => c.EntityType == entityType && c.EntityId == id).ToListAsync(ct))
            Anonymise(r);
        var label = Label(entityType, id);
        await ScrubLogsAsync(db, [(name, label), (phone ?? "", label)], ct);
    }

    private static void Anonymise(ChangeRecord r)
    {
        if (!Personal.TryGetValue(r.EntityType, out var rule)) return;
        var label = Label(r.EntityType, r.EntityId);
        r.Changes = r.Changes.Select(c =>
            c.Field == "Name" ? c with { Old = c.Old == null ? null : label, New = c.New == null ? null : label }
            : rule.Removed.Contains(c.Field) ? c with { Old = null, New = null }
            : c).ToList();
    }

    /// <summary>The 保密日志 keeps who exported or revealed what; an export's filter can hold the person's name or number.</summary>
    private static async Task ScrubLogsAsync(AppDbContext db, List<(string Text, string Replacement)> words, CancellationToken ct)
    {
        // Longest first, so a phone is replaced whole before any shorter value inside it.
        foreach (var (text, replacement) in words.Where(w => w.Text.Trim().Length >= 2).OrderByDescending(w => w.Text.Length))
        {
            var t = text.Trim();
            foreach (var a in await db.SensitiveAccesses.Where(a => a.Detail != null && a.Detail.Contains(t)).ToListAsync(ct))
                a.Detail = a.Detail!.Replace(t, replacement, StringComparison.Ordinal);
        }
    }

    /// <summary>Messages to the person's phone or email: unsent ones are dropped (nobody is there to receive them any
    /// more); sent and failed ones stay as the delivery record, with the address masked and the text removed.</summary>
    private static async Task ForgetMessagesAsync(AppDbContext db, List<string> addresses, List<(string Text, string Replacement)> words, CancellationToken ct)
    {
        if (addresses.Count == 0) return;
        foreach (var m in await db.OutboxMessages.Where(m => addresses.Contains(m.Recipient)).ToListAsync(ct))
        {
            if (m.Status == OutboxStatus.Pending) { db.OutboxMessages.Remove(m); continue; }
            m.Recipient = m.Channel == Channel.Sms ? ContactRules.MaskPhone(m.Recipient) : "（已删除）";
            m.Body = "（业主资料已删除，消息内容不再保留）";
            foreach (var (text, replacement) in words.Where(w => w.Text.Trim().Length >= 2))
                m.Subject = m.Subject.Replace(text.Trim(), replacement, StringComparison.Ordinal);
        }
    }
}

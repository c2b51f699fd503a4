using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Collecting, reversing and deducting through the service: the balance is derived, receipts numbered, the
/// rules refuse with nothing saved, and only the manager reverses or decides.</summary>
[Collection(RepairsCollection.Name)]
public class DepositLedgerServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private static PhotoUpload Photo => new("损坏.png", RepairWorld.Png);

    [Fact]
    public async Task Money_is_collected_from_the_approval_on_with_numbered_receipts_and_the_balance_is_derived()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var submitted = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Submitted);
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).CollectAsync(submitted, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, null));

        var id = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Approved);
        var desk = w.Desk(w.A);
        var (_, r1) = await desk.CollectAsync(id, LedgerAccount.Deposit, null, 1000m, PaymentMethod.Cash, "首付");
        var (_, r2) = await desk.CollectAsync(id, LedgerAccount.Deposit, null, 2000m, PaymentMethod.BankTransfer, null);
        Assert.Equal(("SJ-20261123-0001", "SJ-20261123-0002"), (r1, r2));
        var more = await Assert.ThrowsAsync<ValidationException>(() => desk.CollectAsync(id, LedgerAccount.Deposit, null, 0.01m, PaymentMethod.Cash, null));
        Assert.Contains("已收足", more.Errors.Single().Message.Zh);
        var wrongFee = await Assert.ThrowsAsync<ValidationException>(() => desk.CollectAsync(id, LedgerAccount.Fee, "停车费", 10m, PaymentMethod.Cash, null));
        Assert.Equal("FeeName", wrongFee.Errors.Single().Field);
        await Assert.ThrowsAsync<ValidationException>(() => desk.CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 100m, PaymentMethod.Cash, null));
        await desk.CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 268.5m, PaymentMethod.Cash, null);
        await Assert.ThrowsAsync<ValidationException>(() => desk.CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 268.5m, PaymentMethod.Cash, null));

        var view = await desk.LedgerAsync(id);
        Assert.Equal((3000m, 3000m, 0m), (view.Balance, view.DepositDue, view.DepositOutstanding));
        Assert.Equal(["装修垃圾清运费"], view.FeesPaid);
        Assert.Equal(3, view.Entries.Count);
        Assert.All(view.Entries, e => Assert.Equal("客服小李", e.OperatorName));
        await using var db = w.Db(w.A);
        Assert.Equal(3, await db.DepositLedger.CountAsync()); // refused ones left nothing
        // The owner is told at each collection (SMS to the phone on file).
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Channel == Channel.Sms && m.Recipient == "13800138000" && m.Subject == "装修款项已收取"));
    }

    [Fact]
    public async Task A_mistake_is_reversed_once_by_the_manager_with_a_reason()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var fee = (await w.EntriesAsync(w.A, id)).Single(e => e.Account == LedgerAccount.Fee);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Desk(w.A).ReverseAsync(fee.Id, "收错"));
        Assert.Equal("Reason", (await Assert.ThrowsAsync<ValidationException>(() => w.Manager(w.A).ReverseAsync(fee.Id, " "))).Errors.Single().Field);
        var rid = await w.Manager(w.A).ReverseAsync(fee.Id, "重复收取");
        await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(fee.Id, "再冲一次"));
        await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(rid, "冲正的冲正"));

        var view = await w.Manager(w.A).LedgerAsync(id);
        Assert.Empty(view.FeesPaid);
        Assert.Equal(3000m, view.Balance);
        var original = view.Entries.Single(e => e.Id == fee.Id);
        Assert.True(original.Reversed);
        Assert.False(original.CanReverse);
        var reversal = view.Entries.Single(e => e.Id == rid);
        Assert.Equal((LedgerEntryKind.Reversal, -268.5m, (long?)fee.Id, "重复收取", "经理老周"),
            (reversal.Kind, reversal.Amount, reversal.ReversesEntryId, reversal.Reason, reversal.OperatorName));
    }

    [Fact]
    public async Task Deductions_are_proposed_for_a_violation_of_the_same_application_or_damage_with_photos_and_decided_by_the_manager()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var other = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Working);
        var foreignViolation = await w.ViolationAsync(w.A, other);
        var violation = await w.ViolationAsync(w.A, id);
        var desk = w.Desk(w.A);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.ProposeDeductionAsync(id, foreignViolation, "违章施工", 500m, []));
        Assert.Equal("Photos", (await Assert.ThrowsAsync<ValidationException>(() => desk.ProposeDeductionAsync(id, null, "损坏电梯轿厢", 800m, []))).Errors.Single().Field);
        var forViolation = await desk.ProposeDeductionAsync(id, violation, "午休时间施工，屡教不改", 500m, []);
        // One live proposal per violation, from the deposit page or from the works page alike.
        await Assert.ThrowsAsync<DomainException>(() => desk.ProposeDeductionAsync(id, violation, "再扣一次", 100m, []));
        await Assert.ThrowsAsync<DomainException>(() => w.W.As(Domain.Access.Roles.ServiceDesk, w.A).GetRequiredService<PropertyCare.Infrastructure.Renovation.RenovationViolationService>()
            .ProposeDeductionAsync(violation, 100m, "再扣一次"));
        var damage = await desk.ProposeDeductionAsync(id, null, "损坏电梯轿厢", 3200m, [Photo]);
        await using (var db = w.Db(w.A))
        {
            var file = await db.Attachments.AsNoTracking().SingleAsync();
            Assert.Equal((AttachmentKind.DepositDamagePhoto, (int?)damage), (file.Kind, file.RecordId));
            // Staff who read renovations may open the photo.
            Assert.NotEmpty((await w.W.As(Domain.Access.Roles.ServiceDesk, w.A).GetRequiredService<Files.AttachmentService>().ReadAsync(file.Id)).Bytes);
        }

        var view = await desk.LedgerAsync(id);
        Assert.Contains(view.RefundBlockers, b => b.Zh.Contains("2 笔扣款"));
        var d = view.Deductions.Single(x => x.Id == damage);
        await Assert.ThrowsAsync<AccessDeniedException>(() => desk.DecideDeductionAsync(damage, d.Version, true, null));
        // More than the ¥3,000 held: refused, nothing booked.
        Assert.Equal("Amount", (await Assert.ThrowsAsync<ValidationException>(() => w.Manager(w.A).DecideDeductionAsync(damage, d.Version, true, null))).Errors.Single().Field);
        Assert.Equal(2, (await w.EntriesAsync(w.A, id)).Count);
        await Assert.ThrowsAsync<ValidationException>(() => w.Manager(w.A).DecideDeductionAsync(damage, d.Version, false, " "));
        await w.Manager(w.A).DecideDeductionAsync(damage, d.Version, false, "照片不能证明由本户造成");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Manager(w.A).DecideDeductionAsync(forViolation, 99, true, null));
        var v = (await desk.LedgerAsync(id)).Deductions.Single(x => x.Id == forViolation).Version;
        await w.Manager(w.A).DecideDeductionAsync(forViolation, v, true, "同意");

        view = await desk.LedgerAsync(id);
        Assert.Equal(2500m, view.Balance);
        var entry = view.Entries.Single(e => e.Kind == LedgerEntryKind.Deducted);
        Assert.Equal((-500m, "午休时间施工，屡教不改", "经理老周"), (entry.Amount, entry.Reason, entry.OperatorName));
        Assert.Equal((DeductionStatus.Approved, "经理老周"), (view.Deductions.Single(x => x.Id == forViolation).Status, view.Deductions.Single(x => x.Id == forViolation).DecidedByName));
        await using (var db = w.Db(w.A))
            Assert.Equal(entry.Id, (await db.DepositDeductions.SingleAsync(x => x.Id == forViolation)).LedgerEntryId);
        Assert.Equal(DeductionStatus.Rejected, view.Deductions.Single(x => x.Id == damage).Status);
        await Assert.ThrowsAsync<IllegalStepException>(() => w.Manager(w.A).DecideDeductionAsync(forViolation, v + 2, true, null));
    }

    [Fact]
    public async Task A_reversal_cannot_take_the_deposit_below_zero()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var violation = await w.ViolationAsync(w.A, id);
        var did = await w.Desk(w.A).ProposeDeductionAsync(id, violation, "违章", 800m, []);
        await w.Manager(w.A).DecideDeductionAsync(did, 0, true, null);
        var collection = (await w.EntriesAsync(w.A, id)).Single(e => e.Account == LedgerAccount.Deposit && e.Kind == LedgerEntryKind.Collected);
        await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(collection.Id, "收错了"));
        Assert.Equal(3, (await w.EntriesAsync(w.A, id)).Count);
        // The deduction itself can be reversed (the money goes back to the deposit).
        var deducted = (await w.EntriesAsync(w.A, id)).Single(e => e.Kind == LedgerEntryKind.Deducted);
        await w.Manager(w.A).ReverseAsync(deducted.Id, "扣款依据不足，复核撤销");
        Assert.Equal(3000m, (await w.Manager(w.A).LedgerAsync(id)).Balance);
    }

    [Fact]
    public async Task Collections_at_the_same_moment_get_different_receipt_numbers()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var ids = new List<int>();
        foreach (var room in new[] { "0101", "0102", "0103", "0104" }) ids.Add(await w.ApplicationAsync(w.A, room, RenovationStatus.Approved));
        var results = await Task.WhenAll(ids.Select(id => w.Desk(w.A, $"u-desk-{id}").CollectAsync(id, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, null)));
        Assert.Equal(4, results.Select(r => r.ReceiptNumber).Distinct().Count());
        Assert.All(results, r => Assert.StartsWith("SJ-20261123-", r.ReceiptNumber));
    }
}

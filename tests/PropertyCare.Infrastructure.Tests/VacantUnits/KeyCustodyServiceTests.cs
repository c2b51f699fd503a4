using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>钥匙托管 through the service: the authorisation scan is required and stored with the custody, the owner must own
/// the unit, one custody per unit, lend / take back / return with the log, and stale versions refused.</summary>
[Collection(RepairsCollection.Name)]
public class KeyCustodyServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private static PhotoUpload Scan => new("委托书.png", RepairWorld.Png);

    [Fact]
    public async Task Custody_needs_the_scan_and_an_owner_of_the_unit_and_nothing_is_stored_when_refused()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, owner) = await w.VacantUnitAsync(w.A, "0101");
        var (_, stranger) = await w.VacantUnitAsync(w.A, "0102", "李娜", "13900139000");
        var keys = w.Keys(w.A);

        var noScan = await Assert.ThrowsAsync<ValidationException>(() => keys.AcceptAsync(unit, owner, new(2026, 11, 20), "入户门钥匙 2 把", null));
        Assert.Equal(nameof(KeyCustody.AuthorisationFileId), Assert.Single(noScan.Errors).Field);
        var notOwner = await Assert.ThrowsAsync<ValidationException>(() => keys.AcceptAsync(unit, stranger, new(2026, 11, 20), "入户门钥匙 2 把", Scan));
        Assert.Equal(nameof(KeyCustody.OwnerId), Assert.Single(notOwner.Errors).Field);
        await Assert.ThrowsAsync<ValidationException>(() => keys.AcceptAsync(unit, owner, new(2026, 11, 20), " ", Scan));
        await using (var db = w.W.Db(w.A))
        {
            Assert.Equal(0, await db.KeyCustodies.CountAsync());
            Assert.Equal(0, await db.Attachments.CountAsync()); // the scan of the refused blank description was rolled back
        }

        var id = await keys.AcceptAsync(unit, owner, new(2026, 11, 20), "入户门钥匙 2 把", Scan);
        var k = await keys.GetAsync(id);
        Assert.Equal((CustodyStatus.Held, "张伟", "1栋-1单元-0101"), (k.Status, k.OwnerName, k.Address));
        await using (var db = w.W.Db(w.A))
        {
            var file = await db.Attachments.AsNoTracking().SingleAsync();
            Assert.Equal((AttachmentKind.KeyAuthorisation, (int?)id, file.Id), (file.Kind, file.RecordId, k.AuthorisationFileId));
        }
        await Assert.ThrowsAsync<DomainException>(() => keys.AcceptAsync(unit, owner, new(2026, 11, 20), "另一套", Scan));
    }

    [Fact]
    public async Task Lend_take_back_and_return_follow_the_rules_and_log_who_lent_and_when()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, owner) = await w.VacantUnitAsync(w.A, "0101");
        var keys = w.Keys(w.A);
        var id = await keys.AcceptAsync(unit, owner, new(2026, 11, 20), "入户门钥匙 2 把", Scan);
        var v = (await keys.GetAsync(id)).Version;

        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => keys.LendAsync(id, v, "王师傅", "维修", new DateTime(2026, 12, 1, 10, 0, 1)));
        Assert.Equal(nameof(KeyLoan.ExpectedReturnAt), Assert.Single(tooLong.Errors).Field);
        await Assert.ThrowsAsync<IllegalStepException>(() => keys.TakeBackAsync(id, v));
        await keys.LendAsync(id, v, "王师傅", "维修水管", new DateTime(2026, 11, 24, 12, 0, 0));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => keys.TakeBackAsync(id, v));
        var k = await keys.GetAsync(id);
        await Assert.ThrowsAsync<IllegalStepException>(() => keys.ReturnToOwnerAsync(id, k.Version));
        var loan = Assert.Single(k.Loans);
        Assert.Equal(("王师傅", "客服小李", new DateTime(2026, 11, 24, 4, 0, 0)), (loan.Borrower, loan.LentBy, loan.ExpectedReturnAt));

        w.W.Clock.Advance(TimeSpan.FromHours(2));
        await keys.TakeBackAsync(id, k.Version);
        k = await keys.GetAsync(id);
        Assert.Equal(RepairWorld.Start.UtcDateTime.AddHours(2), Assert.Single(k.Loans).ReturnedAt);
        await keys.ReturnToOwnerAsync(id, k.Version);
        Assert.Equal(CustodyStatus.Returned, (await keys.GetAsync(id)).Status);
        Assert.Empty((await keys.ListAsync(false, 1, 10)).Items);
        Assert.Single((await keys.ListAsync(true, 1, 10)).Items);
        // Ended, so the unit's keys can be taken in again.
        await keys.AcceptAsync(unit, owner, new(2026, 11, 23), "入户门钥匙 1 把", Scan);
    }
}

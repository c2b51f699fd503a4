using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Gaps the mutation run found in who may do what with deposits: a refund rejected by the desk, an approval on a
/// stale version, HQ's drill-down and summary (own company only, every project seen past the tenant filter, the total a
/// sum of every column), the damage-photo rule, and the owner's own deposit page.</summary>
[Collection(RepairsCollection.Name)]
public class DepositAccessGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<DepositRefund> RefundAsync(DepositWorld w, int id)
    {
        await using var db = w.Db(w.A);
        return await db.DepositRefunds.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task The_desk_cannot_reject_a_refund_and_a_stale_version_approves_or_rejects_nothing()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var rid = await w.ManagerRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.DeskRefunds(w.A, "u-desk2").RejectAsync(rid, 0, "不退"));
        var r = await RefundAsync(w, rid);
        Assert.Equal((RefundStatus.Requested, 0, (string?)null), (r.Status, r.Version, r.DecidedByName));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.ManagerRefunds(w.A, "u-mgr2").ApproveAsync(rid, 1, null));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.ManagerRefunds(w.A, "u-mgr2").RejectAsync(rid, 1, "不退"));
        r = await RefundAsync(w, rid);
        Assert.Equal((RefundStatus.Requested, 0), (r.Status, r.Version));
        Assert.DoesNotContain(await w.EntriesAsync(w.A, id), e => e.Kind == LedgerEntryKind.Refunded);
        Assert.Equal(RenovationStatus.Accepted, (await w.AppAsync(w.A, id)).Status);
        Assert.Equal(3000m, (await w.Desk(w.A).LedgerAsync(id)).Balance);
    }

    [Fact]
    public async Task HQ_lists_every_project_of_its_company_in_order_past_the_tenant_filter_and_drills_down_only_there()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        Project a2;
        await using (var db = new AppDbContext(w.W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            a2 = new Project { Name = "翠湖二期", Code = "A2", CompanyId = w.A.CompanyId };
            db.Projects.Add(a2);
            await db.SaveChangesAsync();
        }
        await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        await w.ApplicationAsync(a2, "0201", RenovationStatus.Working);
        await w.ApplicationAsync(a2, "0202", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-200));
        await w.ApplicationAsync(w.B, "0101", RenovationStatus.Working);

        // HQ works from inside project A: project A2 is still seen whole (the filters are ignored on purpose).
        var rows = await w.Hq(w.A).SummaryAsync();
        Assert.Equal([w.A.Id, a2.Id], rows.Select(r => r.ProjectId));
        Assert.Equal((3000m, 1), (rows[0].Held, rows[0].HeldCount));
        Assert.Equal((6000m, 2, 1, 3000m), (rows[1].Held, rows[1].HeldCount, rows[1].OverdueRefunds, rows[1].OverdueAmount));
        var total = HqDepositQueries.Total(rows);
        Assert.Equal((9000m, 3), (total.Held, total.HeldCount));

        var drill = await w.Hq(w.A).ApplicationsAsync(a2.Id, DepositFilter.Held);
        Assert.Equal(2, drill.Count);
        Assert.All(drill, r => Assert.StartsWith("ZX-20261123-02", r.Number));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.A).ApplicationsAsync(w.B.Id, DepositFilter.Held));
        // A project manager of the same company is no HQ: refused, though the project is of the company.
        var manager = w.W.As(Roles.ProjectManager, w.A, "u-mgr").GetRequiredService<HqDepositQueries>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.ApplicationsAsync(w.A.Id, DepositFilter.Held));
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.SummaryAsync());
    }

    [Fact]
    public void The_HQ_total_sums_every_column_of_every_project()
    {
        var rows = new List<ProjectDepositSummary>
        {
            new(1, "翠湖花园", 3000m, 1, 3268.5m, 2, 6000m, 1, 3000m),
            new(2, "翠湖二期", 9000m, 3, 500m, 1, 1500m, 4, 12000m),
        };
        var t = HqDepositQueries.Total(rows);
        Assert.Equal(new ProjectDepositSummary(0, "合计", 12000m, 4, 3768.5m, 3, 7500m, 5, 15000m), t);
    }

    [Theory]
    [InlineData(Roles.ServiceDesk, AttachmentKind.DepositDamagePhoto, true)]
    [InlineData(Roles.ProjectManager, AttachmentKind.DepositDamagePhoto, true)]
    [InlineData(Roles.HqAuditor, AttachmentKind.DepositDamagePhoto, true)]
    [InlineData(Roles.Owner, AttachmentKind.DepositDamagePhoto, false)]
    [InlineData(Roles.ServiceDesk, AttachmentKind.RenovationDocument, false)]
    [InlineData(Roles.ServiceDesk, AttachmentKind.TakeOverDefectPhoto, false)]
    [InlineData(Roles.Owner, AttachmentKind.RenovationViolationPhoto, false)]
    public void A_damage_photo_is_for_staff_who_read_renovations_and_the_rule_answers_for_nothing_else(string role, AttachmentKind kind, bool may)
    {
        var user = new UserIdentity("u-1", "某人", 1, new HashSet<string> { role }, role == Roles.Owner ? 7 : null);
        Assert.Equal(may, DepositAttachmentRule.StaffMayRead(user, kind));
    }

    [Fact]
    public async Task The_owner_sees_items_by_name_and_a_waiting_refund_of_this_application_only()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var mine = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var other = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Accepted);
        var ownerId = (await w.AppAsync(w.A, mine)).OwnerId;
        PortalDepositService Portal() => w.W.As(Roles.Owner, w.A, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalDepositService>();

        // A rejected request of mine and a waiting one of another unit: nothing waits for me.
        var rejected = await w.DeskRefunds(w.A).RequestAsync(mine, PaymentMethod.Cash);
        await w.ManagerRefunds(w.A).RejectAsync(rejected, 0, "改为银行转账");
        await w.DeskRefunds(w.A).RequestAsync(other, PaymentMethod.Cash);
        var my = await Portal().MyDepositAsync(mine);
        Assert.False(my.RefundWaiting);
        Assert.Equal([("装修保证金", 3000m), ("装修垃圾清运费", 268.5m)], my.Lines.Select(l => (l.Item, l.Amount)));

        await w.DeskRefunds(w.A).RequestAsync(mine, PaymentMethod.BankTransfer);
        Assert.True((await Portal().MyDepositAsync(mine)).RefundWaiting);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Portal().MyDepositAsync(other));
    }

    [Fact]
    public async Task An_HQ_user_without_a_company_sees_no_project_not_even_those_of_company_1()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        // Project A is of company 1: a missing company read as 1 instead of "none" would show it.
        Assert.Equal(1, w.A.CompanyId);
        Assert.Single(await w.Hq(w.A).SummaryAsync());
        using var scope = w.W.App.Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<PropertyCare.Infrastructure.Tenancy.TenantContext>()
            .SetUser(new UserIdentity("u-hq-none", "总部（未分配公司）", null, new HashSet<string> { Roles.HqAuditor }, null));
        var hq = scope.ServiceProvider.GetRequiredService<HqDepositQueries>();

        Assert.Empty(await hq.SummaryAsync());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => hq.ApplicationsAsync(w.A.Id, DepositFilter.Held));
    }
}

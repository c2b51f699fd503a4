using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>The deposit side of the renovation demo in 翠湖花园, through the real services, AFTER the applications demo
/// (which files applications in every state and collects their deposits): the accepted application whose observation is
/// over gets a refund request from the desk (staff), waiting for the manager's approval (four eyes: the manager is another
/// person); a Working one gets a proposed deduction for damage with a photo; and one fee collected with the wrong method
/// is reversed (冲正) by the manager and collected again. Each step is skipped if the applications demo did not make its
/// starting point, so the demo never fails on it.</summary>
internal static class DemoRenovationMoney
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var manager = await users.FindByNameAsync("manager");
        if (staff == null || manager == null) return;
        var desk = new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null);
        var boss = new UserIdentity(manager.Id, manager.DisplayName, project.CompanyId, new HashSet<string> { Roles.ProjectManager }, null);

        List<RenovationApplication> apps;
        DateOnly today;
        using (var scope = Enter(services, project, desk))
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            apps = await db.RenovationApplications.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
            today = Repairs.ProjectClock.For(services.GetRequiredService<TimeProvider>(), project).Today;
        }

        // 1. The accepted ones past their observation period: the longest-accepted is refunded (requested by the desk,
        //    approved by the manager — two people) and so closed (已结案); the other waits for the manager's approval.
        var due = apps.Where(a => a.Status == RenovationStatus.Accepted && a.ObservationOver(today)).OrderBy(a => a.AcceptedOn).ToList();
        if (due.Count >= 2)
        {
            var refundId = 0;
            if (await TryAsync(() => With<DepositRefundService>(services, project, desk, async s => refundId = await s.RequestAsync(due[0].Id, PaymentMethod.BankTransfer, ct))))
            {
                int version;
                using (var scope = Enter(services, project, boss))
                {
                    await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
                    version = await db.DepositRefunds.Where(x => x.Id == refundId).Select(x => x.Version).SingleAsync(ct);
                }
                await TryAsync(() => With<DepositRefundService>(services, project, boss, s => s.ApproveAsync(refundId, version, "观察期满无渗漏，同意清退", ct)));
            }
        }
        if (due.Count >= 1)
            await TryAsync(() => With<DepositRefundService>(services, project, desk, s => s.RequestAsync(due[^1].Id, PaymentMethod.BankTransfer, ct)));

        // 2. A Working one: damage to the lift car, proposed with a photo, waiting for the manager.
        if (apps.FirstOrDefault(a => a.Status == RenovationStatus.Working) is { } working)
            await TryAsync(() => With<DepositService>(services, project, desk, s => s.ProposeDeductionAsync(working.Id, null,
                "搬运材料时划伤电梯轿厢不锈钢面板（2 处）", 500m, [new PhotoUpload("电梯轿厢划痕.png", Png)], ct)));

        // 3. A fee entered with the wrong method: reversed by the manager with the reason, then collected again correctly.
        var withFee = apps.Where(a => a.Status is RenovationStatus.Working or RenovationStatus.Approved && a.FeesDue.Count > 0).Skip(1).FirstOrDefault()
                      ?? apps.FirstOrDefault(a => a.Status is RenovationStatus.Working or RenovationStatus.Approved && a.FeesDue.Count > 0);
        if (withFee != null)
        {
            DepositLedgerEntry? fee;
            using (var scope = Enter(services, project, desk))
            {
                await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
                fee = await db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == withFee.Id && e.Account == LedgerAccount.Fee && e.Kind == LedgerEntryKind.Collected)
                    .OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
            }
            if (fee != null && await TryAsync(() => With<DepositService>(services, project, boss, s => s.ReverseAsync(fee.Id, "收款方式登记错误（实为微信支付），冲正后重新收取", ct))))
                await TryAsync(() => With<DepositService>(services, project, desk, s => s.CollectAsync(withFee.Id, LedgerAccount.Fee, fee.FeeName, fee.Amount,
                    PaymentMethod.WeChatPay, "冲正后重新收取", ct)));
        }
    }

    private static async Task<bool> TryAsync(Func<Task> step)
    {
        try { await step(); return true; }
        catch (DomainException) { return false; } // the applications demo did not leave this step possible: skip it
    }

    private static async Task With<TService>(IServiceProvider services, Project project, UserIdentity user, Func<TService, Task> run) where TService : notnull
    {
        using var scope = Enter(services, project, user);
        await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static IServiceScope Enter(IServiceProvider services, Project project, UserIdentity user)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(user);
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope;
    }
}

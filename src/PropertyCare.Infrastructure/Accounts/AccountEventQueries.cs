using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Accounts;

/// <summary>The account audit list: the platform admin sees every company's events, head office only the
/// events whose target belongs to its own company (the scope is decided here, not by the page).</summary>
public sealed class AccountEventQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<Page<AccountEvent>> ListAsync(AccountAction? action, string? search, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        if (!user.Has(Permissions.AccountsAudit)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AccountEvents.AsNoTracking();
        if (!user.Has(Permissions.ManagePlatform))
        {
            var company = user.CompanyId ?? throw new AccessDeniedException();
            q = q.Where(e => e.CompanyId == company);
        }
        if (action is { } a) q = q.Where(e => e.Action == a);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            if (s.Length > 50) s = s[..50];
            q = q.Where(e => e.TargetLabel.Contains(s) || e.ActorName.Contains(s));
        }
        pageSize = Math.Clamp(pageSize, 1, 100);
        pageIndex = Math.Max(1, pageIndex);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AccountEvent>(items, total, pageIndex, pageSize);
    }

    public static Text Label(AccountAction a) => a switch
    {
        AccountAction.Created => new("开通账号", "Account created"),
        AccountAction.TemporaryPasswordIssued => new("重置密码（临时密码）", "Temporary password issued"),
        AccountAction.OneTimeCodeSent => new("发送验证码", "One-time code sent"),
        AccountAction.PasswordSetWithCredential => new("凭临时密码/验证码设置新密码", "New password set with a one-time credential"),
        AccountAction.PasswordChanged => new("修改密码", "Password changed"),
        AccountAction.Disabled => new("停用", "Disabled"),
        AccountAction.Enabled => new("启用", "Enabled"),
        AccountAction.Unlocked => new("解除锁定", "Unlocked"),
        AccountAction.CredentialRefused => new("临时凭证被拒绝", "One-time credential refused"),
        AccountAction.Deleted => new("删除账号", "Account deleted"),
        _ => new(a.ToString(), a.ToString()),
    };
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Portal;

/// <summary>One-time codes for owner accounts: the only way an owner's password is set, so nobody but the
/// holder of the owner's phone ever knows it. A code is 6 random digits sent by SMS through the outbox; only a
/// PBKDF2 hash is stored; it expires, allows <see cref="MaxFailedAttempts"/> wrong tries, works once, and a new
/// code voids older ones of the same purpose. The door (/account/code) answers the same for an unknown number,
/// a wrong, expired or used code, and says the same whether or not a number has an account.</summary>
public sealed class OwnerCodes(IServiceScopeFactory scopes, AccountAudit audit, TimeProvider clock)
{
    /// <summary>Desk-initiated codes: the owner may read the SMS hours later.</summary>
    public static readonly TimeSpan DeskLifetime = TimeSpan.FromHours(24);
    /// <summary>Self-service codes: asked for and used within minutes.</summary>
    public static readonly TimeSpan SelfServiceLifetime = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;
    /// <summary>SMS bombing: self-service sends at most one code a minute and five a day per account.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public const int MaxPerDay = 5;

    public static readonly Text Invalid = new("验证码无效或已过期", "The code is invalid or has expired");
    public static readonly Text RequestAnswer = new("如该号码已开通业主账号，验证码已发送", "If this number has an owner account, a code has been sent");

    /// <summary>Hashes for numbers without an account: the same PBKDF2 work is done either way, so the answer
    /// time does not tell which numbers have accounts.</summary>
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, "000000"));

    /// <summary>Voids live codes of the purpose, stores the hash of a new one, queues the SMS (confidential) and
    /// the audit event — all in <paramref name="db"/>, which must be inside the owner's project.</summary>
    internal async Task<OneTimeCodeSent> IssueAsync(AppDbContext db, IServiceProvider scope, AppUser user, OneTimeCodePurpose purpose, TimeSpan lifetime, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.OneTimeCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose && c.UsedAt == null && c.ExpiresAt > now).ToListAsync(ct))
            old.ExpiresAt = now;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var hasher = scope.GetRequiredService<IPasswordHasher<AppUser>>();
        db.OneTimeCodes.Add(new OneTimeCode
        {
            UserId = user.Id, Purpose = purpose, CodeHash = hasher.HashPassword(user, code), CreatedAt = now, ExpiresAt = now + lifetime,
        });
        var validity = lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0} 小时" : $"{lifetime.TotalMinutes:0} 分钟";
        var what = purpose == OneTimeCodePurpose.Activate ? "业主账号激活" : "重置密码";
        var body = $"【PropertyCare】您的{what}验证码：{code}，{validity}内有效，仅可使用一次。请在业主登录页点击“收到验证码？设置密码”，输入手机号、验证码和新密码。" +
                   "请勿将验证码告诉任何人，物业工作人员不会向您索取验证码。";
        await scope.GetRequiredService<NotificationOutbox>().EnqueueAsync(db, Channel.Sms, user.UserName!, $"{what}验证码", body,
            $"otc-{Guid.NewGuid():N}", ct, confidential: true);
        audit.Add(db, AccountAction.OneTimeCodeSent, user, targetIsOwner: true, purpose == OneTimeCodePurpose.Activate ? "激活验证码" : "重置密码验证码");
        return new OneTimeCodeSent(ContactRules.MaskPhone(user.UserName), lifetime);
    }

    /// <summary>忘记密码: sends a reset code if the number belongs to an active owner account and the account has
    /// not had a code within the last minute or five within a day. Says nothing either way — the caller always
    /// answers <see cref="RequestAnswer"/>.</summary>
    public async Task RequestAsync(string? mobile, CancellationToken ct = default)
    {
        var number = NormaliseMobile(mobile);
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
        var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
        AppUser? user;
        Domain.Tenancy.Project? project = null;
        await using (var lookup = new AppDbContext(options, null))
        {
            user = number == null ? null : await lookup.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == number && u.OwnerId != null, ct);
            if (user is { IsActive: true })
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var recent = await lookup.OneTimeCodes.Where(c => c.UserId == user.Id && c.CreatedAt > now.AddDays(-1)).Select(c => c.CreatedAt).ToListAsync(ct);
                if (recent.Count < MaxPerDay && recent.All(t => t <= now - MinInterval))
                    project = await lookup.Owners.IgnoreQueryFilters().Where(o => o.Id == user.OwnerId)
                        .Join(lookup.Projects, o => o.ProjectId, p => p.Id, (o, p) => p).AsNoTracking().FirstOrDefaultAsync(ct);
            }
        }
        if (user == null || project == null)
        {
            hasher.HashPassword(Nobody, "000000");
            return;
        }

        // No one is signed in at the door: the SMS goes into the owner's project's outbox as the system, the way
        // jobs enter a project — in this scope of its own, which ends with this one write.
        var tenant = sp.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity("system", "业主自助", project.CompanyId, new HashSet<string>(), null));
        sp.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        await using var db = new AppDbContext(options, tenant);
        var tracked = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
        await IssueAsync(db, sp, tracked, OneTimeCodePurpose.ResetPassword, SelfServiceLifetime, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the owner's password with a code: checks the new password first (so a weak password never
    /// tells whether a code was right), then the code. Success uses the code up, voids the account's other codes,
    /// lifts a lockout and ends the account's other sessions. Every refusal but a bad password answers
    /// <see cref="Invalid"/>.</summary>
    public async Task RedeemAsync(string? mobile, string? code, string? password, string? confirm, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var number = NormaliseMobile(mobile);
        if (string.IsNullOrWhiteSpace(mobile)) errors.Add(new("Mobile", new("请输入手机号码", "Enter the mobile number")));
        if (string.IsNullOrWhiteSpace(code)) errors.Add(new("Code", new("请输入短信验证码", "Enter the code from the SMS")));
        if (string.IsNullOrEmpty(password)) errors.Add(new("Password", new("请输入新密码", "Enter a new password")));
        else if (password != confirm) errors.Add(new("Confirm", new("两次输入的新密码不一致", "The two new passwords differ")));
        if (errors.Count > 0) throw new ValidationException(errors);

        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
        var user = number == null ? null : await users.Users.FirstOrDefaultAsync(u => u.UserName == number && u.OwnerId != null, ct);

        var rules = new List<IdentityError>();
        foreach (var v in users.PasswordValidators)
            if (await v.ValidateAsync(users, user ?? Nobody, password) is { Succeeded: false } r) rules.AddRange(r.Errors);
        if (rules.Count > 0) throw AccountRules.FromIdentity(rules);

        var entered = code!.Trim();
        // The store's context: the code, the password, the lockout and the audit are saved together or not at all.
        var db = sp.GetRequiredService<AppDbContext>();
        if (user is not { IsActive: true })
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, entered);
            if (user != null)
            {
                audit.Add(db, AccountAction.CredentialRefused, user, targetIsOwner: true, "验证码：账号已停用");
                await db.SaveChangesAsync(ct);
            }
            throw Refused();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.OneTimeCodes.Where(c => c.UserId == user.Id && c.UsedAt == null && c.ExpiresAt > now && c.FailedAttempts < MaxFailedAttempts)
            .OrderByDescending(c => c.Id).ToListAsync(ct);
        var match = live.FirstOrDefault(c => hasher.VerifyHashedPassword(user, c.CodeHash, entered) != PasswordVerificationResult.Failed);
        if (match == null)
        {
            if (live.Count == 0) hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, entered);
            // Every live code of the account counts the wrong try: two live codes do not double the guesses.
            foreach (var c in live) c.FailedAttempts++;
            audit.Add(db, AccountAction.CredentialRefused, user, targetIsOwner: true, live.Count == 0 ? "验证码：无有效验证码" : "验证码错误");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            throw Refused();
        }

        match.UsedAt = now;
        foreach (var c in live.Where(c => c != match)) c.ExpiresAt = now;
        user.MustChangePassword = false;
        user.TemporaryPasswordExpiresAt = null;
        // Remove + add (not a reset token: making one may write a Data Protection key on another connection, which
        // this open transaction would block). Both renew the security stamp, which ends the account's other
        // sessions at their next revalidation.
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded) result = await users.AddPasswordAsync(user, password!);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(db, AccountAction.PasswordSetWithCredential, user, targetIsOwner: true,
            match.Purpose == OneTimeCodePurpose.Activate ? "激活验证码" : "重置密码验证码");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static ValidationException Refused() => new([new FieldError("Code", Invalid)]);

    /// <summary>"138 0013 8000", "138-0013-8000", "+86 13800138000" → "13800138000"; anything else is no mobile.</summary>
    public static string? NormaliseMobile(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile) || mobile.Length > 30) return null;
        var digits = new string(mobile.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86")) digits = digits[2..];
        return digits.Length == 11 && digits[0] == '1' ? digits : null;
    }
}

/// <summary>What the desk is told after a code went out: the masked number and how long the code is valid.</summary>
public sealed record OneTimeCodeSent(string MaskedMobile, TimeSpan ValidFor)
{
    public Text Message => ValidFor.TotalHours >= 1
        ? new($"验证码已发送至 {MaskedMobile}（{ValidFor.TotalHours:0} 小时内有效）", $"A code was sent to {MaskedMobile} (valid for {ValidFor.TotalHours:0} hours)")
        : new($"验证码已发送至 {MaskedMobile}（{ValidFor.TotalMinutes:0} 分钟内有效）", $"A code was sent to {MaskedMobile} (valid for {ValidFor.TotalMinutes:0} minutes)");
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Portal;

/// <summary>Attack scenario 2, desk side: the desk opens or resets an owner's account and tries to learn the
/// password or the code — from the answer, the outbox, the database — and cannot. The owner, holding the phone,
/// sets the password at the door; the door tells an attacker nothing.</summary>
public partial class OwnerAccountServiceTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string MobileA1 = "13911112222";
    private const string NewPassword = "Owner#2026new";

    private sealed class World(AppServices app, TestClock clock, Project a1, Project b1, int ownerA1, int ownerB1) : IAsyncDisposable
    {
        public AppServices App => app;
        public TestClock Clock => clock;
        public Project A1 => a1;
        public Project B1 => b1;
        public int OwnerA1 => ownerA1;
        public int OwnerB1 => ownerB1;
        public DbContextOptions<AppDbContext> Options => app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>();
        public ValueTask DisposeAsync() => app.DisposeAsync();

        public OwnerAccountService Desk(out IServiceScope scope, string role = Roles.ServiceDesk)
        {
            scope = app.As(role, a1, "u-desk");
            return scope.ServiceProvider.GetRequiredService<OwnerAccountService>();
        }

        public async Task<OneTimeCodeSent> OpenAsync() { var d = Desk(out var s); using (s) return await d.OpenAsync(ownerA1); }
        public async Task<OneTimeCodeSent> ResetAsync() { var d = Desk(out var s); using (s) return await d.SendResetCodeAsync(ownerA1); }

        /// <summary>The door: nobody signed in.</summary>
        public async Task RedeemAsync(string mobile, string code, string password = NewPassword)
        {
            using var scope = app.Provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OwnerCodes>().RedeemAsync(mobile, code, password, password);
        }

        public async Task RequestAsync(string mobile)
        {
            using var scope = app.Provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OwnerCodes>().RequestAsync(mobile);
        }

        public List<OutboxMessage> Outbox()
        {
            using var db = new AppDbContext(Options, null);
            return db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().OrderBy(m => m.Id).ToList();
        }

        public List<OneTimeCode> Codes()
        {
            using var db = new AppDbContext(Options, null);
            return db.OneTimeCodes.AsNoTracking().OrderBy(c => c.Id).ToList();
        }

        public List<AccountEvent> Events()
        {
            using var db = new AppDbContext(Options, null);
            return db.AccountEvents.AsNoTracking().OrderBy(e => e.Id).ToList();
        }

        /// <summary>What the owner's phone shows: the code in the newest SMS (read before the dispatcher erases it).</summary>
        public string LastCode() => CodeRegex().Match(Outbox().Last().Body).Groups[1].Value is { Length: 6 } c ? c : throw new InvalidOperationException("no code in the SMS");

        public async Task<bool> PasswordWorksAsync(string password)
        {
            using var scope = app.Provider.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await users.CheckPasswordAsync((await users.FindByNameAsync(MobileA1))!, password);
        }
    }

    [GeneratedRegex(@"验证码：(\d{6})")]
    private static partial Regex CodeRegex();

    private async Task<World> WorldAsync()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        var app = new AppServices(s => s.AddSingleton<TimeProvider>(clock), provider: Provider);
        var options = app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, null);
        var a1 = new Project { Name = "翠湖花园", Code = "A1", Company = new Company { Name = "甲", Code = "A" } };
        var b1 = new Project { Name = "滨江壹号", Code = "B1", Company = new Company { Name = "乙", Code = "B" } };
        db.Projects.AddRange(a1, b1);
        await db.SaveChangesAsync();
        int Add(Project p, string phone)
        {
            using var scope = app.As(Roles.ServiceDesk, p);
            using var ctx = new AppDbContext(options, scope.ServiceProvider.GetRequiredService<Infrastructure.Tenancy.TenantContext>());
            var o = new Owner { Name = "林晓", IdNumber = "11010519491231002X", Phone = phone };
            ctx.Owners.Add(o);
            ctx.SaveChanges();
            return o.Id;
        }
        return new World(app, clock, a1, b1, Add(a1, MobileA1), Add(b1, "13933334444"));
    }

    private static async Task<Text> RefusalAsync(Func<Task> attempt)
    {
        var e = await Assert.ThrowsAsync<ValidationException>(attempt);
        return Assert.Single(e.Errors).Message;
    }

    [Fact]
    public async Task Opening_an_account_returns_no_password_and_sends_a_confidential_activation_code_to_the_owners_mobile()
    {
        await using var w = await WorldAsync();

        var sent = await w.OpenAsync();

        // The desk is told where the code went (masked) and for how long — nothing it could sign in with.
        Assert.Equal("验证码已发送至 139****2222（24 小时内有效）", sent.Message.Zh);
        var sms = Assert.Single(w.Outbox());
        Assert.Equal((Channel.Sms, MobileA1, true, w.A1.Id), (sms.Channel, sms.Recipient, sms.Confidential, sms.ProjectId));
        var code = w.LastCode();
        Assert.DoesNotContain(code, sent.ToString());
        Assert.DoesNotContain(code, sent.Message.Zh + sent.Message.En);

        using var scope = w.App.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(MobileA1);
        Assert.NotNull(user);
        Assert.Equal(w.OwnerA1, user.OwnerId);
        Assert.Equal([Roles.Owner], await users.GetRolesAsync(user));
        // The account's password is one nobody was told: not the code, not the demo password.
        Assert.False(await users.CheckPasswordAsync(user, code));
        Assert.False(await users.CheckPasswordAsync(user, "Demo@2026"));

        // Only a salted slow hash is stored — neither the code nor its plain SHA-256.
        var stored = Assert.Single(w.Codes());
        Assert.Equal(OneTimeCodePurpose.Activate, stored.Purpose);
        Assert.DoesNotContain(code, stored.CodeHash);
        Assert.NotEqual(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))), stored.CodeHash, StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))), stored.CodeHash);
        Assert.Equal(TimeSpan.FromHours(24), stored.ExpiresAt - stored.CreatedAt);

        // Audited, without the code.
        var events = w.Events();
        Assert.Equal([AccountAction.Created, AccountAction.OneTimeCodeSent], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(("u-desk", "业主 139****2222"), (e.ActorUserId, e.TargetLabel)));
        Assert.All(events, e => Assert.DoesNotContain(code, e.Detail ?? ""));

        await Assert.ThrowsAsync<DomainException>(w.OpenAsync);
    }

    [Fact]
    public async Task The_owner_sets_the_password_with_the_code_once_and_signs_in_with_it()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();

        await w.RedeemAsync(MobileA1, code);

        Assert.True(await w.PasswordWorksAsync(NewPassword));
        Assert.NotNull(Assert.Single(w.Codes()).UsedAt);
        Assert.Equal(AccountAction.PasswordSetWithCredential, w.Events().Last().Action);
        Assert.Null(w.Events().Last().ActorUserId);

        // Used: the same code does not work a second time (a thief reading the SMS later gets nothing).
        Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, code, "Thief#2026pw")));
        Assert.True(await w.PasswordWorksAsync(NewPassword));
        Assert.Equal(AccountAction.CredentialRefused, w.Events().Last().Action);
    }

    [Fact]
    public async Task A_desk_reset_returns_no_password_keeps_the_old_one_until_the_owner_uses_the_code_and_a_new_code_voids_the_old()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        await w.RedeemAsync(MobileA1, w.LastCode());

        var first = await w.ResetAsync();
        var firstCode = w.LastCode();
        Assert.Contains("139****2222", first.Message.Zh);
        Assert.True(await w.PasswordWorksAsync(NewPassword));
        var second = await w.ResetAsync();
        var secondCode = w.LastCode();
        Assert.All(w.Outbox(), m => Assert.True(m.Confidential));
        Assert.Equal(3, w.Outbox().Count);
        Assert.DoesNotContain(secondCode, second.ToString());

        if (firstCode != secondCode)
            Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, firstCode, "Other#2026pw")));
        await w.RedeemAsync(MobileA1, secondCode, "Second#2026pw");
        Assert.True(await w.PasswordWorksAsync("Second#2026pw"));
        Assert.False(await w.PasswordWorksAsync(NewPassword));
    }

    [Fact]
    public async Task A_code_expires_after_24_hours()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        w.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, code)));
        Assert.False(await w.PasswordWorksAsync(NewPassword));
    }

    [Fact]
    public async Task Five_wrong_tries_void_the_code()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < OwnerCodes.MaxFailedAttempts; i++)
            Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, wrong)));

        Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, code)));
        Assert.False(await w.PasswordWorksAsync(NewPassword));
        Assert.Equal(OwnerCodes.MaxFailedAttempts, Assert.Single(w.Codes()).FailedAttempts);
        Assert.Equal(OwnerCodes.MaxFailedAttempts + 1, w.Events().Count(e => e.Action == AccountAction.CredentialRefused));
    }

    [Fact]
    public async Task The_door_answers_the_same_for_an_unknown_number_a_wrong_code_and_a_staff_login()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        var wrong = code == "000000" ? "111111" : "000000";

        var unknown = await RefusalAsync(() => w.RedeemAsync("13800000000", code));
        var wrongCode = await RefusalAsync(() => w.RedeemAsync(MobileA1, wrong));
        var notAMobile = await RefusalAsync(() => w.RedeemAsync("staff", code));
        Assert.Equal(OwnerCodes.Invalid, unknown);
        Assert.Equal(unknown, wrongCode);
        Assert.Equal(unknown, notAMobile);

        // Asking for a code: no answer at all, whether the number exists or not.
        await w.RequestAsync("13800000000");
        Assert.Single(w.Outbox());
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_both_languages_without_telling_whether_the_code_was_right()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        var right = await Assert.ThrowsAsync<ValidationException>(() => w.RedeemAsync(MobileA1, code, "short"));
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => w.RedeemAsync(MobileA1, code == "000000" ? "111111" : "000000", "short"));
        Assert.Equal(right.Errors.Select(e => e.Message), wrong.Errors.Select(e => e.Message));
        Assert.Contains(right.Errors, e => e.Field == "Password" && e.Message.Zh == "密码至少 8 位" && e.Message.En.Contains("8 characters"));
        // Neither try used the code up.
        await w.RedeemAsync(MobileA1, code);
        Assert.True(await w.PasswordWorksAsync(NewPassword));
    }

    [Fact]
    public async Task Redeeming_lifts_a_lockout_and_ends_the_owners_other_sessions()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        string stampBefore;
        using (var scope = w.App.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByNameAsync(MobileA1))!;
            await users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddMinutes(15));
            stampBefore = u.SecurityStamp!;
        }
        await w.RedeemAsync(MobileA1, w.LastCode());
        using (var scope = w.App.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByNameAsync(MobileA1))!;
            Assert.False(await users.IsLockedOutAsync(u));
            Assert.NotEqual(stampBefore, u.SecurityStamp);
        }
    }

    [Fact]
    public async Task Self_service_sends_a_15_minute_code_at_most_once_a_minute_and_five_times_a_day()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync(); // the activation code counts too
        await w.RedeemAsync(MobileA1, w.LastCode());

        await w.RequestAsync(MobileA1);
        Assert.Single(w.Outbox()); // within a minute of the last code: silently nothing
        for (var i = 2; i <= OwnerCodes.MaxPerDay; i++)
        {
            w.Clock.Advance(TimeSpan.FromMinutes(2));
            await w.RequestAsync(" 139 1111 2222 ");
            Assert.Equal(i, w.Outbox().Count);
        }
        var last = w.Codes().Last();
        Assert.Equal((OneTimeCodePurpose.ResetPassword, TimeSpan.FromMinutes(15)), (last.Purpose, last.ExpiresAt - last.CreatedAt));
        var sms = w.Outbox().Last();
        Assert.Equal((MobileA1, true, w.A1.Id), (sms.Recipient, sms.Confidential, sms.ProjectId));
        Assert.Null(w.Events().Last().ActorUserId); // nobody signed in asked for it

        w.Clock.Advance(TimeSpan.FromMinutes(5));
        await w.RequestAsync(MobileA1);
        Assert.Equal(OwnerCodes.MaxPerDay, w.Outbox().Count); // the sixth in a day: nothing

        var code = w.LastCode();
        w.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, code, "Late#2026pw")));

        w.Clock.Advance(TimeSpan.FromDays(1));
        await w.RequestAsync(MobileA1);
        await w.RedeemAsync(MobileA1, w.LastCode(), "Fresh#2026pw");
        Assert.True(await w.PasswordWorksAsync("Fresh#2026pw"));
    }

    [Fact]
    public async Task The_outbox_list_never_returns_a_code_and_the_body_is_erased_once_sent()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        using (var scope = w.App.As(Roles.ProjectManager, w.A1))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().EnqueueAsync(db, Channel.Sms, "13800138000", "回访提醒", "您的报修已完成。", "plain-1");
            await db.SaveChangesAsync();

            var page = await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().ListAsync(null, 1, 20);
            var sms = Assert.Single(page.Items, m => m.Confidential);
            Assert.Equal("", sms.Body);
            Assert.DoesNotContain(page.Items, m => m.Body.Contains(code) || m.Subject.Contains(code));
            Assert.Equal("您的报修已完成。", Assert.Single(page.Items, m => !m.Confidential).Body);
        }
        Assert.Contains(code, w.Outbox()[0].Body); // still waiting to go: the stored message must keep it

        await w.App.Provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var sent = w.Outbox();
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal("", sent[0].Body);
        Assert.Equal("您的报修已完成。", sent[1].Body);
        // The raw table holds no trace of the code any more.
        // (Searched in SQL, below the tenant filter, on whichever provider the test runs.)
        await using (var raw = new AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
            Assert.Equal(0, await raw.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Body.Contains(code) || m.Subject.Contains(code)));
    }

    [Fact]
    public async Task The_desk_disables_and_enables_the_account_audited_and_a_disabled_account_gets_no_code()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        var desk = w.Desk(out var scope);
        using (scope)
        {
            await desk.SetActiveAsync(w.OwnerA1, false);
            Assert.False((await desk.GetAsync(w.OwnerA1))!.IsActive);
            await Assert.ThrowsAsync<DomainException>(() => desk.SendResetCodeAsync(w.OwnerA1));
        }
        Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, code)));
        w.Clock.Advance(TimeSpan.FromMinutes(2));
        await w.RequestAsync(MobileA1);
        Assert.Single(w.Outbox());

        desk = w.Desk(out scope);
        using (scope) await desk.SetActiveAsync(w.OwnerA1, true);
        await w.RedeemAsync(MobileA1, code);
        Assert.Equal([AccountAction.Created, AccountAction.OneTimeCodeSent, AccountAction.Disabled, AccountAction.CredentialRefused, AccountAction.Enabled, AccountAction.PasswordSetWithCredential],
            w.Events().Select(e => e.Action));
    }

    [Fact]
    public async Task Another_projects_owner_cannot_be_given_an_account()
    {
        await using var w = await WorldAsync();
        var desk = w.Desk(out var scope);
        using (scope) await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.OpenAsync(w.OwnerB1));
        using var s = w.App.Provider.CreateScope();
        Assert.Null(await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("13933334444"));
        Assert.Empty(w.Outbox());
    }

    [Fact]
    public async Task Only_staff_who_may_edit_owner_records_open_accounts_or_send_codes()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var hq = w.Desk(out var scope, Roles.HqAuditor);
        using (scope)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => hq.OpenAsync(w.OwnerA1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => hq.SendResetCodeAsync(w.OwnerA1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => hq.SetActiveAsync(w.OwnerA1, false));
        }
    }

    [Fact]
    public void No_desk_operation_returns_a_string_that_could_carry_a_password()
    {
        var returns = typeof(OwnerAccountService).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.ReturnType).ToList();
        Assert.DoesNotContain(typeof(Task<string>), returns);
        Assert.DoesNotContain(typeof(string), returns);
    }
}

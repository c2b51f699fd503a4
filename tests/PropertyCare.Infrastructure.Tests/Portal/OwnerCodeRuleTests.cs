using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Portal;

namespace PropertyCare.Infrastructure.Tests.Portal;

// The rules of one-time codes and owner accounts at their edges: which older codes a new code voids, the
// self-service limits exactly at one minute and one day, what a redeemed code clears, what the audit keeps (the
// owner's number only masked), and which numbers the door accepts. Same world as the scenarios above.
public partial class OwnerAccountServiceTests
{
    private const string MobileB1 = "13933334444";

    private static async Task<OneTimeCodeSent> OpenInAsync(World w, Project project, int ownerId)
    {
        using var scope = w.App.As(Roles.ServiceDesk, project, "u-desk-" + project.Code);
        return await scope.ServiceProvider.GetRequiredService<OwnerAccountService>().OpenAsync(ownerId);
    }

    private static async Task<AppUser> UserAsync(World w, string mobile)
    {
        using var scope = w.App.Provider.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(mobile))!;
    }

    private static async Task RedeemRawAsync(World w, string? mobile, string? code, string? password, string? confirm)
    {
        using var scope = w.App.Provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OwnerCodes>().RedeemAsync(mobile, code, password, confirm);
    }

    private static int AddOwnerIn(World w, Project project, string phone)
    {
        using var scope = w.App.As(Roles.ServiceDesk, project);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var o = new Owner { Name = "周杰", IdNumber = "11010519491231002X", Phone = phone };
        db.Owners.Add(o);
        db.SaveChanges();
        return o.Id;
    }

    [Fact]
    public async Task A_new_code_voids_only_the_same_accounts_live_codes_of_the_same_purpose()
    {
        await using var w = await WorldAsync();
        await OpenInAsync(w, w.B1, w.OwnerB1);
        var codeB = w.LastCode();
        await w.OpenAsync();
        var activation = w.LastCode();
        // Exactly one minute after the last code the owner may ask for another.
        w.Clock.Advance(OwnerCodes.MinInterval);
        await w.RequestAsync(MobileA1);
        var reset = w.LastCode();

        Assert.Equal(["业主账号激活验证码", "业主账号激活验证码", "重置密码验证码"], w.Outbox().Select(m => m.Subject));
        Assert.Contains("24 小时内有效", w.Outbox()[1].Body);
        Assert.Contains("15 分钟内有效", w.Outbox()[2].Body);
        Assert.Equal(["激活验证码", "激活验证码", "重置密码验证码"], w.Events().Where(e => e.Action == AccountAction.OneTimeCodeSent).Select(e => e.Detail));

        // Another account's code and this account's activation code both still work; using one voids the others.
        await w.RedeemAsync(MobileB1, codeB, "OwnerB#2026pw");
        await w.RedeemAsync(MobileA1, activation);
        Assert.True(await w.PasswordWorksAsync(NewPassword));
        var redeemed = w.Events().Last();
        Assert.Equal((AccountAction.PasswordSetWithCredential, "激活验证码", "业主 139****2222"), (redeemed.Action, redeemed.Detail, redeemed.TargetLabel));
        if (reset != activation)
            Assert.Equal(OwnerCodes.Invalid, await RefusalAsync(() => w.RedeemAsync(MobileA1, reset, "Late#2026pw")));
        Assert.True(await w.PasswordWorksAsync(NewPassword));
    }

    [Fact]
    public async Task Redeeming_a_reset_code_clears_a_forced_password_change_and_the_failed_sign_in_count()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        await w.RedeemAsync(MobileA1, w.LastCode());
        using (var scope = w.App.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByNameAsync(MobileA1))!;
            u.MustChangePassword = true;
            await users.UpdateAsync(u);
            for (var i = 0; i < 3; i++) await users.AccessFailedAsync(u);
        }
        Assert.Equal((true, 3), ((await UserAsync(w, MobileA1)).MustChangePassword, (await UserAsync(w, MobileA1)).AccessFailedCount));

        await w.ResetAsync();
        await w.RedeemAsync(MobileA1, w.LastCode(), "Second#2026pw");

        var user = await UserAsync(w, MobileA1);
        Assert.Equal((false, 0), (user.MustChangePassword, user.AccessFailedCount));
        var e = w.Events().Last();
        Assert.Equal((AccountAction.PasswordSetWithCredential, "重置密码验证码", "业主 139****2222"), (e.Action, e.Detail, e.TargetLabel));
    }

    [Fact]
    public async Task Self_service_counts_exactly_one_day_back()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        for (var i = 2; i <= OwnerCodes.MaxPerDay; i++)
        {
            w.Clock.Advance(OwnerCodes.MinInterval);
            await w.RequestAsync(MobileA1);
        }
        Assert.Equal(OwnerCodes.MaxPerDay, w.Outbox().Count);

        // Exactly 24 hours after the first code it no longer counts.
        w.Clock.Advance(TimeSpan.FromDays(1) - (OwnerCodes.MaxPerDay - 1) * OwnerCodes.MinInterval - TimeSpan.FromSeconds(1));
        await w.RequestAsync(MobileA1);
        Assert.Equal(OwnerCodes.MaxPerDay, w.Outbox().Count);
        w.Clock.Advance(TimeSpan.FromSeconds(1));
        await w.RequestAsync(MobileA1);
        Assert.Equal(OwnerCodes.MaxPerDay + 1, w.Outbox().Count);
        var sent = w.Events().Last();
        Assert.Equal((AccountAction.OneTimeCodeSent, "重置密码验证码"), (sent.Action, sent.Detail));
    }

    [Fact]
    public async Task An_unknown_number_gets_no_code_even_when_no_limit_stands_in_the_way()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        w.Clock.Advance(TimeSpan.FromMinutes(2));
        await w.RequestAsync("13800000000");
        await w.RequestAsync(null);
        Assert.Single(w.Outbox());
    }

    [Fact]
    public async Task The_door_names_every_missing_field_and_a_differing_confirmation()
    {
        await using var w = await WorldAsync();
        var blank = await Assert.ThrowsAsync<ValidationException>(() => RedeemRawAsync(w, " ", " ", "", ""));
        Assert.Equal(["Mobile", "Code", "Password"], blank.Errors.Select(e => e.Field));
        var differ = await Assert.ThrowsAsync<ValidationException>(() => RedeemRawAsync(w, MobileA1, "123456", "Owner#2026new", "Owner#2026neu"));
        Assert.Equal(["Confirm"], differ.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Refused_codes_are_audited_with_the_reason_and_only_the_masked_number()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var code = w.LastCode();
        var wrong = code == "000000" ? "111111" : "000000";
        await RefusalAsync(() => w.RedeemAsync(MobileA1, wrong));
        await w.RedeemAsync(MobileA1, code);
        await RefusalAsync(() => w.RedeemAsync(MobileA1, code, "Again#2026pw"));

        var refused = w.Events().Where(e => e.Action == AccountAction.CredentialRefused).ToList();
        Assert.Equal([("验证码错误", "业主 139****2222"), ("验证码：无有效验证码", "业主 139****2222")], refused.Select(e => (e.Detail!, e.TargetLabel)));

        var desk = w.Desk(out var scope);
        using (scope) await desk.SetActiveAsync(w.OwnerA1, false);
        await RefusalAsync(() => w.RedeemAsync(MobileA1, code, "Again#2026pw"));
        var disabled = w.Events().Last();
        Assert.Equal((AccountAction.CredentialRefused, "验证码：账号已停用", "业主 139****2222"), (disabled.Action, disabled.Detail!, disabled.TargetLabel));
    }

    [Fact]
    public async Task Disabling_is_audited_masked_ends_sessions_and_repeating_a_state_changes_nothing()
    {
        await using var w = await WorldAsync();
        await w.OpenAsync();
        var stamp = (await UserAsync(w, MobileA1)).SecurityStamp;
        var events = w.Events().Count;

        var desk = w.Desk(out var scope);
        using (scope)
        {
            await desk.SetActiveAsync(w.OwnerA1, true);
            Assert.Equal(events, w.Events().Count);
            await desk.SetActiveAsync(w.OwnerA1, false);
        }

        var user = await UserAsync(w, MobileA1);
        Assert.False(user.IsActive);
        Assert.NotEqual(stamp, user.SecurityStamp);
        var e = w.Events().Last();
        Assert.Equal((AccountAction.Disabled, "业主 139****2222", "u-desk"), (e.Action, e.TargetLabel, e.ActorUserId));
        Assert.Equal(events + 1, w.Events().Count);
    }

    [Fact]
    public async Task An_owner_with_a_landline_only_gets_no_account()
    {
        await using var w = await WorldAsync();
        var landline = AddOwnerIn(w, w.A1, "010-12345678");
        var desk = w.Desk(out var scope);
        using (scope) await Assert.ThrowsAsync<DomainException>(() => desk.OpenAsync(landline));
        Assert.Empty(w.Outbox());
        Assert.Null(await UserAsync(w, "010-12345678"));
    }

    [Fact]
    public async Task A_mobile_already_signing_in_elsewhere_cannot_open_a_second_account()
    {
        await using var w = await WorldAsync();
        await OpenInAsync(w, w.B1, w.OwnerB1);
        var sameMobile = AddOwnerIn(w, w.A1, MobileB1);

        var desk = w.Desk(out var scope);
        using (scope)
        {
            var ex = await Assert.ThrowsAsync<ValidationException>(() => desk.OpenAsync(sameMobile));
            Assert.Equal("UserName", Assert.Single(ex.Errors).Field);
            Assert.Null(await desk.GetAsync(sameMobile));
        }
        Assert.Single(w.Outbox());
    }

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("1013800138000", null)]      // 13 digits not starting with 86: not a mobile with a country code
    [InlineData("12345", null)]
    [InlineData("23800138000", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_door_reads_a_mobile_number_as_people_type_it(string? typed, string? expected) =>
        Assert.Equal(expected, OwnerCodes.NormaliseMobile(typed));

    [Fact]
    public void A_mobile_padded_to_30_characters_is_read_and_one_longer_is_refused()
    {
        Assert.Equal("13800138000", OwnerCodes.NormaliseMobile("13800138000".PadRight(30)));
        Assert.Null(OwnerCodes.NormaliseMobile("13800138000".PadRight(31)));
    }

    [Theory]
    [InlineData(24 * 60, "验证码已发送至 139****2222（24 小时内有效）")]
    [InlineData(60, "验证码已发送至 139****2222（1 小时内有效）")]
    [InlineData(15, "验证码已发送至 139****2222（15 分钟内有效）")]
    public void The_desk_is_told_how_long_the_code_is_valid(int minutes, string expected) =>
        Assert.Equal(expected, new OneTimeCodeSent("139****2222", TimeSpan.FromMinutes(minutes)).Message.Zh);
}

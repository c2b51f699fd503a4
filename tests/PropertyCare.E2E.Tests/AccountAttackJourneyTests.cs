using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>The attack scenarios of the security review, replayed in the browser as the attacker tried them, each
/// ending in "not possible": (1) a manager reaching project 3 through a staff member shared with it, and a temporary
/// password that never had to be changed; (2, the platform admin's part) finding an owner by mobile number and
/// resetting the owner's password.</summary>
[Collection("app")]
public sealed class AccountAttackJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    /// <summary>Adds a staff member to project 1 through the manager's staff page, as a manager does.</summary>
    private static async Task AddStaffAsync(IPage manager, string userName, string name)
    {
        await manager.FillAsync("[data-test=new-username]", userName);
        await manager.FillAsync("[data-test=new-displayname]", name);
        await manager.FillAsync("[data-test=new-password]", "Init#2026x");
        await manager.ClickAsync("[data-test=add-staff]");
        await Assertions.Expect(manager.Locator("[data-test=staff-row]", new() { HasText = userName })).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    /// <summary>The journey's setup outside the UI: the review's S also works in project 3, which the manager does not run.</summary>
    private void AlsoAssign(string userName, int projectId)
    {
        using var c = new SqliteConnection($"Data Source={app.DbPath}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO ProjectAssignments (UserId, ProjectId) SELECT Id, $p FROM AspNetUsers WHERE UserName = $u";
        cmd.Parameters.AddWithValue("$p", projectId);
        cmd.Parameters.AddWithValue("$u", userName);
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }

    private string PasswordHashOf(string userName) =>
        app.Query($"SELECT PasswordHash FROM AspNetUsers WHERE UserName = '{userName}'", r => r.GetString(0));

    [Fact]
    public async Task Scenario_1_a_manager_cannot_reach_another_project_through_a_shared_staff_member()
    {
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/staff");
        await manager.WaitForSelectorAsync("[data-test=staff-table]", Visible);
        await AddStaffAsync(manager, "e2e-shared", "共享 赵六");
        await AddStaffAsync(manager, "e2e-own", "本项目 孙七");
        AlsoAssign("e2e-shared", 3);

        // The manager resets the in-scope member: a temporary password, shown once, with its rules.
        await manager.ReloadAsync();
        var own = manager.Locator("[data-test=staff-row]", new() { HasText = "e2e-own" });
        await own.Locator("[data-test=reset-password]").ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("本项目 孙七", Soon);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "重置" }).ClickAsync();
        var issued = manager.Locator("[data-test=temp-password]");
        await Assertions.Expect(issued).ToContainTextAsync("24 小时内有效", Soon);
        var temporary = (await issued.Locator("code").InnerTextAsync()).Trim();

        // The member signs in with it and lands on "set a new password"; no other page opens until it is set.
        var member = await app.SignInAsync("e2e-own", temporary);
        await member.WaitForURLAsync("**/account/password", new() { Timeout = 15_000 });
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync("设置新密码", Soon);
        foreach (var url in new[] { "/p/1/owners", "/p/1/repairs", "/" })
        {
            await member.GotoAsync(url);
            Assert.EndsWith("/account/password", member.Url);
            Assert.Equal(0, await member.Locator("[data-test=owner-table]").CountAsync());
        }
        await member.FillAsync("[data-test=new-password]", "Mine#2026own");
        await member.FillAsync("[data-test=confirm-password]", "Mine#2026own");
        await member.ClickAsync("[data-test=save-password]");
        await member.WaitForURLAsync(u => !u.Contains("/account/password"), new() { Timeout = 15_000 });
        await member.GotoAsync("/p/1/owners");
        await member.WaitForSelectorAsync("[data-test=owner-table]", Visible);
        Assert.Equal(1, app.Query("SELECT COUNT(*) FROM AccountEvents WHERE Action = 1 AND TargetLabel LIKE 'e2e-own%'", r => r.GetInt32(0)));
        await member.Context.CloseAsync();

        // S works in project 3 too: the manager's page offers neither reset nor disable, and says who can.
        var hashBefore = PasswordHashOf("e2e-shared");
        var shared = manager.Locator("[data-test=staff-row]", new() { HasText = "e2e-shared" });
        await Assertions.Expect(shared.Locator("[data-test=staff-unavailable]")).ToContainTextAsync("未负责的项目", Soon);
        await Assertions.Expect(shared.Locator("[data-test=staff-unavailable]")).ToContainTextAsync("平台管理员", Soon);
        Assert.Equal(0, await shared.Locator("[data-test=reset-password]").CountAsync());
        Assert.Equal(0, await shared.Locator("[data-test=toggle-staff]").CountAsync());
        Assert.Equal(hashBefore, PasswordHashOf("e2e-shared"));
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task Scenario_2_the_platform_admin_cannot_find_an_owner_by_mobile_number_nor_reset_the_owner()
    {
        var mobile = app.Query("SELECT o.Phone FROM Owners o JOIN AspNetUsers u ON u.OwnerId = o.Id WHERE u.UserName = 'owner'", r => r.GetString(0));
        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync("/admin/users");
        await admin.WaitForSelectorAsync("[data-test=users-table]", Visible);
        // The list has staff, never an owner account; it says only how many there are.
        Assert.Equal(0, await admin.Locator("[data-test=user-row]", new() { HasText = "业主" }).CountAsync());
        await Assertions.Expect(admin.Locator("[data-test=owner-accounts-note]")).ToContainTextAsync("业主账号不在此列出", Soon);

        foreach (var probe in new[] { mobile, mobile[..7], "owner" })
        {
            await admin.FillAsync("[data-test=user-search]", probe);
            await admin.ClickAsync("[data-test=user-search-go]");
            await admin.WaitForSelectorAsync("[data-test=empty]", Visible);
            Assert.Equal(0, await admin.Locator("[data-test=user-row]").CountAsync());
            Assert.Equal(0, await admin.Locator("[data-test=reset-password]").CountAsync());
        }
        await admin.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>The owner portal (on a phone-sized screen), platform administration, project staff pages and the HQ
/// overview each open for the right user and show their key element; destructive steps ask first.</summary>
[Collection("app")]
public sealed class PortalAndAdminPagesTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    [Fact]
    public async Task Owner_reports_with_category_tiles_on_a_phone_and_follows_the_request()
    {
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.WaitForSelectorAsync("[data-test=my-unit]", Visible);
        Assert.True(await ScrollWidthAsync(owner) <= 390, "my units scroll sideways at 390 px");

        await owner.GotoAsync("/my/repairs/new");
        await owner.WaitForSelectorAsync("[data-test=category-水电]", Visible);
        Assert.True(await ScrollWidthAsync(owner) <= 390, "the new-repair form scrolls sideways at 390 px");
        var tile = await owner.Locator("[data-test=category-水电]").BoundingBoxAsync();
        Assert.True(tile!.Height >= 44, $"category tile is {tile.Height} px high");

        // Sent without a category or description: the errors are at the fields, in Chinese.
        await owner.ClickAsync("[data-test=submit-request]");
        await Assertions.Expect(owner.Locator("[data-test=error-Category]")).ToContainTextAsync("请选择报修类别", Soon);
        await Assertions.Expect(owner.Locator("text=请描述报修内容")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        const string description = "客厅插座没电，跳闸后合不上";
        await owner.ClickAsync("[data-test=category-水电]");
        await Assertions.Expect(owner.Locator("[data-test=category-水电]")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 15_000 });
        await owner.FillAsync("[data-test=description]", description);
        await owner.ClickAsync("[data-test='pref-Tomorrow morning']");
        await Assertions.Expect(owner.Locator("[data-test=preferred-time]")).ToHaveValueAsync("明天上午", new() { Timeout = 15_000 });
        await owner.ClickAsync("[data-test=submit-request]");
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/my/repairs/\d+$"), new() { Timeout = 15_000 });
        var orderId = int.Parse(owner.Url.Split('/')[^1]);
        var (number, preferred) = app.Query($"SELECT Number, PreferredTime FROM RepairOrders WHERE Id = {orderId}", r => (r.GetString(0), r.GetString(1)));
        Assert.Equal("明天上午", preferred);

        // The detail says what happens next; the progress line stands on 已受理.
        await Assertions.Expect(owner.Locator("h1")).ToContainTextAsync(number, Soon);
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("尽快派工", Soon);
        await Assertions.Expect(owner.Locator("[data-test=progress-line] [aria-current=step]")).ToContainTextAsync("已受理", Soon);
        await Assertions.Expect(owner.Locator("[data-test=description]")).ToContainTextAsync(description, Soon);
        Assert.True(await ScrollWidthAsync(owner) <= 390, "the request detail scrolls sideways at 390 px");

        // My requests: a card with the number, its status chip and the progress line.
        await owner.ClickAsync("[data-test=nav-my-repairs]");
        var card = owner.Locator("[data-test=my-request]", new() { HasText = number });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(card.Locator("[data-test=repair-status]")).ToContainTextAsync("已登记", Soon);
        await Assertions.Expect(card.Locator("[data-test=progress-line]")).ToContainTextAsync("已完成", Soon);
        Assert.True(await ScrollWidthAsync(owner) <= 390, "my requests scroll sideways at 390 px");
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task Owner_cannot_open_the_admin_pages()
    {
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.GotoAsync("/admin/users");
        await owner.WaitForSelectorAsync("text=您没有访问此页面的权限", Visible);
        Assert.Equal(0, await owner.Locator("[data-test=users-table]").CountAsync());
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_sees_companies_users_and_the_calendar_and_is_asked_before_removing_a_day()
    {
        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync("/admin/companies");
        await Assertions.Expect(admin.Locator("[data-test=companies-table]")).ToContainTextAsync("蓉城物业服务有限公司", Soon);
        await admin.WaitForSelectorAsync("[data-test=create-project]", Visible);

        // A company without a name is refused at the field.
        await admin.ClickAsync("[data-test=create-company]");
        await admin.WaitForSelectorAsync("[data-test=action-error]", Visible);

        await admin.GotoAsync("/admin/users");
        await Assertions.Expect(admin.Locator("[data-test=user-row]", new() { HasText = "staff2" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await admin.FillAsync("[data-test=user-search]", "tech");
        await admin.ClickAsync("[data-test=user-search-go]");
        await admin.WaitForURLAsync("**/admin/users?q=tech", new() { Timeout = 15_000 });
        await Assertions.Expect(admin.Locator("[data-test=pager-info]")).ToContainTextAsync("共 1 条", Soon);
        // Disabling asks first and names the user; going back changes nothing.
        await admin.ClickAsync("[data-test=toggle-user]");
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("停用 tech", Soon);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-test=user-status]")).ToContainTextAsync("启用", Soon);

        await admin.GotoAsync("/admin/calendar");
        await admin.WaitForSelectorAsync("[data-test=calendar-year]", Visible);
        var year = int.Parse(await admin.InnerTextAsync("[data-test=calendar-year]"));
        var entries = app.Query($"SELECT COUNT(*) FROM CalendarDays WHERE Date >= '{year}-01-01' AND Date <= '{year}-12-31'", r => r.GetInt32(0));
        if (entries > 0)
        {
            await Assertions.Expect(admin.Locator("[data-test=calendar-row]")).ToHaveCountAsync(entries, new() { Timeout = 15_000 });
            var first = admin.Locator("[data-test=calendar-row]").First;
            var date = (await first.Locator("td").First.InnerTextAsync()).Trim();
            await first.Locator("[data-test=remove-day]").ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync(date, Soon);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
            await Assertions.Expect(admin.Locator("[data-test=calendar-row]")).ToHaveCountAsync(entries, new() { Timeout = 15_000 });
        }
        else
        {
            await admin.WaitForSelectorAsync("[data-test=empty]", Visible);
        }
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Manager_sees_staff_outbox_jobs_and_access_log()
    {
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/staff");
        await Assertions.Expect(manager.Locator("[data-test=staff-row]", new() { HasText = "staff" }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Reset password asks first, naming the person; going back issues nothing.
        var row = manager.Locator("[data-test=staff-row]", new() { HasText = "tech" });
        await row.Locator("[data-test=reset-password]").ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("维修 张强", Soon);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
        Assert.Equal(0, await manager.Locator("[data-test=temp-password]").CountAsync());

        await manager.GotoAsync("/p/1/outbox");
        await manager.WaitForSelectorAsync("[data-test=outbox], [data-test=empty]", Visible);
        await manager.WaitForSelectorAsync("[data-test=outbox-status]", Visible);

        await manager.GotoAsync("/p/1/jobs");
        await manager.WaitForSelectorAsync("[data-test=scheduled-jobs], [data-test=empty]", Visible);
        await manager.WaitForSelectorAsync("[data-test=run-status]", Visible);

        await manager.GotoAsync("/p/1/access-log");
        await manager.WaitForSelectorAsync("[data-test=access-log], [data-test=empty]", Visible);

        // Not for the desk, even by URL.
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync("/p/1/outbox");
        await staff.WaitForSelectorAsync("text=您没有访问此页面的权限", Visible);
        Assert.Equal(0, await staff.Locator("[data-test=outbox]").CountAsync());
        await manager.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task Hq_sees_the_project_table_and_chart_and_opens_a_projects_owners()
    {
        var hq = await app.SignInAsync("hq");
        await hq.GotoAsync("/hq");
        await hq.WaitForSelectorAsync("[data-test=hq-table]", Visible);
        var projects = app.Query("SELECT COUNT(*) FROM Projects WHERE CompanyId = (SELECT CompanyId FROM AspNetUsers WHERE UserName = 'hq')", r => r.GetInt32(0));
        Assert.Equal(projects, await hq.Locator("[data-test=hq-row]").CountAsync());
        await hq.WaitForSelectorAsync("[data-test=hq-chart] svg", Visible);
        Assert.EndsWith("%", (await hq.Locator("[data-test=hq-occupancy]").First.InnerTextAsync()).Trim());

        var link = hq.Locator("[data-test=hq-project-link]").First;
        var name = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await hq.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/p/\d+/owners$"), new() { Timeout = 15_000 });
        await hq.WaitForSelectorAsync("[data-test=owner-table]", Visible);
        Assert.False(string.IsNullOrEmpty(name));
        await hq.Context.CloseAsync();
    }
}

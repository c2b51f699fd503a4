using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Two desk tools of 空置房管理 in the browser: 改派 a task to another desk member from the task row, and the
/// custody dialog finding a vacant unit by typing its building and room (no longer a list of the first 100).</summary>
[Collection("app")]
public class VacantDeskToolsTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Desk_reassigns_an_open_task_to_a_colleague_from_the_task_row()
    {
        // The demo's project 1 has one desk member; staff2 (of project 2) joins it for this test and leaves after.
        var colleague = app.Query("SELECT Id FROM AspNetUsers WHERE UserName = 'staff2'", r => r.GetString(0));
        var before = app.Query("SELECT Id FROM AspNetUsers WHERE UserName = 'staff'", r => r.GetString(0));
        app.Execute($"INSERT INTO ProjectAssignments (UserId, ProjectId) VALUES ('{colleague}', 1)");
        try
        {
            var staff = await app.SignInAsync("staff");
            await staff.GotoAsync("/p/1/vacant");
            await staff.WaitForSelectorAsync("[data-test=task-row] [data-test=task-reassign]", Visible);
            await staff.Locator("[data-test=task-row] [data-test=task-reassign]").First.ClickAsync();
            await staff.WaitForSelectorAsync("[data-test=reassign-dialog]", Visible);
            // The only other desk member of the project is offered first.
            await Assertions.Expect(staff.Locator("[data-test=reassign-staff]")).ToBeVisibleAsync();
            await staff.ClickAsync("[data-test=reassign-submit]");
            await staff.WaitForSelectorAsync("text=已改派", Visible);
            // Mine come first, so the reassigned task leaves the top of the list; the row and its history say who has it now.
            await Assertions.Expect(staff.Locator("[data-test=reassign-dialog]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            var moved = app.Query($"SELECT Id FROM VacantInspectionTasks WHERE ProjectId = 1 AND Status = 0 AND AssigneeId = '{colleague}'", r => r.GetInt32(0));
            Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM ChangeRecords WHERE EntityType = 'VacantInspectionTask' AND EntityId = {moved} AND Action = 1 AND Changes LIKE '%AssigneeId%'", r => r.GetInt32(0)));
            await staff.Context.CloseAsync();
        }
        finally
        {
            app.Execute($"UPDATE VacantInspectionTasks SET AssigneeId = '{before}' WHERE ProjectId = 1 AND AssigneeId = '{colleague}'");
            app.Execute($"DELETE FROM ProjectAssignments WHERE UserId = '{colleague}' AND ProjectId = 1");
        }
    }

    [Fact]
    public async Task The_custody_dialog_finds_the_last_vacant_unit_by_building_and_room_and_offers_its_owner()
    {
        var (building, entrance, room) = app.Query(
            "SELECT b.Name, u.Entrance, u.Room FROM Units u JOIN Buildings b ON b.Id = u.BuildingId JOIN UnitOwnerships o ON o.UnitId = u.Id " +
            "WHERE u.ProjectId = 1 AND u.State = 1 ORDER BY b.Name DESC, u.Entrance DESC, u.Floor DESC, u.Room DESC LIMIT 1",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        var address = string.IsNullOrEmpty(entrance) ? $"{building}-{room}" : $"{building}-{entrance}单元-{room}";
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync("/p/1/vacant/keys");
        await staff.ClickAsync("[data-test=accept-keys-open]", new() { Timeout = 15_000 });
        await staff.WaitForSelectorAsync("[data-test=accept-dialog]", Visible);
        var owner = staff.GetByRole(AriaRole.Combobox, new() { Name = "委托业主" });
        await Assertions.Expect(owner).ToBeDisabledAsync(new() { Timeout = 15_000 });
        await staff.GetByRole(AriaRole.Combobox, new() { Name = "房屋（空置房）" }).FillAsync($"{building} {room}");
        var option = staff.Locator("[data-test=accept-unit-option]", new() { HasText = address });
        await Assertions.Expect(option).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await option.ClickAsync();
        // Its owner is offered: the owner field comes alive. Back: nothing is taken in.
        await Assertions.Expect(owner).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await staff.ClickAsync("[data-test=dialog-back]");
        await staff.Context.CloseAsync();
    }
}

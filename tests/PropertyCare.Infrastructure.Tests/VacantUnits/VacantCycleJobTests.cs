using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>The vacant list is the units whose state is 空置; the cycle job gives each one task per cycle, spread over the
/// desk staff, once, in the project's own calendar, and cancels the tasks of units that stopped being vacant.</summary>
[Collection(RepairsCollection.Name)]
public class VacantCycleJobTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_vacant_list_is_derived_from_the_unit_state_and_follows_it()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (v1, _) = await w.VacantUnitAsync(w.A, "0101");
        var (v2, _) = await w.VacantUnitAsync(w.A, "0102");
        await w.VacantUnitAsync(w.A, "0103", state: UnitState.Occupied);
        await w.VacantUnitAsync(w.A, "0104", state: UnitState.NotDelivered);
        await w.VacantUnitAsync(w.B, "0101"); // another company's vacant unit

        var page = await w.Desk(w.A).ListAsync(1, 20);
        Assert.Equal(2, page.Total);
        Assert.Equal([v1, v2], page.Items.Select(r => r.UnitId));
        Assert.Equal("1栋-1单元-0101", page.Items[0].Address);

        await w.SetStateAsync(w.A, v1, UnitState.Occupied);
        Assert.Equal([v2], (await w.Desk(w.A).ListAsync(1, 20)).Items.Select(r => r.UnitId));
    }

    [Fact]
    public async Task One_task_per_vacant_unit_is_spread_over_the_desk_staff_due_at_the_end_of_the_month_and_a_second_run_creates_nothing()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var units = new List<int>();
        for (var i = 1; i <= 5; i++) units.Add((await w.VacantUnitAsync(w.A, $"010{i}")).UnitId);
        await w.VacantUnitAsync(w.A, "0106", state: UnitState.Occupied);
        var s1 = await w.StaffAsync(w.A, "desk1", "客服一");
        var s2 = await w.StaffAsync(w.A, "desk2", "客服二");
        await w.W.AddUserAsync(w.A, Domain.Access.Roles.Technician, "tech1", "技工"); // technicians do not inspect
        await w.StaffAsync(w.B, "deskb", "乙客服"); // nor does another project's desk

        var run = await w.CycleJob(w.A).RunAsync();
        Assert.Equal(new VacantCycleRun("2026-11", 5, 0), run);

        var tasks = await w.TasksAsync(w.A);
        Assert.Equal(units, tasks.Select(t => t.UnitId));
        Assert.All(tasks, t => Assert.Equal(VacantTaskStatus.Open, t.Status));
        // 30 November 23:59:59.999999 in Shanghai.
        Assert.All(tasks, t => Assert.Equal(new DateTime(2026, 11, 30, 15, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), t.DueAt));
        var lower = string.CompareOrdinal(s1, s2) < 0 ? s1 : s2;
        Assert.Equal(3, tasks.Count(t => t.AssigneeId == lower));
        Assert.Equal(2, tasks.Count(t => t.AssigneeId != lower));
        Assert.All(tasks, t => Assert.Contains(t.AssigneeId, new[] { s1, s2 }));

        Assert.Equal(new VacantCycleRun("2026-11", 0, 0), await w.CycleJob(w.A).RunAsync());
        Assert.Equal(5, (await w.TasksAsync(w.A)).Count);
        Assert.Empty(await w.TasksAsync(w.B));
    }

    [Fact]
    public async Task At_half_past_midnight_on_1_December_in_Shanghai_the_job_makes_December_tasks_although_UTC_still_says_November()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        await w.VacantUnitAsync(w.A, "0101");
        await w.StaffAsync(w.A, "desk1", "客服一");
        w.W.Clock.Advance(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero) - RepairWorld.Start);

        var run = await w.CycleJob(w.A).RunAsync();

        Assert.Equal("2026-12", run.CycleKey);
        var t = Assert.Single(await w.TasksAsync(w.A));
        Assert.Equal("2026-12", t.CycleKey);
        Assert.Equal(new DateTime(2026, 12, 31, 15, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), t.DueAt);
    }

    [Fact]
    public async Task A_unit_that_stops_being_vacant_has_its_open_task_cancelled_and_a_new_vacant_unit_gets_one()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (u1, _) = await w.VacantUnitAsync(w.A, "0101");
        var (u2, _) = await w.VacantUnitAsync(w.A, "0102");
        await w.StaffAsync(w.A, "desk1", "客服一");
        await w.CycleJob(w.A).RunAsync();

        await w.SetStateAsync(w.A, u1, UnitState.Renovating);
        var (u3, _) = await w.VacantUnitAsync(w.A, "0103");
        var run = await w.CycleJob(w.A).RunAsync();

        Assert.Equal(new VacantCycleRun("2026-11", 1, 1), run);
        var tasks = await w.TasksAsync(w.A);
        Assert.Equal(VacantTaskStatus.Cancelled, tasks.Single(t => t.UnitId == u1).Status);
        Assert.Equal(VacantTaskStatus.Open, tasks.Single(t => t.UnitId == u2).Status);
        Assert.Equal(VacantTaskStatus.Open, tasks.Single(t => t.UnitId == u3).Status);
        // Cancelled stays cancelled: a third run changes nothing.
        Assert.Equal(new VacantCycleRun("2026-11", 0, 0), await w.CycleJob(w.A).RunAsync());
    }

    [Fact]
    public async Task With_vacant_units_and_no_desk_staff_the_job_refuses_and_creates_nothing()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        await w.VacantUnitAsync(w.A, "0101");
        await Assert.ThrowsAsync<DomainException>(() => w.CycleJob(w.A).RunAsync());
        Assert.Empty(await w.TasksAsync(w.A));
    }

    [Fact]
    public async Task A_weekly_frequency_set_by_the_manager_makes_ISO_week_tasks()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        await w.VacantUnitAsync(w.A, "0101");
        await w.StaffAsync(w.A, "desk1", "客服一");
        var settings = w.Settings(w.A);
        var current = await settings.GetAsync();
        Assert.Equal(InspectionFrequency.Monthly, current.Frequency);
        await settings.SetFrequencyAsync(current.Version, InspectionFrequency.Weekly);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Settings(w.A).SetFrequencyAsync(current.Version, InspectionFrequency.Quarterly));

        Assert.Equal("2026-W48", (await w.CycleJob(w.A).RunAsync()).CycleKey);
        // Sunday 29 November 23:59:59.999999 Shanghai.
        Assert.Equal(new DateTime(2026, 11, 29, 15, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), Assert.Single(await w.TasksAsync(w.A)).DueAt);
    }

    [Fact]
    public async Task A_task_made_meanwhile_by_a_concurrent_run_is_not_made_again()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (u1, _) = await w.VacantUnitAsync(w.A, "0101");
        var s = await w.StaffAsync(w.A, "desk1", "客服一");
        // Both runs at once: each may plan the unit, the unique index keeps one task.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => w.CycleJob(w.A).RunAsync())));
        Assert.Equal(1, runs.Sum(r => r.Created));
        Assert.Equal(u1, Assert.Single(await w.TasksAsync(w.A)).UnitId);
        Assert.Equal(s, (await w.TasksAsync(w.A))[0].AssigneeId);
    }
}

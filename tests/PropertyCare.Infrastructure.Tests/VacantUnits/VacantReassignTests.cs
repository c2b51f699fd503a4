using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>改派: an open task goes only to an active desk member of its own project, with the page's version, and the
/// change is kept in the task's history; done tasks, stale versions, other roles and other projects' tasks are refused.</summary>
[Collection(RepairsCollection.Name)]
public class VacantReassignTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>One vacant unit in project A, two desk members; the job gives the task to one of them.</summary>
    private static async Task<(VacantInspectionTask Task, string Other, int Unit)> ArrangeAsync(VacantWorld w)
    {
        var (unit, _) = await w.VacantUnitAsync(w.A, "0101");
        var first = await w.StaffAsync(w.A, "desk-a1", "客服甲");
        var second = await w.StaffAsync(w.A, "desk-a2", "客服乙");
        await w.CycleJob(w.A).RunAsync();
        var task = Assert.Single(await w.TasksAsync(w.A));
        return (task, task.AssigneeId == first ? second : first, unit);
    }

    [Fact]
    public async Task An_open_task_goes_to_another_desk_member_and_the_change_is_in_its_history()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (task, other, _) = await ArrangeAsync(w);
        var desk = w.Desk(w.A);
        Assert.Equal(["客服乙", "客服甲"], (await desk.DeskStaffAsync()).Select(s => s.Name).Order());

        await desk.ReassignAsync(task.Id, task.Version, other);

        var after = Assert.Single(await w.TasksAsync(w.A));
        Assert.Equal(other, after.AssigneeId);
        Assert.NotEqual(task.Version, after.Version);
        var row = Assert.Single((await desk.TasksAsync(false, null, 1, 10)).Items);
        Assert.Equal(await NameAsync(w, other), row.AssigneeName);
        await using var db = w.W.Db(w.A);
        var history = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == nameof(VacantInspectionTask) && c.EntityId == task.Id && c.Action == ChangeAction.Updated).ToListAsync();
        var change = Assert.Single(Assert.Single(history).Changes, c => c.Field == nameof(VacantInspectionTask.AssigneeId));
        Assert.Equal((task.AssigneeId, other), (change.Old, change.New));
    }

    [Fact]
    public async Task Refused_for_a_technician_an_inactive_member_or_someone_of_another_project_and_nothing_changes()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (task, _, _) = await ArrangeAsync(w);
        var technician = await w.W.AddUserAsync(w.A, Roles.Technician, "tech-a", "王师傅");
        var inactive = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk-gone", "已离职", active: false);
        var elsewhere = await w.StaffAsync(w.B, "desk-b", "别处客服");
        var desk = w.Desk(w.A);

        foreach (var who in new[] { technician, inactive, elsewhere, "no-such-user", " " })
        {
            var ex = await Assert.ThrowsAsync<ValidationException>(() => desk.ReassignAsync(task.Id, task.Version, who));
            Assert.Equal(nameof(VacantInspectionTask.AssigneeId), Assert.Single(ex.Errors).Field);
        }
        Assert.DoesNotContain(elsewhere, (await desk.DeskStaffAsync()).Select(s => s.UserId));
        var after = Assert.Single(await w.TasksAsync(w.A));
        Assert.Equal((task.AssigneeId, task.Version), (after.AssigneeId, after.Version));
    }

    [Fact]
    public async Task Refused_for_a_done_task_and_for_a_stale_version()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (task, other, unit) = await ArrangeAsync(w);
        var desk = w.Desk(w.A);

        await desk.ReassignAsync(task.Id, task.Version, other);
        // The page still shows the version read before that change.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => desk.ReassignAsync(task.Id, task.Version, task.AssigneeId));
        Assert.Equal(other, Assert.Single(await w.TasksAsync(w.A)).AssigneeId);

        await desk.InspectAsync(unit, task.Id, VacantWorld.Answers(), VacantWorld.Meters, []);
        var done = Assert.Single(await w.TasksAsync(w.A));
        Assert.Equal(VacantTaskStatus.Done, done.Status);
        await Assert.ThrowsAsync<IllegalStepException>(() => desk.ReassignAsync(done.Id, done.Version, task.AssigneeId));
        Assert.Equal(other, Assert.Single(await w.TasksAsync(w.A)).AssigneeId);
    }

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Refused_to_callers_without_MoveInWrite(string role)
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (task, other, _) = await ArrangeAsync(w);
        var service = w.W.As(role, w.A, "u-someone", "某人", role == Roles.Owner ? 1 : null).GetRequiredService<VacantUnitService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ReassignAsync(task.Id, task.Version, other));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.DeskStaffAsync());
        Assert.Equal(task.AssigneeId, Assert.Single(await w.TasksAsync(w.A)).AssigneeId);
    }

    [Fact]
    public async Task Another_projects_task_is_not_found()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (task, other, _) = await ArrangeAsync(w);
        var deskB = await w.StaffAsync(w.B, "desk-b", "别处客服");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Desk(w.B).ReassignAsync(task.Id, task.Version, deskB));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Desk(w.B).ReassignAsync(task.Id, task.Version, other));
        Assert.Equal(task.AssigneeId, Assert.Single(await w.TasksAsync(w.A)).AssigneeId);
    }

    private static async Task<string> NameAsync(VacantWorld w, string userId)
    {
        await using var db = w.W.Db(w.A);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
    }
}

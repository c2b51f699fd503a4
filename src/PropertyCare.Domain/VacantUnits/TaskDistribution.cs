namespace PropertyCare.Domain.VacantUnits;

/// <summary>One vacant unit given to one staff member for a cycle.</summary>
public sealed record TaskAssignment(int UnitId, string StaffId);

/// <summary>Spreads a cycle's inspections over the project's staff: each new unit (lowest id first) goes to whoever has
/// the fewest tasks in the cycle so far, ties to the lowest staff id (ordinal). Deterministic, so two runs of the job on
/// the same data plan the same tasks; units that already have a task in the cycle are skipped (idempotent).</summary>
public static class TaskDistribution
{
    /// <param name="vacantUnitIds">units whose state is 空置 now</param>
    /// <param name="staffIds">staff of the project who inspect (active service-desk users)</param>
    /// <param name="existing">tasks of this cycle already made (unit → staff)</param>
    public static IReadOnlyList<TaskAssignment> Plan(IEnumerable<int> vacantUnitIds, IEnumerable<string> staffIds, IEnumerable<TaskAssignment> existing)
    {
        var staff = staffIds.Distinct().Order(StringComparer.Ordinal).ToList();
        var done = existing.ToList();
        var planned = done.Select(t => t.UnitId).ToHashSet();
        var todo = vacantUnitIds.Distinct().Where(u => !planned.Contains(u)).Order().ToList();
        if (todo.Count == 0) return [];
        if (staff.Count == 0) throw new Common.DomainException(new("项目没有可分配巡查任务的员工", "The project has no staff to give inspections to"));
        // Count only the tasks of staff still on the project; a task of someone who left does not lighten anyone's load.
        var load = staff.ToDictionary(s => s, s => done.Count(t => t.StaffId == s));
        var plan = new List<TaskAssignment>();
        foreach (var unit in todo)
        {
            var who = staff.MinBy(s => load[s])!; // MinBy keeps the first of equals: the lowest id, as staff is sorted
            load[who]++;
            plan.Add(new(unit, who));
        }
        return plan;
    }
}

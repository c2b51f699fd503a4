using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>One closed callback of the week with what HQ's audit keeps of it (the project's answer, copied once).</summary>
internal sealed record CandidateCallback(SampleCandidate Candidate, string Number, DateTime CalledAt, string CalledBy, Satisfaction? Satisfaction, string? Remarks);

/// <summary>The week's answered callbacks of the current project (the db's tenant filter applies):
/// repairs — every callback 已回访 (Done) in the week: unsatisfied = the answer needs a rework, reworked = round &gt; 1,
/// escalated = the order was escalated as overdue (RepairOrder.EscalatedAt);
/// complaints — every entry of a complaint's callback list in the week: unsatisfied = 不太满意 or worse, or the callback did
/// not close it; reworked = round &gt; 1 or the complaint was reopened; escalated = 二次/三次派单 (DispatchLevel ≥ 2).</summary>
internal static class SampleCandidates
{
    public static async Task<List<CandidateCallback>> ForWeekAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var result = new List<CandidateCallback>();
        var repairs = await db.Callbacks.AsNoTracking()
            .Where(c => c.Status == CallbackStatus.Done && c.DoneAt >= fromUtc && c.DoneAt < toUtc)
            .Select(c => new { c.RepairOrderId, c.Round, c.DoneAt, c.CalledByName, c.Satisfaction, c.Remarks, c.RepairOrder!.Number, c.RepairOrder.EscalatedAt })
            .ToListAsync(ct);
        foreach (var r in repairs)
            result.Add(new(new SampleCandidate(SampleSource.Repair, r.RepairOrderId, r.Round, r.Satisfaction is { } s && s.NeedsRework(), r.Round > 1, r.EscalatedAt != null),
                r.Number, r.DoneAt!.Value, r.CalledByName ?? "", r.Satisfaction, Clip(r.Remarks)));

        // A callback in the week happened before the complaint closed (if it did), so a complaint closed before the week
        // cannot have one: that bounds the read; the JSON list is looked at in memory.
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.LastSatisfaction != null && c.ReceivedAt < toUtc && (c.ClosedAt == null || c.ClosedAt >= fromUtc))
            .ToListAsync(ct);
        foreach (var c in complaints)
            foreach (var cb in c.Callbacks.Where(x => x.At >= fromUtc && x.At < toUtc))
                result.Add(new(new SampleCandidate(SampleSource.Complaint, c.Id, cb.Round,
                        cb.Satisfaction <= Satisfaction.Dissatisfied || !cb.Closed, cb.Round > 1 || c.ReopenCount > 0, c.DispatchLevel >= 2),
                    c.Number, cb.At, cb.By, cb.Satisfaction, Clip(cb.CustomerOpinion)));
        return result;
    }

    private static string? Clip(string? s) => s == null ? null : s.Length <= 500 ? s : s[..500];
}

using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>What the application asks of Hangfire: run a project's job at a time (a delayed job) or on a cron
/// schedule in the project's time zone (a recurring job), cancel or reschedule it by our key. Keys are per
/// project: delayed jobs are found through the hash "propertycare:keys:p{projectId}" (key → Hangfire job id),
/// recurring ones are named "p{projectId}:{key}"; scheduling the same key again replaces instead of doubling.
/// The index: the set "propertycare:keys:p{projectId}" holds the project's keys, the hash
/// "propertycare:key:p{projectId}:{key}" the job id — one hash per key so that a finished job's key is removed
/// alone (Hangfire's storage API removes whole hashes only), keeping the index as small as what is pending.</summary>
public sealed class JobScheduler(JobStorage storage, IBackgroundJobClient client, IRecurringJobManager recurring)
{
    public static string KeysSet(int projectId) => $"propertycare:keys:p{projectId}";
    private static string KeyHash(int projectId, string key) => $"propertycare:key:p{projectId}:{key}";
    public static string RecurringId(int projectId, string key) => $"p{projectId}:{key}";

    /// <summary>A time that passed while the app was down runs once at start.</summary>
    public string ScheduleAt<TService>(int projectId, string key, DateTimeOffset at, Expression<Func<TService, Task>> job)
    {
        using var connection = storage.GetConnection();
        if (IdOf(connection, projectId, key) is { } previous) client.Delete(previous);
        var id = client.Schedule(job, at);
        connection.SetJobParameter(id, ProjectJobs.KeyParameter, SerializationHelper.Serialize(key));
        using var tx = connection.CreateWriteTransaction();
        tx.SetRangeInHash(KeyHash(projectId, key), [new("job", id)]);
        tx.AddToSet(KeysSet(projectId), key);
        tx.Commit();
        return id;
    }

    /// <summary>Cron in Hangfire's 5-field form; times in the project's time zone. A run missed while the app
    /// was down runs once at start, not once per missed occurrence (Hangfire's default).</summary>
    public void ScheduleCron<TService>(int projectId, string key, string cron, string timeZone, Expression<Func<TService, Task>> job) =>
        recurring.AddOrUpdate(RecurringId(projectId, key), job, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone) });

    public bool Cancel(int projectId, string key)
    {
        using var connection = storage.GetConnection();
        var found = false;
        if (IdOf(connection, projectId, key) is { } id)
        {
            client.Delete(id);
            RemoveKey(connection, projectId, key, id);
            found = true;
        }
        if (connection.GetAllEntriesFromHash($"recurring-job:{RecurringId(projectId, key)}") is { Count: > 0 })
        {
            recurring.RemoveIfExists(RecurringId(projectId, key));
            found = true;
        }
        return found;
    }

    public bool Reschedule(int projectId, string key, DateTimeOffset at)
    {
        using var connection = storage.GetConnection();
        return IdOf(connection, projectId, key) is { } id && client.Reschedule(id, at);
    }

    /// <summary>Our key → Hangfire's job id, for this project's pending delayed jobs.</summary>
    public Dictionary<string, string> DelayedJobs(int projectId)
    {
        using var connection = storage.GetConnection();
        var result = new Dictionary<string, string>();
        foreach (var key in connection.GetAllItemsFromSet(KeysSet(projectId)))
            if (IdOf(connection, projectId, key) is { } id) result[key] = id;
        return result;
    }

    private static string? IdOf(IStorageConnection connection, int projectId, string key) =>
        connection.GetAllEntriesFromHash(KeyHash(projectId, key))?.GetValueOrDefault("job");

    /// <summary>Forgets the key, if it still names that job (it may have been scheduled again meanwhile).</summary>
    internal static void RemoveKey(IStorageConnection connection, int projectId, string key, string jobId)
    {
        if (IdOf(connection, projectId, key) != jobId) return;
        using var tx = connection.CreateWriteTransaction();
        tx.RemoveHash(KeyHash(projectId, key));
        tx.RemoveFromSet(KeysSet(projectId), key);
        tx.Commit();
    }
}

using Hangfire.Common;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>A project job is a public method of a service whose first parameter is <c>int projectId</c>
/// (then the record's id). That parameter is what the server filter enters before the job runs.</summary>
public static class ProjectJobs
{
    public const string ProjectIdParameter = "projectId";
    /// <summary>Job parameter carrying our key of a delayed job (e.g. callback-12).</summary>
    public const string KeyParameter = "PropertyCare.Key";

    public static int? ProjectOf(Job? job)
    {
        if (job == null) return null;
        var parameters = job.Method.GetParameters();
        return parameters.Length > 0 && parameters[0].Name == ProjectIdParameter && parameters[0].ParameterType == typeof(int) && job.Args.Count > 0 && job.Args[0] is int id
            ? id : null;
    }

    public static string TypeOf(Job job) => $"{job.Type.Name}.{job.Method.Name}";
}

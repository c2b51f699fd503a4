using System.Diagnostics;

/// <summary>Runs a case many times and prints its median and 95th percentile in milliseconds.</summary>
internal static class Timing
{
    public static async Task MeasureAsync(string name, int runs, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-38} {runs,5} {times[runs / 2],10:F2} {times[(int)(runs * 0.95)],8:F2}");
    }
}

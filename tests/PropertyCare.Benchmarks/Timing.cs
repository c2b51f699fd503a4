using System.Diagnostics;

/// <summary>Runs a case many times and prints its median and 95th percentile in milliseconds, next to what the case
/// returned (rows on the page, rows matched, callbacks counted…). A figure for a query that found nothing measures
/// nothing, so each case says what it must return and the run stops when it does not.</summary>
internal static class Timing
{
    public const string Header = "case                                    runs  median ms   p95 ms   returned";

    /// <param name="expect">What the case must return for its figure to mean what its name says.</param>
    /// <param name="expectation">That rule in words, for the failure message.</param>
    public static async Task MeasureAsync(string name, int runs, Func<Task<int>> run, Func<int, bool> expect, string expectation)
    {
        var returned = await run(); // warm-up, and the check
        if (!expect(returned))
            throw new InvalidOperationException($"benchmark case '{name}' returned {returned}; it must return {expectation}, or its figure measures something else");
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-38} {runs,5} {times[runs / 2],10:F2} {times[(int)(runs * 0.95)],8:F2} {returned,10}");
    }

    public static Func<int, bool> AtLeast(int n) => r => r >= n;
    public static Func<int, bool> Exactly(int n) => r => r == n;
}

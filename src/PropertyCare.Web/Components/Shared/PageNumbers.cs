namespace PropertyCare.Web.Components.Shared;

/// <summary>Which page numbers a pager shows: the first and last, the current one with one on each side, and a gap
/// (null) where pages are left out — 1 … 4 5 6 … 40. Never more than seven entries.</summary>
public static class PageNumbers
{
    public static IReadOnlyList<int?> Around(int current, int count)
    {
        if (count <= 7) return [.. Enumerable.Range(1, count).Select(n => (int?)n)];
        current = Math.Clamp(current, 1, count);
        // A window of three around the current page, kept off the first and last page and at least three wide.
        var from = Math.Clamp(current - 1, 2, count - 3);
        var to = from + 2;
        if (current <= 3) { from = 2; to = 4; }
        if (current >= count - 2) { from = count - 3; to = count - 1; }
        var pages = new List<int?> { 1 };
        if (from > 2) pages.Add(null);
        for (var n = from; n <= to; n++) pages.Add(n);
        if (to < count - 1) pages.Add(null);
        pages.Add(count);
        return pages;
    }
}

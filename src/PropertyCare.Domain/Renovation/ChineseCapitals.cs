using System.Text;

namespace PropertyCare.Domain.Renovation;

/// <summary>金额大写 as receipts write it (壹贰叁… 拾佰仟 万亿 元角分), following the rules for filling in bills: 整 after
/// 元 or 角, none after 分; one 零 for any run of zeros inside the number; 零 between 元 and 分 when there are no 角.</summary>
public static class ChineseCapitals
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Places = ["", "拾", "佰", "仟"];
    private static readonly string[] Groups = ["", "万", "亿", "万亿"];

    public static string Of(decimal amount)
    {
        if (amount < 0) return "负" + Of(-amount);
        var cents = (long)Math.Round(amount * 100, MidpointRounding.AwayFromZero);
        long yuan = cents / 100;
        int jiao = (int)(cents / 10 % 10), fen = (int)(cents % 10);
        var sb = new StringBuilder();
        if (yuan > 0) sb.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && fen == 0) return (yuan == 0 ? "零元" : sb.ToString()) + "整";
        if (jiao > 0) sb.Append(Digits[jiao]).Append('角');
        else if (yuan > 0) sb.Append('零');
        if (fen > 0) sb.Append(Digits[fen]).Append('分');
        else sb.Append('整');
        return sb.ToString();
    }

    private static string Integer(long n)
    {
        var groups = new List<int>();
        for (; n > 0; n /= 10000) groups.Add((int)(n % 10000));
        var sb = new StringBuilder();
        var zero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var v = groups[g];
            if (v == 0) { zero = sb.Length > 0; continue; }
            if (sb.Length > 0 && (zero || v < 1000)) sb.Append('零');
            sb.Append(Four(v)).Append(Groups[g]);
            zero = false;
        }
        return sb.ToString();
    }

    private static string Four(int v)
    {
        var sb = new StringBuilder();
        var pending = false;
        for (var p = 3; p >= 0; p--)
        {
            var d = v / (int)Math.Pow(10, p) % 10;
            if (d == 0) { pending = sb.Length > 0; continue; }
            if (pending) sb.Append('零');
            sb.Append(Digits[d]).Append(Places[p]);
            pending = false;
        }
        return sb.ToString();
    }
}

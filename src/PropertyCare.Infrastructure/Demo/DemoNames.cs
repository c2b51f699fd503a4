namespace PropertyCare.Infrastructure.Demo;

/// <summary>Plausible, invented Chinese names and numbers for the demo estates.</summary>
internal static class DemoNames
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马"];
    private static readonly string[] GivenChars =
        ["伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "辉", "建", "国", "晨", "宇", "欣", "怡", "浩", "然", "子", "轩", "梓", "涵", "思", "雨", "嘉", "俊", "文", "博", "佳", "志", "海", "婷", "雪", "琳", "晓", "燕", "斌", "凯", "峰"];
    private static readonly string[] MobilePrefixes = ["138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "185", "187", "188", "189", "133", "153", "180", "181", "177", "199", "166"];
    // Region codes of the demo cities (Chengdu, Chongqing, Hangzhou, Wuhan) and a few places owners come from.
    private static readonly string[] RegionCodes = ["510104", "510107", "500103", "500105", "330106", "420106", "110105", "440305", "320102", "610113"];

    public static string Name(Random r) =>
        Surnames[r.Next(Surnames.Length)] + GivenChars[r.Next(GivenChars.Length)] + (r.Next(4) == 0 ? "" : GivenChars[r.Next(GivenChars.Length)]);

    public static string Mobile(Random r) => MobilePrefixes[r.Next(MobilePrefixes.Length)] + r.Next(0, 100_000_000).ToString("D8");

    public static string ResidentId(Random r)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(r.Next(0, 365 * 50));
        var first17 = RegionCodes[r.Next(RegionCodes.Length)] + birth.ToString("yyyyMMdd") + r.Next(0, 1000).ToString("D3");
        return first17 + Domain.Owners.ContactRules.ResidentIdCheckDigit(first17);
    }

    public static readonly string[] Relations = ["配偶", "子女", "父亲", "母亲", "兄弟姐妹", "其他亲属"];
    public static readonly string[] UnitTypes = ["两室一厅", "两室两厅", "三室两厅", "三室两厅", "四室两厅"];
}

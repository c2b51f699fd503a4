using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class ChineseCapitalsTests
{
    [Theory]
    [InlineData("3000", "叁仟元整")]
    [InlineData("0", "零元整")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("15", "壹拾伍元整")]
    [InlineData("105", "壹佰零伍元整")]
    [InlineData("1005.5", "壹仟零伍元伍角整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("10.05", "壹拾元零伍分")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.5", "伍角整")]
    [InlineData("0.15", "壹角伍分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("100500", "壹拾万零伍佰元整")]
    [InlineData("1000000", "壹佰万元整")]
    [InlineData("1004000", "壹佰万肆仟元整")]
    [InlineData("10020003", "壹仟零贰万零叁元整")]
    [InlineData("3580.75", "叁仟伍佰捌拾元柒角伍分")]
    [InlineData("200000000", "贰亿元整")]
    [InlineData("-25", "负贰拾伍元整")]
    public void Amounts_in_capitals(string amount, string expected) =>
        Assert.Equal(expected, ChineseCapitals.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}

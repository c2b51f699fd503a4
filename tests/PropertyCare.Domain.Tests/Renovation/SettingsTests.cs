using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>装修管理设置: the defaults are valid, every rule of Validate, the deposit per ㎡ and fees rounded to the fen.</summary>
public sealed class SettingsTests
{
    private static List<string> Fields(RenovationSettings s) => s.Validate().Select(e => e.Field).ToList();

    [Fact]
    public void The_defaults_are_valid_and_print_the_hours()
    {
        var s = RenovationSettings.Defaults(4);
        Assert.Empty(s.Validate());
        Assert.Equal(4, s.ProjectId);
        Assert.Equal("08:00–12:00、14:00–18:00", s.HoursText);
        Assert.True(s.NoNoisyWorkOnRestDays);
        Assert.Equal((3, 90, 90), (s.PatrolEveryDays, s.ObservationDays, s.MaxDurationDays));
        Assert.All(s.ScopeCatalog.Where(i => i.Prohibited), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
    }

    [Theory]
    [InlineData(DepositMode.Fixed, 3000, 89.55, 3000)]
    [InlineData(DepositMode.PerSquareMeter, 30, 89.55, 2686.50)]
    [InlineData(DepositMode.PerSquareMeter, 33.33, 89.55, 2984.70)]   // 2984.7015
    [InlineData(DepositMode.PerSquareMeter, 0.05, 0.1, 0.01)]          // 0.005: half away from zero, as receipts are
    [InlineData(DepositMode.PerSquareMeter, 12.25, 100.5, 1231.13)]    // 1231.125
    public void The_deposit_is_fixed_or_per_square_meter_rounded_half_away_from_zero(DepositMode mode, double amount, double area, double expected)
    {
        var s = new RenovationSettings { DepositMode = mode, DepositAmount = (decimal)amount };
        Assert.Equal((decimal)expected, s.DepositFor((decimal)area));
    }

    [Fact]
    public void A_fee_is_fixed_or_per_square_meter()
    {
        Assert.Equal(268.50m, new RenovationFee { Amount = 3m, PerSquareMeter = true }.For(89.5m));
        Assert.Equal(200m, new RenovationFee { Amount = 200m }.For(89.5m));
        Assert.Equal(1.01m, new RenovationFee { Amount = 0.5m, PerSquareMeter = true }.For(2.015m)); // 1.0075
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000.01)]
    [InlineData(100.001)]
    public void The_deposit_must_be_positive_with_two_decimals_at_most(double amount)
    {
        var s = RenovationSettings.Defaults(1);
        s.DepositAmount = (decimal)amount;
        Assert.Contains("DepositAmount", Fields(s));
    }

    [Fact]
    public void Fees_need_a_name_a_positive_amount_and_no_repeats()
    {
        var s = RenovationSettings.Defaults(1);
        s.Fees = [new() { Name = "", Amount = 10 }, new() { Name = "电梯使用费", Amount = 0 }, new() { Name = "电梯使用费", Amount = 1.234m }];
        var e = s.Validate();
        Assert.Equal(4, e.Count(x => x.Field == "Fees")); // no name, 0, three decimals, repeated
        Assert.Contains(e, x => x.Message.Zh == "费用名称重复");
    }

    [Fact]
    public void A_prohibited_item_needs_its_reason_and_items_do_not_repeat()
    {
        var s = RenovationSettings.Defaults(1);
        s.ScopeCatalog.Add(new() { Name = "私搭乱建", Prohibited = true });
        s.ScopeCatalog.Add(new() { Name = "吊顶 " });
        var e = s.Validate().Where(x => x.Field == "ScopeCatalog").Select(x => x.Message.Zh).ToList();
        Assert.Equal(["禁止项“私搭乱建”须写明原因", "装修项目重复"], e);
    }

    [Fact]
    public void Working_windows_must_exist_run_forward_and_not_overlap()
    {
        var s = RenovationSettings.Defaults(1);
        s.WorkingHours = [];
        Assert.Equal(["WorkingHours"], Fields(s));
        s.WorkingHours = [new() { Start = new(12, 0), End = new(8, 0) }];
        Assert.Contains("结束须晚于开始", Assert.Single(s.Validate()).Message.Zh);
        s.WorkingHours = [new() { Start = new(14, 0), End = new(18, 0) }, new() { Start = new(8, 0), End = new(14, 30) }];
        Assert.Equal("允许施工时段有重叠", Assert.Single(s.Validate()).Message.Zh);
        s.WorkingHours = [new() { Start = new(14, 0), End = new(18, 0) }, new() { Start = new(8, 0), End = new(14, 0) }];
        Assert.Empty(s.Validate());
        Assert.Equal("08:00–14:00、14:00–18:00", s.HoursText);
    }

    [Theory]
    [InlineData(0, 90, 90, "PatrolEveryDays")]
    [InlineData(31, 90, 90, "PatrolEveryDays")]
    [InlineData(3, -1, 90, "ObservationDays")]
    [InlineData(3, 366, 90, "ObservationDays")]
    [InlineData(3, 90, 6, "MaxDurationDays")]
    [InlineData(3, 90, 366, "MaxDurationDays")]
    public void Periods_within_their_bounds(int patrol, int observation, int longest, string field)
    {
        var s = RenovationSettings.Defaults(1);
        (s.PatrolEveryDays, s.ObservationDays, s.MaxDurationDays) = (patrol, observation, longest);
        Assert.Equal([field], Fields(s));
    }

    [Fact]
    public void Money_is_formatted_as_receipts_print_it()
    {
        Assert.Equal("¥3,000.00", Money.Format(3000m));
        Assert.Equal("¥0.50", Money.Format(0.5m));
        Assert.Equal(2.68m, Money.Round(2.675m));
    }
}

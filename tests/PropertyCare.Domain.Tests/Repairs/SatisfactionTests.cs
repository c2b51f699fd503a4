using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class SatisfactionTests
{
    [Theory]
    [InlineData(Satisfaction.VerySatisfied, false)]
    [InlineData(Satisfaction.Satisfied, false)]
    [InlineData(Satisfaction.Neutral, false)]
    [InlineData(Satisfaction.Dissatisfied, true)]
    [InlineData(Satisfaction.VeryDissatisfied, true)]
    public void Only_dissatisfied_answers_send_the_work_back(Satisfaction s, bool rework) =>
        Assert.Equal(rework, s.NeedsRework());

    [Theory]
    [InlineData(Satisfaction.VerySatisfied, "非常满意")]
    [InlineData(Satisfaction.Satisfied, "满意")]
    [InlineData(Satisfaction.Neutral, "一般")]
    [InlineData(Satisfaction.Dissatisfied, "不太满意")]
    [InlineData(Satisfaction.VeryDissatisfied, "很不满意")]
    public void Each_level_has_its_chinese_label(Satisfaction s, string label) =>
        Assert.Equal(label, s.Label().Zh);

    [Fact]
    public void The_five_levels_run_from_5_down_to_1()
    {
        Assert.Equal([1, 2, 3, 4, 5], Enum.GetValues<Satisfaction>().Select(s => (int)s).Order());
        Assert.Equal(5, Enum.GetValues<Satisfaction>().Select(s => s.Label().Zh).Distinct().Count());
    }
}

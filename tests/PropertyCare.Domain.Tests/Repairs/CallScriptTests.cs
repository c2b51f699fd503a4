using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class CallScriptTests
{
    private static readonly DateOnly Reported = new(2026, 11, 22);

    [Fact]
    public void The_script_greets_the_owner_by_surname_and_names_the_project_and_caller()
    {
        var s = CallScript.For("阳光花园", "李娜", " 王建国 ", Reported, "水电", 1);

        Assert.Contains("阳光花园", s.Greeting);
        Assert.Contains("李娜", s.Greeting);
        Assert.Contains("王先生/女士", s.Greeting);
        Assert.DoesNotContain("王建国", s.Greeting);
        Assert.Equal("您好！我是阳光花园客服中心的回访员李娜，请问这是王先生/女士家吗？能打扰您一会儿吗？", s.Greeting);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_an_owner_name_the_script_says_owner(string? ownerName)
    {
        var s = CallScript.For("阳光花园", "李娜", ownerName, Reported, "水电", 1);
        Assert.Contains("这是业主家吗", s.Greeting);
        Assert.DoesNotContain("先生/女士", s.Greeting);
    }

    [Fact]
    public void The_first_question_names_the_date_and_category()
    {
        var s = CallScript.For("阳光花园", "李娜", "王建国", Reported, "管道疏通", 1);
        Assert.Equal("您11月22日报修的管道疏通问题，维修师傅已经处理完毕，请问现在使用正常吗？", s.Questions[0]);
        Assert.Contains("1月5日", CallScript.For("阳光花园", "李娜", "王建国", new DateOnly(2026, 1, 5), "门窗", 1).Questions[0]);
    }

    [Fact]
    public void The_script_asks_about_attitude_cleanup_fee_and_satisfaction_and_says_goodbye()
    {
        var s = CallScript.For("阳光花园", "李娜", "王建国", Reported, "水电", 1);
        Assert.Equal(5, s.Questions.Count);
        Assert.Contains("服务态度", s.Questions[1]);
        Assert.Contains("清理现场", s.Questions[2]);
        Assert.Contains("收费", s.Questions[3]);
        Assert.All(Enum.GetValues<Satisfaction>(), level => Assert.Contains(level.Label().Zh, s.Questions[4]));
        Assert.Contains("感谢", s.Closing);
        Assert.Contains("再见", s.Closing);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_callback_after_rework_asks_whether_the_problem_is_solved_now(int round)
    {
        var first = CallScript.For("阳光花园", "李娜", "王建国", Reported, "水电", 1);
        var again = CallScript.For("阳光花园", "李娜", "王建国", Reported, "水电", round);

        Assert.NotEqual(first.Questions[0], again.Questions[0]);
        Assert.Equal("您11月22日报修的水电问题，我们安排师傅再次上门处理了，请问现在解决了吗？", again.Questions[0]);
        Assert.Equal(first.Greeting, again.Greeting);
        Assert.Equal(first.Questions.Skip(1), again.Questions.Skip(1));
        Assert.Equal(first.Closing, again.Closing);
    }
}

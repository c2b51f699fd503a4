using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.ApplicationFixture;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>Filing and changing an application: the form's rules, the scope copied from the project's list with its
/// review marks, prohibited works refused with the project's reason, and the dates.</summary>
public sealed class ApplicationFormTests
{
    private static ValidationException Refused(ApplicationDetails d) =>
        Assert.Throws<ValidationException>(() => RenovationApplication.File(7, 3, d, Settings, false, "u-desk", Now, Today));

    [Fact]
    public void A_good_form_is_filed_submitted_with_the_scope_copied_and_marked_for_review()
    {
        var a = RenovationApplication.File(7, 3, Form(), Settings, byOwner: false, "u-desk", Now, Today);
        Assert.Equal(RenovationStatus.Submitted, a.Status);
        Assert.False(a.FiledByOwner);
        Assert.Equal("u-desk", a.FiledBy);
        Assert.Equal(["墙面涂刷/贴砖", "水电改造"], a.Scope.Select(s => s.Name));
        Assert.False(a.Scope[0].NeedsReview);
        Assert.True(a.Scope[1].NeedsReview);
        Assert.True(a.NeedsEngineeringReview);
        Assert.Equal("91330100MA2B3C4D5E", a.ContractorLicence);
        Assert.Equal(a.PlannedEnd, a.ApprovedEnd);
        Assert.Null(a.Notes);
    }

    [Fact]
    public void Without_items_needing_review_the_application_does_not_need_engineering_review()
    {
        var a = RenovationApplication.File(7, 3, Form("吊顶", "地面铺装"), Settings, true, "u", Now, Today);
        Assert.False(a.NeedsEngineeringReview);
    }

    [Theory]
    [InlineData("拆改承重墙、梁、柱", "危及建筑结构安全")]
    [InlineData("移动燃气管道", "燃气设施只能由燃气公司改动")]
    [InlineData("改变外立面/外窗", "业主公约禁止")]
    public void A_prohibited_item_is_refused_with_the_projects_reason(string item, string reason)
    {
        var e = Refused(Form("吊顶", item));
        var error = Assert.Single(e.Errors);
        Assert.Equal("Scope", error.Field);
        Assert.Contains("禁止项", error.Message.Zh);
        Assert.Contains(reason, error.Message.Zh);
        Assert.Contains("prohibited", error.Message.En);
    }

    [Fact]
    public void An_item_not_on_the_projects_list_and_an_empty_scope_are_refused()
    {
        Assert.Contains("不在本项目的装修项目清单中", Assert.Single(Refused(Form("挖地下室")).Errors).Message.Zh);
        var empty = Form() with { Scope = ["  "] };
        Assert.Equal("请选择装修项目", Assert.Single(Refused(empty).Errors).Message.Zh);
    }

    [Fact]
    public void The_same_item_twice_is_one_line()
    {
        var a = RenovationApplication.File(7, 3, Form("吊顶", " 吊顶 "), Settings, true, "u", Now, Today);
        Assert.Single(a.Scope);
    }

    [Fact]
    public void Every_missing_contractor_field_is_reported_at_once()
    {
        var e = Refused(Form() with { ContractorCompany = "", ContractorLicence = " ", ContractorPerson = "", ContractorPhone = "" });
        Assert.Equal(["ContractorCompany", "ContractorLicence", "ContractorPerson", "ContractorPhone"], e.Errors.Select(x => x.Field));
        Assert.Equal("负责人电话格式不正确", Assert.Single(Refused(Form() with { ContractorPhone = "12345" }).Errors).Message.Zh);
    }

    [Fact]
    public void A_start_in_the_past_an_end_before_the_start_and_a_too_long_period_are_refused()
    {
        Assert.Equal("PlannedStart", Assert.Single(Refused(Form() with { PlannedStart = Today.AddDays(-1) }).Errors).Field);
        Assert.Equal("PlannedEnd", Assert.Single(Refused(Form() with { PlannedEnd = Today.AddDays(2) }).Errors).Field);
        // 90 days including both ends is the limit; 91 is one too many.
        var ok = RenovationApplication.File(7, 3, Form() with { PlannedStart = Today, PlannedEnd = Today.AddDays(89) }, Settings, true, "u", Now, Today);
        Assert.Equal(Today.AddDays(89), ok.PlannedEnd);
        var e = Refused(Form() with { PlannedStart = Today, PlannedEnd = Today.AddDays(90) });
        Assert.Contains("不能超过 90 天", Assert.Single(e.Errors).Message.Zh);
    }

    [Fact]
    public void The_applicant_changes_the_form_while_submitted_or_returned_but_not_after_the_desk_passed_it()
    {
        var a = Submitted();
        a.Change(Form("吊顶"), Settings, Today);
        Assert.Equal(["吊顶"], a.Scope.Select(s => s.Name));
        a.DeskCheck(false, "缺少水电图", "u-desk", Now);
        a.Change(Form("吊顶", "厨卫防水") with { PlannedEnd = Today.AddDays(40) }, Settings, Today);
        Assert.Equal(Today.AddDays(40), a.ApprovedEnd);
        a.Resubmit();
        a.DeskCheck(true, null, "u-desk", Now);
        Assert.Throws<IllegalStepException>(() => a.Change(Form(), Settings, Today));
    }

    [Fact]
    public void A_refused_change_leaves_the_application_as_it_was()
    {
        var a = Submitted();
        Assert.Throws<ValidationException>(() => a.Change(Form("吊顶", "移动燃气管道") with { ContractorCompany = "新公司" }, Settings, Today));
        Assert.Equal("鑫家装饰工程有限公司", a.ContractorCompany);
        Assert.Equal(2, a.Scope.Count);
    }
}

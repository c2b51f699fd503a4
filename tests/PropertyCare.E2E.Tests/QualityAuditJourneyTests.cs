using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Issue 15's journeys as HQ and a project live them. (1) Two-level callback: the manager runs the weekly
/// sample job now (后台任务 → 立即执行) and last week's callbacks are drawn → the HQ auditor re-calls one, the owner says
/// the callback never happened (不实) → a 整改通知 reaches the project manager → the manager answers with the
/// rectification → HQ accepts it, and the notice is closed on both sides. (2) Survey: HQ starts a company-wide
/// satisfaction survey → the demo owner answers it on a phone → the results page and the HQ dashboard show the answer.</summary>
[Collection("app")]
public class QualityAuditJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Weekly_sample_is_drawn_hq_finds_an_untrue_callback_the_manager_rectifies_and_hq_accepts()
    {
        // 1. The weekly draw, run now from 后台任务: the demo leaves last week's callbacks of 翠湖花园 undrawn.
        const string samples = "SELECT COUNT(*) FROM CallbackSamples WHERE ProjectId = 1";
        var samplesBefore = app.Query(samples, r => r.GetInt32(0));
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/jobs");
        await manager.ClickAsync("[data-test=run-now][data-key=quality-callback-sample]", new() { Timeout = 15_000 });
        await WaitForAsync(() => app.Query(samples, r => r.GetInt32(0)) > samplesBefore, "the weekly sample was not drawn");
        var sampleId = app.Query("SELECT MAX(Id) FROM CallbackSamples WHERE ProjectId = 1", r => r.GetInt32(0));
        var drawn = app.Query($"SELECT Drawn FROM CallbackSamples WHERE Id = {sampleId}", r => r.GetInt32(0));
        Assert.True(drawn >= 1, "the draw picked nothing");
        Assert.Equal(drawn, app.Query($"SELECT COUNT(*) FROM CallbackAudits WHERE SampleId = {sampleId}", r => r.GetInt32(0)));
        // The sample never changes: a second run draws nothing more.
        const string runs = "SELECT COUNT(*) FROM JobRuns WHERE ProjectId = 1 AND JobKey = 'quality-callback-sample' AND Status = 1";
        var ranBefore = app.Query(runs, r => r.GetInt32(0));
        await manager.GotoAsync("/p/1/jobs");
        await manager.ClickAsync("[data-test=run-now][data-key=quality-callback-sample]", new() { Timeout = 15_000 });
        await WaitForAsync(() => app.Query(runs, r => r.GetInt32(0)) > ranBefore, "the second run did not finish");
        Assert.Equal(samplesBefore + 1, app.Query(samples, r => r.GetInt32(0)));
        Assert.Equal(drawn, app.Query($"SELECT COUNT(*) FROM CallbackAudits WHERE SampleId = {sampleId}", r => r.GetInt32(0)));

        // 2. The HQ auditor opens one of the new re-calls from the worklist and records 不实.
        var auditId = app.Query($"SELECT MIN(Id) FROM CallbackAudits WHERE SampleId = {sampleId} AND Status = 0", r => r.GetInt32(0));
        var hq = await app.SignInAsync("hq");
        await hq.GotoAsync("/hq/audits");
        await hq.ClickAsync($"[data-test=audit-link][href='/hq/audits/{auditId}']", new() { Timeout = 15_000 });
        await hq.WaitForSelectorAsync("[data-test=audit-script]", Visible);
        await Assertions.Expect(hq.Locator("[data-test=project-answer]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Without a note a 不实 is refused and nothing is saved.
        await hq.ClickAsync("[data-test=auth-untrue]");
        await hq.ClickAsync("[data-test=sat-Neutral]");
        await hq.WaitForSelectorAsync("[data-test=notice-will-issue]", Visible);
        await hq.ClickAsync("[data-test=record-audit]");
        await Assertions.Expect(hq.Locator(".mud-input-error").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, app.Query($"SELECT Status FROM CallbackAudits WHERE Id = {auditId}", r => r.GetInt32(0)));
        await hq.FillAsync("[data-test=audit-notes]", "业主表示没有接到物业回访电话，问题也没有修好");
        await hq.ClickAsync("[data-test=record-audit]");
        await hq.WaitForSelectorAsync("[data-test=audit-result]", Visible);
        Assert.Equal(2, app.Query($"SELECT Authenticity FROM CallbackAudits WHERE Id = {auditId}", r => r.GetInt32(0))); // 不实
        var noticeId = app.Query($"SELECT NoticeId FROM CallbackAudits WHERE Id = {auditId}", r => r.GetInt32(0));
        var number = app.Query($"SELECT Number FROM RectificationNotices WHERE Id = {noticeId}", r => r.GetString(0));
        Assert.StartsWith("ZG-", number);
        await Assertions.Expect(hq.Locator("[data-test=notice-link]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // 3. The notice reaches the manager (message and list), who answers with the rectification.
        Assert.True(app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE ProjectId = 1 AND (Body LIKE '%{number}%' OR Subject LIKE '%{number}%')", r => r.GetInt32(0)) >= 1,
            "the manager was not told");
        await manager.GotoAsync("/p/1/quality/notices");
        await Assertions.Expect(manager.Locator("[data-test=notice-row]").Filter(new() { HasText = number })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await manager.GotoAsync($"/p/1/quality/notices/{noticeId}");
        await manager.WaitForSelectorAsync("[data-test=answer-form]", Visible);
        await Assertions.Expect(manager.Locator("[data-test=notice-finding]")).ToContainTextAsync("不属实", Soon);
        await manager.FillAsync("[data-test=answer-text]", "已约谈回访专员并重新回访业主，工单已安排返修，回访录音每周抽查");
        await manager.ClickAsync("[data-test=answer-notice]");
        await WaitForAsync(() => app.Query($"SELECT Status FROM RectificationNotices WHERE Id = {noticeId}", r => r.GetInt32(0)) == 1, "the answer was not saved");

        // 4. HQ accepts it: closed, on both sides.
        await hq.GotoAsync($"/hq/notices/{noticeId}");
        await Assertions.Expect(hq.Locator("[data-test=notice-round-answer]").First).ToContainTextAsync("重新回访业主", Soon);
        await hq.FillAsync("[data-test=review-note]", "整改到位");
        await hq.ClickAsync("[data-test=accept-notice]");
        await WaitForAsync(() => app.Query($"SELECT Status FROM RectificationNotices WHERE Id = {noticeId}", r => r.GetInt32(0)) == 2, "the notice was not accepted");
        await manager.GotoAsync($"/p/1/quality/notices/{noticeId}");
        await Assertions.Expect(manager.Locator("[data-test=notice-view]")).ToContainTextAsync("已验收", Soon);
        Assert.Equal(0, await manager.Locator("[data-test=answer-form]").CountAsync());
    }

    [Fact]
    public async Task Hq_starts_a_survey_the_owner_answers_on_a_phone_and_the_results_reach_the_hq_dashboard()
    {
        // 1. HQ creates a company-wide campaign (the standard questionnaire, today to two weeks on, a random 20 % of the
        //    occupied units with an owner) and starts it. The demo owner's units are vacant and not yet delivered — not asked.
        var title = $"E2E满意度调查{DateTime.UtcNow:HHmmssfff}";
        var hq = await app.SignInAsync("hq");
        await hq.GotoAsync("/hq/surveys/new");
        await hq.WaitForSelectorAsync("[data-test=campaign-save]", Visible);
        await hq.FillAsync("[data-test=campaign-title]", title);
        // A 20 % sample (seed recorded): a real choice for a large company, and it keeps this test's SMS few.
        await hq.ClickAsync("[data-test=target-sample]");
        await hq.FillAsync("[data-test=campaign-percent]", "20");
        await hq.ClickAsync("[data-test=campaign-save]");
        await hq.WaitForURLAsync(new Regex(@"/hq/surveys/\d+$"), new() { Timeout = 15_000 });
        var campaignId = int.Parse(hq.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await hq.ClickAsync("[data-test=campaign-start]", new() { Timeout = 15_000 });
        await hq.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "开始", Exact = true }).ClickAsync();
        await Assertions.Expect(hq.Locator("[data-test=campaign-status]")).ToContainTextAsync("进行中", Soon);
        const string ownerUnits = "SELECT UnitId FROM UnitOwnerships WHERE OwnerId = (SELECT OwnerId FROM AspNetUsers WHERE UserName = 'owner')";
        Assert.True(app.Query($"SELECT COUNT(*) FROM SurveyInvitations WHERE CampaignId = {campaignId}", r => r.GetInt32(0)) > 1, "nobody was invited");
        Assert.Equal(0, app.Query($"SELECT COUNT(*) FROM SurveyInvitations WHERE CampaignId = {campaignId} AND UnitId IN ({ownerUnits})", r => r.GetInt32(0)));
        Assert.Equal(0, app.Query($"SELECT COUNT(*) FROM SurveyInvitations i JOIN Units u ON u.Id = i.UnitId WHERE i.CampaignId = {campaignId} AND u.State <> 3", r => r.GetInt32(0)));

        // 2. The demo owner answers the month's open survey (the demo asked them) on a phone: 满意 or better, one comment.
        var openId = app.Query($"SELECT MIN(c.Id) FROM SurveyCampaigns c JOIN SurveyInvitations i ON i.CampaignId = c.Id WHERE c.Status = 1 AND i.UnitId IN ({ownerUnits})", r => r.GetInt32(0));
        var answeredBefore = app.Query($"SELECT COUNT(*) FROM SurveyResponses WHERE CampaignId = {openId}", r => r.GetInt32(0));
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.GotoAsync("/my/surveys");
        await owner.ClickAsync($"[data-test=my-survey][href='/my/surveys/{openId}']", new() { Timeout = 15_000 });
        var unit = owner.Locator("[data-test=my-survey-unit]").First;
        await Assertions.Expect(unit).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Another test may have answered it already: the answer can be changed while the survey is open.
        if (await unit.Locator("[data-test=my-survey-change]").CountAsync() > 0) await unit.Locator("[data-test=my-survey-change]").ClickAsync();
        await Assertions.Expect(unit.Locator("[data-test=my-survey-submit]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var items = unit.Locator("[data-test=score-item]");
        var n = await items.CountAsync();
        Assert.True(n >= 6, "the standard questionnaire has at least six questions");
        for (var i = 0; i < n; i++) await items.Nth(i).Locator(i == 0 ? "[data-test=score-4]" : "[data-test=score-5]").ClickAsync();
        await unit.Locator("[data-test=answer-comment]").FillAsync("保洁很用心，希望停车场晚上多巡逻");
        await unit.Locator("[data-test=my-survey-submit]").ClickAsync();
        await Assertions.Expect(unit.Locator("[data-test=my-survey-answered]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var answered = app.Query($"SELECT COUNT(*) FROM SurveyResponses WHERE CampaignId = {openId}", r => r.GetInt32(0));
        Assert.InRange(answered, Math.Max(1, answeredBefore), answeredBefore + 1);
        Assert.Equal(0, app.Query($"SELECT Channel FROM SurveyResponses WHERE CampaignId = {openId} AND Comment LIKE '%停车场晚上%'", r => r.GetInt32(0))); // 业主自填
        var invited = app.Query($"SELECT COUNT(*) FROM SurveyInvitations WHERE CampaignId = {openId}", r => r.GetInt32(0));

        // 3. HQ sees it: the comment on the results page, and the survey panel of the HQ dashboard with the new count.
        await hq.GotoAsync($"/hq/surveys/{openId}");
        await Assertions.Expect(hq.Locator("[data-test=survey-comments]")).ToContainTextAsync("停车场晚上多巡逻", Soon);
        await hq.GotoAsync("/hq");
        var row = hq.Locator($"[data-test=dash-survey-row][data-campaign='{openId}']");
        await Assertions.Expect(row).ToContainTextAsync($"{answered}/{invited}", Soon);
        await Assertions.Expect(row.Locator("[data-test=dash-survey-index]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(hq.Locator($"[data-test=dash-survey-row][data-campaign='{campaignId}']")).ToContainTextAsync(title, Soon);
        await Assertions.Expect(hq.Locator("[data-test=dash-rank-row]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    private static async Task WaitForAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 60; i++)
        {
            if (done()) return;
            await Task.Delay(500);
        }
        Assert.Fail(what);
    }
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>axe-core in the real browser on the pages people use most: no serious or critical violation
/// (contrast, labels, names of buttons and dialogs, landmarks …). A failure lists each rule with the
/// elements that break it.</summary>
[Collection("app")]
public sealed class AccessibilityTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task Login_page_has_no_serious_violations()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.WaitForSelectorAsync("#username", Visible);
        await AssertNoSeriousAsync(page, "login");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Owner_code_page_has_no_serious_violations()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/code");
        await page.WaitForSelectorAsync("#code", Visible);
        await AssertNoSeriousAsync(page, "owner code");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Password_page_has_no_serious_violations()
    {
        var page = await app.SignInAsync("staff");
        await page.ClickAsync("[data-test=change-password]");
        await page.WaitForSelectorAsync("#current", Visible);
        await AssertNoSeriousAsync(page, "change password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Desk_pages_have_no_serious_violations()
    {
        var ownerId = app.Query("SELECT Id FROM Owners WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var orderId = app.Query("SELECT Id FROM RepairOrders WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var page = await app.SignInAsync("staff");
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("staff home", "/p/1/home", "[data-test=home-counters]"),
            ("owner list", "/p/1/owners", "[data-test=owner-link]"),
            ("owner detail", $"/p/1/owners/{ownerId}", "[data-test=edit-owner]"),
            ("repair list", "/p/1/repairs", "[data-test=repair-row]"),
            ("new repair", "/p/1/repairs/new", "[data-test=save-repair]"),
            ("repair detail", $"/p/1/repairs/{orderId}", "[data-test=repair-status]"),
            ("callback worklist", "/p/1/callbacks", "[data-test=bucket-DueToday], [data-test=callback-item], [data-test=empty]"),
        };
        foreach (var (name, path, ready) in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(page, name);
        }
        await page.Context.CloseAsync();
    }

    // Complaints (客户投诉) part A: the desk registers a complaint on the record sheet, then its page (with the classify
    // form open), the list with its row and the settings; the technician's own list (empty state or rows).
    [Fact]
    public async Task Complaint_desk_pages_have_no_serious_violations()
    {
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/complaints/new");
        await manager.WaitForSelectorAsync("[data-test=register-complaint]", Visible);
        await AssertNoSeriousAsync(manager, "new complaint");
        await manager.FillAsync("[data-test=customer-name]", "无障碍测试");
        await manager.FillAsync("[data-test=complaint-facts]", "电梯按钮失灵");
        await manager.ClickAsync("[data-test=register-complaint]");
        await manager.WaitForSelectorAsync("[data-test=complaint-status]", Visible);
        // Loaded afresh: the "registered" snackbar fading in is not the page.
        await manager.GotoAsync(manager.Url);
        await manager.WaitForSelectorAsync("[data-test=complaint-status]", Visible);
        await AssertNoSeriousAsync(manager, "complaint page");
        await manager.ClickAsync("[data-test=action-classify]");
        await manager.WaitForSelectorAsync("[data-test=form-classify]", Visible);
        await AssertNoSeriousAsync(manager, "complaint classify form");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("complaint list", "/p/1/complaints", "[data-test=complaint-row]"),
            ("complaint settings", "/p/1/complaints/settings", "[data-test=save-complaint-settings]"),
        })
        {
            await manager.GotoAsync(path);
            await manager.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(manager, name);
        }
        await manager.Context.CloseAsync();

        var tech = await app.SignInAsync("tech", viewport: new() { Width = 390, Height = 844 });
        await tech.GotoAsync("/p/1/complaints");
        await tech.WaitForSelectorAsync("[data-test=complaint-row], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(tech, "department user's complaints (phone)");
        await tech.Context.CloseAsync();
    }

    [Fact]
    public async Task Head_office_overview_has_no_serious_violations()
    {
        var page = await app.SignInAsync("hq");
        await page.GotoAsync("/hq");
        await page.WaitForSelectorAsync("[data-test=hq-row]", Visible);
        await AssertNoSeriousAsync(page, "hq overview");
        await page.Context.CloseAsync();
    }

    // Issue 15 Part C: KPI ranking, a drill-down, weights, HQ's reports, the project's reports (empty until the jobs ran).
    [Fact]
    public async Task Kpi_and_report_pages_have_no_serious_violations()
    {
        var hq = await app.SignInAsync("hq");
        await hq.ClickAsync("[data-test=nav-hq-kpis]");
        await hq.WaitForSelectorAsync("[data-test=kpi-row]", Visible);
        await AssertNoSeriousAsync(hq, "hq kpis");
        await hq.ClickAsync("[data-test=kpi-drill] >> nth=0");
        await hq.WaitForSelectorAsync("[data-test=kpi-drill-value]", Visible);
        await AssertNoSeriousAsync(hq, "hq kpi drill-down");
        await hq.GotoAsync("/hq/kpis/weights");
        await hq.WaitForSelectorAsync("[data-test=kpi-weights-save]", Visible);
        await AssertNoSeriousAsync(hq, "hq kpi weights");
        await hq.ClickAsync("[data-test=nav-hq-reports]");
        await hq.WaitForSelectorAsync("[data-test=reports-list], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(hq, "hq reports");
        await hq.Context.CloseAsync();
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/quality/reports");
        await manager.WaitForSelectorAsync("[data-test=reports-list], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(manager, "project quality reports");
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task Account_audit_has_no_serious_violations()
    {
        var page = await app.SignInAsync("hq");
        await page.ClickAsync("[data-test=nav-account-events]");
        await page.WaitForSelectorAsync("[data-test=account-events], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(page, "account audit");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Owner_portal_on_a_phone_has_no_serious_violations()
    {
        var page = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await page.GotoAsync("/my");
        await page.WaitForSelectorAsync("[data-test=my-unit]", Visible);
        await page.WaitForSelectorAsync("[data-test=service-grid]", Visible);
        await AssertNoSeriousAsync(page, "portal home");
        // 全部服务 from the bottom bar: every service one tap away (the bar keeps five tabs on a phone).
        await page.ClickAsync("[data-test=nav-my-services]");
        await page.WaitForSelectorAsync("[data-test=service-renovations]", Visible);
        await AssertNoSeriousAsync(page, "portal services");
        await page.ClickAsync("[data-test=service-renovations]");
        await page.WaitForURLAsync("**/my/renovations", new() { Timeout = 15_000 });
        await page.GotoAsync("/my/repairs/new");
        await page.WaitForSelectorAsync("[data-test=submit-request]", Visible);
        await AssertNoSeriousAsync(page, "portal new repair");
        await page.Context.CloseAsync();
    }

    // Move-in (入伙): batches, batch page, day list, notice, take-over, open defects; the owner's booking on a phone.
    [Fact]
    public async Task Move_in_pages_have_no_serious_violations()
    {
        var batchId = app.Query("SELECT Id FROM DeliveryBatches WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var (appointmentId, day) = app.Query("SELECT a.Id, s.Day FROM DeliveryAppointments a JOIN DeliverySlots s ON s.Id = a.SlotId WHERE a.ProjectId = 1 ORDER BY a.Id LIMIT 1",
            r => (r.GetInt32(0), r.GetString(1)));
        var takeOverId = app.Query("SELECT Id FROM TakeOverInspections WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var page = await app.SignInAsync("staff");
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("move-in batches", "/p/1/move-in", "[data-test=batch-row]"),
            ("new batch", "/p/1/move-in/batches/new", "[data-test=save-batch]"),
            ("batch", $"/p/1/move-in/batches/{batchId}", "[data-test=batch-unit-row]"),
            ("day appointments", $"/p/1/move-in/appointments?day={day}", "[data-test=appointment-row]"),
            ("move-in notice", $"/p/1/move-in/appointments/{appointmentId}/notice", "[data-test=notice-sheet]"),
            ("take-over", $"/p/1/move-in/take-over/{takeOverId}", "[data-test=defect]"),
            ("open defects", "/p/1/move-in/defects", "[data-test=open-defect]"),
        };
        foreach (var (name, path, ready) in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(page, name);
        }
        await page.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/move-in");
        await owner.WaitForSelectorAsync("[data-test=pick-slot], [data-test=my-appointment]", Visible);
        await AssertNoSeriousAsync(owner, "portal move-in");
        await owner.Context.CloseAsync();
    }

    // Renovation part C: the patrol worklist, the works page on a phone and the stop-work notice (a stopped renovation is
    // set up in the database as the application steps would leave it).
    [Fact]
    public async Task Renovation_works_pages_have_no_serious_violations()
    {
        var id = RenovationWorksSetup.StoppedApplication(app);
        var staff = await app.SignInAsync("staff", viewport: new() { Width = 390, Height = 844 });
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("renovation patrol worklist", "/p/1/renovations/patrols", "[data-test=patrol-row]"),
            ("renovation works page (phone)", $"/p/1/renovations/{id}/works", "[data-test=patrol-form]"),
            ("stop-work notice", $"/p/1/renovations/{id}/stop-notice", "[data-test=notice-sheet]"),
        })
        {
            await staff.GotoAsync(path);
            await staff.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(staff, name);
        }
        await staff.Context.CloseAsync();
    }

    // Renovation part B (deposit ledger): the ledger of an application, a receipt, the project's report, HQ's summary.
    [Fact]
    public async Task Deposit_pages_have_no_serious_violations()
    {
        var applicationId = app.Query("SELECT COALESCE(MIN(Id), 0) FROM RenovationApplications WHERE ProjectId = 1", r => r.GetInt32(0));
        var entryId = app.Query("SELECT COALESCE(MIN(Id), 0) FROM DepositLedger WHERE ProjectId = 1 AND ReceiptNumber IS NOT NULL", r => r.GetInt64(0));
        var manager = await app.SignInAsync("manager");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("deposits report", "/p/1/renovations/deposits", "[data-test=deposit-stats]"),
            ("deposit ledger", $"/p/1/renovations/{applicationId}/deposit", "[data-test=deposit-summary], [data-test=not-found]"),
            ("deposit receipt", $"/p/1/renovations/receipts/{entryId}/print", "[data-test=receipt-sheet], [data-test=not-found]"),
        })
        {
            await manager.GotoAsync(path);
            await manager.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(manager, name);
        }
        await manager.Context.CloseAsync();

        var hq = await app.SignInAsync("hq");
        await hq.GotoAsync("/hq/deposits");
        await hq.WaitForSelectorAsync("[data-test=hq-deposit-row]", Visible);
        await AssertNoSeriousAsync(hq, "hq deposits");
        await hq.ClickAsync("[data-test=hq-deposit-drill] >> nth=0");
        await hq.WaitForSelectorAsync("[data-test=hq-deposit-drilldown]", Visible);
        await AssertNoSeriousAsync(hq, "hq deposits drill-down");
        await hq.Context.CloseAsync();
    }

    // Complaints part C: the statistics page on the demo's complaints (this month, then the quarter).
    [Fact]
    public async Task Complaint_statistics_page_has_no_serious_violations()
    {
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/complaints/statistics");
        await manager.WaitForSelectorAsync("[data-test=complaint-figures]", Visible);
        await AssertNoSeriousAsync(manager, "complaint statistics");
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task Vacant_unit_pages_have_no_serious_violations()
    {
        var inspectionId = app.Query("SELECT Id FROM VacantUnitInspections WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var unitId = app.Query("SELECT UnitId FROM VacantUnitInspections WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var custodyId = app.Query("SELECT Id FROM KeyCustodies WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var manager = await app.SignInAsync("manager");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("vacant units", "/p/1/vacant", "[data-test=vacant-coverage]"),
            ("vacant inspection record", $"/p/1/vacant/inspections/{inspectionId}", "[data-test=inspection-findings]"),
            ("key custody list", "/p/1/vacant/keys", "[data-test=key-row]"),
            ("key custody", $"/p/1/vacant/keys/{custodyId}", "[data-test=loan-log]"),
            ("vacant settings", "/p/1/vacant/settings", "[data-test=save-frequency]"),
            ("staff home with vacant panel", "/p/1/home", "[data-test=home-vacant]"),
        })
        {
            await manager.GotoAsync(path);
            await manager.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(manager, name);
        }
        await manager.Context.CloseAsync();

        var staff = await app.SignInAsync("staff", viewport: new() { Width = 390, Height = 844 });
        await staff.GotoAsync($"/p/1/vacant/inspect/{unitId}");
        await staff.WaitForSelectorAsync("[data-test=inspect-submit]", Visible);
        await AssertNoSeriousAsync(staff, "vacant inspection form (phone)");
        await staff.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/inspections");
        await owner.WaitForSelectorAsync("[data-test=my-inspection]", Visible);
        await AssertNoSeriousAsync(owner, "portal inspections");
        await owner.ClickAsync("[data-test=my-inspection]");
        await owner.WaitForSelectorAsync("[data-test=inspection-findings]", Visible);
        await AssertNoSeriousAsync(owner, "portal inspection");
        await owner.Context.CloseAsync();
    }

    // Renovation (装修) part A: the application pages of the desk and the manager, and the owner's on a phone.
    [Fact]
    public async Task Renovation_application_pages_have_no_serious_violations()
    {
        var working = app.Query("SELECT Id FROM RenovationApplications WHERE ProjectId = 1 AND Status = 5 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var manager = await app.SignInAsync("manager");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("renovation list", "/p/1/renovations", "[data-test=renovation-row]"),
            ("new renovation", "/p/1/renovations/new", "[data-test=file-renovation]"),
            ("renovation", $"/p/1/renovations/{working}", "[data-test=workers]"),
            ("renovation settings", "/p/1/renovations/settings", "[data-test=save-settings]"),
            ("renovation permit", $"/p/1/renovations/{working}/permit", "[data-test=permit-sheet]"),
            ("worker passes", $"/p/1/renovations/{working}/passes", "[data-test=passes-sheet]"),
        })
        {
            await manager.GotoAsync(path);
            await manager.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(manager, name);
        }
        await manager.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/renovations");
        await owner.WaitForSelectorAsync("[data-test=my-renovation]", Visible);
        await AssertNoSeriousAsync(owner, "portal renovations");
        await owner.ClickAsync("[data-test=my-renovation]");
        await owner.WaitForSelectorAsync("[data-test=next-step]", Visible);
        await AssertNoSeriousAsync(owner, "portal renovation");
        await owner.GotoAsync("/my/renovations/new");
        // The form, or (while the owner's unit has an open application, before the journey withdraws it) why there is none.
        await owner.WaitForSelectorAsync("[data-test=scope], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(owner, "portal renovation form");
        await owner.Context.CloseAsync();
    }

    // Complaints part B: the owner's complaint pages on a 375 px phone (the list, the form, a complaint just filed),
    // then the desk's record and handling sheets of it.
    [Fact]
    public async Task Complaint_portal_and_sheet_pages_have_no_serious_violations()
    {
        var owner = await app.SignInAsync("owner", viewport: new() { Width = 375, Height = 812 });
        await owner.GotoAsync("/my/complaints");
        await owner.WaitForSelectorAsync("[data-test=my-complaint], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(owner, "portal complaints");
        await owner.GotoAsync("/my/complaints/new");
        await owner.WaitForSelectorAsync("[data-test=submit-complaint]", Visible);
        await AssertNoSeriousAsync(owner, "portal complaint form");
        await owner.ClickAsync("[data-test=kind-Suggestion]");
        await owner.FillAsync("[data-test=facts]", "建议在 1 栋门口增加两个分类垃圾桶");
        await owner.ClickAsync("[data-test=submit-complaint]");
        await owner.WaitForSelectorAsync("[data-test=deadline]", Visible);
        await AssertNoSeriousAsync(owner, "portal complaint");
        var id = int.Parse(owner.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await owner.Context.CloseAsync();

        var desk = await app.SignInAsync("staff");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("complaint record sheet", $"/p/1/complaints/{id}/record-sheet", "[data-test=record-sheet]"),
            ("complaint handling sheet", $"/p/1/complaints/{id}/handling-sheet", "[data-test=handling-sheet]"),
        })
        {
            await desk.GotoAsync(path);
            await desk.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(desk, name);
        }
        await desk.Context.CloseAsync();
    }

    [Fact]
    public async Task Delivery_pages_have_no_serious_violations()
    {
        // The demo's batch 一期交付: a signed inspection (with defects, signature and a procedure-less unit) and one in progress.
        var (batch, signedUnit, signedId) = app.Query("SELECT BatchId, UnitId, Id FROM DeliveryInspections WHERE ProjectId = 1 AND Status = 1 ORDER BY Id LIMIT 1",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)));
        var openUnit = app.Query("SELECT UnitId FROM DeliveryInspections WHERE ProjectId = 1 AND Status = 0 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var procedureId = app.Query("SELECT Id FROM MoveInProcedures WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var page = await app.SignInAsync("staff", viewport: new() { Width = 1024, Height = 768 }); // a tablet on its side
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("inspection in progress", $"/p/1/move-in/batches/{batch}/units/{openUnit}", "[data-test=inspection-complete]"),
            ("inspection signed", $"/p/1/move-in/batches/{batch}/units/{signedUnit}", "[data-test=defect-repair]"),
            ("inspection form", $"/p/1/move-in/inspections/{signedId}/print", "[data-test=inspection-sheet]"),
            ("key handover form", $"/p/1/move-in/procedures/{procedureId}/print/keys", "[data-test=procedure-sheet]"),
            ("move-in form", $"/p/1/move-in/procedures/{procedureId}/print/procedure", "[data-test=procedure-sheet]"),
        };
        foreach (var (name, path, ready) in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(page, name);
        }
        await page.GotoAsync($"/p/1/move-in/batches/{batch}/units/{signedUnit}");
        await page.ClickAsync("[data-test=tab-procedure]");
        await page.WaitForSelectorAsync("[data-test=procedure-start]", Visible);
        await AssertNoSeriousAsync(page, "procedure not started");
        await page.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/delivery");
        await owner.WaitForSelectorAsync("[data-test=my-inspection], [data-test=empty]", Visible);
        await AssertNoSeriousAsync(owner, "portal delivery inspection");
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task File_pickers_show_our_Chinese_button_not_the_browsers_control()
    {
        // A native file input shows the browser's own "Choose Files / No file chosen" in English; ours are hidden
        // behind a MudBlazor button with a Chinese label.
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync("/p/1/repairs/new");
        await staff.WaitForSelectorAsync("[data-test=save-repair]", Visible);
        await AssertNoVisibleFileInputAsync(staff, "new repair");
        await staff.Context.CloseAsync();

        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/owners/import");
        await manager.WaitForSelectorAsync("[data-test=import-choose]", Visible);
        await AssertNoVisibleFileInputAsync(manager, "owner import");
        await manager.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/repairs/new");
        await owner.WaitForSelectorAsync("[data-test=submit-request]", Visible);
        await AssertNoVisibleFileInputAsync(owner, "portal new repair");
        await owner.Context.CloseAsync();
    }

    // Quality part A (两级回访): HQ's worklist, a call sheet, the notices and settings; the manager's notices and audit results (demo: 翠湖花园).
    [Fact]
    public async Task Quality_audit_pages_have_no_serious_violations()
    {
        var hq = await app.SignInAsync("hq");
        await hq.GotoAsync("/hq/audits");
        await hq.WaitForSelectorAsync("[data-test=audit-row]", Visible);
        await AssertNoSeriousAsync(hq, "hq audit worklist");
        await hq.ClickAsync("[data-test=audit-link] >> nth=0");
        await hq.WaitForSelectorAsync("[data-test=audit-summary]", Visible);
        await AssertNoSeriousAsync(hq, "hq audit call sheet");
        foreach (var (name, path, ready) in new[]
        {
            ("hq notices", "/hq/notices", "[data-test=notice-row]"),
            ("hq quality settings", "/hq/quality-settings", "[data-test=save-quality-settings]"),
        })
        {
            await hq.GotoAsync(path);
            await hq.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(hq, name);
        }
        await hq.GotoAsync("/hq/notices");
        await hq.ClickAsync("[data-test=notice-link] >> nth=0");
        await hq.WaitForSelectorAsync("[data-test=notice-view]", Visible);
        await AssertNoSeriousAsync(hq, "hq notice");
        await hq.Context.CloseAsync();

        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/quality/audits");
        await manager.WaitForSelectorAsync("[data-test=project-audit-row]", Visible);
        await AssertNoSeriousAsync(manager, "project audit results");
        await manager.GotoAsync("/p/1/quality/notices");
        await manager.WaitForSelectorAsync("[data-test=notice-row]", Visible);
        await AssertNoSeriousAsync(manager, "project notices");
        await manager.ClickAsync("[data-test=notice-link] >> nth=0");
        await manager.WaitForSelectorAsync("[data-test=notice-view]", Visible);
        await AssertNoSeriousAsync(manager, "project notice");
        await manager.Context.CloseAsync();
    }

    // Quality part B (满意度调查): HQ's list, templates, new campaign and a closed campaign's results; the manager's list,
    // new campaign, results and phone interviews of the open demo campaign; the owner's surveys and answer form on a phone.
    [Fact]
    public async Task Survey_pages_have_no_serious_violations()
    {
        var hq = await app.SignInAsync("hq");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("hq surveys", "/hq/surveys", "[data-test=survey-row]"),
            ("hq survey templates", "/hq/surveys/templates", "[data-test=template-new]"),
            ("hq new survey", "/hq/surveys/new", "[data-test=campaign-save]"),
        })
        {
            await hq.GotoAsync(path);
            await hq.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(hq, name);
        }
        await hq.GotoAsync("/hq/surveys");
        await hq.ClickAsync("[data-test=survey-row]:has([data-test=survey-status]:has-text('已结束')) [data-test=survey-link]");
        await hq.WaitForSelectorAsync("[data-test=survey-items]", Visible);
        await AssertNoSeriousAsync(hq, "hq survey results");
        await hq.Context.CloseAsync();

        var manager = await app.SignInAsync("manager");
        foreach (var (name, path, ready) in new (string, string, string)[]
        {
            ("project surveys", "/p/1/surveys", "[data-test=survey-row]"),
            ("project new survey", "/p/1/surveys/new", "[data-test=campaign-save]"),
        })
        {
            await manager.GotoAsync(path);
            await manager.WaitForSelectorAsync(ready, Visible);
            await AssertNoSeriousAsync(manager, name);
        }
        await manager.GotoAsync("/p/1/surveys");
        await manager.ClickAsync("[data-test=survey-row]:has([data-test=survey-status]:has-text('进行中')) [data-test=survey-link]");
        await manager.WaitForSelectorAsync("[data-test=survey-items]", Visible);
        await AssertNoSeriousAsync(manager, "project survey results");
        await manager.ClickAsync("[data-test=campaign-interview]");
        await manager.WaitForSelectorAsync("[data-test=interview-pick]", Visible);
        await manager.ClickAsync("[data-test=interview-pick] >> nth=0");
        await manager.WaitForSelectorAsync("[data-test=interview-form]", Visible);
        await AssertNoSeriousAsync(manager, "survey phone interview");
        await manager.Context.CloseAsync();

        var owner = await app.SignInAsync("owner", viewport: new() { Width = 375, Height = 812 });
        await owner.GotoAsync("/my/surveys");
        await owner.WaitForSelectorAsync("[data-test=my-survey]", Visible);
        await AssertNoSeriousAsync(owner, "portal surveys");
        // The month's open demo survey; the survey journey may have answered it already (then: change the answer).
        var openId = app.Query("SELECT MIN(Id) FROM SurveyCampaigns WHERE Status = 1", r => r.GetInt32(0));
        await owner.ClickAsync($"[data-test=my-survey][href='/my/surveys/{openId}']");
        await owner.WaitForSelectorAsync("[data-test=my-survey-unit]", Visible);
        if (await owner.Locator("[data-test=my-survey-submit]").CountAsync() == 0) await owner.ClickAsync("[data-test=my-survey-change] >> nth=0");
        await owner.WaitForSelectorAsync("[data-test=my-survey-submit]", Visible);
        await AssertNoSeriousAsync(owner, "portal survey form");
        await owner.Context.CloseAsync();
    }

    private static async Task AssertNoVisibleFileInputAsync(IPage page, string name)
    {
        var inputs = page.Locator("input[type=file]");
        Assert.True(await inputs.CountAsync() > 0, $"{name}: no file input at all");
        for (var i = 0; i < await inputs.CountAsync(); i++)
            Assert.False(await inputs.Nth(i).IsVisibleAsync(), $"{name}: a native file input is visible");
    }

    private static async Task AssertNoSeriousAsync(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(300); // let transitions (drawer, snackbars) settle before colours are measured
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"[{v.Impact}] {v.Id}: {v.Help} — " + string.Join(" | ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}"));
}

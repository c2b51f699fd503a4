using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>The Content-Security-Policy forbids inline scripts, eval and foreign origins. Chromium reports every
/// refusal on the console ("Refused to …") and as a securitypolicyviolation event; this walks the desk through
/// pages, a MudBlazor dialog with a select and a popover, and the sign-in, and insists on none — while the app
/// still works (the circuit answers clicks).</summary>
[Collection("app")]
public sealed class ContentSecurityPolicyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_desk_works_under_the_policy_without_a_single_violation()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var violations = new List<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Text.Contains("Refused to") || m.Text.Contains("Content Security Policy")) /* Chromium words it either way */ lock (violations) violations.Add(m.Text); };
        page.PageError += (_, e) => { lock (violations) violations.Add("page error: " + e); };
        // The event catches what the console might word differently; it is re-armed on every full page load.
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Refused to (event) ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "staff");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));

        var response = await page.GotoAsync("/p/1/home");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await page.WaitForSelectorAsync("[data-test=home-counters]", Visible);
        await page.GotoAsync("/p/1/owners");
        await page.WaitForSelectorAsync("[data-test=owner-link]", Visible);
        await page.GotoAsync("/p/1/repairs/new");
        await page.WaitForSelectorAsync("[data-test=save-repair]", Visible);

        // A MudBlazor dialog with a select (its options open in a popover) on an order waiting for dispatch.
        var orderId = app.Query("SELECT Id FROM RepairOrders WHERE ProjectId = 1 AND Status = 0 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        await page.GotoAsync($"/p/1/repairs/{orderId}");
        await page.ClickAsync("[data-test=open-dispatch]", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("[data-test=technician-select]", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-test=technician-option]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.Locator("[data-test=technician-option]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=technician-option]").First).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync(new() { Timeout = 15_000 });
        // Nothing was dispatched: the dialog was only looked at.
        Assert.Equal(0, app.Query($"SELECT Status FROM RepairOrders WHERE Id = {orderId}", r => r.GetInt32(0)));

        await page.GotoAsync("/p/1/callbacks");
        await page.WaitForSelectorAsync("[data-test=bucket-DueToday], [data-test=callback-item], [data-test=empty]", Visible);
        await page.WaitForTimeoutAsync(500); // late reports (fonts, images) arrive after the page is ready
        lock (violations) Assert.True(violations.Count == 0, string.Join("\n", violations));
        await context.CloseAsync();
    }
}

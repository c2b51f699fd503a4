using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>预约交付 end to end on the demo batch: the owner picks a slot on a phone, is told by SMS and in the portal,
/// opens the 入伙通知书; the desk finds the booking in the day's list, downloads the notice as a PDF (read back with
/// pdftotext) and marks the owner arrived.</summary>
[Collection("app")]
public sealed class MoveInAppointmentJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };

    [Fact]
    public async Task Owner_books_on_a_phone_desk_prints_the_notice_and_marks_the_arrival()
    {
        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await owner.GotoAsync("/my/move-in");
        var delivery = owner.Locator("[data-test=my-delivery]").First;
        await delivery.Locator("[data-test=pick-slot]:not([disabled])").First.ClickAsync(new() { Timeout = 15_000 });
        await owner.WaitForSelectorAsync("[data-test=my-appointment]", Visible);
        var href = await owner.Locator("[data-test=open-notice]").First.GetAttributeAsync("href");
        var appointmentId = int.Parse(Regex.Match(href!, @"/my/move-in/(\d+)/notice").Groups[1].Value);
        var (ownerName, phone, day) = app.Query(
            $"SELECT o.Name, o.Phone, s.Day FROM DeliveryAppointments a JOIN Owners o ON o.Id = a.OwnerId JOIN DeliverySlots s ON s.Id = a.SlotId WHERE a.Id = {appointmentId}",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        // The owner is told by SMS and in the portal, with the link to the notice.
        Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE DedupKey = 'movein-appt-{appointmentId}-0-sms' AND Recipient = '{phone}' AND Body LIKE '%/my/move-in/{appointmentId}/notice%'", r => r.GetInt32(0)));
        Assert.True(app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE DedupKey LIKE 'movein-appt-{appointmentId}-0-inapp-%'", r => r.GetInt32(0)) >= 1);

        await owner.ClickAsync("[data-test=open-notice]");
        await Assertions.Expect(owner.Locator("[data-test=notice-sheet]")).ToContainTextAsync($"尊敬的 {ownerName} 业主", new() { Timeout = 15_000 });
        await owner.Context.CloseAsync();

        var desk = await app.SignInAsync("staff");
        await desk.GotoAsync($"/p/1/move-in/appointments?day={day}");
        var row = desk.Locator("[data-test=appointment-row]", new() { HasText = ownerName });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await row.Locator("[data-test=notice-link]").ClickAsync();
        await desk.WaitForSelectorAsync("[data-test=notice-sheet]", Visible);
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.ClickAsync("[data-test=download-pdf]"), new() { Timeout = 60_000 });
        var file = Path.Combine(Path.GetTempPath(), $"pc-e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", $"{file} -") { RedirectStandardOutput = true })!;
            var text = Regex.Replace(await p.StandardOutput.ReadToEndAsync(), @"\s+", "");
            await p.WaitForExitAsync();
            Assert.Contains("入伙通知书", text);
            Assert.Contains(ownerName, text);
            Assert.Contains(day, text);
        }
        finally { File.Delete(file); }

        await desk.GotoAsync($"/p/1/move-in/appointments?day={day}");
        row = desk.Locator("[data-test=appointment-row]", new() { HasText = ownerName });
        await row.Locator("[data-test=attend]").ClickAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("已到场", new() { Timeout = 15_000 });
        Assert.Equal(2, app.Query($"SELECT Status FROM DeliveryAppointments WHERE Id = {appointmentId}", r => r.GetInt32(0)));
        await desk.Context.CloseAsync();
    }
}

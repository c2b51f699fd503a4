using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Move-in records and files by URL: another project's inspection, procedure or signature typed into a project
/// the user may enter shows "not found" (and the file endpoint answers 404); an owner gets only the files of an
/// inspection of their own unit.</summary>
[Collection("app")]
public sealed class MoveInUrlIsolationTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task Another_projects_inspection_procedure_and_signature_are_not_found_by_url()
    {
        var (batch, unit, id, signature) = app.Query(
            "SELECT BatchId, UnitId, Id, SignatureFileId FROM DeliveryInspections WHERE ProjectId = 1 AND Status = 1 ORDER BY Id LIMIT 1",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
        var procedure = app.Query("SELECT Id FROM MoveInProcedures WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        // The manager works in projects 1 and 2: project 2 opens, project 1's records are not in it.
        var page = await app.SignInAsync("manager");
        foreach (var path in new[]
                 {
                     $"/p/2/move-in/batches/{batch}/units/{unit}", $"/p/2/move-in/inspections/{id}/print",
                     $"/p/2/move-in/procedures/{procedure}/print/keys", $"/p/2/move-in/procedures/{procedure}/print/procedure",
                 })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("[data-test=not-found]", Visible);
        }
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync($"/p/2/files/{signature}")).Status);
        var own = await page.Context.APIRequest.GetAsync($"/p/1/files/{signature}");
        Assert.Equal(200, own.Status);
        Assert.Equal("image/png", own.Headers["content-type"]);
        await page.Context.CloseAsync();

        // The demo owner does not own that unit: its signature is "not found" to them.
        var owner = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        Assert.Equal(404, (await owner.Context.APIRequest.GetAsync($"/p/1/files/{signature}")).Status);
        await owner.Context.CloseAsync();
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>The owner information sheet printed by the real Chromium, checked with pdftotext.</summary>
[Collection("web")]
public sealed class OwnerSheetPdfTests(WebAppFixture app)
{
    private async Task<(IServiceScope Scope, int OwnOwner, int ForeignOwner, string Name)> StaffOfProject1()
    {
        var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, null);
        var own = await db.Owners.IgnoreQueryFilters().Where(o => o.ProjectId == 1).OrderBy(o => o.Id).FirstAsync();
        var foreign = await db.Owners.IgnoreQueryFilters().Where(o => o.ProjectId == 3).Select(o => o.Id).FirstAsync();
        var project = await db.Projects.Include(p => p.Company).FirstAsync(p => p.Id == 1);
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity("staff-test", "客服 测试", project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return (scope, own.Id, foreign, own.Name);
    }

    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    [Fact]
    public async Task The_sheet_prints_in_chinese_on_one_a4_page_with_header_and_page_footer()
    {
        var (scope, ownerId, _, name) = await StaffOfProject1();
        using (scope)
        {
            var sheet = await scope.ServiceProvider.GetRequiredService<OwnerService>().SheetAsync(ownerId);
            var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<OwnerInfoSheet>(
                new Dictionary<string, object?> { ["Sheet"] = sheet }, new PdfPageSetup(sheet.Company, sheet.Project, "业主信息登记表"));
            var file = Path.Combine(Path.GetTempPath(), $"pc-sheet-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            try
            {
                var text = Run("pdftotext", $"-layout {file} -");
                Assert.Contains("业主信息登记表", text);
                Assert.Contains(name, text);
                Assert.Contains("翠湖花园", text);
                Assert.Contains("蓉城物业服务有限公司", text);
                // pdftotext drops the spaces between the CJK glyphs and the numbers.
                Assert.Contains("第1页/共1页", text.Replace(" ", ""));
                Assert.Contains(sheet.Phone, text);
                var info = Run("pdfinfo", file);
                Assert.Matches(@"Pages:\s+1\b", info);
                Assert.Contains("595.", info); // A4 width in points
            }
            finally { File.Delete(file); }
        }
    }

    [Fact]
    public async Task Another_projects_owner_cannot_be_printed()
    {
        var (scope, _, foreign, _) = await StaffOfProject1();
        using (scope)
            await Assert.ThrowsAsync<RecordNotFoundException>(() => scope.ServiceProvider.GetRequiredService<OwnerService>().SheetAsync(foreign));
    }
}

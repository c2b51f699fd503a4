using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Issue 9, finding 3, as the attacker did it: a manager uploads a 1.6 KB .xlsx whose only data row is
/// numbered 250,000,000. The page shows the refusal like any unreadable file, and the server barely notices.</summary>
[Collection("app")]
public sealed class HostileUploadTests(AppServer app)
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The hostile file, written part by part: no spreadsheet library would write it.</summary>
    private static byte[] Xlsx(string sheetData)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MainNs}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MainNs}"><sheetData>{sheetData}</sheetData></worksheet>""");
        }
        return ms.ToArray();
    }

    private static FilePayload File(string name, byte[] bytes) =>
        new() { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };

    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>楼栋</t></is></c><c r="B1" t="inlineStr"><is><t>房号</t></is></c></row>""";

    [Fact]
    public async Task A_manager_uploading_the_row_250000000_xlsx_sees_a_refusal_and_the_server_memory_stays_flat()
    {
        var page = await app.SignInAsync("manager");
        await page.GotoAsync("/p/1/owners/import");
        await page.WaitForSelectorAsync("[data-test=import-choose]", new() { Timeout = 15_000 });
        var fileError = page.Locator("[data-test=file-error]");

        // A harmless file first, so loading the spreadsheet code is not counted as the attack's cost.
        await page.SetInputFilesAsync("[data-test=import-file]", File("warm-up.xlsx", Xlsx(Header)));
        await Assertions.Expect(fileError.Filter(new() { HasText = "没有数据行" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var before = app.AppWorkingSet;

        var bomb = Xlsx(Header + """<row r="250000000"><c r="A250000000" t="inlineStr"><is><t>1栋</t></is></c></row>""");
        Assert.InRange(bomb.Length, 1000, 2000);
        await page.SetInputFilesAsync("[data-test=import-file]", File("bomb.xlsx", bomb));

        await Assertions.Expect(fileError.Filter(new() { HasText = "行号无效" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(fileError).ToHaveCountAsync(1);
        await Assertions.Expect(fileError).ToContainTextAsync("250000000");
        Assert.Equal(0, await page.Locator("[data-test=import-preview]").CountAsync());
        var grown = app.AppWorkingSet - before;
        Assert.True(grown < 50L * 1024 * 1024, $"the server grew by {grown / 1024 / 1024} MB");
        await page.Context.CloseAsync();
    }
}

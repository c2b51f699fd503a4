using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Owners.Import;

/// <summary>批量导入 buildings, units and owners from an .xlsx or .csv: check and show first, then write
/// everything or nothing.</summary>
public sealed class OwnerImportService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public const int MaxDataRows = 5000;
    public const string ErrorColumnHeader = "错误说明";
    /// <summary>Upload size; the page states it and checks it first, the service enforces it.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;
    /// <summary>What a hostile file is refused at (issue 9, finding 3); see docs/security.md "Hostile files".</summary>
    public static readonly SpreadsheetLimits Limits = new() { MaxFileBytes = MaxFileBytes, MaxDataRows = MaxDataRows };

    public async Task<ImportPreview> PreviewAsync(Stream file, string fileName, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(Permissions.OwnersImport);
        ImportPreview Refused(Text error, IReadOnlyList<string>? headers = null) =>
            new() { ProjectId = projectId, FileName = fileName, Headers = headers ?? [], FileErrors = [error] };

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
            return Refused(new("仅支持 .xlsx 或 .csv 文件", "Only .xlsx or .csv files are supported"));

        List<string[]> sheet;
        try
        {
            // Bounded here too, not only on the page: any caller of the service gets the same limits, and at most
            // MaxFileBytes + a chunk is ever read from the upload.
            var bytes = await BoundedRead.AllBytesAsync(file, Limits.MaxFileBytes, ct);
            using var buffer = new MemoryStream(bytes, writable: false);
            sheet = extension == ".xlsx" ? XlsxReader.ReadFirstSheet(buffer, Limits) : CsvSheetReader.Read(buffer, Limits);
        }
        catch (SpreadsheetRefusedException e)
        {
            return Refused(e.Reason);
        }
        catch (Exception e) when (e is FileFormatException or OpenXmlPackageException or InvalidDataException or XmlException or IOException)
        {
            return Refused(new("无法读取文件，请确认文件未损坏且格式正确（.xlsx 或 .csv）",
                "The file cannot be read; check that it is a valid .xlsx or .csv file"));
        }

        if (sheet.Count == 0 || sheet[0].All(string.IsNullOrWhiteSpace))
            return Refused(new("文件为空，或第 1 行不是表头", "The file is empty, or row 1 is not the header row"));
        var headers = sheet[0];
        var fileErrors = new List<Text>();
        var map = ImportColumnMap.Parse(headers, fileErrors);
        var rows = DataRows(sheet);
        if (rows.Count == 0) fileErrors.Add(new("文件中没有数据行", "The file has no data rows"));
        if (rows.Count > MaxDataRows)
            fileErrors.Add(new($"数据行超过 {MaxDataRows} 行，请分批导入", $"More than {MaxDataRows} data rows; split the file"));
        if (fileErrors.Count > 0)
            return new() { ProjectId = projectId, FileName = fileName, Headers = headers, FileErrors = fileErrors };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = ImportPlan.Make(rows, map, await ImportSnapshot.LoadAsync(db, IdNumbers(rows, map), ct));
        return new() { ProjectId = projectId, FileName = fileName, Headers = headers, Rows = plan.Rows, Totals = plan.Totals };
    }

    /// <summary>Writes the previewed file in one transaction. The preview is checked again against the
    /// database as it is now (someone may have changed it since), from the raw rows rather than the
    /// preview's verdicts — what gets written never depends on what the caller hands back.</summary>
    public async Task<ImportResult> CommitAsync(ImportPreview preview, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(Permissions.OwnersImport);
        if (preview.ProjectId != projectId)
            throw new DomainException(new("该预览属于其他项目，请在当前项目重新上传", "This preview belongs to another project; upload the file again here"));
        if (preview.HasErrors) throw new ValidationException(AsFieldErrors(preview.FileErrors, preview.Rows));
        if (preview.Rows.Count == 0) throw new ValidationException([new("", new("没有可导入的数据", "There is nothing to import"))]);

        var fileErrors = new List<Text>();
        var map = ImportColumnMap.Parse(preview.Headers, fileErrors);
        var rows = preview.Rows.Select(r => r.Row).ToList();
        if (fileErrors.Count > 0 || rows.Count > MaxDataRows) throw new ValidationException(AsFieldErrors(fileErrors, []));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Check and write in one transaction, so nothing can change in between; any throw rolls it all back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var snapshot = await ImportSnapshot.LoadAsync(db, IdNumbers(rows, map), ct);
        var plan = ImportPlan.Make(rows, map, snapshot);
        if (plan.Rows.Any(r => r.HasErrors)) throw new ValidationException(AsFieldErrors([], plan.Rows));
        if (!SameOutcome(preview.Rows, plan.Rows))
            throw new ValidationException([new("", new("导入预览后系统数据已发生变化，请重新上传文件预览",
                "The data changed after the preview; upload the file again to preview it"))]);

        var result = await WriteAsync(db, plan, snapshot, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The original columns plus 错误说明, only the rows that need fixing — the user corrects this file
    /// and uploads it again (the extra column is ignored on import).</summary>
    public byte[] ErrorReport(ImportPreview preview)
    {
        tenant.RequireProject(Permissions.OwnersImport);
        var headers = preview.Headers.Count > 0 ? preview.Headers : TemplateHeaders();
        var width = headers.Count;
        var lines = new List<IReadOnlyList<string>>();
        foreach (var e in preview.FileErrors)
            lines.Add([.. Enumerable.Repeat("", width), e.Zh]);
        foreach (var r in preview.Rows.Where(r => r.HasErrors))
        {
            var cells = Enumerable.Range(0, width).Select(i => i < r.Row.Cells.Count ? r.Row.Cells[i] : "");
            lines.Add([.. cells, $"第 {r.RowNumber} 行：{string.Join("；", r.Errors.Select(e => e.Zh))}"]);
        }
        return XlsxWriter.Write([.. headers, ErrorColumnHeader], lines, "导入错误");
    }

    /// <summary>An empty import file: the headers and one example row.</summary>
    public byte[] Template()
    {
        tenant.RequireProject(Permissions.OwnersImport);
        return XlsxWriter.Write(TemplateHeaders(), [ImportColumns.All.Select(c => c.Example).ToList()], "业主房屋导入");
    }

    private static List<string> TemplateHeaders() => ImportColumns.All.Select(c => c.Header.Zh).ToList();

    /// <summary>Data rows with their Excel row numbers; blank rows (often left between blocks) are skipped.</summary>
    private static List<ImportRow> DataRows(List<string[]> sheet) =>
        sheet.Select((cells, i) => new ImportRow(i + 1, cells))
            .Skip(1)
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .ToList();

    private static List<string> IdNumbers(List<ImportRow> rows, ImportColumnMap map) =>
        rows.Select(r => map.Get(r.Cells, ImportColumn.IdNumber).ToUpperInvariant()).Where(s => s.Length > 0).Distinct().ToList();

    private static bool SameOutcome(List<ImportRowResult> before, List<ImportRowResult> now) =>
        before.Count == now.Count && before.Zip(now).All(x =>
            x.First.NewBuilding == x.Second.NewBuilding && x.First.UnitAction == x.Second.UnitAction
            && x.First.OwnerAction == x.Second.OwnerAction && x.First.AlreadyLinked == x.Second.AlreadyLinked);

    private static List<FieldError> AsFieldErrors(List<Text> fileErrors, List<ImportRowResult> rows) =>
    [
        .. fileErrors.Select(e => new FieldError("", e)),
        .. rows.SelectMany(r => r.Errors.Select(e => new FieldError($"Row{r.RowNumber}",
            new Text($"第 {r.RowNumber} 行：{e.Zh}", $"Row {r.RowNumber}: {e.En}")))),
    ];

    /// <summary>Through the normal context, so the tenant guard and change history apply to every record.
    /// Saved in stages: history captures foreign keys at save time, and a unit saved together with its
    /// new building would record EF's temporary key instead of the real building id.</summary>
    private static async Task<ImportResult> WriteAsync(AppDbContext db, ImportPlan plan, ImportSnapshot snapshot, CancellationToken ct)
    {
        var buildingIds = snapshot.Buildings.ToDictionary(b => b.Key, b => b.Value.Id, StringComparer.Ordinal);
        var newBuildings = plan.NewBuildings.Select(b => new Building { Name = b.Key, Floors = b.Value }).ToList();
        db.Buildings.AddRange(newBuildings);
        await db.SaveChangesAsync(ct);
        foreach (var b in newBuildings) buildingIds[b.Name] = b.Id;

        var buildingNames = snapshot.Buildings.Values.ToDictionary(b => b.Id, b => b.Name);
        var unitIds = snapshot.Units.Values.ToDictionary(u => (buildingNames[u.BuildingId], u.Entrance, u.Room), u => u.Id);
        var newUnits = plan.NewUnits.Select(u => (u.Key, Unit: new Unit
        {
            BuildingId = buildingIds[u.Key.Building],
            Entrance = u.Key.Entrance,
            Floor = u.Floor,
            Room = u.Key.Room,
            Area = u.Area,
            Type = u.Type,
            State = u.State,
        })).ToList();
        db.Units.AddRange(newUnits.Select(u => u.Unit));
        await db.SaveChangesAsync(ct);
        foreach (var (key, unit) in newUnits) unitIds[key] = unit.Id;

        var ownerIds = snapshot.OwnersByIdNumber.ToDictionary(o => o.Key, o => o.Value.Id, StringComparer.Ordinal);
        var newOwners = plan.NewOwners.Select(o =>
        {
            var owner = new Owner();
            owner.Apply(o.Value);
            return (o.Key, Owner: owner);
        }).ToList();
        db.Owners.AddRange(newOwners.Select(o => o.Owner));
        await db.SaveChangesAsync(ct);
        foreach (var (key, owner) in newOwners) ownerIds[key] = owner.Id;

        db.UnitOwnerships.AddRange(plan.Links.Select(l => new UnitOwnership
        {
            UnitId = unitIds[l.UnitKey],
            OwnerId = ownerIds[l.OwnerKey],
            IsPrimary = l.IsPrimary,
        }));
        await db.SaveChangesAsync(ct);
        return new ImportResult(newBuildings.Count, newUnits.Count, newOwners.Count, plan.Links.Count);
    }
}

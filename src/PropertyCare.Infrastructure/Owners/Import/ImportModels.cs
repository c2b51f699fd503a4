using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Owners.Import;

/// <summary>One data row as it was in the file. <see cref="RowNumber"/> is the row number Excel shows
/// (the header is row 1), so a person can find it.</summary>
public sealed record ImportRow(int RowNumber, IReadOnlyList<string> Cells);

public enum ImportUnitAction { NewUnit, ExistingUnit }

public enum ImportOwnerAction { NoOwner, NewOwner, ExistingOwner }

/// <summary>What importing one row will do, or why it cannot.</summary>
public sealed class ImportRowResult
{
    public required ImportRow Row { get; init; }
    public int RowNumber => Row.RowNumber;
    /// <summary>e.g. "1栋-1单元-1202", for the preview table.</summary>
    public string UnitAddress { get; init; } = "";
    public string OwnerName { get; init; } = "";
    /// <summary>The building does not exist yet and will be created (once, however many rows name it).</summary>
    public bool NewBuilding { get; set; }
    public ImportUnitAction UnitAction { get; set; }
    public ImportOwnerAction OwnerAction { get; set; }
    /// <summary>The owner is already linked to the unit: nothing to do for this row.</summary>
    public bool AlreadyLinked { get; set; }
    /// <summary>"手机号码：手机号码格式不正确（…）" — the column, then the rule's message.</summary>
    public List<Text> Errors { get; } = [];
    /// <summary>Imported anyway, but worth a look (e.g. the existing unit's area differs from the file).</summary>
    public List<Text> Warnings { get; } = [];
    public bool HasErrors => Errors.Count > 0;
}

public sealed record ImportTotals(
    int Rows, int RowsWithErrors, int RowsWithWarnings,
    int NewBuildings, int NewUnits, int ExistingUnits, int NewOwners, int ExistingOwners, int NewLinks);

/// <summary>The checked content of an uploaded file, shown to the user before anything is written.</summary>
public sealed class ImportPreview
{
    /// <summary>The project it was checked against; committing it in another project is refused.</summary>
    public required int ProjectId { get; init; }
    public required string FileName { get; init; }
    /// <summary>The header row as it was in the file (for the error report).</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];
    /// <summary>Problems with the file as a whole (wrong type, empty, missing columns, too many rows).</summary>
    public List<Text> FileErrors { get; init; } = [];
    public List<ImportRowResult> Rows { get; init; } = [];
    public ImportTotals Totals { get; init; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
    public bool HasErrors => FileErrors.Count > 0 || Rows.Any(r => r.HasErrors);
    public bool CanCommit => !HasErrors && Rows.Count > 0;
}

/// <summary>What a commit wrote.</summary>
public sealed record ImportResult(int NewBuildings, int NewUnits, int NewOwners, int NewLinks);

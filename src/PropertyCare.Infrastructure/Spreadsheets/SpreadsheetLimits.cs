using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>How much of an uploaded spreadsheet the readers accept. Every limit is checked while reading, before
/// anything is allocated for what comes after it, so a small hostile file is refused cheaply instead of making the
/// server allocate gigabytes (issue 9, finding 3). The defaults fit the owner import: about 20 columns and at most
/// 5,000 data rows; see docs/security.md, "Hostile files".</summary>
public sealed record SpreadsheetLimits
{
    /// <summary>The upload itself; the same limit the import page states.</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;
    /// <summary>Data rows below the header (row 1): data may be in rows 2 to MaxDataRows + 1, judged by the row's
    /// number in the file, not by counting, so one row numbered 250,000,000 cannot pad the sheet.</summary>
    public int MaxDataRows { get; init; } = 5000;
    /// <summary>An import has ~20 columns; a value further right is refused, an empty cell there ignored.</summary>
    public int MaxColumns { get; init; } = 100;
    /// <summary>Excel's own limit for one cell.</summary>
    public int MaxCellChars { get; init; } = 32767;
    /// <summary>A CSV line (a record): a few cells of the maximum size; anything longer is not a sheet.</summary>
    public int MaxCsvRecordChars { get; init; } = 128 * 1024;
    /// <summary>Everything in the .xlsx zip, unpacked. A 5,000-row import sheet unpacks to a few MB.</summary>
    public long MaxUncompressedBytes { get; init; } = 50 * 1024 * 1024;
    /// <summary>Unpacked : packed, checked per part once it passed 1 MB. Sheets compress 5–20 times; deflate tops
    /// out near 1,000, which only made-up content reaches.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
    /// <summary>Parts in the zip: a workbook has a dozen or two.</summary>
    public int MaxZipEntries { get; init; } = 1000;
    /// <summary>Relationship and content-type parts are parsed whole by the package library.</summary>
    public long MaxPackagePartBytes { get; init; } = 2 * 1024 * 1024;
    /// <summary>Longest stretch of an XML part without a '&lt;'. Every tag (with all its attributes) and every text
    /// starts or ends at one, so this bounds what an XML parser must hold at once; the longest real text, a full
    /// cell in 3-byte UTF-8, is ~96 KB.</summary>
    public int MaxXmlTokenBytes { get; init; } = 256 * 1024;
    /// <summary>Distinct strings of the workbook: 5,000 rows × 20 columns is 100,000 at most.</summary>
    public int MaxSharedStrings { get; init; } = 200_000;
    public long MaxSharedStringChars { get; init; } = 5_000_000;

    public static SpreadsheetLimits Default { get; } = new();
}

/// <summary>The file was refused for a limit; <see cref="Reason"/> says which, in both languages, for the user.</summary>
public sealed class SpreadsheetRefusedException(Text reason) : Exception(reason.En)
{
    public Text Reason { get; } = reason;
}

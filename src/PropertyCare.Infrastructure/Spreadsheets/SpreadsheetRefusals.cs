using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Every reason a spreadsheet upload is refused, in both languages, in one place: each says what is wrong
/// and what the user can do about it, and is shown as the import's file error.</summary>
public static class SpreadsheetRefusals
{
    public static SpreadsheetRefusedException TooLarge(long maxBytes)
    {
        var mb = maxBytes / (1024 * 1024);
        return new(new Text($"文件超过 {mb} MB，请拆分后再导入。", $"The file is larger than {mb} MB; split it and try again."));
    }

    public static SpreadsheetRefusedException TooManyParts(SpreadsheetLimits l) => new(new(
        $"文件包含的部件过多（超过 {l.MaxZipEntries} 个），不像是正常的导入表格",
        $"The file has too many parts (more than {l.MaxZipEntries}); it does not look like an import sheet"));

    public static SpreadsheetRefusedException TooBigUnpacked(SpreadsheetLimits l)
    {
        var mb = l.MaxUncompressedBytes / (1024 * 1024);
        return new(new($"文件解压后超过 {mb} MB，不像是正常的导入表格（疑似压缩炸弹）；请只保留需要导入的数据后再试",
            $"The file is larger than {mb} MB unpacked, more than an import sheet needs (a likely zip bomb); keep only the data to import and retry"));
    }

    public static SpreadsheetRefusedException PackedTooTightly(SpreadsheetLimits l) => new(new(
        $"文件解压后超过压缩大小的 {l.MaxCompressionRatio} 倍，压缩比异常（疑似压缩炸弹），已拒绝",
        $"The file would be unpacked to more than {l.MaxCompressionRatio} times its packed size (a likely zip bomb) and was refused"));

    public static SpreadsheetRefusedException TooLongToken() => new(new(
        "文件中有异常长的内容，不像是 Excel 保存的表格；请用 Excel 重新保存后再导入",
        "The file contains an abnormally long item and does not look like a sheet saved by Excel; save it again in Excel and retry"));

    public static SpreadsheetRefusedException SharedStringsTooBig(SpreadsheetLimits l) => new(new(
        $"文件的共享字符串表过大（超过 {l.MaxSharedStrings} 条或 {l.MaxSharedStringChars} 个字符），不像是正常的导入表格；请只保留需要导入的工作表后再试",
        $"The file's shared string table is too large (more than {l.MaxSharedStrings} entries or {l.MaxSharedStringChars} characters) for an import sheet; keep only the sheet to import and retry"));

    public static SpreadsheetRefusedException CellTooLong(SpreadsheetLimits l, long? rowNumber) => new(new(
        $"{(rowNumber is { } r ? $"第 {r} 行" : "文件中")}有单元格内容过长：超过 {l.MaxCellChars} 个字符（Excel 单元格最多 {l.MaxCellChars} 个字符）",
        $"{(rowNumber is { } n ? $"Row {n}" : "The file")} has a cell that is too long: more than {l.MaxCellChars} characters (an Excel cell holds at most {l.MaxCellChars})"));

    public static SpreadsheetRefusedException InvalidRowNumber(string r)
    {
        var shown = r.Length > 20 ? r[..20] + "…" : r;
        return new(new($"文件中的行号无效：“{shown}”（Excel 行号为 1 到 {XlsxSheetReader.ExcelMaxRow}），请用 Excel 重新保存后再导入",
            $"The file has an invalid row number “{shown}” (Excel rows are 1 to {XlsxSheetReader.ExcelMaxRow}); save it again in Excel and retry"));
    }

    public static SpreadsheetRefusedException InvalidColumn(string reference, long rowNumber)
    {
        var shown = reference.Length > 20 ? reference[..20] + "…" : reference;
        return new(new($"第 {rowNumber} 行的单元格位置无效：“{shown}”，请用 Excel 重新保存后再导入",
            $"Row {rowNumber} has an invalid cell reference “{shown}”; save it again in Excel and retry"));
    }

    public static SpreadsheetRefusedException TooManyRows(SpreadsheetLimits l, long rowNumber) => new(new(
        $"数据行超过 {l.MaxDataRows} 行（第 {rowNumber} 行有数据，数据最多到第 {l.MaxDataRows + 1} 行），请分批导入",
        $"More than {l.MaxDataRows} data rows (row {rowNumber} has data; data may go down to row {l.MaxDataRows + 1}); split the file"));

    public static SpreadsheetRefusedException TooManyColumns(SpreadsheetLimits l, long rowNumber, int column) => new(new(
        $"第 {rowNumber} 行在 {XlsxWriter.ColumnName(column)} 列有数据，导入表最多 {l.MaxColumns} 列（到 {XlsxWriter.ColumnName(l.MaxColumns - 1)} 列）",
        $"Row {rowNumber} has data in column {XlsxWriter.ColumnName(column)}; an import sheet has at most {l.MaxColumns} columns (up to {XlsxWriter.ColumnName(l.MaxColumns - 1)})"));

    public static SpreadsheetRefusedException CsvRecordTooLong(SpreadsheetLimits l, long rowNumber) => new(new(
        $"第 {rowNumber} 行过长（超过 {l.MaxCsvRecordChars / 1024} K 个字符），不像是正常的导入表格",
        $"Row {rowNumber} is too long (more than {l.MaxCsvRecordChars / 1024} K characters) for an import sheet"));
}

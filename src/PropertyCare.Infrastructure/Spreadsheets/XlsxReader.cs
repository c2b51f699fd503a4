using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Reads the first worksheet of an .xlsx as rows of display strings.
/// DocumentFormat.OpenXml only finds the parts (ClosedXML and MiniExcel do not restore from this environment's
/// package feed); the parts themselves are read with a plain streaming <see cref="XmlReader"/>, never as a DOM, so
/// what the reader holds is bounded by <see cref="SpreadsheetLimits"/> and not by what the file claims: the zip is
/// checked first (<see cref="XlsxPackageGuard"/>), rows and columns are placed by their reference only within the
/// limits, and shared strings are counted as they stream in.</summary>
public static class XlsxReader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion ("billion laughs")
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Rows in sheet order; <c>rows[i]</c> is Excel row i + 1, so callers can quote row numbers the user
    /// sees. Blank rows in between are empty arrays; trailing blank rows are dropped. A file beyond any limit is
    /// refused with <see cref="SpreadsheetRefusedException"/>: data below row MaxDataRows + 1 or right of column
    /// MaxColumns, an invalid row number, an oversized cell or shared-string table, or a zip that unpacks to too
    /// much. Empty rows and cells beyond the limits (formatting Excel keeps) are ignored.</summary>
    public static List<string[]> ReadFirstSheet(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        // The zip reader needs to seek; an upload stream cannot.
        if (!stream.CanSeek) stream = new MemoryStream(BoundedRead.AllBytes(stream, limits.MaxFileBytes));
        else if (stream.Length - stream.Position > limits.MaxFileBytes) throw SpreadsheetRefusals.TooLarge(limits.MaxFileBytes);
        XlsxPackageGuard.Check(stream, limits);

        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbookPart = doc.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var (firstSheetId, date1904) = ReadWorkbook(workbookPart);
        // "First" is the first tab the user sees, which is the workbook's sheet order, not part order.
        if (firstSheetId == null || workbookPart.GetPartById(firstSheetId) is not WorksheetPart worksheet) return [];

        var shared = workbookPart.SharedStringTablePart is { } sst ? XlsxText.ReadSharedStrings(sst, limits) : [];
        var dateStyles = workbookPart.WorkbookStylesPart is { } styles ? XlsxDateStyles.DateStyleIndexes(styles) : [];
        return new XlsxSheetReader(limits, shared, dateStyles, date1904).Read(worksheet);
    }

    internal static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);

    /// <summary>The relationship id of the first &lt;sheet&gt; and whether dates count from 1904.</summary>
    private static (string? FirstSheetId, bool Date1904) ReadWorkbook(WorkbookPart part)
    {
        string? first = null;
        var date1904 = false;
        using var xml = Open(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            // <workbook><workbookPr/> and <workbook><sheets><sheet/>: depth, so nothing in extensions is taken for them.
            if (xml.LocalName == "workbookPr" && xml.Depth == 1) date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet" && xml.Depth == 2 && first == null) first = RelationshipId(xml);
        }
        return (first, date1904);
    }

    /// <summary>r:id, in the transitional or the strict relationships namespace.</summary>
    private static string? RelationshipId(XmlReader xml)
    {
        while (xml.MoveToNextAttribute())
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        xml.MoveToElement();
        return null;
    }
}

using System.Buffers;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>The text of an .xlsx — shared strings, inline strings and cell values — read in bounded chunks from a
/// streaming <see cref="XmlReader"/>: no string longer than an Excel cell, no more shared strings than the limits.</summary>
internal static class XlsxText
{
    public static List<string> ReadSharedStrings(SharedStringTablePart part, SpreadsheetLimits limits)
    {
        var result = new List<string>();
        var scratch = new StringBuilder();
        long chars = 0;
        using var xml = XlsxReader.Open(part);
        xml.MoveToContent(); // <sst>
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                xml.Read();
                continue;
            }
            if (result.Count >= limits.MaxSharedStrings) throw SpreadsheetRefusals.SharedStringsTooBig(limits);
            var text = RichText(xml, limits, null, scratch);
            chars += text.Length;
            if (chars > limits.MaxSharedStringChars) throw SpreadsheetRefusals.SharedStringsTooBig(limits);
            result.Add(text);
        }
        return result;
    }

    /// <summary>The text of a shared (&lt;si&gt;) or inline (&lt;is&gt;) string, the reader on its start element and
    /// left after its end. Phonetic runs (rPh) are skipped: they hold pinyin/kana guides that Excel does not show.</summary>
    public static string RichText(XmlReader xml, SpreadsheetLimits limits, long? rowNumber, StringBuilder scratch)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        var text = scratch.Clear(); // one builder for all strings of a part: a new one each would double the garbage
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") xml.Skip();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") BoundedText(xml, text, limits, rowNumber);
            else xml.Read();
        }
        xml.Read();
        return text.ToString();
    }

    /// <summary>Appends the text of the element the reader is on (a &lt;t&gt; or &lt;v&gt;) in chunks, refusing
    /// once the cell passes Excel's cell limit — so a long text or CDATA is never held whole.</summary>
    public static void BoundedText(XmlReader xml, StringBuilder into, SpreadsheetLimits limits, long? rowNumber)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        // Pooled: this runs for every cell and shared string, and a fresh buffer each time would be most of
        // what reading allocates.
        var chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            xml.Read();
            while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    if (xml.CanReadValueChunk)
                    {
                        int n;
                        while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            if (into.Length + n > limits.MaxCellChars) throw SpreadsheetRefusals.CellTooLong(limits, rowNumber);
                            into.Append(chunk, 0, n);
                        }
                    }
                    else
                    {
                        if (into.Length + xml.Value.Length > limits.MaxCellChars) throw SpreadsheetRefusals.CellTooLong(limits, rowNumber);
                        into.Append(xml.Value);
                    }
                }
                xml.Read();
            }
            xml.Read();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }
}

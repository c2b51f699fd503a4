using System.IO.Compression;
using System.Text;

namespace PropertyCare.Infrastructure.Tests.Spreadsheets;

/// <summary>Builds the hostile files an attacker would upload, byte for byte: an .xlsx is a zip of XML parts, so
/// the parts are written raw with System.IO.Compression (no spreadsheet library would write these), and the big
/// ones are streamed into the zip so the test itself never holds them.</summary>
public static class HostileFiles
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A valid header row in row 1, as the import expects.</summary>
    public const string HeaderRow =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>楼栋</t></is></c><c r="B1" t="inlineStr"><is><t>房号</t></is></c></row>""";

    /// <summary>An .xlsx whose first sheet's &lt;sheetData&gt; holds <paramref name="sheetData"/>.</summary>
    public static byte[] Xlsx(string sheetData, string? sharedStrings = null) =>
        Xlsx(w => w.Write(sheetData), sharedStrings == null ? null : w => w.Write(sharedStrings));

    /// <summary>An .xlsx whose sheet data and shared strings are written by callbacks, so a part can be made to
    /// inflate to hundreds of megabytes while the file stays small.</summary>
    /// <paramref name="level"/>: SmallestSize for the bombs, which need deflate's best ratio (~1,000 : 1) to stay
    /// small; the others use Optimal, far cheaper to build.
    public static byte[] Xlsx(Action<TextWriter> sheetData, Action<TextWriter>? sharedStrings = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            var sst = sharedStrings == null ? "" :
                """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{sst}</Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MainNs}"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            }, level);
            if (sharedStrings != null)
                Part(zip, "xl/sharedStrings.xml", w =>
                {
                    w.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MainNs}">""");
                    sharedStrings(w);
                    w.Write("</sst>");
                }, level);
        }
        return ms.ToArray();
    }

    /// <summary>Writes <paramref name="text"/> <paramref name="times"/> times: what makes a part inflate.</summary>
    public static void Repeat(TextWriter w, string text, long times)
    {
        for (long i = 0; i < times; i++) w.Write(text);
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false), 1 << 16);
        write(w);
    }
}

/// <summary>An upload stream of <paramref name="length"/> bytes of CSV that is never held in memory by the test:
/// the "50 MB CSV" arrives the way an upload does, a chunk at a time. Reads complete synchronously, so the
/// allocation measurement on the calling thread sees all the work done on them.</summary>
public sealed class GeneratedCsvStream(long length, string header, string line) : Stream
{
    private readonly byte[] _header = Encoding.UTF8.GetBytes(header);
    private readonly byte[] _line = Encoding.UTF8.GetBytes(line);
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[i] = _position < _header.Length ? _header[_position] : _line[(_position - _header.Length) % _line.Length];
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

public static class Zip64Lies
{
    /// <summary>The given zip with its end records replaced by a ZIP64 set claiming <paramref name="entries"/> entries
    /// (the central directory itself unchanged): what a reader that preallocates by the claim would trust.</summary>
    public static byte[] ClaimEntries(byte[] zip, ulong entries)
    {
        var eocd = zip.Length - 22; // no comment: the classic end record is the last 22 bytes
        var cdSize = BitConverter.ToUInt32(zip, eocd + 12);
        var cdOffset = BitConverter.ToUInt32(zip, eocd + 16);
        using var ms = new MemoryStream();
        ms.Write(zip, 0, eocd);
        var zip64At = (ulong)ms.Position;
        var w = new BinaryWriter(ms);
        w.Write(0x06064b50u); w.Write(44UL); w.Write((ushort)45); w.Write((ushort)45); w.Write(0u); w.Write(0u);
        w.Write(entries); w.Write(entries); w.Write((ulong)cdSize); w.Write((ulong)cdOffset);
        w.Write(0x07064b50u); w.Write(0u); w.Write(zip64At); w.Write(1u);
        w.Write(0x06054b50u); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0xFFFF); w.Write((ushort)0xFFFF);
        w.Write(0xFFFFFFFFu); w.Write(0xFFFFFFFFu); w.Write((ushort)0);
        w.Flush();
        return ms.ToArray();
    }
}

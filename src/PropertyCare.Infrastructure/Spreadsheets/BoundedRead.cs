namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Reads an upload into memory, refusing it once it passes the limit: a stream that cannot tell its length
/// is read in chunks and refused at the first chunk beyond the limit, so a 50 MB (or endless) stream costs no more
/// than the limit; one that can (already in memory) is checked first and copied once.</summary>
public static class BoundedRead
{
    public static async Task<byte[]> AllBytesAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > maxBytes) throw SpreadsheetRefusals.TooLarge(maxBytes);
            var bytes = new byte[length];
            await stream.ReadExactlyAsync(bytes, ct);
            return bytes;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw SpreadsheetRefusals.TooLarge(maxBytes);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static byte[] AllBytes(Stream stream, long maxBytes)
    {
        if (stream.CanSeek)
        {
            // A stream that knows its length (an upload already buffered) is copied once, into an exact array.
            var length = stream.Length - stream.Position;
            if (length > maxBytes) throw SpreadsheetRefusals.TooLarge(maxBytes);
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw SpreadsheetRefusals.TooLarge(maxBytes);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Bounds the longest token of an XML part by looking at its bytes only, before any parser does.
/// A parser holds one tag (with all its attributes), one text or one comment/CDATA/processing instruction at a
/// time; tags and texts are separated by '&lt;', but a comment or CDATA may contain '&lt;' and ends only at its
/// own terminator, so those are followed to their end. Fed chunk by chunk; state carries across chunks.</summary>
internal sealed class XmlTokenScanner(long maxTokenBytes)
{
    private enum State { Text, AfterLt, AfterBang, Comment, CData, Declaration, Instruction }

    private State _state;
    private long _run;
    private byte _previous, _beforePrevious;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            if (_state == State.Text)
            {
                var lt = chunk[i..].IndexOf((byte)'<');
                if (lt < 0) { Grow(chunk.Length - i); return; }
                Grow(lt);
                i += lt + 1;
                _run = 0;
                _state = State.AfterLt;
                continue;
            }
            var b = chunk[i++];
            Grow(1);
            _state = (_state, b) switch
            {
                (State.AfterLt, (byte)'!') => State.AfterBang,
                (State.AfterLt, (byte)'?') => State.Instruction,
                (State.AfterLt, _) => State.Text,
                (State.AfterBang, (byte)'-') => State.Comment,
                (State.AfterBang, (byte)'[') => State.CData,
                (State.AfterBang, _) => State.Declaration,
                (State.Comment, (byte)'>') when _previous == '-' && _beforePrevious == '-' => State.Text,
                (State.CData, (byte)'>') when _previous == ']' && _beforePrevious == ']' => State.Text,
                (State.Instruction, (byte)'>') when _previous == '?' => State.Text,
                (State.Declaration, (byte)'>') => State.Text,
                _ => _state,
            };
            _beforePrevious = _previous;
            _previous = b;
        }
    }

    private void Grow(long n)
    {
        _run += n;
        if (_run > maxTokenBytes) throw SpreadsheetRefusals.TooLongToken();
    }
}

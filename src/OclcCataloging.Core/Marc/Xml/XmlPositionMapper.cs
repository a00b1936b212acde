using System;
using System.Text;

namespace OclcCataloging.Marc.Xml
{
    /// <summary>How characters of an XML document are laid out in bytes, as far as offsets are concerned.</summary>
    internal enum XmlByteLayout
    {
        /// <summary>UTF-8 (or ASCII): 1-4 bytes per character, ASCII bytes mean ASCII.</summary>
        Utf8,
        /// <summary>A single-byte encoding such as ISO-8859-1 or windows-1252.</summary>
        SingleByte,
        Utf16LE,
        Utf16BE,
        /// <summary>Anything else (multi-byte legacy encodings): no byte offsets, no resynchronisation.</summary>
        Unknown,
    }

    /// <summary>What the first bytes of an XML document say about its encoding.</summary>
    internal readonly struct XmlEncodingInfo
    {
        public XmlEncodingInfo(XmlByteLayout layout, int bomLength, Encoding? encoding)
        {
            Layout = layout;
            BomLength = bomLength;
            Encoding = encoding;
        }

        public XmlByteLayout Layout { get; }

        public int BomLength { get; }

        /// <summary>The encoding to hand to a parser that starts in the middle of the document.</summary>
        public Encoding? Encoding { get; }

        /// <summary>Bytes per code unit (2 for UTF-16).</summary>
        public int UnitSize => Layout == XmlByteLayout.Utf16LE || Layout == XmlByteLayout.Utf16BE ? 2 : 1;

        /// <summary>ASCII characters are single ASCII bytes, so tags can be found by scanning bytes.</summary>
        public bool IsAsciiCompatible => Layout == XmlByteLayout.Utf8 || Layout == XmlByteLayout.SingleByte;

        /// <summary>Looks at a byte-order mark, then at the encoding in the XML declaration.</summary>
        public static XmlEncodingInfo Sniff(byte[] b, int count)
        {
            if (count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
                return new XmlEncodingInfo(XmlByteLayout.Utf8, 3, new UTF8Encoding(false));
            if (count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
                return new XmlEncodingInfo(XmlByteLayout.Unknown, 4, null); // UTF-32LE
            if (count >= 2 && b[0] == 0xFF && b[1] == 0xFE)
                return new XmlEncodingInfo(XmlByteLayout.Utf16LE, 2, new UnicodeEncoding(false, false));
            if (count >= 2 && b[0] == 0xFE && b[1] == 0xFF)
                return new XmlEncodingInfo(XmlByteLayout.Utf16BE, 2, new UnicodeEncoding(true, false));
            if (count >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0)
                return new XmlEncodingInfo(XmlByteLayout.Utf16LE, 0, new UnicodeEncoding(false, false));
            if (count >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0)
                return new XmlEncodingInfo(XmlByteLayout.Utf16BE, 0, new UnicodeEncoding(true, false));

            string? name = DeclaredEncoding(b, count);
            if (name == null) return new XmlEncodingInfo(XmlByteLayout.Utf8, 0, new UTF8Encoding(false));
            string n = name.ToLowerInvariant();
            if (n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii")
                return new XmlEncodingInfo(XmlByteLayout.Utf8, 0, new UTF8Encoding(false));
            Encoding? enc = null;
            try
            {
                enc = Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // unknown to this runtime: the parser will report it
            }
            catch (NotSupportedException)
            {
            }
            if (enc != null && enc.IsSingleByte) return new XmlEncodingInfo(XmlByteLayout.SingleByte, 0, enc);
            return new XmlEncodingInfo(XmlByteLayout.Unknown, 0, enc);
        }

        private static string? DeclaredEncoding(byte[] b, int count)
        {
            int n = Math.Min(count, 512);
            if (n < 6 || b[0] != '<' || b[1] != '?' || b[2] != 'x' || b[3] != 'm' || b[4] != 'l') return null;
            int end = -1;
            for (int i = 5; i < n - 1; i++)
            {
                if (b[i] == '?' && b[i + 1] == '>')
                {
                    end = i;
                    break;
                }
            }
            if (end < 0) return null;
            string decl = Encoding.ASCII.GetString(b, 0, end);
            int k = decl.IndexOf("encoding", StringComparison.Ordinal);
            if (k < 0) return null;
            k += 8;
            while (k < decl.Length && (decl[k] == ' ' || decl[k] == '=' || decl[k] == '\t' || decl[k] == '\r' || decl[k] == '\n')) k++;
            if (k >= decl.Length || (decl[k] != '"' && decl[k] != '\'')) return null;
            char q = decl[k];
            int close = decl.IndexOf(q, k + 1);
            if (close < 0) return null;
            return decl.Substring(k + 1, close - k - 1).Trim();
        }
    }

    /// <summary>
    /// Turns the line and position an <see cref="System.Xml.XmlReader"/> reports (1-based, positions counted in
    /// UTF-16 code units, CR LF / CR / LF each ending a line) into absolute byte offsets. It only moves forward:
    /// each call continues from the previous one, so mapping every record of a document costs one pass over it.
    /// </summary>
    internal sealed class XmlPositionMapper
    {
        private readonly XmlByteWindow _window;
        private readonly XmlByteLayout _layout;
        private long _byte;
        private int _line = 1;
        private int _col = 1;
        private bool _afterCr;

        public XmlPositionMapper(XmlByteWindow window, XmlByteLayout layout, long start)
        {
            _window = window;
            _layout = layout;
            _byte = start;
        }

        /// <summary>Byte offset the mapper has reached; the window must keep bytes from here on.</summary>
        public long Cursor => _byte;

        public bool CanMap => _layout != XmlByteLayout.Unknown;

        /// <summary>A new parser starts at <paramref name="offset"/> (line 1, position 1).</summary>
        public void Reset(long offset)
        {
            _byte = offset;
            _line = 1;
            _col = 1;
            _afterCr = false;
        }

        /// <summary>The byte offset of the character at <paramref name="line"/>, <paramref name="position"/>, or -1
        /// when it cannot be known (behind the cursor, past the data, or an encoding without a byte layout).</summary>
        public long Map(int line, int position)
        {
            if (!CanMap || line <= 0 || position <= 0) return -1;
            if (line < _line || (line == _line && position < _col)) return -1;
            return _layout == XmlByteLayout.Utf16LE || _layout == XmlByteLayout.Utf16BE
                ? MapUtf16(line, position)
                : MapBytes(line, position);
        }

        private long MapBytes(int line, int position)
        {
            bool utf8 = _layout == XmlByteLayout.Utf8;
            while (_line < line)
            {
                if (_byte >= _window.BufferEnd && !_window.Ensure(_byte)) return -1;
                byte[] buf = _window.Buffer;
                long baseOff = _window.BufferStart;
                int i = (int)(_byte - baseOff);
                int n = (int)(_window.BufferEnd - baseOff);
                int lineNow = _line;
                bool afterCr = _afterCr;
#if NET8_0_OR_GREATER
                while (i < n && lineNow < line)
                {
                    int k = buf.AsSpan(i, n - i).IndexOfAny((byte)'\n', (byte)'\r');
                    if (k < 0)
                    {
                        afterCr = false;
                        i = n;
                        break;
                    }
                    if (k > 0) afterCr = false;
                    i += k;
                    if (buf[i++] == (byte)'\n')
                    {
                        if (!afterCr) lineNow++;
                        afterCr = false;
                    }
                    else
                    {
                        lineNow++;
                        afterCr = true;
                    }
                }
#endif
                while (i < n && lineNow < line)
                {
                    byte b = buf[i++];
                    if (b == (byte)'\n')
                    {
                        if (!afterCr) lineNow++;
                        afterCr = false;
                    }
                    else if (b == (byte)'\r')
                    {
                        lineNow++;
                        afterCr = true;
                    }
                    else
                    {
                        afterCr = false;
                    }
                }
                _byte = baseOff + i;
                _line = lineNow;
                _afterCr = afterCr;
                if (_line == line) _col = 1;
            }
            while (_col < position || (_afterCr && PeekIs((byte)'\n')))
            {
                if (!_window.Ensure(_byte)) return -1;
                byte b = _window[_byte];
                if (_afterCr && b == (byte)'\n')
                {
                    _byte++;
                    _afterCr = false;
                    continue;
                }
                _afterCr = false;
                if (b == (byte)'\n' || b == (byte)'\r') return -1;
                int len = 1, units = 1;
                if (utf8 && b >= 0xC0)
                {
                    if (b >= 0xF0) { len = 4; units = 2; }
                    else if (b >= 0xE0) len = 3;
                    else len = 2;
                }
                _byte += len;
                _col += units;
            }
            return _col == position ? _byte : -1;
        }

        private bool PeekIs(byte value)
        {
            return _window.Ensure(_byte) && _window[_byte] == value;
        }

        private long MapUtf16(int line, int position)
        {
            bool le = _layout == XmlByteLayout.Utf16LE;
            while (_line < line || _col < position || (_afterCr && PeekUnit(le) == '\n'))
            {
                int u = PeekUnit(le);
                if (u < 0) return -1;
                _byte += 2;
                if (u == '\n')
                {
                    if (!_afterCr) { _line++; _col = 1; }
                    _afterCr = false;
                }
                else if (u == '\r')
                {
                    _line++;
                    _col = 1;
                    _afterCr = true;
                }
                else
                {
                    _afterCr = false;
                    if (_line == line) _col++;
                    else if (_line > line) return -1;
                }
                if (_line > line) return -1;
            }
            return _line == line && _col == position ? _byte : -1;
        }

        private int PeekUnit(bool le)
        {
            if (!_window.Ensure(_byte + 1)) return -1;
            byte a = _window[_byte], b = _window[_byte + 1];
            return le ? a | (b << 8) : (a << 8) | b;
        }
    }
}

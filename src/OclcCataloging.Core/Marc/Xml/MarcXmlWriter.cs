using System;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Text;

namespace OclcCataloging.Marc.Xml
{
    /// <summary>
    /// Writes records as one MARCXML document: <c>&lt;collection xmlns="http://www.loc.gov/MARC21/slim"&gt;</c>
    /// in UTF-8, one <c>&lt;record&gt;</c> per <see cref="Write"/>; <see cref="Complete"/> closes the collection.
    /// </summary>
    /// <remarks>
    /// <para>MARCXML is always Unicode: leader/09 is written as 'a' whatever the record says. Field data read from
    /// ISO 2709 is written from its original bytes without being decoded to strings when it can be: UTF-8 records
    /// (leader/09 'a') are copied with XML escaping after checking the UTF-8, and so are MARC-8 fields that are plain
    /// ASCII (no byte over 0x7F, no escape, no <c>&amp;#x</c> reference). Other MARC-8 fields are converted with
    /// <see cref="Marc8Decoder"/> (NFC, escape state carried across subfields; the same text as
    /// <see cref="MarcEncodingConverter.ToUnicode"/>), and each bad-MARC-8 occurrence is reported through
    /// <see cref="MarcXmlWriterOptions.Diagnostic"/> with its <c>Marc8...</c> code. Reading the MARCXML back gives
    /// a Unicode record; <see cref="MarcEncodingConverter.ToMarc8"/> turns it back into MARC-8.</para>
    /// <para>Characters XML 1.0 cannot carry are handled by <see cref="MarcXmlWriterOptions.InvalidCharacters"/> and
    /// each one is reported (see <see cref="InvalidXmlCharacterPolicy"/>). A carriage return is written as
    /// <c>&amp;#13;</c>; tab and line feed inside attribute values as <c>&amp;#9;</c> / <c>&amp;#10;</c>, so the
    /// values read back unchanged. A subfield with <see cref="Subfield.NoCode"/> (data before the first delimiter of a
    /// damaged field) is written with <c>code=""</c>, which <see cref="MarcXmlReader"/> reads back the same way.</para>
    /// <para>Output is kept in memory until a record is complete, so a refused record leaves nothing behind; the
    /// buffer is written to the stream every 64 KiB.</para>
    /// </remarks>
    public sealed class MarcXmlWriter : IMarcWriter
    {
        private const int FlushThreshold = 64 * 1024;

        // Byte classes for ASCII (and the lead bytes of UTF-8) in text and in attribute values.
        private const byte Copy = 0, Escape = 1, Forbidden = 2, NonAscii = 3;
        private static readonly byte[] TextClass = BuildClassTable(attribute: false);
        private static readonly byte[] AttrClass = BuildClassTable(attribute: true);

        private static readonly byte[] XmlDeclarationBytes = Ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        private static readonly byte[] CollectionStart = Ascii("<collection xmlns=\"" + MarcXmlNames.Namespace + "\">\n");
        private static readonly byte[] CollectionEnd = Ascii("</collection>\n");
        private static readonly byte[] RecordStartStandalone = Ascii("<record xmlns=\"" + MarcXmlNames.Namespace + "\">");

        // Markup, with or without indentation (chosen once in the constructor).
        private readonly byte[] _recordStart, _recordEnd, _leaderStart, _leaderEnd, _cfStart, _cfEnd,
            _dfStart, _dfInd1, _dfInd2, _dfHeadEnd, _dfEnd, _dfEmptyEnd, _sfStart, _sfEnd;

        private readonly Stream _stream;
        private readonly MarcXmlWriterOptions _options;
        private readonly bool _indent;
        private byte[] _buf;
        private int _len;
        private bool _started;
        private bool _completed;
        private bool _disposed;

        // What is being written, for diagnostics (strings are only built when something is reported).
        private MarcRecord? _record;
        private Part _part;
        private string? _tag;
        private char _code;

        private enum Part { Leader, Tag, ControlValue, Indicator1, Indicator2, Code, SubfieldValue }

        public MarcXmlWriter(Stream stream, MarcXmlWriterOptions? options = null)
            : this(stream, options, FlushThreshold + 16 * 1024)
        {
        }

        private MarcXmlWriter(Stream stream, MarcXmlWriterOptions? options, int bufferSize)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _options = options?.Clone() ?? new MarcXmlWriterOptions();
            _indent = _options.Indent;
            _buf = new byte[bufferSize];
            string nl = _indent ? "\n" : string.Empty, i1 = _indent ? "  " : string.Empty, i2 = _indent ? "    " : string.Empty;
            _recordStart = Ascii("<record>" + nl);
            _recordEnd = Ascii("</record>");
            _leaderStart = Ascii(i1 + "<leader>");
            _leaderEnd = Ascii("</leader>" + nl);
            _cfStart = Ascii(i1 + "<controlfield tag=\"");
            _cfEnd = Ascii("</controlfield>" + nl);
            _dfStart = Ascii(i1 + "<datafield tag=\"");
            _dfInd1 = Ascii("\" ind1=\"");
            _dfInd2 = Ascii("\" ind2=\"");
            _dfHeadEnd = Ascii("\">" + nl);
            _dfEnd = Ascii(i1 + "</datafield>" + nl);
            _dfEmptyEnd = Ascii("\"/>" + nl);
            _sfStart = Ascii(i2 + "<subfield code=\"");
            _sfEnd = Ascii("</subfield>" + nl);
        }

        /// <summary>Records written so far.</summary>
        public long Count { get; private set; }

        /// <summary>Characters (or invalid UTF-8 sequences) that could not be written as they are, so far.</summary>
        public long InvalidCharacterCount { get; private set; }

        /// <summary>
        /// Writes the records only, without the XML declaration and the collection's start and end tags: one part of a
        /// document that another writer assembles (<see cref="WriteSerialized"/>). Call <see cref="FlushFragment"/> at the end of the part.
        /// </summary>
        internal bool Fragment { get; set; }

        /// <summary>Writes what a <see cref="Fragment"/> writer has buffered.</summary>
        internal void FlushFragment() => FlushBuffer();

        /// <summary>Adds <paramref name="records"/> records serialised by a <see cref="Fragment"/> writer with the same options.</summary>
        internal void WriteSerialized(byte[] bytes, int offset, int count, long records)
        {
            if (_completed) throw new InvalidOperationException("The MARCXML collection was already completed.");
            StartDocument();
            FlushBuffer();
            _stream.Write(bytes, offset, count);
            Count += records;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public void Write(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (_disposed) throw new ObjectDisposedException(nameof(MarcXmlWriter));
            if (_completed) throw new InvalidOperationException("The MARCXML collection was already completed.");
            StartDocument();
            int mark = _len;
            try
            {
                WriteRecord(record, standalone: false);
                Reserve(1);
                _buf[_len++] = (byte)'\n';
            }
            catch
            {
                _len = mark; // nothing of a refused record is written
                throw;
            }
            Count++;
            if (_len >= FlushThreshold) FlushBuffer();
        }

        /// <summary>Closes the collection and flushes. Further calls do nothing.</summary>
        public void Complete()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MarcXmlWriter));
            if (_completed) return;
            StartDocument();
            Append(CollectionEnd);
            _completed = true;
            FlushBuffer();
            _stream.Flush();
        }

        /// <summary>Writes what is buffered (without closing the collection) and, unless
        /// <see cref="MarcXmlWriterOptions.LeaveOpen"/>, disposes the stream.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (_len > 0) FlushBuffer();
            }
            finally
            {
                if (!_options.LeaveOpen) _stream.Dispose();
            }
        }

        /// <summary>
        /// One record as a MARCXML <c>&lt;record xmlns="http://www.loc.gov/MARC21/slim"&gt;</c> element (no XML
        /// declaration). Without <paramref name="options"/>, a character XML cannot carry throws
        /// <see cref="MarcEncodingException"/> (<see cref="InvalidXmlCharacterPolicy.Error"/>); pass options to choose another policy.
        /// </summary>
        public static string ToXml(MarcRecord record, MarcXmlWriterOptions? options = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var opts = options?.Clone() ?? new MarcXmlWriterOptions { InvalidCharacters = InvalidXmlCharacterPolicy.Error };
            var w = new MarcXmlWriter(Stream.Null, opts, 4096);
            w.WriteRecord(record, standalone: true);
            return Encoding.UTF8.GetString(w._buf, 0, w._len);
        }

        // ------------------------------------------------------------------ structure

        private void StartDocument()
        {
            if (_started) return;
            _started = true;
            if (Fragment) return;
            if (_options.XmlDeclaration) Append(XmlDeclarationBytes);
            Append(CollectionStart);
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteRecord(MarcRecord record, bool standalone)
        {
            _record = record;
            try
            {
                if (standalone)
                {
                    Append(RecordStartStandalone);
                    if (_indent) AppendByte((byte)'\n');
                }
                else
                {
                    Append(_recordStart);
                }
                Append(_leaderStart);
                _part = Part.Leader;
                _tag = null;
                string leader = record.Leader.ToString();
                if (leader.Length == Leader.Length && leader[9] != 'a') leader = leader.Substring(0, 9) + "a" + leader.Substring(10);
                WriteChars(leader, attribute: false);
                Append(_leaderEnd);

                FieldCollection fields = record.Fields;
                int count = fields.Count;
                for (int i = 0; i < count; i++)
                {
                    MarcField field = fields[i];
                    _tag = field.Tag;
                    if (field is ControlField cf) WriteControlField(cf);
                    else WriteDataField((DataField)field);
                }
                Append(_recordEnd);
            }
            finally
            {
                _record = null;
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteControlField(ControlField cf)
        {
            Append(_cfStart);
            WriteTag(cf.Tag);
            AppendQuoteGt();
            _part = Part.ControlValue;
            ref LazyText value = ref cf.RawValue;
            if (value.TryGetRaw(MarcTextCodec.Utf8, out byte[] b, out int o, out int c)) WriteUtf8(b, o, c, TextClass);
            else if (value.TryGetRaw(MarcTextCodec.Marc8, out b, out o, out c)) WriteMarc8(b, o, c);
            else if (value.TryGetRaw(MarcTextCodec.ByteTransparent, out b, out o, out c)) WriteLatin1(b, o, c, TextClass);
            else WriteChars(cf.Value, attribute: false);
            Append(_cfEnd);
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteDataField(DataField df)
        {
            Append(_dfStart);
            WriteTag(df.Tag);
            Append(_dfInd1);
            _part = Part.Indicator1;
            WriteChar(df.Indicator1, attribute: true);
            Append(_dfInd2);
            _part = Part.Indicator2;
            WriteChar(df.Indicator2, attribute: true);

            int before = _len;
            Append(_dfHeadEnd);
            int afterStart = _len;

            if (df.TryGetRawSubfields(MarcTextCodec.Utf8, out byte[] b, out int o, out int c)) WriteRawSubfields(b, o, c, utf8: true);
            else if (df.TryGetRawSubfields(MarcTextCodec.Marc8, out b, out o, out c))
            {
                if (IsPlainMarc8(b, o, c)) WriteRawSubfields(b, o, c, utf8: true); // ASCII: the same bytes in UTF-8
                else WriteMarc8Subfields(b, o, c);
            }
            else if (df.TryGetRawSubfields(MarcTextCodec.ByteTransparent, out b, out o, out c)) WriteRawSubfields(b, o, c, utf8: false);
            else
            {
                foreach (Subfield s in df.Subfields)
                {
                    SubfieldHead(s.Code);
                    ref LazyText value = ref s.RawValue;
                    if (value.TryGetRaw(MarcTextCodec.Utf8, out b, out o, out c)) WriteUtf8(b, o, c, TextClass);
                    else if (value.TryGetRaw(MarcTextCodec.Marc8, out b, out o, out c)) WriteMarc8(b, o, c);
                    else if (value.TryGetRaw(MarcTextCodec.ByteTransparent, out b, out o, out c)) WriteLatin1(b, o, c, TextClass);
                    else WriteChars(s.Value, attribute: false);
                    Append(_sfEnd);
                }
            }

            if (_len == afterStart)
            {
                // no subfields: an empty element
                _len = before;
                Append(_dfEmptyEnd);
            }
            else
            {
                Append(_dfEnd);
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteTag(string tag)
        {
            _part = Part.Tag;
            if (tag.Length == 3)
            {
                char a = tag[0], b = tag[1], c = tag[2];
                if (a < 0x80 && b < 0x80 && c < 0x80 && AttrClass[a] == Copy && AttrClass[b] == Copy && AttrClass[c] == Copy)
                {
                    Reserve(3);
                    _buf[_len] = (byte)a;
                    _buf[_len + 1] = (byte)b;
                    _buf[_len + 2] = (byte)c;
                    _len += 3;
                    return;
                }
            }
            WriteChars(tag, attribute: true);
        }

        private void AppendQuoteGt()
        {
            Reserve(2);
            _buf[_len] = (byte)'"';
            _buf[_len + 1] = (byte)'>';
            _len += 2;
        }

        private void AppendByte(byte b)
        {
            Reserve(1);
            _buf[_len++] = b;
        }

        /// <summary>The subfield bytes after the indicators, split exactly as <see cref="DataField"/> splits them.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteRawSubfields(byte[] buf, int offset, int count, bool utf8)
        {
            byte[] table = TextClass;
            int end = offset + count;
            int pos = offset;
            int first = count > 0 ? Array.IndexOf(buf, DataField.SubfieldDelimiter, pos, count) : -1;
            if (first < 0) first = end;
            if (first > pos)
            {
                SubfieldHead(Subfield.NoCode);
                if (utf8) WriteUtf8(buf, pos, first - pos, table); else WriteLatin1(buf, pos, first - pos, table);
                Append(_sfEnd);
            }
            pos = first;
            while (pos < end)
            {
                int codeAt = pos + 1;
                int next = codeAt < end ? Array.IndexOf(buf, DataField.SubfieldDelimiter, codeAt, end - codeAt) : -1;
                if (next < 0) next = end;
                if (codeAt < next)
                {
                    int start = codeAt + 1;
#if NET8_0_OR_GREATER
                    // Fast path: an ordinary code and a value that needs no escaping, written with one reservation.
                    byte code = buf[codeAt];
                    if (code < 0x80 && AttrClass[code] == Copy)
                    {
                        var value = new ReadOnlySpan<byte>(buf, start, next - start);
                        if (value.IndexOfAny(TextStops) < 0)
                        {
                            byte[] head = _sfStart, tail = _sfEnd;
                            Reserve(head.Length + 3 + value.Length + tail.Length);
                            Span<byte> dst = _buf.AsSpan(_len);
                            head.AsSpan().CopyTo(dst);
                            int k = head.Length;
                            dst[k] = code;
                            dst[k + 1] = (byte)'"';
                            dst[k + 2] = (byte)'>';
                            k += 3;
                            value.CopyTo(dst.Slice(k));
                            k += value.Length;
                            tail.AsSpan().CopyTo(dst.Slice(k));
                            _len += k + tail.Length;
                            pos = next;
                            continue;
                        }
                    }
#endif
                    SubfieldHead((char)buf[codeAt]);
                    if (utf8) WriteUtf8(buf, start, next - start, table); else WriteLatin1(buf, start, next - start, table);
                    Append(_sfEnd);
                }
                pos = next;
            }
        }

        // ------------------------------------------------------------------ MARC-8

#if NET8_0_OR_GREATER
        private static readonly System.Buffers.SearchValues<byte> Marc8Stops = System.Buffers.SearchValues.Create(Marc8StopBytes());

        private static byte[] Marc8StopBytes()
        {
            var list = new System.Collections.Generic.List<byte> { 0x1B, (byte)'&' };
            for (int x = 0x7F; x <= 0xFF; x++) list.Add((byte)x);
            return list.ToArray();
        }
#endif

        /// <summary>True when MARC-8 bytes decode to themselves (ASCII, no escape, no character reference).</summary>
        private static bool IsPlainMarc8(byte[] b, int offset, int count)
        {
#if NET8_0_OR_GREATER
            var span = new ReadOnlySpan<byte>(b, offset, count);
            int k = span.IndexOfAny(Marc8Stops);
            if (k < 0) return true;
            if (span[k] != (byte)'&') return false;
            return Marc8Decoder.IsPlainAscii(b, offset + k, count - k, ncr: true);
#else
            return Marc8Decoder.IsPlainAscii(b, offset, count, ncr: true);
#endif
        }

        private System.Collections.Generic.List<Marc8Issue>? _marc8Issues;

        private void WriteMarc8(byte[] b, int offset, int count)
        {
            if (IsPlainMarc8(b, offset, count))
            {
                WriteUtf8(b, offset, count, TextClass);
                return;
            }
            var issues = _marc8Issues ??= new System.Collections.Generic.List<Marc8Issue>();
            issues.Clear();
            string text = Marc8Decoder.Decode(b, offset, count, null, issues);
            ReportMarc8(issues);
            WriteChars(text, attribute: false);
        }

        private void WriteMarc8Subfields(byte[] b, int offset, int count)
        {
            var issues = _marc8Issues ??= new System.Collections.Generic.List<Marc8Issue>();
            issues.Clear();
            var subfields = Marc8Decoder.DecodeSubfields(b, offset, count, null, issues);
            ReportMarc8(issues);
            foreach (Subfield s in subfields)
            {
                SubfieldHead(s.Code);
                WriteChars(s.Value, attribute: false);
                Append(_sfEnd);
            }
        }

        private void ReportMarc8(System.Collections.Generic.List<Marc8Issue> issues)
        {
            if (issues.Count == 0 || _options.Diagnostic == null || _record == null) return;
            long origin = _record.Origin != null && _record.Origin.Format == MarcFormat.Iso2709 ? _record.Origin.ByteOffset : -1;
            foreach (Marc8Issue issue in issues)
            {
                _options.Diagnostic(_record, new MarcDiagnostic(MarcSeverity.Warning, issue.Code, "Field " + _tag + ": " + issue.Message,
                    origin >= 0 ? origin + issue.Position : -1, _tag));
            }
        }

        private void SubfieldHead(char code)
        {
            Append(_sfStart);
            _code = code;
            if (code != Subfield.NoCode)
            {
                if (code < 0x80 && AttrClass[code] == Copy)
                {
                    AppendByte((byte)code);
                }
                else
                {
                    _part = Part.Code;
                    WriteChar(code, attribute: true);
                }
            }
            AppendQuoteGt();
            _part = Part.SubfieldValue;
        }

        // ------------------------------------------------------------------ text

#if NET8_0_OR_GREATER
        // Bytes that end a run of bytes that can be copied as they are (text): everything but Copy in TextClass.
        private static readonly System.Buffers.SearchValues<byte> TextStops = System.Buffers.SearchValues.Create(Stops(TextClass, withNonAscii: true));
        private static readonly System.Buffers.SearchValues<byte> TextAsciiStops = System.Buffers.SearchValues.Create(Stops(TextClass, withNonAscii: false));
        private static readonly byte[] NonCharacterPrefix = { 0xEF, 0xBF };

        private static byte[] Stops(byte[] table, bool withNonAscii)
        {
            var list = new System.Collections.Generic.List<byte>();
            for (int b = 0; b < 256; b++)
            {
                if (table[b] == Copy || (!withNonAscii && table[b] == NonAscii)) continue;
                list.Add((byte)b);
            }
            return list.ToArray();
        }

        /// <summary>True when valid UTF-8 holds U+FFFE or U+FFFF (EF BF BE / EF BF BF).</summary>
        private static bool HasNonCharacter(ReadOnlySpan<byte> s)
        {
            int k;
            while ((k = s.IndexOf(NonCharacterPrefix)) >= 0)
            {
                if (k + 2 < s.Length && s[k + 2] >= 0xBE) return true;
                s = s.Slice(k + 1);
            }
            return false;
        }
#endif

        /// <summary>UTF-8 bytes, checked and escaped.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteUtf8(byte[] src, int offset, int count, byte[] table)
        {
#if NET8_0_OR_GREATER
            if (ReferenceEquals(table, TextClass))
            {
                // Fast path: nothing to escape and valid UTF-8 -> one copy.
                var span = new ReadOnlySpan<byte>(src, offset, count);
                int stop = span.IndexOfAny(TextStops);
                if (stop < 0)
                {
                    AppendBytes(src, offset, count);
                    return;
                }
                var rest = span.Slice(stop);
                if (rest[0] >= 0x80 && rest.IndexOfAny(TextAsciiStops) < 0 && System.Text.Unicode.Utf8.IsValid(rest) && !HasNonCharacter(rest))
                {
                    AppendBytes(src, offset, count);
                    return;
                }
            }
#endif
            int end = offset + count;
            int i = offset;
            int run = offset;
            while (i < end)
            {
                byte k = table[src[i]];
                if (k == Copy)
                {
                    i++;
                    continue;
                }
                int cp = 0;
                int len = 0;
                if (k == NonAscii)
                {
                    len = Utf8Validator.DecodeSequence(src, i, end, out cp);
                    if (len > 0 && cp != 0xFFFE && cp != 0xFFFF)
                    {
                        i += len;
                        continue;
                    }
                }
                AppendBytes(src, run, i - run);
                if (k == Escape)
                {
                    AppendEscape(src[i]);
                    i++;
                }
                else if (k == Forbidden)
                {
                    Invalid(src[i]);
                    i++;
                }
                else if (len > 0)
                {
                    Invalid(cp); // U+FFFE, U+FFFF
                    i += len;
                }
                else
                {
                    InvalidUtf8(src, i, -len);
                    i += -len;
                }
                run = i;
            }
            AppendBytes(src, run, i - run);
        }

        /// <summary>Bytes that each stand for the character of the same value (byte-transparent records).</summary>
        private void WriteLatin1(byte[] src, int offset, int count, byte[] table)
        {
#if NET8_0_OR_GREATER
            if (ReferenceEquals(table, TextClass) && new ReadOnlySpan<byte>(src, offset, count).IndexOfAny(TextStops) < 0)
            {
                AppendBytes(src, offset, count);
                return;
            }
#endif
            Reserve(count * 2);
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = src[i];
                byte k = table[b];
                if (k == Copy)
                {
                    _buf[_len++] = b;
                }
                else if (k == NonAscii)
                {
                    _buf[_len++] = (byte)(0xC0 | (b >> 6));
                    _buf[_len++] = (byte)(0x80 | (b & 0x3F));
                }
                else
                {
                    if (k == Escape) AppendEscape(b);
                    else Invalid(b);
                    Reserve((end - i) * 2);
                }
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteChars(string s, bool attribute)
        {
            byte[] table = attribute ? AttrClass : TextClass;
            int n = s.Length;
            Reserve(n * 3);
            for (int i = 0; i < n; i++)
            {
                char c = s[i];
                if (c < 0x80)
                {
                    byte k = table[c];
                    if (k == Copy)
                    {
                        _buf[_len++] = (byte)c;
                        continue;
                    }
                    if (k == Escape) AppendEscape((byte)c);
                    else Invalid(c);
                }
                else if (c < 0x800)
                {
                    _buf[_len++] = (byte)(0xC0 | (c >> 6));
                    _buf[_len++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }
                else if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]))
                    {
                        int cp = char.ConvertToUtf32(c, s[i + 1]);
                        i++;
                        _buf[_len++] = (byte)(0xF0 | (cp >> 18));
                        _buf[_len++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                        _buf[_len++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                        _buf[_len++] = (byte)(0x80 | (cp & 0x3F));
                        continue;
                    }
                    Invalid(c);
                }
                else if (c >= 0xFFFE)
                {
                    Invalid(c);
                }
                else
                {
                    _buf[_len++] = (byte)(0xE0 | (c >> 12));
                    _buf[_len++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    _buf[_len++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }
                Reserve((n - i) * 3);
            }
        }

        private void WriteChar(char c, bool attribute)
        {
            if (c < 0x80 && (attribute ? AttrClass : TextClass)[c] == Copy)
            {
                Reserve(1);
                _buf[_len++] = (byte)c;
            }
            else
            {
                WriteChars(c.ToString(), attribute);
            }
        }

        // ------------------------------------------------------------------ invalid characters

        private void Invalid(int codePoint)
        {
            InvalidCharacterCount++;
            var policy = _options.InvalidCharacters;
            string what = "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
            string where = Where();
            switch (policy)
            {
                case InvalidXmlCharacterPolicy.Error:
                {
                    string msg = where + ": character " + what + " cannot be written in XML 1.0; the record was not written.";
                    Report(MarcSeverity.Error, MarcDiagnosticCodes.XmlInvalidCharacter, msg);
                    throw new MarcEncodingException(msg);
                }
                case InvalidXmlCharacterPolicy.CharacterReference:
                    Report(MarcSeverity.Warning, MarcDiagnosticCodes.XmlInvalidCharacter,
                        where + ": character " + what + " is not allowed in XML 1.0; written as the character reference &#x" + codePoint.ToString("X", CultureInfo.InvariantCulture) + "; (not well-formed XML 1.0).");
                    Append(Ascii("&#x" + codePoint.ToString("X", CultureInfo.InvariantCulture) + ";"));
                    break;
                default:
                    Report(MarcSeverity.Warning, MarcDiagnosticCodes.XmlInvalidCharacter,
                        where + ": character " + what + " cannot be written in XML 1.0; written as U+FFFD.");
                    AppendReplacement();
                    break;
            }
        }

        private void InvalidUtf8(byte[] src, int offset, int count)
        {
            InvalidCharacterCount++;
            var sb = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(src[offset + i].ToString("X2", CultureInfo.InvariantCulture));
            }
            string where = Where();
            if (_options.InvalidCharacters == InvalidXmlCharacterPolicy.Error)
            {
                string msg = where + ": bytes " + sb + " are not valid UTF-8; the record was not written.";
                Report(MarcSeverity.Error, MarcDiagnosticCodes.InvalidUtf8, msg);
                throw new MarcEncodingException(msg);
            }
            Report(MarcSeverity.Warning, MarcDiagnosticCodes.InvalidUtf8, where + ": bytes " + sb + " are not valid UTF-8; written as U+FFFD.");
            AppendReplacement();
        }

        private string Where()
        {
            switch (_part)
            {
                case Part.Leader: return "Leader";
                case Part.Tag: return "Tag of field " + _tag;
                case Part.ControlValue: return "Field " + _tag;
                case Part.Indicator1: return "Field " + _tag + " indicator 1";
                case Part.Indicator2: return "Field " + _tag + " indicator 2";
                case Part.Code: return "Field " + _tag + " subfield code";
                default: return "Field " + _tag + (_code == Subfield.NoCode ? " (data before the first subfield)" : " $" + _code);
            }
        }

        private void Report(MarcSeverity severity, string code, string message)
        {
            var handler = _options.Diagnostic;
            if (handler != null && _record != null) handler(_record, new MarcDiagnostic(severity, code, message, -1, _tag));
        }

        // ------------------------------------------------------------------ buffer

        private void AppendReplacement()
        {
            Reserve(3);
            _buf[_len++] = 0xEF;
            _buf[_len++] = 0xBF;
            _buf[_len++] = 0xBD;
        }

        private void AppendEscape(byte b)
        {
            switch (b)
            {
                case (byte)'&': Append(Amp); break;
                case (byte)'<': Append(Lt); break;
                case (byte)'>': Append(Gt); break;
                case (byte)'"': Append(Quot); break;
                case (byte)'\t': Append(Tab); break;
                case (byte)'\n': Append(Lf); break;
                default: Append(Cr); break;
            }
        }

        private static readonly byte[] Amp = Ascii("&amp;");
        private static readonly byte[] Lt = Ascii("&lt;");
        private static readonly byte[] Gt = Ascii("&gt;");
        private static readonly byte[] Quot = Ascii("&quot;");
        private static readonly byte[] Tab = Ascii("&#9;");
        private static readonly byte[] Lf = Ascii("&#10;");
        private static readonly byte[] Cr = Ascii("&#13;");

        [MethodImpl(Iso2709Constants.HotPath)]
        private void Append(byte[] bytes)
        {
            Reserve(bytes.Length);
#if NET8_0_OR_GREATER
            bytes.AsSpan().CopyTo(_buf.AsSpan(_len));
#else
            Buffer.BlockCopy(bytes, 0, _buf, _len, bytes.Length);
#endif
            _len += bytes.Length;
        }

        private void AppendBytes(byte[] src, int offset, int count)
        {
            if (count <= 0) return;
            Reserve(count);
#if NET8_0_OR_GREATER
            new ReadOnlySpan<byte>(src, offset, count).CopyTo(_buf.AsSpan(_len));
#else
            Buffer.BlockCopy(src, offset, _buf, _len, count);
#endif
            _len += count;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void Reserve(int n)
        {
            if (_len + n <= _buf.Length) return;
            int size = Math.Max(_buf.Length * 2, _len + n);
            Array.Resize(ref _buf, size);
        }

        private void FlushBuffer()
        {
            if (_len == 0) return;
            _stream.Write(_buf, 0, _len);
            _len = 0;
        }

        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

        private static byte[] BuildClassTable(bool attribute)
        {
            var t = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                if (b >= 0x80) t[b] = NonAscii;
                else if (b < 0x20) t[b] = Forbidden;
                else t[b] = Copy;
            }
            t['&'] = Escape;
            t['<'] = Escape;
            t['>'] = Escape;
            t['\r'] = Escape;
            if (attribute)
            {
                t['"'] = Escape;
                t['\t'] = Escape;
                t['\n'] = Escape;
            }
            else
            {
                t['\t'] = Copy;
                t['\n'] = Copy;
            }
            return t;
        }
    }
}

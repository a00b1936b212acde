using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>A data field: tag, two indicators and ordered subfields.</summary>
    public sealed class DataField : MarcField
    {
        internal const byte SubfieldDelimiter = 0x1F;

        private char _indicator1;
        private char _indicator2;
        private SubfieldCollection? _subfields;

        // Until the subfields are asked for, they stay as the bytes after the indicators.
        private RecordBytes? _raw;
        private int _rawOffset;
        private int _rawCount;

        public DataField(string tag) : this(tag, ' ', ' ') { }

        public DataField(string tag, char indicator1, char indicator2) : base(tag, validate: true)
        {
            _indicator1 = indicator1;
            _indicator2 = indicator2;
            _subfields = new SubfieldCollection();
        }

        public DataField(string tag, char indicator1, char indicator2, IEnumerable<Subfield> subfields)
            : this(tag, indicator1, indicator2)
        {
            if (subfields == null) throw new ArgumentNullException(nameof(subfields));
            _subfields!.AddRange(subfields);
        }

        /// <summary>
        /// Creates a field from its indicators as two characters (<c>"10"</c>, <c>"  "</c>, <c>"\0"</c> with \ for blank)
        /// and alternating subfield codes and values: <c>new DataField("245", "10", "a", "Title :", "b", "subtitle")</c>.
        /// </summary>
        public DataField(string tag, string indicators, params string[] codesAndValues) : base(tag, validate: true)
        {
            Indicators = indicators;
            _subfields = new SubfieldCollection();
            AddSubfields(codesAndValues);
        }

        /// <summary>A field over raw bytes: the subfield bytes after the indicators, without the field terminator.</summary>
        internal DataField(string tag, char indicator1, char indicator2, byte[] buffer, int subfieldsOffset, int subfieldsCount, MarcTextCodec codec)
            : this(tag, indicator1, indicator2, new RecordBytes(buffer, codec), subfieldsOffset, subfieldsCount) { }

        internal DataField(string tag, char indicator1, char indicator2, RecordBytes raw, int subfieldsOffset, int subfieldsCount)
            : base(tag, validate: false)
        {
            _indicator1 = indicator1;
            _indicator2 = indicator2;
            _raw = raw;
            _rawOffset = subfieldsOffset;
            _rawCount = subfieldsCount;
        }

        internal DataField(string tag, char indicator1, char indicator2, bool validate) : base(tag, validate)
        {
            _indicator1 = indicator1;
            _indicator2 = indicator2;
            _subfields = new SubfieldCollection();
        }

        public override bool IsControlField => false;

        public char Indicator1 { get => _indicator1; set => _indicator1 = value; }

        public char Indicator2 { get => _indicator2; set => _indicator2 = value; }

        /// <summary>Both indicators as two characters; a backslash is accepted for a blank when setting.</summary>
        public string Indicators
        {
            get => new string(new[] { _indicator1, _indicator2 });
            set
            {
                if (value == null || value.Length != 2)
                    throw new ArgumentException("Indicators are exactly two characters, e.g. \"10\" or \"  \".", nameof(value));
                _indicator1 = value[0] == '\\' ? ' ' : value[0];
                _indicator2 = value[1] == '\\' ? ' ' : value[1];
            }
        }

        public SubfieldCollection Subfields
        {
            get
            {
                if (_subfields == null) Materialize();
                return _subfields!;
            }
        }

        /// <summary>
        /// First value of subfield <paramref name="code"/> (a one-character string), or null. Setting it replaces the
        /// first value (or adds the subfield at the end, as pymarc does); setting null removes every such subfield.
        /// </summary>
        public override string? this[string code]
        {
            get => GetValue(SubfieldCode(code));
            set => this[SubfieldCode(code)] = value;
        }

        public string? this[char code]
        {
            get => GetValue(code);
            set
            {
                if (value == null) RemoveSubfields(code);
                else SetSubfield(code, value);
            }
        }

        private static char SubfieldCode(string code)
        {
            if (code == null || code.Length != 1) throw new ArgumentException("A subfield code is one character.", nameof(code));
            return code[0];
        }

        /// <summary>The first value of subfield <paramref name="code"/>, or null when the field has none.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public string? GetValue(char code)
        {
            foreach (var s in Subfields)
            {
                if (s.Code == code) return s.Value;
            }
            return null;
        }

        /// <summary>Every value of the given subfield codes, in field order; all subfields when no code is given.</summary>
        public string[] GetValues(params char[] codes)
        {
            var list = new List<string>();
            foreach (var s in Subfields)
            {
                if (codes == null || codes.Length == 0 || Array.IndexOf(codes, s.Code) >= 0) list.Add(s.Value);
            }
            return list.ToArray();
        }

        /// <summary>Every value of the codes in <paramref name="codes"/> (e.g. "abc"), in field order.</summary>
        public string[] GetValues(string codes) => GetValues((codes ?? string.Empty).ToCharArray());

        /// <summary>True when the field has at least one subfield <paramref name="code"/>.</summary>
        public bool HasSubfield(char code) => GetValue(code) != null;

        public Subfield AddSubfield(char code, string value) => Subfields.Add(code, value);

        public Subfield InsertSubfield(int index, char code, string value)
        {
            var s = new Subfield(code, value);
            Subfields.Insert(index, s);
            return s;
        }

        /// <summary>Sets the first subfield <paramref name="code"/> to <paramref name="value"/>, adding it when absent.</summary>
        public Subfield SetSubfield(char code, string value)
        {
            foreach (var s in Subfields)
            {
                if (s.Code == code)
                {
                    s.Value = value;
                    return s;
                }
            }
            return AddSubfield(code, value);
        }

        /// <summary>Removes every subfield <paramref name="code"/>; returns how many were removed.</summary>
        public int RemoveSubfields(char code)
        {
            var subs = Subfields;
            int removed = 0;
            for (int i = subs.Count - 1; i >= 0; i--)
            {
                if (subs[i].Code == code)
                {
                    subs.RemoveAt(i);
                    removed++;
                }
            }
            return removed;
        }

        /// <summary>Adds alternating codes and values: <c>AddSubfields("a", "Title", "b", "subtitle")</c>.</summary>
        public void AddSubfields(params string[] codesAndValues)
        {
            if (codesAndValues == null) return;
            if (codesAndValues.Length % 2 != 0)
                throw new ArgumentException("Give subfield codes and values in pairs: code, value, code, value, ...", nameof(codesAndValues));
            for (int i = 0; i < codesAndValues.Length; i += 2)
            {
                string code = codesAndValues[i];
                if (code == null || code.Length != 1)
                    throw new ArgumentException("Subfield code '" + code + "' is not one character.", nameof(codesAndValues));
                AddSubfield(code[0], codesAndValues[i + 1] ?? string.Empty);
            }
        }

        public override string Text
        {
            get
            {
                var sb = new StringBuilder();
                foreach (var s in Subfields)
                {
                    if (sb.Length > 0) sb.Append(' ');
                    sb.Append(s.Value);
                }
                return sb.ToString();
            }
        }

        public override MarcField Clone()
        {
            var copy = new DataField(Tag, _indicator1, _indicator2, validate: false);
            if (_subfields == null)
            {
                copy._subfields = null;
                copy._raw = _raw;
                copy._rawOffset = _rawOffset;
                copy._rawCount = _rawCount;
            }
            else
            {
                foreach (var s in _subfields) copy._subfields!.Add(s.Clone());
            }
            return copy;
        }

        public override bool ContentEquals(MarcField? other)
        {
            if (!(other is DataField d) || d.Tag != Tag || d._indicator1 != _indicator1 || d._indicator2 != _indicator2) return false;
            var a = Subfields;
            var b = d.Subfields;
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++)
            {
                if (a[i].Code != b[i].Code || a[i].Value != b[i].Value) return false;
            }
            return true;
        }

        public override string ToMarcText()
        {
            var sb = new StringBuilder();
            sb.Append('=').Append(Tag).Append("  ").Append(BlankAsBackslash(_indicator1)).Append(BlankAsBackslash(_indicator2));
            foreach (var s in Subfields)
            {
                if (s.Code != Subfield.NoCode) sb.Append('$').Append(s.Code);
                sb.Append(s.Value);
            }
            return sb.ToString();
        }

        /// <summary>
        /// The bytes after the indicators, when the subfields were never touched and are in <paramref name="codec"/>,
        /// so writers can copy them unchanged.
        /// </summary>
        internal bool TryGetRawSubfields(MarcTextCodec codec, out byte[] buffer, out int offset, out int count) =>
            TryGetRaw(codec, out buffer, out offset, out count);

        /// <summary>The bytes after the indicators while the subfields were never touched (in whatever codec the record was read with).</summary>
        internal bool TryGetRawSubfields(out byte[] buffer, out int offset, out int count) => TryGetRaw(null, out buffer, out offset, out count);

        [MethodImpl(Iso2709Constants.HotPath)]
        private bool TryGetRaw(MarcTextCodec? codec, out byte[] buffer, out int offset, out int count)
        {
            if (_subfields == null && (codec == null || ReferenceEquals(_raw!.Codec, codec)))
            {
                buffer = _raw!.Buffer;
                offset = _rawOffset;
                count = _rawCount;
                return true;
            }
            buffer = null!;
            offset = 0;
            count = 0;
            return false;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void Materialize()
        {
            RecordBytes raw = _raw!;
            byte[] buf = raw.Buffer;
            int pos = _rawOffset;
            int end = _rawOffset + _rawCount;
            MarcTextCodec codec = raw.Codec;
            int delimiters = SubfieldScanner.CountDelimiters(buf, pos, end);
            var list = new SubfieldList(delimiters + (delimiters == 0 || buf[pos] != SubfieldDelimiter ? 1 : 0));

            // MARC-8 escape state carries across subfield delimiters (Marc8Decoder): a subfield that starts or ends
            // in another state than the default cannot stand on its own as raw bytes, so it is decoded now (with the
            // state it starts in) and will be re-encoded self-contained when written.
            bool marc8Escapes = ReferenceEquals(codec, MarcTextCodec.Marc8) && _rawCount > 0 && Array.IndexOf(buf, (byte)0x1B, pos, end - pos) >= 0;
            var state = Marc8State.Default;

            // The delimiters, found 64 bytes at a time; each one ends the subfield begun at the previous one.
            // A delimiter directly followed by another (or by the end) has no code and makes no subfield.
            int previous = -1;
            for (int block = pos; block < end && delimiters > 0; block += SubfieldScanner.MaskWidth)
            {
                ulong mask = SubfieldScanner.DelimiterMask(buf, block, end);
                while (mask != 0)
                {
                    int d = block + SubfieldScanner.LowestBit(mask);
                    mask &= mask - 1;
                    delimiters--;
                    if (previous < 0)
                    {
                        if (d > pos) list.Add(MakeSubfield(Subfield.NoCode, raw, pos, d - pos, marc8Escapes, ref state));
                    }
                    else if (previous + 1 < d)
                    {
                        list.Add(MakeSubfield((char)buf[previous + 1], raw, previous + 2, d - previous - 2, marc8Escapes, ref state));
                    }
                    previous = d;
                }
            }
            if (previous < 0)
            {
                if (end > pos) list.Add(MakeSubfield(Subfield.NoCode, raw, pos, end - pos, marc8Escapes, ref state));
            }
            else if (previous + 1 < end)
            {
                list.Add(MakeSubfield((char)buf[previous + 1], raw, previous + 2, end - previous - 2, marc8Escapes, ref state));
            }
            _subfields = new SubfieldCollection(list);
            _raw = null;
        }

        private static Subfield MakeSubfield(char code, RecordBytes raw, int offset, int count, bool marc8Escapes, ref Marc8State state)
        {
            if (!marc8Escapes) return new Subfield(code, raw, offset, count);
            Marc8State start = state;
            state = Marc8Decoder.Advance(raw.Buffer, offset, count, start);
            if (start.IsDefault && state.IsDefault) return new Subfield(code, raw, offset, count);
            return new Subfield(code, raw.Codec.Decode(raw.Buffer, offset, count, start));
        }
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// Converts whole records between MARC-8 and Unicode. Both methods return a new record (the input is not
    /// changed) with leader/09 set, carrying the input's origin and warnings plus one warning per conversion problem
    /// (code, tag, and the absolute byte offset in the source file when the record was read from ISO 2709).
    /// Record length and base address are recomputed by the writers.
    /// <code>
    /// MarcRecord unicode = MarcEncodingConverter.ToUnicode(record);          // leader/09 'a'
    /// MarcRecord marc8 = MarcEncodingConverter.ToMarc8(unicode);             // leader/09 blank, lossless
    /// new Iso2709Writer(stream).Write(marc8);                                // MARC-8 bytes
    /// </code>
    /// </summary>
    public static class MarcEncodingConverter
    {
        /// <summary>
        /// The one "convert to the requested encoding" step of the commands: <see cref="MarcEncoding.Utf8"/> gives the
        /// record in UTF-8 (<see cref="ToUnicode"/>), <see cref="MarcEncoding.Marc8"/> in MARC-8 (<see cref="ToMarc8"/>);
        /// a record already in that coding (leader/09 'a', respectively blank), and any record for
        /// <see cref="MarcEncoding.Leader"/> or <see cref="MarcEncoding.Auto"/>, comes back as the same instance.
        /// A converted record carries the input's warnings followed by those of the conversion.
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static MarcRecord ToEncoding(MarcRecord record, MarcEncoding target)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            char scheme = record.Leader.CharacterCodingScheme;
            if (target == MarcEncoding.Utf8 && scheme != 'a') return ToUnicode(record);
            if (target == MarcEncoding.Marc8 && scheme != ' ') return ToMarc8(record);
            return record;
        }

        /// <summary>
        /// A record whose text is Unicode and leader/09 'a'. A MARC-8 record (leader/09 not 'a') is decoded field by
        /// field with <see cref="Marc8Decoder"/> (escape state reset per field, carried across subfields); every
        /// bad-MARC-8 occurrence becomes a warning on the result. A record that already says Unicode is copied.
        /// </summary>
        public static MarcRecord ToUnicode(MarcRecord record, Marc8DecoderOptions? options = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var copy = new MarcRecord(record.Leader.Clone()) { Origin = record.Origin };
            foreach (var w in record.Warnings) copy.AddWarning(w);
            if (record.Leader.CharacterCodingScheme == 'a')
            {
                foreach (var f in record.Fields) copy.Fields.Add(f.Clone());
                return copy;
            }
            options ??= Marc8DecoderOptions.Default;
            long baseOffset = record.Origin != null && record.Origin.Format == MarcFormat.Iso2709 ? record.Origin.ByteOffset : -1;
            var issues = new List<Marc8Issue>();
            foreach (MarcField f in record.Fields)
            {
                issues.Clear();
                MarcField converted;
                if (f is ControlField cf)
                {
                    string value;
                    if (cf.RawValue.TryGetRaw(MarcTextCodec.Marc8, out byte[] b, out int o, out int c)) value = Marc8Decoder.Decode(b, o, c, options, issues);
                    else value = cf.Value;
                    converted = new ControlField(cf.Tag, value, validate: false);
                    Report(copy, issues, f.Tag, baseOffset, true);
                }
                else
                {
                    var df = (DataField)f;
                    var nf = new DataField(df.Tag, df.Indicator1, df.Indicator2, validate: false);
                    if (df.TryGetRawSubfields(MarcTextCodec.Marc8, out byte[] b, out int o, out int c))
                    {
                        foreach (Subfield s in Marc8Decoder.DecodeSubfields(b, o, c, options, issues)) nf.Subfields.Add(s);
                        Report(copy, issues, f.Tag, baseOffset, true);
                    }
                    else
                    {
                        var state = Marc8State.Default;
                        foreach (Subfield s in df.Subfields)
                        {
                            ref LazyText v = ref s.RawValue;
                            string value;
                            if (v.TryGetRaw(MarcTextCodec.Marc8, out b, out o, out c))
                            {
                                if (!options.CarryStateAcrossSubfields) state = Marc8State.Default;
                                value = Marc8Decoder.Decode(b, o, c, ref state, options, issues);
                            }
                            else
                            {
                                value = s.Value;
                                state = Marc8State.Default;
                            }
                            nf.Subfields.Add(new Subfield(s.Code, value));
                        }
                        Report(copy, issues, f.Tag, baseOffset, true);
                    }
                    converted = nf;
                }
                copy.Fields.Add(converted);
            }
            copy.Leader.CharacterCodingScheme = 'a';
            return copy;
        }

        /// <summary>
        /// A record encoded in MARC-8, leader/09 blank. Field values are encoded with <see cref="Marc8Encoder"/>
        /// (lossless by default: characters MARC-8 lacks become <c>&amp;#xXXXX;</c>, each reported as
        /// <c>Marc8CharacterReference</c>; with <see cref="Marc8UnmappablePolicy.Replace"/> each substitution is reported
        /// as <c>CharacterNotEncodable</c>). The result holds the MARC-8 bytes, which <see cref="Iso2709.Iso2709Writer"/>
        /// copies as they are. A record that is already MARC-8 is copied (its bytes stay as read).
        /// </summary>
        public static MarcRecord ToMarc8(MarcRecord record, Marc8EncoderOptions? options = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var copy = new MarcRecord(record.Leader.Clone()) { Origin = record.Origin };
            foreach (var w in record.Warnings) copy.AddWarning(w);
            if (record.Leader.CharacterCodingScheme != 'a')
            {
                foreach (var f in record.Fields) copy.Fields.Add(f.Clone());
                copy.Leader.CharacterCodingScheme = ' ';
                return copy;
            }
            options ??= Marc8EncoderOptions.Default;
            var issues = new List<Marc8Issue>();
            foreach (MarcField f in record.Fields)
            {
                issues.Clear();
                if (f is ControlField cf)
                {
                    byte[] bytes = Marc8Encoder.Encode(WithoutSeparators(cf.Value, issues), options, issues);
                    copy.Fields.Add(new ControlField(cf.Tag, bytes, 0, bytes.Length, MarcTextCodec.Marc8));
                }
                else
                {
                    var df = (DataField)f;
                    var buffer = new List<byte>();
                    int index = 0;
                    foreach (Subfield s in df.Subfields)
                    {
                        if (Subfield.IsWrittenWithDelimiter(index++, s.Code))
                        {
                            buffer.Add(DataField.SubfieldDelimiter);
                            buffer.Add(s.Code > 0xFF ? (byte)'?' : (byte)s.Code);
                        }
                        buffer.AddRange(Marc8Encoder.Encode(WithoutSeparators(s.Value, issues), options, issues));
                    }
                    byte[] bytes = buffer.ToArray();
                    copy.Fields.Add(new DataField(df.Tag, df.Indicator1, df.Indicator2, bytes, 0, bytes.Length, MarcTextCodec.Marc8));
                }
                Report(copy, issues, f.Tag, -1, false);
            }
            copy.Leader.CharacterCodingScheme = ' ';
            return copy;
        }

        /// <summary>
        /// The value with U+001D, U+001E and U+001F (possible in MARCXML, MARC-in-JSON or a record built in memory) as
        /// character references: the raw bytes would read back as more subfields, fields or records.
        /// </summary>
        private static string WithoutSeparators(string value, List<Marc8Issue> issues)
        {
            if (value.IndexOfAny(Separators) < 0) return value;
            var sb = new StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '\u001D' || c > '\u001F')
                {
                    sb.Append(c);
                    continue;
                }
                string reference = "&#x" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ";";
                Marc8Issue.Add(issues, MarcDiagnosticCodes.Marc8CharacterReference, i,
                    "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " is an ISO 2709 separator, not text; written as the character reference " + reference + ".");
                sb.Append(reference);
            }
            return sb.ToString();
        }

        private static readonly char[] Separators = { '\u001D', '\u001E', '\u001F' };

        /// <summary>Decodes every field of a MARC-8 record and returns the problems found, without building a new record.</summary>
        public static IList<MarcDiagnostic> Validate(MarcRecord record, Marc8DecoderOptions? options = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var converted = ToUnicode(record, options);
            var result = new List<MarcDiagnostic>();
            for (int i = record.Warnings.Count; i < converted.Warnings.Count; i++) result.Add(converted.Warnings[i]);
            return result;
        }

        /// <summary>
        /// Decodes the raw MARC-8 fields of a record just read and adds one warning per bad-MARC-8 occurrence to
        /// <paramref name="warnings"/> (used by the ISO 2709 reader with <see cref="Iso2709.Iso2709ReaderOptions.ValidateMarc8"/>).
        /// </summary>
        internal static void CollectWarnings(MarcRecord record, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            List<Marc8Issue>? issues = null;
            foreach (MarcField f in record.Fields)
            {
                byte[] b;
                int o, c;
                bool data = f is DataField;
                if (data)
                {
                    if (!((DataField)f).TryGetRawSubfields(MarcTextCodec.Marc8, out b, out o, out c)) continue;
                }
                else if (!((ControlField)f).RawValue.TryGetRaw(MarcTextCodec.Marc8, out b, out o, out c))
                {
                    continue;
                }
                if (Marc8Decoder.IsPlainAscii(b, o, c, ncr: false)) continue;
                issues ??= new List<Marc8Issue>();
                issues.Clear();
                if (data) Marc8Decoder.DecodeSubfields(b, o, c, null, issues);
                else Marc8Decoder.Decode(b, o, c, null, issues);
                foreach (Marc8Issue issue in issues)
                {
                    (warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, issue.Code,
                        "Field " + f.Tag + ": " + issue.Message, recordOffset >= 0 ? recordOffset + issue.Position : -1, f.Tag));
                }
            }
        }

        private static void Report(MarcRecord target, List<Marc8Issue> issues, string tag, long baseOffset, bool bytePositions)
        {
            foreach (Marc8Issue issue in issues)
            {
                long at = bytePositions && baseOffset >= 0 ? baseOffset + issue.Position : -1;
                string where = bytePositions
                    ? (at >= 0 ? "" : " (byte " + issue.Position.ToString(CultureInfo.InvariantCulture) + " of the record)")
                    : " (character " + issue.Position.ToString(CultureInfo.InvariantCulture) + " of a value)";
                target.AddWarning(new MarcDiagnostic(MarcSeverity.Warning, issue.Code, "Field " + tag + ": " + issue.Message + where, at, tag));
            }
        }
    }
}

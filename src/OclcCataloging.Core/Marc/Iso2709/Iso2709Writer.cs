using System;
using System.IO;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.IO;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Writes records as ISO 2709 (binary MARC 21). The record length, base address and directory are always
    /// computed from the fields; every other leader position is written as it is. Field data that was read and
    /// not changed is copied byte for byte when the record's leader/09 still selects the encoding it was read in,
    /// so an unmodified valid record comes out identical to its input (MARC-8 included). Other text is encoded
    /// with <see cref="MarcTextCodec.ForLeader"/>.
    /// <para>
    /// A record is written whole or not at all. Records over 99,999 bytes and fields over 9,999 bytes are
    /// handled by <see cref="Iso2709WriterOptions.OversizePolicy"/> (by default they are refused with a
    /// <see cref="MarcWriteException"/>); the writer never produces a six-digit record length.
    /// </para>
    /// </summary>
    public sealed class Iso2709Writer : IMarcWriter
    {
        private readonly Stream _stream;
        private readonly Iso2709WriterOptions _options;
        private readonly Iso2709Encoder _encoder = new Iso2709Encoder();
        private long _count;
        private bool _disposed;

        public Iso2709Writer(Stream stream, Iso2709WriterOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            if (!stream.CanWrite) throw new ArgumentException("The stream cannot be written.", nameof(stream));
            _options = options ?? new Iso2709WriterOptions();
        }

        /// <summary>See <see cref="Iso2709Encoder.CopiesOriginalBytes"/> (tests turn it off to compare).</summary>
        internal bool CopiesOriginalBytes
        {
            get => _encoder.CopiesOriginalBytes;
            set => _encoder.CopiesOriginalBytes = value;
        }

        /// <summary>Records written so far.</summary>
        public long Count => _count;

        /// <summary>
        /// Numbers the next record <paramref name="recordsBefore"/> + 1 in messages, as if that many had been written
        /// before: a writer of one part of a file's records (written on another thread) names them as the file's writer would.
        /// </summary>
        internal void ContinueNumbering(long recordsBefore) => _count = recordsBefore;

        [MethodImpl(Iso2709Constants.HotPath)]
        public void Write(MarcRecord record)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(Iso2709Writer));
            if (record == null) throw new ArgumentNullException(nameof(record));
            int length = _encoder.Encode(record, _options.OversizePolicy, _options.Warning, _count + 1);
            _stream.Write(_encoder.Output, 0, length);
            _count++;
        }

        /// <summary>Flushes the stream. ISO 2709 has no trailer, so the output is complete after every record.</summary>
        public void Complete()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(Iso2709Writer));
            _stream.Flush();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (_options.LeaveOpen) _stream.Flush();
            else _stream.Dispose();
        }

        /// <summary>The record as ISO 2709 bytes. Throws <see cref="MarcWriteException"/> like <see cref="Write"/>.</summary>
        public static byte[] ToBytes(MarcRecord record, Iso2709WriterOptions? options = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            options ??= new Iso2709WriterOptions();
            var encoder = new Iso2709Encoder();
            int length = encoder.Encode(record, options.OversizePolicy, options.Warning, 1);
            var bytes = new byte[length];
            Buffer.BlockCopy(encoder.Output, 0, bytes, 0, length);
            return bytes;
        }
    }

    /// <summary>Serialises one record at a time into a reusable buffer.</summary>
    internal sealed class Iso2709Encoder
    {
        private byte[] _data = new byte[16 * 1024];
        private int _dataLength;
        private int[] _fieldStart = new int[64];
        private int[] _fieldLength = new int[64];
        private int[] _fieldIndex = new int[64];
        private byte[] _output = new byte[16 * 1024];

        public byte[] Output => _output;

        /// <summary>
        /// Copy a record that would come out exactly as it was read in one piece (<see cref="Iso2709OriginalBytes"/>);
        /// off only to prove, in tests, that the output is the same either way.
        /// </summary>
        public bool CopiesOriginalBytes { get; set; } = true;

        /// <summary>Encodes <paramref name="record"/> into <see cref="Output"/>; returns its length.</summary>
        [MethodImpl(HotPath)]
        public int Encode(MarcRecord record, OversizePolicy policy, Action<MarcDiagnostic>? warn, long ordinal)
        {
            MarcTextCodec codec = MarcTextCodec.ForLeader(record.Leader);
            if (CopiesOriginalBytes && Iso2709OriginalBytes.TryGet(record, codec, out byte[] original))
            {
                EnsureOutput(original.Length);
                Buffer.BlockCopy(original, 0, _output, 0, original.Length);
                return original.Length;
            }
            FieldCollection fields = record.Fields;
            int n = fields.Count;
            if (_fieldStart.Length < n)
            {
                int size = Math.Max(n, _fieldStart.Length * 2);
                _fieldStart = new int[size];
                _fieldLength = new int[size];
                _fieldIndex = new int[size];
            }

            _dataLength = 0;
            int kept = 0;
            for (int i = 0; i < n; i++)
            {
                MarcField f = fields[i];
                int start = _dataLength;
                try
                {
                    AppendField(f, codec);
                }
                catch (MarcEncodingException e)
                {
                    throw new MarcWriteException(MarcDiagnosticCodes.CharacterNotEncodable,
                        Describe(record, ordinal) + ", field " + f.Tag + ": " + e.Message + " Nothing of the record was written.", record, f.Tag, e);
                }
                AppendByte(FieldTerminator);
                int length = _dataLength - start;
                if (length > MaxFieldLength)
                {
                    switch (policy)
                    {
                        case OversizePolicy.Truncate:
                            _dataLength = start;
                            warn?.Invoke(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.FieldTooLong,
                                Describe(record, ordinal) + ": field " + f.Tag + " (" + length + " bytes, more than 9,999) was left out.", -1, f.Tag));
                            continue;
                        case OversizePolicy.WriteOverflowNines:
                            warn?.Invoke(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.FieldTooLong,
                                Describe(record, ordinal) + ": field " + f.Tag + " is " + length + " bytes; its directory length was written as 9999.", -1, f.Tag));
                            break;
                        default:
                            throw new MarcWriteException(MarcDiagnosticCodes.FieldTooLong,
                                Describe(record, ordinal) + ": field " + f.Tag + " is " + length + " bytes long, but an ISO 2709 directory entry holds at most 9,999. "
                                + "Nothing of the record was written. Split the field, write MARCXML, or choose OversizePolicy.Truncate or WriteOverflowNines.",
                                record, f.Tag);
                    }
                }
                _fieldStart[kept] = start;
                _fieldLength[kept] = length;
                _fieldIndex[kept] = i;
                kept++;
            }

            long total = (long)LeaderLength + (long)EntryLength * kept + 1 + _dataLength + 1;
            if (total > MaxRecordLength)
            {
                switch (policy)
                {
                    case OversizePolicy.Truncate:
                        while (kept > 0 && LeaderLength + (long)EntryLength * kept + 1 + _dataLength + 1 > MaxRecordLength)
                        {
                            kept--;
                            _dataLength = _fieldStart[kept];
                            string tag = fields[_fieldIndex[kept]].Tag;
                            warn?.Invoke(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.RecordTooLong,
                                Describe(record, ordinal) + ": field " + tag + " (field " + (_fieldIndex[kept] + 1) + " of " + n
                                + ") was left out to keep the record within 99,999 bytes.", -1, tag));
                        }
                        total = LeaderLength + (long)EntryLength * kept + 1 + _dataLength + 1;
                        break;
                    case OversizePolicy.WriteOverflowNines:
                        warn?.Invoke(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.RecordTooLong,
                            Describe(record, ordinal) + " is " + total + " bytes; its record length was written as 99999 and starting positions over 99,999 as 99999.", -1, null));
                        break;
                    default:
                        throw new MarcWriteException(MarcDiagnosticCodes.RecordTooLong,
                            Describe(record, ordinal) + " would be " + total + " bytes long, but ISO 2709 records hold at most 99,999. "
                            + "Nothing of the record was written. Split the record, write MARCXML, or choose OversizePolicy.Truncate or WriteOverflowNines.",
                            record, null);
                }
            }
            if (total > int.MaxValue - 64)
                throw new MarcWriteException(MarcDiagnosticCodes.RecordTooLong, Describe(record, ordinal) + " is too large to write.", record, null);

            int length32 = (int)total;
            int baseAddress = LeaderLength + EntryLength * kept + 1;
            EnsureOutput(length32);
            byte[] o = _output;
            try
            {
                record.Leader.CopyTo(o, 0);
            }
            catch (MarcEncodingException e)
            {
                throw new MarcWriteException(MarcDiagnosticCodes.CharacterNotEncodable,
                    Describe(record, ordinal) + ": " + e.Message + " Nothing of the record was written.", record, null, e);
            }
            WriteDigits(o, 0, 5, Math.Min(length32, MaxRecordLength));
            WriteDigits(o, 12, 5, Math.Min(baseAddress, MaxRecordLength));

            int p = LeaderLength;
            for (int i = 0; i < kept; i++, p += EntryLength)
            {
                string tag = fields[_fieldIndex[i]].Tag;
                if (tag.Length != 3 || tag[0] > 0xFF || tag[1] > 0xFF || tag[2] > 0xFF)
                {
                    throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                        Describe(record, ordinal) + ": tag '" + tag + "' is not three single-byte characters. Nothing of the record was written.", record, tag);
                }
                if (!MarcField.KindMatchesTag(fields[_fieldIndex[i]]))
                {
                    throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                        Describe(record, ordinal) + ": " + MarcField.DescribeKindMismatch(fields[_fieldIndex[i]]) + " Nothing of the record was written.", record, tag);
                }
                o[p] = (byte)tag[0];
                o[p + 1] = (byte)tag[1];
                o[p + 2] = (byte)tag[2];
                WriteDigits(o, p + 3, 4, Math.Min(_fieldLength[i], MaxFieldLength));
                WriteDigits(o, p + 7, 5, Math.Min(_fieldStart[i], MaxRecordLength));
            }
            o[p] = FieldTerminator;
            Buffer.BlockCopy(_data, 0, o, baseAddress, _dataLength);
            o[length32 - 1] = RecordTerminator;
            return length32;
        }

        private void EnsureOutput(int length)
        {
            if (_output.Length < length) _output = new byte[Math.Max(length, _output.Length * 2)];
        }

        [MethodImpl(HotPath)]
        private void AppendField(MarcField f, MarcTextCodec codec)
        {
            byte[] buf;
            int off, count;
            if (f is DataField d)
            {
                EnsureData(2);
                _data[_dataLength++] = DataByte(d.Indicator1, "Indicator 1");
                _data[_dataLength++] = DataByte(d.Indicator2, "Indicator 2");
                if (d.TryGetRawSubfields(codec, out buf, out off, out count))
                {
                    AppendBytes(buf, off, count);
                    return;
                }
                int index = 0;
                foreach (Subfield s in d.Subfields)
                {
                    if (Subfield.IsWrittenWithDelimiter(index++, s.Code))
                    {
                        EnsureData(2);
                        _data[_dataLength++] = SubfieldDelimiter;
                        _data[_dataLength++] = DataByte(s.Code, "Subfield code");
                    }
                    ref LazyText sv = ref s.RawValue;
                    if (sv.TryGetRaw(codec, out buf, out off, out count)) AppendBytes(buf, off, count);
                    else
                    {
                        byte[] enc = codec.Encode(sv.Get());
                        AppendValue(enc);
                    }
                }
                return;
            }
            ref LazyText v = ref ((ControlField)f).RawValue;
            if (v.TryGetRaw(codec, out buf, out off, out count)) AppendBytes(buf, off, count);
            else
            {
                byte[] enc = codec.Encode(v.Get());
                AppendValue(enc);
            }
        }

        private static byte DataByte(char c, string what)
        {
            if (c > '\u00FF')
                throw new MarcEncodingException(what + " U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " is not a single byte.");
            if (IsSeparator((byte)c)) throw Separator(what, (byte)c);
            return (byte)c;
        }

        /// <summary>
        /// An encoded value, which must not hold the separators ISO 2709 uses for its structure: a subfield delimiter,
        /// field or record terminator in a value (possible in MARCXML, MARC-in-JSON or a record built in memory) would
        /// read back as another subfield, field or record. Bytes kept from the record as read are copied as they are.
        /// </summary>
        private void AppendValue(byte[] encoded)
        {
            foreach (byte b in encoded)
            {
                if (IsSeparator(b)) throw Separator("The value", b);
            }
            AppendBytes(encoded, 0, encoded.Length);
        }

        internal static bool IsSeparator(byte b) => b == SubfieldDelimiter || b == FieldTerminator || b == RecordTerminator;

        internal static MarcEncodingException Separator(string what, byte b)
        {
            string name = b == SubfieldDelimiter ? "subfield delimiter" : b == FieldTerminator ? "field terminator" : "record terminator";
            return new MarcEncodingException(what + " holds U+" + b.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                + ", the ISO 2709 " + name + "; written as it is it would change the record's structure.");
        }

        private void AppendByte(byte value)
        {
            EnsureData(1);
            _data[_dataLength++] = value;
        }

        private void AppendBytes(byte[] source, int offset, int count)
        {
            EnsureData(count);
            Buffer.BlockCopy(source, offset, _data, _dataLength, count);
            _dataLength += count;
        }

        private void EnsureData(int extra)
        {
            if (_dataLength + extra <= _data.Length) return;
            long wanted = Math.Max((long)_dataLength + extra, (long)_data.Length * 2);
            var bigger = new byte[(int)Math.Min(wanted, int.MaxValue - 64)];
            Buffer.BlockCopy(_data, 0, bigger, 0, _dataLength);
            _data = bigger;
        }

        private static string Describe(MarcRecord record, long ordinal)
        {
            string s = MarcRecordText.Numbered(ordinal, record.ControlNumber);
            return record.Origin != null ? s + " [" + record.Origin + "]" : s;
        }
    }
}

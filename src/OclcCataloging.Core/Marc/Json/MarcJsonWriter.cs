using System;
using System.IO;
using System.Text;
using OclcCataloging.Marc.IO;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Marc.Json
{
    /// <summary>
    /// Writes MARC-in-JSON: newline-delimited JSON (one record per line, the default) or one JSON array
    /// (<see cref="MarcJsonWriterOptions.Array"/>). UTF-8 without byte-order mark; members in the order
    /// <c>leader</c>, <c>fields</c> and <c>ind1</c>, <c>ind2</c>, <c>subfields</c>; non-ASCII characters are written as
    /// they are, control characters, quotes, backslashes, U+2028/U+2029 and unpaired surrogates as escapes.
    /// </summary>
    /// <remarks>JSON text is Unicode: a MARC-8 record's text is written decoded, and its leader as it is (leader/09
    /// blank), as pymarc and MARC::File::MiJ do; convert it first (<see cref="MarcEncodingConverter.ToUnicode"/>) to
    /// get leader/09 'a'.</remarks>
    public sealed class MarcJsonWriter : IMarcWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);
        private readonly Stream _stream;
        private readonly MarcJsonWriterOptions _options;
        private bool _completed;
        private bool _disposed;

        public MarcJsonWriter(Stream stream, MarcJsonWriterOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _options = options?.Clone() ?? new MarcJsonWriterOptions();
        }

        /// <summary>Records written so far.</summary>
        public long Count { get; private set; }

        /// <summary>Appending inside an array that already holds records: the first record starts with a comma, and no '[' is written.</summary>
        internal bool ContinuesArray { get; set; }

        /// <summary>Appending inside an empty array: its '[' is already written.</summary>
        internal bool ArrayStarted { get => _arrayStarted; set => _arrayStarted = value; }

        private bool _arrayStarted;

        /// <summary>True when the records go into one JSON array.</summary>
        internal bool WritesArray => _options.Array;

        /// <summary>
        /// Adds <paramref name="records"/> records serialised by a writer with the same options and
        /// <see cref="ContinuesArray"/> set (in an array, each of them starts with ",\n"; the array's first record gets its opening instead).
        /// </summary>
        internal void WriteSerialized(byte[] bytes, int offset, int count, long records)
        {
            if (_completed) throw new InvalidOperationException("The writer was completed.");
            if (records == 0) return;
            if (_options.Array && Count == 0 && !ContinuesArray)
            {
                byte[] start = Encoding.ASCII.GetBytes(_arrayStarted ? "\n" : "[\n");
                _stream.Write(start, 0, start.Length);
                offset += 2;
                count -= 2;
            }
            _stream.Write(bytes, offset, count);
            Count += records;
        }

        public void Write(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (_completed) throw new InvalidOperationException("The writer was completed.");
            string json = ToJson(record);
            var sb = new StringBuilder(json.Length + 4);
            if (_options.Array) sb.Append(Count == 0 && !ContinuesArray ? (_arrayStarted ? "\n" : "[\n") : ",\n");
            sb.Append(json);
            if (!_options.Array) sb.Append('\n');
            byte[] bytes = Utf8NoBom.GetBytes(sb.ToString());
            _stream.Write(bytes, 0, bytes.Length);
            Count++;
        }

        public void Complete()
        {
            if (_completed) return;
            _completed = true;
            if (_options.Array)
            {
                byte[] end = Encoding.ASCII.GetBytes(Count == 0 && !ContinuesArray && !_arrayStarted ? "[]\n" : "\n]\n");
                _stream.Write(end, 0, end.Length);
            }
            _stream.Flush();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }

        /// <summary>One record as a MARC-in-JSON object on one line (no line break at the end).</summary>
        public static string ToJson(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var sb = new StringBuilder(1024);
            sb.Append("{\"leader\":");
            JsonWriter.WriteString(sb, record.Leader.ToString());
            sb.Append(",\"fields\":[");
            bool first = true;
            foreach (MarcField f in record.Fields)
            {
                if (!MarcField.IsPrintableTag(f.Tag))
                {
                    throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                        "Tag '" + f.Tag + "' is not three printable characters, which MARC-in-JSON readers drop; the record was not written.", record, f.Tag);
                }
                if (f is ControlField && !MarcField.KindMatchesTag(f))
                {
                    // a plain value under a data field tag reads back as a data field
                    throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag, MarcField.DescribeKindMismatch(f) + " The record was not written.", record, f.Tag);
                }
                if (!first) sb.Append(',');
                first = false;
                sb.Append('{');
                JsonWriter.WriteString(sb, f.Tag);
                sb.Append(':');
                if (f is ControlField c)
                {
                    JsonWriter.WriteString(sb, c.Value);
                }
                else
                {
                    var d = (DataField)f;
                    sb.Append("{\"ind1\":");
                    JsonWriter.WriteString(sb, d.Indicator1.ToString());
                    sb.Append(",\"ind2\":");
                    JsonWriter.WriteString(sb, d.Indicator2.ToString());
                    sb.Append(",\"subfields\":[");
                    bool firstSub = true;
                    foreach (Subfield s in d.Subfields)
                    {
                        if (!firstSub) sb.Append(',');
                        firstSub = false;
                        sb.Append('{');
                        JsonWriter.WriteString(sb, s.Code == Subfield.NoCode ? string.Empty : s.Code.ToString());
                        sb.Append(':');
                        JsonWriter.WriteString(sb, s.Value);
                        sb.Append('}');
                    }
                    sb.Append("]}");
                }
                sb.Append('}');
            }
            sb.Append("]}");
            return sb.ToString();
        }
    }
}

using System;
using System.IO;
using System.Text;
using OclcCataloging.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using OclcCataloging.Marc.Mrk;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Resilience;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Writes records to a MARC file (ISO 2709, MARCXML, MARC-in-JSON, MarcEdit .mrk/.mrk8) all at once or not at all: the records go to a
    /// temporary file beside the destination, and <see cref="Commit"/> moves it into place. Disposing without
    /// committing leaves the destination as it was. Appending copies the existing file first, so an append that
    /// fails half way does not change the file either.
    /// <code>
    /// using (var w = new MarcFileWriter(path, new MarcFileWriterOptions { Append = true }, retry))
    /// {
    ///     foreach (var r in records) w.Write(r);
    ///     w.Commit();
    /// }
    /// </code>
    /// </summary>
    public sealed partial class MarcFileWriter : IDisposable
    {
        private const int TailProbeBytes = 64 * 1024;
        private const byte RecordTerminator = 0x1D;
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly AtomicFileWriter _file;
        private readonly MarcFileWriterOptions _options;
        private readonly IMarcWriter? _writer;          // null when appending to MARCXML
        private readonly MarcXmlWriterOptions? _xmlRecordOptions;
        private readonly byte[]? _xmlClosingTag;       // the existing document's closing tag, when appending MARCXML
        private MarcRecord? _current;
        private bool _completed;

        /// <param name="path">The file to create, replace or append to.</param>
        /// <param name="options">Format, append, oversize policy ...; null for defaults.</param>
        /// <param name="retry">Retries the final rename when the destination is briefly locked.</param>
        /// <exception cref="InvalidDataException">Appending: the existing file is not a document records can be added to,
        /// or is in another format than <see cref="MarcFileWriterOptions.Format"/>.</exception>
        public MarcFileWriter(string path, MarcFileWriterOptions? options = null, IRetryExecutor? retry = null)
            : this(ChooseTarget(path, options?.Format ?? MarcFormat.Auto, options?.Append ?? false), options, retry)
        {
        }

        /// <summary>
        /// Writes to a target already decided by <see cref="ChooseTarget"/> (a command that asks before writing decides
        /// once, then writes): its format and whether it appends replace <see cref="MarcFileWriterOptions.Format"/> and
        /// <see cref="MarcFileWriterOptions.Append"/>.
        /// </summary>
        public MarcFileWriter(MarcFileTarget target, MarcFileWriterOptions? options = null, IRetryExecutor? retry = null)
        {
            if (target == null) throw new ArgumentNullException(nameof(target));
            _options = options ?? new MarcFileWriterOptions();
            string full = target.FullPath;
            Format = target.Format;

            bool appending = target.AppendsToContent;
            _file = new AtomicFileWriter(full, retry, copyExisting: appending);
            try
            {
                Stream stream = _file.Stream;
                if (Format == MarcFormat.Iso2709)
                {
                    if (appending && !EndsWithRecordTerminator(stream))
                    {
                        // Without it, a reader would run the cut-off last record into the first new one.
                        stream.WriteByte(RecordTerminator);
                        TerminatedExistingRecord = true;
                    }
                    _writer = new Iso2709Writer(stream, new Iso2709WriterOptions
                    {
                        LeaveOpen = true,
                        OversizePolicy = _options.OversizePolicy,
                        Warning = d => _options.Diagnostic?.Invoke(_current, d),
                    });
                }
                else if (Format == MarcFormat.Json)
                {
                    bool array = _options.JsonArray;
                    bool continueArray = false;
                    int arrayState = -1;
                    if (appending)
                    {
                        // Appending follows the existing file: records are added inside its array, or as new lines.
                        arrayState = PrepareJsonAppend(stream, full);
                        array = arrayState != 0;
                        continueArray = arrayState == 2;
                    }
                    _writer = new MarcJsonWriter(stream, new MarcJsonWriterOptions { Array = array, LeaveOpen = true }) { ContinuesArray = continueArray, ArrayStarted = arrayState == 1 };
                }
                else if (Format == MarcFormat.Mrk || Format == MarcFormat.Mrk8)
                {
                    if (appending) EnsureEndsWithNewLine(stream);
                    _writer = new MrkWriter(stream, Format, new MrkWriterOptions { LeaveOpen = true });
                }
                else if (appending)
                {
                    _xmlClosingTag = PrepareXmlAppend(stream, full);
                    _xmlRecordOptions = XmlOptions(xmlDeclaration: false);
                }
                else
                {
                    _writer = new MarcXmlWriter(stream, XmlOptions(xmlDeclaration: true));
                }
            }
            catch
            {
                _file.Dispose();
                throw;
            }
        }

        /// <summary>The full path of the file being written.</summary>
        public string DestinationPath => _file.DestinationPath;

        /// <summary>The format being written (never <see cref="MarcFormat.Auto"/>).</summary>
        public MarcFormat Format { get; }

        /// <summary>Records written so far.</summary>
        public long RecordsWritten { get; private set; }

        /// <summary>Appending ISO 2709: the existing file did not end with a record terminator (0x1D), so its last
        /// record was probably cut off. A terminator was added after it, so the new records are read on their own.</summary>
        public bool TerminatedExistingRecord { get; }

        /// <summary>The <see cref="Exception.Data"/> key of an append mismatch: the format the existing file holds.</summary>
        public const string ExistingFormatKey = "ExistingFormat";

        /// <summary>
        /// The format to write to <paramref name="path"/>: <paramref name="requested"/> unless it is
        /// <see cref="MarcFormat.Auto"/>; then, when appending to a non-empty file, the format of its content;
        /// otherwise the format the name implies (<see cref="FormatFromExtension"/>: .xml, .json, .mrk, .mrk8, else ISO 2709).
        /// </summary>
        /// <exception cref="InvalidDataException">Appending in <paramref name="requested"/> format to a file whose content is in the other
        /// format; its <see cref="Exception.Data"/> holds the file's <see cref="MarcFormat"/> under <see cref="ExistingFormatKey"/>.</exception>
        /// <exception cref="NotSupportedException">Appending to a gzip-compressed file.</exception>
        public static MarcFormat ChooseFormat(string path, MarcFormat requested, bool append) => ChooseTarget(path, requested, append).Format;

        /// <summary>
        /// The one decision of where and how records are written: the full path, the format (as
        /// <see cref="ChooseFormat"/> explains) and whether they are appended to existing content. The existing file's
        /// head is read once, here.
        /// </summary>
        /// <exception cref="InvalidDataException">Appending in <paramref name="requested"/> format to a file whose content is in the other format.</exception>
        /// <exception cref="NotSupportedException">Appending to a gzip-compressed file.</exception>
        public static MarcFileTarget ChooseTarget(string path, MarcFormat requested, bool append)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("A file path is required.", nameof(path));
            string full = Path.GetFullPath(path);
            bool appends = append && ExistingLength(full) > 0;
            return new MarcFileTarget(full, DecideFormat(full, requested, appends), appends);
        }

        private static MarcFormat DecideFormat(string path, MarcFormat requested, bool appends)
        {
            MarcFormat existing = appends ? DetectExisting(path) : MarcFormat.Auto;
            if (requested != MarcFormat.Auto)
            {
                bool textPair = (existing == MarcFormat.Mrk || existing == MarcFormat.Mrk8) && (requested == MarcFormat.Mrk || requested == MarcFormat.Mrk8);
                if (existing != MarcFormat.Auto && existing != requested && !textPair)
                {
                    var mismatch = new InvalidDataException("Cannot append " + MarcFormatNames.Describe(requested) + " records to '" + path + "': the file holds "
                        + MarcFormatNames.Describe(existing) + ". Append " + MarcFormatNames.Describe(existing) + " records, or write to another file.");
                    mismatch.Data[ExistingFormatKey] = existing;
                    throw mismatch;
                }
                return requested;
            }
            MarcFormat byName = FormatFromExtension(path);
            if (existing == MarcFormat.Mrk || existing == MarcFormat.Mrk8)
            {
                // ASCII-only MarcEdit text reads the same either way; the name tells which to write.
                return byName == MarcFormat.Mrk || byName == MarcFormat.Mrk8 ? byName : existing;
            }
            if (existing != MarcFormat.Auto) return existing;
            return byName;
        }

        /// <summary>
        /// The format a file name implies: .xml MARCXML; .json, .jsonl, .ndjson, .ndj MARC-in-JSON; .mrk MarcEdit
        /// text (MARC-8 mnemonics); .mrk8 MarcEdit UTF-8 text; any other name ISO 2709.
        /// </summary>
        public static MarcFormat FormatFromExtension(string path)
        {
            string ext = (Path.GetExtension(path ?? string.Empty) ?? string.Empty).ToLowerInvariant();
            switch (ext)
            {
                case ".xml": return MarcFormat.MarcXml;
                case ".json":
                case ".jsonl":
                case ".ndjson":
                case ".ndj": return MarcFormat.Json;
                case ".mrk": return MarcFormat.Mrk;
                case ".mrk8": return MarcFormat.Mrk8;
                default: return MarcFormat.Iso2709;
            }
        }

        /// <summary>Writes one record. When it cannot be written (<see cref="MarcWriteException"/>,
        /// <see cref="MarcEncodingException"/>) nothing of it reaches the file and further records can still be written.</summary>
        public void Write(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (_completed) throw new InvalidOperationException("The file was already committed.");
            _current = record;
            try
            {
                if (_writer != null)
                {
                    _writer.Write(record);
                }
                else
                {
                    WriteXmlRecordElement(_file.Stream, record, _xmlRecordOptions);
                }
                RecordsWritten++;
                _file.WrittenSoFar();
            }
            catch (IOException e)
            {
                throw _file.Explain(e);
            }
            finally
            {
                _current = null;
            }
        }

        /// <summary>Completes the document (closes the MARCXML collection) and moves the file into place.</summary>
        public void Commit()
        {
            if (_completed) throw new InvalidOperationException("The file was already committed.");
            try
            {
                if (_writer != null)
                {
                    _writer.Complete();
                    _writer.Dispose();
                }
                else if (_xmlClosingTag != null)
                {
                    _file.Stream.Write(_xmlClosingTag, 0, _xmlClosingTag.Length);
                }
            }
            catch (IOException e)
            {
                throw _file.Explain(e);
            }
            _completed = true;

            string path = _file.DestinationPath;
            FileAttributes? readOnlyAttributes = null;
            if (_options.ReplaceReadOnly && File.Exists(path))
            {
                FileAttributes attributes = File.GetAttributes(path);
                if ((attributes & FileAttributes.ReadOnly) != 0)
                {
                    File.SetAttributes(path, attributes & ~FileAttributes.ReadOnly);
                    readOnlyAttributes = attributes;
                }
            }
            try
            {
                _file.Commit();
            }
            catch
            {
                if (readOnlyAttributes != null) TrySetAttributes(path, readOnlyAttributes.Value);
                throw;
            }
            if (readOnlyAttributes != null) File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }

        /// <summary>Abandons the file unless it was committed: the temporary file is deleted and the destination is unchanged.</summary>
        public void Dispose()
        {
            try
            {
                _writer?.Dispose();
            }
            catch (IOException)
            {
                // The temporary file is deleted below anyway.
            }
            finally
            {
                _file.Dispose();
            }
        }

        private MarcXmlWriterOptions XmlOptions(bool xmlDeclaration, Action<MarcRecord?, MarcDiagnostic>? diagnostic = null)
        {
            diagnostic ??= (r, d) => _options.Diagnostic?.Invoke(r, d);
            return new MarcXmlWriterOptions
            {
                LeaveOpen = true,
                Indent = _options.IndentXml,
                XmlDeclaration = xmlDeclaration,
                InvalidCharacters = _options.InvalidXmlCharacters,
                Diagnostic = (r, d) => diagnostic(r, d),
            };
        }

        private static long ExistingLength(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : 0;
        }

        private static MarcFormat DetectExisting(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
            {
                var head = new byte[MarcFormatDetector.HeadLength];
                int n = MarcFormatDetector.ReadHead(stream, head);
                if (MarcFormatDetector.IsGzip(head, n))
                    throw new NotSupportedException("Cannot append to '" + path + "': it is gzip-compressed. Decompress it first, or write to another file.");
                return MarcFormatDetector.Detect(head, n);
            }
        }

        private static void EnsureEndsWithNewLine(Stream stream)
        {
            long end = stream.Length;
            if (end == 0) return;
            stream.Position = end - 1;
            int last = stream.ReadByte();
            stream.Position = end;
            if (last != '\n' && last != '\r')
            {
                stream.WriteByte((byte)'\r');
                stream.WriteByte((byte)'\n');
            }
        }

        /// <summary>
        /// Prepares a copied MARC-in-JSON file for more records: 0 = newline-delimited (a line end is added when
        /// missing), 1 = an empty array whose closing bracket was cut, 2 = an array with records whose closing bracket
        /// was cut (the next record needs a comma).
        /// </summary>
        private static int PrepareJsonAppend(Stream stream, string path)
        {
            long length = stream.Length;
            var head = new byte[(int)Math.Min(length, 64)];
            stream.Position = 0;
            ReadFully(stream, head);
            int h = 0;
            if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) h = 3;
            while (h < head.Length && (head[h] == ' ' || head[h] == '\t' || head[h] == '\r' || head[h] == '\n')) h++;
            if (h >= head.Length || head[h] != '[')
            {
                stream.Position = length;
                EnsureEndsWithNewLine(stream);
                return 0;
            }

            int tailLength = (int)Math.Min(length, TailProbeBytes);
            var tail = new byte[tailLength];
            stream.Position = length - tailLength;
            ReadFully(stream, tail);
            int i = tailLength - 1;
            while (i >= 0 && (tail[i] == ' ' || tail[i] == '\t' || tail[i] == '\r' || tail[i] == '\n')) i--;
            if (i < 0 || tail[i] != ']')
                throw new InvalidDataException("Cannot append to '" + path + "': it starts a JSON array but does not end with ']'. Repair the file or write to another file.");
            int j = i - 1;
            while (j >= 0 && (tail[j] == ' ' || tail[j] == '\t' || tail[j] == '\r' || tail[j] == '\n')) j--;
            bool empty = j >= 0 && tail[j] == '[';
            if (j < 0) throw new InvalidDataException("Cannot append to '" + path + "': the end of its JSON array was not found in its last " + TailProbeBytes + " bytes.");
            stream.SetLength(length - tailLength + j + 1);
            stream.Position = stream.Length;
            return empty ? 1 : 2;
        }

        private static bool EndsWithRecordTerminator(Stream stream)
        {
            long end = stream.Length;
            if (end == 0) return true;
            stream.Position = end - 1;
            int last = stream.ReadByte();
            stream.Position = end;
            return last == RecordTerminator;
        }

        /// <summary>
        /// Cuts the copied MARCXML document before its closing collection tag and returns that tag, to be written
        /// again after the new records. Refuses documents that are not UTF-8 or do not end with a collection.
        /// </summary>
        private static byte[] PrepareXmlAppend(Stream stream, string path)
        {
            long length = stream.Length;

            var head = new byte[(int)Math.Min(length, 256)];
            stream.Position = 0;
            ReadFully(stream, head);
            if (head.Length >= 2 && ((head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0xFF && head[1] == 0xFE)))
                throw new InvalidDataException("Cannot append to '" + path + "': it is a UTF-16 XML document; only UTF-8 MARCXML can be appended to.");
            string declaration = Encoding.ASCII.GetString(head);
            int declEnd = declaration.IndexOf("?>", StringComparison.Ordinal);
            if (declaration.StartsWith("<?xml", StringComparison.Ordinal) && declEnd > 0)
            {
                string decl = declaration.Substring(0, declEnd);
                int enc = decl.IndexOf("encoding", StringComparison.Ordinal);
                if (enc > 0)
                {
                    string rest = decl.Substring(enc + "encoding".Length).TrimStart(' ', '=', '"', '\'');
                    int stop = rest.IndexOfAny(new[] { '"', '\'', ' ', '?' });
                    string name = stop >= 0 ? rest.Substring(0, stop) : rest;
                    if (!name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
                        throw new InvalidDataException("Cannot append to '" + path + "': the document is encoded as " + name + "; only UTF-8 MARCXML can be appended to.");
                }
            }

            int tailLength = (int)Math.Min(length, TailProbeBytes);
            var tail = new byte[tailLength];
            stream.Position = length - tailLength;
            ReadFully(stream, tail);

            int i = tailLength - 1;
            while (i >= 0 && (tail[i] == ' ' || tail[i] == '\t' || tail[i] == '\r' || tail[i] == '\n')) i--;
            int gt = i;
            int lt = gt >= 0 && tail[gt] == '>' ? LastIndexOf(tail, (byte)'<', gt) : -1;
            string tag = lt >= 0 ? Encoding.ASCII.GetString(tail, lt, gt - lt + 1) : string.Empty;
            string name2 = tag.Length > 3 && tag.StartsWith("</", StringComparison.Ordinal) ? tag.Substring(2, tag.Length - 3).Trim() : string.Empty;
            int colon = name2.IndexOf(':');
            string local = colon >= 0 ? name2.Substring(colon + 1) : name2;
            if (local != MarcXmlNames.Collection)
            {
                throw new InvalidDataException("Cannot append to '" + path + "': the document does not end with a closing </collection> tag"
                    + (tag.Length > 0 ? " (it ends with '" + Shorten(tag) + "')" : string.Empty)
                    + ". Records can only be added to a MARCXML collection.");
            }

            long cut = length - tailLength + lt;
            stream.SetLength(cut);
            stream.Position = cut;
            return Encoding.ASCII.GetBytes("</" + name2 + ">\n");
        }

        private static int LastIndexOf(byte[] buffer, byte value, int from)
        {
            for (int i = from; i >= 0; i--)
            {
                if (buffer[i] == value) return i;
            }
            return -1;
        }

        private static void ReadFully(Stream stream, byte[] buffer)
        {
            int read = 0;
            while (read < buffer.Length)
            {
                int n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0) throw new EndOfStreamException();
                read += n;
            }
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "...";

        private static void TrySetAttributes(string path, FileAttributes attributes)
        {
            try { File.SetAttributes(path, attributes); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

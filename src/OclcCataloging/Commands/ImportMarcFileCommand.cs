using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads MARC 21 records from ISO 2709 (.mrc), MARCXML, MARC-in-JSON and MarcEdit (.mrk, .mrk8) files, one record at a time.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "MarcFile", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(MarcRecord))]
    public sealed class ImportMarcFileCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const int ProgressActivityId = 0x4D52; // "MR"
        private const int FileBufferSize = 64 * 1024;

        private RejectFile? _rejects;
        private string[] _path = Array.Empty<string>();
        private bool _literal;

        /// <summary>Files to read; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path
        {
            get => _path;
            set { _path = value; _literal = false; }
        }

        /// <summary>Files to read, taken exactly as written (no wildcards). Binds to PSPath from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath
        {
            get => _path;
            set { _path = value; _literal = true; }
        }

        /// <summary>Auto (default: decided by the file's content), Iso2709, MarcXml, Json, Mrk or Mrk8.</summary>
        [Parameter]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        /// <summary>
        /// How the records' character coding is decided. Leader (default): leader/09, checked against the bytes.
        /// Auto: detected per record (a warning says what was decided when it differs from leader/09). Utf8 or Marc8:
        /// forced, overriding leader/09.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcEncoding.Leader), nameof(MarcEncoding.Auto), nameof(MarcEncoding.Utf8), nameof(MarcEncoding.Marc8), IgnoreCase = true)]
        public MarcEncoding Encoding { get; set; } = MarcEncoding.Leader;

        /// <summary>A file that receives the raw bytes of every unreadable record (appended; created on the first one).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RejectPath { get; set; }

        protected override void BeginProcessing()
        {
            if (RejectPath == null) return;
            string path = ProviderPaths.ResolveWritableFile(this, RejectPath, literal: true, "-RejectPath", "rejects.mrc");
            _rejects = new RejectFile(path, DeferredRetryExecutor.FileRetry);
        }

        protected override void ProcessRecord()
        {
            foreach (string p in _path)
            {
                foreach (string file in ProviderPaths.ResolveInputFiles(this, p, _literal))
                {
                    if (Stopping) return;
                    ReadFile(file);
                }
            }
        }

        protected override void EndProcessing()
        {
            CommitRejects();
        }

        /// <summary>Also runs when the pipeline is stopped or a terminating error ends it: rejects found so far are kept.</summary>
        public void Dispose()
        {
            if (_rejects == null) return;
            try
            {
                _rejects.Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Nothing can be reported any more; the temporary file is removed below.
            }
            _rejects.Dispose();
            _rejects = null;
        }

        private void ReadFile(string file)
        {
            if (_rejects != null && SamePath(file, _rejects.Path))
            {
                WriteError(new ErrorRecord(
                    new IOException("'" + file + "' is both an input file and the -RejectPath file; it was not read."),
                    ErrorIds.RejectPathIsInput, ErrorCategory.InvalidArgument, file));
                return;
            }

            FileStream stream;
            try
            {
                stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.FileOpenFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.OpenError, file));
                return;
            }

            long records = 0, damaged = 0, unreadable = 0;
            var clock = Stopwatch.StartNew();
            var throttle = new ProgressThrottle();
            ProgressRecord? progress = null;
            using (stream)
            {
                IMarcReader reader;
                MarcFormat format;
                try
                {
                    var options = new MarcReaderOptions
                    {
                        LeaveOpen = true,
                        Iso2709 = new OclcCataloging.Marc.Iso2709.Iso2709ReaderOptions { Encoding = Encoding },
                    };
                    reader = MarcReaderFactory.Create(stream, Format, file, options, out format);
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
                    return;
                }

                using (reader)
                {
                    WriteVerbose("Reading '" + file + "' (" + stream.Length.ToString("N0", CultureInfo.CurrentCulture) + " bytes) as "
                        + FormatName(format) + (Format == MarcFormat.Auto ? " (detected from its content)." : "."));
                    while (true)
                    {
                        MarcReadResult? result;
                        try
                        {
                            result = reader.ReadNext();
                        }
                        catch (IOException e)
                        {
                            WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
                            break;
                        }
                        if (result == null) break;
                        if (Stopping) return;

                        if (result.Record != null)
                        {
                            records++;
                            MarcRecord record = format == MarcFormat.Iso2709 ? result.Record : ApplyEncoding(result.Record);
                            if (record.HasWarnings)
                            {
                                damaged++;
                                WriteWarning(DamagedRecordMessage(file, record));
                            }
                            WriteObject(record);
                        }
                        else if (result.Error != null)
                        {
                            unreadable++;
                            WriteUnreadable(file, result.Error);
                        }

                        if (throttle.IsDue())
                        {
                            progress ??= new ProgressRecord(ProgressActivityId, "Import-MarcFile", "Reading");
                            long length = stream.Length;
                            long position = Math.Min(stream.Position, length);
                            progress.StatusDescription = "Reading " + System.IO.Path.GetFileName(file) + ": "
                                + records.ToString("N0", CultureInfo.CurrentCulture) + " records";
                            progress.CurrentOperation = FormatBytes(position) + " of " + FormatBytes(length);
                            progress.PercentComplete = length > 0 ? (int)(position * 100 / length) : 0;
                            WriteProgress(progress);
                        }
                    }
                }
            }

            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            WriteVerbose("Read " + records.ToString("N0", CultureInfo.CurrentCulture) + " records from '" + file + "' in "
                + clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture) + " s: "
                + damaged.ToString("N0", CultureInfo.CurrentCulture) + " with warnings, "
                + unreadable.ToString("N0", CultureInfo.CurrentCulture) + " unreadable.");
        }

        /// <summary>
        /// MARCXML, MARC-in-JSON and MarcEdit text: -Encoding Utf8 or Marc8 sets the coding the record is written in
        /// (leader/09; the text is converted where it is held as MARC-8 bytes). Leader and Auto leave the record as read.
        /// </summary>
        private MarcRecord ApplyEncoding(MarcRecord record)
        {
            if (Encoding == MarcEncoding.Utf8 && !record.Leader.IsUnicode) return MarcEncodingConverter.ToUnicode(record);
            if (Encoding == MarcEncoding.Marc8 && record.Leader.IsUnicode) return MarcEncodingConverter.ToMarc8(record);
            return record;
        }

        internal static string FormatName(MarcFormat format)
        {
            switch (format)
            {
                case MarcFormat.MarcXml: return "MARCXML";
                case MarcFormat.Json: return "MARC-in-JSON";
                case MarcFormat.Mrk: return "MarcEdit text (.mrk)";
                case MarcFormat.Mrk8: return "MarcEdit UTF-8 text (.mrk8)";
                default: return "ISO 2709";
            }
        }

        private void WriteUnreadable(string file, MarcReadError error)
        {
            string saved = string.Empty;
            if (_rejects != null && error.RawBytes.Length > 0)
            {
                try
                {
                    _rejects.Add(error.RawBytes);
                    saved = " Its bytes were appended to '" + _rejects.Path + "'.";
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(e, ErrorIds.RejectFileWriteFailed, ErrorCategory.WriteError, _rejects.Path));
                }
            }

            var origin = error.Origin;
            var text = new StringBuilder();
            text.Append("Record ").Append(origin.Ordinal.ToString(CultureInfo.InvariantCulture))
                .Append(" at byte ").Append(origin.ByteOffset.ToString(CultureInfo.InvariantCulture))
                .Append(" in '").Append(file).Append("' cannot be read and was skipped (")
                .Append(error.RawBytes.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes): ")
                .Append(error.Code).Append(": ");
            DiagnosticText.AppendSentence(text, error.Message);
            text.Append(saved);
            string message = text.ToString();
            var record = new ErrorRecord(new InvalidDataException(message), ErrorIds.UnreadableRecord, ErrorCategory.InvalidData, error)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = _rejects == null
                        ? "Use -RejectPath to keep the bytes of unreadable records, then repair them in a MARC editor."
                        : "Repair the record in '" + _rejects.Path + "' with a MARC editor and import it again.",
                },
            };
            WriteError(record);
        }

        private static string DamagedRecordMessage(string file, MarcRecord record)
        {
            var sb = new StringBuilder();
            var origin = record.Origin;
            sb.Append("Record ").Append(origin?.Ordinal.ToString(CultureInfo.InvariantCulture) ?? "?")
              .Append(" at byte ").Append(origin?.ByteOffset.ToString(CultureInfo.InvariantCulture) ?? "?")
              .Append(" in '").Append(file).Append('\'');
            string? id = record.ControlNumber;
            if (!string.IsNullOrEmpty(id)) sb.Append(" (001 ").Append(id).Append(')');
            sb.Append(" was read with ").Append(record.Warnings.Count).Append(record.Warnings.Count == 1 ? " problem: " : " problems: ");
            for (int i = 0; i < record.Warnings.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(DiagnosticText.Describe(record.Warnings[i]));
            }
            return sb.ToString();
        }

        private void CommitRejects()
        {
            if (_rejects == null) return;
            int count = _rejects.Count;
            try
            {
                _rejects.Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.RejectFileWriteFailed, ErrorCategory.WriteError, _rejects.Path));
                return;
            }
            if (count > 0) WriteVerbose("Appended " + count + " unreadable record(s) to '" + _rejects.Path + "'.");
        }

        private static bool SamePath(string a, string b)
        {
            var comparison = System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), comparison);
        }

        private static string FormatBytes(long bytes)
        {
            if (bytes >= 1 << 20) return (bytes / 1048576.0).ToString("N1", CultureInfo.CurrentCulture) + " MB";
            if (bytes >= 1 << 10) return (bytes / 1024.0).ToString("N0", CultureInfo.CurrentCulture) + " KB";
            return bytes.ToString(CultureInfo.CurrentCulture) + " bytes";
        }
    }
}

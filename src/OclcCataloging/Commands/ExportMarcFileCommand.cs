using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Editing;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes MARC 21 records to an ISO 2709 (.mrc), MARCXML, MARC-in-JSON or MarcEdit (.mrk, .mrk8) file, all or nothing.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "MarcFile", HelpUri = HelpLinks.Folder + "Export-MarcFile.md", DefaultParameterSetName = PathSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MarcRecord))]
    public sealed class ExportMarcFileCommand : ValidatingExportCommand, IDisposable, IMarcPipelineDownstream
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private string _path = string.Empty;
        private bool _literal;
        private MarcFileWriter? _writer;
        private readonly List<MarcDiagnostic> _pendingWarnings = new List<MarcDiagnostic>();
        private long _received;
        private long _refused;

        // Write-behind (docs/design/marc-pipeline.md): only when fed directly by an Import-MarcFile that reads ahead.
        private MarcWriteBehind? _behind;
        private MarcPipelineLink? _link;
        private MarcPipelineLink? _notDirect; // a link found to pass through a script block

        /// <summary>The file to write. A wildcard may name one existing file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path
        {
            get => _path;
            set { _path = value; _literal = false; }
        }

        /// <summary>The file to write, used exactly as written.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath
        {
            get => _path;
            set { _path = value; _literal = true; }
        }

        /// <summary>The records to write.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>
        /// Iso2709, MarcXml, Json, Mrk or Mrk8. Default: the format of the file being appended to, else the one the
        /// name implies (.xml MarcXml, .json/.jsonl/.ndjson Json, .mrk Mrk, .mrk8 Mrk8), else Iso2709.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcFormat.Iso2709), nameof(MarcFormat.MarcXml), nameof(MarcFormat.Json), nameof(MarcFormat.Mrk), nameof(MarcFormat.Mrk8), IgnoreCase = true)]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        /// <summary>
        /// Utf8: convert MARC-8 records to UTF-8 (leader/09 'a'). Marc8: convert Unicode records to MARC-8 (leader/09
        /// blank; characters MARC-8 lacks become &amp;#xXXXX;). Default: each record is written in the coding its leader says.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcEncoding.Utf8), nameof(MarcEncoding.Marc8), IgnoreCase = true)]
        public MarcEncoding Encoding { get; set; } = MarcEncoding.Leader;

        /// <summary>MARC-in-JSON: write one JSON array instead of one record per line (newline-delimited JSON, the default).</summary>
        [Parameter]
        public SwitchParameter JsonArray { get; set; }

        /// <summary>Add the records to an existing file instead of replacing it.</summary>
        [Parameter]
        public SwitchParameter Append { get; set; }

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replace or append to a read-only file (it stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write each record to the pipeline after it was written to the file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>ISO 2709: what to do with a record over 99,999 bytes or a field over 9,999 bytes.</summary>
        [Parameter]
        public OversizePolicy OversizePolicy { get; set; } = OversizePolicy.Error;

        /// <summary>Fields to leave out of the file (Connexion's "Fields to Delete on Export"): tag patterns such as 9XX, 029, 938, or a pattern with subfield codes such as 856$z.</summary>
        [Parameter]
        [TagListTransformation]
        public string[] RemoveField { get; set; } = Array.Empty<string>();

        private IReadOnlyList<FieldSelector> _remove = Array.Empty<FieldSelector>();

        protected override void BeginProcessing()
        {
            StartValidation();
            _remove = RemoveFieldArgument.Parse(this, RemoveField);
            string path = ProviderPaths.ResolveWritableFile(this, _path, _literal, "the file", "records.mrc");

            var existing = new FileInfo(path);
            if (existing.Exists && NoClobber && !Append)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException("The file '" + path + "' already exists and -NoClobber was given. Leave out -NoClobber to replace it, or use -Append to add to it."),
                    ErrorIds.FileExists, ErrorCategory.ResourceExists, path));
            }
            if (existing.Exists && existing.IsReadOnly && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new UnauthorizedAccessException("The file '" + path + "' is read-only. Use -Force to " + (Append ? "append to" : "replace") + " it; it stays read-only."),
                    ErrorIds.FileReadOnly, ErrorCategory.PermissionDenied, path));
            }

            MarcFileTarget target;
            try
            {
                target = MarcFileWriter.ChooseTarget(path, Format, Append);
            }
            catch (InvalidDataException e)
            {
                var record = new ErrorRecord(e, ErrorIds.AppendFormatMismatch, ErrorCategory.InvalidArgument, path);
                if (e.Data[MarcFileWriter.ExistingFormatKey] is MarcFormat existingFormat)
                    record.ErrorDetails = new ErrorDetails(e.Message + " Use -Format " + existingFormat + " (or leave -Format out) to append, or write to another file.");
                ThrowTerminatingError(record);
                return;
            }
            catch (NotSupportedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.AppendTargetInvalid, ErrorCategory.InvalidData, path));
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.ReadError, path));
                return;
            }

            string formatName = MarcFormatNames.Describe(target.Format);
            string action = Append && existing.Exists && existing.Length > 0
                ? "Append " + formatName + " records"
                : existing.Exists ? "Replace with " + formatName + " records" : "Create " + formatName + " file";
            if (!ShouldProcess(path, action)) return;

            try
            {
                _writer = new MarcFileWriter(target, new MarcFileWriterOptions
                {
                    ReplaceReadOnly = Force,
                    OversizePolicy = OversizePolicy,
                    JsonArray = JsonArray,
                    Diagnostic = (record, diagnostic) =>
                    {
                        if (_behind == null || !_behind.TryAddWarning(diagnostic)) _pendingWarnings.Add(diagnostic);
                    },
                }, DeferredRetryExecutor.FileRetry);
            }
            catch (InvalidDataException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.AppendTargetInvalid, ErrorCategory.InvalidData, path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path));
            }

            WriteVerbose("Writing " + formatName + " records to '" + path + "'" + (Append ? " (appending)." : "."));
            if (_writer!.TerminatedExistingRecord)
            {
                WriteWarning("The last record of '" + path + "' was not terminated (the file does not end with 0x1D); a record terminator was added after it so the appended records stay readable.");
            }
        }

        protected override void ProcessRecord()
        {
            var writer = _writer;
            if (writer == null) return; // -WhatIf, or declined at the confirmation prompt
            ChooseThreading(writer);
            if (_behind != null)
            {
                ProcessBehind(_behind);
                return;
            }
            foreach (MarcRecord record in InputObject)
            {
                if (record == null) continue;
                _received++;
                try
                {
                    MarcRecord output = Convert(FieldRemoval.Apply(record, _remove));
                    if (Refuse(output, _received) is { } invalid)
                    {
                        _refused++;
                        var subject = new StringBuilder();
                        subject.Append("Record ").Append(_received.ToString(CultureInfo.InvariantCulture)).Append(MarcRecordText.Identity(record))
                            .Append(" was");
                        WriteError(ExportValidation.NotWritten(invalid, subject.ToString(), record, "'" + writer.DestinationPath + "'"));
                        continue;
                    }
                    writer.Write(output);
                }
                catch (MarcWriteException e)
                {
                    _refused++;
                    WriteRecordError(record, e.Code, e.Message, e);
                    continue;
                }
                catch (MarcEncodingException e)
                {
                    _refused++;
                    WriteRecordError(record, MarcDiagnosticCodes.CharacterNotEncodable, e.Message, e);
                    continue;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, writer.DestinationPath));
                }
                finally
                {
                    FlushWarnings(record, _received, _pendingWarnings);
                    _pendingWarnings.Clear();
                }
                if (PassThru) WriteObject(record);
            }
        }

        /// <summary>
        /// Writes on a thread of its own when the records come straight from an Import-MarcFile that reads ahead (and
        /// none go on: no -PassThru); otherwise on this one, as always. Records that stop coming that way (never
        /// expected) are written here again, after everything before them.
        /// </summary>
        private void ChooseThreading(MarcFileWriter writer)
        {
            if (PassThru) return;
            MarcPipelineLink? link = MarcPipelineLink.Feeding(this);
            if (_behind != null)
            {
                if (ReferenceEquals(link, _link)) return;
                MarcWriteBehind behind = _behind;
                behind.Complete();
                ReportOutcomes(behind);
                _behind = null;
                _link?.Detach();
                _link = null;
                behind.Dispose();
                return;
            }
            if (link == null || ReferenceEquals(link, _notDirect) || !MarcThreadingPolicy.ShouldWriteBehind(link.UpstreamReadsAhead)) return;
            if (!link.IsDirectlyUpstreamOf(this))
            {
                _notDirect = link;
                return;
            }
            var started = new MarcWriteBehind(writer.Write);
            started.Start();
            _behind = started;
            _link = link;
            link.Attach(this);
        }

        /// <summary>
        /// The per-record work of the loop above, with the writing handed to the thread. What this thread reports
        /// itself about a record comes after the thread's reports about the records before it (<see cref="CatchUp(MarcWriteBehind)"/>).
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        private void ProcessBehind(MarcWriteBehind behind)
        {
            ReportOutcomes(behind);
            foreach (MarcRecord record in InputObject)
            {
                if (record == null) continue;
                _received++;
                MarcRecord? output = null;
                MarcValidationResult? invalid = null;
                Exception? notWritten = null;
                ExceptionDispatchInfo? unexpected = null;
                try
                {
                    output = Convert(FieldRemoval.Apply(record, _remove));
                    invalid = Refuse(output, _received);
                }
                catch (Exception e) when (e is MarcWriteException || e is MarcEncodingException)
                {
                    notWritten = e;
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    unexpected = ExceptionDispatchInfo.Capture(e);
                }
                if (output != null && invalid == null && notWritten == null && unexpected == null)
                {
                    List<MarcDiagnostic>? warnings = _pendingWarnings.Count > 0 ? new List<MarcDiagnostic>(_pendingWarnings) : null;
                    _pendingWarnings.Clear();
                    behind.Write(output, record, _received, warnings);
                    continue;
                }

                CatchUp(behind);
                try
                {
                    unexpected?.Throw();
                    _refused++;
                    if (invalid != null)
                    {
                        var subject = new StringBuilder();
                        subject.Append("Record ").Append(_received.ToString(CultureInfo.InvariantCulture)).Append(MarcRecordText.Identity(record))
                            .Append(" was");
                        WriteError(ExportValidation.NotWritten(invalid, subject.ToString(), record, "'" + _writer!.DestinationPath + "'"));
                    }
                    else
                    {
                        WriteRecordError(record, _received, notWritten is MarcWriteException w ? w.Code : MarcDiagnosticCodes.CharacterNotEncodable, notWritten!.Message, notWritten);
                    }
                }
                finally
                {
                    FlushWarnings(record, _received, _pendingWarnings);
                    _pendingWarnings.Clear();
                }
            }
        }

        /// <summary>Waits until the thread has written everything handed to it, and reports what it found, in record order.</summary>
        private void CatchUp(MarcWriteBehind behind)
        {
            behind.Flush();
            ReportOutcomes(behind);
        }

        /// <summary>Import-MarcFile is about to report something: first everything received so far is written.</summary>
        bool IMarcPipelineDownstream.CatchUp()
        {
            MarcWriteBehind? behind = _behind;
            if (behind == null) return false;
            behind.Flush();
            return behind.HasOutcome;
        }

        /// <summary>Reports the outcomes waiting, as the loop above reports a record that was written with warnings or not at all.</summary>
        private void ReportOutcomes(MarcWriteBehind behind)
        {
            while (behind.TryTakeOutcome(out MarcWriteOutcome outcome))
            {
                try
                {
                    if (outcome.Failure is IOException || outcome.Failure is UnauthorizedAccessException)
                    {
                        ThrowTerminatingError(new ErrorRecord(outcome.Failure, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, _writer!.DestinationPath));
                    }
                    if (outcome.Failure != null) ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
                    if (outcome.Error != null)
                    {
                        _refused++;
                        WriteRecordError(outcome.Record, outcome.Number, outcome.Error is MarcWriteException w ? w.Code : MarcDiagnosticCodes.CharacterNotEncodable,
                            outcome.Error.Message, outcome.Error);
                    }
                }
                finally
                {
                    FlushWarnings(outcome.Record, outcome.Number, outcome.Warnings);
                }
            }
        }

        /// <summary>Ctrl+C: stops the writing thread (the temporary file is deleted when the command is disposed).</summary>
        protected override void StopProcessing()
        {
            _behind?.Cancel();
        }

        protected override void EndProcessing()
        {
            var writer = _writer;
            if (writer == null) return;
            if (_behind != null)
            {
                _behind.Complete();
                ReportOutcomes(_behind);
            }
            try
            {
                writer.Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, writer.DestinationPath));
            }
            WriteVerbose("Wrote " + writer.RecordsWritten.ToString("N0", CultureInfo.CurrentCulture) + " records to '" + writer.DestinationPath + "'"
                + (_refused > 0 ? "; " + _refused.ToString("N0", CultureInfo.CurrentCulture) + " records could not be written." : "."));
        }

        /// <summary>-Encoding: the record converted (its conversion warnings reported with the record), or the record itself.</summary>
        private MarcRecord Convert(MarcRecord record)
        {
            MarcRecord converted = MarcEncodingConverter.ToEncoding(record, Encoding);
            if (ReferenceEquals(converted, record)) return record;
            for (int i = record.Warnings.Count; i < converted.Warnings.Count; i++) _pendingWarnings.Add(converted.Warnings[i]);
            return converted;
        }

        /// <summary>Runs however the command ends; unless the file was committed, the destination stays as it was.</summary>
        public void Dispose()
        {
            _link?.Detach();
            _behind?.Dispose(); // first: the thread is done with the writer before its temporary file goes
            _behind = null;
            _writer?.Dispose();
            _writer = null;
        }

        private void WriteRecordError(MarcRecord record, string code, string reason, Exception inner) => WriteRecordError(record, _received, code, reason, inner);

        private void WriteRecordError(MarcRecord record, long number, string code, string reason, Exception inner)
        {
            WriteError(MarcFileOutputReport.NotWritten(record, number, _writer!.DestinationPath, code, reason, inner));
        }

        private void FlushWarnings(MarcRecord record, long number, IReadOnlyList<MarcDiagnostic> warnings)
        {
            if (warnings.Count == 0) return;
            foreach (var d in warnings)
            {
                WriteWarning(MarcFileOutputReport.WrittenWithChange(record, number, _writer!.DestinationPath, d));
            }
        }
    }
}

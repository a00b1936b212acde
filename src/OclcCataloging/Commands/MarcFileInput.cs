using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Conversion;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The commands' one way of reading MARC files (Import-MarcFile, Test-LhrRecord): Core's
    /// <see cref="MarcFileReader"/> reads; this adapter turns what it finds into PowerShell output. Each record goes to
    /// the caller; a record read with problems also gets a warning; an unreadable chunk becomes a non-terminating
    /// UnreadableRecord error and stray bytes a warning, their bytes appended to the reject file when there is one.
    /// Core's <see cref="MarcFileReadTally"/> counts each file and decides which warnings are shown and whether the
    /// file ends with a summary warning.
    /// </summary>
    internal sealed class MarcFileInput
    {
        private readonly PSCmdlet _cmdlet;
        private readonly RejectFile? _rejects;
        private readonly string? _progressActivity;
        private readonly int _progressId;
        private readonly bool _offersRejectPath;

        /// <param name="cmdlet">The command that reports.</param>
        /// <param name="rejects">Where raw bytes of unreadable records and stray bytes go, or null.</param>
        /// <param name="offersRejectPath">The command has a -RejectPath parameter the messages can suggest.</param>
        /// <param name="progressActivity">The activity of a byte-based progress bar per file, or null for none.</param>
        /// <param name="progressId">The progress bar's id.</param>
        internal MarcFileInput(PSCmdlet cmdlet, RejectFile? rejects, bool offersRejectPath, string? progressActivity = null, int progressId = 0)
        {
            _cmdlet = cmdlet;
            _rejects = rejects;
            _offersRejectPath = offersRejectPath;
            _progressActivity = progressActivity;
            _progressId = progressId;
        }

        /// <summary>Reads <paramref name="file"/> to the end (or until the pipeline stops), passing each record to <paramref name="onRecord"/>.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        internal void Read(string file, MarcFormat format, MarcEncoding encoding, Action<MarcRecord> onRecord)
        {
            MarcFileReader reader;
            try
            {
                reader = MarcFileReader.Open(file, format, encoding);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ReportOpenFailure(file, e);
                return;
            }

            long openedLength = reader.Length;
            long unreadableInARow = 0;
            var clock = Stopwatch.StartNew();
            var throttle = new ProgressThrottle();
            ProgressRecord? progress = null;
            using (reader)
            {
                ReportOpened(file, reader.Length, reader.Format, reader.FormatDetected);
                MarcFileReadTally tally = _tally!;
                // A large file is parsed on a thread of its own while this one passes the records on; what it reads
                // comes back here in file order and is reported exactly as below (docs/design/marc-pipeline.md).
                MarcReadAhead? ahead = MarcThreadingPolicy.ShouldReadAhead(reader.Length) ? new MarcReadAhead(reader) : null;
                try
                {
                    if (ahead != null)
                    {
                        ahead.Start();
                        _readAhead = ahead;
                    }
                    while (true)
                    {
                        MarcReadResult? result;
                        try
                        {
                            result = ahead != null ? ahead.ReadNext() : reader.ReadNext();
                        }
                        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                        {
                            ReportReadFailed(file, e);
                            break;
                        }
                        if (result == null)
                        {
                            if (ahead != null && _cmdlet.Stopping) return;
                            break;
                        }
                        if (_cmdlet.Stopping) return;

                        if (result.Record != null)
                        {
                            unreadableInARow = 0;
                            tally.CountRecord();
                            if (result.Record.HasWarnings) ReportDamaged(result.Record);
                            onRecord(result.Record);
                        }
                        else if (result.Error != null)
                        {
                            ReportUnreadable(result.Error);
                            if (++unreadableInARow == MaxUnreadableInARow && MaxUnreadableInARow > 0)
                            {
                                ReportGaveUp(file, unreadableInARow, result.Error);
                                break;
                            }
                        }
                        else if (result.StrayBytes != null)
                        {
                            ReportStray(result.StrayBytes);
                        }

                        if (_progressActivity != null && throttle.IsDue())
                        {
                            progress ??= new ProgressRecord(_progressId, _progressActivity, "Reading");
                            // The reader belongs to the reading thread while it reads ahead: its length is the one it opened with.
                            long length = ahead != null ? openedLength : reader.Length, position = ahead != null ? ahead.Position : reader.Position;
                            progress.StatusDescription = "Reading " + Path.GetFileName(file) + ": " + tally.Records.ToString("N0", CultureInfo.CurrentCulture) + " records";
                            progress.CurrentOperation = FormatBytes(position) + " of " + FormatBytes(length);
                            progress.PercentComplete = length > 0 ? (int)(position * 100 / length) : 0;
                            _cmdlet.WriteProgress(progress);
                        }
                    }
                }
                finally
                {
                    _readAhead = null;
                    ahead?.Dispose();
                }
            }

            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(progress);
            }
            ReportFinished(file, openedLength, clock.Elapsed);
        }

        /// <summary>The file being read ahead on a thread of its own, or null.</summary>
        private volatile MarcReadAhead? _readAhead;

        /// <summary>True while the file being read is read ahead on a thread of its own.</summary>
        internal bool ReadsAhead => _readAhead != null;

        /// <summary>Stops reading ahead soon (Ctrl+C); safe from any thread.</summary>
        internal void Stop() => _readAhead?.Cancel();

        /// <summary>Called before anything is reported (Import-MarcFile lets the command after it catch up first), or null.</summary>
        internal Action? BeforeReport { get; set; }

        // The reports below are shared with Convert-MarcFile, which reads on another thread and reports here.

        /// <summary>A file that could not be opened, is not MARC, or whose beginning cannot be read: one error, nothing read.</summary>
        internal void ReportOpenFailure(string file, Exception e)
        {
            BeforeReport?.Invoke();
            if (e is MarcFileReadException)
            {
                _cmdlet.WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
            }
            else if (e is NotMarcFileException)
            {
                _cmdlet.WriteError(new ErrorRecord(e, ErrorIds.NotMarcFile, ErrorCategory.InvalidData, file)
                {
                    ErrorDetails = new ErrorDetails(e.Message)
                    {
                        RecommendedAction = "Check that this is the file you meant (an export saved as PDF or text is not MARC); to read it as ISO 2709 anyway, give -Format Iso2709.",
                    },
                });
            }
            else
            {
                _cmdlet.WriteError(new ErrorRecord(e, ErrorIds.FileOpenFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.OpenError, file));
            }
        }

        /// <summary>Warnings (damaged records, stray bytes) shown per file, then only counted; 0: all are shown.</summary>
        internal int MaxWarnings { get; set; } = MarcFileReadTally.DefaultMaxWarnings;

        /// <summary>The file being read: opened and not yet finished.</summary>
        private MarcFileReadTally? _tally;

        internal void ReportOpened(string file, long length, MarcFormat format, bool detected)
        {
            _tally = new MarcFileReadTally(file, MaxWarnings);
            BeforeReport?.Invoke();
            _cmdlet.WriteVerbose("Reading '" + file + "' (" + length.ToString("N0", CultureInfo.CurrentCulture) + " bytes) as "
                + MarcFormatNames.Describe(format) + (detected ? " (detected from its content)." : "."));
        }

        internal void ReportDamaged(MarcRecord record)
        {
            if (_tally != null && !_tally.CountDamaged()) return;
            BeforeReport?.Invoke();
            _cmdlet.WriteWarning(MarcRecordText.ReadWithProblems(MarcRecordText.Subject(record), record));
        }

        internal void ReportReadFailed(string file, Exception e)
        {
            BeforeReport?.Invoke();
            _cmdlet.WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
        }

        /// <summary>The end of a file read here.</summary>
        private void ReportFinished(string file, long length, TimeSpan elapsed)
        {
            MarcFileReadTally tally = _tally ?? new MarcFileReadTally(file, MaxWarnings);
            _tally = null;
            BeforeReport?.Invoke();
            if (tally.FoundNothing)
            {
                // Never a silent nothing: an empty export from the ILS or an interrupted download looks exactly like this.
                _cmdlet.WriteWarning(length == 0
                    ? "'" + file + "' is empty (0 bytes): no records were read."
                    : "'" + file + "' holds no records (" + length.ToString("N0", CultureInfo.CurrentCulture) + " bytes of blank space).");
            }
            if (tally.NeedsSummary)
            {
                string summary = tally.Summary();
                if (tally.WarningsNotShown > 0)
                {
                    summary += " " + tally.WarningsNotShown.ToString("N0", CultureInfo.CurrentCulture) + " of its "
                        + (tally.WarningsShown + tally.WarningsNotShown).ToString("N0", CultureInfo.CurrentCulture)
                        + " warnings were not shown (-MaxWarnings " + tally.MaxWarnings.ToString(CultureInfo.CurrentCulture)
                        + "); -MaxWarnings 0 shows them all.";
                }
                _cmdlet.WriteWarning(summary);
            }
            _cmdlet.WriteVerbose("Read " + tally.Records.ToString("N0", CultureInfo.CurrentCulture) + " records from '" + file + "' in "
                + elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture) + " s: "
                + tally.Damaged.ToString("N0", CultureInfo.CurrentCulture) + " with warnings, "
                + tally.Unreadable.ToString("N0", CultureInfo.CurrentCulture) + " unreadable"
                + (tally.Stray > 0 ? ", " + tally.Stray.ToString("N0", CultureInfo.CurrentCulture) + " runs of bytes outside any record." : "."));
        }

        /// <summary>
        /// The end of a file read on another thread (Convert-MarcFile's converter), which counted its records; the
        /// problems were counted here as they were reported.
        /// </summary>
        internal void ReportFinished(MarcInputFileStatistics statistics)
        {
            _tally ??= new MarcFileReadTally(statistics.File, MaxWarnings);
            _tally.CountRecords(statistics.Records);
            ReportFinished(statistics.File, statistics.Length, statistics.Elapsed);
        }

        /// <summary>
        /// Unreadable chunks in a row after which the rest of a file is skipped (one error says so): the reader could
        /// not find its way back into records, as yaz-marcdump and MarcEdit stop. 0: never stop.
        /// </summary>
        internal long MaxUnreadableInARow { get; set; } = DefaultMaxUnreadableInARow;

        internal const int DefaultMaxUnreadableInARow = 100;

        internal void ReportGaveUp(string file, long count, MarcReadError last)
        {
            string message = "Stopped reading '" + file + "' after " + count.ToString("N0", CultureInfo.CurrentCulture)
                + " unreadable chunks in a row (the last at byte " + last.Origin.ByteOffset.ToString("N0", CultureInfo.CurrentCulture)
                + "): the rest of the file was not read, because it does not look like MARC records.";
            BeforeReport?.Invoke();
            _cmdlet.WriteError(new ErrorRecord(new InvalidDataException(message), ErrorIds.TooManyUnreadableRecords, ErrorCategory.InvalidData, file)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Check that the file is MARC (ISO 2709) and not damaged; Import-MarcFile -MaxUnreadableInARow 0 reads on to the end whatever it finds.",
                },
            });
        }

        internal void ReportUnreadable(MarcReadError error)
        {
            _tally?.CountUnreadable();
            BeforeReport?.Invoke();
            string message = MarcRecordText.Unreadable(error) + Reject(error.RawBytes, "Its bytes were");
            _cmdlet.WriteError(new ErrorRecord(new InvalidDataException(message), ErrorIds.UnreadableRecord, ErrorCategory.InvalidData, error)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = _rejects != null ? "Repair the record in '" + _rejects.Path + "' with a MARC editor and import it again."
                        : _offersRejectPath ? "Use -RejectPath to keep the bytes of unreadable records, then repair them in a MARC editor."
                        : "Repair the record in a MARC editor; Import-MarcFile -RejectPath keeps the bytes of unreadable records.",
                },
            });
        }

        internal void ReportStray(MarcStrayBytes stray)
        {
            bool show = _tally == null || _tally.CountStray();
            if (show || _rejects != null) BeforeReport?.Invoke();
            string saved = Reject(stray.Bytes, "They were");
            if (!show) return;
            _cmdlet.WriteWarning(MarcRecordText.Stray(stray) + (saved.Length > 0 ? saved : _offersRejectPath ? " Use -RejectPath to keep them." : string.Empty));
        }

        /// <summary>Appends <paramref name="bytes"/> to the reject file; " Its bytes were appended to 'x'." or empty when there is none.</summary>
        private string Reject(byte[] bytes, string subject)
        {
            if (_rejects == null || bytes.Length == 0) return string.Empty;
            try
            {
                _rejects.Add(bytes);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.RejectFileWriteFailed, ErrorCategory.WriteError, _rejects.Path));
            }
            return " " + subject + " appended to '" + _rejects.Path + "'.";
        }

        private static string FormatBytes(long bytes)
        {
            if (bytes >= 1 << 20) return (bytes / 1048576.0).ToString("N1", CultureInfo.CurrentCulture) + " MB";
            if (bytes >= 1 << 10) return (bytes / 1024.0).ToString("N0", CultureInfo.CurrentCulture) + " KB";
            return bytes.ToString(CultureInfo.CurrentCulture) + " bytes";
        }
    }
}

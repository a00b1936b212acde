using System;
using System.Collections.Generic;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>
    /// Converts and writes the records of a <see cref="ConversionChunk"/> as Export-style writing does it, one record
    /// at a time: convert the character coding, write; a record that cannot be written is reported and skipped. What
    /// is to be reported goes into <see cref="ConversionChunk.Events"/>, in the order writing each record in turn reports it.
    /// The one home of that order, for the writing thread (into the file) and for the serialising threads (into buffers).
    /// </summary>
    internal sealed class ConversionRecordWriter
    {
        private readonly MarcEncoding _outputEncoding;
        private readonly List<MarcDiagnostic> _pending = new List<MarcDiagnostic>();

        internal ConversionRecordWriter(MarcEncoding outputEncoding)
        {
            _outputEncoding = outputEncoding;
        }

        /// <summary>Where converted records are written; it reports changes through <see cref="Report"/>.</summary>
        internal Action<MarcRecord>? Sink { get; set; }

        /// <summary>A change the writer made to the record being written (the writer's diagnostic callback).</summary>
        internal void Report(MarcDiagnostic diagnostic) => _pending.Add(diagnostic);

        /// <summary>
        /// Writes the chunk's records to <see cref="Sink"/>, adding its events to <see cref="ConversionChunk.Events"/>.
        /// An exception other than a refused record (the output failed) leaves the events found so far, those of the
        /// record being written included, in the chunk.
        /// </summary>
        internal void WriteChunk(ConversionChunk chunk)
        {
            long number = chunk.FirstRecordNumber - 1;
            List<MarcConversionEvent> events = chunk.Events;
            foreach (object item in chunk.Items)
            {
                if (item is MarcRecord record)
                {
                    if (WriteRecord(record, ++number, chunk)) chunk.RecordsWritten++;
                    continue;
                }
                var e = (MarcConversionEvent)item;
                events.Add(e);
                if (e.Kind == MarcConversionEventKind.Failed) return; // the reading thread's last word
            }
        }

        private bool WriteRecord(MarcRecord record, long number, ConversionChunk chunk)
        {
            List<MarcConversionEvent> events = chunk.Events;
            if (record.HasWarnings)
            {
                // The caller names the record by its 001 while other threads may still read it: decode the 001 now,
                // so that from here on every thread only reads the record.
                _ = record.ControlNumber;
                events.Add(new MarcConversionEvent(MarcConversionEventKind.RecordReadWithWarnings) { Record = record, RecordNumber = number });
            }
            try
            {
                MarcRecord output = MarcEncodingConverter.ToEncoding(record, _outputEncoding);
                if (!ReferenceEquals(output, record))
                {
                    for (int i = record.Warnings.Count; i < output.Warnings.Count; i++) _pending.Add(output.Warnings[i]);
                }
                Sink!(output);
                return true;
            }
            catch (MarcWriteException e)
            {
                NotWritten(record, number, e.Code, e, chunk);
            }
            catch (MarcEncodingException e)
            {
                NotWritten(record, number, MarcDiagnosticCodes.CharacterNotEncodable, e, chunk);
            }
            finally
            {
                if (_pending.Count > 0)
                {
                    chunk.HasWriteReports = true;
                    foreach (MarcDiagnostic d in _pending)
                    {
                        events.Add(new MarcConversionEvent(MarcConversionEventKind.RecordWrittenWithChange) { Record = record, RecordNumber = number, Diagnostic = d });
                    }
                    _pending.Clear();
                }
            }
            return false;
        }

        private static void NotWritten(MarcRecord record, long number, string code, Exception e, ConversionChunk chunk)
        {
            chunk.HasWriteReports = true;
            chunk.Events.Add(new MarcConversionEvent(MarcConversionEventKind.RecordNotWritten)
            {
                Record = record,
                RecordNumber = number,
                Code = code,
                Message = e.Message,
                Exception = e,
            });
        }
    }
}

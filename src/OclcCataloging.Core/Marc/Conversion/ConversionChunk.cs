using System;
using System.Collections.Generic;
using System.Threading;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>
    /// A run of the input as the reading thread found it (records and read events, in order) on its way to the output:
    /// serialised by one thread, then written and reported by the writing thread, chunk after chunk in input order.
    /// </summary>
    internal sealed class ConversionChunk
    {
        private readonly ManualResetEventSlim _serialised = new ManualResetEventSlim(false);

        internal ConversionChunk(object[] items, long firstRecordNumber)
        {
            Items = items;
            FirstRecordNumber = firstRecordNumber;
        }

        /// <summary><see cref="MarcRecord"/>s and <see cref="MarcConversionEvent"/>s, in input order.</summary>
        internal object[] Items { get; }

        /// <summary>The number of the chunk's first record among the records read (1-based, over all input files).</summary>
        internal long FirstRecordNumber { get; }

        /// <summary>What to report, in order: the read events and, for each record, what converting and writing it found.</summary>
        internal List<MarcConversionEvent> Events { get; } = new List<MarcConversionEvent>();

        internal long RecordsWritten { get; set; }

        /// <summary>True when a record's writing reported something (a refusal, a change): such messages may number the record.</summary>
        internal bool HasWriteReports { get; set; }

        /// <summary>The serialised records (serialised on another thread), or null.</summary>
        internal byte[]? Output { get; set; }

        internal int OutputLength { get; set; }

        /// <summary>The records before the chunk's that the serialising thread took to be written (when it numbered them).</summary>
        internal long NumberedAfter { get; set; }

        /// <summary>What stopped the serialising thread unexpectedly, or null.</summary>
        internal Exception? Failure { get; set; }

        internal void MarkSerialised() => _serialised.Set();

        internal void WaitSerialised(CancellationToken token) => _serialised.Wait(token);

        /// <summary>Drops what the chunk holds once it is written, so that it no longer keeps records alive.</summary>
        internal void Release()
        {
            Events.Clear();
            Output = null;
            _serialised.Dispose();
        }
    }
}

using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// What <see cref="MarcWriteBehind"/> has to report about one record it wrote, or could not write: the
    /// warnings to show with it, the error that kept it out of the file, or the failure that ended all writing.
    /// Records written without anything to report have no outcome.
    /// </summary>
    public sealed class MarcWriteOutcome
    {
        internal MarcWriteOutcome(MarcRecord record, long number, IReadOnlyList<MarcDiagnostic> warnings, Exception? error, Exception? failure)
        {
            Record = record;
            Number = number;
            Warnings = warnings;
            Error = error;
            Failure = failure;
        }

        /// <summary>The record as the caller named it (before any conversion for writing).</summary>
        public MarcRecord Record { get; }

        /// <summary>The number the caller gave the record.</summary>
        public long Number { get; }

        /// <summary>The warnings handed in with the record, then the writer's own, in the order they arose.</summary>
        public IReadOnlyList<MarcDiagnostic> Warnings { get; }

        /// <summary>Why the record was not written (<see cref="MarcWriteException"/> or <see cref="MarcEncodingException"/>); the next records still are.</summary>
        public Exception? Error { get; }

        /// <summary>What ended all writing (a full disk: <see cref="System.IO.IOException"/>; or any unexpected exception); nothing after this record was written.</summary>
        public Exception? Failure { get; }
    }
}

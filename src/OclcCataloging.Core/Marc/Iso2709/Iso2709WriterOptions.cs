using System;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>What <see cref="Iso2709Writer"/> does with a record over 99,999 bytes or a field over 9,999 bytes.</summary>
    public enum OversizePolicy
    {
        /// <summary>Refuse the record: throw <see cref="IO.MarcWriteException"/> (code <c>RecordTooLong</c> or <c>FieldTooLong</c>); nothing of it is written.</summary>
        Error = 0,

        /// <summary>
        /// Write it anyway with the overflowing numbers set to all nines: record length <c>99999</c>, field length
        /// <c>9999</c>, starting positions over 99,999 as <c>99999</c> (what marc4j and HathiTrust write; lenient
        /// readers, including this one, recover such records by their terminators). A warning is reported.
        /// </summary>
        WriteOverflowNines,

        /// <summary>
        /// Drop fields until the record fits: every field over 9,999 bytes, then trailing fields until the record
        /// is at most 99,999 bytes. A warning names each dropped field.
        /// </summary>
        Truncate,
    }

    /// <summary>Options for <see cref="Iso2709Writer"/>.</summary>
    public sealed class Iso2709WriterOptions
    {
        /// <summary>Leave the stream open when the writer is disposed.</summary>
        public bool LeaveOpen { get; set; }

        /// <summary>What to do with records or fields too long for ISO 2709. Default <see cref="OversizePolicy.Error"/>. Never a six-digit length.</summary>
        public OversizePolicy OversizePolicy { get; set; } = OversizePolicy.Error;

        /// <summary>
        /// Called for each record written with <see cref="OversizePolicy.WriteOverflowNines"/> or
        /// <see cref="OversizePolicy.Truncate"/>, with code <c>RecordTooLong</c> or <c>FieldTooLong</c>.
        /// </summary>
        public Action<MarcDiagnostic>? Warning { get; set; }
    }
}

using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// A record cannot be written in the requested format (too long for ISO 2709, a character the record's
    /// encoding cannot express, ...). Nothing of the record was written.
    /// </summary>
    public sealed class MarcWriteException : Exception
    {
        public MarcWriteException(string code, string message, MarcRecord? record = null, string? tag = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Code = code;
            Record = record;
            Tag = tag;
        }

        /// <summary>Stable identifier, one of <see cref="MarcDiagnosticCodes"/> (e.g. <c>RecordTooLong</c>).</summary>
        public string Code { get; }

        /// <summary>The record that could not be written.</summary>
        public MarcRecord? Record { get; }

        /// <summary>The tag of the field concerned, when the problem is in one field.</summary>
        public string? Tag { get; }
    }
}

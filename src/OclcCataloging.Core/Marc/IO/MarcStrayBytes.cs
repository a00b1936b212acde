using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Bytes a reader skipped because they belong to no record (NUL padding, a lone record terminator, garbage
    /// between or after records): where they were, the warning that says so, and the bytes themselves, for a
    /// reject file. Which bytes are harmless and never reported is decided in docs/design/iso2709-reading.md.
    /// </summary>
    public sealed class MarcStrayBytes
    {
        public MarcStrayBytes(string? sourcePath, long byteOffset, long byteLength, byte[] bytes, MarcDiagnostic warning, bool atEndOfInput)
        {
            SourcePath = sourcePath;
            ByteOffset = byteOffset;
            ByteLength = byteLength;
            Bytes = bytes ?? Array.Empty<byte>();
            Warning = warning ?? throw new ArgumentNullException(nameof(warning));
            AtEndOfInput = atEndOfInput;
        }

        /// <summary>The file the bytes come from, or null for a stream without a name.</summary>
        public string? SourcePath { get; }

        /// <summary>Byte offset of the first skipped byte in the source.</summary>
        public long ByteOffset { get; }

        /// <summary>How many bytes were skipped (more than <see cref="Bytes"/> holds only for a run longer than the reader's record limit).</summary>
        public long ByteLength { get; }

        /// <summary>The skipped bytes exactly as they were in the input.</summary>
        public byte[] Bytes { get; }

        /// <summary>The warning (code <see cref="MarcDiagnosticCodes.JunkBetweenRecords"/> or <see cref="MarcDiagnosticCodes.JunkAfterLastRecord"/>), with the byte offset.</summary>
        public MarcDiagnostic Warning { get; }

        /// <summary>True when no record follows the bytes.</summary>
        public bool AtEndOfInput { get; }

        public override string ToString() => Warning.ToString();
    }
}

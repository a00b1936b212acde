using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>An unrecoverable record: why, where, and its raw bytes (for a reject file).</summary>
    public sealed class MarcReadError
    {
        public MarcReadError(string code, string message, MarcOrigin origin, byte[] rawBytes)
        {
            Code = code;
            Message = message;
            Origin = origin;
            RawBytes = rawBytes ?? Array.Empty<byte>();
        }

        /// <summary>Stable identifier, one of <see cref="MarcDiagnosticCodes"/>.</summary>
        public string Code { get; }

        public string Message { get; }

        public MarcOrigin Origin { get; }

        /// <summary>The bytes of the unreadable chunk exactly as they were in the input.</summary>
        public byte[] RawBytes { get; }

        public override string ToString() => Code + ": " + Message + " (" + Origin + ")";
    }
}

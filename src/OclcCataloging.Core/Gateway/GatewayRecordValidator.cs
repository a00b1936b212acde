using System;
using System.Globalization;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Text;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Checks a record's bytes before they are sent (docs/design/gateway-protocol.md §2): at most 99,999 bytes, starting
    /// with the five digits of its exact length and ending with a record terminator; a structure the module's ISO 2709
    /// parser reads without repair (<see cref="Iso2709Reader.ParseRecord"/>: consistent directory and base address, every
    /// field ending in 0x1E); leader/09 matching the bytes; and no authority record unless allowed.
    /// Receivers do not check any of this (Koha imports junk or dies on it; FOLIO hangs on a wrong length).
    /// </summary>
    public static class GatewayRecordValidator
    {
        /// <summary>Largest record a leader can state.</summary>
        public const int MaxRecordBytes = MaxRecordLength;

        /// <summary>Null when the record may be sent, otherwise why not.</summary>
        public static GatewayRefusal? Validate(byte[] record, bool allowAuthority)
        {
            GatewayRefusal? refusal = CheckFrame(record);
            if (refusal != null) return refusal;

            MarcRecord parsed;
            try
            {
                parsed = Iso2709Reader.ParseRecord(record, ParseOptions(record.Length));
            }
            catch (FormatException e)
            {
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record cannot be read as ISO 2709: " + e.Message);
            }

            MarcDiagnostic? structure = FirstWarning(parsed, IsStructureProblem);
            if (structure != null)
                return Refuse(structure.Code == MarcDiagnosticCodes.RecordLengthMismatch ? GatewayErrorCodes.RecordLengthMismatch : GatewayErrorCodes.RecordStructureInvalid,
                    "The record is not well-formed ISO 2709: " + structure.Message);

            refusal = CheckEncoding(record, parsed);
            if (refusal != null) return refusal;

            if (record[6] == (byte)'z' && !allowAuthority)
                return Refuse(GatewayErrorCodes.AuthorityRecord,
                    "This is an authority record (leader/06 'z'); gateway receivers import records as bibliographic. Allow authority records to send it anyway.");
            return null;
        }

        /// <summary>What the receivers frame by: size, the leading length digits and the final record terminator.</summary>
        private static GatewayRefusal? CheckFrame(byte[] record)
        {
            if (record == null || record.Length == 0)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record is empty.");
            int n = record.Length;
            if (n > MaxRecordLength)
                return Refuse(GatewayErrorCodes.RecordTooLong,
                    "The record is " + N(n) + " bytes; a leader cannot state more than 99,999, and receivers drop such records.");
            if ((uint)(record[0] - '0') > 9)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record does not start with a digit (byte 0x" + record[0].ToString("X2", CultureInfo.InvariantCulture) + ").");
            if (n < LeaderLength + 2)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record is only " + N(n) + " bytes; a record needs a 24-byte leader, a directory and terminators.");
            int stated = Digits5(record, 0);
            if (stated < 0)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Leader/00-04 is not five digits.");
            if (stated != n)
                return Refuse(GatewayErrorCodes.RecordLengthMismatch, "Leader/00-04 says " + N(stated) + " bytes but the record has " + N(n) + ".");
            if (record[n - 1] != RecordTerminator)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record does not end with a record terminator (0x1D).");
            return null;
        }

        /// <summary>Leader/09 must be 'a' (and the data well-formed UTF-8) or blank (and the data not UTF-8).</summary>
        private static GatewayRefusal? CheckEncoding(byte[] record, MarcRecord parsed)
        {
            char scheme = (char)record[9];
            if (scheme == 'a')
            {
                MarcDiagnostic? bad = FirstWarning(parsed, code => code == MarcDiagnosticCodes.InvalidUtf8);
                if (bad != null)
                    return Refuse(GatewayErrorCodes.EncodingMismatch,
                        "Leader/09 says UTF-8 but " + (bad.Tag != null ? "field " + bad.Tag + " at byte " + N(bad.ByteOffset) : "the data area") + " is not UTF-8 (Koha answers \"Bad request\"). Convert the record or correct leader/09.");
                return null;
            }
            if (scheme == ' ')
            {
                if (FirstWarning(parsed, code => code == MarcDiagnosticCodes.EncodingMismatch) != null)
                    return Refuse(GatewayErrorCodes.EncodingMismatch,
                        "Leader/09 says MARC-8 but the data is UTF-8 with multi-byte characters (receivers would turn it into mojibake). Set leader/09 to 'a' or convert the record.");
                return null;
            }
            return Refuse(GatewayErrorCodes.EncodingMismatch, "Leader/09 is '" + scheme + "'; it must be 'a' (UTF-8) or blank (MARC-8).");
        }

        /// <summary>The parser's findings that mean it had to repair or guess the structure (a receiver would not).</summary>
        private static bool IsStructureProblem(string code)
        {
            switch (code)
            {
                case MarcDiagnosticCodes.BaseAddressInvalid:
                case MarcDiagnosticCodes.DirectoryInvalid:
                case MarcDiagnosticCodes.DirectoryRebuilt:
                case MarcDiagnosticCodes.FieldOffsetInvalid:
                case MarcDiagnosticCodes.OversizeField:
                case MarcDiagnosticCodes.MissingFieldTerminator:
                case MarcDiagnosticCodes.InvalidTag:
                case MarcDiagnosticCodes.RecordLengthMismatch:
                case MarcDiagnosticCodes.RecordLengthNotNumeric:
                case MarcDiagnosticCodes.MissingRecordTerminator:
                case MarcDiagnosticCodes.TruncatedRecord:
                    return true;
                default:
                    return false;
            }
        }

        private static MarcDiagnostic? FirstWarning(MarcRecord record, Func<string, bool> matches)
        {
            foreach (MarcDiagnostic d in record.Warnings)
            {
                if (matches(d.Code)) return d;
            }
            return null;
        }

        /// <summary>Leader/09 decides the encoding; UTF-8 is verified; subfields are the receiver's business.</summary>
        private static Iso2709ReaderOptions ParseOptions(int length) => new Iso2709ReaderOptions
        {
            Encoding = MarcEncoding.Leader,
            ValidateUtf8 = true,
            ValidateSubfields = false,
            BufferSize = Math.Max(4096, length + 1),
        };

        private static GatewayRefusal Refuse(string code, string message) => new GatewayRefusal(code, message + " Nothing was sent.");

        private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Text;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Checks a record's bytes before they are sent (gateway-protocol.md 6.11-6.16): at most 99,999 bytes, a
    /// well-formed ISO 2709 structure (starts with five digits that are its exact length, a directory that parses,
    /// every field ending in 0x1E, a final 0x1D), leader/09 matching the bytes, and no authority record unless allowed.
    /// Receivers do not check any of this (Koha imports junk or dies on it; FOLIO hangs on a wrong length).
    /// </summary>
    public static class GatewayRecordValidator
    {
        /// <summary>Largest record a leader can state.</summary>
        public const int MaxRecordBytes = 99999;

        private const int LeaderLength = 24;
        private const byte FieldTerminator = 0x1E;
        private const byte RecordTerminator = 0x1D;

        /// <summary>Null when the record may be sent, otherwise why not.</summary>
        public static GatewayRefusal? Validate(byte[] record, bool allowAuthority)
        {
            if (record == null || record.Length == 0)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record is empty.");
            int n = record.Length;
            if (n > MaxRecordBytes)
                return Refuse(GatewayErrorCodes.RecordTooLong,
                    "The record is " + N(n) + " bytes; a leader cannot state more than 99,999, and receivers drop such records.");
            if (!IsDigit(record[0]))
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record does not start with a digit (byte 0x" + record[0].ToString("X2", CultureInfo.InvariantCulture) + ").");
            if (n < LeaderLength + 2)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record is only " + N(n) + " bytes; a record needs a 24-byte leader, a directory and terminators.");
            int? stated = Number(record, 0, 5);
            if (stated == null)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Leader/00-04 is not five digits.");
            if (stated.Value != n)
                return Refuse(GatewayErrorCodes.RecordLengthMismatch, "Leader/00-04 says " + N(stated.Value) + " bytes but the record has " + N(n) + ".");
            if (record[n - 1] != RecordTerminator)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "The record does not end with a record terminator (0x1D).");
            int? baseAddress = Number(record, 12, 5);
            if (baseAddress == null || baseAddress.Value < LeaderLength + 1 || baseAddress.Value > n - 1
                || (baseAddress.Value - 1 - LeaderLength) % 12 != 0 || record[baseAddress.Value - 1] != FieldTerminator)
                return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Leader/12-16 (base address of data) does not point just past the directory.");
            int b = baseAddress.Value;
            int dataEnd = n - 1;
            for (int e = LeaderLength; e < b - 1; e += 12)
            {
                for (int i = 0; i < 3; i++)
                {
                    byte t = record[e + i];
                    if (t < 0x20 || t > 0x7E)
                        return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Directory entry at byte " + N(e) + " has an invalid tag.");
                }
                string tag = System.Text.Encoding.ASCII.GetString(record, e, 3);
                int? len = Number(record, e + 3, 4);
                int? start = Number(record, e + 7, 5);
                if (len == null || start == null || len.Value < 1)
                    return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Directory entry for field " + tag + " does not have a numeric length and start.");
                long end = (long)b + start.Value + len.Value;
                if (end > dataEnd)
                    return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Field " + tag + " runs past the end of the record.");
                if (record[end - 1] != FieldTerminator)
                    return Refuse(GatewayErrorCodes.RecordStructureInvalid, "Field " + tag + " does not end with a field terminator (0x1E) where the directory says.");
            }

            char scheme = (char)record[9];
            if (scheme == 'a')
            {
                int bad = Utf8Validator.FirstInvalid(record, LeaderLength, n);
                if (bad >= 0)
                    return Refuse(GatewayErrorCodes.EncodingMismatch,
                        "Leader/09 says UTF-8 but byte " + N(bad) + " starts a sequence that is not UTF-8 (Koha answers \"Bad request\"). Convert the record or correct leader/09.");
            }
            else if (scheme == ' ')
            {
                if (MarcEncodingDetector.Detect(record, b, n - b, out string reason) == DetectedEncoding.Utf8)
                    return Refuse(GatewayErrorCodes.EncodingMismatch,
                        "Leader/09 says MARC-8 but " + reason + " (receivers would turn it into mojibake). Set leader/09 to 'a' or convert the record.");
            }
            else
            {
                return Refuse(GatewayErrorCodes.EncodingMismatch, "Leader/09 is '" + scheme + "'; it must be 'a' (UTF-8) or blank (MARC-8).");
            }

            if (record[6] == (byte)'z' && !allowAuthority)
                return Refuse(GatewayErrorCodes.AuthorityRecord,
                    "This is an authority record (leader/06 'z'); gateway receivers import records as bibliographic. Allow authority records to send it anyway.");
            return null;
        }

        private static GatewayRefusal Refuse(string code, string message) => new GatewayRefusal(code, message + " Nothing was sent.");

        private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

        private static int? Number(byte[] b, int start, int length)
        {
            int v = 0;
            for (int i = start; i < start + length; i++)
            {
                if (!IsDigit(b[i])) return null;
                v = v * 10 + (b[i] - '0');
            }
            return v;
        }
    }
}

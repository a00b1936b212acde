using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Builds the bytes of one gateway export request, in the layout every receiver accepts
    /// (docs/design/gateway-protocol.md §1): <c>U</c>, <c>A</c>, <c>P</c> identifier fields, each a tag, a length and the value
    /// bytes, then the ISO 2709 record, then (by default) a NUL that tells the receiver the request is complete.
    /// <para>
    /// A length is one byte, 0x40 + n, for values up to 191 bytes. A longer value gets a decimal length, which the
    /// receivers can only read when the value does not start with a digit; such a value is refused
    /// (<see cref="GatewayErrorCodes.IdentifierNotEncodable"/>), as is a value holding a NUL. Lengths count the
    /// bytes after encoding (<see cref="IdentifierEncoding"/>, UTF-8 by default). Empty values are left out.
    /// </para>
    /// </summary>
    public sealed class GatewayRequestEncoder
    {
        /// <summary>Largest value a single-byte length can state (0xFF − 0x40).</summary>
        public const int MaxSingleByteLength = 191;

        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false, true);

        public GatewayRequestEncoder(Encoding? identifierEncoding = null, bool endWithNul = true)
        {
            IdentifierEncoding = identifierEncoding ?? Utf8NoBom;
            EndWithNul = endWithNul;
        }

        /// <summary>How U/A/P values are turned into bytes. UTF-8 by default (Koha compares raw bytes with its UTF-8 configuration).</summary>
        public Encoding IdentifierEncoding { get; }

        /// <summary>Send a NUL after the record (default): Koha answers at once instead of after its 5 s idle wait.</summary>
        public bool EndWithNul { get; }

        /// <summary>
        /// The request bytes for <paramref name="record"/> (already validated ISO 2709 bytes). The result holds the
        /// password in clear: clear it (<see cref="Array.Clear(Array, int, int)"/>) once it has been written.
        /// </summary>
        public byte[] Encode(GatewayLogon? logon, byte[] record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (record.Length == 0 || record[0] < (byte)'0' || record[0] > (byte)'9')
                throw new GatewayException(GatewayErrorCodes.RecordStructureInvalid, "The record must start with the five digits of its length.");

            using (var ms = new MemoryStream(record.Length + 64))
            {
                if (logon != null)
                {
                    AppendText(ms, 'U', logon.UserId, "user id");
                    AppendText(ms, 'A', logon.LogonId, "logon id");
                    if (logon.HasPassword)
                    {
                        byte[] pw = EncodeText(logon.Credential!.Password, "password");
                        try
                        {
                            AppendIdentifier(ms, 'P', pw, "password");
                        }
                        finally
                        {
                            Array.Clear(pw, 0, pw.Length);
                        }
                    }
                }
                ms.Write(record, 0, record.Length);
                if (EndWithNul) ms.WriteByte(0);
                byte[] buffer = ms.GetBuffer();
                byte[] result = ms.ToArray();
                Array.Clear(buffer, 0, buffer.Length);
                return result;
            }
        }

        /// <summary>The length bytes for a value of <paramref name="byteCount"/> bytes whose first byte is <paramref name="firstByte"/>.</summary>
        public static byte[] EncodeLength(int byteCount, byte firstByte)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException(nameof(byteCount));
            if (byteCount <= MaxSingleByteLength) return new[] { (byte)(0x40 + byteCount) };
            if (firstByte >= (byte)'0' && firstByte <= (byte)'9')
                throw new GatewayException(GatewayErrorCodes.IdentifierNotEncodable,
                    "A value of " + byteCount.ToString(CultureInfo.InvariantCulture) + " bytes needs a decimal length, and the receivers cannot read one when the value starts with a digit.");
            return Encoding.ASCII.GetBytes(byteCount.ToString(CultureInfo.InvariantCulture));
        }

        private void AppendText(MemoryStream ms, char tag, string? value, string what)
        {
            if (string.IsNullOrEmpty(value)) return;
            AppendIdentifier(ms, tag, EncodeText(value!, what), what);
        }

        private byte[] EncodeText(string value, string what)
        {
            try
            {
                return IdentifierEncoding.GetBytes(value);
            }
            catch (EncoderFallbackException)
            {
                throw new GatewayException(GatewayErrorCodes.IdentifierNotEncodable,
                    "The " + what + " holds a character that " + IdentifierEncoding.WebName + " cannot encode.");
            }
        }

        private static void AppendIdentifier(MemoryStream ms, char tag, byte[] value, string what)
        {
            if (value.Length == 0) return;
            if (Array.IndexOf(value, (byte)0) >= 0)
                throw new GatewayException(GatewayErrorCodes.IdentifierNotEncodable, "The " + what + " holds a NUL character, which ends the request for the receivers.");
            byte[] length;
            try
            {
                length = EncodeLength(value.Length, value[0]);
            }
            catch (GatewayException e)
            {
                throw new GatewayException(e.Code, "The " + what + " cannot be sent: " + e.Message);
            }
            ms.WriteByte((byte)tag);
            ms.Write(length, 0, length.Length);
            ms.Write(value, 0, value.Length);
        }
    }
}

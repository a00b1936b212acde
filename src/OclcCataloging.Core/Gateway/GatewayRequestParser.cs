using System;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Gateway
{
    /// <summary>How far <see cref="GatewayRequestParser"/> got with the bytes received so far.</summary>
    public enum GatewayParseState
    {
        /// <summary>More bytes are needed.</summary>
        Incomplete = 0,

        /// <summary>Identifiers and one whole record (by its leader length) were read.</summary>
        Complete,

        /// <summary>The bytes cannot be a request (unknown byte, bad length, non-numeric leader length).</summary>
        Invalid,
    }

    /// <summary>A parsed request. The password is kept as bytes only, for comparison; it has no text form.</summary>
    public sealed class GatewayParsedRequest
    {
        internal GatewayParsedRequest(string? userId, string? logonId, byte[]? password, byte[] record)
        {
            UserId = userId;
            LogonId = logonId;
            PasswordBytes = password;
            Record = record;
        }

        public string? UserId { get; }

        public string? LogonId { get; }

        internal byte[]? PasswordBytes { get; }

        /// <summary>The record's bytes, exactly as received.</summary>
        public byte[] Record { get; }

        /// <summary>Erases the password bytes.</summary>
        public void ClearPassword()
        {
            if (PasswordBytes != null) Array.Clear(PasswordBytes, 0, PasswordBytes.Length);
        }
    }

    /// <summary>
    /// Reads the receiver side of a gateway export request (docs/design/gateway-protocol.md §5), accepting what both real
    /// receivers accept: <c>U</c>/<c>A</c>/<c>P</c> fields in any order with a single-byte length (0x40 + n, up to 191)
    /// or a decimal length, blanks between fields, then one ISO 2709 record whose leader/00-04 gives its length.
    /// Anything after the record is ignored (one record per connection). Never throws on bad input.
    /// </summary>
    public static class GatewayRequestParser
    {
        public static GatewayParseState TryParse(byte[] buffer, int count, Encoding identifierEncoding, out GatewayParsedRequest? request)
        {
            request = null;
            string? u = null, a = null;
            byte[]? p = null;
            int i = 0;
            while (i < count)
            {
                byte b = buffer[i];
                if (b == (byte)'U' || b == (byte)'A' || b == (byte)'P')
                {
                    if (i + 1 >= count) return Incomplete(p);
                    byte l = buffer[i + 1];
                    int len, start;
                    if (l >= 0x40)
                    {
                        len = l - 0x40;
                        start = i + 2;
                    }
                    else if (l >= (byte)'0' && l <= (byte)'9')
                    {
                        int j = i + 1;
                        while (j < count && buffer[j] >= (byte)'0' && buffer[j] <= (byte)'9' && j - i <= 6) j++;
                        if (j >= count) return Incomplete(p);
                        if (j - i > 6) return Invalid(p);
                        len = int.Parse(Encoding.ASCII.GetString(buffer, i + 1, j - i - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                        start = j;
                    }
                    else
                    {
                        return Invalid(p);
                    }
                    if (start + len > count) return Incomplete(p);
                    if (b == (byte)'P')
                    {
                        if (p != null) Array.Clear(p, 0, p.Length);
                        p = new byte[len];
                        Buffer.BlockCopy(buffer, start, p, 0, len);
                    }
                    else
                    {
                        string v;
                        try
                        {
                            v = identifierEncoding.GetString(buffer, start, len);
                        }
                        catch (DecoderFallbackException)
                        {
                            if (p != null) Array.Clear(p, 0, p.Length);
                            return Invalid(p);
                        }
                        if (b == (byte)'U') u = v; else a = v;
                    }
                    i = start + len;
                }
                else if (b == (byte)' ')
                {
                    i++;
                }
                else if (b >= (byte)'0' && b <= (byte)'9')
                {
                    if (count - i < 5) return Incomplete(p);
                    int recLen = Iso2709Constants.Digits5(buffer, i);
                    if (recLen < 5) return Invalid(p);
                    if (count - i < recLen) return Incomplete(p);
                    var record = new byte[recLen];
                    Buffer.BlockCopy(buffer, i, record, 0, recLen);
                    request = new GatewayParsedRequest(u, a, p, record);
                    return GatewayParseState.Complete;
                }
                else
                {
                    return Invalid(p);
                }
            }
            return Incomplete(p);
        }

        private static GatewayParseState Incomplete(byte[]? p)
        {
            if (p != null) Array.Clear(p, 0, p.Length);
            return GatewayParseState.Incomplete;
        }

        private static GatewayParseState Invalid(byte[]? p)
        {
            if (p != null) Array.Clear(p, 0, p.Length);
            return GatewayParseState.Invalid;
        }
    }
}

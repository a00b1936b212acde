using System;
using System.Text.RegularExpressions;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Reads a receiver's reply text (docs/design/gateway-protocol.md §4). The text is kept as it came; only
    /// the status, the record id and the URL are taken from it.
    /// <list type="bullet">
    /// <item>Koha: <c>^Success\.</c> is accepted; the biblionumber follows "biblio record number" and is kept only when
    /// numeric (stage mode gives <c>HASH(0x…)</c> or nothing); the URL follows a blank line. Every other text
    /// (<c>Bad request</c>, <c>Unauthorized request</c>, <c>… Please contact administrator.</c> …) is rejected.</item>
    /// <item>FOLIO: exactly <c>Import ok</c> is accepted, <c>Error: …</c> rejected.</item>
    /// <item>Alma: "processed successfully" is accepted (the MMS ID is read leniently), "Import Failed" or "Failed" rejected.</item>
    /// <item>Generic: any of the above patterns; anything else is Unknown.</item>
    /// </list>
    /// An empty reply is always Unknown: the record may have been imported.
    /// </summary>
    public static class GatewayReplyInterpreter
    {
        private static readonly Regex KohaSuccess = new Regex(
            @"^Success\.\s+Batch number (?<batch>\S*) - biblio record number (?<bib>.*?) (?<action>added to Koha|overlaid by import)\.",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static readonly Regex MmsAfterLabel = new Regex(@"MMS\D{0,40}?(?<id>\d{10,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex LongNumberEndingIn6 = new Regex(@"(?<!\d)(?<id>\d{9,}6)(?!\d)", RegexOptions.CultureInvariant);

        private static readonly Regex Numeric = new Regex(@"^\d+$", RegexOptions.CultureInvariant);

        /// <summary>Interprets <paramref name="text"/> (without the closing NUL) as <paramref name="receiverType"/> words it.</summary>
        public static GatewayReply Interpret(GatewayReceiverType receiverType, string? text)
        {
            text ??= string.Empty;
            if (text.Trim('\0', ' ', '\r', '\n', '\t').Length == 0)
                return new GatewayReply(GatewayStatus.Unknown, text, message: "The receiver sent an empty reply; the record may have been imported.");

            switch (receiverType)
            {
                case GatewayReceiverType.Koha:
                    return Koha(text);
                case GatewayReceiverType.Folio:
                    return Folio(text) ?? Unrecognised(text);
                case GatewayReceiverType.Alma:
                    return Alma(text) ?? Unrecognised(text);
                default:
                    if (text.StartsWith("Success", StringComparison.Ordinal) && KohaSuccess.IsMatch(text)) return Koha(text);
                    GatewayReply? r = Folio(text) ?? Alma(text);
                    if (r != null) return r;
                    if (IsKohaError(text)) return Koha(text);
                    if (text.TrimEnd('\r', '\n').Equals("Success", StringComparison.Ordinal) || text.StartsWith("Success.", StringComparison.Ordinal))
                        return new GatewayReply(GatewayStatus.Accepted, text);
                    return Unrecognised(text);
            }
        }

        /// <summary>
        /// True when a rejection is a refused logon rather than a refused record: Koha's "Unauthorized request",
        /// Alma's "Logon Failed", and this module's listener in FOLIO style ("Error: access denied").
        /// </summary>
        public static bool IsLogonRefusal(string? text)
        {
            string t = (text ?? string.Empty).Trim('\0', ' ', '\r', '\n', '\t');
            return t == "Unauthorized request" || t == "Error: access denied"
                || t.IndexOf("Logon Failed", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static GatewayReply Unrecognised(string text) =>
            new GatewayReply(GatewayStatus.Unknown, text, message: "The reply is not one this receiver type is known to send; the record may have been imported.");

        private static bool IsKohaError(string text)
        {
            string t = text.TrimEnd('\r', '\n');
            return t == "Bad request" || t == "Unauthorized request" || t == "Unsuccessful request" || t == "Invalid response"
                || t.EndsWith("Please contact administrator.", StringComparison.Ordinal);
        }

        private static GatewayReply Koha(string text)
        {
            if (!text.StartsWith("Success.", StringComparison.Ordinal))
                return new GatewayReply(GatewayStatus.Rejected, text);

            string? id = null, url = null, note = null;
            Match m = KohaSuccess.Match(text);
            if (m.Success)
            {
                string bib = m.Groups["bib"].Value.Trim();
                if (Numeric.IsMatch(bib)) id = bib;
                else note = "Koha staged the record (import mode stage) and gave no biblionumber.";
            }
            else
            {
                note = "Koha reported success in an unexpected wording (a '%' in its reply garbles it); no biblionumber was read.";
            }
            int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (blank >= 0)
            {
                string rest = text.Substring(blank + 2).Trim('\0', ' ', '\r', '\n');
                if (rest.Length > 0)
                {
                    if (rest.IndexOf(' ') < 0 && rest.IndexOf('\n') < 0) url = rest;
                    else note = (note == null ? "" : note + " ") + "The URL in Koha's reply is garbled (a '%' in it was read as a format code) and was not kept.";
                }
            }
            return new GatewayReply(GatewayStatus.Accepted, text, id, url, note);
        }

        private static GatewayReply? Folio(string text)
        {
            string t = text.TrimEnd('\r', '\n');
            if (t == "Import ok") return new GatewayReply(GatewayStatus.Accepted, text);
            if (t.StartsWith("Error:", StringComparison.Ordinal)) return new GatewayReply(GatewayStatus.Rejected, text);
            return null;
        }

        private static GatewayReply? Alma(string text)
        {
            if (text.IndexOf("Import Failed", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("Logon Failed", StringComparison.OrdinalIgnoreCase) >= 0)
                return new GatewayReply(GatewayStatus.Rejected, text);
            if (text.IndexOf("processed successfully", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                string? id = null;
                Match m = MmsAfterLabel.Match(text);
                if (m.Success) id = m.Groups["id"].Value;
                else
                {
                    m = LongNumberEndingIn6.Match(text);
                    if (m.Success) id = m.Groups["id"].Value;
                }
                return new GatewayReply(GatewayStatus.Accepted, text, id);
            }
            if (text.IndexOf("Failed", StringComparison.OrdinalIgnoreCase) >= 0 || text.StartsWith("Error", StringComparison.OrdinalIgnoreCase))
                return new GatewayReply(GatewayStatus.Rejected, text);
            return null;
        }
    }
}

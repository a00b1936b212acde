using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>Reads svc/import_bib's <c>&lt;response&gt;</c> document into an outcome, as the daemon words it.</summary>
    internal static class KohaSvcResponse
    {
        public static KohaImportOutcome Interpret(string body)
        {
            Dictionary<string, string>? values = Read(body);
            // 2xx without XML: the record may well be in Koha, so the outcome is unknown (the daemon said "Invalid response").
            if (values == null) return KohaImportOutcome.Unknown("svc/import_bib answered something that is not XML", KohaReplyText.InvalidResponse);
            values.TryGetValue("status", out string? status);
            if (!string.Equals(status, "ok", StringComparison.Ordinal))
            {
                values.TryGetValue("error", out string? error);
                return KohaImportOutcome.Refused(error);
            }
            values.TryGetValue("import_batch_id", out string? batch);
            values.TryGetValue("biblionumber", out string? biblio);
            values.TryGetValue("match_status", out string? match);
            values.TryGetValue("url", out string? url);
            // Staged records have no biblionumber (the daemon printed a Perl HASH reference there): leave it empty.
            if (biblio == null || !IsDigits(biblio)) biblio = "";
            return KohaImportOutcome.Imported(batch ?? "", biblio, !string.Equals(match, "no_match", StringComparison.Ordinal), url ?? "");
        }

        private static bool IsDigits(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static Dictionary<string, string>? Read(string body)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            try
            {
                using (var reader = XmlReader.Create(new StringReader(body ?? ""), settings))
                {
                    if (reader.MoveToContent() != XmlNodeType.Element) return null;
                    int rootDepth = reader.Depth;
                    while (reader.Read())
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.Depth == rootDepth + 1)
                        {
                            string name = reader.LocalName;
                            values[name] = reader.IsEmptyElement ? "" : ReadText(reader);
                        }
                    }
                }
                return values;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        // Child elements (XML::Simple nests them) make the value non-scalar: keep only the direct text.
        private static string ReadText(XmlReader reader)
        {
            int depth = reader.Depth;
            var text = new System.Text.StringBuilder();
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.Depth == depth + 1 && (reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA || reader.NodeType == XmlNodeType.SignificantWhitespace || reader.NodeType == XmlNodeType.Whitespace))
                    text.Append(reader.Value);
            }
            return text.ToString().Trim();
        }
    }
}

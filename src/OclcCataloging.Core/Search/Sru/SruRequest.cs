using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OclcCataloging.Search.Sru
{
    /// <summary>The parameters of one searchRetrieve request, as a GET address or a form body.</summary>
    public static class SruRequest
    {
        public static string VersionText(SruVersion version)
        {
            switch (version)
            {
                case SruVersion.V1_1: return "1.1";
                case SruVersion.V2_0: return "2.0";
                default: return "1.2";
            }
        }

        /// <summary>
        /// searchRetrieve parameters. startRecord is 1-based. Records are asked for unescaped XML: recordPacking=xml
        /// in 1.x, recordXMLEscaping=xml in 2.0 (where recordPacking means something else).
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> SearchRetrieve(SruTargetOptions options, string cql, int startRecord, int maximumRecords)
        {
            var p = new List<KeyValuePair<string, string>>
            {
                Pair("operation", "searchRetrieve"),
                Pair("version", VersionText(options.Version)),
                Pair("query", cql),
                Pair("startRecord", startRecord.ToString(CultureInfo.InvariantCulture)),
                Pair("maximumRecords", maximumRecords.ToString(CultureInfo.InvariantCulture)),
                Pair("recordSchema", options.RecordSchema),
                Pair(options.Version == SruVersion.V2_0 ? "recordXMLEscaping" : "recordPacking", "xml"),
            };
            return p;
        }

        public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters) =>
            string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

        /// <summary>The base address with the parameters appended as its query string.</summary>
        public static Uri GetAddress(Uri baseAddress, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            string b = baseAddress.AbsoluteUri;
            var sb = new StringBuilder(b);
            sb.Append(string.IsNullOrEmpty(baseAddress.Query) ? '?' : '&');
            sb.Append(Encode(parameters));
            return new Uri(sb.ToString());
        }

        private static KeyValuePair<string, string> Pair(string k, string v) => new KeyValuePair<string, string>(k, v);
    }
}

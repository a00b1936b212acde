using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// Reads searchRetrieve responses of SRU 1.1/1.2 (http://www.loc.gov/zing/srw/) and 2.0
    /// (http://docs.oasis-open.org/ns/search-ws/sruResponse). Records may be packed as XML or as an escaped string
    /// (1.x recordPacking, 2.0 recordXMLEscaping); when the packing is not stated, element content is taken as XML and
    /// text content as an escaped string.
    /// </summary>
    public static class SruResponseParser
    {
        public const string Srw1Namespace = "http://www.loc.gov/zing/srw/";
        public const string Sru2Namespace = "http://docs.oasis-open.org/ns/search-ws/sruResponse";

        private const string DiagnosticSchemaPrefix = "info:srw/schema/1/diagnostic";

        /// <exception cref="FormatException">The text is not XML, or not a searchRetrieveResponse.</exception>
        public static SruResponse Parse(string xml)
        {
            if (xml == null) throw new ArgumentNullException(nameof(xml));
            XDocument doc;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
                using (var reader = XmlReader.Create(new StringReader(xml), settings)) doc = XDocument.Load(reader);
            }
            catch (XmlException ex)
            {
                throw new FormatException("The SRU response is not well-formed XML: " + ex.Message, ex);
            }
            var root = doc.Root;
            if (root == null || root.Name.LocalName != "searchRetrieveResponse" ||
                (root.Name.NamespaceName != Srw1Namespace && root.Name.NamespaceName != Sru2Namespace))
                throw new FormatException("The response is not an SRU searchRetrieveResponse (root element " + (root?.Name.ToString() ?? "none") + ").");

            XNamespace ns = root.Name.Namespace;
            var response = new SruResponse
            {
                NumberOfRecords = ReadLong(root.Element(ns + "numberOfRecords")),
                NextRecordPosition = ReadLong(root.Element(ns + "nextRecordPosition")),
            };
            var diagnostics = root.Element(ns + "diagnostics");
            if (diagnostics != null)
                foreach (var d in diagnostics.Elements().Where(e => e.Name.LocalName == "diagnostic")) response.Diagnostics.Add(ReadDiagnostic(d));

            var records = root.Element(ns + "records");
            if (records != null)
                foreach (var record in records.Elements(ns + "record")) ReadRecord(record, ns, response);
            return response;
        }

        private static void ReadRecord(XElement record, XNamespace ns, SruResponse response)
        {
            string schema = (string?)record.Element(ns + "recordSchema") ?? string.Empty;
            string packing = ((string?)record.Element(ns + "recordPacking") ?? (string?)record.Element(ns + "recordXMLEscaping") ?? string.Empty).Trim();
            var data = record.Element(ns + "recordData");
            if (data == null) return;

            var element = data.Elements().FirstOrDefault();
            bool asString = packing == "string" || (packing.Length == 0 && element == null);
            if (asString)
            {
                string text = data.Value.Trim();
                if (text.Length == 0) return;
                if (schema.StartsWith(DiagnosticSchemaPrefix, StringComparison.Ordinal))
                {
                    response.RecordDiagnostics.Add(ReadDiagnostic(XElement.Parse(text)));
                    return;
                }
                response.Records.Add(text);
                return;
            }
            if (element == null) return;
            if (schema.StartsWith(DiagnosticSchemaPrefix, StringComparison.Ordinal) || element.Name.LocalName == "diagnostic")
            {
                response.RecordDiagnostics.Add(ReadDiagnostic(element));
                return;
            }
            response.Records.Add(element.ToString(SaveOptions.DisableFormatting));
        }

        private static SruDiagnostic ReadDiagnostic(XElement d)
        {
            string? Child(string name) => d.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            return new SruDiagnostic(Child("uri") ?? string.Empty, Child("message"), Child("details"));
        }

        private static long? ReadLong(XElement? e) =>
            e != null && long.TryParse(e.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : (long?)null;
    }
}

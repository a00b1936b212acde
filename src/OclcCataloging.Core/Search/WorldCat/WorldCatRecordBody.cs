using System;
using System.IO;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>MARC records to and from Metadata API bodies (application/marcxml+xml or application/marc).</summary>
    internal static class WorldCatRecordBody
    {
        public static string MediaType(WorldCatRecordFormat format) =>
            format == WorldCatRecordFormat.Marc21 ? WorldCatApi.Marc21MediaType : WorldCatApi.MarcXmlMediaType;

        /// <exception cref="FormatException">The body holds no readable record.</exception>
        public static MarcRecord Parse(WorldCatResponse response, WorldCatRecordFormat format)
        {
            if (format == WorldCatRecordFormat.MarcXml) return MarcXmlReader.ParseRecord(response.Text);
            using (var reader = new Iso2709Reader(new MemoryStream(response.Body)))
            {
                var result = reader.ReadNext() ?? throw new FormatException("The MARC 21 response holds no record.");
                return result.Record ?? throw new FormatException("The MARC 21 response could not be read: " + result.Error);
            }
        }

        public static byte[] Serialize(MarcRecord record, WorldCatRecordFormat format) =>
            format == WorldCatRecordFormat.Marc21 ? Iso2709Writer.ToBytes(record) : Encoding.UTF8.GetBytes(MarcXmlWriter.ToXml(record));
    }
}

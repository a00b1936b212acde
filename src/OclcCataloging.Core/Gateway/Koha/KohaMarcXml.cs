using System.IO;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// A received ISO 2709 record as the MARCXML <c>&lt;collection&gt;</c> document the daemon posts: UTF-8, MARC-8 text
    /// converted and leader/09 set to 'a' (docs/design/koha-receiver.md §4).
    /// </summary>
    public static class KohaMarcXml
    {
        /// <summary>The document, or null when the bytes hold no readable record.</summary>
        public static string? FromIso2709(byte[] bytes)
        {
            if (!Iso2709Reader.TryParseRecord(bytes, out MarcRecord? record) || record == null) return null;
            return FromRecord(record);
        }

        public static string FromRecord(MarcRecord record)
        {
            // MARC-8 text is decoded (as MARC::File::XML does for the daemon); a UTF-8 record is copied unchanged.
            record = MarcEncodingConverter.ToUnicode(record);
            record.Leader.CharacterCodingScheme = 'a';
            using (var stream = new MemoryStream())
            {
                using (var writer = new MarcXmlWriter(stream, new MarcXmlWriterOptions { LeaveOpen = true, XmlDeclaration = true, Indent = true }))
                {
                    writer.Write(record);
                    writer.Complete();
                }
                return new UTF8Encoding(false).GetString(stream.ToArray());
            }
        }
    }
}

using System.Collections;
using System.Collections.Generic;
using OclcCataloging.Search.Sru;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>Completes -RecordSchema with the names SRU servers give MARCXML.</summary>
    public sealed class SruRecordSchemaCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters)
        {
            yield return Value(SruRecordSchemas.MarcXml, "MARCXML, as Zebra, Koha and the Library of Congress name it (the default)");
            yield return Value(SruRecordSchemas.MarcXmlIdentifier, "MARCXML, by the SRU standard's identifier");
        }
    }
}

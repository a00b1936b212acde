using OclcCataloging.Marc;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Simulators.IdLoc;

/// <summary>The MARCXML authority record ({id}.marcxml.xml) of a synthetic authority.</summary>
public static class IdLocMarcXml
{
    public static MarcRecord ToRecord(IdLocAuthority authority)
    {
        var record = new MarcRecord(new Leader("00000nz  a2200000n  4500"));
        record.AddControlField("001", authority.Id);
        record.AddControlField("003", "DLC");
        record.AddControlField("005", "20240101000000.0");
        record.AddControlField("008", "240101n| azannaabn          |a aaa      ");
        record.AddDataField("010", "  ", "a", authority.Lccn010);
        record.AddDataField("040", "  ", "a", "DLC", "b", "eng", "c", "DLC");
        Add(record, authority.Heading);
        foreach (var seeFrom in authority.SeeFroms) Add(record, seeFrom);
        record.AddDataField("670", "  ", "a", "OclcCataloging simulator (synthetic record)");
        return record;
    }

    public static string ToXml(IdLocAuthority authority) => MarcXmlWriter.ToXml(ToRecord(authority));

    private static void Add(MarcRecord record, IdLocHeading heading)
    {
        var codesAndValues = heading.Subfields.SelectMany(s => new[] { s.Code.ToString(), s.Value }).ToArray();
        record.AddDataField(heading.Tag, heading.Indicators, codesAndValues);
    }
}

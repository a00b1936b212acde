using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>A local holdings record that breaks no rule, and a small translation table, for the rule tests.</summary>
internal static class LhrTestRecords
{
    internal const string Leader = "00000nx  a22000002n 4500";
    internal const string Fixed008 = "2401014p    8   4001aueng0240115";

    internal static MarcRecord Valid(string ocn = "12345", string a = "MAIN", string b = "STACKS", string c = "GEN")
    {
        var r = new MarcRecord(new Leader(Leader));
        r.AddControlField("001", "lhr" + ocn);
        r.AddControlField("004", ocn);
        r.AddControlField("007", "ta");
        r.AddControlField("008", Fixed008);
        r.AddDataField("852", "0 ", "a", a, "b", b, "c", c, "h", "QA76", "t", "1");
        r.AddDataField("853", "20", "8", "1", "a", "v.", "i", "(year)");
        r.AddDataField("863", "40", "8", "1.1", "a", "1-10", "i", "1990-1999");
        r.AddDataField("866", "41", "8", "1", "a", "v.1-10 (1990-1999)");
        return r;
    }

    internal static HoldingsTranslationTable Table() => new(new[]
    {
        new TranslationRow { In852a = "MAIN", In852b = "STACKS", In852c = "*", Out852a = "XYZ", Out852b = "XYZM", Out852c = "", Out008_20 = "a", Out008_21 = "b" },
        new TranslationRow { In852a = "MAIN", In852b = "*", In852c = "*", Out852a = "XYZ", Out852b = "XYZB" },
    });

    internal static LhrValidationOptions Options(OclcNumberLocation location = OclcNumberLocation.Field004) => new() { OclcNumberLocation = location };

    internal static LhrRecordResult Check(MarcRecord r, LhrValidationOptions? options = null)
        => new LhrRecordValidator(options ?? Options()).Validate(r, 1);

    internal static DataField Field(MarcRecord r, string tag) => r.GetDataFields(tag)[0];

    internal static void Set008(MarcRecord r, int position, string value)
    {
        var f = (ControlField)r.GetField("008")!;
        f.Value = f.Value.Substring(0, position) + value + f.Value.Substring(position + value.Length);
    }
}

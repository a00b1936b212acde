using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>One synthetic WorldCat bibliographic record: what brief-bibs reports and what /manage/bibs returns.</summary>
public sealed class SimulatedBib
{
    public required long OclcNumber { get; init; }
    public required string Title { get; init; }
    public string? Author { get; init; }
    public string Date { get; init; } = "2001";
    public string Language { get; init; } = "eng";
    public string? Publisher { get; init; }
    public string? PublicationPlace { get; init; }
    public IReadOnlyList<string> Isbns { get; init; } = Array.Empty<string>();
    public string? Issn { get; init; }
    public string? Lccn { get; init; }
    public IReadOnlyList<string> Subjects { get; init; } = Array.Empty<string>();

    /// <summary>Former OCNs merged into this record (019; GET of one of them returns this record).</summary>
    public IReadOnlyList<long> MergedOclcNumbers { get; init; } = Array.Empty<long>();

    public bool IsSerial => Issn != null;

    /// <summary>001 as OCLC writes it: ocm + 8 digits, ocn + 9 digits, on + 10 or more.</summary>
    public string ControlNumber => OclcNumber switch
    {
        < 100_000_000 => "ocm" + OclcNumber.ToString("D8"),
        < 1_000_000_000 => "ocn" + OclcNumber.ToString("D9"),
        _ => "on" + OclcNumber,
    };

    public MarcRecord ToMarc()
    {
        var record = new MarcRecord(new Leader(IsSerial ? "00000cas a2200000 i 4500" : "00000cam a2200000 i 4500"));
        record.AddControlField("001", ControlNumber);
        record.AddControlField("003", "OCoLC");
        record.AddControlField("005", "20240101120000.0");
        record.AddControlField("008", "240101s" + Date.PadRight(4).Substring(0, 4) + "    xxu           000 0 " + Language + " d");
        if (Lccn != null) record.AddDataField("010", "  ", "a", Lccn.PadLeft(Lccn.Length + 3));
        foreach (var merged in MergedOclcNumbers) record.AddDataField("019", "  ", "a", merged.ToString());
        foreach (var isbn in Isbns) record.AddDataField("020", "  ", "a", isbn);
        if (Issn != null) record.AddDataField("022", "0 ", "a", Issn);
        record.AddDataField("035", "  ", "a", "(OCoLC)" + OclcNumber);
        record.AddDataField("040", "  ", "a", "SIM", "b", "eng", "e", "rda", "c", "SIM");
        if (Author != null) record.AddDataField("100", "1 ", "a", Author);
        var (main, rest) = SplitTitle(Title);
        if (rest == null) record.AddDataField("245", Author != null ? "10" : "00", "a", main);
        else record.AddDataField("245", Author != null ? "10" : "00", "a", main + " :", "b", rest);
        record.AddDataField("264", " 1", "a", (PublicationPlace ?? "[Place of publication not identified]") + " :", "b", (Publisher ?? "[publisher not identified]") + ",", "c", Date + ".");
        foreach (var subject in Subjects) record.AddDataField("650", " 0", "a", subject + ".");
        return record;
    }

    private static (string Main, string? Remainder) SplitTitle(string title)
    {
        int colon = title.IndexOf(" : ", StringComparison.Ordinal);
        return colon < 0 ? (title, null) : (title[..colon], title[(colon + 3)..]);
    }
}

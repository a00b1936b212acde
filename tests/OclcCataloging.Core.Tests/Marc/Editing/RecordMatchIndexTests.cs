using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Editing;

public class RecordMatchIndexTests
{
    private static MarcRecord Bib(string id, params string[] oclc035)
    {
        var r = new MarcRecord();
        r.AddControlField("001", id);
        foreach (string a in oclc035) r.AddDataField("035", "  ", "a", a);
        r.AddDataField("245", "10", "a", "Title.");
        return r;
    }

    [Theory]
    [InlineData("ocm00000123", "123")]      // incoming 001 with an OCLC prefix
    [InlineData("ocn000000456", "456")]     // matches the existing record's second 035
    [InlineData("on1000000789", null)]      // no existing record has it
    public void Matches_on_any_oclc_number_of_an_existing_record(string incoming001, string? expectedKey)
    {
        var index = new RecordMatchIndex();
        index.Add(Bib("99001", "(OCoLC)123"));
        index.Add(Bib("99002", "(OCoLC)ocm00000111", "(OCoLC)456"));
        MarcRecord? found = index.Find(Bib(incoming001), out string? key);
        Assert.Equal(expectedKey != null, found != null);
        Assert.Equal(incoming001.TrimStart('o', 'c', 'm', 'n').TrimStart('0'), key);
        if (expectedKey == "456") Assert.Equal("99002", found!.ControlNumber);
    }

    [Fact]
    public void Merged_019_numbers_match_too()
    {
        var existing = Bib("99001", "(OCoLC)123");
        existing.AddDataField("019", "  ", "a", "555");
        var index = new RecordMatchIndex();
        index.Add(existing);
        Assert.Same(existing, index.Find(Bib("ocm00000555"), out _));
    }

    [Fact]
    public void A_record_without_oclc_number_matches_by_001()
    {
        var index = new RecordMatchIndex();
        var existing = Bib("LOCAL-1");
        index.Add(existing);
        Assert.Same(existing, index.Find(Bib("LOCAL-1"), out string? key));
        Assert.Equal("001:LOCAL-1", key);
        Assert.Null(index.Find(Bib("LOCAL-2"), out _));
    }

    [Fact]
    public void Holdings_records_match_holdings_only()
    {
        var holdings = new MarcRecord(new Leader("00000nx  a22000001n 4500"));
        holdings.AddControlField("001", "h1");
        holdings.AddControlField("004", "123");
        var index = new RecordMatchIndex();
        index.Add(Bib("99001", "(OCoLC)123"));
        index.Add(holdings);
        Assert.Empty(index.DuplicateKeys);
        Assert.Equal("99001", index.Find(Bib("ocm00000123"), out _)!.ControlNumber);
        var incomingHoldings = new MarcRecord(new Leader("00000nx  a22000001n 4500"));
        incomingHoldings.AddControlField("004", "123");
        Assert.Same(holdings, index.Find(incomingHoldings, out _));
    }

    [Fact]
    public void The_first_of_two_records_with_a_number_wins_and_the_number_is_reported()
    {
        var index = new RecordMatchIndex();
        index.Add(Bib("99001", "(OCoLC)123"));
        index.Add(Bib("99002", "(OCoLC)123"));
        Assert.Equal(new[] { "123" }, index.DuplicateKeys);
        Assert.Equal("99001", index.Find(Bib("ocm00000123"), out _)!.ControlNumber);
        Assert.Equal(2, index.Count);
    }
}

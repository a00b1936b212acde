using OclcCataloging.DataSync.Lhr;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>Holdings translation tables, docs/design/data-sync.md</summary>
public sealed class HoldingsTranslationTableTests
{
    private const string Header = "In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21\n";

    private static HoldingsTranslationTable Csv(string rows) => HoldingsTranslationTable.Parse(new StringReader(Header + rows));

    [Fact]
    public void The_page_example_loads()   // OCWMS UMSCI URF ... with a 4-character holding code filled in
    {
        var t = Csv("OCWMS,UMSCI,URF,OCWMS,UMSC,,,\nOCWMS,UMSCA,UDMF,OCWMS,UMSA,,a,u\n");
        Assert.True(t.IsValid, string.Join("; ", t.Findings));
        Assert.Equal("UMSC", t.Match("OCWMS", "UMSCI", "URF")!.Out852b);
        Assert.Null(t.Match("OCWMS", "UMSCI", "OTHER"));
    }

    [Theory]
    [InlineData("A,B,C,XYZ,MAI,,,", LhrRules.TableHoldingCode)]        // 3 characters
    [InlineData("A,B,C,XYZ,MAI1,,,", LhrRules.TableHoldingCode)]       // 1 is not in 2-9
    [InlineData("A,B,C,XYZ,main,,,", LhrRules.TableHoldingCode)]       // lower case
    [InlineData("A,B,C,,MAIN,,,", LhrRules.TableSymbol)]
    [InlineData("A,B,C,XYZ,MAIN,,x,", LhrRules.TableLendingPolicy)]
    [InlineData("A,B,C,XYZ,MAIN,,,c", LhrRules.TableReproductionPolicy)]
    [InlineData("A,B,C,XYZ,MAIN,Art & Music,,", LhrRules.TableShelvingLocation)]
    [InlineData("A,B,C,XYZ,MAIN,Art -- Music,,", LhrRules.TableShelvingLocation)]
    public void Invalid_rows_are_errors(string row, string rule)
    {
        var t = Csv(row + "\n");
        Assert.False(t.IsValid);
        Assert.Contains(t.Findings, f => f.RuleId == rule);
        Assert.True(Csv("A,B,C,XYZ,MA29,Art and Music,a,u\n").IsValid);
    }

    [Fact]
    public void Missing_column_is_an_error()
    {
        var t = HoldingsTranslationTable.Parse(new StringReader("In852a,In852b,Out852a,Out852b\nA,B,XYZ,MAIN\n"));
        Assert.Contains(t.Findings, f => f.RuleId == LhrRules.TableColumnMissing && f.Position == "In852c");
    }

    [Fact]
    public void Duplicate_rows_warn_and_the_first_wins()
    {
        var t = Csv("A,B,C,XYZ,MAIN,,,\nA,B,C,XYZ,BRAN,,,\n");
        Assert.True(t.IsValid);
        Assert.Contains(t.Findings, f => f.RuleId == LhrRules.TableDuplicateRow);
        Assert.Equal("MAIN", t.Match("A", "B", "C")!.Out852b);
    }

    [Fact]
    public void Star_matches_anything_including_absence_and_specific_rows_win()
    {
        var t = Csv("MAIN,*,*,XYZ,MAIN,,,\nMAIN,REF,*,XYZ,REF2,,,\n");
        Assert.Equal("MAIN", t.Match("MAIN", null, null)!.Out852b);
        Assert.Equal("MAIN", t.Match("MAIN", "STACKS", "X")!.Out852b);
        Assert.Equal("REF2", t.Match("MAIN", "REF", null)!.Out852b);
    }

    [Fact]
    public void Empty_in_cell_matches_only_absence()
    {
        var t = Csv("MAIN,,,XYZ,MAIN,,,\n");
        Assert.NotNull(t.Match("MAIN", null, null));
        Assert.Null(t.Match("MAIN", "REF", null));
    }

    [Fact]
    public void Hyphens_read_as_spaces_and_diacritics_are_removed_but_case_counts()
    {
        var t = Csv("Bibliothèque,Réf-Desk,*,XYZ,MAIN,,,\n");
        Assert.NotNull(t.Match("Bibliotheque", "Ref Desk", null));
        Assert.NotNull(t.Match("Bibliothèque", "Réf-Desk", "x"));
        Assert.Null(t.Match("bibliotheque", "Ref Desk", null));
    }

    [Fact]
    public void Quoted_csv_cells()
    {
        var t = Csv("\"MAIN\",\"A, B\",*,XYZ,MAIN,\"Shelf \"\"1\"\"\",,\n");
        Assert.Equal("Shelf \"1\"", t.Match("MAIN", "A, B", null)!.Out852c);
    }

    [Theory]
    [InlineData("MAIN", true)]
    [InlineData("XY29", true)]
    [InlineData("XY10", false)]
    [InlineData("MAINS", false)]
    public void Holding_codes_are_four_of_A_Z_and_2_9(string code, bool ok) => Assert.Equal(ok, HoldingsTranslationTable.IsHoldingCode(code));

    [Fact]
    public void Rows_from_named_cells_default_like_csv_rows()
    {
        var cells = new Dictionary<string, string> { ["In852a"] = "OCWMS", ["In852b"] = "", ["Out852a"] = "OCWMS", ["Out852b"] = "MAIN" };
        var row = TranslationRow.FromCells(c => cells.TryGetValue(c, out var v) ? v : null);
        Assert.Equal("OCWMS", row.In852a);
        Assert.Equal("", row.In852b);       // given empty: matches an absent or empty subfield
        Assert.Equal("*", row.In852c);      // not given: matches anything
        Assert.Equal("", row.Out852c);
        var csv = Csv("OCWMS,,*,OCWMS,MAIN,,,\n").Rows[0];
        Assert.Equal((csv.In852a, csv.In852b, csv.In852c, csv.Out852b), (row.In852a, row.In852b, row.In852c, row.Out852b));
    }

    [Fact]
    public void Missing_columns_are_named_in_table_order() =>
        Assert.Equal(new[] { "In852c", "Out008_21" },
            HoldingsTranslationTable.MissingColumns(c => c != "Out008_21" && c != "In852c"));

    [Fact]
    public void Errors_are_described_without_warnings()
    {
        var t = Csv("A,B,C,XYZ,MAI,,x,\nA,B,C,XYZ,MAIN,,,\n");
        var errors = t.DescribeErrors();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith(LhrRules.TableHoldingCode, errors[0]);
        Assert.StartsWith(LhrRules.TableLendingPolicy, errors[1]);
    }
}

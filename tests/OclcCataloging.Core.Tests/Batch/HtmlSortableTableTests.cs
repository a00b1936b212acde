using System.Text;
using System.Text.RegularExpressions;
using OclcCataloging.Batch;
using Xunit;

namespace OclcCataloging.Core.Tests.Batch;

/// <summary>The script-free sortable table of the HTML reports: the ranks it writes, its filter labels, its encoding.</summary>
public class HtmlSortableTableTests
{
    private const string Hostile = "<script>alert(1)</script> \"quoted\" & 'single' onload=alert(2)";

    private static string Write(HtmlSortableTable table)
    {
        var sb = new StringBuilder();
        table.Write(sb, "t1");
        return sb.ToString();
    }

    /// <summary>The ascending (a) or descending (d) rank of each row in one column, in written order.</summary>
    private static int[] Ranks(string html, char direction, int column) =>
        Regex.Matches(html, "<tr role=\"row\"[^>]* style=\"([^\"]*)\">")
            .Select(m => int.Parse(Regex.Match(m.Groups[1].Value, $"--{direction}{column}:(\\d+);").Groups[1].Value))
            .ToArray();

    private static string Column(HtmlColumn column, params string?[] values)
    {
        var table = new HtmlSortableTable(new[] { column });
        foreach (var v in values) table.Add(new[] { v });
        return Write(table);
    }

    [Fact]
    public void Equal_values_share_a_rank_and_empty_cells_come_last_in_both_directions()
    {
        string html = Column(HtmlColumn.Text("Value"), "b", "a", "b", "", null, "c");
        Assert.Equal(new[] { 2, 1, 2, 4, 4, 3 }, Ranks(html, 'a', 0));
        Assert.Equal(new[] { 2, 3, 2, 4, 4, 1 }, Ranks(html, 'd', 0));
    }

    [Fact]
    public void Numbers_sort_by_value_not_as_text_and_non_numbers_come_after_them()
    {
        string html = Column(HtmlColumn.Number("Value"), "10", "9", "100", "-1", "2.5", "n/a", "");
        Assert.Equal(new[] { 4, 3, 5, 1, 2, 6, 7 }, Ranks(html, 'a', 0));
        Assert.Equal(new[] { 3, 4, 2, 6, 5, 1, 7 }, Ranks(html, 'd', 0));
    }

    [Fact]
    public void Text_sorts_case_insensitively_with_digit_runs_by_value()
    {
        string html = Column(HtmlColumn.Text("Value"), "ocm10", "ocm9", "OCM9a", "ocm009", "Abc");
        // ocm009 and ocm9 differ only in leading zeros: ordinal tie-break keeps them apart, both before ocm9a
        Assert.Equal(new[] { 5, 3, 4, 2, 1 }, Ranks(html, 'a', 0));
    }

    [Fact]
    public void Dates_sort_by_instant_whatever_their_offset()
    {
        string html = Column(HtmlColumn.Date("Value"), "2026-12-07 10:00:00 +01:00", "2026-12-07 09:30:00 +00:00", "2025-01-01", "not a date");
        Assert.Equal(new[] { 2, 3, 1, 4 }, Ranks(html, 'a', 0));
    }

    [Fact]
    public void Ranked_values_sort_in_their_given_order_and_unknown_values_after_them()
    {
        string html = Column(HtmlColumn.Ranked("Severity", "Error", "Warning", "Info"), "Info", "Error", "Other", "Warning", "error");
        Assert.Equal(new[] { 3, 1, 4, 2, 1 }, Ranks(html, 'a', 0));
        Assert.Equal(new[] { 2, 4, 1, 3, 4 }, Ranks(html, 'd', 0));
    }

    [Fact]
    public void Long_text_columns_keep_a_readable_width()
    {
        var table = new HtmlSortableTable(new[] { HtmlColumn.Number("#"), HtmlColumn.Text("Key"), HtmlColumn.LongText("Message") });
        table.Add(new[] { "1", "k", "text" });
        Assert.Contains("style=\"grid-template-columns: auto auto minmax(min(16em,20%),max-content)\"", Write(table));
    }

    [Fact]
    public void Controls_offer_each_column_and_each_filter_value_with_its_count()
    {
        var table = new HtmlSortableTable(new[] { HtmlColumn.Number("#"), HtmlColumn.Text("Rule") }).Filter("Severity");
        table.Add(new[] { "1", "A" }, "Error");
        table.Add(new[] { "2", "B" }, "Warning");
        table.Add(new[] { "3", "A" }, "Error");
        string html = Write(table);

        Assert.Contains("<input type=\"radio\" name=\"t1-f0\" id=\"t1-f0-all\" checked><label for=\"t1-f0-all\">All (3)</label>", html);
        Assert.Contains("<input type=\"radio\" name=\"t1-f0\" id=\"t1-f0-0\"><label for=\"t1-f0-0\">Error (2)</label>", html);
        Assert.Contains("<label for=\"t1-f0-1\">Warning (1)</label>", html);
        Assert.Contains("#t1-f0-0:checked~table tbody tr:not(.f0v0){display:none}", html); // the header row stays
        Assert.Equal(2, Regex.Matches(html, "<tr role=\"row\" class=\"f0v0\"").Count);
        Assert.Contains("<label for=\"t1-s1\">Rule</label>", html);
        Assert.Contains("#t1-s1:checked~#t1-desc:checked~table td{order:var(--d1)}", html);
        Assert.Contains("<td role=\"cell\" class=\"n\">3</td>", html); // numbers right-aligned
    }

    [Fact]
    public void Hostile_text_in_cells_headers_and_filter_labels_is_encoded_and_the_table_has_no_script()
    {
        var table = new HtmlSortableTable(new[] { HtmlColumn.Text(Hostile), HtmlColumn.Text("Other") }).Filter(Hostile);
        table.Add(new[] { Hostile, "x" }, Hostile);
        table.Add(new[] { "y", Hostile }, "plain");
        string html = Write(table);

        const string encoded = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; onload=alert(2)";
        Assert.Contains("<th role=\"columnheader\">" + encoded + "</th>", html);
        Assert.Contains("<td role=\"cell\">" + encoded + "</td>", html);
        Assert.Contains("<label for=\"t1-f0-0\">" + encoded + " (1)</label>", html);
        Assert.Contains("<span class=\"legend\">" + encoded + ":</span>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // every '<' starts a tag the writer made (text '<' is encoded); none of them carries an event handler
        Assert.DoesNotMatch(new Regex("<[^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void Ids_that_could_break_out_of_a_selector_or_an_attribute_are_refused()
    {
        var table = new HtmlSortableTable(new[] { HtmlColumn.Text("A") });
        Assert.Throws<ArgumentException>(() => table.Write(new StringBuilder(), "t\"><script>"));
        Assert.Throws<ArgumentException>(() => table.Write(new StringBuilder(), "t1{}"));
    }

    [Fact]
    public void A_row_must_have_one_cell_per_column_and_one_value_per_filter()
    {
        var table = new HtmlSortableTable(new[] { HtmlColumn.Text("A"), HtmlColumn.Text("B") }).Filter("F");
        Assert.Throws<ArgumentException>(() => table.Add(new[] { "1" }, "x"));
        Assert.Throws<ArgumentException>(() => table.Add(new[] { "1", "2" }));
        table.Add(new[] { "1", "2" }, "x");
        Assert.Throws<InvalidOperationException>(() => table.Filter("Late"));
    }
}

using System.Collections.Generic;
using System.Text;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Batch;

public sealed class BatchReportTests
{
    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

    private static BatchSearchSummary RunAll(FakeSearchTarget target, BatchSearchOptions options, params string[] lines)
    {
        var session = new BatchSearchSession(target, options);
        foreach (var line in lines) session.Search(line, CancellationToken.None);
        return session.Complete();
    }

    [Fact]
    public void Retained_key_files_hold_each_kind_of_key_exactly_as_given_and_read_back_as_keys()
    {
        using var folder = new BatchTestFolder();
        var options = new BatchSearchOptions { RetainKeysDirectory = folder.Path };

        var summary = RunAll(new FakeSearchTarget(), options, "found a", "none Dvořák, Antonín", "many  two spaces ", "error x", "kw:", "none c");

        Assert.Equal(folder.File("notfound.txt"), summary.NotFoundKeysPath);
        Assert.Equal("none Dvořák, Antonín\r\nnone c\r\n", File.ReadAllText(summary.NotFoundKeysPath!));
        Assert.Equal("many  two spaces \r\n", File.ReadAllText(summary.TooManyKeysPath!));
        Assert.Equal("error x\r\nkw:\r\n", File.ReadAllText(summary.ErrorKeysPath!));
        Assert.NotEqual(Utf8Bom, File.ReadAllBytes(summary.NotFoundKeysPath!).Take(3));

        // Fed back as key input, the retained keys make the same requests.
        var again = new FakeSearchTarget();
        RunAll(again, new BatchSearchOptions(), File.ReadAllLines(summary.NotFoundKeysPath!));
        Assert.Equal(new[] { "none Dvořák, Antonín", "none c" }, again.Searched);
    }

    [Fact]
    public void A_missing_retain_folder_is_created()
    {
        using var folder = new BatchTestFolder();
        string retain = Path.Combine(folder.Path, "retained", "today");

        var summary = RunAll(new FakeSearchTarget(), new BatchSearchOptions { RetainKeysDirectory = retain }, "many x");

        Assert.Equal("many x\r\n", File.ReadAllText(Path.Combine(retain, "toomany.txt")));
        Assert.Equal(Path.Combine(retain, "error.txt"), summary.ErrorKeysPath);
    }

    [Fact]
    public void A_new_run_overwrites_the_retained_key_files()
    {
        using var folder = new BatchTestFolder();
        var options = new BatchSearchOptions { RetainKeysDirectory = folder.Path };
        RunAll(new FakeSearchTarget(), options, "none first", "many first");

        RunAll(new FakeSearchTarget(), options, "none second");

        Assert.Equal("none second\r\n", File.ReadAllText(folder.File("notfound.txt")));
        Assert.Equal("", File.ReadAllText(folder.File("toomany.txt")));
    }

    [Fact]
    public void Csv_report_is_utf8_with_bom_and_quotes_commas_quotes_and_line_breaks()
    {
        using var folder = new BatchTestFolder();
        var target = new FakeSearchTarget();
        target.ErrorDetails["error x"] = "line one\nline two, with \"quotes\"";
        var summary = RunAll(target, new BatchSearchOptions { ReportPath = folder.File("report.csv") },
            "found Twain, Mark", "none say \"hi\"", "error x", "found Dvořák");

        // Key types are the parser's business, not the report's: ask it.
        string TypeOf(string key) => SearchKeyParser.Parse(key).Type.ToString();
        byte[] bytes = File.ReadAllBytes(summary.ReportPath!);
        Assert.Equal(Utf8Bom, bytes.Take(3));
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        string[] lines = text.Split("\r\n");
        Assert.Equal("Sequence,Key,KeyType,QuerySent,Target,Status,Translated,HitCount,RecordsDownloaded,OclcNumbers,FirstTitle,ErrorType,ErrorDetail,HttpStatus,Attempts,ElapsedMs", lines[0]);
        Assert.StartsWith("1,\"found Twain, Mark\"," + TypeOf("found Twain, Mark") + ",\"fake:found Twain, Mark\",Fake target,Found,False,7,1,123->456; 789,\"Title of found Twain, Mark\",,,200,1,", lines[1]);
        Assert.StartsWith("2,\"none say \"\"hi\"\"\"," + TypeOf("none say \"hi\"") + ",\"fake:none say \"\"hi\"\"\",Fake target,NotFound,False,0,0,,,,,200,1,", lines[2]);
        Assert.Contains("\"line one\nline two, with \"\"quotes\"\"\"", text);
        Assert.StartsWith("4,found Dvořák," + TypeOf("found Dvořák") + ",fake:found Dvořák,", lines[^2]);
        Assert.Equal("", lines[^1]); // the last record ends with CRLF
    }

    [Fact]
    public void Html_summary_is_written_next_to_the_report_with_counts_and_encoded_keys()
    {
        using var folder = new BatchTestFolder();
        var target = new FakeSearchTarget();
        target.ErrorDetails["error <b>"] = "bad & worse";
        var options = new BatchSearchOptions
        {
            ReportPath = folder.File("run.csv"),
            ReportSettings = new[] { new KeyValuePair<string, string>("Key file", "keys \"<i>\".txt") },
        };
        var summary = RunAll(target, options, "none <script>alert(1)</script>", "many c", "error <b>", "found d");

        Assert.Equal(folder.File("run.html"), summary.HtmlReportPath);
        string html = File.ReadAllText(summary.HtmlReportPath!);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("none &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("error &lt;b&gt;", html);
        Assert.Contains("bad &amp; worse", html);
        Assert.Contains("<summary>Not found (1)</summary>", html);
        Assert.Contains("<summary>Too many (1)</summary>", html);
        Assert.Contains("<summary>Errors (1)</summary>", html);
        Assert.Contains("<summary>Found (1)</summary>", html);
        Assert.Contains("<summary>Found, several hits — review (1)</summary>", html); // the fake target reports 7 hits
        Assert.Contains("Title of found d", html);
        Assert.Contains("<tr><td>Total</td><td class=\"n\">4</td></tr>", html);
        Assert.Contains("Fake target", html);
        Assert.Contains("<svg class=\"chart\"", html);
        Assert.Contains("<tr><th>Key file</th><td>keys &quot;&lt;i&gt;&quot;.txt</td></tr>", html);
        Assert.Contains("Written (local time)", html);
    }

    [Fact]
    public void Html_not_found_table_has_no_error_or_http_columns()
    {
        using var folder = new BatchTestFolder();
        var summary = RunAll(new FakeSearchTarget(), new BatchSearchOptions { ReportPath = folder.File("run.csv") }, "none a");

        string html = File.ReadAllText(summary.HtmlReportPath!);
        string section = html.Substring(html.IndexOf("<summary>Not found", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("</details>", StringComparison.Ordinal));
        Assert.Contains(">Key</th>", section);
        Assert.DoesNotContain(">HTTP</th>", section);
        Assert.DoesNotContain(">Error</th>", section);
        Assert.DoesNotContain(">Detail</th>", section);
    }

    [Fact]
    public void Failed_report_writing_leaves_the_previous_report_whole_and_no_temporary_files()
    {
        using var folder = new BatchTestFolder();
        string report = folder.File("report.csv");
        File.WriteAllText(report, "previous report");
        string notADirectory = folder.File("retain-here");
        File.WriteAllText(notADirectory, "a file, not a folder");
        var options = new BatchSearchOptions { ReportPath = report, RetainKeysDirectory = notADirectory, StatePath = folder.File("run.state") };
        var session = new BatchSearchSession(new FakeSearchTarget(), options);
        session.Search("none a", CancellationToken.None);

        Assert.ThrowsAny<IOException>(() => session.Complete());

        Assert.Equal("previous report", File.ReadAllText(report));
        Assert.False(File.Exists(folder.File("report.html")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
        Assert.True(File.Exists(options.StatePath), "the state survives so the run can be completed again");
    }
}

using System.Text;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// MARC-in-JSON against the shared corpus (docs/marc.md 3.2, 4.3 item 16): every JSON file reads with the record
/// counts of MANIFEST.md, traject's JSON equals its ISO 2709 twin record by record, and JSON -> ISO 2709 -> JSON
/// round-trips.
/// </summary>
public class JsonConformanceTests
{
    private readonly ITestOutputHelper _out;

    public JsonConformanceTests(ITestOutputHelper output) { _out = output; }

    internal static List<MarcReadResult> ReadAll(string path, MarcFormat format = MarcFormat.Auto)
    {
        var list = new List<MarcReadResult>();
        using var reader = MarcReaderFactory.OpenFile(path, format);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    private static bool IsJsonFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndj", StringComparison.OrdinalIgnoreCase);

    [CorpusFact]
    public void Every_json_file_in_the_corpus_reads_with_the_manifest_counts()
    {
        var expected = new Dictionary<string, int>
        {
            ["pymarc/batch.json"] = 2,
            ["traject/test_data.utf8.json"] = 30,
            ["marc-perl/test.ndj"] = 9,
        };
        var files = XmlConformanceTests.CorpusFiles(IsJsonFile).ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            string rel = XmlConformanceTests.Rel(file);
            var results = ReadAll(file);
            Assert.All(results, r => Assert.True(r.IsRecord, rel + ": " + r.Error));
            _out.WriteLine(rel + ": " + results.Count + " records, " + results.Count(r => r.Record!.HasWarnings) + " with warnings");
            if (expected.TryGetValue(rel, out int n)) Assert.Equal(n, results.Count);
            Assert.All(results, r => Assert.Equal(MarcFormat.Json, r.Record!.Origin!.Format));
        }
        Assert.True(expected.Keys.All(k => files.Any(f => XmlConformanceTests.Rel(f) == k)), "MANIFEST's JSON files are present");
    }

    [CorpusFact]
    public void Traject_json_equals_its_iso2709_twin_record_by_record()
    {
        var json = ReadAll(TestPaths.CorpusFile("traject", "test_data.utf8.json")).Select(r => r.Record!).ToList();
        var iso = ReadAll(TestPaths.CorpusFile("traject", "test_data.utf8.mrc")).Select(r => r.Record!).ToList();
        Assert.Equal(30, json.Count);
        Assert.Equal(iso.Count, json.Count);
        for (int i = 0; i < json.Count; i++)
        {
            Assert.False(json[i].HasWarnings, "record " + (i + 1) + ": " + string.Join("; ", json[i].Warnings));
            var diffs = json[i].Compare(iso[i]);
            Assert.True(diffs.Count == 0, "record " + (i + 1) + ": " + string.Join("\n", diffs));
        }
    }

    [CorpusFact]
    public void Ndjson_with_caret_blanks_reads_as_blanks()
    {
        var records = ReadAll(TestPaths.CorpusFile("marc-perl", "test.ndj")).Select(r => r.Record!).ToList();
        Assert.Equal(9, records.Count);
        Assert.Equal("01470nam a22004451  4500", records[0].Leader.ToString());
        Assert.DoesNotContain('^', records[0].GetValue("008")!);
        Assert.All(records, r => Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.BlankSubstitute));
    }

    [CorpusFact]
    public void Json_to_iso2709_to_json_round_trips()
    {
        foreach (string file in XmlConformanceTests.CorpusFiles(IsJsonFile))
        {
            string rel = XmlConformanceTests.Rel(file);
            var records = ReadAll(file).Select(r => r.Record!).ToList();
            var iso = new MemoryStream();
            using (var w = new Iso2709Writer(iso, new Iso2709WriterOptions { LeaveOpen = true }))
            {
                foreach (var r in records) w.Write(r);
                w.Complete();
            }
            iso.Position = 0;
            var fromIso = new List<MarcRecord>();
            using (var reader = new Iso2709Reader(iso))
            {
                MarcReadResult? x;
                while ((x = reader.ReadNext()) != null) fromIso.Add(x.Record!);
            }
            Assert.Equal(records.Count, fromIso.Count);

            var json = new MemoryStream();
            using (var w = new MarcJsonWriter(json, new MarcJsonWriterOptions { LeaveOpen = true }))
            {
                foreach (var r in fromIso) w.Write(r);
                w.Complete();
            }
            var again = ReadAll(WriteTemp(json.ToArray())).Select(r => r.Record!).ToList();
            Assert.Equal(records.Count, again.Count);
            for (int i = 0; i < records.Count; i++)
            {
                var diffs = again[i].Compare(records[i]);
                Assert.True(diffs.Count == 0, rel + " record " + (i + 1) + ": " + string.Join("\n", diffs));
                Assert.False(again[i].HasWarnings, rel + " record " + (i + 1) + ": " + string.Join("; ", again[i].Warnings));
            }
            // Our JSON is stable: writing what we read gives the same bytes.
            var json2 = new MemoryStream();
            using (var w = new MarcJsonWriter(json2, new MarcJsonWriterOptions { LeaveOpen = true }))
            {
                foreach (var r in again) w.Write(r);
                w.Complete();
            }
            Assert.Equal(Encoding.UTF8.GetString(json.ToArray()), Encoding.UTF8.GetString(json2.ToArray()));
        }
    }

    private static string WriteTemp(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), "oclc-json-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

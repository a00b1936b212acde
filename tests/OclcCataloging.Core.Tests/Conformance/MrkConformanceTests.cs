using System.Text;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Mrk;
using Xunit;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// MarcEdit text against the shared corpus (issue 3, done-when 1): brkrtest.mrk reads to brkrtest.mrc's bytes,
/// brkrtest.mrk8 to brkrtest_UTF8.mrc's records, camel.mrk to camel.usmarc; writing them back reproduces the files
/// (line ends and blank lines between records aside).
/// </summary>
public class MrkConformanceTests
{
    private static List<MarcRecord> Records(string path, MarcFormat format = MarcFormat.Auto)
    {
        var results = JsonConformanceTests.ReadAll(path, format);
        Assert.All(results, r => Assert.True(r.IsRecord, r.Error?.ToString()));
        return results.Select(r => r.Record!).ToList();
    }

    private static byte[] Iso(IEnumerable<MarcRecord> records)
    {
        var ms = new MemoryStream();
        using (var w = new Iso2709Writer(ms, new Iso2709WriterOptions { LeaveOpen = true }))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return ms.ToArray();
    }

    private static string Mrk(IEnumerable<MarcRecord> records, MarcFormat format, bool literalBackslash = false)
    {
        var ms = new MemoryStream();
        using (var w = new MrkWriter(ms, format, new MrkWriterOptions { LeaveOpen = true, LiteralBackslash = literalBackslash }))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Line ends as LF and runs of blank lines as one.</summary>
    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        while (text.Contains("\n\n\n", StringComparison.Ordinal)) text = text.Replace("\n\n\n", "\n\n");
        return text.TrimEnd('\n');
    }

    [CorpusFact]
    public void Content_detection_tells_mrk_from_mrk8()
    {
        using (var s = File.OpenRead(TestPaths.CorpusFile("marc4j", "brkrtest.mrk"))) Assert.Equal(MarcFormat.Mrk, MarcFormatDetector.Detect(s));
        using (var s = File.OpenRead(TestPaths.CorpusFile("marc4j", "brkrtest.mrk8"))) Assert.Equal(MarcFormat.Mrk8, MarcFormatDetector.Detect(s));
        using (var s = File.OpenRead(TestPaths.CorpusFile("marc-perl", "camel.mrk"))) Assert.Equal(MarcFormat.Mrk, MarcFormatDetector.Detect(s));
    }

    [CorpusFact]
    public void Brkrtest_mrk_reads_to_the_bytes_of_brkrtest_mrc()
    {
        var records = Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk"));
        Assert.Equal(8, records.Count);
        Assert.All(records, r => Assert.False(r.HasWarnings, string.Join("; ", r.Warnings)));
        Assert.Equal(File.ReadAllBytes(TestPaths.CorpusFile("marc4j", "brkrtest.mrc")), Iso(records));
    }

    [CorpusFact]
    public void Brkrtest_mrk8_reads_to_the_records_of_brkrtest_utf8_mrc()
    {
        var mrk8 = Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk8"));
        var utf8 = Records(TestPaths.CorpusFile("marc4j", "brkrtest_UTF8.mrc"));
        Assert.Equal(8, mrk8.Count);
        Assert.Equal(utf8.Count, mrk8.Count);
        for (int i = 0; i < mrk8.Count; i++)
        {
            Assert.False(mrk8[i].HasWarnings, string.Join("; ", mrk8[i].Warnings));
            var diffs = mrk8[i].Compare(utf8[i]); // leader lengths aside: the .mrk8 keeps the MARC-8 lengths
            Assert.True(diffs.Count == 0, "record " + (i + 1) + ": " + string.Join("\n", diffs));
        }
        // With lengths recomputed, the bytes are brkrtest_UTF8.mrc's.
        Assert.Equal(File.ReadAllBytes(TestPaths.CorpusFile("marc4j", "brkrtest_UTF8.mrc")), Iso(mrk8));
    }

    [CorpusFact]
    public void Brkrtest_mrk_and_mrk8_and_the_mrc_pair_read_to_the_same_records()
    {
        var mrk = Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk"));
        var mrc = Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrc"));
        var mrk8 = Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk8"));
        for (int i = 0; i < mrk.Count; i++)
        {
            Assert.Empty(mrk[i].Compare(mrc[i], compareLeaderLengths: true));
            // MARC-8 decodes to NFC; brkrtest.mrk8 (like brkrtest_UTF8.mrc) has decomposed characters: compare in NFC.
            var u = MarcEncodingConverter.ToUnicode(mrk[i]);
            Assert.Equal(MarcEditText.ToText(mrk8[i]).Normalize(NormalizationForm.FormC), MarcEditText.ToText(u).Normalize(NormalizationForm.FormC));
        }
    }

    [CorpusFact]
    public void Writing_brkrtest_back_reproduces_the_mrk_and_mrk8_files()
    {
        string mrkFile = File.ReadAllText(TestPaths.CorpusFile("marc4j", "brkrtest.mrk"), Encoding.Latin1);
        string mrk8File = File.ReadAllText(TestPaths.CorpusFile("marc4j", "brkrtest.mrk8"), Encoding.UTF8);

        // These files keep a backslash in subfield data as it is; our default is {bsol}.
        string fromMrk = Mrk(Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk")), MarcFormat.Mrk, literalBackslash: true);
        Assert.Equal(mrkFile, fromMrk); // byte for byte, CR LF included
        string fromMrc = Mrk(Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrc")), MarcFormat.Mrk, literalBackslash: true);
        Assert.Equal(mrkFile, fromMrc);

        string fromMrk8 = Mrk(Records(TestPaths.CorpusFile("marc4j", "brkrtest.mrk8")), MarcFormat.Mrk8, literalBackslash: true);
        Assert.Equal(Normalize(mrk8File), Normalize(fromMrk8));
    }

    [CorpusFact]
    public void Camel_mrk_reads_to_camel_usmarc_and_writes_back()
    {
        var mrk = Records(TestPaths.CorpusFile("marc-perl", "camel.mrk"));
        var iso = Records(TestPaths.CorpusFile("marc-perl", "camel.usmarc"));
        Assert.Equal(10, mrk.Count);
        for (int i = 0; i < mrk.Count; i++) Assert.Empty(mrk[i].Compare(iso[i], compareLeaderLengths: true));
        Assert.Equal(File.ReadAllBytes(TestPaths.CorpusFile("marc-perl", "camel.usmarc")), Iso(mrk));
        string file = File.ReadAllText(TestPaths.CorpusFile("marc-perl", "camel.mrk"), Encoding.Latin1);
        Assert.Equal(Normalize(file), Normalize(Mrk(iso, MarcFormat.Mrk)));
    }
    /// <summary>The records MrkReader gives for MarcEdit text.</summary>
    private static List<MarcReadResult> ReadMrk(string text, MarcFormat format)
    {
        var list = new List<MarcReadResult>();
        using var reader = new MrkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), format);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    [CorpusFact]
    public void Every_corpus_record_written_as_mrk_and_mrk8_reads_back_identical()
    {
        int records = 0;
        var failures = new List<string>();
        foreach (string file in XmlConformanceTests.CorpusFiles(XmlConformanceTests.IsIsoFile))
        {
            var originals = XmlConformanceTests.ReadIso(XmlConformanceTests.Content(file), file)
                .Where(r => r.Record != null).Select(r => r.Record!).ToList();
            if (originals.Count == 0) continue;
            records += originals.Count;
            foreach (MarcFormat format in new[] { MarcFormat.Mrk, MarcFormat.Mrk8 })
            {
                var back = ReadMrk(Mrk(originals, format), format);
                if (back.Count != originals.Count)
                {
                    failures.Add($"{XmlConformanceTests.Rel(file)} {format}: {back.Count} records read back of {originals.Count}");
                    continue;
                }
                for (int i = 0; i < originals.Count; i++)
                {
                    var diffs = back[i].Record?.Compare(originals[i], compareLeaderLengths: true) ?? new List<string> { back[i].Error!.ToString() };
                    if (diffs.Count > 0) failures.Add($"{XmlConformanceTests.Rel(file)} {format} record {i + 1}: {string.Join("; ", diffs.Take(3))}");
                }
            }
        }
        Assert.True(records > 1000, "only " + records + " corpus records were read");
        Assert.True(failures.Count == 0, failures.Count + " differences:\n" + string.Join("\n", failures.Take(30)));
    }
}

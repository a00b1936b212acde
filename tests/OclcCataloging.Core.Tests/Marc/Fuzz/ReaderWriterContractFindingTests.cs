using System.Text;
using OclcCataloging.Fuzz;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Fuzz;

/// <summary>
/// Defects a fuzzing run of the MARCXML and format-sniffing targets found (their minimised inputs are in Findings/),
/// each as a small test that names it.
/// </summary>
public class ReaderWriterContractFindingTests
{
    private static byte[] ForeignRecordsLeftOpen(int n) =>
        Encoding.UTF8.GetBytes("\n<c xmlns=\"h\">\n" + string.Concat(Enumerable.Repeat("<record>", n)));

    [Fact]
    public void Marcxml_recovery_does_not_reread_the_document_once_per_record_tag_of_another_namespace()
    {
        // <record> elements in another namespace are not MARC records; when the document then ends unclosed, recovery
        // took each of them up again and re-read the rest of the document from there (800 tags: 98 MB allocated)
        long Cost(int n)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var results = MarcContract.CheckRead(ForeignRecordsLeftOpen(n), MarcFormat.MarcXml);
            long cost = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Empty(results);
            return cost;
        }
        Cost(100);
        long small = Cost(1000), large = Cost(4000);
        Assert.True(large < 6 * small, $"4,000 tags allocated {large:N0} bytes, 1,000 allocated {small:N0}: not linear");
    }

    [Fact]
    public void Marcxml_record_hidden_by_an_unclosed_comment_after_a_foreign_record_is_still_found()
    {
        const string Marc = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>" +
                            "<controlfield tag=\"001\">r{0}</controlfield></record>\n";
        string xml = "<doc><x:record xmlns:x=\"h\"/>" + string.Format(Marc, 1) + "<!-- " + string.Format(Marc, 2) + string.Format(Marc, 3);
        var results = MarcContract.CheckRead(Encoding.UTF8.GetBytes(xml), MarcFormat.MarcXml);
        Assert.Equal("r1", results[0].Record?.ControlNumber);
        // what the comment hides is read or reported, never dropped silently
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public void Mrk_marc8_value_holding_an_iso2709_separator_is_refused_by_the_iso2709_writer_instead_of_copied()
    {
        // A MARC-8 .mrk record kept its values as bytes, which the ISO 2709 writer copies as they are: a record
        // terminator in a control field became a second record when read back.
        foreach (string line in new[] { "=005  a\u001Db", "=500  \\\\$aA\u001EB", "=500  \\\\$aA\u001FzB", "=500  \\\\$aA\u001DB$bC" })
        {
            byte[] mrk = Encoding.Latin1.GetBytes("=LDR  00000nam  2200000 a 4500\n=001  x\n" + line + "\n");
            var record = Assert.Single(MarcContract.CheckRead(mrk, MarcFormat.Mrk)).Record!;
            var e = Assert.Throws<MarcWriteException>(() => MarcContract.Write(record, MarcFormat.Iso2709));
            Assert.Equal(MarcDiagnosticCodes.CharacterNotEncodable, e.Code);
            Assert.Equal(line.Substring(1, 3), e.Tag);
            // the other formats keep the value: MARCXML and JSON read it back with the same structure
            Assert.Single(MarcContract.ReadAll(MarcContract.Write(record, MarcFormat.Json), MarcFormat.Json, out _));
        }
    }

    [Fact]
    public void Mrk_marc8_values_without_separators_still_keep_their_bytes()
    {
        // the MARC-8 bytes a mnemonic gives ({E1} = grave) are copied to ISO 2709 unchanged
        byte[] mrk = Encoding.Latin1.GetBytes("=LDR  00000nam  2200000 a 4500\n=001  x\n=245  10$a{E1}e\n");
        var record = Assert.Single(MarcContract.CheckRead(mrk, MarcFormat.Mrk)).Record!;
        byte[] iso = MarcContract.Write(record, MarcFormat.Iso2709);
        Assert.True(iso.AsSpan().IndexOf(new byte[] { 0x1F, (byte)'a', 0xE1, (byte)'e', 0x1E }) > 0);
    }
}

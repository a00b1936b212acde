using System.Globalization;
using System.Text;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// Unicode to MARC-8 (issue 10) judged by Perl MARC::Charset (<c>utf8_to_marc8</c>) and yaz-marcdump
/// (<c>-f utf-8 -t marc-8</c>), each given the NFC and the NFD form of every text. Both tools fail on some forms
/// (MARC::Charset on a combining horn, yaz on precomposed letters MARC-8 lacks and on the horn), so each answer a tool
/// gives without failing is compared with ours; ours must be one answer for both forms, and every text must be
/// judged by at least one tool answer.
/// </summary>
public class Marc8EncoderConformanceTests
{
    private readonly ITestOutputHelper _out;

    public Marc8EncoderConformanceTests(ITestOutputHelper output) { _out = output; }

    private static readonly string[] Texts =
    {
        "\u01B0", "\u01AF", "\u01A1", "\u01A0",                    // Vietnamese letters with horn
        "Nguy\u1EC5n", "Vi\u1EC7t Nam", "Th\u00E0nh ph\u1ED1 H\u1ED3 Ch\u00ED Minh", "ti\u1EBFng", "\u0110\u1EA1i",
        "caf\u00E9", "\u0141\u00F3d\u017A", "\u0160koda \u010Ce\u0161k\u00E9", "Dvo\u0159\u00E1k", "Ant\u00F4nio S\u00E3o",
        "Bront\u00EB", "\u00C5ngstr\u00F6m", "Gda\u0144sk", "\u015Eehir", "na\u00EFve", "ma\u00F1ana", "\u0130stanbul",
        "\u1E24asan", "\u0100l\u012B", "\u01FA", "a\u0302\u0301",
    };

    private static string Hex(byte[] b) => Convert.ToHexString(b);

    private const string PerlEncode = @"
use strict; use warnings;
use MARC::Charset qw(utf8_to_marc8);
use Encode qw(decode);
binmode STDOUT, ':raw';
for my $hex (@ARGV) {
    my $failed = 0;
    local $SIG{__WARN__} = sub { $failed = 1 };
    my $m8 = utf8_to_marc8(decode('UTF-8', pack('H*', $hex)));
    print((($failed || !defined $m8) ? 'FAIL' : uc unpack('H*', $m8)), ""\n"");
}
";

    /// <summary>MARC::Charset's bytes for each input, or null where it warned (no mapping).</summary>
    private static List<string?> Perl(IReadOnlyList<string> inputs)
    {
        var args = new List<string> { "-e", PerlEncode };
        args.AddRange(inputs.Select(s => Hex(Encoding.UTF8.GetBytes(s))));
        var run = ExternalTools.Run(ExternalTools.Perl!, args, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.StdErr);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs.Count, lines.Length);
        return lines.Select(l => l == "FAIL" ? null : l).ToList();
    }

    /// <summary>
    /// yaz's bytes for each input (one UTF-8 record per input, 245 $a), or null where its output does not decode
    /// back to the input (yaz drops what it cannot convert without a word).
    /// </summary>
    private static List<string?> Yaz(IReadOnlyList<string> inputs)
    {
        string inPath = Path.Combine(Path.GetTempPath(), "oclc-m8enc-" + Guid.NewGuid().ToString("N") + ".mrc");
        try
        {
            using (var fs = File.Create(inPath))
            using (var w = new Iso2709Writer(fs))
            {
                foreach (string s in inputs)
                {
                    var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
                    r.AddDataField("245", "00", "a", s);
                    w.Write(r);
                }
                w.Complete();
            }
            var run = ExternalTools.Run(ExternalTools.YazMarcdump!, new[] { "-f", "utf-8", "-t", "marc-8", "-i", "marc", "-o", "marc", inPath }, TimeSpan.FromMinutes(1));
            byte[] output = Encoding.Latin1.GetBytes(run.StdOut);
            var values = SubfieldA(output);
            Assert.Equal(inputs.Count, values.Count);
            return values.Select((v, i) => Marc8Decoder.Decode(v).Normalize(NormalizationForm.FormC) == inputs[i].Normalize(NormalizationForm.FormC) ? Hex(v) : null).ToList();
        }
        finally
        {
            File.Delete(inPath);
        }
    }

    /// <summary>The bytes of the first 245 $a of each record (each record here has just that field).</summary>
    private static List<byte[]> SubfieldA(byte[] iso)
    {
        var list = new List<byte[]>();
        int start = 0;
        while (start < iso.Length)
        {
            int end = Array.IndexOf(iso, (byte)0x1D, start);
            if (end < 0) break;
            int a = IndexOf(iso, start, end, 0x1F, (byte)'a');
            int fieldEnd = Array.IndexOf(iso, (byte)0x1E, a);
            list.Add(iso.AsSpan(a + 2, fieldEnd - a - 2).ToArray());
            start = end + 1;
        }
        return list;
    }

    private static int IndexOf(byte[] b, int from, int to, byte first, byte second)
    {
        for (int i = from; i + 1 < to; i++)
        {
            if (b[i] == first && b[i + 1] == second) return i;
        }
        throw new InvalidDataException("No subfield a in a record yaz wrote.");
    }

    [ReferenceToolFact(ReferenceTools.Yaz | ReferenceTools.PerlMarcCharset)]
    public void Nfc_and_nfd_text_encode_as_MARC_Charset_and_yaz_encode_the_form_they_handle()
    {
        var forms = new List<string>();
        foreach (string t in Texts)
        {
            forms.Add(t.Normalize(NormalizationForm.FormC));
            forms.Add(t.Normalize(NormalizationForm.FormD));
        }
        var tools = new List<(string Name, List<string?> Answers)>();
        if (ExternalTools.HasPerlMarcCharset) tools.Add(("MARC::Charset", Perl(forms)));
        else _out.WriteLine("Perl MARC::Charset is not installed: only yaz-marcdump judges.");
        if (ExternalTools.YazMarcdump != null) tools.Add(("yaz", Yaz(forms)));
        else _out.WriteLine("yaz-marcdump is not on PATH: only MARC::Charset judges.");

        var problems = new List<string>();
        for (int i = 0; i < Texts.Length; i++)
        {
            string nfc = Hex(Marc8Encoder.Encode(forms[2 * i]));
            string nfd = Hex(Marc8Encoder.Encode(forms[2 * i + 1]));
            if (nfc != nfd) problems.Add($"{Texts[i]}: ours differ by form (NFC {nfc}, NFD {nfd})");
            int judged = 0;
            var line = new StringBuilder($"{Texts[i],-30} ours {nfc}");
            foreach (var (name, answers) in tools)
            {
                for (int f = 0; f < 2; f++)
                {
                    string? theirs = answers[2 * i + f];
                    string form = f == 0 ? "NFC" : "NFD";
                    line.Append($" | {name} {form} {theirs ?? "fails"}");
                    if (theirs == null) continue;
                    judged++;
                    if (theirs != nfc) problems.Add($"{Texts[i]} ({form}): ours {nfc}, {name} {theirs}");
                }
            }
            _out.WriteLine(line.ToString());
            if (judged == 0) problems.Add($"{Texts[i]}: no tool encodes either form, so nothing judges ours");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}

using System.Globalization;
using System.Text;
using OclcCataloging.Core.Tests.Marc.Validation;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Validation;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// Differential test against MARC::Lint 1.53 (issue 11): every warning MARC::Lint gives on a bibliographic record of
/// the shared corpus, or of the records generated from the rule tests, must have a finding of the rule
/// <see cref="MarcLintWarningMap"/> names, for the same tag, in the same record. Differences are listed in
/// marclint-differences.txt (file, record byte offset, warning, reason); an unlisted difference or a stale entry fails.
/// </summary>
public class MarcLintDifferentialTests
{
    private const string Generated = "<generated>";
    private readonly ITestOutputHelper _out;

    public MarcLintDifferentialTests(ITestOutputHelper output) { _out = output; }

    private static string Root => TestPaths.RepoRoot!;

    private static string DifferencesPath => Path.Combine(Root, "tests", "OclcCataloging.Core.Tests", "Conformance", "marclint-differences.txt");

    private static string LintScript => Path.Combine(Root, "tests", "OclcCataloging.Core.Tests", "Conformance", "tools", "marc-lint.pl");

    private static bool LintAvailable =>
        ExternalTools.Perl != null && ExternalTools.Run(ExternalTools.Perl, new[] { "-MMARC::Lint", "-e", "1" }, TimeSpan.FromSeconds(30)).ExitCode == 0;

    /// <summary>Expected differences, keyed "file\toffset\twarning".</summary>
    internal static Dictionary<string, string> LoadDifferences()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(DifferencesPath, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] p = line.Split('\t');
            if (p.Length != 4) throw new InvalidDataException("marclint-differences.txt: expected file<TAB>offset<TAB>warning<TAB>reason: " + line);
            if (p[3].Length < 20) throw new InvalidDataException("marclint-differences.txt: the reason is too short to be specific: " + line);
            d[p[0] + "\t" + p[1] + "\t" + p[2]] = p[3];
        }
        return d;
    }

    /// <summary>The warnings of ours that MARC::Lint's output has no match for: "file\toffset\twarning".</summary>
    private List<string> Differences(string name, string path, byte[] data)
    {
        var ours = new Dictionary<long, MarcValidationResult>();
        var validator = new MarcValidator();
        foreach (var r in Iso2709Corpus.Read(data, name))
        {
            if (r.Record?.Origin != null) ours[r.Record.Origin.ByteOffset] = validator.Validate(r.Record);
        }
        var result = ExternalTools.Run(ExternalTools.Perl!, new[] { LintScript, path }, TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, "marc-lint.pl failed on " + name + ": " + result.StdErr);
        var differences = new List<string>();
        foreach (string line in result.StdOut.Split('\n'))
        {
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            long offset = long.Parse(line.Substring(0, tab), CultureInfo.InvariantCulture);
            string warning = line.Substring(tab + 1).TrimEnd('\r');
            var expected = MarcLintWarningMap.Find(warning);
            bool matched = expected != null && ours.TryGetValue(offset, out MarcValidationResult? v)
                && v.Findings.Any(f => f.RuleId == expected.Value.Rule && (f.Tag == expected.Value.Tag || f.Tag == "880"));
            if (!matched) differences.Add(name + "\t" + offset.ToString(CultureInfo.InvariantCulture) + "\t" + warning);
        }
        return differences;
    }

    /// <summary>The failing records of the rule tests, as one ISO 2709 file.</summary>
    internal static byte[] GeneratedRecords()
    {
        var ms = new MemoryStream();
        using (var w = new Iso2709Writer(ms))
        {
            foreach (object[] row in MarcValidatorRuleTests.Rows)
            {
                if ((string)row[1] != "bib") continue;
                string text = MarcValidatorRuleTests.BaseBibliographic.Replace((string)row[2], (string)row[3]);
                MarcRecord record = MarcValidatorRuleTests.Parse("bib", text);
                if (record.Leader.CharacterCodingScheme != 'a') continue; // a blank leader/09 would make the writer encode MARC-8
                try
                {
                    w.Write(record);
                }
                catch (OclcCataloging.Marc.IO.MarcWriteException)
                {
                    // a value ISO 2709 cannot carry (a delimiter inside a field): no file can hold it for MARC::Lint to read
                }
            }
            w.Complete();
        }
        return ms.ToArray();
    }

    [CorpusFact(RequiresPerlMarc = true)]
    public void Every_MARC_Lint_warning_has_a_finding_of_ours_or_a_listed_difference()
    {
        if (!LintAvailable)
        {
            _out.WriteLine("Skipped: Perl MARC::Lint is not installed (Debian package 'libmarc-lint-perl').");
            return;
        }
        var found = new List<string>();
        foreach (string rel in Iso2709Corpus.Files())
        {
            byte[] data = Iso2709Corpus.Bytes(rel);
            found.AddRange(Iso2709Corpus.WithPlainFile(rel, data, path => Differences(rel, path, data)));
        }
        byte[] generated = GeneratedRecords();
        string temp = Path.Combine(Path.GetTempPath(), "oclc-lint-" + Guid.NewGuid().ToString("N") + ".mrc");
        File.WriteAllBytes(temp, generated);
        try
        {
            found.AddRange(Differences(Generated, temp, generated));
        }
        finally
        {
            File.Delete(temp);
        }
        var expected = LoadDifferences();
        var foundSet = new HashSet<string>(found, StringComparer.Ordinal);
        var unlisted = foundSet.Where(k => !expected.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var stale = expected.Keys.Where(k => !foundSet.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (string k in unlisted) _out.WriteLine("UNLISTED\t" + k);
        foreach (string k in stale) _out.WriteLine("STALE\t" + k);
        Assert.True(unlisted.Count == 0 && stale.Count == 0,
            unlisted.Count + " MARC::Lint warnings without a finding of ours and not in marclint-differences.txt, " + stale.Count + " stale entries:\n"
            + string.Join("\n", unlisted.Take(40).Select(k => "UNLISTED " + k).Concat(stale.Take(20).Select(k => "STALE " + k))));
    }

    [CorpusFact]
    public void Validating_every_corpus_record_throws_nothing()
    {
        int records = 0;
        foreach (string rel in Iso2709Corpus.Files())
        {
            foreach (var r in Iso2709Corpus.Read(Iso2709Corpus.Bytes(rel), rel))
            {
                if (r.Record == null) continue;
                new MarcValidator().Validate(r.Record);
                new MarcValidator(new MarcValidationOptions { Level = ValidationLevel.Basic, RecordKind = RecordKind.Holdings }).Validate(r.Record);
                records++;
            }
        }
        Assert.True(records > 1000, "only " + records + " records read");
    }
}

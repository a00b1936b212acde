using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.Sru;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Sru;

/// <summary>SruSearchTarget against the real Zebra test server (tests/peers/zebra) and its generated records.</summary>
public class ZebraSruIntegrationTests
{
    private static SruSearchTarget Target(SruVersion version = SruVersion.V1_2, bool post = false, SruIndexMap? map = null) =>
        new(new SruTargetOptions { BaseAddress = ZebraServer.Address, Version = version, UsePost = post, IndexMap = map ?? SruIndexMap.Zebra },
            new PollyRetryExecutor(SearchResilience.CreateRetrySettings(new SearchResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(50) })));

    private static async Task<KeySearchOutcome> Search(string key, int maxRecords = 1, int tooMany = BatchSearchLimits.DefaultTooManyThreshold, SruSearchTarget? target = null)
    {
        using var owned = target == null ? Target() : null;
        var t = target ?? owned!;
        return await t.SearchAsync(SearchKeyParser.Parse(key), new BatchSearchLimits { MaxRecords = maxRecords, TooManyThreshold = tooMany }, CancellationToken.None);
    }

    private static async Task AssertFinds(string key, string controlNumber)
    {
        var outcome = await Search(key, maxRecords: 5);
        Assert.True(outcome.Status == KeySearchStatus.Found, key + " → " + outcome.Status + " " + outcome.ErrorType + " " + outcome.ErrorDetail + " (" + outcome.QuerySent + ")");
        Assert.Equal(1, outcome.HitCount);
        Assert.Equal(controlNumber, Assert.Single(outcome.Records).ControlNumber);
    }

    [RequiresZebraTheory]
    [InlineData("0679760806", "okb0001")]
    [InlineData("0-679-76080-6", "okb0001")]
    [InlineData("9781609450786", "okb0002")]
    [InlineData("978-1-60945-078-6 (pbk.)", "okb0002")]
    [InlineData("bn:9781597801744", "okb0003")]
    [InlineData("978-1-59780-174-4 : $25.00", "okb0003")]
    public Task Isbn_keys_find_records_with_hyphenated_isbns(string key, string controlNumber) => AssertFinds(key, controlNumber);

    [RequiresZebraTheory]
    [InlineData("#54321", "okb0001", "54321")]
    [InlineData("*54321", "okb0001", "54321")]
    [InlineData("no:54321", "okb0001", "54321")]
    [InlineData("ocm00054321", "okb0001", "54321")]
    [InlineData("(OCoLC)ocm00054321", "okb0001", "54321")]
    [InlineData("ocn712345678", "okb0002", "712345678")]
    [InlineData("on1234567890", "okb0003", "1234567890")]
    [InlineData("(OCoLC)on1234567890", "okb0003", "1234567890")]
    [InlineData("98765", "okb0004", "98765")]
    [InlineData("(OCoLC)00098765", "okb0004", "98765")]
    public async Task Oclc_number_keys_in_every_prefix_form(string key, string controlNumber, string number)
    {
        await AssertFinds(key, controlNumber);
        var outcome = await Search(key);
        var mapping = Assert.Single(outcome.OclcNumbers);
        Assert.Equal(number, mapping.Requested);
        Assert.Equal(number, mapping.Returned);
    }

    [RequiresZebraTheory]
    [InlineData("ln:78-5201", "okb0001")]
    [InlineData("84-23765", "okb0003")]
    [InlineData("ln:2001-12345", "okb0002")]
    [InlineData("ln:sh85-61704", "oka0016")]
    [InlineData("ln:n79021164", "oka0001")]
    [InlineData("ln:n  79021164", "oka0001")]
    [InlineData("sh85-61704", "oka0016")]
    [InlineData("1234-5679", "okb0005")]
    public Task Lccn_and_issn_keys(string key, string controlNumber) => AssertFinds(key, controlNumber);

    [RequiresZebraTheory]
    [InlineData("ti:\"master and margarita\"", "okb0001")]
    [InlineData("ti:brilliant and au:ferrante", "okb0002")]
    [InlineData("au:egan and ti:zend*", "okb0003")]
    [InlineData("ti:\"magic flute\"", "okb0004")]
    [InlineData("moza,zaub", "okb0004")]
    [InlineData("mag,fl,,", "okb0004")]
    [InlineData("su:mississippi and au:twain", "okb0006")]
    [InlineData("huckleberry finn", "okb0006")]
    public Task Title_author_subject_and_derived_bibliographic_keys(string key, string controlNumber) => AssertFinds(key, controlNumber);

    [RequiresZebraTheory]
    [InlineData("Twain, Mark, 1835-1910", "oka0001")]
    [InlineData("twain, mark, 1835-1910", "oka0001")]
    [InlineData("Ojibwa Indians -- Treaties", "oka0016")]
    [InlineData("Clemens, Samuel Langhorne, 1835-1910", "oka0001")]
    [InlineData("Chemical Society (Great Britain), x", null)]
    [InlineData("pd:twai,mar,", "oka0001")]
    [InlineData("cd:chem,soc,", "oka0011")]
    [InlineData("=amer,lib,", "oka0012")]
    [InlineData("td:rea,in,mo,l", "oka0015")]
    [InlineData("sd:civil,rig", "oka0017")]
    public async Task Authority_headings_whole_see_from_and_derived(string key, string? controlNumber)
    {
        if (controlNumber != null) { await AssertFinds(key, controlNumber); return; }
        Assert.Equal(KeySearchStatus.NotFound, (await Search(key)).Status);
    }

    [RequiresZebraTheory]
    [InlineData("Twain, Mark")]
    [InlineData("Ojibwa Indians, x")]
    [InlineData("Mark, Twain, 1835-1910")]
    public async Task Partial_or_rearranged_headings_do_not_match(string key)
    {
        var outcome = await Search(key);
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
    }

    [RequiresZebraFact]
    public async Task Pages_past_150_hits_and_stops_at_max_records()
    {
        var outcome = await Search("ti:zzpaging", maxRecords: 150);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(160, outcome.HitCount);
        Assert.Equal(150, outcome.Records.Count);
        Assert.Equal(150, outcome.Records.Select(r => r.ControlNumber).Distinct().Count());
        Assert.Equal(3, outcome.Attempts);
    }

    [RequiresZebraFact]
    public async Task Too_many_hits_downloads_nothing()
    {
        var outcome = await Search("ti:zzpaging", maxRecords: 150, tooMany: 100);
        Assert.Equal(KeySearchStatus.TooMany, outcome.Status);
        Assert.Equal(160, outcome.HitCount);
        Assert.Empty(outcome.Records);
    }

    [RequiresZebraFact]
    public async Task Nothing_found()
    {
        var outcome = await Search("ti:nonexistentword");
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        var missing = await Search("#700000001");
        Assert.Null(Assert.Single(missing.OclcNumbers).Returned);
    }

    [RequiresZebraFact]
    public async Task Unsupported_index_is_diagnostic_16()
    {
        var outcome = await Search("an:n79021164");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("SRU diagnostic 16", outcome.ErrorType);
        Assert.Contains("Unsupported index", outcome.ErrorDetail);
        Assert.Equal(200, outcome.HttpStatus);
    }

    [RequiresZebraFact]
    public async Task Unknown_context_set_is_diagnostic_15()
    {
        using var target = Target(map: SruIndexMap.FromDictionary(new Dictionary<string, string> { ["Title"] = "foo.bar" }));
        var outcome = await Search("ti:moby", target: target);
        Assert.Equal("SRU diagnostic 15", outcome.ErrorType);
    }

    [RequiresZebraFact]
    public async Task Query_syntax_error_is_diagnostic_10()
    {
        // An index map with a malformed index name makes the CQL unparseable.
        using var target = Target(map: SruIndexMap.FromDictionary(new Dictionary<string, string> { ["Title"] = "dc.title=(" }));
        var outcome = await Search("ti:moby", target: target);
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("SRU diagnostic 10", outcome.ErrorType);
    }

    [RequiresZebraTheory]
    [InlineData(SruVersion.V1_1, false)]
    [InlineData(SruVersion.V1_2, false)]
    [InlineData(SruVersion.V2_0, false)]
    [InlineData(SruVersion.V1_2, true)]
    [InlineData(SruVersion.V2_0, true)]
    public async Task Every_sru_version_get_and_post(SruVersion version, bool post)
    {
        using var target = Target(version, post);
        var found = await Search("978-1-60945-078-6", target: target);
        Assert.Equal(KeySearchStatus.Found, found.Status);
        Assert.Equal("My brilliant friend", Assert.Single(found.Records).Title);

        var paged = await Search("ti:zzpaging", maxRecords: 150, target: target);
        Assert.Equal(150, paged.Records.Count);

        var diagnosed = await Search("an:n79021164", target: target);
        Assert.Equal("SRU diagnostic 16", diagnosed.ErrorType);
    }

    [RequiresZebraFact]
    public async Task The_1000_key_file_gives_the_expected_counts()
    {
        string dir = Path.Combine(TestPaths.RepoRoot!, "tests", "peers", "zebra", "keys");
        var keys = File.ReadAllLines(Path.Combine(dir, "batch-1000.keys.txt")).Where(l => l.Length > 0).ToList();
        var expected = File.ReadAllLines(Path.Combine(dir, "batch-1000.expected.txt"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        Assert.Equal(1000, keys.Count);

        var limits = new BatchSearchLimits { MaxRecords = 1, TooManyThreshold = 100 };
        var counts = Enum.GetValues<KeySearchStatus>().ToDictionary(s => s, _ => 0);
        int records = 0;
        using var target = Target();
        foreach (string line in keys)
        {
            var outcome = await target.SearchAsync(SearchKeyParser.Parse(line), limits, CancellationToken.None);
            counts[outcome.Status]++;
            records += outcome.Records.Count;
            if (outcome.Status == KeySearchStatus.Error) Assert.Equal("SRU diagnostic 16", outcome.ErrorType);
        }

        Assert.Equal(expected["Found"], counts[KeySearchStatus.Found]);
        Assert.Equal(expected["NotFound"], counts[KeySearchStatus.NotFound]);
        Assert.Equal(expected["TooMany"], counts[KeySearchStatus.TooMany]);
        Assert.Equal(expected["Error"], counts[KeySearchStatus.Error]);
        Assert.Equal(expected["Records"], records);
    }
}

using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Search;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

/// <summary>
/// Fails when the WorldCat target calls anything outside the published Metadata API v2 surface (our own list in
/// WorldCatMetadataApiV2.surface.txt) — the same idea as bookops-worldcat's spec tests (doc §5.3 item 10).
/// </summary>
public class WorldCatDriftGuardTests
{
    private sealed record Operation(string Method, string[] Segments, HashSet<string> Parameters);

    private static List<Operation> LoadSurface()
    {
        var root = TestPaths.RepoRoot ?? throw new InvalidOperationException("Repository root not found.");
        var path = Path.Combine(root, "tests", "OclcCataloging.Core.Tests", "Search", "WorldCat", "WorldCatMetadataApiV2.surface.txt");
        return File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new Operation(p[0], p[1].Trim('/').Split('/'), new HashSet<string>(p.Skip(2), StringComparer.Ordinal)))
            .ToList();
    }

    private static Operation? Match(List<Operation> surface, string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return surface.FirstOrDefault(o => o.Method == method && o.Segments.Length == segments.Length
            && o.Segments.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second));
    }

    [Fact]
    public void Surface_file_lists_the_published_paths()
    {
        var surface = LoadSurface();
        Assert.Equal(37, surface.Count);
        Assert.NotNull(Match(surface, "GET", "/search/brief-bibs"));
        Assert.NotNull(Match(surface, "GET", "/manage/bibs/123"));
        Assert.Null(Match(surface, "GET", "/search/v1/brief-bibs"));
        Assert.Null(Match(surface, "DELETE", "/manage/bibs/123"));
    }

    [Fact]
    public void Every_operation_the_simulator_serves_is_published()
    {
        var surface = LoadSurface();
        var simulated = WorldCatRoutes.Simulated.ToList();
        Assert.Equal(13, simulated.Count);
        foreach (var route in simulated)
        {
            var parts = route.Split(' ');
            var operation = surface.FirstOrDefault(o => o.Method == parts[0] && "/" + string.Join('/', o.Segments) == parts[1].Replace("{level}", "{validationLevel}").Replace("{ocn}", "{oclcNumber}").Replace("{cn}", "{controlNumber}"));
            Assert.True(operation != null, route + " is served by the simulator but is not in the published surface");
        }
        foreach (var published in new[] { "POST /manage/institution/holdings/{oclcNumber}/unset cascadeDelete", "GET /manage/institution/holdings/current oclcNumbers", "GET /manage/bibs/current oclcNumbers", "GET /search/my-holdings oclcNumber barcode orderBy offset limit" })
        {
            var p = published.Split(' ');
            var operation = surface.FirstOrDefault(o => o.Method == p[0] && "/" + string.Join('/', o.Segments) == p[1]);
            Assert.NotNull(operation);
            Assert.All(p.Skip(2), q => Assert.Contains(q, operation!.Parameters));
        }
    }

    [Fact]
    public async Task A_representative_batch_uses_only_published_paths_and_parameters()
    {
        var surface = LoadSurface();
        await using var host = await WorldCatTestHost.StartAsync();
        var keys = new (SearchKey Key, int Max)[]
        {
            (Keys.Ocn(WorldCatCatalogue.SerialOcn), 1),
            (Keys.Ocn(WorldCatCatalogue.MagicFluteMergedOcn), 1),
            (Keys.Ocn(WorldCatCatalogue.MissingOcn), 1),
            (Keys.Ocn(WorldCatCatalogue.Missing404Ocn), 1),
            (Keys.Isbn(WorldCatCatalogue.MagicFluteIsbn), 1),
            (Keys.Issn(WorldCatCatalogue.SerialIssn), 1),
            (Keys.Lccn(WorldCatCatalogue.MagicFluteLccn), 1),
            (Keys.Title(WorldCatCatalogue.PagingWord), 60),
            (Keys.Title(WorldCatCatalogue.TooManyWord), 10),
            (Keys.DerivedNameTitle("moza", "magi"), 1),
            (Keys.Title("quiet cartographer", phrase: true), 1),
        };
        foreach (var format in new[] { WorldCatRecordFormat.MarcXml, WorldCatRecordFormat.Marc21 })
        {
            using var target = host.Target(o => o.RecordFormat = format);
            foreach (var (key, max) in keys) await target.SearchAsync(key, Keys.Limits(max), CancellationToken.None);
        }

        var api = host.ApiRequests;
        Assert.True(api.Count > 100, "the batch made " + api.Count + " API requests");
        foreach (var request in api)
        {
            var path = request.Path["/worldcat".Length..];
            var operation = Match(surface, request.Method, path);
            Assert.True(operation != null, $"{request.Method} {path} is not a published Metadata API v2 operation");
            foreach (var parameter in request.Query.Keys)
                Assert.True(operation!.Parameters.Contains(parameter), $"{request.Method} {path}: query parameter '{parameter}' is not documented");
        }
        foreach (var token in host.State.Requests.Where(r => !r.Path.StartsWith("/worldcat/")))
        {
            Assert.Equal("POST", token.Method);
            Assert.Equal("/token", token.Path);
            Assert.Equal(new[] { "grant_type", "scope" }, token.Query.Keys.OrderBy(k => k));
        }
    }
}

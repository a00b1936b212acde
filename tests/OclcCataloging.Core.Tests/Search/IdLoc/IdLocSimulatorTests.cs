using System.Net;
using System.Text.Json;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Simulators;
using OclcCataloging.Simulators.IdLoc;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.IdLoc;

public sealed class IdLocSimulatorTests : IClassFixture<IdLocSimulatorFixture>
{
    private readonly IdLocSimulatorFixture _sim;
    private readonly HttpClient _http;

    public IdLocSimulatorTests(IdLocSimulatorFixture sim)
    {
        _sim = sim;
        _sim.Reset();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sim.Server.BaseAddress };
    }

    private async Task<JsonElement> Json(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public void Data_has_enough_names_and_subjects_with_see_froms_and_non_ascii_headings()
    {
        Assert.True(IdLocData.Names.Count >= 20);
        Assert.True(IdLocData.Subjects.Count >= 10);
        Assert.Contains(IdLocData.Names, a => a.Label == "Dvořák, Antonín, 1841-1904");
        Assert.True(IdLocData.All.Count(a => a.SeeFroms.Length > 0) >= 20);
        Assert.True(IdLocData.All.Count(a => a.Label.Any(c => c > 127)) >= 5);
        Assert.Equal(IdLocData.All.Count(), IdLocData.All.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Every_record_is_served_as_readable_marcxml_with_heading_and_see_froms()
    {
        foreach (var authority in IdLocData.All)
        {
            string xml = await _http.GetStringAsync("/authorities/" + authority.Scheme + "/" + authority.Id + ".marcxml.xml");
            var record = MarcXmlReader.ParseRecord(xml);
            Assert.Equal(authority.Id, record.ControlNumber);
            Assert.Equal('z', record.Leader[6]);
            Assert.Equal(authority.Heading.Subfields[0].Value, record.GetValue(authority.Heading.Tag, 'a'));
            Assert.Equal(authority.SeeFroms.Length, record.GetDataFields("4..").Count);
        }
    }

    [Fact]
    public async Task Label_service_redirects_authorized_and_variant_labels_with_uri_and_preferred_label_headers()
    {
        foreach (var label in new[] { "Dvořák, Antonín, 1841-1904", "Dvorak, Antonin, 1841-1904" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, "/authorities/names/label/" + Uri.EscapeDataString(label));
            using var response = await _http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("http://id.loc.gov/authorities/names/n99000003", response.Headers.GetValues("X-Uri").Single());
            Assert.Equal("http://id.loc.gov/authorities/names/n99000003", response.Headers.Location!.ToString());
            Assert.Equal("Dvořák, Antonín, 1841-1904", Uri.UnescapeDataString(response.Headers.GetValues("X-PrefLabel-Encoded").Single()));
            string latin1 = response.Headers.GetValues("X-PrefLabel").Single();
            Assert.NotEqual("Dvořák, Antonín, 1841-1904", latin1); // Latin-1 cannot carry ř
            Assert.StartsWith("Dvor", latin1);
            Assert.All(latin1, c => Assert.True(c <= '\u00FF'));
        }
    }

    [Fact]
    public async Task Label_service_answers_404_for_unknown_labels_and_labels_of_the_other_scheme()
    {
        using var unknown = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/authorities/names/label/Nobody"));
        using var wrongScheme = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/authorities/names/label/Cataloging"));
        using var allSchemes = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/authorities/label/Cataloging"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongScheme.StatusCode);
        Assert.Equal(HttpStatusCode.Found, allSchemes.StatusCode);
    }

    [Fact]
    public async Task Suggest2_left_anchored_returns_strings_and_pages_with_count_and_offset()
    {
        var all = await Json("/authorities/names/suggest2?q=Moza&searchtype=leftanchored&count=250");
        var page = await Json("/authorities/names/suggest2?q=moza&searchtype=leftanchored&count=2&offset=1");

        var labels = all.GetProperty("hits").EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Equal(4, all.GetProperty("count").GetInt32());
        Assert.Contains("Mozart, Wolfgang Amadeus, 1756-1791", labels);
        Assert.Contains("Mozart, Wolfgang Amadé, 1756-1791", labels); // variants are searched too
        Assert.Equal(labels.Skip(1).Take(2), page.GetProperty("hits").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(4, page.GetProperty("count").GetInt32());
        Assert.Equal(2, page.GetProperty("pagesize").GetInt32());
    }

    [Fact]
    public async Task Suggest2_keyword_returns_objects_and_filters_by_rdftype()
    {
        var result = await Json("/authorities/names/suggest2?q=chemical%20society&searchtype=keyword&rdftype=CorporateName");
        var hits = result.GetProperty("hits").EnumerateArray().ToList();

        Assert.Equal(2, result.GetProperty("count").GetInt32());
        Assert.All(hits, h => Assert.StartsWith("http://id.loc.gov/authorities/names/n", h.GetProperty("uri").GetString()));
        Assert.Contains(hits, h => h.GetProperty("aLabel").GetString() == "American Chemical Society");

        var persons = await Json("/authorities/names/suggest2?q=chemical&searchtype=keyword&rdftype=PersonalName");
        Assert.Equal(0, persons.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Requests_are_recorded_and_faults_injected_through_the_control_endpoints()
    {
        using var inject = await _http.PostAsync("/_simulator/faults?status=503&times=2&retryAfter=7&path=/suggest2", null);
        Assert.Equal(HttpStatusCode.NoContent, inject.StatusCode);

        using var first = await _http.GetAsync("/authorities/names/suggest2?q=a");
        using var second = await _http.GetAsync("/authorities/names/suggest2?q=a");
        using var third = await _http.GetAsync("/authorities/names/suggest2?q=a");
        using var record = await _http.GetAsync("/authorities/names/n99000001.marcxml.xml");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);

        var recorded = JsonDocument.Parse(await _http.GetStringAsync("/_simulator/requests")).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, recorded.Count);
        Assert.Equal("?q=a", recorded[0].GetProperty("query").GetString());
        using var clear = await _http.DeleteAsync("/_simulator/requests");
        Assert.Empty(_sim.Server.Requests);
    }

    [Fact]
    public async Task Simulator_is_discoverable_by_name_and_listens_on_the_port_given()
    {
        ISimulator simulator = typeof(ISimulator).Assembly.GetTypes()
            .Where(t => typeof(ISimulator).IsAssignableFrom(t) && t.IsClass)
            .Select(t => (ISimulator)Activator.CreateInstance(t)!)
            .Single(s => s.Name == "idloc");
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var running = await simulator.StartAsync(new[] { "--port", port.ToString() }, CancellationToken.None);

        Assert.Equal(new Uri("http://127.0.0.1:" + port + "/"), running.BaseAddress);
    }
}

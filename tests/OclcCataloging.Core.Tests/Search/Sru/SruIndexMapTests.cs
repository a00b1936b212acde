using System;
using System.Collections.Generic;
using OclcCataloging.Search;
using OclcCataloging.Search.Sru;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Sru;

public class SruIndexMapTests
{
    [Fact]
    public void Default_covers_every_search_index_without_anchoring()
    {
        foreach (SearchIndex index in Enum.GetValues(typeof(SearchIndex)))
            Assert.NotNull(SruIndexMap.Default.Find(index));
        Assert.Equal("bath.isbn", SruIndexMap.Default.Get(SearchIndex.Isbn));
        Assert.Equal("dc.title", SruIndexMap.Default.Get(SearchIndex.Title));
        Assert.Equal("cql.serverChoice", SruIndexMap.Default.Get(SearchIndex.Keyword));
        Assert.False(SruIndexMap.Default.AnchorWholeHeadings);
        Assert.Null(SruIndexMap.Default.SeeFromIndex);
    }

    [Fact]
    public void Zebra_anchors_headings_and_adds_see_from()
    {
        Assert.Equal("local.oclc", SruIndexMap.Zebra.Get(SearchIndex.OclcNumber));
        Assert.Equal("local.heading", SruIndexMap.Zebra.Get(SearchIndex.Heading));
        Assert.Equal("bath.lccn", SruIndexMap.Zebra.Get(SearchIndex.Lccn));
        Assert.True(SruIndexMap.Zebra.AnchorWholeHeadings);
        Assert.Equal("local.seeFrom", SruIndexMap.Zebra.SeeFromIndex);
    }

    [Fact]
    public void FromDictionary_overrides_default_case_insensitively()
    {
        var map = SruIndexMap.FromDictionary(new Dictionary<string, string>
        {
            ["isbn"] = "local.isbn",
            ["OCLCNUMBER"] = "srw.no",
            ["Subject"] = "",
            ["anchorwholeheadings"] = "True",
            ["seefrom"] = "local.xref",
        });
        Assert.Equal("local.isbn", map.Get(SearchIndex.Isbn));
        Assert.Equal("srw.no", map.Get(SearchIndex.OclcNumber));
        Assert.Equal("dc.title", map.Get(SearchIndex.Title));
        Assert.Null(map.Find(SearchIndex.Subject));
        Assert.Throws<NotSupportedException>(() => map.Get(SearchIndex.Subject));
        Assert.True(map.AnchorWholeHeadings);
        Assert.Equal("local.xref", map.SeeFromIndex);
    }

    [Fact]
    public void FromDictionary_rejects_unknown_keys_naming_the_valid_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => SruIndexMap.FromDictionary(new Dictionary<string, string> { ["isbnn"] = "x" }));
        Assert.Contains("isbnn", ex.Message);
        Assert.Contains("OclcNumber", ex.Message);
        Assert.Contains("AnchorWholeHeadings", ex.Message);
    }

    [Fact]
    public void FromDictionary_rejects_a_non_boolean_anchor_option() =>
        Assert.Throws<ArgumentException>(() => SruIndexMap.FromDictionary(new Dictionary<string, string> { ["AnchorWholeHeadings"] = "yes" }));

    [Fact]
    public void With_returns_a_changed_copy()
    {
        var map = SruIndexMap.Default.With(new[] { new KeyValuePair<SearchIndex, string?>(SearchIndex.Title, "bib.title") }, anchorWholeHeadings: true);
        Assert.Equal("bib.title", map.Get(SearchIndex.Title));
        Assert.True(map.AnchorWholeHeadings);
        Assert.Equal("dc.title", SruIndexMap.Default.Get(SearchIndex.Title));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("koha")]
    [InlineData("LibraryOfCongress")]
    [InlineData("ZEBRA")]
    public void Presets_round_trip_through_their_dictionary(string name)
    {
        var preset = SruIndexMapPresets.Find(name)!;
        var back = SruIndexMap.FromDictionary(preset.Map.ToDictionary());
        Assert.Equal(preset.Map.Indexes.OrderBy(p => p.Key), back.Indexes.OrderBy(p => p.Key));
        Assert.Equal(preset.Map.AnchorWholeHeadings, back.AnchorWholeHeadings);
        Assert.Equal(preset.Map.SeeFromIndex, back.SeeFromIndex);
    }

    [Theory]
    [InlineData("Koha")]
    [InlineData("LibraryOfCongress")]
    public void Server_presets_do_not_search_oclc_numbers_in_rec_id(string name)
    {
        var map = SruIndexMapPresets.Find(name)!.Map;
        Assert.Null(map.Find(SearchIndex.OclcNumber));
        Assert.Null(map.Find(SearchIndex.AuthorityRecordNumber));
        Assert.Equal("bath.isbn", map.Find(SearchIndex.Isbn));
        Assert.Equal("dc.title", map.Find(SearchIndex.Title));
    }

    [Fact]
    public void Koha_preset_uses_the_indexes_koha_maps_to_cql()
    {
        var koha = SruIndexMapPresets.Find("Koha")!.Map;
        Assert.Null(koha.Find(SearchIndex.Lccn));
        Assert.Equal("bath.personalName", koha.Find(SearchIndex.PersonalName));
        Assert.Equal("bath.corporateName", koha.Find(SearchIndex.CorporateName));
        Assert.Equal("bath.lccn", SruIndexMapPresets.Find("LibraryOfCongress")!.Map.Find(SearchIndex.Lccn));
    }

    [Fact]
    public void Zebra_preset_is_the_test_server_map_and_unknown_names_are_none()
    {
        Assert.Same(SruIndexMap.Zebra, SruIndexMapPresets.Find(" zebra ")!.Map);
        Assert.Same(SruIndexMap.Default, SruIndexMapPresets.Find("Default")!.Map);
        Assert.Null(SruIndexMapPresets.Find("Aleph"));
        Assert.Equal("Default", SruIndexMapPresets.All[0].Name);
    }

    [Theory]
    [InlineData("isbn", "Isbn")]
    [InlineData("SEEFROM", "SeeFrom")]
    [InlineData("anchorwholeheadings", "AnchorWholeHeadings")]
    [InlineData("Titel", null)]
    [InlineData("0", null)]
    public void Keys_have_one_canonical_name(string key, string? canonical) =>
        Assert.Equal(canonical, SruIndexMap.CanonicalKey(key));
}

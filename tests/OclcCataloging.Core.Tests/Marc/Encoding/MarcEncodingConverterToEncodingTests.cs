using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Charsets;

/// <summary>The one "convert to the requested encoding" step.</summary>
public class MarcEncodingConverterToEncodingTests
{
    private static MarcRecord Unicode(string title)
    {
        var r = new MarcRecord();
        r.Leader.CharacterCodingScheme = 'a';
        var f = new DataField("245", '1', '0');
        f.Subfields.Add(new Subfield('a', title));
        r.Fields.Add(f);
        return r;
    }

    [Fact]
    public void A_record_already_in_the_requested_coding_or_no_request_is_returned_as_it_is()
    {
        MarcRecord u = Unicode("Café");
        Assert.Same(u, MarcEncodingConverter.ToEncoding(u, MarcEncoding.Utf8));
        Assert.Same(u, MarcEncodingConverter.ToEncoding(u, MarcEncoding.Leader));
        Assert.Same(u, MarcEncodingConverter.ToEncoding(u, MarcEncoding.Auto));
        MarcRecord m = MarcEncodingConverter.ToMarc8(u);
        Assert.Same(m, MarcEncodingConverter.ToEncoding(m, MarcEncoding.Marc8));
    }

    [Fact]
    public void Utf8_and_Marc8_convert_and_set_leader_09()
    {
        MarcRecord m = MarcEncodingConverter.ToEncoding(Unicode("Café"), MarcEncoding.Marc8);
        Assert.Equal(' ', m.Leader.CharacterCodingScheme);
        MarcRecord back = MarcEncodingConverter.ToEncoding(m, MarcEncoding.Utf8);
        Assert.Equal('a', back.Leader.CharacterCodingScheme);
        Assert.Equal("Café", back.GetValue("245", 'a'));
    }

    [Fact]
    public void Marc8_sets_an_odd_leader_09_to_blank()
    {
        MarcRecord u = MarcEncodingConverter.ToMarc8(Unicode("x"));
        u.Leader.CharacterCodingScheme = 'b';
        Assert.Equal(' ', MarcEncodingConverter.ToEncoding(u, MarcEncoding.Marc8).Leader.CharacterCodingScheme);
    }
}

using System.Text;
using OclcCataloging.Text.Json;
using Xunit;

namespace OclcCataloging.Core.Tests.Text;

/// <summary>The one JSON parser: ordered members with byte offsets, for format layers that report where.</summary>
public class JsonParserTests
{
    [Fact]
    public void Members_keep_their_order_repeats_and_byte_offsets()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"é\":1, \"k\":[null], \"k\":\"x\"}");
        var o = Assert.IsType<JsonObject>(JsonParser.Parse(json, 0, json.Length));

        Assert.Equal(0, o.Offset);
        Assert.Equal(new[] { "é", "k", "k" }, o.Select(m => m.Name));
        Assert.Equal(new[] { 1, 9, 21 }, o.Select(m => m.Offset));
        var a = Assert.IsType<JsonArray>(o[1].Value);
        Assert.Equal(13, a.Offset);
        Assert.Null(Assert.Single(a));
        Assert.Equal("x", o[2].Value);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_a_string_are_replaced_and_reported()
    {
        byte[] json = { (byte)'[', (byte)'"', (byte)'a', 0xFF, (byte)'"', (byte)']' };
        var offsets = new List<int>();

        var a = Assert.IsType<JsonArray>(JsonParser.Parse(json, 0, json.Length, offsets.Add));

        Assert.Equal("a\uFFFD", a[0]);
        Assert.Equal(new[] { 2 }, offsets);
    }

    [Fact]
    public void A_syntax_error_gives_the_reason_and_the_byte_offset()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"ü\":}");
        var e = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(json, 0, json.Length));
        Assert.Equal("unexpected '}'", e.Reason);
        Assert.Equal(6, e.Offset);
    }
}

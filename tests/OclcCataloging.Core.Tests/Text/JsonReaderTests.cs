using System.Text;
using OclcCataloging.Text.Json;
using Xunit;

namespace OclcCataloging.Core.Tests.Text;

public class JsonReaderTests
{
    private static Dictionary<string, object?> Object(string json) =>
        Assert.IsType<Dictionary<string, object?>>(JsonReader.Parse(json));

    [Fact]
    public void Reads_escapes_nesting_and_every_kind_of_value()
    {
        var value = Object("{\"a\":\"x\\u00e9\\\"\\n\",\"b\":[1,-2.5e3,true,false,null,{}],\"c\":{\"d\":[]}}");
        Assert.Equal("x\u00e9\"\n", JsonValues.GetString(value, "a"));
        var b = JsonValues.GetArray(value, "b")!;
        Assert.Equal(6, b.Count);
        Assert.Equal("-2.5e3", Assert.IsType<JsonNumber>(b[1]).Text);
        Assert.Equal(new object?[] { true, false, null }, b.GetRange(2, 3));
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(b[5]));
        Assert.Empty(JsonValues.GetArray(JsonValues.GetObject(value, "c"), "d")!);
    }

    [Fact]
    public void Numbers_keep_their_text_beyond_double_precision()
    {
        var value = Object("{\"ocn\":12345678901234567891,\"big\":1E400,\"small\":-0.000000000000000000001}");
        Assert.Equal("12345678901234567891", JsonValues.GetString(value, "ocn"));
        Assert.Equal("1E400", JsonValues.GetString(value, "big"));
        Assert.Equal("-0.000000000000000000001", JsonValues.GetString(value, "small"));
    }

    [Fact]
    public void Whole_numbers_are_read_from_numbers_and_numeric_strings()
    {
        var value = Object("{\"int\":1199,\"text\":\" 1199 \",\"fraction\":12.9,\"exp\":1e3,\"word\":\"soon\",\"flag\":true,\"none\":null,\"huge\":1e30}");
        Assert.Equal(1199, JsonValues.GetInt64(value, "int"));
        Assert.Equal(1199, JsonValues.GetInt64(value, "text"));
        Assert.Equal(12, JsonValues.GetInt64(value, "fraction"));
        Assert.Equal(1000, JsonValues.GetInt64(value, "exp"));
        Assert.Null(JsonValues.GetInt64(value, "word"));
        Assert.Null(JsonValues.GetInt64(value, "flag"));
        Assert.Null(JsonValues.GetInt64(value, "none"));
        Assert.Null(JsonValues.GetInt64(value, "huge"));
        Assert.Null(JsonValues.GetInt64(value, "missing"));
        Assert.Null(JsonValues.GetInt64(null, "int"));
    }

    [Fact]
    public void Getters_give_null_for_members_of_another_kind()
    {
        var value = Object("{\"s\":\"x\",\"n\":7,\"t\":true,\"f\":false,\"o\":{},\"a\":[],\"z\":null}");
        Assert.Equal("7", JsonValues.GetString(value, "n"));
        Assert.Equal("true", JsonValues.GetString(value, "t"));
        Assert.Equal("false", JsonValues.GetString(value, "f"));
        Assert.Null(JsonValues.GetString(value, "o"));
        Assert.Null(JsonValues.GetString(value, "z"));
        Assert.Null(JsonValues.GetObject(value, "a"));
        Assert.Null(JsonValues.GetArray(value, "o"));
        Assert.Null(JsonValues.GetObject(null, "o"));
    }

    [Fact]
    public void A_repeated_key_keeps_its_last_value() =>
        Assert.Equal("second", JsonValues.GetString(Object("{\"k\":\"first\",\"k\":\"second\"}"), "k"));

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var value = Object("{\"Key\":1,\"key\":2}");
        Assert.Equal("1", JsonValues.GetString(value, "Key"));
        Assert.Equal("2", JsonValues.GetString(value, "key"));
    }

    [Theory]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"\\ud83d\\ude00 \\u00C1\"", "\U0001F600 \u00C1")]
    [InlineData("\"\\/\\b\\f\\r\\t\\\\\"", "/\b\f\r\t\\")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"\"", "")]
    public void String_escapes_are_decoded(string json, string expected) => Assert.Equal(expected, JsonReader.Parse(json));

    [Fact]
    public void Whitespace_and_a_leading_byte_order_mark_are_skipped() =>
        Assert.Equal("1", JsonValues.GetString(Object("\uFEFF \r\n\t{ \"a\" : 1 }\n"), "a"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"a\":}")]
    [InlineData("[1,2")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a:1}")]
    [InlineData("{} x")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("'a'")]
    [InlineData("\"open")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\u 123\"")]
    [InlineData("\"\\u12g4\"")]
    [InlineData("\"tab\there\"")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("\"a\" \uFEFF")]
    public void Malformed_text_is_a_format_error(string json) => Assert.Throws<FormatException>(() => JsonReader.Parse(json));

    [Fact]
    public void The_error_names_the_character_where_the_text_stops_being_json()
    {
        Assert.Equal("Invalid JSON at character 6: unexpected '}'.", Assert.Throws<FormatException>(() => JsonReader.Parse("{\"a\":}")).Message);
        Assert.Equal("Invalid JSON at character 4: unexpected text after the value.", Assert.Throws<FormatException>(() => JsonReader.Parse("{} x")).Message);
        Assert.Equal("Invalid JSON at character 3: invalid escape '\\x'.", Assert.Throws<FormatException>(() => JsonReader.Parse("\"\\x\"")).Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_the_stack_runs_out()
    {
        Assert.NotNull(JsonReader.Parse(new string('[', 50) + new string(']', 50)));
        var e = Assert.Throws<FormatException>(() => JsonReader.Parse(new string('[', 10000) + new string(']', 10000)));
        Assert.Contains("nested too deeply", e.Message);
    }

    [Fact]
    public void Parse_refuses_null() => Assert.Throws<ArgumentNullException>(() => JsonReader.Parse(null!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    public void TryParseObject_gives_null_for_anything_but_an_object(string? text) => Assert.Null(JsonReader.TryParseObject(text));

    [Fact]
    public void TryParseObject_reads_an_object() =>
        Assert.Equal("NOT_FOUND", JsonValues.GetString(JsonReader.TryParseObject("{\"type\":\"NOT_FOUND\"}"), "type"));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"")]
    [InlineData("a\nb\rc\td", "\"a\\nb\\rc\\td\"")]
    [InlineData("\b\f\u0001\u001f\u007f", "\"\\b\\f\\u0001\\u001f\\u007f\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("é/\U0001F600", "\"é/\U0001F600\"")]
    public void Writer_escapes_what_json_requires(string value, string expected)
    {
        var sb = new StringBuilder();
        JsonWriter.WriteString(sb, value);
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void Writer_escapes_unpaired_surrogates_which_utf8_cannot_carry()
    {
        // Not an InlineData case: attribute strings are stored as UTF-8, which replaces a lone surrogate.
        var sb = new StringBuilder();
        JsonWriter.WriteString(sb, "lone \ud800 and \udc00");
        Assert.Equal("\"lone \\ud800 and \\udc00\"", sb.ToString());
    }

    [Fact]
    public void Written_strings_read_back_unchanged()
    {
        string value = "\"quotes\" \\ slash / \b\f\n\r\t \u0000\u001f\u007f \u2028 é \U0001F600 \ud800";
        var sb = new StringBuilder();
        JsonWriter.WriteString(sb, value);
        Assert.Equal(value, JsonReader.Parse(sb.ToString()));
    }
}

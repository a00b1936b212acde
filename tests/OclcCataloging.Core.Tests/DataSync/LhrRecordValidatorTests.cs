using OclcCataloging.DataSync;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;
using Xunit;
using static OclcCataloging.Core.Tests.DataSync.LhrTestRecords;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>
/// Every record rule of docs/design/data-sync.md, each with a passing example (the valid base record, or a documented
/// variant) and a failing one taken from the rule text.
/// </summary>
public sealed class LhrRecordValidatorTests
{
    [Fact]
    public void The_base_record_breaks_no_rule()
    {
        var r = Check(Valid(), new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field004, TranslationTable = Table() });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Empty(r.Warnings);
        Assert.Equal("12345", r.OclcNumber);
        Assert.Equal("004", r.OclcNumberSource);
    }

    public static TheoryData<string, FindingSeverity, Action<MarcRecord>> Failing => new()
    {
        // OCLC number
        { LhrRules.OcnMissing, FindingSeverity.Error, r => r.RemoveFields("004") },
        { LhrRules.OcnInvalid, FindingSeverity.Error, r => ((ControlField)r.GetField("004")!).Value = "(OCoLC-M)858201973344" },
        { LhrRules.OcnRepeated, FindingSeverity.Error, r => r.AddControlField("004", "999") },
        { LhrRules.OcnRepeatedSameNumber, FindingSeverity.Error, r => r.AddControlField("004", "ocm00012345") },
        { LhrRules.OcnOtherLocation, FindingSeverity.Error, r => r.AddDataField("035", "  ", "a", "(OCoLC)999") },
        { LhrRules.OcnOtherLocation, FindingSeverity.Warning, r => r.AddDataField("035", "  ", "a", "(OCoLC)12345") },
        { OclcNumberRules.ShortOcm, FindingSeverity.Warning, r => ((ControlField)r.GetField("004")!).Value = "ocm0012345" },
        { OclcNumberRules.PrefixDigitMismatch, FindingSeverity.Warning, r => ((ControlField)r.GetField("004")!).Value = "ocn12345" },
        // Leader
        { LhrRules.LeaderHashForBlank, FindingSeverity.Error, r => r.Leader = new Leader("00000nx##a22000002n#4500") },
        { LhrRules.LeaderStructure, FindingSeverity.Error, r => r.Leader = new Leader("00000nx  a22000002n 4400") },
        { LhrRules.LeaderRecordStatus, FindingSeverity.Error, r => r.Leader.RecordStatus = 'p' },
        { LhrRules.LeaderStatusDeleted, FindingSeverity.Warning, r => r.Leader.RecordStatus = 'd' },
        { LhrRules.LeaderTypeOfRecord, FindingSeverity.Error, r => r.Leader.TypeOfRecord = 'a' },
        { LhrRules.LeaderTypeUnknown, FindingSeverity.Warning, r => r.Leader.TypeOfRecord = 'u' },
        { LhrRules.LeaderEncodingLevel, FindingSeverity.Error, r => r.Leader[17] = '7' },
        { LhrRules.LeaderEncodingLevel1, FindingSeverity.Warning, r => r.Leader[17] = '1' },
        { LhrRules.LeaderItemInformation, FindingSeverity.Error, r => r.Leader[18] = ' ' },
        // 007/008
        { LhrRules.Missing007, FindingSeverity.Warning, r => r.RemoveFields("007") },
        { LhrRules.Missing008, FindingSeverity.Warning, r => r.RemoveFields("008") },
        { LhrRules.Length008, FindingSeverity.Error, r => ((ControlField)r.GetField("008")!).Value = Fixed008 + "  " },
        { LhrRules.HashForBlank008, FindingSeverity.Error, r => Set008(r, 8, "####") },
        { LhrRules.DateEntered008, FindingSeverity.Error, r => Set008(r, 0, "241301") },
        { LhrRules.ReceiptStatus008, FindingSeverity.Error, r => Set008(r, 6, "9") },
        { LhrRules.ExternalAccess008, FindingSeverity.Warning, r => Set008(r, 6, "6") },
        { LhrRules.AcquisitionMethod008, FindingSeverity.Error, r => Set008(r, 7, "x") },
        { LhrRules.ExpectedEndDate008, FindingSeverity.Error, r => Set008(r, 8, "2413") },
        { LhrRules.RetentionPolicy008, FindingSeverity.Error, r => Set008(r, 12, "9") },
        { LhrRules.Completeness008, FindingSeverity.Error, r => Set008(r, 16, "5") },
        { LhrRules.LendingPolicy008, FindingSeverity.Error, r => Set008(r, 20, "x") },
        { LhrRules.ReproductionPolicy008, FindingSeverity.Error, r => Set008(r, 21, "c") },
        { LhrRules.FillPolicy008, FindingSeverity.Warning, r => Set008(r, 20, "|") },
        { LhrRules.CopyReport008, FindingSeverity.Error, r => Set008(r, 25, "2") },
        { LhrRules.ReportDate008, FindingSeverity.Error, r => Set008(r, 26, "24011 ") },
        // 852
        { LhrRules.Missing852, FindingSeverity.Error, r => r.RemoveFields("852") },
        { LhrRules.Repeated852, FindingSeverity.Error, r => r.AddDataField("852", "0 ", "a", "MAIN", "b", "REF") },
        { LhrRules.SubfieldRepeated852, FindingSeverity.Error, r => Field(r, "852").AddSubfield('b', "REF") },
        { LhrRules.SubfieldRepeated852, FindingSeverity.Error, r => Field(r, "852").AddSubfield('t', "2") },
        { LhrRules.Indicator852, FindingSeverity.Error, r => Field(r, "852").Indicator1 = '9' },
        { LhrRules.NoLocation852, FindingSeverity.Error, r => { Field(r, "852").RemoveSubfields('a'); Field(r, "852").RemoveSubfields('b'); } },
        // MFHD fields
        { LhrRules.Indicator, FindingSeverity.Error, r => Field(r, "853").Indicator1 = '4' },
        { LhrRules.Indicator, FindingSeverity.Error, r => Field(r, "863").Indicator2 = '5' },
        { LhrRules.Indicator, FindingSeverity.Error, r => Field(r, "866").Indicator2 = '3' },
        { LhrRules.Indicator, FindingSeverity.Error, r => r.AddDataField("855", "20", "8", "3", "a", "index") },
        { LhrRules.Indicator, FindingSeverity.Error, r => r.AddDataField("014", "2 ", "a", "1", "b", "DLC") },
        { LhrRules.SubfieldRepeated, FindingSeverity.Error, r => Field(r, "866").AddSubfield('a', "more") },
        { LhrRules.SubfieldRepeated, FindingSeverity.Error, r => Field(r, "863").AddSubfield('a', "11") },
        { LhrRules.LinkMissing, FindingSeverity.Error, r => Field(r, "863").RemoveSubfields('8') },
        { LhrRules.LinkNotFirst, FindingSeverity.Error, r => { var f = Field(r, "853"); f.RemoveSubfields('8'); f.AddSubfield('8', "1"); } },
        { LhrRules.LinkSyntax, FindingSeverity.Error, r => Field(r, "863").SetSubfield('8', "1.x") },
        { LhrRules.LinkSyntax, FindingSeverity.Error, r => Field(r, "853").SetSubfield('8', "1.1") },
        { LhrRules.LinkNoSequence, FindingSeverity.Warning, r => Field(r, "863").SetSubfield('8', "1") },
        { LhrRules.LinkSequenceInconsistent, FindingSeverity.Warning, r => r.AddDataField("863", "40", "8", "1", "a", "11") },
        { LhrRules.LinkDuplicatePattern, FindingSeverity.Error, r => r.AddDataField("853", "20", "8", "1", "a", "no.") },
        { LhrRules.LinkNoPattern, FindingSeverity.Warning, r => Field(r, "863").SetSubfield('8', "2.1") },
        { LhrRules.FieldNotUsed, FindingSeverity.Warning, r => r.AddDataField("245", "00", "a", "Not a holdings field") },
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public void Each_rule_fails_on_its_example_and_passes_on_the_base_record(string rule, FindingSeverity severity, Action<MarcRecord> breakIt)
    {
        Assert.DoesNotContain(Findings(Check(Valid())), f => f.RuleId == rule);
        var record = Valid();
        breakIt(record);
        var result = Check(record);
        Assert.Contains(Findings(result), f => f.RuleId == rule && f.Severity == severity);
        Assert.Equal(severity == FindingSeverity.Error ? false : result.Errors.Count == 0, result.IsValid);
    }

    private static IEnumerable<DataSyncFinding> Findings(LhrRecordResult r) => r.Errors.Concat(r.Warnings);

    [Fact]
    public void Leader_must_be_24_characters_as_read()
    {
        static MarcRecord ReadXml(string leader)
        {
            string xml = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>" + leader + "</leader>"
                + "<controlfield tag=\"004\">12345</controlfield><controlfield tag=\"007\">ta</controlfield>"
                + "<controlfield tag=\"008\">" + Fixed008 + "</controlfield>"
                + "<datafield tag=\"852\" ind1=\"0\" ind2=\" \"><subfield code=\"a\">MAIN</subfield><subfield code=\"b\">STACKS</subfield></datafield></record>";
            using var reader = OclcCataloging.Marc.IO.MarcReaderFactory.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), MarcFormat.MarcXml);
            return reader.ReadNext()!.Record!;
        }
        Assert.DoesNotContain(Check(ReadXml(LhrTestRecords.Leader)).Errors, f => f.RuleId == LhrRules.LeaderLength);
        var r = Check(ReadXml(LhrTestRecords.Leader.Substring(0, 23)));
        Assert.Contains(r.Errors, f => f.RuleId == LhrRules.LeaderLength);
    }

    [Fact]
    public void Decision6_same_number_twice_can_be_a_warning()
    {
        var record = Valid(ocn: "12345");
        record.RemoveFields("004");
        record.AddDataField("035", "  ", "a", "(OCoLC)ocm00012345");
        record.AddDataField("035", "  ", "a", "(OCoLC)12345");
        var strict = Check(record, Options(OclcNumberLocation.Field035));
        Assert.Contains(strict.Errors, f => f.RuleId == LhrRules.OcnRepeatedSameNumber);
        var lenient = Check(record, new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field035, AllowRepeatedSameOcn = true });
        Assert.True(lenient.IsValid);
        Assert.Contains(lenient.Warnings, f => f.RuleId == LhrRules.OcnRepeatedSameNumber);
    }

    [Fact]
    public void Other_institutions_035_is_allowed_and_not_ocn_bearing()
    {
        var record = Valid();
        record.RemoveFields("004");
        record.AddDataField("035", "  ", "a", "(NjP)123");
        record.AddDataField("035", "  ", "a", "(OCoLC)12345");
        var r = Check(record, Options(OclcNumberLocation.Field035));
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("12345", r.OclcNumber);
    }

    [Fact]
    public void Field_014_needs_b_OCoLC()
    {
        var record = Valid();
        record.RemoveFields("004");
        record.AddDataField("014", "1 ", "a", "1605897", "b", "OCoLC");
        Assert.True(Check(record, Options(OclcNumberLocation.Field014)).IsValid);
        Field(record, "014").SetSubfield('b', "DLC");
        Assert.Contains(Check(record, Options(OclcNumberLocation.Field014)).Errors, f => f.RuleId == LhrRules.OcnMissing);
    }

    [Fact]
    public void Location_is_translated_and_the_translated_LHR_carries_the_table_values()
    {
        var options = new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field004, TranslationTable = Table() };
        var r = Check(Valid(), options);
        Assert.Equal("MAIN/STACKS/GEN", r.Location);
        Assert.Equal("XYZ/XYZM/GEN", r.TranslatedLocation);
        var t = r.TranslatedRecord!;
        Assert.Equal("XYZ", t.GetValue("852", 'a'));
        Assert.Equal("XYZM", t.GetValue("852", 'b'));
        Assert.Equal("GEN", t.GetValue("852", 'c'));        // empty Out852c: left as is
        string f008 = t.GetValue("008")!;
        Assert.Equal('a', f008[20]);
        Assert.Equal('b', f008[21]);
        Assert.Equal("MAIN", r.Record.GetValue("852", 'a'));   // the input is not changed
    }

    [Fact]
    public void Untranslatable_location_is_an_error()
    {
        var options = new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field004, TranslationTable = Table() };
        var r = Check(Valid(a: "BRANCH"), options);
        Assert.Contains(r.Errors, f => f.RuleId == LhrRules.NotTranslated852);
        Assert.Null(r.TranslatedLocation);
    }

    [Fact]
    public void Table_that_sets_008_20_hides_an_invalid_incoming_value()
    {
        var record = Valid();
        Set008(record, 20, "x");
        var options = new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field004, TranslationTable = Table() };
        Assert.DoesNotContain(Check(record, options).Errors, f => f.RuleId == LhrRules.LendingPolicy008);
    }

    [Fact]
    public void Leader_exclusion_excludes_the_whole_record()
    {
        var options = Options();
        options.ExclusionRules.Add(ExclusionRule.Parse("LDR/05=d"));
        var record = Valid();
        Assert.False(Check(record, options).Excluded);
        record.Leader.RecordStatus = 'd';
        var r = Check(record, options);
        Assert.True(r.Excluded);
        Assert.Equal("LDR/05=d", r.ExcludedBy);
        Assert.Null(r.TranslatedRecord);
        Assert.Contains(r.Warnings, f => f.RuleId == LhrRules.RecordExcluded);
    }

    [Fact]
    public void Field008_exclusion_excludes_the_whole_record()
    {
        var options = Options();
        options.ExclusionRules.Add(ExclusionRule.Parse("008/20=b"));
        var record = Valid();
        Assert.False(Check(record, options).Excluded);
        Set008(record, 20, "b");
        Assert.True(Check(record, options).Excluded);
    }

    [Fact]
    public void Field_exclusion_drops_only_the_field()
    {
        var options = Options();
        options.ExclusionRules.Add(ExclusionRule.Parse("866$a=v.1-10 (1990-1999)"));
        var r = Check(Valid(), options);
        Assert.False(r.Excluded);
        Assert.Empty(r.TranslatedRecord!.GetFields("866"));
        Assert.Single(r.Record.GetFields("866"));
        Assert.Contains(r.Warnings, f => f.RuleId == LhrRules.FieldExcluded);

        var other = Options();
        other.ExclusionRules.Add(ExclusionRule.Parse("866$a=v.11"));
        Assert.Single(Check(Valid(), other).TranslatedRecord!.GetFields("866"));
    }
}

using System;
using System.Collections.Generic;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// Checks one local holdings record (MFHD) against OCLC's LHR data sync rules (docs/design/data-sync.md)
    /// and builds the LHR as OCLC would load it. One instance serves a whole run; it is not thread-safe (the
    /// translation table caches its matches).
    /// </summary>
    public sealed class LhrRecordValidator
    {
        private readonly LhrValidationOptions _options;

        public LhrRecordValidator(LhrValidationOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.OclcNumberLocation != OclcNumberLocation.Field004 && options.OclcNumberLocation != OclcNumberLocation.Field014
                && options.OclcNumberLocation != OclcNumberLocation.Field035)
                throw new ArgumentException("LHR collections take the OCLC number from 004, 014 or 035.", nameof(options));
        }

        public LhrValidationOptions Options => _options;

        /// <summary>Checks <paramref name="record"/>, the <paramref name="ordinal"/>-th of the input.</summary>
        public LhrRecordResult Validate(MarcRecord record, long ordinal)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var result = new LhrRecordResult(record, ordinal);

            foreach (var rule in _options.ExclusionRules)
            {
                if (rule.MatchesRecord(record))
                {
                    result.Excluded = true;
                    result.ExcludedBy = rule.Text;
                    result.Add(new DataSyncFinding(LhrRules.RecordExcluded, FindingSeverity.Warning, rule.Tag, rule.Start?.ToString("00"),
                        "Excluded from processing by the collection's rule " + rule.Text + " (leader/008 rules exclude the whole record)."));
                    break;
                }
            }

            CheckOclcNumber(record, result);
            CheckLeaderAsRead(record, result);
            CheckLeader(record.Leader, result);
            TranslationRow? row = Check852(record, result);
            Check008(record, result, row);
            CheckMfhdFields(record, result);

            if (_options.Translate && !result.Excluded) result.TranslatedRecord = Translate(record, row, result);
            else if (!result.Excluded) CountFieldExclusions(record, result);
            return result;
        }

        // ------------------------------------------------------------------ OCLC number

        private void CheckOclcNumber(MarcRecord record, LhrRecordResult result)
        {
            IList<OclcNumberInfo> all = OclcNumberFinder.FindAll(record, OclcNumberLocation.Auto);
            OclcNumberSource configured = _options.OclcNumberLocation == OclcNumberLocation.Field004 ? OclcNumberSource.Field004
                : _options.OclcNumberLocation == OclcNumberLocation.Field014 ? OclcNumberSource.Field014 : OclcNumberSource.Field035;
            string tag = _options.OclcNumberLocation == OclcNumberLocation.Field004 ? "004" : _options.OclcNumberLocation == OclcNumberLocation.Field014 ? "014" : "035";

            OclcNumberInfo? primary = null;
            foreach (var n in all)
            {
                if (n.SourceKind != configured) continue;
                if (!n.IsValid)
                {
                    result.Add(new DataSyncFinding(LhrRules.OcnInvalid, FindingSeverity.Error, tag, Subfield(n), n.Problem + " (" + n.ProblemRule + ": '" + n.RawValue + "')"));
                    continue;
                }
                foreach (string w in n.Warnings)
                {
                    int colon = w.IndexOf(':');
                    result.Add(new DataSyncFinding(w.Substring(0, colon), FindingSeverity.Warning, tag, Subfield(n), w.Substring(colon + 2)));
                }
                if (primary == null) { primary = n; continue; }
                if (n.Value == primary.Value)
                {
                    result.Add(new DataSyncFinding(LhrRules.OcnRepeatedSameNumber, _options.AllowRepeatedSameOcn ? FindingSeverity.Warning : FindingSeverity.Error, tag, Subfield(n),
                        "A second OCN-bearing " + tag + " carries the same number " + n.OclcNumber + " ('" + primary.RawValue.Trim() + "' and '" + n.RawValue.Trim() + "'); only one is allowed."));
                }
                else
                {
                    result.Add(new DataSyncFinding(LhrRules.OcnRepeated, FindingSeverity.Error, tag, Subfield(n),
                        "More than one OCN-bearing " + tag + ": " + primary.OclcNumber + " and " + n.OclcNumber + "; OCLC cannot tell which bibliographic record the LHR belongs to."));
                }
            }

            if (primary != null)
            {
                result.OclcNumber = primary.OclcNumber;
                result.OclcNumberSource = primary.Source;
                result.OcnValue = primary.Value;
            }
            else if (result.Errors.Count == 0 || !HasRule(result, LhrRules.OcnInvalid))
            {
                result.Add(new DataSyncFinding(LhrRules.OcnMissing, FindingSeverity.Error, tag, configured == OclcNumberSource.Field004 ? null : "$a",
                    "No OCLC number in " + OclcNumberInfo.SourceName(configured) + (configured == OclcNumberSource.Field014 ? " (with $b OCoLC)" : string.Empty)
                    + ", the location the collection is set to."));
            }

            foreach (var n in all)
            {
                if (n.SourceKind == configured || !n.IsValid || n.SourceKind == OclcNumberSource.Field019) continue;
                bool same = primary != null && n.Value == primary.Value;
                result.Add(new DataSyncFinding(LhrRules.OcnOtherLocation, same ? FindingSeverity.Warning : FindingSeverity.Error, n.Source.Substring(0, 3), Subfield(n),
                    same ? "The OCN " + n.OclcNumber + " is also in " + n.Source + "; the collection reads " + OclcNumberInfo.SourceName(configured) + "."
                         : "An OCN " + n.OclcNumber + " in " + n.Source + " competes with " + (primary == null ? "the (missing) number in " + OclcNumberInfo.SourceName(configured) : primary.OclcNumber + " in " + primary.Source)
                           + "; use one location in every record."));
            }
        }

        private static string? Subfield(OclcNumberInfo n) => n.SourceKind == OclcNumberSource.Field004 ? null : "$a";

        private static bool HasRule(LhrRecordResult r, string id)
        {
            foreach (var f in r.Errors) if (f.RuleId == id) return true;
            return false;
        }

        // ------------------------------------------------------------------ Leader

        /// <summary>The record model always holds 24 leader characters; a leader of another length in the file is
        /// known from the reader's InvalidLeader warning.</summary>
        private static void CheckLeaderAsRead(MarcRecord record, LhrRecordResult result)
        {
            if (!record.HasWarnings) return;
            foreach (var w in record.Warnings)
            {
                if (w.Code != MarcDiagnosticCodes.InvalidLeader) continue;
                result.Add(new DataSyncFinding(LhrRules.LeaderLength, FindingSeverity.Error, "LDR", null,
                    "The leader as read was not 24 characters: " + w.Message));
                return;
            }
        }

        private static void CheckLeader(Leader leader, LhrRecordResult result)
        {
            string ldr = leader.ToString();
            if (ldr.IndexOf('#') >= 0)
                result.Add(new DataSyncFinding(LhrRules.LeaderHashForBlank, FindingSeverity.Error, "LDR", ldr.IndexOf('#').ToString("00"),
                    "The leader contains '#'; OCLC rejects '#' written for a blank space."));
            if (ldr[10] != '2' || ldr[11] != '2' || ldr[20] != '4' || ldr[21] != '5' || ldr[22] != '0' || ldr[23] != '0')
                result.Add(new DataSyncFinding(LhrRules.LeaderStructure, FindingSeverity.Error, "LDR", "10-11,20-23",
                    "Leader/10-11 must be 22 and 20-23 4500; the leader is '" + ldr + "'."));
            char status = ldr[5];
            if (status == 'd')
                result.Add(new DataSyncFinding(LhrRules.LeaderStatusDeleted, FindingSeverity.Warning, "LDR", "05",
                    "Leader/05 is d (deleted); OCLC documents no meaning for it in LHR collections. Send deletions through a delete-LHR collection."));
            else if (status != 'c' && status != 'n')
                result.Add(new DataSyncFinding(LhrRules.LeaderRecordStatus, FindingSeverity.Error, "LDR", "05", "Leader/05 '" + status + "' is not c, d or n."));
            char type = ldr[6];
            if (type == 'u')
                result.Add(new DataSyncFinding(LhrRules.LeaderTypeUnknown, FindingSeverity.Warning, "LDR", "06", "Leader/06 is u (unknown); OCLC LHRs are x, v or y."));
            else if (type != 'x' && type != 'y' && type != 'v')
                result.Add(new DataSyncFinding(LhrRules.LeaderTypeOfRecord, FindingSeverity.Error, "LDR", "06",
                    "Leader/06 '" + type + "' is not a holdings record type (x single-part, v multipart, y serial)."));
            char level = ldr[17];
            if (level == '1')
                result.Add(new DataSyncFinding(LhrRules.LeaderEncodingLevel1, FindingSeverity.Warning, "LDR", "17",
                    "Leader/17 is 1; OCLC LHRs are at level of specificity 2 or above."));
            else if ("2345muz".IndexOf(level) < 0)
                result.Add(new DataSyncFinding(LhrRules.LeaderEncodingLevel, FindingSeverity.Error, "LDR", "17", "Leader/17 '" + level + "' is not 1-5, m, u or z."));
            char item = ldr[18];
            if (item != 'i' && item != 'n')
                result.Add(new DataSyncFinding(LhrRules.LeaderItemInformation, FindingSeverity.Error, "LDR", "18", "Leader/18 '" + item + "' is not i or n."));
        }

        // ------------------------------------------------------------------ 008

        private static void Check008(MarcRecord record, LhrRecordResult result, TranslationRow? row)
        {
            bool has007 = false;
            ControlField? f008 = null;
            foreach (var f in record.Fields)
            {
                if (f.Tag == "007") has007 = true;
                else if (f.Tag == "008" && f008 == null) f008 = f as ControlField;
            }
            if (!has007)
                result.Add(new DataSyncFinding(LhrRules.Missing007, FindingSeverity.Warning, "007", null,
                    "No 007; Connexion requires it for LHRs, data sync may supply a default."));
            if (f008 == null)
            {
                result.Add(new DataSyncFinding(LhrRules.Missing008, FindingSeverity.Warning, "008", null,
                    "No 008; Connexion requires it for LHRs, data sync may supply a default."));
                return;
            }
            string v = f008.Value ?? string.Empty;
            if (v.IndexOf('#') >= 0)
                result.Add(new DataSyncFinding(LhrRules.HashForBlank008, FindingSeverity.Error, "008", v.IndexOf('#').ToString("00"),
                    "008 contains '#'; OCLC rejects '#' written for a blank space."));
            if (v.Length != 32)
            {
                result.Add(new DataSyncFinding(LhrRules.Length008, FindingSeverity.Error, "008", null,
                    "008 has " + v.Length + " characters; holdings 008 has 32 (00-31)."));
                return;
            }
            if (!IsYymmdd(v, 0, allowDay00: true))
                Bad(result, LhrRules.DateEntered008, "00-05", v.Substring(0, 6), "date entered on file (yymmdd)");
            char c06 = v[6];
            if (c06 == '6')
                result.Add(new DataSyncFinding(LhrRules.ExternalAccess008, FindingSeverity.Warning, "008", "06",
                    "008/06 is 6 (external access, added by LoC in 2019); OCLC's LHR page lists 0-5 only."));
            else if ("012345|".IndexOf(c06) < 0) Bad(result, LhrRules.ReceiptStatus008, "06", c06.ToString(), "receipt or acquisition status (0-6)");
            if ("cdefglmnpquz|".IndexOf(v[7]) < 0) Bad(result, LhrRules.AcquisitionMethod008, "07", v[7].ToString(), "method of acquisition");
            string end = v.Substring(8, 4);
            if (!(end == "    " || end == "uuuu" || end == "||||" || IsYymm(end)))
                Bad(result, LhrRules.ExpectedEndDate008, "08-11", end, "expected acquisition end date (yymm, uuuu or blanks)");
            if ("012345678|".IndexOf(v[12]) < 0) Bad(result, LhrRules.RetentionPolicy008, "12", v[12].ToString(), "general retention policy (0-8)");
            if ("01234|".IndexOf(v[16]) < 0) Bad(result, LhrRules.Completeness008, "16", v[16].ToString(), "completeness (0-4)");
            bool tableSets20 = row != null && row.Out008_20.Length > 0;
            bool tableSets21 = row != null && row.Out008_21.Length > 0;
            if (!tableSets20)
            {
                if (v[20] == '|')
                    result.Add(new DataSyncFinding(LhrRules.FillPolicy008, FindingSeverity.Warning, "008", "20",
                        "008/20 is the fill character; OCLC's ILL deflection needs a lending policy code."));
                else if ("abclu".IndexOf(v[20]) < 0) Bad(result, LhrRules.LendingPolicy008, "20", v[20].ToString(), "lending policy (a, b, c, l, u)");
            }
            if (!tableSets21)
            {
                if (v[21] == '|')
                    result.Add(new DataSyncFinding(LhrRules.FillPolicy008, FindingSeverity.Warning, "008", "21",
                        "008/21 is the fill character; OCLC's ILL deflection needs a reproduction policy code."));
                else if ("abu".IndexOf(v[21]) < 0) Bad(result, LhrRules.ReproductionPolicy008, "21", v[21].ToString(), "reproduction policy (a, b, u)");
            }
            if ("01|".IndexOf(v[25]) < 0) Bad(result, LhrRules.CopyReport008, "25", v[25].ToString(), "separate or composite copy report (0, 1)");
            string report = v.Substring(26, 6);
            if (report != "||||||" && !IsYymmdd(v, 26, allowDay00: false))
                Bad(result, LhrRules.ReportDate008, "26-31", report, "date of report (yymmdd)");
        }

        private static void Bad(LhrRecordResult result, string rule, string position, string value, string what)
            => result.Add(new DataSyncFinding(rule, FindingSeverity.Error, "008", position, "008/" + position + " '" + value + "' is not a valid " + what + "."));

        private static bool IsYymm(string s) => Digits(s, 0, 4) && Month(s, 2);

        private static bool IsYymmdd(string s, int at, bool allowDay00)
        {
            if (!Digits(s, at, 6) || !Month(s, at + 2)) return false;
            int day = (s[at + 4] - '0') * 10 + (s[at + 5] - '0');
            return day <= 31 && (day > 0 || allowDay00);
        }

        private static bool Month(string s, int at)
        {
            int m = (s[at] - '0') * 10 + (s[at + 1] - '0');
            return m >= 1 && m <= 12;
        }

        private static bool Digits(string s, int at, int count)
        {
            for (int i = at; i < at + count; i++) if (s[i] < '0' || s[i] > '9') return false;
            return true;
        }

        // ------------------------------------------------------------------ 852

        private TranslationRow? Check852(MarcRecord record, LhrRecordResult result)
        {
            DataField? first = null;
            int count = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != "852" || !(f is DataField df)) continue;
                count++;
                if (first == null) first = df;
                else if (count == 2)
                    result.Add(new DataSyncFinding(LhrRules.Repeated852, FindingSeverity.Error, "852", null,
                        "The record has more than one 852; WorldCat LHRs are copy-specific, one location per record."));
            }
            if (first == null)
            {
                result.Add(new DataSyncFinding(LhrRules.Missing852, FindingSeverity.Error, "852", null, "No 852 (location); every LHR needs one."));
                return null;
            }
            if (" 012345678".IndexOf(first.Indicator1) < 0)
                result.Add(new DataSyncFinding(LhrRules.Indicator852, FindingSeverity.Error, "852", "ind1", "852 first indicator '" + first.Indicator1 + "' is not blank or 0-8."));
            if (" 012".IndexOf(first.Indicator2) < 0)
                result.Add(new DataSyncFinding(LhrRules.Indicator852, FindingSeverity.Error, "852", "ind2", "852 second indicator '" + first.Indicator2 + "' is not blank or 0-2."));

            string? a = null, b = null, c = null;
            int na = 0, nb = 0, nc = 0, nh = 0, nt = 0;
            foreach (var sf in first.Subfields)
            {
                switch (sf.Code)
                {
                    case 'a': if (na++ == 0) a = sf.Value; break;
                    case 'b': if (nb++ == 0) b = sf.Value; break;
                    case 'c': if (nc++ == 0) c = sf.Value; break;
                    case 'h': nh++; break;
                    case 't': nt++; break;
                }
            }
            Repeated852(result, 'a', na); Repeated852(result, 'b', nb); Repeated852(result, 'c', nc); Repeated852(result, 'h', nh); Repeated852(result, 't', nt);
            result.Location = (a ?? string.Empty) + "/" + (b ?? string.Empty) + "/" + (c ?? string.Empty);

            var table = _options.TranslationTable;
            if (table == null)
            {
                if (string.IsNullOrEmpty(a) && string.IsNullOrEmpty(b))
                    result.Add(new DataSyncFinding(LhrRules.NoLocation852, FindingSeverity.Error, "852", "$a/$b",
                        "852 has neither $a nor $b; OCLC needs a location code to translate into a symbol and holding library code."));
                result.Translated852b = b;
                return null;
            }
            TranslationRow? row = table.Match(a, b, c);
            if (row == null)
            {
                result.Add(new DataSyncFinding(LhrRules.NotTranslated852, FindingSeverity.Error, "852", "$a/$b/$c",
                    "No row of the holdings translation table matches 852 $a '" + a + "' $b '" + b + "' $c '" + c + "'."));
                return null;
            }
            result.TranslatedLocation = row.Out852a + "/" + row.Out852b + "/" + (row.Out852c.Length > 0 ? row.Out852c : c ?? string.Empty);
            result.Translated852b = row.Out852b;
            return row;
        }

        private static void Repeated852(LhrRecordResult result, char code, int count)
        {
            if (count > 1)
                result.Add(new DataSyncFinding(LhrRules.SubfieldRepeated852, FindingSeverity.Error, "852", "$" + code,
                    "852 $" + code + " occurs " + count + " times; it is not repeatable in OCLC LHRs."));
        }

        // ------------------------------------------------------------------ MFHD fields

        private static readonly HashSet<string> LhrFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "001", "003", "004", "005", "007", "008", "014", "017", "020", "022", "024", "035", "337", "338", "347", "506", "538", "541", "561", "562",
            "563", "583", "842", "843", "844", "845", "852", "853", "854", "855", "856", "863", "864", "865", "866", "867", "868", "876", "877", "878",
        };

        private static void CheckMfhdFields(MarcRecord record, LhrRecordResult result)
        {
            Dictionary<string, int>? patterns = null;      // "853:1" -> count
            List<DataField>? enumerations = null;
            Dictionary<string, int>? sequenceUse = null;   // "863:1" -> bit 1 = without sequence, bit 2 = with
            HashSet<string>? notUsed = null;

            foreach (var f in record.Fields)
            {
                string tag = f.Tag;
                if (!LhrFields.Contains(tag) && !(tag.Length == 3 && tag[0] == '9'))
                {
                    if ((notUsed ??= new HashSet<string>(StringComparer.Ordinal)).Add(tag))
                        result.Add(new DataSyncFinding(LhrRules.FieldNotUsed, FindingSeverity.Warning, tag, null,
                            tag + " is not in OCLC's LHR field list; data sync ignores it."));
                }
                if (!(f is DataField df)) continue;
                switch (tag)
                {
                    case "014":
                        Indicators(result, df, "01", " ");
                        NonRepeatable(result, df, "ab");
                        break;
                    case "035":
                        NonRepeatable(result, df, "a");
                        break;
                    case "853": case "854":
                        Indicators(result, df, "0123", "0123");
                        NonRepeatable(result, df, "abcdefghijklm8");
                        CheckLink(result, df, required: true, sequence: false, ref sequenceUse, ref patterns);
                        break;
                    case "855":
                        Indicators(result, df, " ", " ");
                        NonRepeatable(result, df, "abcdefghijklm8");
                        CheckLink(result, df, required: true, sequence: false, ref sequenceUse, ref patterns);
                        break;
                    case "863": case "864": case "865":
                        Indicators(result, df, " 345", " 01234");
                        NonRepeatable(result, df, "abcdefghijklm8");
                        CheckLink(result, df, required: true, sequence: true, ref sequenceUse, ref patterns);
                        (enumerations ??= new List<DataField>()).Add(df);
                        break;
                    case "866": case "867": case "868":
                        Indicators(result, df, " 345", "0127");
                        NonRepeatable(result, df, "a2");
                        CheckLink(result, df, required: false, sequence: false, ref sequenceUse, ref patterns);
                        break;
                }
            }

            if (enumerations != null)
            {
                HashSet<string>? reported = null;
                foreach (var df in enumerations)
                {
                    string? link = df.Subfields.Count > 0 && df.Subfields[0].Code == '8' ? df.Subfields[0].Value : df.GetValue('8');
                    if (link == null) continue;
                    int dot = link.IndexOf('.');
                    string number = dot < 0 ? link : link.Substring(0, dot);
                    string patternTag = "85" + df.Tag[2]; // 863 -> 853
                    if (patterns == null || !patterns.ContainsKey(patternTag + ":" + number))
                    {
                        if ((reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(df.Tag + ":" + number))
                            result.Add(new DataSyncFinding(LhrRules.LinkNoPattern, FindingSeverity.Warning, df.Tag, "$8",
                                df.Tag + " $8 " + link + " has no " + patternTag + " with linking number " + number + "; the holdings cannot be displayed with captions."));
                    }
                }
            }
            if (sequenceUse != null)
            {
                foreach (var kv in sequenceUse)
                {
                    if (kv.Value == 3)
                        result.Add(new DataSyncFinding(LhrRules.LinkSequenceInconsistent, FindingSeverity.Warning, kv.Key.Substring(0, 3), "$8",
                            kv.Key.Substring(0, 3) + " fields with linking number " + kv.Key.Substring(4) + " mix $8 with and without a sequence number."));
                }
            }
        }

        private static void Indicators(LhrRecordResult result, DataField df, string ind1, string ind2)
        {
            if (ind1.IndexOf(df.Indicator1) < 0)
                result.Add(new DataSyncFinding(LhrRules.Indicator, FindingSeverity.Error, df.Tag, "ind1",
                    df.Tag + " first indicator '" + df.Indicator1 + "' is not one of '" + ind1.Replace(" ", "#") + "'."));
            if (ind2.IndexOf(df.Indicator2) < 0)
                result.Add(new DataSyncFinding(LhrRules.Indicator, FindingSeverity.Error, df.Tag, "ind2",
                    df.Tag + " second indicator '" + df.Indicator2 + "' is not one of '" + ind2.Replace(" ", "#") + "'."));
        }

        private static void NonRepeatable(LhrRecordResult result, DataField df, string codes)
        {
            uint seen = 0, reported = 0;
            foreach (var sf in df.Subfields)
            {
                int i = codes.IndexOf(sf.Code);
                if (i < 0) continue;
                uint bit = 1u << i;
                if ((seen & bit) != 0 && (reported & bit) == 0)
                {
                    reported |= bit;
                    result.Add(new DataSyncFinding(LhrRules.SubfieldRepeated, FindingSeverity.Error, df.Tag, "$" + sf.Code,
                        df.Tag + " $" + sf.Code + " is not repeatable."));
                }
                seen |= bit;
            }
        }

        private static void CheckLink(LhrRecordResult result, DataField df, bool required, bool sequence,
            ref Dictionary<string, int>? sequenceUse, ref Dictionary<string, int>? patterns)
        {
            string? link = null;
            int index = -1;
            for (int i = 0; i < df.Subfields.Count; i++)
            {
                if (df.Subfields[i].Code == '8') { link = df.Subfields[i].Value; index = i; break; }
            }
            if (link == null)
            {
                if (required)
                    result.Add(new DataSyncFinding(LhrRules.LinkMissing, FindingSeverity.Error, df.Tag, "$8",
                        df.Tag + " has no $8; captions and enumeration fields are linked by $8."));
                return;
            }
            if (index != 0)
                result.Add(new DataSyncFinding(LhrRules.LinkNotFirst, FindingSeverity.Error, df.Tag, "$8", df.Tag + " $8 is not the first subfield."));
            int dot = link.IndexOf('.');
            string number = dot < 0 ? link : link.Substring(0, dot);
            string? seq = dot < 0 ? null : link.Substring(dot + 1);
            bool ok = IsNumber(number) && (seq == null || IsNumber(seq));
            if (!sequence && seq != null && df.Tag[1] == '5') ok = false; // 853-855 take the linking number only
            if (!ok)
            {
                result.Add(new DataSyncFinding(LhrRules.LinkSyntax, FindingSeverity.Error, df.Tag, "$8",
                    df.Tag + " $8 '" + link + "' is not " + (sequence ? "linking.sequence" : "a linking number") + " in digits."));
                return;
            }
            if (sequence)
            {
                if (seq == null)
                    result.Add(new DataSyncFinding(LhrRules.LinkNoSequence, FindingSeverity.Warning, df.Tag, "$8",
                        df.Tag + " $8 '" + link + "' has no sequence number (linking.sequence)."));
                string key = df.Tag + ":" + number;
                sequenceUse ??= new Dictionary<string, int>(StringComparer.Ordinal);
                sequenceUse.TryGetValue(key, out int use);
                sequenceUse[key] = use | (seq == null ? 1 : 2);
            }
            else if (df.Tag[1] == '5')
            {
                string key = df.Tag + ":" + number;
                patterns ??= new Dictionary<string, int>(StringComparer.Ordinal);
                patterns.TryGetValue(key, out int n);
                patterns[key] = n + 1;
                if (n == 1)
                    result.Add(new DataSyncFinding(LhrRules.LinkDuplicatePattern, FindingSeverity.Error, df.Tag, "$8",
                        "Two " + df.Tag + " fields have linking number " + number + "."));
            }
        }

        private static bool IsNumber(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        // ------------------------------------------------------------------ Translation

        private MarcRecord Translate(MarcRecord record, TranslationRow? row, LhrRecordResult result)
        {
            MarcRecord copy = record.Clone();
            DropExcludedFields(copy, result);
            if (row == null) return copy;
            foreach (var f in copy.Fields)
            {
                if (f.Tag != "852" || !(f is DataField df)) continue;
                SetFirst(df, 'a', row.Out852a, 0);
                SetFirst(df, 'b', row.Out852b, 1);
                if (row.Out852c.Length > 0) SetFirst(df, 'c', row.Out852c, 2);
                break;
            }
            if (row.Out008_20.Length > 0 || row.Out008_21.Length > 0)
            {
                foreach (var f in copy.Fields)
                {
                    if (f.Tag != "008" || !(f is ControlField cf) || cf.Value.Length < 22) continue;
                    char[] chars = cf.Value.ToCharArray();
                    if (row.Out008_20.Length > 0) chars[20] = row.Out008_20[0];
                    if (row.Out008_21.Length > 0) chars[21] = row.Out008_21[0];
                    cf.Value = new string(chars);
                    break;
                }
            }
            return copy;
        }

        /// <summary>Replaces the first $code, or inserts it in a/b/c order.</summary>
        private static void SetFirst(DataField df, char code, string value, int order)
        {
            for (int i = 0; i < df.Subfields.Count; i++)
            {
                if (df.Subfields[i].Code == code) { df.Subfields[i].Value = value; return; }
            }
            int at = 0;
            while (at < df.Subfields.Count && "abc".IndexOf(df.Subfields[at].Code) >= 0 && "abc".IndexOf(df.Subfields[at].Code) < order) at++;
            df.InsertSubfield(at, code, value);
        }

        private void DropExcludedFields(MarcRecord copy, LhrRecordResult result)
        {
            if (_options.ExclusionRules.Count == 0) return;
            for (int i = copy.Fields.Count - 1; i >= 0; i--)
            {
                var f = copy.Fields[i];
                foreach (var rule in _options.ExclusionRules)
                {
                    if (!rule.MatchesField(f)) continue;
                    copy.Fields.RemoveAt(i);
                    result.Add(new DataSyncFinding(LhrRules.FieldExcluded, FindingSeverity.Warning, f.Tag, null,
                        f.Tag + " is dropped by the collection's exclusion rule " + rule.Text + "."));
                    break;
                }
            }
        }

        private void CountFieldExclusions(MarcRecord record, LhrRecordResult result)
        {
            if (_options.ExclusionRules.Count == 0) return;
            foreach (var f in record.Fields)
            {
                foreach (var rule in _options.ExclusionRules)
                {
                    if (!rule.MatchesField(f)) continue;
                    result.Add(new DataSyncFinding(LhrRules.FieldExcluded, FindingSeverity.Warning, f.Tag, null,
                        f.Tag + " is dropped by the collection's exclusion rule " + rule.Text + "."));
                    break;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Oclc
{
    /// <summary>
    /// Finds the OCLC numbers of a record by the location rules of docs/design/oclc-numbers.md
    /// Auto: bibliographic records use 001 (when 003 is OCoLC or the value carries an OCLC prefix), then 035 $a
    /// with (OCoLC); holdings records use 004, then 014 ($b OCoLC), then 035 $a. 019 yields merged numbers.
    /// </summary>
    public static class OclcNumberFinder
    {
        /// <summary>
        /// Every OCLC number candidate at <paramref name="location"/>, in location order. The first valid one is
        /// marked <see cref="OclcNumberInfo.IsPrimary"/>. Non-OCLC 035s (e.g. (NjP)123) are skipped, not reported; 035 $z
        /// and invalid values are returned (IsValid false) so they can be reported.
        /// </summary>
        public static IList<OclcNumberInfo> FindAll(MarcRecord record, OclcNumberLocation location)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var found = new List<OclcNumberInfo>();
            bool holdings = record.Kind == RecordKind.Holdings;
            switch (location)
            {
                case OclcNumberLocation.Auto:
                    if (holdings)
                    {
                        Add004(record, found);
                        Add014(record, found);
                        Add035(record, found);
                    }
                    else
                    {
                        Add001(record, found);
                        Add035(record, found);
                        Add019(record, found);
                    }
                    break;
                case OclcNumberLocation.Field001: Add001(record, found); break;
                case OclcNumberLocation.Field004: Add004(record, found); break;
                case OclcNumberLocation.Field014: Add014(record, found); break;
                case OclcNumberLocation.Field019: Add019(record, found); break;
                case OclcNumberLocation.Field035: Add035(record, found); break;
            }
            foreach (var n in found)
            {
                if (n.IsValid && n.SourceKind != OclcNumberSource.Field019) { n.IsPrimary = true; break; }
            }
            if (location == OclcNumberLocation.Field019 && found.Count > 0 && found[0].IsValid) found[0].IsPrimary = true;
            string? id = record.ControlNumber;
            foreach (var n in found)
            {
                n.Record = record;
                n.RecordControlNumber = id;
                n.RecordOrdinal = record.Origin?.Ordinal ?? 0;
                n.SourcePath = record.Origin?.SourcePath;
            }
            return found;
        }

        /// <summary>
        /// The record's numbers as Get-OclcNumberInfo reports them: every candidate with <paramref name="all"/>; otherwise the
        /// primary number, or (when there is none) the first invalid candidate, or a "not found" entry, so every record
        /// gives exactly one answer.
        /// </summary>
        public static IList<OclcNumberInfo> Report(MarcRecord record, OclcNumberLocation location, bool all)
        {
            IList<OclcNumberInfo> found = FindAll(record, location);
            if (all && found.Count > 0) return found;
            foreach (var n in found) if (n.IsPrimary) return new[] { n };
            if (found.Count > 0) return new[] { found[0] };
            var none = new OclcNumberInfo(null, OclcNumberSource.Value, string.Empty, OclcNumberRules.NotFound,
                "No OCLC number in " + Describe(location, record.Kind == RecordKind.Holdings) + ".", null)
            {
                Record = record,
                RecordControlNumber = record.ControlNumber,
                RecordOrdinal = record.Origin?.Ordinal ?? 0,
                SourcePath = record.Origin?.SourcePath,
                IsNotFound = true,
            };
            return new[] { none };
        }

        private static string Describe(OclcNumberLocation location, bool holdings)
        {
            switch (location)
            {
                case OclcNumberLocation.Field001: return "001";
                case OclcNumberLocation.Field004: return "004";
                case OclcNumberLocation.Field014: return "014 $a (with $b OCoLC)";
                case OclcNumberLocation.Field019: return "019 $a";
                case OclcNumberLocation.Field035: return "035 $a (with (OCoLC))";
                default: return holdings ? "004, 014 $a (with $b OCoLC) or 035 $a" : "001 (with 003 OCoLC or an ocm/ocn/on prefix) or 035 $a (with (OCoLC))";
            }
        }

        /// <summary>The record's primary OCN at <paramref name="location"/>, or null.</summary>
        public static OclcNumberInfo? FindPrimary(MarcRecord record, OclcNumberLocation location)
        {
            foreach (var n in FindAll(record, location)) if (n.IsPrimary) return n;
            return null;
        }

        private static void Add001(MarcRecord record, List<OclcNumberInfo> found)
        {
            int occurrence = 0;
            bool oclc003 = string.Equals((record.ControlNumberIdentifier ?? string.Empty).Trim(), "OCoLC", StringComparison.Ordinal);
            foreach (var f in record.Fields)
            {
                if (f.Tag != "001" || !(f is ControlField cf)) continue;
                occurrence++;
                string v = cf.Value ?? string.Empty;
                bool prefixed = HasOclcLetters(v.TrimStart()) || v.TrimStart().StartsWith("(OCoLC)", StringComparison.Ordinal);
                if (!oclc003 && !prefixed) continue; // a local system number, not an OCN
                Add(found, OclcNumberParser.Parse(v, OclcNumberSource.Field001, bareDigitsAllowed: oclc003), occurrence);
            }
        }

        private static void Add004(MarcRecord record, List<OclcNumberInfo> found)
        {
            int occurrence = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != "004") continue;
                occurrence++;
                Add(found, OclcNumberParser.Parse(f.Text ?? string.Empty, OclcNumberSource.Field004, bareDigitsAllowed: true), occurrence);
            }
        }

        private static void Add014(MarcRecord record, List<OclcNumberInfo> found)
        {
            int occurrence = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != "014" || !(f is DataField df)) continue;
                occurrence++;
                string? b = df.GetValue('b');
                if (!string.Equals((b ?? string.Empty).Trim(), "OCoLC", StringComparison.Ordinal)) continue; // another source's number
                foreach (var sf in df.Subfields)
                {
                    if (sf.Code == 'a') Add(found, OclcNumberParser.Parse(sf.Value, OclcNumberSource.Field014, bareDigitsAllowed: true), occurrence);
                }
            }
        }

        private static void Add019(MarcRecord record, List<OclcNumberInfo> found)
        {
            int occurrence = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != "019" || !(f is DataField df)) continue;
                occurrence++;
                foreach (var sf in df.Subfields)
                {
                    if (sf.Code == 'a') Add(found, OclcNumberParser.Parse(sf.Value, OclcNumberSource.Field019, bareDigitsAllowed: true), occurrence);
                }
            }
        }

        private static void Add035(MarcRecord record, List<OclcNumberInfo> found)
        {
            int occurrence = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != "035" || !(f is DataField df)) continue;
                occurrence++;
                foreach (var sf in df.Subfields)
                {
                    if (sf.Code != 'a' && sf.Code != 'z') continue;
                    if (!Is035OclcCandidate(sf.Value)) continue;
                    var source = sf.Code == 'a' ? OclcNumberSource.Field035 : OclcNumberSource.Field035z;
                    Add(found, OclcNumberParser.Parse(sf.Value, source, bareDigitsAllowed: false), occurrence);
                }
            }
        }

        /// <summary>An 035 value that is (meant to be) an OCN: (OCoLC...), or ocm/ocn/on/ocl7 followed by a digit.
        /// (OCoLC-M)... is a candidate so it can be reported; (NjP)... and bare local numbers are not.</summary>
        internal static bool Is035OclcCandidate(string value)
        {
            string v = (value ?? string.Empty).TrimStart();
            if (v.StartsWith("(OCoLC", StringComparison.Ordinal)) return true;
            return HasOclcLetters(v);
        }

        /// <summary>ocm/ocn/on/ocl7 followed by a digit.</summary>
        internal static bool HasOclcLetters(string v)
        {
            int n = v.StartsWith("ocl7", StringComparison.OrdinalIgnoreCase) ? 4
                : v.StartsWith("ocm", StringComparison.OrdinalIgnoreCase) || v.StartsWith("ocn", StringComparison.OrdinalIgnoreCase) ? 3
                : v.StartsWith("on", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
            return n > 0 && v.Length > n && v[n] >= '0' && v[n] <= '9';
        }

        private static void Add(List<OclcNumberInfo> found, OclcNumberInfo n, int occurrence)
        {
            n.FieldOccurrence = occurrence;
            found.Add(n);
        }
    }
}

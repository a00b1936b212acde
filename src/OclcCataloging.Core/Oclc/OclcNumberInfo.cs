using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Oclc
{
    /// <summary>
    /// One OCLC control number as found in a record or a string: the normalised number (digits, no leading
    /// zeros), where it came from, the raw value, and whether it is a usable OCN (with the reason when not).
    /// </summary>
    public sealed class OclcNumberInfo
    {
        private static readonly IReadOnlyList<string> NoWarnings = Array.Empty<string>();

        internal OclcNumberInfo(string? number, OclcNumberSource source, string rawValue, string? problemRule, string? problem, IReadOnlyList<string>? warnings)
        {
            OclcNumber = number;
            SourceKind = source;
            RawValue = rawValue;
            ProblemRule = problemRule;
            Problem = problem;
            Warnings = warnings ?? NoWarnings;
        }

        /// <summary>The number as digits without leading zeros ("12345"), or null when none could be read.</summary>
        public string? OclcNumber { get; }

        /// <summary>The number as a 64-bit integer (0 when invalid). Compare OCNs with this, never as strings.</summary>
        public long Value => OclcNumber == null ? 0 : long.Parse(OclcNumber, NumberStyles.None, CultureInfo.InvariantCulture);

        /// <summary>Where the number was found.</summary>
        public OclcNumberSource SourceKind { get; }

        /// <summary>True for the entry that says a record has no OCLC number at all.</summary>
        public bool IsNotFound { get; internal set; }

        /// <summary>The location as people write it: 001, 004, 014$a, 019$a, 035$a, 035$z, or Value.</summary>
        public string Source => IsNotFound ? string.Empty : SourceName(SourceKind);

        /// <summary>The value exactly as it was in the record or string.</summary>
        public string RawValue { get; }

        /// <summary>True when the value is a usable OCLC number (warnings allowed).</summary>
        public bool IsValid => ProblemRule == null && OclcNumber != null;

        /// <summary>The rule id (<see cref="OclcNumberRules"/>) that makes the value unusable, or null.</summary>
        public string? ProblemRule { get; }

        /// <summary>Why the value is not a usable OCLC number, or null.</summary>
        public string? Problem { get; }

        /// <summary>Rule-id-prefixed warnings ("OcnOcmShort: ..."); the value stays valid.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>True for a 019 number (a merged, former OCN).</summary>
        public bool IsMerged => SourceKind == OclcNumberSource.Field019;

        /// <summary>The canonical 035 $a form, "(OCoLC)12345" (decision 1 of docs/design/oclc-numbers.md: unpadded), or null when invalid.</summary>
        public string? Canonical035 => IsValid ? To035(false) : null;

        /// <summary>The canonical 001 form: ocm + 8 digits, ocn + 9 digits, on + 10 or more (decision 3 of docs/design/oclc-numbers.md: no trailing blank).</summary>
        public string? Canonical001 => IsValid ? To001(false) : null;

        /// <summary>035 $a form; <paramref name="padToEightDigits"/> writes (OCoLC)00003862 as the data sync page shows.</summary>
        public string To035(bool padToEightDigits)
        {
            string digits = RequireValid();
            return "(OCoLC)" + (padToEightDigits && digits.Length < 8 ? digits.PadLeft(8, '0') : digits);
        }

        /// <summary>001 form by magnitude; <paramref name="trailingBlank"/> adds the blank Connexion wrote after ocm numbers.</summary>
        public string To001(bool trailingBlank)
        {
            string digits = RequireValid();
            if (digits.Length <= 8) return "ocm" + digits.PadLeft(8, '0') + (trailingBlank ? " " : string.Empty);
            if (digits.Length == 9) return "ocn" + digits;
            return "on" + digits;
        }

        /// <summary>Identity of the record the number came from (001 of the record, or null for a plain value).</summary>
        public string? RecordControlNumber { get; internal set; }

        /// <summary>Record number in its file (1-based), or 0.</summary>
        public long RecordOrdinal { get; internal set; }

        /// <summary>The file the record was read from, or null.</summary>
        public string? SourcePath { get; internal set; }

        /// <summary>True for the number that identifies the record (the first valid one in the location order).</summary>
        public bool IsPrimary { get; internal set; }

        /// <summary>Occurrence of the field in the record (1-based), 0 for a plain value.</summary>
        public int FieldOccurrence { get; internal set; }

        /// <summary>The MARC record the number came from, or null.</summary>
        public Marc.MarcRecord? Record { get; internal set; }

        public override string ToString() => OclcNumber ?? RawValue;

        private string RequireValid()
        {
            if (!IsValid) throw new InvalidOperationException("'" + RawValue + "' is not a valid OCLC number: " + Problem);
            return OclcNumber!;
        }

        internal static string SourceName(OclcNumberSource source)
        {
            switch (source)
            {
                case OclcNumberSource.Field001: return "001";
                case OclcNumberSource.Field004: return "004";
                case OclcNumberSource.Field014: return "014$a";
                case OclcNumberSource.Field019: return "019$a";
                case OclcNumberSource.Field035: return "035$a";
                case OclcNumberSource.Field035z: return "035$z";
                default: return "Value";
            }
        }
    }
}

using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// Encoding sanity of the decoded text: characters MARC-8 cannot carry in a record whose leader/09 says MARC-8,
    /// U+FFFD left by bytes that did not decode, and combining marks without a base character. What the reader saw in
    /// the bytes themselves (leader/09 against the bytes) arrives as reader diagnostics (<see cref="ReaderDiagnosticCheck"/>).
    /// </summary>
    internal static class EncodingCheck
    {
        public static void Check(ValidationContext c, MarcField field, int occurrence)
        {
            if (field is ControlField cf)
            {
                Value(c, cf.Value, field.Tag, occurrence, null);
                return;
            }
            foreach (Subfield s in ((DataField)field).Subfields)
            {
                Value(c, s.Value, field.Tag, occurrence, s.Code == Subfield.NoCode ? (char?)null : s.Code);
            }
        }

        private static void Value(ValidationContext c, string v, string tag, int occurrence, char? code)
        {
            int firstNonAscii = -1;
            for (int i = 0; i < v.Length; i++)
            {
                if (v[i] >= 0x80)
                {
                    firstNonAscii = i;
                    break;
                }
            }
            if (firstNonAscii < 0) return;
            bool marc8 = c.Record.Leader.CharacterCodingScheme == ' ';
            string where = code == null ? tag : tag + " $" + code;
            if (v.IndexOf('\uFFFD', firstNonAscii) >= 0)
                c.Report(MarcRuleCatalog.EncodingMismatch, where + " holds U+FFFD, left where bytes could not be read as " + (marc8 ? "MARC-8" : "UTF-8") + "; leader/09 may be wrong, or the data was damaged. Retype the characters.", tag, occurrence, subfield: code);
            else if (marc8 && !Marc8CanCarry(v))
                c.Report(MarcRuleCatalog.EncodingMismatch, where + " holds characters MARC-8 cannot carry, but leader/09 is blank (MARC-8). Set leader/09 to 'a' and write the record as UTF-8, or replace the characters.", tag, occurrence, subfield: code);
            if (c.Rules.LoneCombiningMark) LoneMarks(c, v, firstNonAscii, where, tag, occurrence, code);
        }

        private static bool Marc8CanCarry(string v)
        {
            var issues = new List<Marc8Issue>();
            Marc8Encoder.Encode(v, null, issues);
            return issues.Count == 0;
        }

        private static void LoneMarks(ValidationContext c, string v, int from, string where, string tag, int occurrence, char? code)
        {
            for (int i = from; i < v.Length; i++)
            {
                if (v[i] < 0x300 || char.IsSurrogate(v[i]) || !Marc8Encoder.IsMark(v[i])) continue;
                if (i == 0 || char.IsWhiteSpace(v[i - 1]) || char.IsControl(v[i - 1]))
                {
                    c.Report(MarcRuleCatalog.LoneCombiningMark, where + ": the combining mark U+" + ((int)v[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                        + " at character " + (i + 1) + " has no letter before it to combine with; move it after its letter (Unicode) or check the MARC-8 source.", tag, occurrence, subfield: code);
                    return;
                }
            }
        }
    }
}

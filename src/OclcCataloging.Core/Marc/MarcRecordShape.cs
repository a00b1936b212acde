using System.Globalization;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// A record's structure — its fields' tags and kinds, each data field's subfield count and codes — and the first
    /// place two records differ in it. Writers of formats that cannot carry every record use it to refuse a record
    /// that would read back with another structure (see docs/design/fuzzing.md).
    /// </summary>
    internal static class MarcRecordShape
    {
        /// <summary>
        /// Where <paramref name="b"/> differs in structure from <paramref name="a"/>, in words; null when it does not.
        /// <paramref name="replacedCodesAllowed"/>: a writer reported characters it replaced by U+FFFD (MARCXML's
        /// default for characters XML 1.0 forbids), so a code or tag character that became U+FFFD is no difference.
        /// </summary>
        public static string? Difference(MarcRecord a, MarcRecord b, bool replacedCodesAllowed = false)
        {
            if (a.Fields.Count != b.Fields.Count) return a.Fields.Count + " fields became " + b.Fields.Count;
            for (int i = 0; i < a.Fields.Count; i++)
            {
                MarcField fa = a.Fields[i], fb = b.Fields[i];
                string where = "field " + (i + 1).ToString(CultureInfo.InvariantCulture) + " (" + fa.Tag + ")";
                if ((fa is DataField) != (fb is DataField)) return where + " changed kind";
                if (!SameText(fa.Tag, fb.Tag, replacedCodesAllowed)) return where + ": tag became '" + fb.Tag + "'";
                if (!(fa is DataField da) || !(fb is DataField db)) continue;
                // empty data before the first delimiter carries nothing: writers may leave it out
                int sa = SkipEmptyLead(da), sb = SkipEmptyLead(db);
                if (da.Subfields.Count - sa != db.Subfields.Count - sb)
                    return where + ": " + (da.Subfields.Count - sa) + " subfields became " + (db.Subfields.Count - sb);
                for (int k = 0; k < da.Subfields.Count - sa; k++)
                {
                    char ca = da.Subfields[k + sa].Code, cb = db.Subfields[k + sb].Code;
                    if (ca != cb && !(replacedCodesAllowed && cb == '\uFFFD'))
                        return where + " subfield " + (k + 1).ToString(CultureInfo.InvariantCulture) + ": code U+" + ((int)ca).ToString("X4", CultureInfo.InvariantCulture)
                               + " became U+" + ((int)cb).ToString("X4", CultureInfo.InvariantCulture);
                }
            }
            return null;
        }

        /// <summary>Equal, or (when allowed) equal but for characters replaced by U+FFFD.</summary>
        private static bool SameText(string a, string b, bool replacedAllowed)
        {
            if (a == b) return true;
            if (!replacedAllowed || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i] && b[i] != '\uFFFD') return false;
            }
            return true;
        }

        private static int SkipEmptyLead(DataField f) =>
            f.Subfields.Count > 0 && f.Subfields[0].Code == Subfield.NoCode && f.Subfields[0].Value.Length == 0 ? 1 : 0;
    }
}

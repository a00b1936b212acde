using OclcCataloging.Marc;

namespace OclcCataloging.Ils.Alma
{
    /// <summary>
    /// A record's version for the older-version guard: its 005 (date and time of latest transaction,
    /// yyyymmddhhmmss.f). Values compare as text, which orders them in time when both have that form.
    /// </summary>
    public static class AlmaRecordVersion
    {
        /// <summary>The 005, or null when there is none or it does not start with 14 digits.</summary>
        public static string? Of(MarcRecord record)
        {
            string? v = (record.GetField("005") as ControlField)?.Value?.Trim();
            if (v == null || v.Length < 14) return null;
            for (int i = 0; i < 14; i++) if (v[i] < '0' || v[i] > '9') return null;
            return v;
        }

        /// <summary>Why the guard blocks the merge, or null when it lets it through.</summary>
        public static string? BlockReason(string? incoming, string? existing, MissingVersionPolicy missing)
        {
            if (incoming == null || existing == null)
            {
                return missing == MissingVersionPolicy.Block
                    ? (incoming == null ? "the incoming" : "the existing") + " record has no usable 005, so its version cannot be compared"
                    : null;
            }
            return string.CompareOrdinal(Pad(incoming), Pad(existing)) < 0
                ? "the incoming record's 005 " + incoming + " is older than the existing record's " + existing
                : null;
        }

        private static string Pad(string v) => v.Length >= 16 ? v.Substring(0, 16) : (v.Length == 14 ? v + ".0" : v.PadRight(16, '0'));
    }
}

namespace OclcCataloging.Oclc
{
    /// <summary>Where <see cref="OclcNumberFinder"/> looks for OCLC numbers in a record.</summary>
    public enum OclcNumberLocation
    {
        /// <summary>Bibliographic records: 001 (when 003 is OCoLC or the value has an OCLC prefix), then 035 $a (OCoLC).
        /// Holdings records: 004, then 014 ($b OCoLC), then 035 $a.</summary>
        Auto = 0,
        /// <summary>Only 001.</summary>
        Field001,
        /// <summary>Only 035 $a (OCoLC).</summary>
        Field035,
        /// <summary>Only 004.</summary>
        Field004,
        /// <summary>Only 014 $a with $b OCoLC.</summary>
        Field014,
        /// <summary>Only 019 $a (merged numbers).</summary>
        Field019,
    }

    /// <summary>Converts between <see cref="OclcNumberLocation"/> and the tag names users type ("001", "035", ...).</summary>
    public static class OclcNumberLocationNames
    {
        /// <summary>The names accepted on the command line, in order.</summary>
        public static readonly string[] All = { "Auto", "001", "035", "004", "014", "019" };

        /// <summary>"035" → Field035; "Auto" → Auto. Throws on anything else.</summary>
        public static OclcNumberLocation Parse(string name)
        {
            switch ((name ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "AUTO": return OclcNumberLocation.Auto;
                case "001": return OclcNumberLocation.Field001;
                case "035": return OclcNumberLocation.Field035;
                case "004": return OclcNumberLocation.Field004;
                case "014": return OclcNumberLocation.Field014;
                case "019": return OclcNumberLocation.Field019;
                default: throw new System.ArgumentException("Unknown OCLC number location '" + name + "'; use Auto, 001, 035, 004, 014 or 019.", nameof(name));
            }
        }
    }
}

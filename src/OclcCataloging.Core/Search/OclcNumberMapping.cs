namespace OclcCataloging.Search
{
    /// <summary>An OCLC number asked for and the one the target returned (they differ for merged records).</summary>
    public sealed class OclcNumberMapping
    {
        public OclcNumberMapping(string requested, string? returned)
        {
            Requested = requested;
            Returned = returned;
        }

        public string Requested { get; }

        /// <summary>Null when the target returned no record for it.</summary>
        public string? Returned { get; }

        public bool IsMerged => Returned != null && Returned != Requested;

        /// <summary>"1234567->12345678" for a merged number, the number alone otherwise (also when no record came back).</summary>
        public override string ToString() => IsMerged ? Requested + "->" + Returned : Requested;
    }
}

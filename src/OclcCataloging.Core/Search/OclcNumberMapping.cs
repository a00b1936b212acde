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

        public override string ToString() => Requested + "->" + (Returned ?? "");
    }
}

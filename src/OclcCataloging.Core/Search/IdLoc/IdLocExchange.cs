namespace OclcCataloging.Search.IdLoc
{
    /// <summary>What the HTTP exchanges for one key did: attempts (retries included) and the last status.</summary>
    internal sealed class IdLocExchange
    {
        public int Attempts { get; set; }

        public int? LastStatus { get; set; }
    }
}

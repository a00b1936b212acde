using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Actions
{
    /// <summary>Handed by the session to each operation: counts its HTTP attempts and notes writes before they leave.</summary>
    public sealed class ActionContext
    {
        internal RequestAttempts Requests { get; } = new RequestAttempts();

        /// <summary>HTTP requests sent so far for this input (retries included).</summary>
        public int Attempts => Requests.Count;
    }
}

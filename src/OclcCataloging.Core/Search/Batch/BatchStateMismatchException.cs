using System;

namespace OclcCataloging.Search.Batch
{
    /// <summary>The state file of a resumed run does not belong to these keys (or to this target).</summary>
    public sealed class BatchStateMismatchException : InvalidOperationException
    {
        public BatchStateMismatchException(string statePath, string message)
            : base("The batch state file '" + statePath + "' does not match this run: " + message
                   + " Start a new run instead of resuming, or use the key list and target of the interrupted run.")
        {
            StatePath = statePath;
        }

        public string StatePath { get; }
    }
}

using System;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>A write was sent and no usable reply came back: WorldCat may or may not have acted.</summary>
    internal sealed class WorldCatOutcomeUnknownException : Exception
    {
        public WorldCatOutcomeUnknownException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}

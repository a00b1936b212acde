using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Reads records one at a time from a stream. A reader never throws for bad data: each damaged but
    /// recoverable record comes back with warnings, each unrecoverable chunk as a <see cref="MarcReadError"/>
    /// with its raw bytes, and reading goes on with the next record.
    /// </summary>
    public interface IMarcReader : IDisposable
    {
        /// <summary>The next record or unreadable chunk, or null at the end of the input.</summary>
        MarcReadResult? ReadNext();
    }
}

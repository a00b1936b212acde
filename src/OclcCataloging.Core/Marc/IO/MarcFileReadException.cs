using System;
using System.IO;

namespace OclcCataloging.Marc.IO
{
    /// <summary>A MARC file was opened but could not be read from the start (damaged compression, unreadable head).</summary>
    public sealed class MarcFileReadException : IOException
    {
        public MarcFileReadException(string message, Exception inner) : base(message, inner) { }
    }
}

using System;

namespace OclcCataloging.Marc
{
    /// <summary>A value cannot be expressed in the character coding scheme of the record being written.</summary>
    public sealed class MarcEncodingException : Exception
    {
        public MarcEncodingException(string message) : base(message) { }
    }
}

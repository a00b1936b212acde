using System;

namespace OclcCataloging.Text.Json
{
    /// <summary>The bytes are not JSON: what was wrong (e.g. "unexpected '}'") and the byte offset where the text stops being JSON.</summary>
    internal sealed class JsonSyntaxException : FormatException
    {
        public JsonSyntaxException(string reason, int offset) : base(reason)
        {
            Reason = reason;
            Offset = offset;
        }

        public string Reason { get; }

        public int Offset { get; }
    }
}

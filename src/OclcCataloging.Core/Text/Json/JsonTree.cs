using System.Collections.Generic;

namespace OclcCataloging.Text.Json
{
    /// <summary>A JSON object as written: its members in order (a repeated name stays repeated), and where it starts.</summary>
    internal sealed class JsonObject : List<JsonMember>
    {
        public JsonObject(int offset) { Offset = offset; }

        /// <summary>Byte offset of the opening brace in the parsed bytes.</summary>
        public int Offset { get; }
    }

    /// <summary>One member of a <see cref="JsonObject"/>.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, object? value, int offset)
        {
            Name = name;
            Value = value;
            Offset = offset;
        }

        public string Name { get; }

        /// <summary>A <see cref="JsonObject"/>, <see cref="JsonArray"/>, <see cref="JsonNumber"/>, string, bool, or null.</summary>
        public object? Value { get; }

        /// <summary>Byte offset of the member's name in the parsed bytes.</summary>
        public int Offset { get; }
    }

    /// <summary>A JSON array and where it starts.</summary>
    internal sealed class JsonArray : List<object?>
    {
        public JsonArray(int offset) { Offset = offset; }

        /// <summary>Byte offset of the opening bracket in the parsed bytes.</summary>
        public int Offset { get; }
    }
}

namespace OclcCataloging.Marc
{
    /// <summary>
    /// One problem met while converting between MARC-8 and Unicode. <see cref="Code"/> is one of the
    /// <see cref="MarcDiagnosticCodes"/> (<c>Marc8UnmappedCharacter</c>, <c>Marc8InvalidEscape</c>, ...);
    /// <see cref="Position"/> is the index of the first byte concerned in the buffer that was decoded (decoding), or
    /// of the character in the string that was encoded (encoding).
    /// </summary>
    public sealed class Marc8Issue
    {
        public Marc8Issue(string code, int position, string message)
        {
            Code = code;
            Position = position;
            Message = message;
        }

        public string Code { get; }

        public int Position { get; }

        public string Message { get; }

        public override string ToString() => Code + " at " + Position + ": " + Message;
    }
}

using System.Collections.Generic;

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
            _message = message;
        }

        private Marc8Issue(string code, int position)
        {
            Code = code;
            Position = position;
            _more = 1;
        }

        private readonly string? _message;
        private int _more;

        public string Code { get; }

        public int Position { get; }

        public string Message => _message
            ?? _more + " more MARC-8 problem" + (_more == 1 ? " was" : "s were") + " found in this field after the first " + ListedPerField + "; they are not listed one by one.";

        public override string ToString() => Code + " at " + Position + ": " + Message;

        /// <summary>Problems listed one by one in one list (one field); the rest are counted in one last entry.</summary>
        internal const int ListedPerField = 100;

        /// <summary>False once <paramref name="issues"/> lists <see cref="ListedPerField"/> problems: the next are only counted.</summary>
        internal static bool Listing(IList<Marc8Issue>? issues) => issues != null && issues.Count < ListedPerField;

        /// <summary>
        /// Adds a problem to <paramref name="issues"/> unless <see cref="ListedPerField"/> are already listed; after that
        /// one last entry counts the rest, so a field full of bad bytes costs bounded memory.
        /// </summary>
        internal static void Add(IList<Marc8Issue>? issues, string code, int position, string message)
        {
            if (issues == null) return;
            if (issues.Count < ListedPerField) issues.Add(new Marc8Issue(code, position, message));
            else AddUnlisted(issues, code, position);
        }

        /// <summary>Counts one more problem past the listed ones (see <see cref="Add"/>).</summary>
        internal static void AddUnlisted(IList<Marc8Issue>? issues, string code, int position)
        {
            if (issues == null) return;
            int n = issues.Count;
            if (n > ListedPerField && issues[n - 1]._message == null) issues[n - 1]._more++;
            else issues.Add(new Marc8Issue(code, position));
        }
    }
}

using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>How findings show values: blanks as "blank", lists as "a, b or c".</summary>
    internal static class ValueText
    {
        public static string Quote(char c)
        {
            if (c == ' ') return "blank";
            if (c < ' ' || c > '~') return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return "'" + c + "'";
        }

        /// <summary>"blank, a or c" for " ac"; '#' in table strings also means blank.</summary>
        public static string List(string allowed)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < allowed.Length; i++)
            {
                if (i > 0) sb.Append(i == allowed.Length - 1 ? " or " : ", ");
                char c = allowed[i];
                sb.Append(c == '#' || c == ' ' ? "blank" : c.ToString());
            }
            return sb.ToString();
        }
    }

    internal static class FormatText
    {
        public static string Name(RecordKind kind)
        {
            switch (kind)
            {
                case RecordKind.Bibliographic: return "bibliographic";
                case RecordKind.Authority: return "authority";
                case RecordKind.Holdings: return "holdings";
                default: return kind.ToString().ToLowerInvariant();
            }
        }
    }
}

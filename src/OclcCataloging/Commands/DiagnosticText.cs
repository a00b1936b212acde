using System.Globalization;
using System.Text;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands
{
    /// <summary>Words a reader's or writer's diagnostic for a warning or error message.</summary>
    internal static class DiagnosticText
    {
        /// <summary>"RecordLengthMismatch in 245 at byte 1234: The leader says ..." — code, where, then what.</summary>
        internal static string Describe(MarcDiagnostic diagnostic)
        {
            var sb = new StringBuilder(diagnostic.Code);
            if (!string.IsNullOrEmpty(diagnostic.Tag)) sb.Append(" in ").Append(diagnostic.Tag);
            if (diagnostic.ByteOffset >= 0) sb.Append(" at byte ").Append(diagnostic.ByteOffset.ToString(CultureInfo.InvariantCulture));
            sb.Append(": ");
            AppendSentence(sb, diagnostic.Message);
            return sb.ToString();
        }

        /// <summary>Appends <paramref name="text"/>, ending it with a full stop unless it already ends in punctuation.</summary>
        internal static void AppendSentence(StringBuilder sb, string text)
        {
            string t = (text ?? string.Empty).TrimEnd();
            sb.Append(t);
            if (t.Length > 0 && ".!?".IndexOf(t[t.Length - 1]) < 0) sb.Append('.');
        }
    }
}

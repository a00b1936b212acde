using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// How messages name a record and word its problems, the same in every command: where it was read
    /// ("Record 3 at byte 120 in 'in.mrc'"), what identifies it ("001 ocm123"), and each diagnostic
    /// ("RecordLengthMismatch in 245 at byte 1234: The leader says ...").
    /// </summary>
    public static class MarcRecordText
    {
        /// <summary>"Record 3 at byte 120 in 'in.mrc'" (without the file when the source has no name).</summary>
        public static string Where(MarcOrigin origin)
        {
            var sb = new StringBuilder("Record ");
            sb.Append(origin.Ordinal.ToString(CultureInfo.InvariantCulture))
              .Append(" at byte ").Append(origin.ByteOffset.ToString(CultureInfo.InvariantCulture));
            if (origin.SourcePath != null) sb.Append(" in '").Append(origin.SourcePath).Append('\'');
            return sb.ToString();
        }

        /// <summary>"Record 3 at byte 120 in 'in.mrc' (001 ocm2)", or "The record (001 ocm2)" when it was not read from a source.</summary>
        public static string Subject(MarcRecord record)
        {
            string where = record.Origin != null ? Where(record.Origin) : "The record";
            string? id = record.ControlNumber;
            return string.IsNullOrEmpty(id) ? where : where + " (001 " + id + ")";
        }

        /// <summary>"Record 7 (001 ocm123)": a record numbered by the command that handles it, and its 001 when it has one.</summary>
        public static string Numbered(long ordinal, string? controlNumber)
        {
            string subject = "Record " + ordinal.ToString(CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(controlNumber) ? subject : subject + " (001 " + controlNumber + ")";
        }

        /// <summary>" (001 ocm123, from 'in.mrc' record 7)": whatever identifies a record handed on by the pipeline; empty when nothing does.</summary>
        public static string Identity(MarcRecord record)
        {
            var parts = new List<string>(2);
            string? id = record.ControlNumber;
            if (!string.IsNullOrEmpty(id)) parts.Add("001 " + id);
            if (record.Origin != null)
            {
                parts.Add("from " + (record.Origin.SourcePath != null ? "'" + record.Origin.SourcePath + "' " : string.Empty)
                    + "record " + record.Origin.Ordinal.ToString(CultureInfo.InvariantCulture));
            }
            return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts.ToArray()) + ")";
        }

        /// <summary>"&lt;subject&gt; was read with 2 problems: A. B." for a record that has warnings.</summary>
        public static string ReadWithProblems(string subject, MarcRecord record)
        {
            var sb = new StringBuilder(subject);
            int n = record.Warnings.Count;
            sb.Append(" was read with ").Append(n).Append(n == 1 ? " problem: " : " problems: ");
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(Describe(record.Warnings[i]));
            }
            return sb.ToString();
        }

        /// <summary>"Record 2 at byte 70 in 'in.mrc' cannot be read and was skipped (12 bytes): UnreadableRecord: ...".</summary>
        public static string Unreadable(MarcReadError error)
        {
            var text = new StringBuilder(Where(error.Origin));
            text.Append(" cannot be read and was skipped (")
                .Append(error.RawBytes.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes): ")
                .Append(error.Code).Append(": ");
            AppendSentence(text, error.Message);
            return text.ToString();
        }

        /// <summary>"JunkAfterLastRecord at byte 132 in 'in.mrc': 10 bytes that belong to no record were skipped ...".</summary>
        public static string Stray(MarcStrayBytes stray)
        {
            MarcDiagnostic w = stray.Warning;
            var text = new StringBuilder(w.Code);
            text.Append(" at byte ").Append(w.ByteOffset.ToString(CultureInfo.InvariantCulture));
            if (stray.SourcePath != null) text.Append(" in '").Append(stray.SourcePath).Append('\'');
            text.Append(": ");
            AppendSentence(text, w.Message);
            return text.ToString();
        }

        /// <summary>"RecordLengthMismatch in 245 at byte 1234: The leader says ..." — code, where, then what.</summary>
        public static string Describe(MarcDiagnostic diagnostic)
        {
            var sb = new StringBuilder(diagnostic.Code);
            if (!string.IsNullOrEmpty(diagnostic.Tag)) sb.Append(" in ").Append(diagnostic.Tag);
            if (diagnostic.ByteOffset >= 0) sb.Append(" at byte ").Append(diagnostic.ByteOffset.ToString(CultureInfo.InvariantCulture));
            sb.Append(": ");
            AppendSentence(sb, diagnostic.Message);
            return sb.ToString();
        }

        /// <summary>Appends <paramref name="text"/>, ending it with a full stop unless it already ends in punctuation.</summary>
        public static void AppendSentence(StringBuilder sb, string text)
        {
            string t = (text ?? string.Empty).TrimEnd();
            sb.Append(t);
            if (t.Length > 0 && ".!?".IndexOf(t[t.Length - 1]) < 0) sb.Append('.');
        }
    }
}

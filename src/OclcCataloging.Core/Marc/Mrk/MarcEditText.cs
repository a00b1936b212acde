using System;
using System.Collections.Generic;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>Records to and from MarcEdit text held in strings (for quick edits in scripts).</summary>
    public static class MarcEditText
    {
        /// <summary>
        /// The record as MarcEdit text: <c>=LDR  …</c>, <c>=001  …</c>, <c>=245  10$a…</c>, lines ended by
        /// <paramref name="newLine"/>, without the blank line that separates records in a file.
        /// <paramref name="format"/> <see cref="MarcFormat.Mrk8"/> (default): Unicode text; <see cref="MarcFormat.Mrk"/>:
        /// ASCII with MARC-8 mnemonics.
        /// </summary>
        public static string ToText(MarcRecord record, MarcFormat format = MarcFormat.Mrk8, string newLine = "\n")
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Mrk or Mrk8.");
            var sb = new StringBuilder(2048);
            MrkText.Format(sb, record, format == MarcFormat.Mrk8, newLine ?? "\n");
            sb.Length -= (newLine ?? "\n").Length; // the record separator
            if (sb.Length >= newLine!.Length) sb.Length -= newLine.Length;
            return sb.ToString();
        }

        /// <summary>
        /// The records in MarcEdit text (split as <see cref="MrkReader"/> splits a file). <paramref name="format"/>:
        /// <see cref="MarcFormat.Mrk"/> reads mnemonics of records whose leader/09 is not 'a' as MARC-8 bytes;
        /// <see cref="MarcFormat.Mrk8"/> gives Unicode records; <see cref="MarcFormat.Auto"/> takes each record as Mrk8
        /// when its text has non-ASCII characters, else as Mrk.
        /// </summary>
        public static IList<MarcRecord> Parse(string text, MarcFormat format = MarcFormat.Auto)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var parser = new MarcEditTextParser(format);
            var records = new List<MarcRecord>(parser.Add(text));
            records.AddRange(parser.Complete());
            return records;
        }
    }
}

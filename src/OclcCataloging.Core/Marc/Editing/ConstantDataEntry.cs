using System;
using OclcCataloging.Marc.Mrk;

namespace OclcCataloging.Marc.Editing
{
    /// <summary>
    /// One entry of a constant data set: a whole field (<c>=949  \\$aNEW BOOKS</c>) or one subfield of a field
    /// (<c>949$l=MAIN</c>), with the rule for a record that already has it.
    /// </summary>
    public sealed class ConstantDataEntry
    {
        private readonly MarcField? _field;

        private ConstantDataEntry(string tag, MarcField? field, char subfieldCode, string? value, ConstantDataMode mode)
        {
            Tag = tag;
            _field = field;
            SubfieldCode = subfieldCode;
            Value = value;
            Mode = mode;
        }

        public string Tag { get; }

        /// <summary>The subfield code of a subfield entry; <see cref="Subfield.NoCode"/> for a field entry.</summary>
        public char SubfieldCode { get; }

        /// <summary>The subfield value of a subfield entry.</summary>
        public string? Value { get; }

        public ConstantDataMode Mode { get; }

        public bool IsSubfieldEntry => _field == null;

        /// <summary>The field in MarcEdit text, or TAG$c=value for a subfield entry.</summary>
        public string Text => _field != null ? _field.ToMarcText() : Tag + "$" + SubfieldCode + "=" + Value;

        internal MarcField NewField() => _field!.Clone();

        /// <summary>A field entry from one MarcEdit line: <c>=949  \\$aNEW BOOKS</c> or <c>=590  \\$aGift of the Friends.</c>.</summary>
        public static ConstantDataEntry ForField(string line, ConstantDataMode mode)
        {
            if (line == null) throw new ArgumentNullException(nameof(line));
            string t = line.Trim();
            if (!t.StartsWith("=", StringComparison.Ordinal) || t.StartsWith("=LDR", StringComparison.OrdinalIgnoreCase) || t.IndexOf('\n') >= 0)
                throw new FormatException("'" + line + "' is not one MarcEdit field line such as '=949  \\\\$aNEW BOOKS'.");
            var records = MarcEditText.Parse("=LDR  00000nam a2200000   4500\n" + t);
            if (records.Count != 1 || records[0].Fields.Count != 1 || records[0].HasWarnings)
                throw new FormatException("'" + line + "' is not one MarcEdit field line such as '=949  \\\\$aNEW BOOKS'.");
            MarcField f = records[0].Fields[0];
            return new ConstantDataEntry(f.Tag, f, Subfield.NoCode, null, mode);
        }

        /// <summary>A subfield entry: <c>949$l=MAIN</c> (tag, $, one code, =, value).</summary>
        public static ConstantDataEntry ForSubfield(string text, ConstantDataMode mode)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            int eq = text.IndexOf('=');
            if (eq != 5 || text[3] != '$' || !char.IsLetterOrDigit(text[4]) || MarcField.IsControlTag(text.Substring(0, 3)))
                throw new FormatException("'" + text + "' is not a subfield entry such as '949$l=MAIN' (data field tag, $, one subfield code, =, value).");
            string tag = text.Substring(0, 3);
            foreach (char c in tag)
            {
                if (!char.IsLetterOrDigit(c)) throw new FormatException("'" + text + "' does not start with a tag such as 949.");
            }
            return new ConstantDataEntry(tag, null, text[4], text.Substring(6), mode);
        }
    }
}

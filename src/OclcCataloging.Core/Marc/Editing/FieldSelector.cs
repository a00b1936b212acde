using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Editing
{
    /// <summary>
    /// A field or subfield selection written the way catalogers write it: a tag pattern (<c>9XX</c>, <c>029</c>,
    /// <c>6..</c>) selects whole fields; a tag pattern followed by <c>$</c> and subfield codes (<c>650$0</c>,
    /// <c>0XX$z9</c>) selects only those subfields. Tag patterns are matched by <see cref="TagPattern"/>.
    /// </summary>
    public sealed class FieldSelector
    {
        private FieldSelector(string text, string tagPattern, string subfieldCodes)
        {
            Text = text;
            TagPattern = tagPattern;
            SubfieldCodes = subfieldCodes;
        }

        /// <summary>The selector as written.</summary>
        public string Text { get; }

        public string TagPattern { get; }

        /// <summary>Subfield codes to select; empty when the selector takes whole fields.</summary>
        public string SubfieldCodes { get; }

        public bool SelectsWholeFields => SubfieldCodes.Length == 0;

        public bool Matches(MarcField field) => Marc.TagPattern.IsMatch(TagPattern, field.Tag);

        /// <summary>Parses <c>9XX</c>, <c>938</c>, <c>650$02</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
        public static FieldSelector Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string t = text.Trim();
            int dollar = t.IndexOf('$');
            string tag = dollar < 0 ? t : t.Substring(0, dollar);
            string codes = dollar < 0 ? string.Empty : t.Substring(dollar + 1);
            if (tag.Length != 3)
                throw new FormatException("'" + text + "' is not a field selector: the tag pattern must have 3 characters (9XX, 029, 6..), optionally followed by $ and subfield codes (650$0).");
            foreach (char c in tag)
            {
                if (!char.IsLetterOrDigit(c) && c != '.')
                    throw new FormatException("'" + text + "' is not a field selector: '" + c + "' cannot appear in a tag pattern; use digits, letters, X or '.'.");
            }
            if (dollar >= 0 && codes.Length == 0)
                throw new FormatException("'" + text + "' is not a field selector: '$' must be followed by one or more subfield codes (650$0).");
            foreach (char c in codes)
            {
                if (!char.IsLetterOrDigit(c))
                    throw new FormatException("'" + text + "' is not a field selector: subfield code '" + c + "' is not a letter or digit.");
            }
            if (codes.Length > 0 && MarcField.IsControlTag(tag))
                throw new FormatException("'" + text + "' is not a field selector: control field " + tag + " has no subfields.");
            return new FieldSelector(text, tag, codes);
        }

        public static IReadOnlyList<FieldSelector> ParseAll(IEnumerable<string>? texts)
        {
            var list = new List<FieldSelector>();
            if (texts == null) return list;
            foreach (string t in texts)
            {
                if (!string.IsNullOrWhiteSpace(t)) list.Add(Parse(t));
            }
            return list;
        }

        public override string ToString() => Text;
    }
}

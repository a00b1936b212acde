using System;
using System.Globalization;
using OclcCataloging.Marc;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// A collection's "excluded information" setting (docs/design/data-sync.md): a location and a value. When the
    /// location is the leader or 008, a match excludes the whole record; for any other tag only the matching
    /// field is dropped. Written as text: <c>LDR/05=d</c>, <c>008/20=b</c>, <c>008/26-31=240101</c>,
    /// <c>852$b=WDRN</c>, <c>583$a=*</c> (any value), <c>876</c> (the field, whatever it holds),
    /// <c>866/ind2=0</c> (an indicator). Values are compared exactly.
    /// </summary>
    public sealed class ExclusionRule
    {
        private ExclusionRule(string text, string tag, char? subfield, int? start, int length, int indicator, string? value)
        {
            Text = text;
            Tag = tag;
            Subfield = subfield;
            Start = start;
            Length = length;
            Indicator = indicator;
            Value = value;
        }

        /// <summary>The rule as written.</summary>
        public string Text { get; }

        /// <summary>LDR, 008 or another tag.</summary>
        public string Tag { get; }

        public char? Subfield { get; }

        /// <summary>First character position for LDR/control fields.</summary>
        public int? Start { get; }

        public int Length { get; }

        /// <summary>1 or 2 for an indicator rule, else 0.</summary>
        public int Indicator { get; }

        /// <summary>The value to match, or null for "*" / no value (any).</summary>
        public string? Value { get; }

        /// <summary>True when a match excludes the whole record (leader or 008).</summary>
        public bool ExcludesRecord => Tag == "LDR" || Tag == "008";

        /// <summary>Parses <c>TAG[$x|/pos[-pos]|/ind1|/ind2][=value]</c>.</summary>
        public static ExclusionRule Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string t = text.Trim();
            string? value = null;
            int eq = t.IndexOf('=');
            if (eq >= 0)
            {
                value = t.Substring(eq + 1);
                t = t.Substring(0, eq).Trim();
                if (value == "*") value = null;
            }
            if (t.Length < 3) throw Bad(text);
            string tag = t.Substring(0, 3).ToUpperInvariant();
            if (tag != "LDR" && !IsDigits(tag)) throw Bad(text);
            string rest = t.Substring(3);
            char? subfield = null;
            int? start = null;
            int length = 0, indicator = 0;
            if (rest.Length > 0)
            {
                if (rest[0] == '$' && rest.Length == 2)
                {
                    if (tag == "LDR" || MarcField.IsControlTag(tag)) throw Bad(text);
                    subfield = rest[1];
                }
                else if (rest[0] == '/')
                {
                    string pos = rest.Substring(1).ToLowerInvariant();
                    if (pos == "ind1" || pos == "ind2")
                    {
                        if (tag == "LDR" || MarcField.IsControlTag(tag)) throw Bad(text);
                        indicator = pos == "ind1" ? 1 : 2;
                    }
                    else
                    {
                        if (!(tag == "LDR" || MarcField.IsControlTag(tag))) throw Bad(text);
                        int dash = pos.IndexOf('-');
                        int from = ParseInt(dash < 0 ? pos : pos.Substring(0, dash), text);
                        int to = dash < 0 ? from + Math.Max((value ?? " ").Length, 1) - 1 : ParseInt(pos.Substring(dash + 1), text);
                        if (to < from) throw Bad(text);
                        start = from;
                        length = to - from + 1;
                    }
                }
                else throw Bad(text);
            }
            if ((tag == "LDR" || tag == "008") && start == null && value != null) throw Bad(text);
            return new ExclusionRule(text.Trim(), tag, subfield, start, length, indicator, value);
        }

        /// <summary>True when the leader or 008 matches (record rules only).</summary>
        public bool MatchesRecord(MarcRecord record)
        {
            if (!ExcludesRecord) return false;
            string? source = Tag == "LDR" ? record.Leader.ToString() : (record.GetField("008") as ControlField)?.Value;
            if (source == null) return false;
            return MatchesPositions(source);
        }

        /// <summary>True when a field of this rule's tag matches (field rules only).</summary>
        public bool MatchesField(MarcField field)
        {
            if (ExcludesRecord || field.Tag != Tag) return false;
            if (field is ControlField cf)
            {
                return Start == null ? (Value == null || cf.Value == Value) : MatchesPositions(cf.Value);
            }
            var df = (DataField)field;
            if (Indicator == 1) return Value == null || (Value.Length == 1 && df.Indicator1 == Value[0]);
            if (Indicator == 2) return Value == null || (Value.Length == 1 && df.Indicator2 == Value[0]);
            if (Subfield == null) return Value == null || df.Text == Value;
            foreach (var sf in df.Subfields)
            {
                if (sf.Code == Subfield.Value && (Value == null || sf.Value == Value)) return true;
            }
            return false;
        }

        private bool MatchesPositions(string source)
        {
            if (Start == null) return Value == null;
            if (Start.Value + Length > source.Length) return false;
            return Value == null || string.CompareOrdinal(source, Start.Value, Value.PadRight(Length), 0, Length) == 0;
        }

        public override string ToString() => Text;

        private static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static int ParseInt(string s, string text)
        {
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) throw Bad(text);
            return n;
        }

        private static FormatException Bad(string text) => new FormatException(
            "'" + text + "' is not an exclusion rule. Write TAG$x=value (852$b=WDRN), TAG/pos=value for the leader or a control field (LDR/05=d, 008/20-21=bb), TAG/ind1=value, or just TAG.");
    }
}

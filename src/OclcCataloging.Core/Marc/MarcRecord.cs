using System;
using System.Collections.Generic;
using System.Text;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// A MARC 21 record (bibliographic, authority or holdings): a leader and ordered fields.
    /// <code>
    /// string title = record["245"]?["a"];
    /// foreach (DataField subject in record.GetDataFields("6..")) { ... }
    /// record.AddDataField("650", " 0", "a", "Jazz", "v", "Scores.");
    /// </code>
    /// </summary>
    public sealed class MarcRecord
    {
        private Leader _leader;
        private List<MarcDiagnostic>? _warnings;

        public MarcRecord() : this(new Leader()) { }

        public MarcRecord(Leader leader)
        {
            _leader = leader ?? throw new ArgumentNullException(nameof(leader));
            Fields = new FieldCollection();
        }

        /// <summary>A record whose field list starts with room for <paramref name="fieldCapacity"/> fields (used by readers).</summary>
        internal MarcRecord(Leader leader, int fieldCapacity)
        {
            _leader = leader ?? throw new ArgumentNullException(nameof(leader));
            Fields = new FieldCollection(fieldCapacity);
        }

        public Leader Leader
        {
            get => _leader;
            set => _leader = value ?? throw new ArgumentNullException(nameof(value));
        }

        public FieldCollection Fields { get; }

        /// <summary>Where the record was read from; null for a record built in memory.</summary>
        public MarcOrigin? Origin { get; set; }

        /// <summary>Problems found while reading the record (it was still recovered).</summary>
        public IReadOnlyList<MarcDiagnostic> Warnings => (IReadOnlyList<MarcDiagnostic>?)_warnings ?? Array.Empty<MarcDiagnostic>();

        public bool HasWarnings => _warnings != null && _warnings.Count > 0;

        public void AddWarning(MarcDiagnostic warning)
        {
            if (warning == null) throw new ArgumentNullException(nameof(warning));
            (_warnings ??= new List<MarcDiagnostic>()).Add(warning);
        }

        public RecordKind Kind => _leader.Kind;

        /// <summary>The value of the 001 field, or null.</summary>
        public string? ControlNumber => (GetField("001") as ControlField)?.Value;

        /// <summary>The value of the 003 field (control number identifier, e.g. OCoLC), or null.</summary>
        public string? ControlNumberIdentifier => (GetField("003") as ControlField)?.Value;

        /// <summary>Title proper and remainder from 245 $a $b (and $n $p), or null when there is no 245.</summary>
        public string? Title
        {
            get
            {
                if (!(GetField("245") is DataField f)) return null;
                string t = string.Join(" ", f.GetValues('a', 'b', 'n', 'p')).Trim();
                return t.TrimEnd(' ', '/', ':', ';', ',', '=').Trim();
            }
        }

        /// <summary>The first field with the tag (or matching the pattern), or null: <c>record["245"]</c>.</summary>
        public MarcField? this[string tagPattern] => GetField(tagPattern);

        public MarcField? GetField(string tagPattern)
        {
            foreach (var f in Fields)
            {
                if (TagPattern.IsMatch(tagPattern, f.Tag)) return f;
            }
            return null;
        }

        /// <summary>Fields matching any of the patterns (<c>"245"</c>, <c>"6.."</c>, <c>"1XX"</c>), in record order; every field when none is given.</summary>
        public IList<MarcField> GetFields(params string[] tagPatterns)
        {
            var list = new List<MarcField>();
            foreach (var f in Fields)
            {
                if (TagPattern.IsMatchAny(tagPatterns, f.Tag)) list.Add(f);
            }
            return list;
        }

        /// <summary>Data fields matching any of the patterns, in record order.</summary>
        public IList<DataField> GetDataFields(params string[] tagPatterns)
        {
            var list = new List<DataField>();
            foreach (var f in Fields)
            {
                if (f is DataField d && TagPattern.IsMatchAny(tagPatterns, f.Tag)) list.Add(d);
            }
            return list;
        }

        /// <summary>The first value of subfield <paramref name="code"/> in the first field with that tag that has it.</summary>
        public string? GetValue(string tagPattern, char code)
        {
            foreach (var f in Fields)
            {
                if (f is DataField d && TagPattern.IsMatch(tagPattern, f.Tag))
                {
                    string? v = d.GetValue(code);
                    if (v != null) return v;
                }
            }
            return null;
        }

        /// <summary>A control field's value or a data field's text, for the first field matching the pattern.</summary>
        public string? GetValue(string tagPattern) => GetField(tagPattern)?.Text;

        /// <summary>Every value of subfield <paramref name="code"/> across all fields matching the pattern.</summary>
        public string[] GetValues(string tagPattern, char code)
        {
            var list = new List<string>();
            foreach (var f in Fields)
            {
                if (f is DataField d && TagPattern.IsMatch(tagPattern, f.Tag)) list.AddRange(d.GetValues(code));
            }
            return list.ToArray();
        }

        public MarcField AddField(MarcField field)
        {
            Fields.Add(field);
            return field;
        }

        public ControlField AddControlField(string tag, string value)
        {
            var f = new ControlField(tag, value);
            Fields.Add(f);
            return f;
        }

        /// <summary>Appends a data field: <c>AddDataField("650", " 0", "a", "Jazz", "v", "Scores.")</c>.</summary>
        public DataField AddDataField(string tag, string indicators, params string[] codesAndValues)
        {
            var f = new DataField(tag, indicators, codesAndValues);
            Fields.Add(f);
            return f;
        }

        public void InsertField(int index, MarcField field) => Fields.Insert(index, field);

        /// <summary>Inserts the field before the first field whose tag sorts after it, keeping tag order.</summary>
        public MarcField InsertFieldInOrder(MarcField field)
        {
            if (field == null) throw new ArgumentNullException(nameof(field));
            int i = 0;
            while (i < Fields.Count && string.CompareOrdinal(Fields[i].Tag, field.Tag) <= 0) i++;
            Fields.Insert(i, field);
            return field;
        }

        public bool RemoveField(MarcField field) => Fields.Remove(field);

        /// <summary>Removes every field matching any of the patterns; returns how many were removed.</summary>
        public int RemoveFields(params string[] tagPatterns)
        {
            if (tagPatterns == null || tagPatterns.Length == 0) return 0;
            int removed = 0;
            for (int i = Fields.Count - 1; i >= 0; i--)
            {
                if (TagPattern.IsMatchAny(tagPatterns, Fields[i].Tag))
                {
                    Fields.RemoveAt(i);
                    removed++;
                }
            }
            return removed;
        }

        /// <summary>Puts <paramref name="replacement"/> where <paramref name="existing"/> is.</summary>
        public void ReplaceField(MarcField existing, MarcField replacement)
        {
            int i = Fields.IndexOf(existing);
            if (i < 0) throw new ArgumentException("The field to replace is not in this record.", nameof(existing));
            Fields[i] = replacement;
        }

        /// <summary>A deep copy: changing the copy never changes this record. Origin and warnings are kept.</summary>
        public MarcRecord Clone()
        {
            var copy = new MarcRecord(_leader.Clone()) { Origin = Origin };
            foreach (var f in Fields) copy.Fields.Add(f.Clone());
            if (_warnings != null) copy._warnings = new List<MarcDiagnostic>(_warnings);
            return copy;
        }

        /// <summary>
        /// True when both records have the same leader and fields. Leader lengths (00-04, 12-16) are ignored
        /// unless <paramref name="compareLeaderLengths"/> is set, since they depend on serialisation.
        /// </summary>
        public bool ContentEquals(MarcRecord? other, bool compareLeaderLengths = false)
        {
            return other != null && Compare(other, compareLeaderLengths).Count == 0;
        }

        /// <summary>Lists how this record differs from <paramref name="other"/>, one line per difference.</summary>
        public IList<string> Compare(MarcRecord other, bool compareLeaderLengths = false)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            var diffs = new List<string>();
            string a = LeaderForCompare(_leader, compareLeaderLengths);
            string b = LeaderForCompare(other._leader, compareLeaderLengths);
            if (a != b) diffs.Add("LDR: '" + a + "' <> '" + b + "'");
            int n = Math.Max(Fields.Count, other.Fields.Count);
            for (int i = 0; i < n; i++)
            {
                MarcField? x = i < Fields.Count ? Fields[i] : null;
                MarcField? y = i < other.Fields.Count ? other.Fields[i] : null;
                if (x == null) diffs.Add("field " + (i + 1) + ": missing <> " + y!.ToMarcText());
                else if (y == null) diffs.Add("field " + (i + 1) + ": " + x.ToMarcText() + " <> missing");
                else if (!x.ContentEquals(y)) diffs.Add("field " + (i + 1) + ": " + x.ToMarcText() + " <> " + y.ToMarcText());
            }
            return diffs;
        }

        /// <summary>The record in MarcEdit-style text: <c>=LDR  …</c>, <c>=001  …</c>, <c>=245  10$a…</c>.</summary>
        public string ToMarcText()
        {
            var sb = new StringBuilder();
            sb.Append("=LDR  ").Append(_leader.ToString().Replace(' ', '\\'));
            foreach (var f in Fields) sb.Append('\n').Append(f.ToMarcText());
            return sb.ToString();
        }

        public override string ToString() => ToMarcText();

        internal void AddWarnings(List<MarcDiagnostic>? warnings)
        {
            if (warnings == null || warnings.Count == 0) return;
            (_warnings ??= new List<MarcDiagnostic>()).AddRange(warnings);
        }

        private static string LeaderForCompare(Leader leader, bool withLengths)
        {
            string s = leader.ToString();
            if (withLengths) return s;
            return "#####" + s.Substring(5, 7) + "#####" + s.Substring(17);
        }
    }
}

using System;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>A variable field: a <see cref="ControlField"/> (tags 00X) or a <see cref="DataField"/>.</summary>
    public abstract class MarcField
    {
        private string _tag;

        protected MarcField(string tag, bool validate)
        {
            if (validate) CheckTag(tag, IsControlField); // IsControlField is a constant in each subclass
            _tag = tag;
        }

        /// <summary>The three-character tag; alphanumeric tags such as <c>CAT</c> are allowed.</summary>
        public string Tag
        {
            get => _tag;
            set
            {
                CheckTag(value, IsControlField);
                _tag = value;
            }
        }

        public abstract bool IsControlField { get; }

        public bool IsDataField => !IsControlField;

        /// <summary>
        /// The first value of subfield <paramref name="code"/>; null for control fields or when absent. Setting it
        /// replaces that value (or adds the subfield); setting null removes the subfield. A control field has no
        /// subfields to set.
        /// </summary>
        public virtual string? this[string code]
        {
            get => null;
            set => throw new InvalidOperationException("Field " + Tag + " is a control field: it has no subfields. Set its Value instead.");
        }

        /// <summary>The field's text: a control field's value, a data field's subfield values joined by blanks.</summary>
        public abstract string Text { get; }

        /// <summary>True when the tag matches the pattern (see <see cref="TagPattern"/>).</summary>
        public bool IsMatch(string tagPattern) => TagPattern.IsMatch(tagPattern, _tag);

        /// <summary>A tag is a control field tag when it starts with "00" (001-009 and alphanumeric 00X).</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool IsControlTag(string tag) => tag != null && tag.Length == 3 && tag[0] == '0' && tag[1] == '0';

        /// <summary>Three printable ASCII characters other than blank: what MARC-in-JSON can carry as a tag.</summary>
        public static bool IsPrintableTag(string tag)
        {
            if (tag == null || tag.Length != 3) return false;
            foreach (char c in tag)
            {
                if (c <= ' ' || c > '~') return false;
            }
            return true;
        }

        /// <summary>
        /// True when the field's kind is the one its tag implies (00X control, the rest data). ISO 2709 and MarcEdit
        /// text tell the kinds apart by the tag alone, so a field read from MARCXML or JSON as the other kind cannot
        /// be written there and read back the same.
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool KindMatchesTag(MarcField field) => (field is ControlField) == IsControlTag(field.Tag);

        /// <summary>Why a field whose kind contradicts its tag cannot be written where the tag decides the kind.</summary>
        internal static string DescribeKindMismatch(MarcField f) => f is ControlField
            ? "Field " + f.Tag + " is a control field, but " + f.Tag + " is a data field tag: read back it would become a data field (give it a 00X tag, or make it a data field)."
            : "Field " + f.Tag + " is a data field, but " + f.Tag + " is a control field tag: read back it would become a control field (give it a data field tag, or make it a control field).";

        public abstract MarcField Clone();

        /// <summary>True when both fields have the same tag, indicators and content.</summary>
        public abstract bool ContentEquals(MarcField? other);

        /// <summary>The field as catalogers write it: <c>=245  10$aTitle :$bsubtitle</c> (blank shown as \).</summary>
        public abstract string ToMarcText();

        public override string ToString() => ToMarcText();

        internal static char BlankAsBackslash(char c) => c == ' ' ? '\\' : c;

        private static void CheckTag(string tag, bool control)
        {
            if (tag == null) throw new ArgumentNullException(nameof(tag));
            if (tag.Length != 3)
                throw new ArgumentException("A tag has three characters; '" + tag + "' has " + tag.Length + ".", nameof(tag));
            foreach (char c in tag)
            {
                if (c <= ' ' || c > '~')
                    throw new ArgumentException("Tag '" + tag + "' contains a character that is not printable ASCII.", nameof(tag));
            }
            if (IsControlTag(tag) != control)
            {
                throw new ArgumentException(control
                    ? "Tag '" + tag + "' is a data field tag; control fields use tags 001-009 (00X)."
                    : "Tag '" + tag + "' is a control field tag (00X); data fields cannot use it.", nameof(tag));
            }
        }
    }
}

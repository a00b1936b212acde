using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>What a format defines for one tag: repeatability, indicator values, subfield codes (from the table files).</summary>
    public sealed class FieldDefinition
    {
        private readonly string? _indicator1;
        private readonly string? _indicator2;
        private readonly bool[]? _subfieldDefined;
        private readonly bool[]? _subfieldRepeatable;

        internal FieldDefinition(string tag, bool repeatable, string? indicator1, string? indicator2, bool[]? subfieldDefined,
            bool[]? subfieldRepeatable, bool obsolete, string name)
        {
            Tag = tag;
            IsRepeatable = repeatable;
            _indicator1 = indicator1;
            _indicator2 = indicator2;
            _subfieldDefined = subfieldDefined;
            _subfieldRepeatable = subfieldRepeatable;
            IsObsolete = obsolete;
            Name = name;
        }

        public string Tag { get; }

        public string Name { get; }

        public bool IsRepeatable { get; }

        public bool IsObsolete { get; }

        /// <summary>True when the table lists the field's indicators and subfields (false for control fields, 880, bare entries).</summary>
        public bool HasContentRules => _subfieldDefined != null;

        /// <summary>The allowed values of indicator 1 or 2 (blank as '#'), or null when they are not checked.</summary>
        public string? AllowedIndicators(int position) => position == 1 ? _indicator1 : _indicator2;

        [MethodImpl(Iso2709Constants.HotPath)]
        public bool IsIndicatorAllowed(int position, char value)
        {
            string? allowed = AllowedIndicators(position);
            return allowed == null || allowed.IndexOf(value == ' ' ? '#' : value) >= 0;
        }

        /// <summary>True when the code is defined for the field (or subfields are not checked).</summary>
        public bool IsSubfieldDefined(char code) => _subfieldDefined == null || (code < 128 && _subfieldDefined[code]);

        public bool IsSubfieldRepeatable(char code) => _subfieldRepeatable == null || (code < 128 && _subfieldRepeatable[code]);
    }
}

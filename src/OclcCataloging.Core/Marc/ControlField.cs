using System;

namespace OclcCataloging.Marc
{
    /// <summary>A control field (001-009): a tag and a value, no indicators or subfields.</summary>
    public sealed class ControlField : MarcField
    {
        private LazyText _value;

        public ControlField(string tag, string value) : base(tag, validate: true)
        {
            _value = new LazyText(value ?? throw new ArgumentNullException(nameof(value)));
        }

        internal ControlField(string tag, byte[] buffer, int offset, int count, MarcTextCodec codec) : base(tag, validate: false)
        {
            _value = new LazyText(buffer, offset, count, codec);
        }

        internal ControlField(string tag, RecordBytes raw, int offset, int count) : base(tag, validate: false)
        {
            _value = new LazyText(raw, offset, count);
        }

        internal ControlField(string tag, string value, bool validate) : base(tag, validate)
        {
            _value = new LazyText(value);
        }

        private ControlField(ControlField source) : base(source.Tag, validate: false)
        {
            _value = source._value;
        }

        public override bool IsControlField => true;

        public string Value
        {
            get => _value.Get();
            set => _value.Set(value);
        }

        public override string Text => Value;

        internal ref LazyText RawValue => ref _value;

        public override MarcField Clone() => new ControlField(this);

        public override bool ContentEquals(MarcField? other)
        {
            return other is ControlField c && c.Tag == Tag && c.Value == Value;
        }

        public override string ToMarcText()
        {
            return "=" + Tag + "  " + Value.Replace(' ', '\\');
        }
    }
}

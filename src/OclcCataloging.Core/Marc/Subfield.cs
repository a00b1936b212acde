using System;

namespace OclcCataloging.Marc
{
    /// <summary>A subfield: a one-character code and its value.</summary>
    public sealed class Subfield
    {
        /// <summary>
        /// The code of a pseudo-subfield holding data that stood before the first subfield delimiter in a
        /// damaged field. It is kept so nothing is lost, and written back without a delimiter.
        /// </summary>
        public const char NoCode = '\0';

        /// <summary>
        /// Whether the subfield at <paramref name="index"/> of a field is written after a subfield delimiter. Only the
        /// data before the first delimiter has none; a <see cref="NoCode"/> subfield anywhere else was read from a
        /// delimiter followed by a NUL code byte and is written back the same way, so the field keeps its shape.
        /// </summary>
        public static bool IsWrittenWithDelimiter(int index, char code) => code != NoCode || index > 0;

        private LazyText _value;

        public Subfield(char code, string value)
        {
            Code = code;
            _value = new LazyText(value ?? throw new ArgumentNullException(nameof(value)));
        }

        internal Subfield(char code, byte[] buffer, int offset, int count, MarcTextCodec codec)
        {
            Code = code;
            _value = new LazyText(buffer, offset, count, codec);
        }

        internal Subfield(char code, RecordBytes raw, int offset, int count)
        {
            Code = code;
            _value = new LazyText(raw, offset, count);
        }

        private Subfield(Subfield source)
        {
            Code = source.Code;
            _value = source._value;
        }

        public char Code { get; set; }

        public string Value
        {
            get => _value.Get();
            set => _value.Set(value);
        }

        internal ref LazyText RawValue => ref _value;

        public Subfield Clone() => new Subfield(this);

        public override string ToString() => Code == NoCode ? Value : "$" + Code + Value;
    }
}

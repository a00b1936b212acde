using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// Text that may still be the bytes it was read from. The bytes stay authoritative until the value is
    /// set, so unmodified data is written back exactly as read, even when it does not decode cleanly.
    /// </summary>
    internal struct LazyText
    {
        private string? _text;
        private RecordBytes? _raw;
        private int _offset;
        private int _count;

        public LazyText(string text)
        {
            _text = text;
            _raw = null;
            _offset = 0;
            _count = 0;
        }

        public LazyText(byte[] buffer, int offset, int count, MarcTextCodec codec) : this(new RecordBytes(buffer, codec), offset, count) { }

        public LazyText(RecordBytes raw, int offset, int count)
        {
            _text = null;
            _raw = raw;
            _offset = offset;
            _count = count;
        }

        public string Get()
        {
            if (_text == null) _text = _raw!.Codec.Decode(_raw.Buffer, _offset, _count);
            return _text;
        }

        public void Set(string value)
        {
            _text = value ?? throw new System.ArgumentNullException(nameof(value));
            _raw = null;
        }

        public bool IsRaw => _raw != null;

        public int RawCount => _count;

        /// <summary>The original bytes, when they are still authoritative and in <paramref name="codec"/>.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public bool TryGetRaw(MarcTextCodec codec, out byte[] buffer, out int offset, out int count)
        {
            if (_raw != null && ReferenceEquals(_raw.Codec, codec))
            {
                buffer = _raw.Buffer;
                offset = _offset;
                count = _count;
                return true;
            }
            buffer = null!;
            offset = 0;
            count = 0;
            return false;
        }

        /// <summary>The bytes of the value in <paramref name="codec"/>: the original ones when possible.</summary>
        public byte[] GetBytes(MarcTextCodec codec)
        {
            if (TryGetRaw(codec, out byte[] b, out int o, out int c))
            {
                var copy = new byte[c];
                System.Buffer.BlockCopy(b, o, copy, 0, c);
                return copy;
            }
            return codec.Encode(Get());
        }
    }
}

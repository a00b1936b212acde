using System.Runtime.CompilerServices;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Finds out, without encoding it, whether a record read from ISO 2709 would be written back as exactly the bytes
    /// it was read from; then the writer copies those bytes in one piece instead of rebuilding the directory field by
    /// field. The answer is yes only when every byte the encoder would produce is proven equal to the original: the
    /// leader unchanged and its length and base address right, every field the one read at that directory position
    /// (same tag, same indicators, its subfields or value never touched), the fields stored in directory order with no
    /// gaps, and the text still in the codec the writer would use. Anything else is encoded as always, so the output
    /// is the same either way; only the work differs. See docs/design/iso2709-writing.md.
    /// </summary>
    internal static class Iso2709OriginalBytes
    {
        [MethodImpl(HotPath)]
        public static bool TryGet(MarcRecord record, MarcTextCodec codec, out byte[] original)
        {
            original = null!;
            FieldCollection fields = record.Fields;
            int n = fields.Count;
            if (n == 0 || !TryGetBuffer(fields[0], codec, out byte[] b)) return false;

            int length = b.Length;
            int baseAddress = LeaderLength + EntryLength * n + 1;
            if (length < baseAddress + 1 || b[length - 1] != RecordTerminator || b[baseAddress - 1] != FieldTerminator) return false;
            if (!record.Leader.Matches(b)) return false;
            if (Digits5(b, 0) != length || Digits5(b, 12) != baseAddress) return false;

            int expectedStart = 0;
            for (int i = 0; i < n; i++)
            {
                int entry = LeaderLength + EntryLength * i;
                int fieldLength = Digits4(b, entry + 3);
                if (fieldLength < 1 || Digits5(b, entry + 7) != expectedStart) return false;
                int start = baseAddress + expectedStart;
                int end = start + fieldLength; // one past the field terminator
                if (end > length - 1 || b[end - 1] != FieldTerminator) return false;

                MarcField f = fields[i];
                string tag = f.Tag;
                if (tag.Length != 3 || tag[0] != b[entry] || tag[1] != b[entry + 1] || tag[2] != b[entry + 2] || !MarcField.KindMatchesTag(f)) return false;
                if (!IsOriginalField(f, codec, b, start, fieldLength - 1)) return false;
                expectedStart += fieldLength;
            }
            if (baseAddress + expectedStart != length - 1) return false;
            original = b;
            return true;
        }

        private static bool TryGetBuffer(MarcField first, MarcTextCodec codec, out byte[] buffer)
        {
            if (first is DataField d) return d.TryGetRawSubfields(codec, out buffer, out _, out _);
            return ((ControlField)first).RawValue.TryGetRaw(codec, out buffer, out _, out _);
        }

        /// <summary>The field's content (between its start and its terminator) is b[start..start+count) untouched.</summary>
        [MethodImpl(HotPath)]
        private static bool IsOriginalField(MarcField f, MarcTextCodec codec, byte[] b, int start, int count)
        {
            byte[] buffer;
            int offset, rawCount;
            if (f is DataField d)
            {
                if (count < 2 || d.Indicator1 != b[start] || d.Indicator2 != b[start + 1]) return false;
                if (Iso2709Encoder.IsSeparator(b[start]) || Iso2709Encoder.IsSeparator(b[start + 1])) return false;
                if (!d.TryGetRawSubfields(codec, out buffer, out offset, out rawCount)) return false;
                return ReferenceEquals(buffer, b) && offset == start + 2 && rawCount == count - 2;
            }
            if (!((ControlField)f).RawValue.TryGetRaw(codec, out buffer, out offset, out rawCount)) return false;
            return ReferenceEquals(buffer, b) && offset == start && rawCount == count;
        }
    }
}

using System;
using System.Text;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// The character conversions the text formats need (MARC-in-JSON and .mrk8 are Unicode; .mrk mnemonics stand
    /// for MARC-8 bytes): one place that calls the MARC-8 codec.
    /// </summary>
    internal static class MarcTextEncoding
    {
        /// <summary>True when every character of the record's leader and data is ASCII.</summary>
        public static bool IsAscii(MarcRecord record)
        {
            foreach (MarcField f in record.Fields)
            {
                if (f is ControlField c)
                {
                    if (!IsAscii(c.Value)) return false;
                }
                else
                {
                    foreach (Subfield s in ((DataField)f).Subfields)
                    {
                        if (!IsAscii(s.Value)) return false;
                    }
                }
            }
            return true;
        }

        public static bool IsAscii(string s)
        {
            foreach (char c in s)
            {
                if (c >= 0x80) return false;
            }
            return true;
        }

        /// <summary>A UTF-8 copy of a record (leader/09 'a'); MARC-8 problems become warnings on the copy.</summary>
        public static MarcRecord ToUnicode(MarcRecord record) => MarcEncodingConverter.ToUnicode(record);

        /// <summary>A MARC-8 copy of a record (leader/09 blank); characters MARC-8 lacks become <c>&amp;#xXXXX;</c>.</summary>
        public static MarcRecord ToMarc8(MarcRecord record) => MarcEncodingConverter.ToMarc8(record);

        /// <summary>
        /// The MARC-8 bytes (as characters U+0000-U+00FF) for one Unicode code point given as <c>{uXXXX}</c> in a
        /// MARC-8 .mrk record: its MARC-8 form (with escape sequences when it is in another set, e.g. Greek), or LC's
        /// numeric character reference <c>&amp;#xXXXX;</c> when MARC-8 lacks it, which the MARC-8 decoder turns back
        /// into the character.
        /// </summary>
        public static string CodePointToMarc8(int codePoint)
        {
            if (codePoint < 0x80) return ((char)codePoint).ToString();
            byte[] bytes = Marc8Encoder.Encode(char.ConvertFromUtf32(codePoint));
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}

using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// LC MARCMaker / MARCBreaker character mnemonics (http://www.loc.gov/marc/makrbrkr.html, as implemented by
    /// MARC::File::MARCMaker), with the MARC-8 byte each stands for in .mrk and the Unicode text in .mrk8.
    /// Bytes without a name are written <c>{XX}</c> (hex); MarcEdit's <c>{uXXXX}</c> names a Unicode code point.
    /// </summary>
    public static class MrkMnemonics
    {
        private static readonly Dictionary<string, Entry> ByName = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private static readonly string?[] NameByByte = new string?[256];

        private struct Entry
        {
            public Entry(byte b, string unicode) { Byte = b; Unicode = unicode; }
            public byte Byte;
            public string Unicode;
        }

        static MrkMnemonics()
        {
            // Written names first (the one MARCBreaker writes for a byte), then alternative names accepted on reading.
            Add("esc", 0x1B, "\u001B");
            Add("dollar", 0x24, "$");
            Add("bsol", 0x5C, "\\");
            Add("lcub", 0x7B, "{");
            Add("rcub", 0x7D, "}");
            Add("joiner", 0x8D, "\u200D");
            Add("nonjoin", 0x8E, "\u200C");
            Add("Lstrok", 0xA1, "\u0141");
            Add("Ostrok", 0xA2, "\u00D8");
            Add("Dstrok", 0xA3, "\u0110");
            Add("THORN", 0xA4, "\u00DE");
            Add("AElig", 0xA5, "\u00C6");
            Add("OElig", 0xA6, "\u0152");
            Add("softsign", 0xA7, "\u02B9");
            Add("middot", 0xA8, "\u00B7");
            Add("flat", 0xA9, "\u266D");
            Add("reg", 0xAA, "\u00AE");
            Add("plusmn", 0xAB, "\u00B1");
            Add("Ohorn", 0xAC, "\u01A0");
            Add("Uhorn", 0xAD, "\u01AF");
            Add("mlrhring", 0xAE, "\u02BC");
            Add("mllhring", 0xB0, "\u02BB");
            Add("lstrok", 0xB1, "\u0142");
            Add("ostrok", 0xB2, "\u00F8");
            Add("dstrok", 0xB3, "\u0111");
            Add("thorn", 0xB4, "\u00FE");
            Add("aelig", 0xB5, "\u00E6");
            Add("oelig", 0xB6, "\u0153");
            Add("hardsign", 0xB7, "\u02BA");
            Add("inodot", 0xB8, "\u0131");
            Add("pound", 0xB9, "\u00A3");
            Add("eth", 0xBA, "\u00F0");
            Add("ohorn", 0xBC, "\u01A1");
            Add("uhorn", 0xBD, "\u01B0");
            Add("deg", 0xC0, "\u00B0");
            Add("scriptl", 0xC1, "\u2113");
            Add("phono", 0xC2, "\u2117");
            Add("copy", 0xC3, "\u00A9");
            Add("sharp", 0xC4, "\u266F");
            Add("iquest", 0xC5, "\u00BF");
            Add("iexcl", 0xC6, "\u00A1");
            Add("hooka", 0xE0, "\u0309");
            Add("grave", 0xE1, "\u0300");
            Add("acute", 0xE2, "\u0301");
            Add("circ", 0xE3, "\u0302");
            Add("tilde", 0xE4, "\u0303");
            Add("macr", 0xE5, "\u0304");
            Add("breve", 0xE6, "\u0306");
            Add("dot", 0xE7, "\u0307");
            Add("uml", 0xE8, "\u0308");
            Add("caron", 0xE9, "\u030C");
            Add("ring", 0xEA, "\u030A");
            Add("llig", 0xEB, "\uFE20");
            Add("rlig", 0xEC, "\uFE21");
            Add("rcommaa", 0xED, "\u0315");
            Add("dblac", 0xEE, "\u030B");
            Add("candra", 0xEF, "\u0310");
            Add("cedil", 0xF0, "\u0327");
            Add("ogon", 0xF1, "\u0328");
            Add("dotb", 0xF2, "\u0323");
            Add("dbldotb", 0xF3, "\u0324");
            Add("ringb", 0xF4, "\u0325");
            Add("dblunder", 0xF5, "\u0333");
            Add("under", 0xF6, "\u0332");
            Add("commab", 0xF7, "\u0326");
            Add("rcedil", 0xF8, "\u031C");
            Add("breveb", 0xF9, "\u032E");
            Add("ldbltil", 0xFA, "\uFE22");
            Add("rdbltil", 0xFB, "\uFE23");
            Add("commaa", 0xFE, "\u0313");

            // Alternatives accepted on reading.
            Alias("curren", 0x24, "$");
            Alias("diaer", 0xE8, "\u0308");
            Alias("eszett", 0xC7, "\u00DF");
            Alias("szlig", 0xC7, "\u00DF");
            Alias("euro", 0xC8, "\u20AC");
        }

        private static void Add(string name, byte b, string unicode)
        {
            ByName[name] = new Entry(b, unicode);
            NameByByte[b] = name;
        }

        private static void Alias(string name, byte b, string unicode) => ByName[name] = new Entry(b, unicode);

        /// <summary>The mnemonic MARCBreaker writes for a MARC-8 byte (without braces), or null when it has none.</summary>
        public static string? NameOf(byte marc8Byte) => NameByByte[marc8Byte];

        /// <summary>The MARC-8 byte a mnemonic name stands for.</summary>
        public static bool TryGetByte(string name, out byte marc8Byte)
        {
            if (ByName.TryGetValue(name, out Entry e))
            {
                marc8Byte = e.Byte;
                return true;
            }
            marc8Byte = 0;
            return false;
        }

        /// <summary>The Unicode text a mnemonic name stands for in .mrk8.</summary>
        public static bool TryGetUnicode(string name, out string text)
        {
            if (ByName.TryGetValue(name, out Entry e))
            {
                text = e.Unicode;
                return true;
            }
            text = string.Empty;
            return false;
        }

        /// <summary>Every mnemonic name (written and alternative) with its MARC-8 byte.</summary>
        public static IEnumerable<KeyValuePair<string, byte>> All
        {
            get
            {
                foreach (var kv in ByName) yield return new KeyValuePair<string, byte>(kv.Key, kv.Value.Byte);
            }
        }
    }
}

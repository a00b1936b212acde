namespace OclcCataloging.Marc
{
    /// <summary>
    /// The MARC-8 graphic character sets (MARC 21 Specifications, Character Sets, Part 2). Each value is the final
    /// character of the set's ISO 2022 escape sequence (LC's <c>ISOcode</c> in codetables.xml).
    /// </summary>
    public enum Marc8CharacterSet : byte
    {
        /// <summary>Basic Latin (ASCII), <c>ESC ( B</c> or <c>ESC s</c>. The default G0 set.</summary>
        BasicLatin = 0x42,
        /// <summary>Extended Latin (ANSEL), <c>ESC ) ! E</c>. The default G1 set.</summary>
        ExtendedLatin = 0x45,
        /// <summary>Greek symbols (alpha, beta, gamma), <c>ESC g</c>.</summary>
        GreekSymbols = 0x67,
        /// <summary>Subscripts, <c>ESC b</c>.</summary>
        Subscripts = 0x62,
        /// <summary>Superscripts, <c>ESC p</c>.</summary>
        Superscripts = 0x70,
        /// <summary>Basic Hebrew, <c>ESC ( 2</c>.</summary>
        BasicHebrew = 0x32,
        /// <summary>Basic Cyrillic, <c>ESC ( N</c>.</summary>
        BasicCyrillic = 0x4E,
        /// <summary>Extended Cyrillic, <c>ESC ( Q</c>.</summary>
        ExtendedCyrillic = 0x51,
        /// <summary>Basic Arabic, <c>ESC ( 3</c>.</summary>
        BasicArabic = 0x33,
        /// <summary>Extended Arabic, <c>ESC ( 4</c>.</summary>
        ExtendedArabic = 0x34,
        /// <summary>Basic Greek, <c>ESC ( S</c>.</summary>
        BasicGreek = 0x53,
        /// <summary>East Asian Character Code (EACC, CJK), three bytes per character, <c>ESC $ 1</c>.</summary>
        Eacc = 0x31,
    }
}

namespace OclcCataloging.Marc
{
    /// <summary>What <see cref="Marc8Encoder"/> writes for a character MARC-8 cannot express.</summary>
    public enum Marc8UnmappablePolicy
    {
        /// <summary>
        /// Lossless (default): LC's numeric character reference <c>&amp;#xXXXX;</c> (upper-case hex, at least four
        /// digits), which <see cref="Marc8Decoder"/> decodes back. Reported as <c>Marc8CharacterReference</c>.
        /// </summary>
        CharacterReference = 0,

        /// <summary>
        /// Lossy: the character is replaced by <see cref="Marc8EncoderOptions.Replacement"/> (after trying its canonical
        /// decomposition, so a precomposed letter with an unmappable mark keeps its base letter). Each substitution is
        /// reported as <c>CharacterNotEncodable</c>.
        /// </summary>
        Replace,
    }

    /// <summary>Settings for <see cref="Marc8Encoder"/>.</summary>
    public sealed class Marc8EncoderOptions
    {
        public Marc8UnmappablePolicy Unmappable { get; set; } = Marc8UnmappablePolicy.CharacterReference;

        /// <summary>Text written for an unmappable character with <see cref="Marc8UnmappablePolicy.Replace"/> (default "?"; may be empty).</summary>
        public string Replacement { get; set; } = "?";

        internal static readonly Marc8EncoderOptions Default = new Marc8EncoderOptions();
    }
}

namespace OclcCataloging.Marc
{
    /// <summary>
    /// The MARC-8 escape state: which character set is designated as G0 (bytes 0x21-0x7E) and which as G1
    /// (bytes 0xA1-0xFE). <see cref="Default"/> (G0 Basic Latin, G1 Extended Latin) holds at the start of every
    /// field. The state is carried across subfield delimiters within a field (see <see cref="Marc8Decoder"/>).
    /// </summary>
    public readonly struct Marc8State : System.IEquatable<Marc8State>
    {
        public Marc8State(Marc8CharacterSet g0, Marc8CharacterSet g1)
        {
            G0 = g0;
            G1 = g1;
        }

        /// <summary>G0 Basic Latin (ASCII), G1 Extended Latin (ANSEL).</summary>
        public static Marc8State Default => new Marc8State(Marc8CharacterSet.BasicLatin, Marc8CharacterSet.ExtendedLatin);

        public Marc8CharacterSet G0 { get; }

        public Marc8CharacterSet G1 { get; }

        /// <summary>True for the default state (a zero-initialised value counts as default too).</summary>
        public bool IsDefault => (G0 == Marc8CharacterSet.BasicLatin || G0 == 0) && (G1 == Marc8CharacterSet.ExtendedLatin || G1 == 0);

        internal Marc8State Normalized => new Marc8State(G0 == 0 ? Marc8CharacterSet.BasicLatin : G0, G1 == 0 ? Marc8CharacterSet.ExtendedLatin : G1);

        public bool Equals(Marc8State other) => Normalized.G0 == other.Normalized.G0 && Normalized.G1 == other.Normalized.G1;

        public override bool Equals(object? obj) => obj is Marc8State s && Equals(s);

        public override int GetHashCode() => ((int)Normalized.G0 << 8) | (int)Normalized.G1;

        public override string ToString() => "G0=" + Normalized.G0 + ", G1=" + Normalized.G1;
    }
}

using System.Collections.Generic;

namespace OclcCataloging.Search.Keys
{
    /// <summary>Splits a key into tokens: words, "quoted phrases", and label:value pieces (ti:word, ti:"a phrase", ti: word).</summary>
    internal static class KeyTokenizer
    {
        /// <summary>Returns the tokens, or sets <paramref name="error"/> (e.g. an unclosed quote) and returns null.</summary>
        public static List<KeyToken>? Tokenize(string text, out string? error)
        {
            error = null;
            var tokens = new List<KeyToken>();
            int i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i])) { i++; continue; }
                string? label = null;
                if (text.Length - i >= 3 && IsAsciiLetter(text[i]) && IsAsciiLetter(text[i + 1]) && text[i + 2] == ':')
                {
                    label = text.Substring(i, 2).ToLowerInvariant();
                    i += 3;
                    while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                }
                if (i < text.Length && text[i] == '"')
                {
                    int close = text.IndexOf('"', i + 1);
                    if (close < 0) { error = "the quote opened at position " + (i + 1) + " is not closed"; return null; }
                    tokens.Add(new KeyToken(label, text.Substring(i + 1, close - i - 1), quoted: true));
                    i = close + 1;
                    continue;
                }
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
                tokens.Add(new KeyToken(label, text.Substring(start, i - start), quoted: false));
            }
            return tokens;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

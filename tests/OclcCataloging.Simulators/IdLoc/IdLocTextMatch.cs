using System.Globalization;
using System.Text;

namespace OclcCataloging.Simulators.IdLoc;

/// <summary>How the simulated suggest2 compares text: case- and diacritic-insensitive, word prefixes for keywords.</summary>
public static class IdLocTextMatch
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in Fold(text))
        {
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>Every query word is the start of a word of the text.</summary>
    public static bool KeywordMatch(string query, string text)
    {
        var words = Words(text);
        var queryWords = Words(query);
        return queryWords.Count > 0 && queryWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
    }

    public static bool LeftAnchoredMatch(string query, string label) =>
        Fold(label).StartsWith(Fold(query).Trim(), StringComparison.Ordinal);

    /// <summary>The label service: the whole string must match (case and Unicode form aside).</summary>
    public static bool SameLabel(string a, string b) =>
        string.Equals(a.Normalize(NormalizationForm.FormC).Trim(), b.Normalize(NormalizationForm.FormC).Trim(), StringComparison.OrdinalIgnoreCase);
}

using System.Text;
using System.Text.RegularExpressions;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>A query the simulator could not parse or refuses; Detail is the API's detail text.</summary>
public sealed class WorldCatQueryException(string type, string detail) : Exception(detail)
{
    public string Type { get; } = type;
    public string Detail { get; } = detail;
}

/// <summary>
/// The subset of WorldCat's q= syntax the simulator understands: label:word terms (bare words keep the previous
/// label, else kw), "quoted phrases", * and ? right truncation, # one character, AND/OR/NOT evaluated left to
/// right, parentheses. Number indexes (no, bn, in, ln) compare whole normalised numbers.
/// </summary>
public sealed class WorldCatQuery
{
    /// <summary>Indexes the API refuses unless combined with another (spec example invalid-query-parameter-bad-index).</summary>
    public static readonly string[] NotAllowedAlone = { "dd", "yr", "li", "ln", "ll", "mt", "cs", "x0", "x4" };

    private static readonly string NotAllowedList = "[" + string.Join(", ", NotAllowedAlone.SelectMany(l => new[] { l + "=", l + ":" })) + "]";

    private readonly Node _root;

    private WorldCatQuery(Node root) { _root = root; }

    public bool Matches(SimulatedBib bib) => _root.Matches(bib);

    public static WorldCatQuery Parse(string q, ISet<string>? notAllowedAlone = null)
    {
        var tokens = Tokenize(q);
        int pos = 0;
        var terms = new List<TermNode>();
        string? lastLabel = null;
        var root = ParseExpression(tokens, ref pos, terms, ref lastLabel, 0);
        if (pos < tokens.Count) throw new WorldCatQueryException("SYNTAX_ERROR", "Unexpected '" + tokens[pos] + "' in query.");
        var refused = notAllowedAlone ?? new HashSet<string>(NotAllowedAlone);
        if (terms.Count > 0 && terms.All(t => refused.Contains(t.Label)))
            throw new WorldCatQueryException("INVALID_QUERY_PARAMETER_VALUE",
                "Search term '" + terms[0].Source + "' is invalid. Following indexes are not allowed: " + NotAllowedList);
        return new WorldCatQuery(root);
    }

    private static Node ParseExpression(List<string> tokens, ref int pos, List<TermNode> terms, ref string? lastLabel, int depth)
    {
        if (depth > 20) throw new WorldCatQueryException("SYNTAX_ERROR", "Query nested too deeply.");
        var left = ParseOperand(tokens, ref pos, terms, ref lastLabel, depth);
        while (pos < tokens.Count && tokens[pos] != ")")
        {
            string op = "AND";
            if (tokens[pos] is "AND" or "OR" or "NOT") { op = tokens[pos]; pos++; lastLabel = null; }
            var right = ParseOperand(tokens, ref pos, terms, ref lastLabel, depth);
            left = new BinaryNode(op, left, right);
        }
        return left;
    }

    private static Node ParseOperand(List<string> tokens, ref int pos, List<TermNode> terms, ref string? lastLabel, int depth)
    {
        if (pos >= tokens.Count) throw new WorldCatQueryException("SYNTAX_ERROR", "The query ends where a search term was expected.");
        var token = tokens[pos++];
        if (token == "(")
        {
            var inner = ParseExpression(tokens, ref pos, terms, ref lastLabel, depth + 1);
            if (pos >= tokens.Count || tokens[pos] != ")") throw new WorldCatQueryException("SYNTAX_ERROR", "Missing ')' in query.");
            pos++;
            return inner;
        }
        if (token is ")" or "AND" or "OR" or "NOT") throw new WorldCatQueryException("SYNTAX_ERROR", "Unexpected '" + token + "' in query.");
        var m = Regex.Match(token, "^([A-Za-z][A-Za-z0-9])[:=](.*)$", RegexOptions.Singleline);
        string label = m.Success ? m.Groups[1].Value.ToLowerInvariant() : lastLabel ?? "kw";
        string value = m.Success ? m.Groups[2].Value : token;
        if (value.Length == 0) throw new WorldCatQueryException("SYNTAX_ERROR", "Search term '" + token + "' has no value.");
        lastLabel = label;
        var term = new TermNode(label, value, token);
        terms.Add(term);
        return term;
    }

    private static List<string> Tokenize(string q)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < q.Length)
        {
            char c = q[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            var sb = new StringBuilder();
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] is not '(' and not ')')
            {
                if (q[i] == '"')
                {
                    int close = q.IndexOf('"', i + 1);
                    if (close < 0) throw new WorldCatQueryException("SYNTAX_ERROR", "Unbalanced quotes in query.");
                    sb.Append(q, i, close - i + 1);
                    i = close + 1;
                    continue;
                }
                sb.Append(q[i++]);
            }
            tokens.Add(sb.ToString());
        }
        return tokens;
    }

    private abstract class Node
    {
        public abstract bool Matches(SimulatedBib bib);
    }

    private sealed class BinaryNode(string op, Node left, Node right) : Node
    {
        public override bool Matches(SimulatedBib bib) => op switch
        {
            "OR" => left.Matches(bib) || right.Matches(bib),
            "NOT" => left.Matches(bib) && !right.Matches(bib),
            _ => left.Matches(bib) && right.Matches(bib),
        };
    }

    private sealed class TermNode : Node
    {
        private readonly bool _phrase;
        private readonly string[] _words;
        private readonly Regex[] _patterns;

        public TermNode(string label, string value, string source)
        {
            Label = label;
            Source = source;
            _phrase = value.Length > 1 && value.StartsWith('"') && value.EndsWith('"');
            if (_phrase) value = value[1..^1];
            _words = Words(value).ToArray();
            _patterns = _words.Select(ToPattern).ToArray();
        }

        public string Label { get; }

        public string Source { get; }

        public override bool Matches(SimulatedBib bib)
        {
            if (_words.Length == 0) return false;
            switch (Label)
            {
                case "no": return Numbers(bib.OclcNumber.ToString()).Concat(bib.MergedOclcNumbers.Select(n => n.ToString())).Any(Same);
                case "bn": return bib.Isbns.Any(Same);
                case "in": return bib.Issn != null && Same(bib.Issn);
                case "ln": return bib.Lccn != null && Same(bib.Lccn);
                case "yr": return _patterns[0].IsMatch(bib.Date);
            }
            string? text = Label switch
            {
                "ti" => bib.Title,
                "au" => bib.Author,
                "su" => string.Join(" ", bib.Subjects),
                "kw" => string.Join(" ", new[] { bib.Title, bib.Author, bib.Publisher }.Concat(bib.Subjects).Where(s => s != null)),
                _ => null,
            };
            if (text == null) return false;
            var fieldWords = Words(text).ToArray();
            if (!_phrase) return _patterns.All(p => fieldWords.Any(w => p.IsMatch(w)));
            for (int start = 0; start + _patterns.Length <= fieldWords.Length; start++)
            {
                bool all = true;
                for (int k = 0; k < _patterns.Length && all; k++) all = _patterns[k].IsMatch(fieldWords[start + k]);
                if (all) return true;
            }
            return false;
        }

        private static IEnumerable<string> Numbers(string value) => new[] { value };

        private bool Same(string value) =>
            string.Equals(Normalise(value), Normalise(string.Concat(_words)), StringComparison.OrdinalIgnoreCase);

        private static string Normalise(string value) =>
            new string(value.Where(char.IsLetterOrDigit).ToArray()).TrimStart('0');

        private static IEnumerable<string> Words(string text) =>
            Regex.Split(text.ToLowerInvariant(), "[^\\p{L}\\p{N}*?#]+").Where(w => w.Length > 0);

        private static Regex ToPattern(string word) =>
            new("^" + Regex.Escape(word).Replace("\\*", "\\w*").Replace("\\?", "\\w*").Replace("\\#", "\\w") + "$", RegexOptions.CultureInvariant);
    }
}

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using OclcCataloging.Oclc;
using OclcCataloging.Search.Keys;

namespace OclcCataloging.Search
{
    /// <summary>
    /// Reads one line of a Connexion batch key file into a classified <see cref="SearchKey"/>.
    /// </summary>
    /// <remarks>
    /// <para>Classification, in this order (the first that applies wins):</para>
    /// <list type="number">
    /// <item><c>#123</c>, <c>*123</c>, <c>ocm…</c>/<c>ocn…</c>/<c>on…</c>, <c>(OCoLC)…</c>: OCLC number.</item>
    /// <item><c>=chem,soc,</c>: derived corporate name (4,3,1).</item>
    /// <item>A two-letter label and colon. <c>pd:</c> 4,3,1, <c>cd:</c> 4,3,1, <c>td:</c> 3,2,2,1, <c>sd:</c> 5,3 are derived
    /// authority keys (alone). <c>ti: au: su: kw: bn: in: ln: no: an:</c> start an index-labelled key, combined with
    /// and/or/not, "quoted phrases" and trailing * truncation. A key of one <c>bn:</c>, <c>in:</c>, <c>ln:</c> or
    /// <c>no:</c> term is typed Isbn, Issn, Lccn or OclcNumber; otherwise Fielded.</item>
    /// <item>Numbers. <c>nnnn-nnnX</c> with a valid ISSN check digit is an ISSN; otherwise <c>nn-n…</c> or <c>nnnn-n…</c>
    /// (serial of up to 6 digits) is an LCCN (normalised: "84-23765" → "84023765"; use <c>in:</c> or <c>ln:</c> to force
    /// either), and so is a hyphenated LCCN with a letter prefix ("sh85-61704"). After <c>ln:</c> the LC form with blanks
    /// ("ln:n  79021164") is accepted too. Digits (hyphens allowed, final X allowed) that form a valid ISBN-10 or ISBN-13 check digit are an ISBN,
    /// and may be followed by a qualifier such as "(pbk.)" or ": $12.00". Other bare digits are an OCLC number — so a
    /// 10- or 13-digit OCLC number whose digits happen to be a valid ISBN is read as an ISBN: prefix it with <c>#</c> or
    /// <c>no:</c>. Hyphenated digits that are neither an ISBN nor an LCCN are rejected (probably a mistyped ISBN).</item>
    /// <item>Text without blanks and with commas: a bibliographic derived key — two parts that fit 4,4 are name/title
    /// ("moza,magi"); three or four parts that fit 3,2,2,1 are title ("mag,fl,,"); otherwise three parts that fit 4,3,1
    /// are a personal-name authority key ("moza,wol,a"). Anything else is rejected with the misfit explained.</item>
    /// <item>Text with blanks and a comma or "--": a whole authority heading ("Twain, Mark, 1835-1910",
    /// "Ojibwa Indians -- Treaties"), searched as one phrase.</item>
    /// <item>Other text: keyword words (and/or/not, quotes and * work as in labelled keys).</item>
    /// </list>
    /// </remarks>
    public static class SearchKeyParser
    {
        private static readonly Regex OclcPrefixed = new Regex(@"^(\(OCoLC\)\s*\S+|(ocm|ocn|on)\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Label = new Regex(@"^([A-Za-z]{2}):", RegexOptions.CultureInvariant);
        private static readonly Regex Numeric = new Regex(@"^(?<num>[0-9][0-9\-]*[0-9Xx]?)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex IssnShape = new Regex(@"^\d{4}-\d{3}[\dXx]$", RegexOptions.CultureInvariant);
        private static readonly Regex LccnShape = new Regex(@"^(\d{2}|\d{4})-\d{1,6}$", RegexOptions.CultureInvariant);
        private static readonly Regex PrefixedLccnShape = new Regex(@"^[A-Za-z]{1,3}(\d{2}|\d{4})-\d{1,6}$", RegexOptions.CultureInvariant);

        /// <summary>Parses one key line. Throws <see cref="SearchKeyFormatException"/> (with the reason) for an invalid key.</summary>
        public static SearchKey Parse(string line)
        {
            if (line == null) throw new ArgumentNullException(nameof(line));
            var key = ParseOrExplain(line, out string? reason);
            if (key == null) throw new SearchKeyFormatException(line, reason ?? "it could not be read");
            return key;
        }

        /// <summary>Parses one key line; false (and null) for an invalid key.</summary>
        public static bool TryParse(string line, out SearchKey? key) => TryParse(line, out key, out _);

        /// <summary>Parses one key line; false with the <paramref name="reason"/> for an invalid key.</summary>
        public static bool TryParse(string line, out SearchKey? key, out string? reason)
        {
            reason = null;
            key = line == null ? null : ParseOrExplain(line, out reason);
            if (line == null) reason = "the key is null";
            return key != null;
        }

        private static SearchKey? ParseOrExplain(string line, out string? reason)
        {
            reason = null;
            string text = line.Trim();
            if (text.Length == 0) { reason = "the key is empty"; return null; }

            if (OclcNumberParser.KeyMark(text) != null)
                return OclcNumberKey(line, text, out reason);
            if (OclcPrefixed.IsMatch(text))
                return OclcNumberKey(line, text, out reason);
            if (text[0] == '=')
                return DerivedKey(line, text.Substring(1).Trim(), DerivedKeyPattern.CorporateName, out reason);

            var label = Label.Match(text);
            if (label.Success)
            {
                if (IndexLabels.TryGetDerived(label.Groups[1].Value, out var pattern))
                    return DerivedKey(line, text.Substring(3).Trim(), pattern, out reason);
                return LabelledKey(line, text, out reason);
            }

            if (PrefixedLccnShape.IsMatch(text))
                return Single(line, SearchKeyType.Lccn, SearchIndex.Lccn, StandardNumbers.NormalizeLccn(text)!);

            var numeric = NumericKey(line, text, out reason, out bool isNumeric);
            if (isNumeric) return numeric;

            bool hasBlank = Regex.IsMatch(text, @"\s");
            if (!hasBlank && text.IndexOf(',') >= 0)
                return UnlabelledDerivedKey(line, text, out reason);
            if (hasBlank && (text.IndexOf(',') >= 0 || text.IndexOf("--", StringComparison.Ordinal) >= 0) && text.IndexOf('"') < 0)
                return new SearchKey(line, SearchKeyType.Heading, new[] { new SearchTerm(SearchIndex.Heading, Regex.Replace(text, @"\s+", " "), phrase: true) });

            return TermsKey(line, text, SearchKeyType.Keyword, SearchIndex.Keyword, out reason);
        }

        private static SearchKey? OclcNumberKey(string line, string value, out string? reason)
        {
            reason = null;
            var info = OclcNumberParser.Parse(value);
            if (!info.IsValid)
            {
                char? keyMark = OclcNumberParser.KeyMark(value);
                reason = keyMark != null && info.ProblemRule == OclcNumberRules.NotNumeric
                    ? "'" + keyMark + "' must be followed by the digits of an OCLC number"
                    : "'" + value.Trim() + "' is not an OCLC number" + (info.Problem != null ? ": " + info.Problem : "");
                return null;
            }
            return new SearchKey(line, SearchKeyType.OclcNumber, new[] { new SearchTerm(SearchIndex.OclcNumber, info.OclcNumber!) });
        }

        private static SearchKey? NumericKey(string line, string text, out string? reason, out bool isNumeric)
        {
            reason = null;
            isNumeric = false;
            var m = Numeric.Match(text);
            if (!m.Success) return null;
            string number = m.Groups["num"].Value;
            string rest = m.Groups["rest"].Value.Trim();
            bool qualified = rest.Length > 0;
            if (qualified && rest[0] != '(' && rest[0] != ':') return null; // "1984 orwell": words, not a number
            isNumeric = true;
            string compact = StandardNumbers.Compact(number);

            if (!qualified && IssnShape.IsMatch(number) && StandardNumbers.IsValidIssn(number))
                return Single(line, SearchKeyType.Issn, SearchIndex.Issn, StandardNumbers.FormatIssn(number));
            if (!qualified && LccnShape.IsMatch(number))
                return Single(line, SearchKeyType.Lccn, SearchIndex.Lccn, StandardNumbers.NormalizeLccn(number)!);
            if (StandardNumbers.IsValidIsbn(compact))
                return Single(line, SearchKeyType.Isbn, SearchIndex.Isbn, compact);
            if (number.IndexOf('-') >= 0 || compact.IndexOf('X') >= 0)
            {
                reason = "'" + number + "' is neither a valid ISBN (check digit) nor an ISSN or LCCN";
                return null;
            }
            if (qualified)
            {
                reason = "'" + number + "' is not a valid ISBN, and only ISBNs may be followed by a qualifier such as '" + rest + "'";
                return null;
            }
            return OclcNumberKey(line, number, out reason);
        }

        private static SearchKey Single(string line, SearchKeyType type, SearchIndex index, string value) =>
            new SearchKey(line, type, new[] { new SearchTerm(index, value) });

        private static SearchKey? DerivedKey(string line, string body, DerivedKeyPattern pattern, out string? reason)
        {
            var parts = body.Split(',');
            reason = pattern.Misfit(parts);
            return reason == null ? new SearchKey(line, pattern.Type, pattern.ToTerms(parts)) : null;
        }

        private static SearchKey? UnlabelledDerivedKey(string line, string text, out string? reason)
        {
            var parts = text.Split(',');
            var candidates = parts.Length == 2
                ? new[] { DerivedKeyPattern.NameTitle }
                : new[] { DerivedKeyPattern.Title, DerivedKeyPattern.PersonalName };
            reason = null;
            foreach (var pattern in candidates)
            {
                string? misfit = pattern.Misfit(parts);
                if (misfit == null) return new SearchKey(line, pattern.Type, pattern.ToTerms(parts));
                reason ??= misfit;
            }
            if (parts.Length > 4) reason = "derived keys have 2 to 4 comma-separated parts, not " + parts.Length;
            return null;
        }

        private static SearchKey? LabelledKey(string line, string text, out string? reason)
        {
            var key = TermsKey(line, text, SearchKeyType.Fielded, null, out reason);
            if (key == null || key.Terms.Count != 1) return key;
            switch (key.Terms[0].Index)
            {
                case SearchIndex.Isbn: return new SearchKey(line, SearchKeyType.Isbn, key.Terms);
                case SearchIndex.Issn: return new SearchKey(line, SearchKeyType.Issn, key.Terms);
                case SearchIndex.Lccn: return new SearchKey(line, SearchKeyType.Lccn, key.Terms);
                case SearchIndex.OclcNumber: return new SearchKey(line, SearchKeyType.OclcNumber, key.Terms);
                default: return key;
            }
        }

        private static SearchKey? TermsKey(string line, string text, SearchKeyType type, SearchIndex? defaultIndex, out string? reason)
        {
            var tokens = KeyTokenizer.Tokenize(text, out reason);
            if (tokens == null) return null;
            List<SearchTerm>? terms = TermListParser.Parse(tokens, defaultIndex, out reason);
            return terms == null ? null : new SearchKey(line, type, terms);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OclcCataloging.Search
{
    /// <summary>
    /// PLACEHOLDER — TO BE REPLACED AT MERGE by the real Connexion key parser (branch with the key parser + SRU).
    /// Handles only the shapes the id.loc.gov target and batch engine tests use: ln:/bare authority LCCNs,
    /// #/*/no: OCLC numbers, 10/13-digit ISBNs, ISSNs, pd:/cd:/td:/sd: derived keys, kw: keywords and headings.
    /// </summary>
    public static class SearchKeyParser
    {
        private static readonly Regex AuthorityLccn = new Regex(@"^(n|nb|nr|no|sh|sj|sp|gf|dg)\s?\d{2,4}-?\d{1,8}$", RegexOptions.IgnoreCase);
        private static readonly Regex Isbn = new Regex(@"^(\d{9}[\dXx]|\d{13})$");
        private static readonly Regex Issn = new Regex(@"^\d{4}-\d{3}[\dXx]$");

        public static SearchKey Parse(string line)
        {
            if (line == null) throw new ArgumentNullException(nameof(line));
            string text = line.Trim();
            if (text.Length == 0) throw new SearchKeyFormatException(line, "the key is empty");
            string lower = text.ToLowerInvariant();

            if (lower.StartsWith("ln:", StringComparison.Ordinal)) return Single(line, SearchKeyType.Lccn, SearchIndex.Lccn, RequireValue(line, text.Substring(3)));
            if (AuthorityLccn.IsMatch(text)) return Single(line, SearchKeyType.Lccn, SearchIndex.Lccn, text);
            if (text[0] == '#' || text[0] == '*') return Number(line, text.Substring(1));
            if (lower.StartsWith("no:", StringComparison.Ordinal)) return Number(line, text.Substring(3));
            if (Isbn.IsMatch(text)) return Single(line, SearchKeyType.Isbn, SearchIndex.Isbn, text);
            if (Issn.IsMatch(text)) return Single(line, SearchKeyType.Issn, SearchIndex.Issn, text);
            if (lower.StartsWith("kw:", StringComparison.Ordinal)) return Single(line, SearchKeyType.Keyword, SearchIndex.Keyword, RequireValue(line, text.Substring(3)));
            if (lower.StartsWith("pd:", StringComparison.Ordinal)) return Derived(line, SearchKeyType.DerivedPersonalName, SearchIndex.PersonalName, text.Substring(3));
            if (lower.StartsWith("cd:", StringComparison.Ordinal)) return Derived(line, SearchKeyType.DerivedCorporateName, SearchIndex.CorporateName, text.Substring(3));
            if (text[0] == '=') return Derived(line, SearchKeyType.DerivedCorporateName, SearchIndex.CorporateName, text.Substring(1));
            if (lower.StartsWith("td:", StringComparison.Ordinal)) return Derived(line, SearchKeyType.DerivedAuthorityTitle, SearchIndex.Title, text.Substring(3));
            if (lower.StartsWith("sd:", StringComparison.Ordinal)) return Derived(line, SearchKeyType.DerivedSubject, SearchIndex.Subject, text.Substring(3));
            if (text.IndexOf(':') > 0 && text.IndexOf(':') <= 3) throw new SearchKeyFormatException(line, "unknown index label");
            return Single(line, SearchKeyType.Heading, SearchIndex.Heading, text);
        }

        private static string RequireValue(string line, string value)
        {
            if (value.Trim().Length == 0) throw new SearchKeyFormatException(line, "the index label has no value");
            return value.Trim();
        }

        private static SearchKey Number(string line, string digits)
        {
            digits = digits.Trim();
            if (digits.Length == 0 || !Regex.IsMatch(digits, @"^\d+$")) throw new SearchKeyFormatException(line, "an OCLC number has digits only");
            return Single(line, SearchKeyType.OclcNumber, SearchIndex.OclcNumber, digits.TrimStart('0'));
        }

        private static SearchKey Derived(string line, SearchKeyType type, SearchIndex index, string body)
        {
            if (body.IndexOf(',') < 0) throw new SearchKeyFormatException(line, "a derived key has comma-separated parts");
            var terms = new List<SearchTerm>();
            foreach (string part in body.Split(','))
            {
                string p = part.Trim();
                if (p.Length > 0) terms.Add(new SearchTerm(index, p.ToLowerInvariant(), SearchOperator.And, truncated: true));
            }
            if (terms.Count == 0) throw new SearchKeyFormatException(line, "a derived key needs at least one part");
            return new SearchKey(line, type, terms);
        }

        private static SearchKey Single(string line, SearchKeyType type, SearchIndex index, string value) =>
            new SearchKey(line, type, new[] { new SearchTerm(index, value) });
    }
}

using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>245: $a present and first, ending punctuation, and the ISBD punctuation before $b, $c, $h, $n, $p.</summary>
    internal static class TitleStatementCheck
    {
        private const RegexOptions Ascii = RegexOptions.ECMAScript | RegexOptions.Compiled;
        private static readonly Regex SpacedInitials = new Regex(@"\b\w\. \b\w\.", Ascii);
        private static readonly Regex IdEstInitials = new Regex(@"\[\bi\.e\. \b\w\..*\]", Ascii);
        private static readonly Regex BeforeB = new Regex(@" [:;=]$", Ascii);
        private static readonly Regex BeforeH = new Regex(@"(\S$)|(-- $)", Ascii);
        private static readonly Regex Medium = new Regex(@"^\[\w*\s*\w*\]", Ascii);
        private static readonly Regex Period = new Regex(@"(\S\.$)|(-- \.$)", Ascii);
        private static readonly Regex Comma = new Regex(@"(\S,$)|(-- ,$)", Ascii);

        public static void Check(ValidationContext c, DataField field, int occurrence)
        {
            string tag = field.Tag;
            IList<Subfield> subs = field.Subfields;
            if (field.GetValue('a') == null)
                c.Report(MarcRuleCatalog.TitleSubfieldA, "245 has no $a (title proper).", tag, occurrence, subfield: 'a');
            if (subs.Count == 0) return;
            if (c.IsOn(MarcRuleCatalog.TitleEndPunctuation)) EndPunctuation(c, subs[subs.Count - 1].Value, tag, occurrence);
            FirstSubfield(c, subs, tag, occurrence);
            if (!c.IsOn(MarcRuleCatalog.TitlePunctuation) && !c.IsOn(MarcRuleCatalog.TitleInitialsSpacing)) return;
            bool cSeen = false;
            for (int i = 1; i < subs.Count; i++)
            {
                char code = subs[i].Code;
                string value = subs[i].Value;
                string before = subs[i - 1].Value;
                switch (code)
                {
                    case 'c':
                        if (cSeen) break;
                        cSeen = true;
                        if (!before.EndsWith(" /", System.StringComparison.Ordinal) && !EndsWithWhitespaceSlash(before))
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $c (statement of responsibility) must follow \" /\" at the end of the subfield before it.", tag, occurrence, subfield: 'c');
                        if (SpacedInitials.IsMatch(value) && !IdEstInitials.IsMatch(value))
                            c.Report(MarcRuleCatalog.TitleInitialsSpacing, "245 $c: initials are separated by a blank (\"" + value + "\"); write them without one (J.R.R.).", tag, occurrence, subfield: 'c');
                        break;
                    case 'b':
                        if (!BeforeB.IsMatch(before))
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $b (remainder of title) must follow \" :\", \" ;\" or \" =\" at the end of the subfield before it.", tag, occurrence, subfield: 'b');
                        break;
                    case 'h':
                        if (!BeforeH.IsMatch(before))
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $h (medium) must not follow a blank.", tag, occurrence, subfield: 'h');
                        if (!Medium.IsMatch(value))
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $h (medium) must be in square brackets: [videorecording].", tag, occurrence, subfield: 'h');
                        break;
                    case 'n':
                        if (!Period.IsMatch(before))
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $n (number of part) must follow a period.", tag, occurrence, subfield: 'n');
                        break;
                    case 'p':
                        if (subs[i - 1].Code == 'n')
                        {
                            if (!Comma.IsMatch(before))
                                c.Report(MarcRuleCatalog.TitlePunctuation, "245 $p (name of part) after $n must follow a comma.", tag, occurrence, subfield: 'p');
                        }
                        else if (!Period.IsMatch(before))
                        {
                            c.Report(MarcRuleCatalog.TitlePunctuation, "245 $p (name of part) must follow a period when it does not follow $n.", tag, occurrence, subfield: 'p');
                        }
                        break;
                }
            }
        }

        private static bool EndsWithWhitespaceSlash(string s) => s.Length >= 2 && s[s.Length - 1] == '/' && char.IsWhiteSpace(s[s.Length - 2]);

        private static void EndPunctuation(ValidationContext c, string last, string tag, int occurrence)
        {
            char end = last.Length > 0 ? last[last.Length - 1] : ' ';
            if (end == '.') return;
            if (end == '?' || end == '!')
                c.Report(MarcRuleCatalog.TitleEndPunctuation, "245 ends with '" + end + "'; MARC 21 allows it, but LC practice ends the field with a period.", tag, occurrence, severity: ValidationSeverity.Info);
            else
                c.Report(MarcRuleCatalog.TitleEndPunctuation, "245 must end with a period (after the last subfield).", tag, occurrence);
        }

        private static void FirstSubfield(ValidationContext c, IList<Subfield> subs, string tag, int occurrence)
        {
            bool hasSix = false;
            foreach (Subfield s in subs) hasSix |= s.Code == '6';
            if (!hasSix)
            {
                if (subs[0].Code != 'a')
                    c.Report(MarcRuleCatalog.TitleSubfieldA, "245 must start with $a; it starts with $" + subs[0].Code + ".", tag, occurrence, subfield: subs[0].Code);
                return;
            }
            if (subs.Count < 2)
            {
                c.Report(MarcRuleCatalog.TitleSubfieldA, "245 has $6 and nothing else; $a must follow it.", tag, occurrence, subfield: '6');
                return;
            }
            if (subs[0].Code != '6')
                c.Report(MarcRuleCatalog.TitleSubfieldA, "245 $6 (linkage) must be the first subfield; the first is $" + subs[0].Code + ".", tag, occurrence, subfield: subs[0].Code);
            if (subs[1].Code != 'a')
                c.Report(MarcRuleCatalog.TitleSubfieldA, "245: $a must follow $6; it is $" + subs[1].Code + ".", tag, occurrence, subfield: subs[1].Code);
        }
    }
}

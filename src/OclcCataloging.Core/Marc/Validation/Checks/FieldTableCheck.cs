using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// Table-driven checks of one field: tag defined and not obsolete, repeatability (an 880 counts for the field its $6
    /// names, separately from that field), indicators, subfield codes and repeatability, control characters.
    /// </summary>
    internal static class FieldTableCheck
    {
        /// <summary>The tag whose rules apply: an 880's linked tag from $6 ("245-01"), otherwise the field's own; null for an 880 without a usable $6.</summary>
        public static string? RulesTag(MarcField field)
        {
            if (field.Tag != "880") return field.Tag;
            if (!(field is DataField d)) return null;
            string? six = d.GetValue('6');
            return six != null && six.Length >= 3 ? six.Substring(0, 3) : null;
        }

        public static void Check(ValidationContext c, MarcField field, int occurrence, string? rulesTag, Dictionary<string, int> seen)
        {
            string tag = field.Tag;
            if (field is ControlField cf)
            {
                if (cf.Value.IndexOf('\u001F') >= 0)
                    c.Report(MarcRuleCatalog.ControlCharacter, tag + " is a control field but holds a subfield delimiter; control fields have no subfields.", tag, occurrence);
            }
            if (tag == "880" && rulesTag == null)
            {
                c.Report(MarcRuleCatalog.Linkage880, "880 has no subfield $6; an alternate graphic representation must name the field it links to ($6 245-01/...).", tag, occurrence);
                return;
            }
            string key = tag == "880" ? "880." + rulesTag : tag;
            seen.TryGetValue(key, out int before);
            seen[key] = before + 1;
            FieldDefinition? def = c.Table?.Find(rulesTag!);
            if (def == null)
            {
                if (tag != "880" && !IsLocal(tag) && c.Table != null)
                    c.Report(MarcRuleCatalog.TagUndefined, "Tag " + tag + " is not defined in the MARC 21 " + FormatText.Name(c.Kind) + " format (" + c.Table.Update + "). Check the tag for a typing error.", tag, occurrence);
                if (field is DataField d0) ControlCharacters(c, d0, tag, occurrence);
                return;
            }
            if (def.IsObsolete && tag != "880")
                c.Report(MarcRuleCatalog.TagObsolete, "Tag " + tag + " is obsolete in the MARC 21 " + FormatText.Name(c.Kind) + " format; move its data to the field that replaced it.", tag, occurrence);
            if (!def.IsRepeatable && before > 0)
                c.Report(MarcRuleCatalog.FieldNotRepeatable, rulesTag + " (" + def.Name + ") is not repeatable" + (tag == "880" ? " (this is its second linked 880)" : "") + "; merge the occurrences or move one to another field.", tag, occurrence);
            if (!(field is DataField d)) return;
            ControlCharacters(c, d, tag, occurrence);
            if (!c.IsOn(MarcRuleCatalog.IndicatorInvalid) && !c.IsOn(MarcRuleCatalog.SubfieldUndefined) && !c.IsOn(MarcRuleCatalog.SubfieldNotRepeatable)) return;
            Indicator(c, def, d.Indicator1, 1, tag, occurrence);
            Indicator(c, def, d.Indicator2, 2, tag, occurrence);
            if (!def.HasContentRules) return;
            ulong seen1 = 0, seen2 = 0;
            foreach (Subfield s in d.Subfields)
            {
                char code = s.Code;
                if (code == Subfield.NoCode) continue;
                if (!def.IsSubfieldDefined(code))
                {
                    c.Report(MarcRuleCatalog.SubfieldUndefined, "Subfield $" + code + " is not defined for " + rulesTag + " (" + def.Name + ").", tag, occurrence, subfield: code);
                }
                else if (!def.IsSubfieldRepeatable(code) && Seen(ref seen1, ref seen2, code))
                {
                    c.Report(MarcRuleCatalog.SubfieldNotRepeatable, "Subfield $" + code + " of " + rulesTag + " is not repeatable; merge its values into one.", tag, occurrence, subfield: code);
                }
                Mark(ref seen1, ref seen2, code);
            }
        }

        /// <summary>Local tags MARC 21 leaves to each institution: 9XX, X9X (except 490) and 59X.</summary>
        internal static bool IsLocal(string tag)
        {
            if (tag.Length != 3) return false;
            if (tag[0] == '9') return true;
            return tag[1] == '9' && tag != "490" && char.IsDigit(tag[0]) && char.IsDigit(tag[2]);
        }

        private static void Indicator(ValidationContext c, FieldDefinition def, char value, int position, string tag, int occurrence)
        {
            if (def.IsIndicatorAllowed(position, value)) return;
            c.Report(MarcRuleCatalog.IndicatorInvalid, def.Tag + " indicator " + position + " is " + ValueText.Quote(value) + "; it must be "
                + ValueText.List(def.AllowedIndicators(position)!) + ".", tag, occurrence, indicator: position);
        }

        private static void ControlCharacters(ValidationContext c, DataField d, string tag, int occurrence)
        {
            if (!c.IsOn(MarcRuleCatalog.ControlCharacter)) return;
            foreach (Subfield s in d.Subfields)
            {
                string v = s.Value;
                if (v.IndexOf('\t') >= 0 || v.IndexOf('\r') >= 0 || v.IndexOf('\n') >= 0)
                    c.Report(MarcRuleCatalog.ControlCharacter, "Subfield $" + s.Code + " holds a tab, carriage return or line feed; replace it with a blank.", tag, occurrence, subfield: s.Code);
            }
        }

        private static bool Seen(ref ulong low, ref ulong high, char code)
        {
            if (code >= 128) return false;
            return code < 64 ? (low & (1UL << code)) != 0 : (high & (1UL << (code - 64))) != 0;
        }

        private static void Mark(ref ulong low, ref ulong high, char code)
        {
            if (code >= 128) return;
            if (code < 64) low |= 1UL << code;
            else high |= 1UL << (code - 64);
        }
    }
}

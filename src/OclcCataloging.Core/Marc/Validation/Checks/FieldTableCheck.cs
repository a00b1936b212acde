using System;

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

        /// <summary>
        /// <paramref name="before"/>: how many fields with the same rules (same tag, or 880s linked to the same tag) came
        /// earlier. <paramref name="plain"/>: the field's subfields are still raw bytes, all printable ASCII (no control
        /// characters to find), so subfield codes are read from the bytes without decoding the values.
        /// </summary>
        public static void Check(ValidationContext c, MarcField field, int occurrence, string? rulesTag, int before, bool plain)
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
            FieldDefinition? def = c.Table?.Find(rulesTag!);
            if (def == null)
            {
                if (tag != "880" && !IsLocal(tag) && c.Table != null)
                    c.Report(MarcRuleCatalog.TagUndefined, "Tag " + tag + " is not defined in the MARC 21 " + FormatText.Name(c.Kind) + " format (" + c.Table.Update + "). Check the tag for a typing error.", tag, occurrence);
                if (field is DataField d0 && !plain) ControlCharacters(c, d0, tag, occurrence);
                return;
            }
            if (def.IsObsolete && tag != "880")
                c.Report(MarcRuleCatalog.TagObsolete, "Tag " + tag + " is obsolete in the MARC 21 " + FormatText.Name(c.Kind) + " format; move its data to the field that replaced it.", tag, occurrence);
            if (!def.IsRepeatable && before > 0)
                c.Report(MarcRuleCatalog.FieldNotRepeatable, rulesTag + " (" + def.Name + ") is not repeatable" + (tag == "880" ? " (this is its second linked 880)" : "") + "; merge the occurrences or move one to another field.", tag, occurrence);
            if (!(field is DataField d)) return;
            if (!plain) ControlCharacters(c, d, tag, occurrence);
            if (!c.Rules.FieldContent) return;
            Indicator(c, def, d.Indicator1, 1, tag, occurrence);
            Indicator(c, def, d.Indicator2, 2, tag, occurrence);
            if (!def.HasContentRules) return;
            ulong seen1 = 0, seen2 = 0;
            if (plain && d.TryGetRawSubfields(out byte[] buf, out int offset, out int count))
            {
                // Each delimiter followed by a code, as DataField reads them (an empty delimiter is no subfield).
                int end = offset + count;
                for (int i = Array.IndexOf(buf, DataField.SubfieldDelimiter, offset, count); i >= 0 && i + 1 < end;
                     i = Array.IndexOf(buf, DataField.SubfieldDelimiter, i + 1, end - i - 1))
                {
                    byte b = buf[i + 1];
                    if (b != DataField.SubfieldDelimiter) Code(c, def, (char)b, rulesTag!, tag, occurrence, ref seen1, ref seen2);
                }
                return;
            }
            foreach (Subfield s in d.Subfields)
            {
                if (s.Code == Subfield.NoCode) continue;
                Code(c, def, s.Code, rulesTag!, tag, occurrence, ref seen1, ref seen2);
            }
        }

        private static void Code(ValidationContext c, FieldDefinition def, char code, string rulesTag, string tag, int occurrence, ref ulong seen1, ref ulong seen2)
        {
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

        /// <summary>True when every byte is printable ASCII or a subfield delimiter: the same characters in every codec, none a control character.</summary>
        public static bool IsPlainAscii(byte[] buffer, int offset, int count)
        {
#if NET8_0_OR_GREATER
            return new ReadOnlySpan<byte>(buffer, offset, count).IndexOfAnyExceptInRange(DataField.SubfieldDelimiter, (byte)0x7E) < 0;
#else
            for (int i = offset, end = offset + count; i < end; i++)
            {
                byte b = buffer[i];
                if ((b < 0x20 && b != DataField.SubfieldDelimiter) || b > 0x7E) return false;
            }
            return true;
#endif
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
            if (!c.Rules.ControlCharacter) return;
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

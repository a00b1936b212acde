using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OclcCataloging.Ils.Alma;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>-BriefLevelRules / -BriefLevelTable / -UnmappedBriefLevel / -Missing245BriefLevel to the brief level rules.</summary>
    internal static class BriefLevelArgument
    {
        public static AlmaBriefLevelRules Create(PSCmdlet cmdlet, string preset, Hashtable? table, int unmapped, int missing245)
        {
            int? no245 = missing245 == 0 ? (int?)null : missing245;
            if (table == null)
            {
                return string.Equals(preset, "Csu", StringComparison.OrdinalIgnoreCase)
                    ? AlmaBriefLevelRules.Csu(unmapped, no245)
                    : AlmaBriefLevelRules.Carli(unmapped, no245);
            }
            var map = new Dictionary<char, int>();
            try
            {
                foreach (DictionaryEntry e in table)
                {
                    string key = e.Key?.ToString() ?? string.Empty;
                    if (key.Length != 1) throw new ArgumentException("'" + key + "' is not one leader/17 character; use ' ' for blank.");
                    map[key[0]] = Convert.ToInt32(e.Value, CultureInfo.InvariantCulture);
                }
                return new AlmaBriefLevelRules("Custom", map, unmapped, no245);
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is InvalidCastException || e is OverflowException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.BriefLevelTableInvalid, ErrorCategory.InvalidArgument, table)
                {
                    ErrorDetails = new ErrorDetails("The brief level table is not valid: " + e.Message)
                    {
                        RecommendedAction = "Give -BriefLevelTable as leader/17 character to level 1-10, e.g. @{ ' ' = 10; 'I' = 9; '3' = 3 }.",
                    },
                });
                throw;
            }
        }
    }
}

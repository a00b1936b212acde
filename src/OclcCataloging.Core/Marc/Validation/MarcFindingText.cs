using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>The errors of a validation result as one sentence for a message: place, rule id and text of each.</summary>
    public static class MarcFindingText
    {
        /// <summary>"2 validation errors: 245[1] $a (TitleMissing): text; LDR/06 (LeaderTypeOfRecord): text."</summary>
        public static string DescribeErrors(MarcValidationResult result)
        {
            var errors = new List<MarcFinding>();
            foreach (MarcFinding f in result.Findings)
            {
                if (f.Severity == ValidationSeverity.Error) errors.Add(f);
            }
            var text = new StringBuilder();
            text.Append(errors.Count.ToString(CultureInfo.InvariantCulture)).Append(errors.Count == 1 ? " validation error: " : " validation errors: ");
            for (int i = 0; i < errors.Count; i++)
            {
                if (i > 0) text.Append("; ");
                MarcFinding f = errors[i];
                text.Append(f.Place).Append(" (").Append(f.RuleId).Append("): ").Append(f.Message.TrimEnd('.'));
            }
            return text.Append('.').ToString();
        }
    }
}

using System.Collections.Generic;
using System.Text.RegularExpressions;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>
    /// OCLC's validation findings: validationErrors {errorCount, errors, recordLevelErrors, fixedFieldErrors,
    /// variableFieldErrors}, found inside "status" or at the top level (OCLC documents both), each finding
    /// {message, errorLevel, tag, occurrence}.
    /// </summary>
    internal static class ValidationReply
    {
        private static readonly Regex SubfieldInMessage = new Regex(@"\$([a-z0-9])", RegexOptions.CultureInvariant);

        /// <returns>The findings; null when the body holds no validation result at all.</returns>
        public static List<ValidationIssue>? TryParse(string text)
        {
            var obj = JsonReader.TryParseObject(text);
            if (obj == null) return null;
            var errors = JsonValues.GetObject(JsonValues.GetObject(obj, "status"), "validationErrors")
                ?? JsonValues.GetObject(obj, "validationErrors")
                ?? (obj.ContainsKey("errorCount") || obj.ContainsKey("variableFieldErrors") ? obj : null);
            if (errors == null) return null;
            var issues = new List<ValidationIssue>();
            Add(issues, errors, "recordLevelErrors", "RecordLevel");
            Add(issues, errors, "fixedFieldErrors", "FixedField");
            Add(issues, errors, "variableFieldErrors", "VariableField");
            if (issues.Count == 0)
            {
                foreach (var e in JsonValues.GetArray(errors, "errors") ?? new List<object?>())
                    if (e is string message) issues.Add(new ValidationIssue { Kind = "RecordLevel", Message = message, Subfield = SubfieldOf(message) });
            }
            return issues;
        }

        private static void Add(List<ValidationIssue> issues, Dictionary<string, object?> errors, string member, string kind)
        {
            foreach (var item in JsonValues.GetArray(errors, member) ?? new List<object?>())
            {
                if (!(item is Dictionary<string, object?> e)) continue;
                var message = JsonValues.GetString(e, "message") ?? "";
                var occurrence = JsonValues.GetInt64(e, "occurrence");
                issues.Add(new ValidationIssue
                {
                    Kind = kind,
                    Tag = JsonValues.GetString(e, "tag"),
                    Occurrence = occurrence.HasValue ? (int)occurrence.Value : (int?)null,
                    Level = JsonValues.GetString(e, "errorLevel"),
                    Message = message,
                    Subfield = SubfieldOf(message),
                });
            }
        }

        private static string? SubfieldOf(string message)
        {
            var m = SubfieldInMessage.Match(message);
            return m.Success ? m.Groups[1].Value : null;
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// What the commands that write MARC files (Export-MarcFile, Convert-MarcFile) say about one record: that it
    /// could not be written, or that it was written with a change. Records are numbered in the order they reached the writer.
    /// </summary>
    internal static class MarcFileOutputReport
    {
        /// <summary>The category of a record that could not be written for <paramref name="code"/>.</summary>
        internal static ErrorCategory CategoryFor(string code) =>
            IsOversize(code) ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData;

        internal static ErrorRecord NotWritten(MarcRecord record, long number, string destination, string code, string reason, Exception inner)
        {
            var text = new StringBuilder();
            AppendSubject(text, record, number, destination, "not written to", reason);
            text.Append(code).Append(": ");
            MarcRecordText.AppendSentence(text, reason);
            string message = text.ToString();
            return new ErrorRecord(new InvalidDataException(message, inner), ErrorIds.RecordNotWritten, CategoryFor(code), record)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = IsOversize(code)
                        ? "Shorten the record, write MARCXML (-Format MarcXml), or choose an -OversizePolicy."
                        : "Fix the record, or write it as MARCXML (-Format MarcXml).",
                },
            };
        }

        internal static string WrittenWithChange(MarcRecord record, long number, string destination, MarcDiagnostic diagnostic)
        {
            var text = new StringBuilder();
            AppendSubject(text, record, number, destination, "written with a change to", diagnostic.Message);
            text.Append(MarcRecordText.Describe(diagnostic));
            return text.ToString();
        }

        private static bool IsOversize(string code) => code == MarcDiagnosticCodes.RecordTooLong || code == MarcDiagnosticCodes.FieldTooLong;

        /// <summary>
        /// "Record 7 (001 ocm123, from 'in.mrc' record 2) not written to 'out.mrc': " — or only "Not written to 'out.mrc': "
        /// when the writer's own message already starts by naming the record.
        /// </summary>
        private static void AppendSubject(StringBuilder text, MarcRecord record, long number, string destination, string what, string? reason)
        {
            reason ??= string.Empty;
            if (reason.StartsWith("Record ", StringComparison.Ordinal))
            {
                text.Append(char.ToUpperInvariant(what[0])).Append(what, 1, what.Length - 1);
            }
            else
            {
                text.Append("Record ").Append(number.ToString(CultureInfo.InvariantCulture)).Append(MarcRecordText.Identity(record)).Append(' ').Append(what);
            }
            text.Append(" '").Append(destination).Append("': ");
        }
    }
}

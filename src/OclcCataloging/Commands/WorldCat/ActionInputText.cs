using System.Globalization;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>What the action cmdlets accept on the pipeline, as the text of an input and its record.</summary>
    internal static class ActionInputText
    {
        /// <summary>An OCLC number input: a string as given, Get-OclcNumber's result, a record's number (found as Get-OclcNumber finds it), a Test-LhrRecord result's number.</summary>
        internal static string OclcNumberOf(object? item)
        {
            switch (Unwrap(item))
            {
                case null: return "";
                case string text: return text;
                case OclcNumberInfo info: return info.OclcNumber ?? info.RawValue;
                case MarcRecord record: return NumberOf(record);
                case LhrRecordResult lhr: return lhr.OclcNumber ?? NumberOf(lhr.Record);
                case BatchActionResult result: return result.OclcNumber ?? result.Input;
                case var other: return other.ToString() ?? "";
            }
        }

        /// <summary>A record input: a MarcRecord, or Test-LhrRecord's result (its translated record, as OCLC would load it).</summary>
        internal static MarcRecord? RecordOf(object? item) => Unwrap(item) switch
        {
            MarcRecord record => record,
            LhrRecordResult lhr => lhr.TranslatedRecord ?? lhr.Record,
            _ => null,
        };

        /// <summary>How a record input is named in reports and the state file: its OCLC number and 852 $b, or its position.</summary>
        internal static string Describe(MarcRecord record)
        {
            string number = ActionInputs.FindOclcNumber(record)?.OclcNumber ?? "";
            string? branch = record.GetValue("852", 'b');
            string text = (number + (branch == null ? "" : " " + branch)).Trim();
            return text.Length > 0 ? text : "record " + (record.Origin?.Ordinal ?? 0).ToString(CultureInfo.InvariantCulture);
        }

        private static string NumberOf(MarcRecord record)
        {
            var number = ActionInputs.FindOclcNumber(record);
            return number?.OclcNumber ?? number?.RawValue ?? "record " + (record.Origin?.Ordinal ?? 0).ToString(CultureInfo.InvariantCulture) + " (no OCLC number)";
        }

        private static object? Unwrap(object? item) => item is PSObject ps ? ps.BaseObject : item;
    }
}

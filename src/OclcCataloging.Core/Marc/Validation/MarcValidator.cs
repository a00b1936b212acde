using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// Validates MARC 21 bibliographic, authority and holdings records against the rules of
    /// <see cref="MarcRuleCatalog"/> (docs/design/marc-validation.md). Thread-safe; one instance per set of options.
    /// <code>
    /// var validator = new MarcValidator(new MarcValidationOptions { Level = ValidationLevel.Full });
    /// MarcValidationResult r = validator.Validate(record, 1);
    /// if (!r.IsValid) foreach (MarcFinding f in r.Findings) Console.WriteLine(f);
    /// </code>
    /// </summary>
    public sealed class MarcValidator
    {
        private readonly MarcValidationOptions _options;

        public MarcValidator(MarcValidationOptions? options = null)
        {
            _options = options ?? MarcValidationOptions.Default;
        }

        public MarcValidationOptions Options => _options;

        /// <summary>Validates one record. <paramref name="recordNumber"/> is used when the record has no origin (built in memory, from the pipeline).</summary>
        public MarcValidationResult Validate(MarcRecord record, long recordNumber = 0)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            RecordKind kind = _options.RecordKind ?? record.Kind;
            long number = record.Origin?.Ordinal ?? recordNumber;
            var c = new ValidationContext(record, kind, number, _options);
            if (_options.Level == ValidationLevel.None) return new MarcValidationResult(record, kind, number, c.Findings);
            ReaderDiagnosticCheck.Check(c);
            LeaderCheck.Check(c);
            FixedFieldCheck.Check(c);
            RequiredFieldCheck.Check(c);
            Fields(c);
            return new MarcValidationResult(record, kind, number, c.Findings);
        }

        private static void Fields(ValidationContext c)
        {
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            bool encoding = c.IsOn(MarcRuleCatalog.EncodingMismatch) || c.IsOn(MarcRuleCatalog.LoneCombiningMark);
            foreach (MarcField field in c.Record.Fields)
            {
                occurrences.TryGetValue(field.Tag, out int n);
                occurrences[field.Tag] = ++n;
                string? rulesTag = FieldTableCheck.RulesTag(field);
                FieldTableCheck.Check(c, field, n, rulesTag, seen);
                if (encoding) EncodingCheck.Check(c, field, n);
                if (field is DataField d && rulesTag != null) FieldSpecific(c, d, rulesTag, n);
            }
        }

        /// <summary>The checks of single fields; an 880 gets those of the field its $6 names.</summary>
        private static void FieldSpecific(ValidationContext c, DataField d, string rulesTag, int occurrence)
        {
            switch (c.Kind)
            {
                case RecordKind.Bibliographic:
                    if (rulesTag == "020") IsbnCheck.Check(c, d, occurrence);
                    else if (rulesTag == "041") CodeListCheck.Check041(c, d, occurrence);
                    else if (rulesTag == "043") CodeListCheck.Check043(c, d, occurrence);
                    else if (rulesTag == "245") TitleStatementCheck.Check(c, d, occurrence);
                    if (NonfilingArticleCheck.IndicatorFor(rulesTag) != 0 && c.IsOn(MarcRuleCatalog.NonfilingIndicator))
                        NonfilingArticleCheck.Check(c, d, rulesTag, occurrence);
                    break;
                case RecordKind.Authority:
                    if (rulesTag == "020") IsbnCheck.Check(c, d, occurrence);
                    else if (rulesTag == "043") CodeListCheck.Check043(c, d, occurrence);
                    break;
                case RecordKind.Holdings:
                    if (rulesTag == "852" && d.Tag == "852" && d.GetValue('b') == null && c.IsOn(MarcRuleCatalog.HoldingsLocation))
                        c.Report(MarcRuleCatalog.HoldingsLocation, "852 has no $b (location); add the holding library's location code.", d.Tag, occurrence, subfield: 'b');
                    break;
            }
        }
    }
}

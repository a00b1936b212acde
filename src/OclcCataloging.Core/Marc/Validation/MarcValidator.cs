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
        private RuleSwitches _rules;

        public MarcValidator(MarcValidationOptions? options = null)
        {
            _options = options ?? MarcValidationOptions.Default;
            _rules = new RuleSwitches(_options, _options.Version);
        }

        public MarcValidationOptions Options => _options;

        /// <summary>Validates one record. <paramref name="recordNumber"/> is used when the record has no origin (built in memory, from the pipeline).</summary>
        public MarcValidationResult Validate(MarcRecord record, long recordNumber = 0)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            RecordKind kind = _options.RecordKind ?? record.Kind;
            long number = record.Origin?.Ordinal ?? recordNumber;
            var c = new ValidationContext(record, kind, number, Rules());
            if (_options.Level == ValidationLevel.None) return new MarcValidationResult(record, kind, number, c.Findings);
            ReaderDiagnosticCheck.Check(c);
            LeaderCheck.Check(c);
            FixedFieldCheck.Check(c);
            RequiredFieldCheck.Check(c);
            Fields(c);
            return new MarcValidationResult(record, kind, number, c.Findings);
        }

        /// <summary>The rule switches for the options as they are now (they may be changed between records).</summary>
        private RuleSwitches Rules()
        {
            RuleSwitches rules = _rules;
            int version = _options.Version;
            if (rules.Version != version) _rules = rules = new RuleSwitches(_options, version);
            return rules;
        }

        private static void Fields(ValidationContext c)
        {
            TagCounts counts = TagCounts.ForThisThread();
            bool encoding = c.Rules.Encoding;
            foreach (MarcField field in c.Record.Fields)
            {
                int n = counts.Next(field.Tag);
                string? rulesTag = FieldTableCheck.RulesTag(field);
                int before = field.Tag != "880" ? n - 1 : rulesTag != null ? counts.NextLinked880(rulesTag) - 1 : 0;
                bool plain = field is DataField raw && raw.TryGetRawSubfields(out byte[] buf, out int offset, out int count)
                    && FieldTableCheck.IsPlainAscii(buf, offset, count);
                FieldTableCheck.Check(c, field, n, rulesTag, before, plain);
                if (encoding && !plain) EncodingCheck.Check(c, field, n);
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
                    if (c.Rules.NonfilingIndicator && NonfilingArticleCheck.IndicatorFor(rulesTag) != 0)
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

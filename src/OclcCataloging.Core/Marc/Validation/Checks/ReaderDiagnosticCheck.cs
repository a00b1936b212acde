namespace OclcCataloging.Marc.Validation
{
    /// <summary>The problems the reader found and recovered from, as findings with the reader's byte offset.</summary>
    internal static class ReaderDiagnosticCheck
    {
        public static void Check(ValidationContext c)
        {
            foreach (MarcDiagnostic d in c.Record.Warnings)
            {
                string rule = RuleFor(d.Code);
                ValidationSeverity severity = d.Severity == MarcSeverity.Error ? ValidationSeverity.Error : ValidationSeverity.Warning;
                if (d.Code == MarcDiagnosticCodes.EncodingDetected || d.Code == MarcDiagnosticCodes.EncodingOverridden) severity = ValidationSeverity.Info;
                c.Report(rule, d.Code + ": " + d.Message, d.Tag, position: -1, severity: severity, byteOffset: d.ByteOffset);
            }
        }

        private static string RuleFor(string code)
        {
            switch (code)
            {
                case MarcDiagnosticCodes.EncodingMismatch:
                case MarcDiagnosticCodes.EncodingDetected:
                case MarcDiagnosticCodes.EncodingOverridden:
                case MarcDiagnosticCodes.InvalidUtf8:
                case MarcDiagnosticCodes.Marc8UnmappedCharacter:
                case MarcDiagnosticCodes.Marc8InvalidEscape:
                    return MarcRuleCatalog.EncodingMismatch;
                case MarcDiagnosticCodes.Marc8CombiningAtEnd:
                case MarcDiagnosticCodes.Marc8CombiningBeforeSpace:
                    return MarcRuleCatalog.LoneCombiningMark;
                default:
                    return MarcRuleCatalog.ReaderDiagnostic;
            }
        }
    }
}

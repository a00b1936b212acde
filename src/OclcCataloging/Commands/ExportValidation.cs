using System.IO;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// -Validate Full|Basic|None (with -ExcludeRule and -RulesPath) of the cmdlets that send or write records: the one
    /// validator Test-MarcRecord uses; a record with errors (severity Error after the rules) is refused, never dropped
    /// silently (docs/design/marc-validation.md, "Validating on export").
    /// </summary>
    internal sealed class ExportValidation
    {
        internal const string None = "None";

        private readonly MarcValidator _validator;

        private ExportValidation(MarcValidator validator) => _validator = validator;

        /// <summary>Null for -Validate None (then -ExcludeRule and -RulesPath have no effect, and a warning says so).</summary>
        internal static ExportValidation? Create(PSCmdlet cmdlet, string validate, string[] excludeRule, string? rulesPath)
        {
            ValidationLevel level = ValidationOptionsFactory.ParseLevel(validate);
            if (level == ValidationLevel.None)
            {
                if (excludeRule.Length > 0 || rulesPath != null)
                    cmdlet.WriteWarning("-ExcludeRule and -RulesPath apply only with -Validate Full or -Validate Basic; the records are not validated.");
                return null;
            }
            return new ExportValidation(new MarcValidator(ValidationOptionsFactory.Create(cmdlet, level, null, excludeRule, rulesPath)));
        }

        /// <summary>The result when <paramref name="record"/> has validation errors, else null.</summary>
        internal MarcValidationResult? Refuse(MarcRecord record, long recordNumber)
        {
            MarcValidationResult result = _validator.Validate(record, recordNumber);
            return result.IsValid ? null : result;
        }

        /// <summary>The non-terminating error for a record an export cmdlet did not write: id RecordNotValid, target the record.</summary>
        internal static ErrorRecord NotWritten(MarcValidationResult result, string subject, MarcRecord target, string destination)
        {
            string message = subject + " not written to " + destination + ": it has " + MarcFindingText.DescribeErrors(result);
            var exception = new InvalidDataException(message);
            exception.Data["ValidationResult"] = result;
            return new ErrorRecord(exception, ErrorIds.RecordNotValid, ErrorCategory.InvalidData, target)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = FixAdvice,
                },
            };
        }

        internal const string FixAdvice = "Fix the record (Test-MarcRecord lists the findings), turn off a rule that does not fit local practice with -ExcludeRule or -RulesPath, or write it unchecked with -Validate None.";
    }
}

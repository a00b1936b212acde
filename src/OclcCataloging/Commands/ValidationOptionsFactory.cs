using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Builds the validator options from -Level/-Validate, -RecordKind, -RulesPath and -ExcludeRule, the same way for
    /// Test-MarcRecord and the export cmdlets (docs/design/marc-validation.md). Problems are terminating errors.
    /// </summary>
    internal static class ValidationOptionsFactory
    {
        internal static MarcValidationOptions Create(PSCmdlet cmdlet, ValidationLevel level, string? recordKind, string[] excludeRule, string? rulesPath)
        {
            var options = new MarcValidationOptions
            {
                Level = level,
                RecordKind = recordKind == null ? (RecordKind?)null : (RecordKind)Enum.Parse(typeof(RecordKind), recordKind, ignoreCase: true),
            };
            if (rulesPath != null) ApplyRulesFile(cmdlet, options, rulesPath);
            foreach (string pattern in excludeRule)
            {
                try
                {
                    options.Exclude(pattern);
                }
                catch (ArgumentException e)
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(e.Message + " Get-Help Test-MarcRecord lists the rule ids.", e), ErrorIds.ValidationRuleUnknown, ErrorCategory.InvalidArgument, pattern));
                }
            }
            return options;
        }

        internal static ValidationLevel ParseLevel(string level) => (ValidationLevel)Enum.Parse(typeof(ValidationLevel), level, ignoreCase: true);

        private static void ApplyRulesFile(PSCmdlet cmdlet, MarcValidationOptions options, string path)
        {
            var files = ProviderPaths.ResolveInputFiles(cmdlet, path, literal: false);
            foreach (string file in files)
            {
                try
                {
                    using var reader = new StreamReader(file);
                    MarcRulesFile.Apply(reader, file, options);
                }
                catch (FormatException e)
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.ValidationRulesFileInvalid, ErrorCategory.InvalidData, file));
                }
            }
        }
    }
}

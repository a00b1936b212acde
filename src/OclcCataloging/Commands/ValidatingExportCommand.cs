using System;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// A cmdlet that writes or sends records and can validate each one first: the -Validate, -ExcludeRule and
    /// -RulesPath parameters Export-MarcFile, Export-DataSyncFile and Send-GatewayExport share, and the one way they
    /// decide to refuse a record (<see cref="ExportValidation"/>; docs/design/marc-validation.md, "Validating on export").
    /// </summary>
    public abstract class ValidatingExportCommand : PSCmdlet
    {
        private ExportValidation? _validation;

        /// <summary>Full or Basic: validate each record as Test-MarcRecord does and refuse one with errors (not written, or not sent). None (the default): no validation.</summary>
        [Parameter]
        [ValidateSet("Full", "Basic", "None")]
        public string Validate { get; set; } = ExportValidation.None;

        /// <summary>With -Validate: rule ids to turn off; wildcards allowed (Title*).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MarcRuleIdCompleter))]
        public string[] ExcludeRule { get; set; } = Array.Empty<string>();

        /// <summary>With -Validate: a rules file, one 'RuleId Off|Error|Warning|Info' a line, # for comments.</summary>
        [Parameter]
        public string? RulesPath { get; set; }

        /// <summary>Builds the validator from the parameters (terminating errors for unknown rules or a bad rules file); call first in BeginProcessing.</summary>
        protected void StartValidation() => _validation = ExportValidation.Create(this, Validate, ExcludeRule, RulesPath);

        /// <summary>The validation result when <paramref name="record"/> has errors and must not be written or sent; null when it may go (or -Validate None).</summary>
        protected MarcValidationResult? Refuse(MarcRecord record, long recordNumber) => _validation?.Refuse(record, recordNumber);
    }
}

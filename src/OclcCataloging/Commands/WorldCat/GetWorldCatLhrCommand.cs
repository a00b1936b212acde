using System;
using System.Management.Automation;
using System.Threading;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Marc;
using OclcCataloging.Search;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Reads our local holdings records (LHRs) from WorldCat as MARC records, by control number or by OCLC number and holding library code.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WorldCatLhr", HelpUri = HelpLinks.Folder + "Get-WorldCatLhr.md", DefaultParameterSetName = ControlNumberSet)]
    [OutputType(typeof(MarcRecord))]
    public sealed class GetWorldCatLhrCommand : WorldCatActionCommand
    {
        private const string ControlNumberSet = "ControlNumber";
        private const string OclcNumberSet = "OclcNumber";
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private bool _halted;

        /// <summary>LHR control numbers (the LHR's 001).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ControlNumberSet)]
        public string[] ControlNumber { get; set; } = Array.Empty<string>();

        /// <summary>The OCLC number of the bibliographic record whose LHRs to read.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OclcNumberSet)]
        public string OclcNumber { get; set; } = "";

        /// <summary>Only the LHRs of this holding library code (852 $b), e.g. MAIN.</summary>
        [Parameter(ParameterSetName = OclcNumberSet)]
        public string? HoldingLibraryCode { get; set; }

        private protected override string RequiredScope =>
            ParameterSetName == OclcNumberSet ? WorldCatScopes.ViewMyHoldings : WorldCatScopes.ManageInstitutionLhrs;

        protected override void BeginProcessing() => OpenClient();

        protected override void ProcessRecord()
        {
            if (_halted) return;
            try
            {
                if (ParameterSetName == ControlNumberSet)
                {
                    foreach (string control in ControlNumber) Read(control);
                    return;
                }
                var number = ActionInputs.ParseOclcNumber(OclcNumber);
                if (!number.IsValid)
                {
                    WriteError(new ErrorRecord(new ArgumentException("'" + OclcNumber + "' is not a valid OCLC number: " + number.Problem), ErrorIds.WorldCatActionRefused, ErrorCategory.InvalidArgument, OclcNumber));
                    return;
                }
                var found = Client!.FindLhrsAsync(number.OclcNumber!, HoldingLibraryCode, new ActionContext(), _stop.Token).GetAwaiter().GetResult();
                if (found.Count == 0)
                    WriteError(new ErrorRecord(new ItemNotFoundException("WorldCat has no local holdings record of ours on " + number.OclcNumber
                        + (HoldingLibraryCode == null ? "" : " for holding library code " + HoldingLibraryCode) + "."), ErrorIds.WorldCatRecordNotFound, ErrorCategory.ObjectNotFound, OclcNumber));
                foreach (string control in found) Read(control);
            }
            catch (SearchTargetUnavailableException e)
            {
                _halted = true;
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(e.Message, e), ErrorIds.WorldCatActionStopped, ErrorCategory.PermissionDenied, null));
            }
            catch (Exception e) when (e is Search.Http.SearchHttpException || e is FormatException || e is TimeoutException || e is System.Net.Http.HttpRequestException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.WorldCatActionFailed, ErrorCategory.InvalidResult, OclcNumber));
            }
            catch (OperationCanceledException)
            {
                _halted = true;
            }
        }

        private void Read(string control)
        {
            var outcome = Client!.GetLhrAsync(control, new ActionContext(), _stop.Token).GetAwaiter().GetResult();
            switch (outcome.Status)
            {
                case ActionStatus.Done:
                    WriteObject(outcome.Record);
                    break;
                case ActionStatus.NotFound:
                    WriteError(new ErrorRecord(new ItemNotFoundException("Local holdings record " + control + ": " + outcome.Message), ErrorIds.WorldCatRecordNotFound, ErrorCategory.ObjectNotFound, control));
                    break;
                case ActionStatus.Refused:
                    WriteError(new ErrorRecord(new ArgumentException(outcome.Message), ErrorIds.WorldCatActionRefused, ErrorCategory.InvalidArgument, control));
                    break;
                default:
                    WriteError(new ErrorRecord(new InvalidOperationException("Local holdings record " + control + ": " + outcome.Message), ErrorIds.WorldCatActionFailed, ErrorCategory.InvalidResult, control));
                    break;
            }
        }

        protected override void EndProcessing() => CloseClient();

        protected override void StopProcessing() => _stop.Cancel();
    }
}

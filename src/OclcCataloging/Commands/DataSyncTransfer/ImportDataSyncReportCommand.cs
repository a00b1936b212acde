using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.DataSync.Reports;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// <para type="synopsis">Reads OCLC data sync reports (cross reference LSN to OCN, exception reports) into rows.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "DataSyncReport", HelpUri = HelpLinks.Folder + "Import-DataSyncReport.md", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DataSyncReportRow))]
    public sealed class ImportDataSyncReportCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The report files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The report files, taken as written.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName", "LocalPath")]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string given in literal ? LiteralPath : Path)
                foreach (string file in ProviderPaths.ResolveInputFiles(this, given, literal))
                {
                    try
                    {
                        foreach (DataSyncReportRow row in DataSyncReportReader.Read(file)) WriteObject(row);
                    }
                    catch (IOException e) { WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file)); }
                    catch (UnauthorizedAccessException e) { WriteError(new ErrorRecord(e, ErrorIds.FileReadFailed, ErrorCategory.PermissionDenied, file)); }
                }
        }
    }
}

using System.Collections;
using System.Collections.Generic;
using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.Transfer;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>Completes -RemoteFolder of Send-DataSyncFile with OCLC's upload folders for data sync.</summary>
    public sealed class DataSyncUploadFolderCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters)
        {
            yield return Value(DataSyncFolders.UploadFolder(DataSyncRecordKind.Bibliographic), "Bibliographic records");
            yield return Value(DataSyncFolders.UploadFolder(DataSyncRecordKind.LocalHoldings), "Local holdings records");
        }
    }

    /// <summary>Completes -RemoteFolder of Get-DataSyncRemoteFile with OCLC's folders of output files and reports.</summary>
    public sealed class DataSyncDownloadFolderCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters)
        {
            yield return Value(DataSyncFolders.Output, "Output records (new, updated, deleted)");
            yield return Value(DataSyncFolders.Reports, "Reports");
        }
    }
}

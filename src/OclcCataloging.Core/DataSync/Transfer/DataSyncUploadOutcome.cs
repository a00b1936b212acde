namespace OclcCataloging.DataSync.Transfer
{
    public enum DataSyncUploadOutcome
    {
        /// <summary>The whole file is on the server under its name.</summary>
        Uploaded = 0,
        /// <summary>Not sent: a file of the same name is on the server (OCLC keeps only the last one of a day); -Force replaces it.</summary>
        NameInUse,
    }
}

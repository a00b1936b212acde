namespace OclcCataloging.Commands
{
    /// <summary>
    /// The stable error identifiers the cmdlets use (the first part of <c>FullyQualifiedErrorId</c>).
    /// Scripts match on them: never change an existing value.
    /// </summary>
    internal static class ErrorIds
    {
        // Test-MarcRecord
        internal const string ValidationRuleUnknown = "ValidationRuleUnknown";
        internal const string ValidationRulesFileInvalid = "ValidationRulesFileInvalid";
        /// <summary>Export-MarcFile, Export-DataSyncFile -Validate: a record with validation errors was not written.</summary>
        internal const string RecordNotValid = "RecordNotValid";

        // Paths (both cmdlets)
        internal const string FileNotFound = "FileNotFound";
        internal const string DirectoryNotFound = "DirectoryNotFound";
        internal const string PathIsDirectory = "PathIsDirectory";
        internal const string NotFileSystemPath = "NotFileSystemPath";
        internal const string MultipleFilesNotSupported = "MultipleFilesNotSupported";

        // Import-MarcFile
        internal const string UnreadableRecord = "UnreadableRecord";
        /// <summary>ConvertFrom-MarcText: the text has no =LDR line and no field line.</summary>
        internal const string NotMarcText = "NotMarcText";
        internal const string FileOpenFailed = "FileOpenFailed";
        internal const string FileReadFailed = "FileReadFailed";
        internal const string NotMarcFile = "NotMarcFile";
        internal const string TooManyUnreadableRecords = "TooManyUnreadableRecords";
        internal const string RejectPathIsInput = "RejectPathIsInput";
        internal const string RejectFileWriteFailed = "RejectFileWriteFailed";

        // Export-MarcFile
        internal const string FileExists = "FileExists";
        internal const string FileReadOnly = "FileReadOnly";
        internal const string AppendFormatMismatch = "AppendFormatMismatch";
        internal const string AppendTargetInvalid = "AppendTargetInvalid";
        internal const string RecordNotWritten = "RecordNotWritten";
        internal const string FileWriteFailed = "FileWriteFailed";

        // Invoke-BatchSearch
        internal const string SearchTargetMissing = "SearchTargetMissing";
        internal const string SearchTargetIncomplete = "SearchTargetIncomplete";
        internal const string SearchTargetUnavailable = "SearchTargetUnavailable";
        internal const string SearchKeyInvalid = "SearchKeyInvalid";
        internal const string SearchFailed = "SearchFailed";
        internal const string BatchStateInvalid = "BatchStateInvalid";

        // WorldCat record actions (Get-/Add-/Remove-WorldCatHolding, Get-/New-/Set-/Remove-WorldCatLhr, Test-WorldCatRecord)
        internal const string WorldCatScopeMissing = "WorldCatScopeMissing";
        internal const string WorldCatActionStopped = "WorldCatActionStopped";
        internal const string WorldCatActionFailed = "WorldCatActionFailed";
        internal const string WorldCatActionRefused = "WorldCatActionRefused";
        internal const string WorldCatActionOutcomeUnknown = "WorldCatActionOutcomeUnknown";
        internal const string WorldCatRecordNotFound = "WorldCatRecordNotFound";

        // ConvertTo-MarcText
        internal const string RecordNotConverted = "RecordNotConverted";

        // Test-LhrRecord (record findings use the OclcCataloging.DataSync.Lhr.LhrRules values as ids)
        internal const string TranslationTableInvalid = "TranslationTableInvalid";

        // Saved connections (Set-, Get-, Remove-OclcConnection and every -Connection parameter)
        internal const string ConnectionNotFound = "ConnectionNotFound";
        internal const string ConnectionKindMismatch = "ConnectionKindMismatch";
        internal const string ConnectionSecretUnreadable = "ConnectionSecretUnreadable";
        internal const string ConnectionSecretNotSaved = "ConnectionSecretNotSaved";
        internal const string ConnectionSecretNotRemoved = "ConnectionSecretNotRemoved";
        internal const string ConnectionStoreUnreadable = "ConnectionStoreUnreadable";
        internal const string ConnectionStoreWriteFailed = "ConnectionStoreWriteFailed";
        internal const string InvalidConnectionName = "InvalidConnectionName";
        internal const string ParameterNotForKind = "ParameterNotForKind";
        internal const string ConnectionSettingMissing = "ConnectionSettingMissing";
        internal const string InvalidConnectionSetting = "InvalidConnectionSetting";
        internal const string SecretStoreUnavailable = "SecretStoreUnavailable";
        // Send-GatewayExport (per-record errors use the OclcCataloging.Gateway.GatewayErrorCodes values as ids)
        internal const string GatewayPortRequired = "GatewayPortRequired";

        // Start-/Stop-/Get-GatewayListener
        internal const string GatewayListenerStartFailed = "GatewayListenerStartFailed";
        internal const string GatewayListenerPortInUse = "GatewayListenerPortInUse";
        internal const string GatewayListenerNoOutput = "GatewayListenerNoOutput";
        internal const string GatewayListenerOutputFailed = "GatewayListenerOutputFailed";
        internal const string GatewayListenerNotFound = "GatewayListenerNotFound";
        internal const string GatewayHandlerFailed = "GatewayHandlerFailed";

        // Send-DataSyncFile, Get-DataSyncRemoteFile, Receive-DataSyncFile (the SftpFailure name follows "Sftp")
        internal const string DataSyncNameInvalid = "DataSyncNameInvalid";
        internal const string DataSyncNameInUse = "DataSyncNameInUse";
        internal const string SftpPrefix = "Sftp";

        // Issue 13: -RemoveField, Merge-MarcRecord, Compare-MarcRecord, Resolve-KohaImportAction, constant data
        internal const string FieldSelectorInvalid = "FieldSelectorInvalid";
        internal const string ConstantDataInvalid = "ConstantDataInvalid";
        internal const string ExistingRecordsRequired = "ExistingRecordsRequired";
        internal const string ReferenceRecordNotFound = "ReferenceRecordNotFound";
        internal const string BriefLevelTableInvalid = "BriefLevelTableInvalid";
        internal const string KohaConfigInvalid = "KohaConfigInvalid";
        internal const string KohaSettingInvalid = "KohaSettingInvalid";
        // Koha sink of Start-GatewayListener, Send-KohaSpool
        internal const string KohaParameterConflict = "KohaParameterConflict";
        internal const string KohaSettingsInvalid = "KohaSettingsInvalid";
        internal const string KohaConfigUnreadable = "KohaConfigUnreadable";
        internal const string KohaSpoolNotFound = "KohaSpoolNotFound";
        internal const string KohaSpoolRecordRefused = "KohaSpoolRecordRefused";
        internal const string KohaUnreachable = "KohaUnreachable";
        // Convert-MarcFile (its read and write errors use the Import-MarcFile / Export-MarcFile ids above)
        internal const string DestinationIsInput = "DestinationIsInput";
    }
}

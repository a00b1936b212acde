@{
    RootModule             = 'OclcCataloging.psm1'
    ModuleVersion          = '0.1.0'
    GUID                   = '5b0d7c1e-3f4a-4e8b-9c1d-2a6f8e4b7d10'
    Author                 = 'OclcCataloging contributors'
    CompanyName            = 'OclcCataloging'
    Copyright              = '(c) OclcCataloging contributors. MIT License.'
    Description            = 'Script OCLC cataloging work: read, fix and write MARC 21 records (ISO 2709, MARCXML), prepare WorldCat data sync files, export to an ILS and batch-search WorldCat, for library IT staff on Windows PowerShell 5.1 and PowerShell 7.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CLRVersion             = '4.0'
    HelpInfoURI            = 'https://github.com/oclccataloging/OclcCataloging/tree/main/docs/help'
    FormatsToProcess       = @('OclcCataloging.Format.ps1xml')
    TypesToProcess         = @('OclcCataloging.Types.ps1xml')
    CmdletsToExport        = @(
        'Import-MarcFile'
        'Export-MarcFile'
        'Get-OclcNumber'
        'New-DataSyncFileName'
        'Test-DataSyncFileName'
        'Get-DataSyncFileInfo'
        'Test-LhrRecord'
        'Test-MarcRecord'
        'Export-DataSyncFile'
        'ConvertTo-MarcText'
        'ConvertFrom-MarcText'
        'Set-OclcConnection'
        'Get-OclcConnection'
        'Remove-OclcConnection'
        'Send-GatewayExport'
        'Start-GatewayListener'
        'Stop-GatewayListener'
        'Get-GatewayListener'
        'Invoke-BatchSearch'
        'Get-WorldCatHolding'
        'Add-WorldCatHolding'
        'Remove-WorldCatHolding'
        'Get-WorldCatLhr'
        'New-WorldCatLhr'
        'Set-WorldCatLhr'
        'Remove-WorldCatLhr'
        'Test-WorldCatRecord'
        'Send-DataSyncFile'
        'Get-DataSyncRemoteFile'
        'Receive-DataSyncFile'
        'Import-DataSyncReport'
        'Merge-MarcRecord'
        'Compare-MarcRecord'
        'Resolve-KohaImportAction'
        'New-MarcConstantData'
        'Set-MarcConstantData'
        'Send-KohaSpool'
        'Convert-MarcFile'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('MARC', 'MARC21', 'MARCXML', 'OCLC', 'WorldCat', 'Library', 'Cataloging', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'DataSync', 'Connexion', 'Koha', 'Alma', 'SRU', 'ILS')
            ProjectUri   = 'https://github.com/oclccataloging/OclcCataloging'
            LicenseUri   = 'https://github.com/oclccataloging/OclcCataloging/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md in the module folder or https://github.com/oclccataloging/OclcCataloging/blob/main/CHANGELOG.md'
        }
    }
}

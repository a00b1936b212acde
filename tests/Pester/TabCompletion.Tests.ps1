BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    . (Join-Path $PSScriptRoot 'TabCompletionHelpers.ps1')
    $script:parameters = Get-CompletionParameterFacts
    $script:enumOrSet = @($parameters | Where-Object { $_.Expected.Count -gt 0 })
    # One parameter per enum type the module uses, for the exact list of its values.
    $script:enumTypes = @($parameters | Where-Object { $_.Type.IsEnum } | Group-Object { $_.Type.FullName } | ForEach-Object { $_.Group[0] })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'TabCompletionHelpers.ps1')
    Import-OclcModule
    $script:parameters = Get-CompletionParameterFacts

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }

    # Named values: string parameters whose value is one of a known or discoverable set, and the completer that
    # offers it. A new parameter of this kind must be added here (and get its completer).
    $script:namedValues = @{
        'Get-OclcConnection -Name'            = 'ConnectionNameCompleter'
        'Set-OclcConnection -Name'            = 'ConnectionNameCompleter'
        'Remove-OclcConnection -Name'         = 'ConnectionNameCompleter'
        'Invoke-BatchSearch -Connection'      = 'SearchConnectionNameCompleter'
        'Send-GatewayExport -Connection'      = 'GatewayConnectionNameCompleter'
        'Send-KohaSpool -KohaConnection'      = 'GatewayConnectionNameCompleter'
        'Start-GatewayListener -KohaConnection' = 'GatewayConnectionNameCompleter'
        'Send-DataSyncFile -Connection'       = 'SftpConnectionNameCompleter'
        'Receive-DataSyncFile -Connection'    = 'SftpConnectionNameCompleter'
        'Get-DataSyncRemoteFile -Connection'  = 'SftpConnectionNameCompleter'
        'Test-MarcRecord -ExcludeRule'        = 'MarcRuleIdCompleter'
        'Export-MarcFile -ExcludeRule'        = 'MarcRuleIdCompleter'
        'Export-DataSyncFile -ExcludeRule'    = 'MarcRuleIdCompleter'
        'Send-GatewayExport -ExcludeRule'     = 'MarcRuleIdCompleter'
        'Invoke-BatchSearch -IndexMap'        = 'IndexMapPresetCompleter'
        'Set-OclcConnection -IndexMap'        = 'IndexMapPresetCompleter'
        'Invoke-BatchSearch -RecordSchema'    = 'SruRecordSchemaCompleter'
        'Set-OclcConnection -RecordSchema'    = 'SruRecordSchemaCompleter'
        'Invoke-BatchSearch -Scope'           = 'WorldCatScopeCompleter'
        'Set-OclcConnection -Scope'           = 'WorldCatScopeCompleter'
        'Set-OclcConnection -Vault'           = 'SecretVaultCompleter'
        'Send-DataSyncFile -RemoteFolder'     = 'DataSyncUploadFolderCompleter'
        'Get-DataSyncRemoteFile -RemoteFolder' = 'DataSyncDownloadFolderCompleter'
        'Start-GatewayListener -IPAddress'    = 'LocalAddressCompleter'
    }
    foreach ($c in 'Start-GatewayListener', 'Send-KohaSpool', 'Resolve-KohaImportAction') {
        foreach ($p in 'OverlayAction', 'NomatchAction', 'ItemAction', 'ImportMode') { $namedValues["$c -$p"] = 'KohaSettingCompleter' }
    }
    foreach ($c in 'Start-GatewayListener', 'Send-KohaSpool') { $namedValues["$c -Match"] = 'KohaSettingCompleter' }
    foreach ($c in 'Add-WorldCatHolding', 'Get-WorldCatHolding', 'Remove-WorldCatHolding', 'Get-WorldCatLhr', 'New-WorldCatLhr',
        'Set-WorldCatLhr', 'Remove-WorldCatLhr', 'Test-WorldCatRecord') {
        $namedValues["$c -Connection"] = 'SearchConnectionNameCompleter'
        $namedValues["$c -Scope"] = 'WorldCatScopeCompleter'
    }

    # String parameters with no set to complete from: file paths (PowerShell completes those itself), identifiers,
    # record data and free text. The reason is given per group.
    $script:freeForm = @(
        # Record data, keys and numbers taken from the records or the library's own data.
        'ConvertFrom-MarcText -InputObject', 'Get-OclcNumber -Value', 'Invoke-BatchSearch -Key',
        'Add-WorldCatHolding -InputObject', 'Get-WorldCatHolding -InputObject', 'Remove-WorldCatHolding -InputObject',
        'New-WorldCatLhr -InputObject', 'Set-WorldCatLhr -InputObject',
        'Get-WorldCatLhr -ControlNumber', 'Remove-WorldCatLhr -ControlNumber', 'Set-WorldCatLhr -ControlNumber',
        'Get-WorldCatLhr -OclcNumber', 'Get-WorldCatLhr -HoldingLibraryCode',
        # The library's OCLC identifiers and file descriptions (given by OCLC, or chosen by the library).
        'Export-DataSyncFile -CollectionId', 'Export-DataSyncFile -Symbol', 'Export-DataSyncFile -Description',
        'New-DataSyncFileName -CollectionId', 'New-DataSyncFileName -Symbol', 'New-DataSyncFileName -Description',
        'Get-DataSyncRemoteFile -CollectionId',
        # Data sync file names: names of files, given as text (the path parameters complete files).
        'Get-DataSyncFileInfo -Name', 'Test-DataSyncFileName -Name',
        # Tag lists and field expressions the caller writes ('9..', '852$b=WDRN', '500$a=Local note').
        'Export-MarcFile -RemoveField', 'Send-GatewayExport -RemoveField', 'Test-LhrRecord -ExcludeRule',
        'New-MarcConstantData -Name', 'New-MarcConstantData -Replace', 'New-MarcConstantData -Add', 'New-MarcConstantData -Skip',
        # A CSV path or rows from Import-Csv.
        'Test-LhrRecord -TranslationTable',
        # Servers, accounts and keys of the library's own systems.
        'Send-GatewayExport -ComputerName', 'Send-GatewayExport -UserId', 'Set-OclcConnection -ComputerName',
        'Set-OclcConnection -UserId', 'Set-OclcConnection -HostKeyFingerprint', 'Set-OclcConnection -Description',
        'Get-DataSyncRemoteFile -HostKeyFingerprint', 'Receive-DataSyncFile -HostKeyFingerprint', 'Send-DataSyncFile -HostKeyFingerprint',
        # Koha framework codes are defined by each library in its Koha.
        'Send-KohaSpool -Framework', 'Send-KohaSpool -OverlayFramework', 'Start-GatewayListener -Framework', 'Start-GatewayListener -OverlayFramework'
    )

    $script:savedConnectionsPath = $env:OCLC_CONNECTIONS_PATH
    $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections/connections.json'
    $cred = [pscredential]::new('client-id', (ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force))
    Set-OclcConnection 'Nightly WorldCat' WorldCat -Credential $cred -Description 'Metadata API'
    Set-OclcConnection Union Sru -BaseAddress https://sru.example.org/cat
    Set-OclcConnection Lc IdLoc -Scheme Names
    Set-OclcConnection KohaProd Gateway -ComputerName koha.example.org -Port 8888 -ReceiverType Koha
}

AfterAll {
    $env:OCLC_CONNECTIONS_PATH = $script:savedConnectionsPath
}

Describe 'Tab completion' {

    Context 'Enumerated values' {
        It '<Name> offers every value of <Type>' -ForEach $enumTypes {
            Get-Completion "$Command -$Parameter " | Sort-Object | Should -Be ($Expected | Sort-Object)
        }

        It 'narrows enumerated values to the prefix typed' {
            Get-Completion 'Import-MarcFile -Format M' | Should -Be @('MarcXml', 'Mrk', 'Mrk8')
            Get-Completion 'Send-GatewayExport -ReceiverType k' | Should -Be 'Koha'
            Get-Completion 'Test-MarcRecord -Level f' | Should -Be 'Full'
        }

        It '<Name> completes to at least one value' -ForEach $enumOrSet {
            $got = @(Get-Completion "$Command -$Parameter ")
            $got.Count | Should -BeGreaterThan 0
            $got | ForEach-Object { $_ | Should -BeIn $Expected }
        }
    }

    Context 'Saved connection names' {
        It 'lists every saved connection, quoting names with spaces, and narrows to a prefix' {
            Get-Completion 'Get-OclcConnection -Name ' | Should -Be @('KohaProd', 'Lc', "'Nightly WorldCat'", 'Union')
            Get-Completion 'Remove-OclcConnection -Name n' | Should -Be "'Nightly WorldCat'"
        }

        It 'offers each -Connection only the kinds the command can use' {
            Get-Completion 'Send-GatewayExport -Connection ' | Should -Be 'KohaProd'
            Get-Completion 'Send-KohaSpool -KohaConnection ' | Should -Be 'KohaProd'
            Get-Completion 'Invoke-BatchSearch -Connection ' | Should -Be @('Lc', "'Nightly WorldCat'", 'Union')
            Get-Completion 'Invoke-BatchSearch -Target Sru -Connection ' | Should -Be 'Union'
            Get-Completion 'Add-WorldCatHolding -Connection ' | Should -Be "'Nightly WorldCat'"
            Get-Completion 'Get-WorldCatLhr -Connection ' | Should -Be "'Nightly WorldCat'"
        }

        It 'offers nothing for a kind with no saved connection' {
            Get-Completion 'Receive-DataSyncFile -Connection ' | Should -BeNullOrEmpty
        }
    }

    Context 'Named values' {
        It 'completes validation rule ids, narrowed to a prefix' {
            $all = @(Get-Completion 'Test-MarcRecord -ExcludeRule ')
            $all | Should -Contain 'LeaderStatus'
            $all | Should -Contain 'FieldNotRepeatable'
            $leader = @(Get-Completion 'Test-MarcRecord -ExcludeRule Leader')
            $leader | Should -Contain 'LeaderStatus'
            $leader | ForEach-Object { $_ | Should -BeLike 'Leader*' }
            $leader.Count | Should -BeLessThan $all.Count
            Get-Completion 'Export-MarcFile -ExcludeRule FieldNot' | Should -Be 'FieldNotRepeatable'
            Get-Completion 'Send-GatewayExport -ExcludeRule FieldNot' | Should -Be 'FieldNotRepeatable'
        }

        It 'completes Koha import settings in Koha''s spelling' {
            Get-Completion 'Send-KohaSpool -ItemAction add_' | Should -Be @('add_only_for_matches', 'add_only_for_new')
            Get-Completion 'Resolve-KohaImportAction -NomatchAction ' | Should -Be @('create_new', 'ignore')
        }

        It 'completes index map presets' {
            Get-Completion 'Invoke-BatchSearch -IndexMap ' | Should -Contain 'Zebra'
            Get-Completion 'Set-OclcConnection -IndexMap l' | Should -Be 'LibraryOfCongress'
        }

        It 'completes WorldCat scopes, the umbrella scope first' {
            $scopes = Get-Completion 'Add-WorldCatHolding -Scope '
            $scopes[0] | Should -Be 'WorldCatMetadataAPI'
            $scopes | Should -Contain 'WorldCatMetadataAPI:manage_institution_holdings'
            Get-Completion 'Set-OclcConnection -Scope WorldCatMetadataAPI:manage_b' | Should -Be 'WorldCatMetadataAPI:manage_bibs'
        }

        It 'completes SRU record schema names for MARCXML' {
            Get-Completion 'Invoke-BatchSearch -RecordSchema ' | Should -Be @('marcxml', 'info:srw/schema/1/marcxml-v1.1')
            Get-Completion 'Set-OclcConnection -RecordSchema m' | Should -Be 'marcxml'
        }

        It 'completes OCLC''s data sync folders: upload folders to send, output and report folders to fetch' {
            Get-Completion 'Send-DataSyncFile -RemoteFolder ' | Should -Be @('/xfer/metacoll/in/bib', '/xfer/metacoll/in/lhr')
            Get-Completion 'Send-DataSyncFile -RemoteFolder /xfer/metacoll/in/l' | Should -Be '/xfer/metacoll/in/lhr'
            Get-Completion 'Get-DataSyncRemoteFile -RemoteFolder ' | Should -Be @('/xfer/metacoll/out', '/xfer/metacoll/reports')
        }

        It 'completes local addresses to listen on, every address and loopback first' {
            $addresses = Get-Completion 'Start-GatewayListener -IPAddress '
            $addresses[0..1] | Should -Be @('0.0.0.0', '127.0.0.1')
            Get-Completion 'Start-GatewayListener -IPAddress 127' | Should -Be '127.0.0.1'
        }

        It 'completes SecretManagement vault names (a stand-in module), and nothing without the module' {
            Get-Completion 'Set-OclcConnection -Vault ' | Where-Object { $_ -eq 'TeamVault' } | Should -BeNullOrEmpty
            $savedModulePath = $env:PSModulePath
            $modules = Join-Path $TestDrive 'FakeModules'
            $fake = Join-Path $modules 'Microsoft.PowerShell.SecretManagement'
            $null = New-Item -ItemType Directory -Path $fake -Force
            Set-Content -LiteralPath (Join-Path $fake 'Microsoft.PowerShell.SecretManagement.psm1') -Value @'
function Get-SecretVault {
    [pscustomobject]@{ Name = 'LocalStore'; IsDefault = $true }
    [pscustomobject]@{ Name = 'TeamVault'; IsDefault = $false }
}
'@
            try {
                $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
                Get-Completion 'Set-OclcConnection -Vault ' | Should -Be @('LocalStore', 'TeamVault')
                Get-Completion 'Set-OclcConnection -Vault t' | Should -Be 'TeamVault'
            }
            finally {
                Remove-Module Microsoft.PowerShell.SecretManagement -Force -ErrorAction Ignore
                $env:PSModulePath = $savedModulePath
            }
        }
    }

    Context 'Every parameter is accounted for' {
        It 'gives every named-value parameter its completer' {
            $byName = @{}
            foreach ($p in $parameters) { $byName[$p.Name] = $p }
            foreach ($name in $namedValues.Keys) {
                $byName.ContainsKey($name) | Should -BeTrue -Because "$name is listed as a named value"
                $byName[$name].Completer | Should -Be $namedValues[$name] -Because "$name completes its values"
            }
        }

        It 'classifies every string parameter: enumerated, completed, a path, or known free text' {
            $unclassified = @($parameters | Where-Object {
                    ($_.Type -eq [string] -or $_.Type -eq [object]) -and $_.Expected.Count -eq 0 -and -not $_.Completer -and
                    $_.Parameter -notmatch 'Path$|^Destination$|^Directory$' -and $_.Name -notin $freeForm
                } | ForEach-Object Name)
            $unclassified | Should -BeNullOrEmpty -Because 'a parameter whose values come from a known set needs an argument completer (add it to the named values), otherwise list it as free text'
            $stale = @($freeForm | Where-Object { $_ -notin $parameters.Name })
            $stale | Should -BeNullOrEmpty -Because 'the free-text list names only parameters that exist'
        }
    }
}

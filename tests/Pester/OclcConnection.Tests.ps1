BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:savedPath = $env:OCLC_CONNECTIONS_PATH
    $script:secret = 'Sup3r-S3cret-Value'
    $script:cred = [pscredential]::new('client-id-123', (ConvertTo-SecureString $secret -AsPlainText -Force))

    # Calls the internal ConnectionResolver.TryResolve the way a cmdlet does, with this function's $PSCmdlet.
    function Invoke-Resolve {
        [CmdletBinding()]
        param([string] $Name, [OclcCataloging.Connections.ConnectionKind[]] $Kind)
        $type = (Get-Command Set-OclcConnection).ImplementingType.Assembly.GetType('OclcCataloging.Commands.ConnectionResolver', $true)
        $method = $type.GetMethod('TryResolve', [System.Reflection.BindingFlags] 'Static, NonPublic')
        $arguments = [object[]] @($PSCmdlet, $Name, $Kind, $null, $null)
        $ok = $method.Invoke($null, $arguments)
        $resolved = $arguments[3]
        if ($resolved) {
            # ResolvedConnection is internal: read its members through reflection.
            $flags = [System.Reflection.BindingFlags] 'Instance, NonPublic'
            $resolved = [pscustomobject]@{
                Profile      = $resolved.GetType().GetProperty('Profile', $flags).GetValue($resolved)
                Credential   = $resolved.GetType().GetProperty('Credential', $flags).GetValue($resolved)
                PSCredential = $resolved.GetType().GetMethod('ToPSCredential', $flags).Invoke($resolved, @())
            }
        }
        [pscustomobject]@{ Ok = $ok; Resolved = $resolved; Error = $arguments[4] }
    }

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

AfterAll {
    $env:OCLC_CONNECTIONS_PATH = $script:savedPath
}

Describe 'Saved connections' {
    BeforeEach {
        $script:folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $script:path = Join-Path $folder 'connections.json'
        $env:OCLC_CONNECTIONS_PATH = $path
    }

    Context 'Set-OclcConnection and Get-OclcConnection' {
        It 'saves and returns profiles of every kind with their settings' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -Scope WorldCatMetadataAPI -RequestsPerSecond 2.5 -DailyBudget 50000 -Description 'Nightly'
            Set-OclcConnection Union Sru -BaseAddress https://sru.example.org/cat -SruVersion 1.2 -RecordSchema marcxml -IndexMap @{ title = 'dc.title'; ISBN = 'bath.isbn' }
            Set-OclcConnection Lc IdLoc -Scheme names
            Set-OclcConnection KohaProd Gateway -ComputerName koha.example.org -Port 8888 -ReceiverType Koha -UserId cat1 -Credential $cred

            $all = Get-OclcConnection
            $all.Name | Should -Be @('KohaProd', 'Lc', 'Union', 'WorldCat')
            $w = Get-OclcConnection worldcat
            $w | Should -BeOfType ([OclcCataloging.Connections.ConnectionProfile])
            $w.Kind | Should -Be 'WorldCat'
            $w.UserName | Should -Be 'client-id-123'
            $w.HasSecret | Should -BeTrue
            $w.Settings['RequestsPerSecond'] | Should -Be '2.5'
            $w.Settings['DailyBudget'] | Should -Be '50000'
            $w.Description | Should -Be 'Nightly'
            $u = Get-OclcConnection Union
            $u.HasSecret | Should -BeFalse
            $u.SecretStore | Should -Be 'None'
            $u.Settings['BaseAddress'] | Should -Be 'https://sru.example.org/cat'
            $u.IndexMap['Title'] | Should -Be 'dc.title'
            $u.IndexMap['Isbn'] | Should -Be 'bath.isbn'
            (Get-OclcConnection Lc).Settings['Scheme'] | Should -Be 'Names'
            $g = Get-OclcConnection KohaProd
            $g.Settings['ComputerName'] | Should -Be 'koha.example.org'
            $g.Settings['Port'] | Should -Be '8888'
            $g.Settings['ReceiverType'] | Should -Be 'Koha'
            $g.Settings['UserId'] | Should -Be 'cat1'
        }

        It 'keeps the secret in the key file store on Linux and macOS' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            Set-OclcConnection WorldCat WorldCat -Credential $cred
            (Get-OclcConnection WorldCat).SecretStore | Should -Be 'KeyFile'
            Test-Path -LiteralPath (Join-Path $folder 'connections.key') | Should -BeTrue
        }

        It 'warns when a WorldCat scope leaves out the record-action scopes, and not for the umbrella scope' {
            Set-OclcConnection Narrow WorldCat -Credential $cred -Scope 'WorldCatMetadataAPI:manage_bibs' -WarningVariable narrow -WarningAction SilentlyContinue
            Set-OclcConnection Wide WorldCat -Credential $cred -Scope 'WorldCatMetadataAPI context:128807' -WarningVariable wide -WarningAction SilentlyContinue
            "$narrow" | Should -Match 'WorldCatMetadataAPI:manage_institution_holdings'
            "$narrow" | Should -Not -Match 'manage_bibs,'
            $wide | Should -BeNullOrEmpty
            (Get-OclcConnection Narrow).Settings['Scope'] | Should -Be 'WorldCatMetadataAPI:manage_bibs'
        }

        It 'filters by wildcard and kind and reports a missing literal name' {
            Set-OclcConnection test-a Sru -BaseAddress https://a.example.org/sru
            Set-OclcConnection test-b Gateway -ComputerName b -Port 1
            Set-OclcConnection prod Sru -BaseAddress https://p.example.org/sru
            (Get-OclcConnection 'test*').Name | Should -Be @('test-a', 'test-b')
            (Get-OclcConnection 'TEST*' -Kind Sru).Name | Should -Be 'test-a'
            (Get-OclcConnection -Kind Sru).Name | Should -Be @('prod', 'test-a')
            Get-OclcConnection 'nothing*' | Should -BeNullOrEmpty
            $err = $null
            Get-OclcConnection nothing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionNotFound,*'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'nothing'
        }

        It 'replaces a profile of the same name, ignoring case, and returns it with -PassThru' {
            Set-OclcConnection Koha Gateway -ComputerName old -Port 1
            $p = Set-OclcConnection KOHA Gateway -ComputerName new -Port 2 -PassThru
            $p.Settings['ComputerName'] | Should -Be 'new'
            @(Get-OclcConnection).Count | Should -Be 1
            (Get-OclcConnection koha).Settings['Port'] | Should -Be '2'
        }

        It 'writes nothing with -WhatIf' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -WhatIf
            Test-Path -LiteralPath $folder | Should -BeFalse
            Set-OclcConnection Union Sru -BaseAddress https://sru.example.org/cat
            $before = Get-Content -LiteralPath $path -Raw
            Set-OclcConnection Union Sru -BaseAddress https://other.example.org/cat -WhatIf
            Remove-OclcConnection Union -WhatIf
            Get-Content -LiteralPath $path -Raw | Should -Be $before
            @(Get-ChildItem -LiteralPath $folder -Force).Name | Should -Be 'connections.json'
        }

        It 'writes the file for its owner only on Unix' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            Set-OclcConnection WorldCat WorldCat -Credential $cred
            $ownerOnly = [System.IO.UnixFileMode] 'UserRead, UserWrite'
            [System.IO.File]::GetUnixFileMode($path) | Should -Be $ownerOnly
            [System.IO.File]::GetUnixFileMode((Join-Path $folder 'connections.key')) | Should -Be $ownerOnly
        }

        It 'saves an index map preset as its entries, which Invoke-BatchSearch reads back' {
            Set-OclcConnection Koha Sru -BaseAddress https://koha.example.org/biblios -IndexMap koha
            $k = Get-OclcConnection Koha
            $k.IndexMap['Isbn'] | Should -Be 'bath.isbn'
            $k.IndexMap['PersonalName'] | Should -Be 'bath.personalName'
            $k.IndexMap['OclcNumber'] | Should -Be ''
            $k.IndexMap['AnchorWholeHeadings'] | Should -Be 'false'
            { Invoke-BatchSearch '#123' -Connection Koha -WhatIf } | Should -Not -Throw
        }

        It 'completes index map presets' {
            $line = 'Set-OclcConnection x Sru -IndexMap L'
            $c = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $c.CompletionMatches.CompletionText | Should -Be @('LibraryOfCongress')
        }

        It 'refuses <Case>' -ForEach @(
            @{ Case = 'a parameter of another kind'; Id = 'ParameterNotForKind'; Run = { Set-OclcConnection x Sru -BaseAddress https://a.b/c -Port 1 } }
            @{ Case = 'a WorldCat profile without credential'; Id = 'ConnectionSettingMissing'; Run = { Set-OclcConnection x WorldCat -Scope s } }
            @{ Case = 'a WorldCat profile without secret'; Id = 'ConnectionSettingMissing'; Run = { Set-OclcConnection x WorldCat -Credential ([pscredential]::new('id', [securestring]::new())) } }
            @{ Case = 'an SRU profile without address'; Id = 'ConnectionSettingMissing'; Run = { Set-OclcConnection x Sru } }
            @{ Case = 'a gateway without port'; Id = 'ConnectionSettingMissing'; Run = { Set-OclcConnection x Gateway -ComputerName h } }
            @{ Case = 'a wildcard in the name'; Id = 'InvalidConnectionName'; Run = { Set-OclcConnection 'x*' IdLoc } }
            @{ Case = 'an unknown search index'; Id = 'InvalidConnectionSetting'; Run = { Set-OclcConnection x Sru -BaseAddress https://a.b/c -IndexMap @{ Titel = 'dc.title' } } }
            @{ Case = 'an unknown index map preset'; Id = 'InvalidConnectionSetting'; Run = { Set-OclcConnection x Sru -BaseAddress https://a.b/c -IndexMap Aleph } }
            @{ Case = 'a password in the address'; Id = 'InvalidConnectionSetting'; Run = { Set-OclcConnection x Sru -BaseAddress 'https://user:pw@a.b/c' } }
            @{ Case = 'a non-web address'; Id = 'InvalidConnectionSetting'; Run = { Set-OclcConnection x Sru -BaseAddress 'ftp://a.b/c' } }
        ) {
            $Run | Should -Throw -ErrorId "$Id,*"
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'reports DPAPI as unavailable off Windows' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            { Set-OclcConnection x WorldCat -Credential $cred -SecretStore Dpapi } | Should -Throw -ErrorId 'SecretStoreUnavailable,*'
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'reports SecretManagement as unavailable when it is not installed' -Skip:([bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)) {
            { Set-OclcConnection x WorldCat -Credential $cred -SecretStore SecretManagement } | Should -Throw -ErrorId 'SecretStoreUnavailable,*'
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'stops with ConnectionStoreUnreadable on a damaged file' {
            $null = New-Item -ItemType Directory -Path $folder
            Set-Content -LiteralPath $path -Value '{ not json'
            { Get-OclcConnection } | Should -Throw -ErrorId 'ConnectionStoreUnreadable,*'
            { Set-OclcConnection x IdLoc } | Should -Throw -ErrorId 'ConnectionStoreUnreadable,*'
        }
    }

    Context 'Remove-OclcConnection' {
        It 'removes named and piped profiles and reports missing ones' {
            Set-OclcConnection a IdLoc
            Set-OclcConnection b IdLoc
            Set-OclcConnection c IdLoc
            Remove-OclcConnection A
            (Get-OclcConnection).Name | Should -Be @('b', 'c')
            Get-OclcConnection | Remove-OclcConnection
            Get-OclcConnection | Should -BeNullOrEmpty
            $err = $null
            Remove-OclcConnection a -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionNotFound,*'
        }
    }

    Context 'Secrets never shown' {
        It 'never writes the secret to any stream, view or file' {
            # The transcript also catches what goes to the host only (What if: messages).
            $transcript = Join-Path $TestDrive 'secret-transcript.txt'
            $null = Start-Transcript -LiteralPath $transcript -Force
            $out = & {
                Set-OclcConnection WorldCat WorldCat -Credential $cred -PassThru -Verbose -Debug -InformationAction Continue
                Set-OclcConnection KohaProd Gateway -ComputerName k -Port 1 -Credential $cred -Verbose -WhatIf
                Get-OclcConnection -Verbose
                Get-OclcConnection nothing -ErrorAction Continue
                Invoke-Resolve -Name WorldCat -Kind Gateway -Verbose | ForEach-Object Error
                Invoke-Resolve -Name WorldCat -Kind WorldCat -Verbose | Out-Null
                Remove-OclcConnection WorldCat -WhatIf -Verbose
            } *>&1
            $null = Stop-Transcript
            $shown = @(
                Get-Content -LiteralPath $transcript -Raw
                $out | Out-String -Width 500
                $out | Format-List * -Force | Out-String -Width 500
                Get-OclcConnection | Format-Table * | Out-String -Width 500
                Get-OclcConnection | Format-List * -Force | Out-String -Width 500
                Get-OclcConnection | ConvertTo-Json -Depth 5
                Get-OclcConnection | Export-Clixml -LiteralPath (Join-Path $TestDrive 'view.xml'); Get-Content (Join-Path $TestDrive 'view.xml') -Raw
            ) -join "`n"
            $shown | Should -BeLike '*What if*KohaProd*'
            $shown | Should -BeLike '*No saved connection is named*'
            $shown | Should -BeLike '*is of kind WorldCat*'
            $shown | Should -Not -BeLike "*$secret*"
            # Not even the protected form is shown.
            $shown | Should -Not -BeLike '*v1:*'
            Get-Content -LiteralPath $path -Raw | Should -Not -BeLike "*$secret*"
            $bytes = [System.IO.File]::ReadAllBytes($path)
            $utf16 = [System.Text.Encoding]::Unicode.GetString($bytes + [byte[]] @(0))
            $utf16 | Should -Not -BeLike "*$secret*"
        }

        It 'does not expose the protected secret as a property' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred
            (Get-OclcConnection WorldCat).PSObject.Properties.Name | Should -Not -Contain 'ProtectedSecret'
        }
    }

    Context 'Resolving a connection for another cmdlet' {
        It 'returns the profile and the credential with the secret' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -Scope s
            $r = Invoke-Resolve -Name worldcat -Kind WorldCat
            $r.Ok | Should -BeTrue
            $r.Resolved.Profile.Name | Should -Be 'WorldCat'
            $r.Resolved.Credential.UserName | Should -Be 'client-id-123'
            $r.Resolved.Credential.Password | Should -Be $secret
            $r.Resolved.PSCredential.GetNetworkCredential().Password | Should -Be $secret
        }

        It 'accepts any of several kinds and has no credential for a profile without one' {
            Set-OclcConnection Union Sru -BaseAddress https://sru.example.org/cat
            $r = Invoke-Resolve -Name Union -Kind WorldCat, Sru
            $r.Ok | Should -BeTrue
            $r.Resolved.Profile.Kind | Should -Be 'Sru'
            $r.Resolved.Credential | Should -BeNullOrEmpty
        }

        It 'reports <Case> as <Id>' -ForEach @(
            @{ Case = 'a missing profile'; Id = 'ConnectionNotFound'; Category = 'ObjectNotFound'; Name = 'nothing'; Kind = 'WorldCat' }
            @{ Case = 'another kind'; Id = 'ConnectionKindMismatch'; Category = 'InvalidArgument'; Name = 'WorldCat'; Kind = 'Gateway' }
        ) {
            Set-OclcConnection WorldCat WorldCat -Credential $cred
            $r = Invoke-Resolve -Name $Name -Kind $Kind
            $r.Ok | Should -BeFalse
            $r.Error.FullyQualifiedErrorId | Should -Be $Id
            $r.Error.CategoryInfo.Category | Should -Be $Category
            $r.Error.TargetObject | Should -Be $Name
        }

        It 'reports a secret saved with another key as ConnectionSecretUnreadable, without the secret' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            Set-OclcConnection WorldCat WorldCat -Credential $cred
            $key = Join-Path $folder 'connections.key'
            Remove-Item -LiteralPath $key
            Set-OclcConnection Other WorldCat -Credential $cred   # creates a new, different key
            $r = Invoke-Resolve -Name WorldCat -Kind WorldCat
            $r.Ok | Should -BeFalse
            $r.Error.FullyQualifiedErrorId | Should -Be 'ConnectionSecretUnreadable'
            $r.Error.Exception.Message | Should -BeLike '*another key*'
            ($r.Error | Out-String) | Should -Not -BeLike "*$secret*"
        }
    }

    Context 'SecretManagement vault (a stand-in module with the same commands)' {
        BeforeAll {
            # A fake Microsoft.PowerShell.SecretManagement keeps secrets in memory, so the vault code path runs
            # without the real module (not installed on the build machine).
            $script:savedModulePath = $env:PSModulePath
            $modules = Join-Path $TestDrive 'FakeModules'
            $fake = Join-Path $modules 'Microsoft.PowerShell.SecretManagement'
            $null = New-Item -ItemType Directory -Path $fake -Force
            Set-Content -LiteralPath (Join-Path $fake 'Microsoft.PowerShell.SecretManagement.psm1') -Value @'
$script:secrets = @{}
function Get-SecretVault { [pscustomobject]@{ Name = 'TestVault'; IsDefault = $true } }
function Set-Secret { param([string] $Name, [securestring] $SecureStringSecret, [string] $Vault) $script:secrets["$Vault/$Name"] = $SecureStringSecret }
function Get-Secret {
    param([string] $Name, [string] $Vault)
    if (-not $script:secrets.ContainsKey("$Vault/$Name")) { throw "Get-Secret: no secret '$Name' in vault '$Vault'." }
    $script:secrets["$Vault/$Name"]
}
function Remove-Secret { param([string] $Name, [string] $Vault) $script:secrets.Remove("$Vault/$Name") }
function Get-FakeSecretName { $script:secrets.Keys | Sort-Object }
function Clear-FakeSecret { $script:secrets.Clear() }
'@
            $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
        }

        BeforeEach {
            Microsoft.PowerShell.SecretManagement\Clear-FakeSecret
        }

        AfterAll {
            Remove-Module Microsoft.PowerShell.SecretManagement -Force -ErrorAction Ignore
            $env:PSModulePath = $script:savedModulePath
        }

        It 'keeps only a vault reference in the profile and reads the secret back from the vault' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -SecretStore SecretManagement
            (Get-OclcConnection WorldCat).SecretStore | Should -Be 'SecretManagement'
            Microsoft.PowerShell.SecretManagement\Get-FakeSecretName | Should -Be 'TestVault/OclcCataloging.WorldCat'
            $file = Get-Content -LiteralPath $path -Raw
            $file | Should -BeLike '*"value": "vault:TestVault/OclcCataloging.WorldCat"*'
            $file | Should -Not -BeLike "*$secret*"
            (Invoke-Resolve -Name WorldCat -Kind WorldCat).Resolved.Credential.Password | Should -Be $secret
        }

        It 'is the automatic choice off Windows when a default vault is registered' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            Set-OclcConnection Koha Gateway -ComputerName k -Port 1 -Credential $cred
            (Get-OclcConnection Koha).SecretStore | Should -Be 'SecretManagement'
        }

        It 'removes the vault entry with the profile, or when the profile is replaced' {
            Set-OclcConnection A IdLoc
            Set-OclcConnection WorldCat WorldCat -Credential $cred -Vault TestVault
            Set-OclcConnection Other WorldCat -Credential $cred -Vault TestVault
            Set-OclcConnection WorldCat WorldCat -Credential $cred -SecretStore KeyFile
            Microsoft.PowerShell.SecretManagement\Get-FakeSecretName | Should -Be 'TestVault/OclcCataloging.Other'
            Remove-OclcConnection Other
            Microsoft.PowerShell.SecretManagement\Get-FakeSecretName | Should -BeNullOrEmpty
        }

        It 'reports a missing vault entry as ConnectionSecretUnreadable' {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -Vault TestVault
            Microsoft.PowerShell.SecretManagement\Remove-Secret -Name OclcCataloging.WorldCat -Vault TestVault
            $r = Invoke-Resolve -Name WorldCat -Kind WorldCat
            $r.Error.FullyQualifiedErrorId | Should -Be 'ConnectionSecretUnreadable'
            $r.Error.Exception.Message | Should -BeLike '*no secret*'
        }
    }

    Context 'Tab completion' {
        BeforeEach {
            Set-OclcConnection WorldCat WorldCat -Credential $cred -Description 'Metadata API'
            Set-OclcConnection 'Koha Prod' Gateway -ComputerName k -Port 1
            Set-OclcConnection Union Sru -BaseAddress https://sru.example.org/cat
        }

        It 'completes saved names, quoting names with spaces' {
            Get-Completion 'Get-OclcConnection -Name ' | Should -Be @("'Koha Prod'", 'Union', 'WorldCat')
            Get-Completion 'Remove-OclcConnection w' | Should -Be 'WorldCat'
            Get-Completion 'Set-OclcConnection -Name u' | Should -Be 'Union'
        }

        It 'limits the names to the -Kind already given' {
            Get-Completion 'Get-OclcConnection -Kind Sru -Name ' | Should -Be 'Union'
        }

        It 'has a completer per kind for -Connection parameters' {
            $c = [OclcCataloging.Commands.GatewayConnectionNameCompleter]::new()
            $r = @($c.CompleteArgument('Send-GatewayExport', 'Connection', '', $null, @{}))
            $r.CompletionText | Should -Be "'Koha Prod'"
            $r.ToolTip | Should -Be 'Gateway'
            $w = @([OclcCataloging.Commands.WorldCatConnectionNameCompleter]::new().CompleteArgument('Invoke-BatchSearch', 'Connection', 'wo', $null, @{}))
            $w.CompletionText | Should -Be 'WorldCat'
            $w.ToolTip | Should -Be 'WorldCat: Metadata API'
        }
    }

    Context 'Help' -ForEach @(
        @{ Name = 'Set-OclcConnection' }
        @{ Name = 'Get-OclcConnection' }
        @{ Name = 'Remove-OclcConnection' }
    ) {
        It '<Name> has a synopsis and at least two examples' {
            $help = Get-Help -Name $Name -Full
            $help.Synopsis | Should -Not -BeLike "$Name *"
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        }
    }
}

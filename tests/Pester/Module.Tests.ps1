BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'OclcCataloging module' {

    Context 'Exports and types' {
        It 'exports exactly the documented cmdlets' {
            $names = Get-Command -Module OclcCataloging | ForEach-Object Name | Sort-Object
            $names | Should -Be @('Add-WorldCatHolding', 'Compare-MarcRecord', 'Convert-MarcFile', 'ConvertFrom-MarcText', 'ConvertTo-MarcText', 'Export-DataSyncFile', 'Export-MarcFile', 'Get-DataSyncFileInfo', 'Get-DataSyncRemoteFile', 'Get-GatewayListener', 'Get-OclcConnection', 'Get-OclcNumber', 'Get-WorldCatHolding', 'Get-WorldCatLhr', 'Import-DataSyncReport', 'Import-MarcFile', 'Invoke-BatchSearch', 'Merge-MarcRecord', 'New-DataSyncFileName', 'New-MarcConstantData', 'New-WorldCatLhr', 'Receive-DataSyncFile', 'Remove-OclcConnection', 'Remove-WorldCatHolding', 'Remove-WorldCatLhr', 'Resolve-KohaImportAction', 'Send-DataSyncFile', 'Send-GatewayExport', 'Send-KohaSpool', 'Set-MarcConstantData', 'Set-OclcConnection', 'Set-WorldCatLhr', 'Start-GatewayListener', 'Stop-GatewayListener', 'Test-DataSyncFileName', 'Test-LhrRecord', 'Test-MarcRecord', 'Test-WorldCatRecord')
        }

        It 'makes the record types usable as type literals' {
            $r = [OclcCataloging.Marc.MarcRecord]::new()
            $null = $r.AddDataField('245', '10', 'a', 'Title')
            $r.Title | Should -Be 'Title'
            [OclcCataloging.Marc.MarcFormat]::MarcXml | Should -Be 'MarcXml'
        }

        It 'declares MarcRecord as output type of both cmdlets' {
            (Get-Command Import-MarcFile).OutputType.Name | Should -Contain 'OclcCataloging.Marc.MarcRecord'
            (Get-Command Export-MarcFile).OutputType.Name | Should -Contain 'OclcCataloging.Marc.MarcRecord'
            (Get-Command ConvertFrom-MarcText).OutputType.Name | Should -Contain 'OclcCataloging.Marc.MarcRecord'
            (Get-Command ConvertTo-MarcText).OutputType.Name | Should -Contain 'System.String'
        }

        It 'types -<Parameter> the same on Set-OclcConnection and Invoke-BatchSearch' -ForEach @(
            'RecordFormat', 'Scheme', 'IndexMap', 'SruVersion', 'RecordSchema', 'BaseAddress', 'TokenAddress', 'Scope',
            'RequestsPerSecond', 'DailyBudget', 'Credential' | ForEach-Object { @{ Parameter = $_ } }
        ) {
            $types = 'Set-OclcConnection', 'Invoke-BatchSearch' | ForEach-Object {
                $t = (Get-Command $_).Parameters[$Parameter].ParameterType
                if ([Nullable]::GetUnderlyingType($t)) { [Nullable]::GetUnderlyingType($t) } else { $t }
            }
            $types[0] | Should -Be $types[1]
        }

        It 'offers the -RecordFormat and -Scheme values as completions on Set-OclcConnection' {
            $line = 'Set-OclcConnection x WorldCat -RecordFormat '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('Marc21', 'MarcXml')
            $line = 'Set-OclcConnection x IdLoc -Scheme '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('All', 'Names', 'Subjects')
        }

        It 'offers the -Format values as completions' {
            $line = 'Import-MarcFile -Format '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
                Should -Be @('Auto', 'Iso2709', 'Json', 'MarcXml', 'Mrk', 'Mrk8')
            $line = 'Export-MarcFile -Format '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
                Should -Be @('Iso2709', 'Json', 'MarcXml', 'Mrk', 'Mrk8')
            $line = 'Import-MarcFile -Encoding '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
                Should -Be @('Auto', 'Leader', 'Marc8', 'Utf8')
            $line = 'Export-MarcFile -Encoding '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
                Should -Be @('Marc8', 'Utf8')
        }
    }

    Context 'Display' {
        BeforeAll {
            $script:record = New-TestRecord -Id 'ocm12345678'
        }

        It 'shows a record the way catalogers read it' {
            $text = $record | Out-String
            $text | Should -BeLike '*=LDR  *'
            $text | Should -BeLike '*=001  ocm12345678*'
            $text | Should -BeLike '*=245  10$aMoby Dick :$bor, the whale /$cHerman Melville.*'
            $text | Should -BeLike '*=650  \0$aWhaling$vFiction.*'
        }

        It 'shows the problems of a damaged record under it' {
            $bytes = ConvertTo-IsoBytes -Record $record
            $bytes[4] = [byte][char]'1'
            $path = Join-Path $TestDrive 'damaged.mrc'
            [System.IO.File]::WriteAllBytes($path, $bytes)
            $text = Import-MarcFile -Path $path -WarningAction SilentlyContinue | Out-String
            $text | Should -BeLike '*# read with warnings (record 1 at byte 0)*RecordLengthMismatch*'
        }

        It 'has a one-line-per-record table view for Format-Table' {
            $path = Join-Path $TestDrive 'table.mrc'
            Write-IsoFile -Path $path -Record $record, (New-TestRecord -Id 'ocm87654321')
            $lines = @(Import-MarcFile -Path $path | Format-Table | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() }
            $lines[0] | Should -Match 'Record\s+001\s+Kind\s+Fields\s+Warnings\s+Title'
            $lines.Count | Should -Be 4
            $lines[2] | Should -Match '^\s+1 ocm12345678\s+Bibliographic\s+7\s+0 Moby Dick : or, the whale'
        }

        It 'shows fields as one =TAG line each' {
            $text = ($record.Fields | Out-String).Trim() -split "`r?`n"
            $text.Count | Should -Be 7
            $text[4] | Should -Be '=245  10$aMoby Dick :$bor, the whale /$cHerman Melville.'
        }

        It 'shows subfields as a code/value table' {
            $text = $record['245'].Subfields | Out-String
            $text | Should -Match '\$a\s+Moby Dick :'
        }
    }

    Context 'Version' {
        BeforeAll {
            $script:manifest = Import-PowerShellDataFile -LiteralPath $script:ModulePath
            $v = [version] $manifest.ModuleVersion
            # An assembly version always has four parts: 0.1.0 is 0.1.0.0.
            $script:assemblyVersion = [version]::new($v.Major, $v.Minor, [Math]::Max($v.Build, 0), [Math]::Max($v.Revision, 0))
        }

        It 'gives every shipped assembly of both frameworks the manifest version' {
            $bin = Join-Path (Split-Path -Parent $script:ModulePath) 'bin'
            $files = @(Get-ChildItem -LiteralPath $bin -Recurse -Filter 'OclcCataloging*.dll')
            # Core, cmdlets and the Polly and SSH.NET adapters, for net8.0 and net472.
            $files.Count | Should -Be 8 -Because ($files.FullName -join ', ')
            foreach ($f in $files) {
                [System.Reflection.AssemblyName]::GetAssemblyName($f.FullName).Version | Should -Be $assemblyVersion -Because $f.FullName
            }
            (Get-Module OclcCataloging).Version | Should -Be ([version] $manifest.ModuleVersion)
            $info = [OclcCataloging.Marc.MarcRecord].Assembly.GetCustomAttributes([System.Reflection.AssemblyInformationalVersionAttribute], $false)[0]
            ($info.InformationalVersion -split '\+')[0] | Should -Be $manifest.ModuleVersion
        }

        It 'is written in the manifest only; the build reads it from there' {
            $props = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../Directory.Build.props') -Raw
            $props | Should -Not -Match '<(Module|Assembly|File)?Version>\s*\d'
            $props | Should -Match 'OclcCataloging\.psd1'
        }
    }

    Context 'Help' -ForEach @(
        @{ Name = 'Import-MarcFile' }
        @{ Name = 'Export-MarcFile' }
        @{ Name = 'Merge-MarcRecord' }
        @{ Name = 'Compare-MarcRecord' }
        @{ Name = 'Resolve-KohaImportAction' }
        @{ Name = 'Set-MarcConstantData' }
        @{ Name = 'Convert-MarcFile' }
    ) {
        BeforeAll {
            $script:help = Get-Help -Name $Name -Full
            $script:common = [System.Management.Automation.Cmdlet]::CommonParameters
        }

        It '<Name> has a synopsis and a description' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -BeLike "$Name *[<CommonParameters>]*"
            ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 200
        }

        It '<Name> describes every parameter, with pipeline input' {
            $documented = @($help.Parameters.Parameter | Where-Object { $_.Description.Text -join '' })
            $actual = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
            foreach ($p in $actual) { $documented.Name | Should -Contain $p }
            ($help.Parameters.Parameter | Where-Object pipelineInput -like 'True*').Count | Should -BeGreaterThan 0
        }

        It '<Name> has at least two examples with code and remarks' {
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
            foreach ($e in $help.Examples.Example) {
                $e.Code | Should -Not -BeNullOrEmpty
                ($e.Remarks.Text -join '') | Should -Not -BeNullOrEmpty
            }
        }

        It '<Name> renders with Get-Help -Full' {
            $text = Get-Help -Name $Name -Full | Out-String -Width 200
            $text | Should -BeLike '*SYNOPSIS*DESCRIPTION*PARAMETERS*INPUTS*OUTPUTS*EXAMPLE 1*'
            $text | Should -BeLike '*Accept pipeline input?*True*'
        }
    }
}

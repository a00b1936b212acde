# -Validate Full|Basic|None (with -ExcludeRule, -RulesPath) on Send-GatewayExport, Export-MarcFile and
# Export-DataSyncFile: a record with validation errors is refused with its findings, never dropped silently.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    if (-not ('GatewayFakes.FakeReceiver' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'GatewayFakeReceiver.cs')
    }
    $script:f008 = '200101s2020\\\\nyu' + ('\' * 17) + 'eng\d'
    # Valid under Full validation; with -Isbn '0306406153' it has one error (IsbnCheckDigit).
    function New-Checked([string] $Id = 'ocm1', [string] $Isbn = '0306406152') {
        ConvertFrom-MarcText "=LDR  00000nam a2200000 a 4500`n=001  $Id`n=008  $script:f008`n=020  \\`$a$Isbn`n=245  14`$aThe title :`$bsubtitle /`$cJohn Smith."
    }
}

Describe 'Export-MarcFile -Validate' {
    It 'writes a valid record and refuses an invalid one with a RecordNotValid error naming tag, rule and text' {
        $path = Join-Path $TestDrive 'checked.mrc'
        $bad = New-Checked -Id 'ocm2' -Isbn '0306406153'
        $errs = $null
        @((New-Checked), $bad) | Export-MarcFile -Path $path -Validate Full -ErrorVariable errs -ErrorAction SilentlyContinue
        @(Import-MarcFile -Path $path).ControlNumber | Should -Be @('ocm1')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'RecordNotValid,*'
        $errs[0].TargetObject | Should -Be $bad
        $errs[0].Exception.Message | Should -BeLike "Record 2 (001 ocm2* not written to '*checked.mrc': it has 1 validation error: 020``[1``] `$a (IsbnCheckDigit): *"
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ExcludeRule*'
    }

    It 'writes it with -Validate None (the default) and when -ExcludeRule or -RulesPath turns the rule off' {
        $path = Join-Path $TestDrive 'none.mrc'
        New-Checked -Isbn '0306406153' | Export-MarcFile -Path $path -ErrorAction Stop
        New-Checked -Isbn '0306406153' | Export-MarcFile -Path $path -Validate None -Append -ErrorAction Stop
        New-Checked -Isbn '0306406153' | Export-MarcFile -Path $path -Validate Full -ExcludeRule 'Isbn*' -Append -ErrorAction Stop
        $rules = Join-Path $TestDrive 'local.rules'
        Set-Content -LiteralPath $rules -Value 'IsbnCheckDigit Warning'
        New-Checked -Isbn '0306406153' | Export-MarcFile -Path $path -Validate Full -RulesPath $rules -Append -ErrorAction Stop
        @(Import-MarcFile -Path $path).Count | Should -Be 4
    }

    It 'stops on an unknown rule id, and warns that -ExcludeRule does nothing without validation' {
        { New-Checked | Export-MarcFile -Path (Join-Path $TestDrive 'x.mrc') -Validate Basic -ExcludeRule 'NoSuchRule' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValidationRuleUnknown*'
        $warnings = $null
        New-Checked | Export-MarcFile -Path (Join-Path $TestDrive 'y.mrc') -ExcludeRule 'Isbn*' -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -BeLike '*-Validate*'
    }
}

Describe 'Export-DataSyncFile -Validate' {
    BeforeEach {
        $script:out = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $out
    }

    It 'writes the valid record and refuses the invalid one with its findings' {
        $errs = $null
        $files = @((New-Checked -Id ocm1), (New-Checked -Id ocm2 -Isbn 0306406153)) |
            Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind Bibliographic -Validate Full -ErrorVariable errs -ErrorAction SilentlyContinue
        $files.Records | Should -Be 1
        @(Import-MarcFile -Path $files.Path).ControlNumber | Should -Be @('ocm1')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'RecordNotValid,*'
        $errs[0].TargetObject.ControlNumber | Should -Be 'ocm2'
        $errs[0].Exception.Message | Should -BeLike 'Record 2 (001 ocm2) was not written to the data sync files: it has 1 validation error: 020`[1`] $a (IsbnCheckDigit): *'
    }

    It 'writes the invalid record with -Validate None' {
        $files = New-Checked -Isbn '0306406153' |
            Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind Bibliographic -Validate None -ErrorAction Stop
        $files.Records | Should -Be 1
    }
}

Describe 'Send-GatewayExport -Validate' {
    BeforeAll { $script:koha = [GatewayFakes.FakeReceiver]::new('Koha') }
    AfterAll { $koha.Dispose() }

    It 'sends the valid record; the invalid one is NotSent with its findings and never reaches the receiver' {
        $before = $koha.Requests.Count
        $errs = $null
        $results = @(@((New-Checked -Id ocm1), (New-Checked -Id ocm2 -Isbn 0306406153)) |
            Send-GatewayExport 127.0.0.1 $koha.Port -ReceiverType Koha -Validate Full -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Accepted', 'NotSent')
        $results[1].ErrorCode | Should -Be 'GatewayRecordInvalid'
        $results[1].Findings.RuleId | Should -Contain 'IsbnCheckDigit'
        $results[1].Message | Should -BeLike 'The record has 1 validation error: 020`[1`] $a (IsbnCheckDigit): *Nothing was sent.'
        $results[1].Attempts | Should -Be 0
        $results[0].Findings.Count | Should -Be 0
        $koha.Requests.Count - $before | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'GatewayRecordInvalid,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'sends the invalid record with -Validate None, and with -Validate Basic (field checks are Full only)' {
        $before = $koha.Requests.Count
        $results = @(New-Checked -Isbn '0306406153' | Send-GatewayExport 127.0.0.1 $koha.Port -ReceiverType Koha -Validate None)
        $results += New-Checked -Isbn '0306406153' | Send-GatewayExport 127.0.0.1 $koha.Port -ReceiverType Koha -Validate Basic
        $results.Status | Should -Be @('Accepted', 'Accepted')
        $koha.Requests.Count - $before | Should -Be 2
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:f008 = '200101s2020\\\\nyu' + ('\' * 17) + 'eng\d'
    function New-Mrk([string] $Isbn = '0306406152', [string] $Title = '=245  14$aThe title :$bsubtitle /$cJohn Smith.') {
        "=LDR  00000nam a2200000 a 4500`n=001  ocm1`n=008  $script:f008`n=020  \\`$a$Isbn`n$Title"
    }
}

Describe 'Test-MarcRecord' {
    It 'passes a valid record and returns one result per record' {
        $r = @(ConvertFrom-MarcText ((New-Mrk) + "`n`n" + (New-Mrk)) | Test-MarcRecord)
        $r.Count | Should -Be 2
        $r[0].IsValid | Should -BeTrue
        $r[0].Findings.Count | Should -Be 0
        $r[1].RecordNumber | Should -Be 2
    }

    It 'reports a wrong ISBN check digit as an error with its place' {
        $r = ConvertFrom-MarcText (New-Mrk -Isbn '0306406153') | Test-MarcRecord
        $r.IsValid | Should -BeFalse
        $f = $r.Findings | Where-Object RuleId -eq 'IsbnCheckDigit'
        $f.Severity | Should -Be 'Error'
        $f.Place | Should -Be '020[1] $a'
    }

    It 'Basic level skips field checks; -ExcludeRule and -RulesPath turn rules off or down' {
        $rec = ConvertFrom-MarcText (New-Mrk -Isbn '0306406153')
        ($rec | Test-MarcRecord -Level Basic).IsValid | Should -BeTrue
        ($rec | Test-MarcRecord -ExcludeRule 'Isbn*').IsValid | Should -BeTrue
        $rules = Join-Path $TestDrive 'local.rules'
        Set-Content -LiteralPath $rules -Value "# local`nIsbnCheckDigit Warning"
        $r = $rec | Test-MarcRecord -RulesPath $rules
        $r.IsValid | Should -BeTrue
        $r.WarningCount | Should -Be 1
    }

    It 'stops on an unknown rule id or a bad rules file line' {
        $rec = ConvertFrom-MarcText (New-Mrk)
        { $rec | Test-MarcRecord -ExcludeRule 'NoSuchRule' -ErrorAction Stop } | Should -Throw -ErrorId 'ValidationRuleUnknown*'
        $rules = Join-Path $TestDrive 'bad.rules'
        Set-Content -LiteralPath $rules -Value "IsbnCheckDigit Fatal"
        { $rec | Test-MarcRecord -RulesPath $rules -ErrorAction Stop } | Should -Throw -ErrorId 'ValidationRulesFileInvalid*'
    }

    It 'reads files with -Path and summarises with -Summary' {
        $path = Join-Path $TestDrive 'two.mrc'
        ConvertFrom-MarcText ((New-Mrk) + "`n`n" + (New-Mrk -Isbn '0306406153')) | Export-MarcFile -Path $path
        $s = Test-MarcRecord -Path $path -Summary
        $s.Records | Should -Be 2
        $s.InvalidRecords | Should -Be 1
        $s.FindingsByRule['IsbnCheckDigit'] | Should -Be 1
        $r = @(Test-MarcRecord -LiteralPath $path)
        $r[1].Origin.ByteOffset | Should -BeGreaterThan 0
    }

    It 'validates as another format with -RecordKind' {
        $r = ConvertFrom-MarcText (New-Mrk) | Test-MarcRecord -RecordKind Authority
        $r.RecordKind | Should -Be 'Authority'
        ($r.Findings | Where-Object RuleId -eq 'LeaderType') | Should -Not -BeNullOrEmpty
    }

    It 'shows findings as a checklist in the default view' {
        $text = ConvertFrom-MarcText (New-Mrk -Isbn '0306406153') | Test-MarcRecord | Out-String -Width 200
        $text | Should -BeLike '*`[Error`] 020`[1`] $a IsbnCheckDigit*'
    }
}

Describe 'Test-MarcRecord -ReportPath' {
    It 'writes one CSV row per finding with where it is, and the HTML page beside it, creating the folder' {
        $path = Join-Path $TestDrive 'report-input.mrc'
        ConvertFrom-MarcText ((New-Mrk) + "`n`n" + (New-Mrk -Isbn '0306406153')) | Export-MarcFile -Path $path
        $csv = Join-Path $TestDrive 'new-folder/validation.csv'
        $results = @(Test-MarcRecord -LiteralPath $path -ReportPath $csv)
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be @($results.Findings).Count
        $rows.Count | Should -BeGreaterThan 0
        $isbn = $rows | Where-Object RuleId -eq 'IsbnCheckDigit'
        $isbn.RecordNumber | Should -Be '2'
        $isbn.ControlNumber | Should -Be 'ocm1'
        $isbn.SourcePath | Should -Be $path
        $isbn.RecordInFile | Should -Be '2'
        [long] $isbn.ByteOffset | Should -BeGreaterThan 0
        $isbn.Severity | Should -Be 'Error'
        $isbn.Place | Should -Be '020[1] $a'
        $isbn.Message | Should -Not -BeNullOrEmpty
        $html = Get-Content -LiteralPath ([IO.Path]::ChangeExtension($csv, '.html')) -Raw
        $html | Should -Match '<td>Records</td><td class="n">2</td>'
        Get-TempLeftover (Split-Path -Parent $csv) | Should -BeNullOrEmpty
    }
}

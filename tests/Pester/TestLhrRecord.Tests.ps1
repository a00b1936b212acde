BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    # A holdings record (MFHD) that breaks no data sync rule.
    function New-Lhr {
        param([string] $Ocn = '12345', [string] $A = 'MAIN', [string] $B = 'STACKS', [string] $C = 'GEN', [string] $Copy = '1')
        $r = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
        $null = $r.AddControlField('001', "lhr$Ocn-$Copy")
        $null = $r.AddControlField('004', $Ocn)
        $null = $r.AddControlField('007', 'ta')
        $null = $r.AddControlField('008', '2401014p    8   4001aueng0240115')
        $null = $r.AddDataField('852', '0 ', 'a', $A, 'b', $B, 'c', $C, 'h', 'QA76', 't', $Copy)
        $null = $r.AddDataField('853', '20', '8', '1', 'a', 'v.', 'i', '(year)')
        $null = $r.AddDataField('863', '40', '8', '1.1', 'a', '1-10', 'i', '1990-1999')
        $r
    }

    $script:tablePath = Join-Path $TestDrive 'translation.csv'
    @(
        'In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21'
        'MAIN,STACKS,*,XYZ,XYZM,,a,b'
        'MAIN,*,*,XYZ,XYZB,,,'
    ) | Set-Content -LiteralPath $tablePath -Encoding utf8
}

Describe 'Test-LhrRecord' {

    Context 'Record checks' {
        It 'passes a valid LHR and reports its OCN' {
            $r = New-Lhr | Test-LhrRecord -OclcNumberLocation 004
            $r.IsValid | Should -BeTrue
            $r.Excluded | Should -BeFalse
            $r.OclcNumber | Should -Be '12345'
            $r.Errors.Count | Should -Be 0
            $r.Warnings.Count | Should -Be 0
        }

        It 'reports a broken rule with its id, tag and position' {
            $bad = New-Lhr
            $bad.Leader[6] = [char]'a'
            # leader/06 'a' makes it a bibliographic record: only checked as an LHR on request.
            $r = $bad | Test-LhrRecord -OclcNumberLocation 004 -IncludeNonHoldings
            $r.IsValid | Should -BeFalse
            $e = $r.Errors | Where-Object RuleId -eq 'LhrLeaderTypeOfRecord'
            $e.Tag | Should -Be 'LDR'
            $e.Position | Should -Be '06'
        }

        It 'requires the OCN in the configured location' {
            $r = New-Lhr | Test-LhrRecord -OclcNumberLocation 035
            $r.Errors.RuleId | Should -Contain 'LhrOcnMissing'
            $r.Errors.RuleId | Should -Contain 'LhrOcnOtherLocation'
        }

        It 'makes a repeated same number a warning with -AllowRepeatedSameOcn (decision 6)' {
            $rec = New-Lhr
            $null = $rec.AddControlField('004', 'ocm00012345')
            ($rec | Test-LhrRecord -OclcNumberLocation 004).Errors.RuleId | Should -Contain 'LhrOcnRepeatedSameNumber'
            ($rec | Test-LhrRecord -OclcNumberLocation 004 -AllowRepeatedSameOcn).IsValid | Should -BeTrue
        }

        It 'warns on the cases docs/design/data-sync.md decides instead of failing' {
            $rec = New-Lhr
            $rec.Leader[5] = [char]'d'
            $rec.Leader[17] = [char]'1'
            $r = $rec | Test-LhrRecord -OclcNumberLocation 004
            $r.IsValid | Should -BeTrue
            $r.Warnings.RuleId | Should -Contain 'LhrLeaderStatusDeleted'
            $r.Warnings.RuleId | Should -Contain 'LhrLeaderEncodingLevel1'
        }
    }

    Context 'Translation table' {
        It 'translates 852 and 008/20-21 from a CSV path' {
            $r = New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $tablePath
            $r.TranslatedLocation | Should -Be 'XYZ/XYZM/GEN'
            $r.TranslatedRecord['852']['b'] | Should -Be 'XYZM'
            $r.TranslatedRecord.GetValue('008').Substring(20, 2) | Should -Be 'ab'
            $r.Record['852']['b'] | Should -Be 'STACKS'
        }

        It 'takes rows from Import-Csv' {
            $r = New-Lhr -B REF | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable (Import-Csv $tablePath)
            $r.TranslatedLocation | Should -Be 'XYZ/XYZB/GEN'
        }

        It 'reports a location the table does not translate' {
            $r = New-Lhr -A BRANCH | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $tablePath
            $r.Errors.RuleId | Should -Contain 'Lhr852NotTranslated'
        }

        It 'refuses an invalid table before reading records' {
            $rows = @([pscustomobject]@{ In852a = 'MAIN'; In852b = '*'; In852c = '*'; Out852a = 'XYZ'; Out852b = 'MA1'; Out852c = ''; Out008_20 = 'x'; Out008_21 = '' })
            { New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $rows -ErrorAction Stop } |
                Should -Throw -ErrorId 'TranslationTableInvalid*'
            try { New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $rows -ErrorAction Stop } catch { $_.Exception.Message | Should -BeLike '*TableHoldingCode*TableLendingPolicy*' }
        }

        It 'refuses rows without the table columns' {
            { New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable @([pscustomobject]@{ Code = 'x' }) -ErrorAction Stop } |
                Should -Throw -ErrorId 'TableColumnMissing*'
        }
    }

    Context 'Exclusion rules' {
        It 'excludes the whole record on a leader rule' {
            $rec = New-Lhr
            $rec.Leader[5] = [char]'d'
            $r = $rec | Test-LhrRecord -OclcNumberLocation 004 -ExcludeRule 'LDR/05=d'
            $r.Excluded | Should -BeTrue
            $r.ExcludedBy | Should -Be 'LDR/05=d'
            $r.TranslatedRecord | Should -BeNullOrEmpty
        }

        It 'drops only the field on a field rule' {
            $r = New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -ExcludeRule '863'
            $r.Excluded | Should -BeFalse
            $r.TranslatedRecord.GetFields('863').Count | Should -Be 0
            $r.Record.GetFields('863').Count | Should -Be 1
        }

        It 'refuses a rule it cannot read' {
            { New-Lhr | Test-LhrRecord -OclcNumberLocation 004 -ExcludeRule 'LDR$a=x' -ErrorAction Stop } | Should -Throw -ErrorId 'ExclusionRuleInvalid*'
        }
    }

    Context 'File-level checks and files' {
        BeforeAll {
            $script:part1 = Join-Path $TestDrive 'part1.mrc'
            $script:part2 = Join-Path $TestDrive 'part2.mrc'
            Write-IsoFile -Path $part1 -Record (New-Lhr -Ocn 1 -Copy 1), (New-Lhr -Ocn 2 -Copy 1)
            Write-IsoFile -Path $part2 -Record (New-Lhr -Ocn 'ocm00000001' -Copy 2), (New-Lhr -Ocn 3 -Copy 1)
        }

        It 'reports LHRs of one OCN split across files, after the records' {
            $out = Test-LhrRecord -Path $part1, $part2 -OclcNumberLocation 004
            $out.Count | Should -Be 5
            $out[0..3].ResultKind | Should -Be @('Record', 'Record', 'Record', 'Record')
            $out[4].ResultKind | Should -Be 'File'
            $out[4].RuleId | Should -Be 'LhrFileOcnSplit'
            $out[4].OclcNumber | Should -Be '1'
            $out[4].Ordinals | Should -Be @(1, 3)
            $out[2].SourcePath | Should -Be $part2
            $out[2].RecordInFile | Should -Be 1
        }

        It 'reads files piped from Get-ChildItem' {
            $r = Get-Item $part1 | Test-LhrRecord -OclcNumberLocation 004
            @($r | Where-Object ResultKind -eq Record).Count | Should -Be 2
        }

        It 'reports a file that does not exist as an error' {
            $err = $null
            $null = Test-LhrRecord -Path (Join-Path $TestDrive 'missing.mrc') -OclcNumberLocation 004 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound*'
        }

        It 'reads files as Import-MarcFile does: damaged records warn, unreadable chunks are errors with the byte offset' {
            $bytes = ConvertTo-IsoBytes -Record (New-Lhr -Ocn 1 -Copy 1), (New-Lhr -Ocn 2 -Copy 1)
            $firstEnd = [System.Array]::IndexOf($bytes, [byte]0x1D) + 1
            $damaged = [byte[]]$bytes.Clone()
            $damaged[$firstEnd + 4] = [byte](48 + (($bytes[$firstEnd + 4] - 48 + 1) % 10))   # a wrong record length
            $junk = Get-JunkBytes
            $file = Join-Path $TestDrive 'damaged-lhr.mrc'
            [System.IO.File]::WriteAllBytes($file, (Join-Bytes $damaged[0..($firstEnd - 1)], $junk, $damaged[$firstEnd..($damaged.Length - 1)], ([byte[]](0, 0))))
            $out = Test-LhrRecord -Path $file -OclcNumberLocation 004 -WarningVariable warn -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
            @($out | Where-Object ResultKind -eq Record).Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'UnreadableRecord,OclcCataloging.Commands.TestLhrRecordCommand'
            $err[0].Exception.Message | Should -BeLike "Record 2 at byte $firstEnd in '$file' cannot be read*"
            # The damaged record, the stray bytes, then the file's summary (three problems).
            $warn.Count | Should -Be 3
            $warn[2].Message | Should -Be "'$file': 2 records read, 1 damaged (read with warnings), 1 unreadable (see errors), 1 run of stray bytes skipped."
            $warn[0].Message | Should -BeLike "Record 3 at byte $($firstEnd + $junk.Length) in '$file'*RecordLengthMismatch*"
            $warn[1].Message | Should -BeLike "JunkAfterLastRecord at byte * in '$file'*"
            $warn[1].Message | Should -Not -BeLike '*-RejectPath*'
        }

        It 'summarises counts per rule with -Summary' {
            $s = Test-LhrRecord -Path $part1, $part2 -OclcNumberLocation 004 -Summary
            @($s).Count | Should -Be 1
            $s.Records | Should -Be 4
            $s.Valid | Should -Be 4
            $s.FileErrors | Should -Be 1
            $s.IsValid | Should -BeFalse
            ($s.Rules | Where-Object RuleId -eq 'LhrFileOcnSplit').Count | Should -Be 1
            $s | Out-String | Should -BeLike '*LhrFileOcnSplit*'
        }

        It 'has table views for records and file findings' {
            $text = Test-LhrRecord -Path $part1, $part2 -OclcNumberLocation 004 | Out-String
            $text | Should -BeLike '*Record*OclcNumber*Valid*'
            $text | Should -BeLike '*LhrFileOcnSplit*'
        }
    }

    Context 'Workflow' {
        It 'Import-MarcFile, Test-LhrRecord with a table, Export-MarcFile: the file reads back as the translated records' {
            $in = Join-Path $TestDrive 'lhrs.mrc'
            Write-IsoFile -Path $in -Record (New-Lhr -Ocn 1), (New-Lhr -Ocn 2 -B REF), (New-Lhr -Ocn 3 -A BRANCH)
            $results = Import-MarcFile $in | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $tablePath |
                Where-Object { $_.ResultKind -eq 'Record' }
            $good = @($results | Where-Object { $_.IsValid -and -not $_.Excluded })
            $good.Count | Should -Be 2
            $out = Join-Path $TestDrive 'translated.mrc'
            $good.TranslatedRecord | Export-MarcFile $out
            $back = @(Import-MarcFile $out)
            $back.Count | Should -Be 2
            for ($i = 0; $i -lt 2; $i++) { $back[$i].ContentEquals($good[$i].TranslatedRecord) | Should -BeTrue }
            $back[1]['852']['b'] | Should -Be 'XYZB'
        }
    }
}

Describe 'Help of the data sync cmdlets' {
    It '<Name> has a synopsis, a description, every parameter described and at least two examples' -TestCases @(
        @{ Name = 'Get-OclcNumber' }, @{ Name = 'New-DataSyncFileName' }, @{ Name = 'Test-DataSyncFileName' },
        @{ Name = 'Get-DataSyncFileInfo' }, @{ Name = 'Test-LhrRecord' }, @{ Name = 'Export-DataSyncFile' }
    ) {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        ($help.Examples | Out-String) | Should -BeLike '*scheduled task*' -Because 'every cmdlet shows scheduled-task use'
        foreach ($p in $help.Parameters.Parameter) { ($p.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because $p.Name }
    }
}

Describe 'Test-LhrRecord -ReportPath' {
    BeforeAll {
        function New-ReportLhr([string] $Ocn) {
            $r = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
            $null = $r.AddControlField('001', "lhr$Ocn")
            $null = $r.AddControlField('004', $Ocn)
            $null = $r.AddControlField('007', 'ta')
            $null = $r.AddControlField('008', '2401014p    8   4001aueng0240115')
            $null = $r.AddDataField('852', '0 ', 'a', 'MAIN', 'b', 'STACKS', 'h', 'QA76')
            $r
        }
    }

    It 'writes one CSV row per finding with the record, OCN and rule, and the HTML page beside it' {
        $bad = New-ReportLhr '222'
        $bad.Leader[6] = [char]'a'
        $csv = Join-Path $TestDrive 'lhr-folder/lhr.csv'
        $results = @((New-ReportLhr '111'), $bad | Test-LhrRecord -OclcNumberLocation 004 -ReportPath $csv -IncludeNonHoldings)
        $rows = @(Import-Csv -LiteralPath $csv)
        $leader = $rows | Where-Object RuleId -eq 'LhrLeaderTypeOfRecord'
        $leader.Record | Should -Be '2'
        $leader.ControlNumber | Should -Be 'lhr222'
        $leader.Severity | Should -Be 'Error'
        $leader.Tag | Should -Be 'LDR'
        $leader.Position | Should -Be '06'
        $leader.Message | Should -Not -BeNullOrEmpty
        @($rows | Where-Object ControlNumber -eq 'lhr111').Count | Should -Be (@($results[0].Errors).Count + @($results[0].Warnings).Count)
        Get-Content -LiteralPath ([IO.Path]::ChangeExtension($csv, '.html')) -Raw | Should -Match '<td>Records</td><td class="n">2</td>'
    }
}

Describe 'Test-LhrRecord on a file mixing bibliographic and holdings records' {
    It 'leaves the bibliographic records out with one warning, and checks them with -IncludeNonHoldings' {
        $mixed = @((New-TestRecord -Id 'ocm00000011'), (New-Lhr), (New-TestRecord -Id 'ocm00000012'))
        $results = @($mixed | Test-LhrRecord -OclcNumberLocation 004 -WarningVariable warn -WarningAction SilentlyContinue)
        $results.Count | Should -Be 1
        $results[0].IsValid | Should -BeTrue
        $notes = @($warn | Where-Object { "$_" -like '*not holdings records*' })
        $notes.Count | Should -Be 1
        "$($notes[0])" | Should -BeLike '*Left out 2 records*bibliographic*-IncludeNonHoldings*'
        @($mixed | Test-LhrRecord -OclcNumberLocation 004 -IncludeNonHoldings -WarningAction SilentlyContinue | Where-Object ResultKind -eq Record).Count | Should -Be 3
    }

    It 'describes each rule in -Summary, and its IsValid agrees with the results' {
        $bad = New-Lhr
        $null = $bad.RemoveFields('852')
        $records = @((New-TestRecord), (New-Lhr), $bad)
        $summary = $records | Test-LhrRecord -OclcNumberLocation 004 -Summary -WarningAction SilentlyContinue
        $summary.NotHoldings | Should -Be 1
        $summary.Records | Should -Be 2
        $rule = $summary.Rules | Where-Object RuleId -eq 'Lhr852Missing'
        $rule.Description | Should -Be 'No 852.'
        $summary.Rules | ForEach-Object { $_.Description | Should -Not -BeNullOrEmpty -Because "$($_.RuleId) needs a description" }
        ($summary | Format-List | Out-String -Width 300) | Should -Match 'Lhr852Missing\s+1\s+No 852\.'
        $results = @($records | Test-LhrRecord -OclcNumberLocation 004 -WarningAction SilentlyContinue)
        $results | ForEach-Object { $_.PSObject.Properties['IsValid'] | Should -Not -BeNullOrEmpty }
        $summary.IsValid | Should -Be (-not ($results | Where-Object { -not $_.IsValid }))
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    function New-Lhr {
        param([string] $Ocn = '12345', [string] $B = 'STACKS', [string] $Copy = '1')
        $r = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
        $null = $r.AddControlField('001', "lhr$Ocn-$Copy")
        $null = $r.AddControlField('004', $Ocn)
        $null = $r.AddControlField('007', 'ta')
        $null = $r.AddControlField('008', '2401014p    8   4001aueng0240115')
        $null = $r.AddDataField('852', '0 ', 'a', 'MAIN', 'b', $B, 'h', 'QA76', 't', $Copy)
        $r
    }
}

Describe 'Export-DataSyncFile' {
    BeforeEach {
        $script:out = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $out
    }

    It 'splits bibliographic records into compliant, sequenced files' {
        $files = 1..5 | ForEach-Object { New-TestRecord -Id ("ocm{0:d8}" -f $_) } |
            Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind Bibliographic -MaxRecordsPerFile 2 -Date ([datetime]'2024-02-01 08:00:00')
        $files.Name | Should -Be @('1234567.XYZ.D20240201.T080000.1.mrc', '1234567.XYZ.D20240201.T080000.2.mrc', '1234567.XYZ.D20240201.T080000.3.mrc')
        $files.Records | Should -Be @(2, 2, 1)
        ($files.Name | Test-DataSyncFileName).IsValid | Should -Not -Contain $false
        (Import-MarcFile -Path $files.Path).Count | Should -Be 5
    }

    It 'keeps every LHR of one OCN in the same file when the input is not sorted' {
        $in = foreach ($copy in 1..3) { foreach ($ocn in 1..6) { New-Lhr -Ocn $ocn -Copy $copy -B "B$copy" } }
        $files = $in | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings -Description lhr -MaxRecordsPerFile 7
        $files.Records | ForEach-Object { $_ | Should -BeLessOrEqual 7 }
        ($files.Records | Measure-Object -Sum).Sum | Should -Be 18
        $seen = @{}
        foreach ($f in $files) {
            foreach ($r in Import-MarcFile -LiteralPath $f.Path) {
                $ocn = ($r | Get-OclcNumber).OclcNumber
                if ($seen.ContainsKey($ocn)) { $seen[$ocn] | Should -Be $f.Name } else { $seen[$ocn] = $f.Name }
            }
        }
        $seen.Count | Should -Be 6
        @(Get-ChildItem -Force $out | Where-Object Name -like '.*').Count | Should -Be 0
    }

    It 'skips an LHR without OCN with an error and writes the others' {
        $bad = New-Lhr; $null = $bad.RemoveFields('004')
        $err = $null
        $files = (New-Lhr -Ocn 1), $bad, (New-Lhr -Ocn 2) | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'LhrWithoutOclcNumber*'
        $err[0].TargetObject | Should -Be $bad
        $files.Records | Should -Be 2
    }

    It 'refuses a wrong collection ID before writing anything' {
        { New-Lhr | Export-DataSyncFile -CollectionId 12345 -Symbol XYZ -Directory $out -Kind LocalHoldings -ErrorAction Stop } |
            Should -Throw -ErrorId 'FileNameCollectionId*'
        @(Get-ChildItem -Force $out).Count | Should -Be 0
    }

    It 'leaves nothing behind when an OCN group does not fit in one file' {
        { 1..3 | ForEach-Object { New-Lhr -Ocn 9 -Copy $_ -B "B$_" } |
            Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings -MaxRecordsPerFile 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'OcnGroupTooLarge*'
        @(Get-ChildItem -Force $out).Count | Should -Be 0
    }

    It 'writes nothing with -WhatIf' {
        $r = New-Lhr | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings -WhatIf
        $r | Should -BeNullOrEmpty
        @(Get-ChildItem -Force $out).Count | Should -Be 0
    }

    It 'completes the LHR workflow: Import-MarcFile, Test-LhrRecord with a table, Export-DataSyncFile, read back identical' {
        $table = Join-Path $TestDrive 'table.csv'
        'In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21', 'MAIN,*,*,XYZ,XYZM,,a,b' | Set-Content -LiteralPath $table
        $src = Join-Path $TestDrive 'export.mrc'
        Write-IsoFile -Path $src -Record (New-Lhr -Ocn 2 -Copy 1), (New-Lhr -Ocn 1), (New-Lhr -Ocn 2 -Copy 2 -B REF)
        $translated = Import-MarcFile $src | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable $table |
            Where-Object { $_.ResultKind -eq 'Record' -and $_.IsValid -and -not $_.Excluded } | ForEach-Object TranslatedRecord
        $files = $translated | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings -Description lhr
        $back = @(Import-MarcFile -LiteralPath $files.Path)
        $back.Count | Should -Be 3
        foreach ($t in $translated) { @($back | Where-Object { $_.ContentEquals($t) }).Count | Should -Be 1 }
        $back | ForEach-Object { $_['852']['b'] } | Should -Be @('XYZM', 'XYZM', 'XYZM')
    }

    It 'has a table view' {
        $text = New-Lhr | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $out -Kind LocalHoldings | Out-String
        $text | Should -BeLike '*Records*Name*1234567.XYZ.*'
    }

    It 'creates a missing -Directory when it writes, and not under -WhatIf' {
        $new = Join-Path $out 'not/yet'
        $null = New-TestRecord | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $new -Kind Bibliographic -WhatIf
        Test-Path -LiteralPath $new | Should -BeFalse
        $files = New-TestRecord | Export-DataSyncFile -CollectionId 1234567 -Symbol XYZ -Directory $new -Kind Bibliographic
        @($files).Count | Should -Be 1
        Test-Path -LiteralPath $files.Path | Should -BeTrue
    }
}

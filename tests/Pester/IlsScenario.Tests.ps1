# End to end, as a cataloger's script would run it before exporting to Alma: records from a file, constant data
# applied, 9XX removed on export, merged against the records already in Alma (a second file) with each of Alma's
# merge methods, and the field-by-field differences written to a CSV.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:samples = Join-Path $PSScriptRoot '../../samples'
    $script:methods = 'Replace245And035', 'OverlayAllFieldsButLocal', 'KeepOnlyOldValue', 'ConditionalSubjectHeadings'
}

Describe 'Constant data, fields to delete and Alma merge methods, end to end' {
    BeforeAll {
        # The records "already in Alma": the bibliographic sample records with MMS IDs in 001, the OCLC number in 035,
        # an older 005, a title edited locally, a local 035 and a local 590 note; their 949 and 994 stay as local fields.
        $almaPath = Join-Path $TestDrive 'alma-existing.xml'
        $n = 0
        Import-MarcFile -LiteralPath (Join-Path $samples 'sample-records.xml') |
            Where-Object { $_.Leader[6] -notin 'u', 'v', 'x', 'y' } |
            ForEach-Object {
                $n++
                $ocn = (Get-OclcNumber -InputObject $_).OclcNumber
                $r = $_.Clone()
                $r.GetField('001').Value = '99{0:D6}0123' -f $n
                $null = $r.RemoveFields('003')
                $r.GetField('005').Value = '20200101000000.0'
                $null = $r.GetField('245').SetSubfield('a', "Title as edited in Alma $n /")
                $null = $r.AddDataField('035', '  ', 'a', "(OCoLC)$ocn")
                $null = $r.AddDataField('035', '9 ', 'a', "ALMA-LOCAL-$n")
                $null = $r.AddDataField('590', '  ', 'a', 'Alma local note.')
                $r
            } | Export-MarcFile -LiteralPath $almaPath
        $script:almaCount = $n

        # Incoming: the ISO 2709 sample (record 13 is damaged on purpose and read with a warning), constant data,
        # 9XX deleted on export.
        $script:stagedPath = Join-Path $TestDrive 'to-alma.mrc'
        $cd = New-MarcConstantData Cataloging -Replace '040$d=XYZ' -Add '=500  \\$aConstant data note.'
        Import-MarcFile -LiteralPath (Join-Path $samples 'sample-records.mrc') -WarningAction SilentlyContinue |
            Where-Object { $_.Leader[6] -notin 'u', 'v', 'x', 'y' } |
            Set-MarcConstantData -ConstantData $cd |
            Export-MarcFile -LiteralPath $stagedPath -RemoveField 9XX

        $script:csvPath = Join-Path $TestDrive 'alma-diffs.csv'
        $script:results = foreach ($m in $methods) { Merge-MarcRecord -Path $stagedPath -ExistingPath $almaPath -Method $m }
        $results | ForEach-Object {
            $method = $_.Method
            $_.Changes | Select-Object @{ n = 'Method'; e = { $method } }, RecordId, Tag, Occurrence, Change, OldValue, NewValue, Reason
        } | Export-Csv -LiteralPath $csvPath -NoTypeInformation -Encoding utf8
        $script:rows = Import-Csv -LiteralPath $csvPath
    }

    It 'staged every bibliographic sample record with the constant data and without 9XX' {
        $staged = @(Import-MarcFile -LiteralPath $stagedPath)
        $staged.Count | Should -Be $almaCount
        $staged.Count | Should -BeGreaterThan 10
        foreach ($r in $staged) {
            @($r.Fields.Tag | Where-Object { $_ -like '9*' }).Count | Should -Be 0
            $r.GetField('040').GetValues('d') | Should -Be @('XYZ')
            ($r.GetFields('500') | ForEach-Object { $_.GetValue('a') }) | Should -Contain 'Constant data note.'
        }
    }

    It 'matched every record with each method' {
        $results.Count | Should -Be (4 * $almaCount)
        $results.Outcome | Select-Object -Unique | Should -Be 'Merged'
        ($results | Group-Object Method).Name | Sort-Object | Should -Be ($methods | Sort-Object)
    }

    It 'wrote one CSV row per field and method, naming each record by its OCLC number' {
        foreach ($m in $methods) { @($rows | Where-Object Method -eq $m).Count | Should -BeGreaterThan $almaCount }
        $ocns = Import-MarcFile -LiteralPath $stagedPath | Get-OclcNumber | ForEach-Object OclcNumber
        ($rows.RecordId | Select-Object -Unique | Sort-Object) | Should -Be ($ocns | Sort-Object -Unique)
        $rows[0].PSObject.Properties.Name | Should -Be @('Method', 'RecordId', 'Tag', 'Occurrence', 'Change', 'OldValue', 'NewValue', 'Reason')
    }

    It 'OverlayAllFieldsButLocal keeps the Alma 001, 9XX and local 035 and takes the rest from OCLC' {
        $rows | Where-Object { $_.Method -eq 'OverlayAllFieldsButLocal' -and $_.Tag -like '9*' } | ForEach-Object Change |
            Select-Object -Unique | Should -Be 'Kept'
        $overlay = $results | Where-Object Method -eq 'OverlayAllFieldsButLocal'
        foreach ($r in $overlay) {
            $r.Record.ControlNumber | Should -Match '^99\d{6}0123$'
            ($r.Record.GetFields('590') | ForEach-Object { $_.GetValue('a') }) | Should -Not -Contain 'Alma local note.'
            ($r.Record.GetFields('035') | ForEach-Object { $_.GetValue('a') }) | Should -Contain "ALMA-LOCAL-$([int]$r.Existing.ControlNumber.Substring(2, 6))"
            $r.Record.GetField('040').GetValues('d') | Should -Be @('XYZ')
        }
        @($rows | Where-Object { $_.Method -eq 'OverlayAllFieldsButLocal' -and $_.Tag -eq '590' -and $_.Change -eq 'Removed' }).Count | Should -Be $almaCount
    }

    It 'KeepOnlyOldValue changes nothing and lists the incoming fields as ignored' {
        $keep = $rows | Where-Object Method -eq 'KeepOnlyOldValue'
        $keep.Change | Select-Object -Unique | ForEach-Object { $_ | Should -BeIn @('Ignored', 'Kept', 'Unchanged') }
        @($keep | Where-Object Change -eq 'Ignored').Count | Should -BeGreaterThan $almaCount
        foreach ($r in ($results | Where-Object Method -eq 'KeepOnlyOldValue')) { $r.Record.ContentEquals($r.Existing) | Should -BeTrue }
    }

    It 'ConditionalSubjectHeadings keeps the Alma 035s and 65X and does not add an identical 650 twice' {
        foreach ($r in ($results | Where-Object Method -eq 'ConditionalSubjectHeadings')) {
            @($r.Record.GetFields('035')).Count | Should -Be @($r.Existing.GetFields('035')).Count
            @($r.Record.GetFields('650')).Count | Should -Be @($r.Existing.GetFields('650')).Count
            $r.Record.GetField('040').GetValues('d') | Should -Be @('XYZ')
        }
    }

    It 'Replace245And035 replaces only 245 and the OCLC 035 and leaves the constant data out' {
        $replace = $rows | Where-Object { $_.Method -eq 'Replace245And035' -and $_.Change -in 'Replaced', 'Added', 'Removed' }
        $replace.Tag | Select-Object -Unique | ForEach-Object { $_ | Should -BeIn @('035', '245') }
        @($replace | Where-Object { $_.Tag -eq '245' -and $_.Change -eq 'Replaced' }).Count | Should -Be $almaCount
        foreach ($r in ($results | Where-Object Method -eq 'Replace245And035')) {
            ($r.Record.GetFields('500') | ForEach-Object { $_.GetValue('a') }) | Should -Not -Contain 'Constant data note.'
            $r.Record.GetField('245').ToMarcText() | Should -Be $r.Incoming.GetField('245').ToMarcText()
        }
    }
}

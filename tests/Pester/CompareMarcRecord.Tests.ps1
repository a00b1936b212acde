BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'Compare-MarcRecord' {

    It 'lists added, removed and changed fields with old and new values' {
        $old = New-TestRecord
        $new = $old.Clone()
        $null = $new.RemoveFields('949')
        $null = $new.AddDataField('590', '  ', 'a', 'Gift.')
        $new.GetField('650').SetSubfield('a', 'Whales')
        $c = @(Compare-MarcRecord $old $new)
        $c | Should -BeOfType ([OclcCataloging.Marc.Comparison.FieldChange])
        ($c | Sort-Object Tag | ForEach-Object { "$($_.Tag) $($_.Change)" }) | Should -Be @('590 Added', '650 Changed', '949 Removed')
        ($c | Where-Object Tag -eq '650').OldValue | Should -Be '=650  \0$aWhaling$vFiction.'
        ($c | Where-Object Tag -eq '650').NewValue | Should -Be '=650  \0$aWhales$vFiction.'
        $c.RecordId | Select-Object -Unique | Should -Be '1'
    }

    It 'reports nothing for identical records, and every field with -IncludeUnchanged' {
        $r = New-TestRecord
        @(Compare-MarcRecord $r $r.Clone()).Count | Should -Be 0
        $all = @(Compare-MarcRecord $r $r.Clone() -IncludeUnchanged)
        $all.Count | Should -Be ($r.Fields.Count + 1)
        $all.Change | Select-Object -Unique | Should -Be 'Unchanged'
    }

    It 'does not report reordered fields' {
        $old = New-TestRecord; $null = $old.AddDataField('650', ' 0', 'a', 'Second')
        $new = $old.Clone(); $f = $new.GetFields('650'); $null = $new.Fields.Remove($f[0]); $new.Fields.Add($f[0])
        @(Compare-MarcRecord $old $new).Count | Should -Be 0
    }

    It 'matches records by OCLC number against -ReferencePath and reports one without a reference' {
        $path = Join-Path $TestDrive 'old.mrc'
        Write-IsoFile -Path $path -Record (New-TestRecord -Id 'ocm00000001'), (New-TestRecord -Id 'ocm00000002' -Title 'Old :')
        $new = (New-TestRecord -Id 'ocm00000002' -Title 'New :'), (New-TestRecord -Id 'ocm00000003')
        $c = @($new | Compare-MarcRecord -ReferencePath $path -ErrorVariable err -ErrorAction SilentlyContinue)
        $c.Count | Should -Be 1
        $c[0].RecordId | Should -Be '2'
        $c[0].Tag | Should -Be '245'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ReferenceRecordNotFound,*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ReferencePath*'
    }

    It 'shows changes as a table of their own properties' {
        $old = New-TestRecord; $new = $old.Clone(); $null = $new.RemoveFields('949')
        (Compare-MarcRecord $old $new | Format-Table | Out-String) | Should -Match 'RecordId\s+Tag\s+Occurrence\s+Change\s+OldValue\s+NewValue'
    }
}

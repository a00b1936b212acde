BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'New-MarcConstantData' {

    It 'builds a named set with field and subfield entries, Replace then Add then Skip' {
        $cd = New-MarcConstantData NewBooks -Skip '=949  \\$aNEW BOOKS' -Add '=590  \\$aGift.' -Replace '040$d=XYZ'
        $cd | Should -BeOfType ([OclcCataloging.Marc.Editing.MarcConstantData])
        $cd.Name | Should -Be 'NewBooks'
        $cd.Entries.Mode | Should -Be @('Replace', 'Add', 'Skip')
        $cd.Entries.Tag | Should -Be @('040', '590', '949')
        $cd.Entries[0].IsSubfieldEntry | Should -BeTrue
        $cd.Entries[1].Text | Should -Be '=590  \\$aGift.'
    }

    It 'refuses an entry that is neither a field line nor TAG$code=value, saying how to write one' {
        $err = $null
        try { New-MarcConstantData Bad -Add '590 Gift' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConstantDataInvalid,*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike "*949`$l=MAIN*"
    }

    It 'refuses a set without entries' {
        { New-MarcConstantData Empty -ErrorAction Stop } | Should -Throw -ErrorId 'ConstantDataInvalid,*'
    }
}

Describe 'Set-MarcConstantData' {
    BeforeAll {
        $script:record = New-TestRecord
    }

    It 'Add adds another occurrence; the input record does not change' {
        $cd = New-MarcConstantData A -Add '=949  \\$aNEW BOOKS'
        $out = $record | Set-MarcConstantData -ConstantData $cd
        @($out.GetFields('949')).Count | Should -Be 2
        @($record.GetFields('949')).Count | Should -Be 1
    }

    It 'Replace replaces every field with the tag' {
        $r = $record.Clone(); $null = $r.AddDataField('949', '  ', 'a', 'SECOND')
        $out = $r | Set-MarcConstantData -ConstantData (New-MarcConstantData R -Replace '=949  \\$aNEW BOOKS')
        @($out.GetFields('949')).Count | Should -Be 1
        $out.GetField('949').GetValue('a') | Should -Be 'NEW BOOKS'
    }

    It 'Skip adds a field only when the record has none with the tag' {
        $cd = New-MarcConstantData S -Skip '=949  \\$aNEW BOOKS', '=590  \\$aGift.'
        $out = $record | Set-MarcConstantData -ConstantData $cd
        $out.GetField('949').GetValue('a') | Should -Be 'LOCAL-ITEM'
        $out.GetField('590').GetValue('a') | Should -Be 'Gift.'
    }

    It 'subfield entries: Replace sets, Add appends, Skip only where missing, and a missing field is created' {
        $cd = New-MarcConstantData Sub -Replace '040$c=XYZ' -Add '650$2=local' -Skip '040$b=fre', '590$a=Created.'
        $out = $record | Set-MarcConstantData -ConstantData $cd
        $out.GetField('040').GetValues('c') | Should -Be @('XYZ')
        $out.GetField('040').GetValues('b') | Should -Be @('eng')
        $out.GetField('650').GetValue('2') | Should -Be 'local'
        $out.GetField('590').ToMarcText() | Should -Be '=590  \\$aCreated.'
    }

    It '-AsChange lists what each record would get, named by its OCLC number' {
        $cd = New-MarcConstantData NewBooks -Skip '=949  \\$aNEW BOOKS' -Add '=590  \\$aGift.'
        $changes = @($record | Set-MarcConstantData -ConstantData $cd -AsChange)
        $changes | Should -BeOfType ([OclcCataloging.Marc.Comparison.FieldChange])
        ($changes | Where-Object Tag -eq '590').Change | Should -Be 'Added'
        ($changes | Where-Object Tag -eq '949').Change | Should -Be 'Kept'
        $changes.RecordId | Select-Object -Unique | Should -Be '1'
        $changes[0].Reason | Should -BeLike "*NewBooks*"
    }

    It 'reads records from -Path' {
        $path = Join-Path $TestDrive 'in.mrc'
        Write-IsoFile -Path $path -Record (New-TestRecord -Id 'ocm00000001'), (New-TestRecord -Id 'ocm00000002')
        $out = @(Set-MarcConstantData -Path $path -ConstantData (New-MarcConstantData P -Add '=590  \\$aGift.'))
        $out.Count | Should -Be 2
        $out.ForEach({ $_.GetField('590').GetValue('a') }) | Should -Be @('Gift.', 'Gift.')
    }
}

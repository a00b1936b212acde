BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    # An Alma record: MMS ID in 001, the OCLC number in 035, local 9XX, and a local-only 035 (indicators 9 blank).
    function New-AlmaRecord([string] $Ocn = '12345', [char] $EncodingLevel = ' ', [string] $Version = '20240101120000.0') {
        $r = [OclcCataloging.Marc.MarcRecord]::new()
        $r.Leader.EncodingLevel = $EncodingLevel
        $null = $r.AddControlField('001', "99$($Ocn)0123")
        $null = $r.AddControlField('005', $Version)
        $null = $r.AddDataField('035', '  ', 'a', "(OCoLC)$Ocn")
        $null = $r.AddDataField('035', '9 ', 'a', 'LOCAL-ONLY')
        $null = $r.AddDataField('245', '10', 'a', 'Old title.')
        $null = $r.AddDataField('650', ' 0', 'a', 'Old subject.')
        $null = $r.AddDataField('700', '1 ', 'a', 'Old, Person.')
        $null = $r.AddDataField('949', '  ', 'a', 'LOCAL ITEM')
        $r
    }

    # The OCLC record as Connexion exports it.
    function New-OclcRecord([string] $Ocn = '12345', [char] $EncodingLevel = ' ', [string] $Version = '20250101120000.0') {
        $r = [OclcCataloging.Marc.MarcRecord]::new()
        $r.Leader.EncodingLevel = $EncodingLevel
        $null = $r.AddControlField('001', "ocm$($Ocn.PadLeft(8, '0'))")
        $null = $r.AddControlField('003', 'OCoLC')
        $null = $r.AddControlField('005', $Version)
        $null = $r.AddDataField('035', '  ', 'a', "(OCoLC)$Ocn")
        $null = $r.AddDataField('245', '10', 'a', 'New title.')
        $null = $r.AddDataField('500', '  ', 'a', 'New note.')
        $null = $r.AddDataField('650', ' 0', 'a', 'New subject.')
        $null = $r.AddDataField('994', '  ', 'a', 'C0', 'b', 'XYZ')
        $r
    }

    function Get-Values($Record, [string] $Tag) { @($Record.GetFields($Tag) | ForEach-Object { $_.ToMarcText() }) }
}

Describe 'Merge-MarcRecord' {

    Context 'Methods' {
        It 'OverlayAllFieldsButLocal: incoming fields replace, the existing 001, 9XX and 035 9/blank stay' {
            $r = New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal
            $r | Should -BeOfType ([OclcCataloging.Ils.Alma.AlmaMergeResult])
            $r.Outcome | Should -Be 'Merged'
            $r.Record.ControlNumber | Should -Be '99123450123'
            Get-Values $r.Record '245' | Should -Be '=245  10$aNew title.'
            Get-Values $r.Record '949' | Should -Be '=949  \\$aLOCAL ITEM'
            Get-Values $r.Record '994' | Should -BeNullOrEmpty
            Get-Values $r.Record '035' | Should -Be @('=035  9\$aLOCAL-ONLY', '=035  \\$a(OCoLC)12345')
            Get-Values $r.Record '700' | Should -BeNullOrEmpty
            ($r.Changes | Where-Object Tag -eq '700').Change | Should -Be 'Removed'
            ($r.Changes | Where-Object Tag -eq '500').Change | Should -Be 'Added'
            ($r.Changes | Where-Object Tag -eq '245').Change | Should -Be 'Replaced'
            ($r.Changes | Where-Object Tag -eq '949').Change | Should -Be 'Kept'
        }

        It 'ConditionalSubjectHeadings: 001, 035, 65X, 7XX and 9XX stay and the incoming 6XX are added' {
            $r = New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method ConditionalSubjectHeadings
            Get-Values $r.Record '650' | Should -Be @('=650  \0$aOld subject.', '=650  \0$aNew subject.')
            Get-Values $r.Record '700' | Should -Be '=700  1\$aOld, Person.'
            Get-Values $r.Record '245' | Should -Be '=245  10$aNew title.'
            @(Get-Values $r.Record '035').Count | Should -Be 2
            Get-Values $r.Record '994' | Should -BeNullOrEmpty
        }

        It 'KeepOnlyOldValue: the existing record stays as it is' {
            $existing = New-AlmaRecord
            $r = New-OclcRecord | Merge-MarcRecord -Existing $existing -Method KeepOnlyOldValue
            $r.Record.ContentEquals($existing) | Should -BeTrue
            $r.AddedCount + $r.ReplacedCount + $r.RemovedCount | Should -Be 0
            ($r.Changes | Where-Object Change -eq 'Ignored').Tag | Should -Contain '500'
        }

        It 'Replace245And035 -Replace245Reading <Reading>' -ForEach @(
            @{ Reading = 'ByName'; Titles = @('=245  10$aNew title.'); Note = $false; Subject = @('=650  \0$aOld subject.') }
            @{ Reading = 'AsDescribed'; Titles = @('=245  10$aOld title.', '=245  10$aNew title.'); Note = $true; Subject = @('=650  \0$aNew subject.') }
        ) {
            $r = New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method Replace245And035 -Replace245Reading $Reading
            Get-Values $r.Record '245' | Should -Be $Titles
            [bool] (Get-Values $r.Record '500') | Should -Be $Note
            Get-Values $r.Record '650' | Should -Be $Subject
        }

        It 'neither input record changes' {
            $in = New-OclcRecord; $ex = New-AlmaRecord
            $inText = $in.ToMarcText(); $exText = $ex.ToMarcText()
            $null = $in | Merge-MarcRecord -Existing $ex -Method OverlayAllFieldsButLocal
            $in.ToMarcText() | Should -Be $inText
            $ex.ToMarcText() | Should -Be $exText
        }
    }

    Context 'Guards' {
        It '-BriefLevelGuard keeps a fuller existing record (CARLI: blank is 10, 3 is 03)' {
            $r = New-OclcRecord -EncodingLevel '3' | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal -BriefLevelGuard
            $r.Outcome | Should -Be 'BlockedBriefLevel'
            $r.IncomingBriefLevel | Should -Be 3
            $r.ExistingBriefLevel | Should -Be 10
            Get-Values $r.Record '245' | Should -Be '=245  10$aOld title.'
        }

        It 'merges without the guard, and merges with it when the incoming record is as full' {
            (New-OclcRecord -EncodingLevel '3' | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal).Outcome | Should -Be 'Merged'
            (New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal -BriefLevelGuard).Outcome | Should -Be 'Merged'
        }

        It 'uses the CSU table or your own table' {
            # CSU: 'I' is 09, blank 10; CARLI: both 10.
            $i = New-OclcRecord -EncodingLevel 'I'
            ($i | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -BriefLevelGuard).Outcome | Should -Be 'Merged'
            ($i | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -BriefLevelGuard -BriefLevelRules Csu).Outcome | Should -Be 'BlockedBriefLevel'
            $own = $i | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -BriefLevelGuard -BriefLevelTable @{ ' ' = 4; 'I' = 6 }
            $own.Outcome | Should -Be 'Merged'
            $own.IncomingBriefLevel | Should -Be 6
            (New-OclcRecord -EncodingLevel 'Q' | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -UnmappedBriefLevel 7).IncomingBriefLevel | Should -Be 7
        }

        It 'gives a record without 245 level <Level> with -Missing245BriefLevel <Given>' -ForEach @(
            @{ Given = 1; Level = 1 }, @{ Given = 5; Level = 5 }, @{ Given = 0; Level = 10 }
        ) {
            $in = New-OclcRecord; $null = $in.RemoveFields('245')
            ($in | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -Missing245BriefLevel $Given).IncomingBriefLevel | Should -Be $Level
        }

        It 'refuses a brief level table it cannot use' {
            $err = $null
            try { New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -BriefLevelTable @{ 'AB' = 3 } -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BriefLevelTableInvalid,*'
            { New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method KeepOnlyOldValue -BriefLevelTable @{ ' ' = 11 } -ErrorAction Stop } |
                Should -Throw -ErrorId 'BriefLevelTableInvalid,*'
        }

        It '-OlderVersionGuard keeps the existing record when the incoming 005 is older' {
            $r = New-OclcRecord -Version '20230101000000.0' | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal -OlderVersionGuard
            $r.Outcome | Should -Be 'BlockedOlderVersion'
            $r.Reason | Should -BeLike '*20230101000000.0*older*'
            (New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal -OlderVersionGuard).Outcome | Should -Be 'Merged'
        }

        It '-MissingVersion <Policy> decides for a record without 005' -ForEach @(
            @{ Policy = 'Allow'; Outcome = 'Merged' }, @{ Policy = 'Block'; Outcome = 'BlockedOlderVersion' }
        ) {
            $in = New-OclcRecord; $null = $in.RemoveFields('005')
            ($in | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal -OlderVersionGuard -MissingVersion $Policy).Outcome | Should -Be $Outcome
        }
    }

    Context 'Matching and input' {
        It 'matches each record by OCLC number among several existing records, reports NoMatch otherwise' {
            $existing = (New-AlmaRecord -Ocn '111'), (New-AlmaRecord -Ocn '222')
            $r = @((New-OclcRecord -Ocn '222'), (New-OclcRecord -Ocn '333') | Merge-MarcRecord -Existing $existing -Method OverlayAllFieldsButLocal)
            $r.Outcome | Should -Be @('Merged', 'NoMatch')
            $r.RecordId | Should -Be @('222', '333')
            Get-Values $r[0].Record '035' | Should -Contain '=035  \\$a(OCoLC)222'
            $r[1].Record | Should -BeNullOrEmpty
        }

        It 'reads the existing records from -ExistingPath and the incoming ones from -Path' {
            $ex = Join-Path $TestDrive 'alma.xml'; $in = Join-Path $TestDrive 'oclc.mrc'
            Write-XmlFile -Path $ex -Record (New-AlmaRecord -Ocn '111'), (New-AlmaRecord -Ocn '222')
            Write-IsoFile -Path $in -Record (New-OclcRecord -Ocn '111'), (New-OclcRecord -Ocn '222')
            $r = @(Merge-MarcRecord -Path $in -ExistingPath $ex -Method ConditionalSubjectHeadings)
            $r.Outcome | Should -Be @('Merged', 'Merged')
            $r[1].Record.GetField('035').GetValue('a') | Should -Be '(OCoLC)222'
        }

        It 'stops when no existing records are given, saying which parameters to use' {
            $err = $null
            try { New-OclcRecord | Merge-MarcRecord -Method KeepOnlyOldValue -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'ExistingRecordsRequired,*'
            $err.ErrorDetails.RecommendedAction | Should -BeLike '*-ExistingPath*'
        }

        It 'offers the methods as completions' {
            $line = 'Merge-MarcRecord -Method '
            $c = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $c.CompletionMatches.CompletionText | Sort-Object | Should -Be @('ConditionalSubjectHeadings', 'KeepOnlyOldValue', 'OverlayAllFieldsButLocal', 'Replace245And035')
        }

        It 'shows results and changes as tables of their own properties' {
            $r = New-OclcRecord | Merge-MarcRecord -Existing (New-AlmaRecord) -Method OverlayAllFieldsButLocal
            ($r | Format-Table | Out-String) | Should -Match 'RecordId\s+Method\s+Outcome'
            ($r.Changes | Format-Table | Out-String) | Should -Match 'RecordId\s+Tag\s+Occurrence\s+Change'
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    function New-ItemRecord {
        $r = New-TestRecord
        $null = $r.AddDataField('952', '  ', 'a', 'MAIN', 'p', '39001000000001')
        $null = $r.AddDataField('952', '  ', 'a', 'BRANCH', 'p', '39001000000002')
        $r
    }
}

Describe 'Resolve-KohaImportAction' {

    It 'uses the database defaults when a setting is left out' {
        $d = Resolve-KohaImportAction -MatchStatus AutoMatch
        $d | Should -BeOfType ([OclcCataloging.Ils.Koha.KohaImportDecision])
        $d.OverlayAction | Should -Be 'CreateNew'
        $d.NomatchAction | Should -Be 'CreateNew'
        $d.ItemActionSetting | Should -Be 'AlwaysAdd'
        $d.ImportMode | Should -Be 'Stage'
        $d.DefaultedSettings | Should -Be @('overlay_action', 'nomatch_action', 'item_action', 'import_mode')
        $d.BibAction | Should -Be 'CreateNew'
        $d.ItemAction | Should -Be 'CreateNew'
        $d.Outcome | Should -Be 'Staged'
    }

    It 'match, overlay_action <Overlay>, item_action <Item>: bib <Bib>, items <Items>' -ForEach @(
        @{ Overlay = 'replace'; Item = 'always_add'; Bib = 'Replace'; Items = 'CreateNew' }
        @{ Overlay = 'replace'; Item = 'add_only_for_matches'; Bib = 'Replace'; Items = 'CreateNew' }
        @{ Overlay = 'replace'; Item = 'add_only_for_new'; Bib = 'Replace'; Items = 'Ignore' }
        @{ Overlay = 'replace'; Item = 'ignore'; Bib = 'Replace'; Items = 'Ignore' }
        @{ Overlay = 'replace'; Item = 'replace'; Bib = 'Replace'; Items = 'Replace' }
        @{ Overlay = 'create_new'; Item = 'always_add'; Bib = 'CreateNew'; Items = 'CreateNew' }
        @{ Overlay = 'ignore'; Item = 'always_add'; Bib = 'Ignore'; Items = 'CreateNew' }
        @{ Overlay = 'ignore'; Item = 'add_only_for_new'; Bib = 'Ignore'; Items = 'Ignore' }
        @{ Overlay = 'use_template'; Item = 'ignore'; Bib = 'UseTemplate'; Items = 'Ignore' }
    ) {
        $d = New-ItemRecord | Resolve-KohaImportAction AutoMatch -OverlayAction $Overlay -ItemAction $Item
        $d.BibAction | Should -Be $Bib
        $d.ItemAction | Should -Be $Items
        $d.Items.Action | Should -Be @($Items, $Items)
        $d.Items.Barcode | Should -Be @('39001000000001', '39001000000002')
    }

    It 'no match, nomatch_action <Nomatch>, item_action <Item>: bib <Bib>, items <Items>' -ForEach @(
        @{ Nomatch = 'create_new'; Item = 'always_add'; Bib = 'CreateNew'; Items = 'CreateNew' }
        @{ Nomatch = 'create_new'; Item = 'add_only_for_new'; Bib = 'CreateNew'; Items = 'CreateNew' }
        @{ Nomatch = 'create_new'; Item = 'add_only_for_matches'; Bib = 'CreateNew'; Items = 'Ignore' }
        @{ Nomatch = 'ignore'; Item = 'always_add'; Bib = 'Ignore'; Items = 'Ignore' }
    ) {
        $d = New-ItemRecord | Resolve-KohaImportAction NoMatch -NomatchAction $Nomatch -ItemAction $Item
        $d.BibAction | Should -Be $Bib
        $d.ItemAction | Should -Be $Items
    }

    It 'replace without a best match creates a new bib; the BestMatchFirst variant takes the no-match branch' {
        (Resolve-KohaImportAction AutoMatch -OverlayAction replace -HasBestMatch:$false).BibAction | Should -Be 'CreateNew'
        $v = Resolve-KohaImportAction AutoMatch -OverlayAction replace -NomatchAction ignore -HasBestMatch:$false -Variant BestMatchFirst
        $v.BibAction | Should -Be 'Ignore'
    }

    It 'commits only with import_mode direct (any case)' {
        (Resolve-KohaImportAction NoMatch -ImportMode direct).Committed | Should -BeTrue
        (Resolve-KohaImportAction NoMatch -ImportMode DIRECT).Outcome | Should -Be 'Committed'
        (Resolve-KohaImportAction NoMatch -ImportMode stage).Committed | Should -BeFalse
    }

    It 'reads a daemon configuration file; parameters override it' {
        $conf = Join-Path $TestDrive 'daemon.conf'
        Set-Content -LiteralPath $conf -Value "host: 0.0.0.0`nport: 8000 # the daemon port`nmatch: ISBN`noverlay_action: ignore`nitem_action: add_only_for_matches`nimport_mode: direct"
        $d = New-ItemRecord | Resolve-KohaImportAction AutoMatch -ConfigPath $conf
        $d.BibAction | Should -Be 'Ignore'
        $d.ItemAction | Should -Be 'CreateNew'
        $d.Items.AttachTo | Select-Object -Unique | Should -Be 'matched bib'
        $d.Committed | Should -BeTrue
        $d.DefaultedSettings | Should -Be @('nomatch_action')
        (Resolve-KohaImportAction AutoMatch -ConfigPath $conf -OverlayAction replace).BibAction | Should -Be 'Replace'
    }

    It 'refuses an unknown value, in a parameter or in the file' {
        { Resolve-KohaImportAction AutoMatch -OverlayAction merge -ErrorAction Stop } | Should -Throw -ErrorId 'KohaSettingInvalid,*'
        $conf = Join-Path $TestDrive 'bad.conf'
        Set-Content -LiteralPath $conf -Value "item_action: sometimes"
        $err = $null
        try { Resolve-KohaImportAction AutoMatch -ConfigPath $conf -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'KohaConfigInvalid,*'
        $err.Exception.Message | Should -BeLike '*always_add*'
    }

    It 'offers Koha''s spellings as completions for -<Parameter>' -ForEach @(
        @{ Parameter = 'OverlayAction'; Values = @('replace', 'create_new', 'use_template', 'ignore') }
        @{ Parameter = 'NomatchAction'; Values = @('create_new', 'ignore') }
        @{ Parameter = 'ItemAction'; Values = @('always_add', 'add_only_for_matches', 'add_only_for_new', 'ignore', 'replace') }
        @{ Parameter = 'ImportMode'; Values = @('stage', 'direct') }
    ) {
        $line = "Resolve-KohaImportAction AutoMatch -$Parameter "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Values
    }

    It 'shows decisions and items as tables of their own properties' {
        $d = New-ItemRecord | Resolve-KohaImportAction AutoMatch
        ($d | Format-Table | Out-String) | Should -Match 'ControlNumber\s+MatchStatus\s+HasBestMatch\s+BibAction'
        ($d.Items | Format-Table | Out-String) | Should -Match 'Occurrence\s+Barcode\s+HomeBranch\s+Action'
    }
}

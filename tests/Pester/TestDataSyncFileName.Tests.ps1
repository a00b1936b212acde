BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'Test-DataSyncFileName' {
    It 'accepts a compliant name and returns its parts' {
        $t = Test-DataSyncFileName '1234567.OCWMS.lhr.mrc'
        $t.IsValid | Should -BeTrue
        $t.CollectionId | Should -Be '1234567'
        $t.Symbol | Should -Be 'OCWMS'
        $t.Elements | Should -Be @('lhr')
        $t.Extension | Should -Be 'mrc'
    }

    It 'reports each broken rule with its id' -TestCases @(
        @{ Name = '123456.OCWMS.mrc'; Rule = 'FileNameCollectionId' }
        @{ Name = '1234567.mrc'; Rule = 'FileNameSymbol' }
        @{ Name = '1234567.OCWMS.txt'; Rule = 'FileNameExtension' }
        @{ Name = '-1234567.OCWMS.mrc'; Rule = 'FileNameLeadingCharacter' }
        @{ Name = '1234567.OCWMS.my file.mrc'; Rule = 'FileNameDisallowedCharacter' }
        @{ Name = '1234567.OCWMS..mrc'; Rule = 'FileNameEmptyElement' }
    ) {
        $t = Test-DataSyncFileName $Name
        $t.IsValid | Should -BeFalse
        $t.Errors.RuleId | Should -Contain $Rule
    }

    It 'warns on decisions 10, 11 and 12 of docs/design/data-sync.md' -TestCases @(
        @{ Name = '1234567.EL$.mrc'; Rule = 'FileNameControlCharacter' }
        @{ Name = '1234567.OCWMS.bibs-2024.mrc'; Rule = 'FileNameInternalDashOrUnderscore' }
        @{ Name = '1234567.ocwms.mrc'; Rule = 'FileNameLowerCaseSymbol' }
    ) {
        $t = Test-DataSyncFileName $Name
        $t.IsValid | Should -BeTrue
        $t.Warnings.RuleId | Should -Contain $Rule
    }

    It 'accepts another extension with -AllowAnyExtension' {
        (Test-DataSyncFileName '1234567.OCWMS.marc' -AllowAnyExtension).IsValid | Should -BeTrue
    }

    It 'checks files piped from Get-ChildItem by name' {
        $dir = Join-Path $TestDrive 'outbox'
        $null = New-Item -ItemType Directory $dir
        $null = New-Item -ItemType File (Join-Path $dir '1234567.XYZ.mrc'), (Join-Path $dir 'holdings.mrc')
        $r = Get-ChildItem $dir | Sort-Object Name | Test-DataSyncFileName
        $r.Name | Should -Be @('1234567.XYZ.mrc', 'holdings.mrc')
        $r.IsValid | Should -Be @($true, $false)
    }

    It 'warns on a name given twice in one batch, valid all the same' {
        $r = '1234567.OCWMS.lhr.mrc', '1234567.OCWMS.bib.mrc', 'C:\other\1234567.OCWMS.lhr.mrc' | Test-DataSyncFileName
        $r.IsValid | Should -Be @($true, $true, $true)
        @($r[0].Warnings).Count + @($r[1].Warnings).Count | Should -Be 0
        $r[2].Warnings.RuleId | Should -Be 'FileNameDuplicate'
        (Test-DataSyncFileName -Name '1234567.OCWMS.lhr.mrc', '1234567.OCWMS.lhr.mrc')[1].Warnings.RuleId | Should -Be 'FileNameDuplicate'
    }

    It 'does not carry names over from one call to the next' {
        $null = Test-DataSyncFileName '1234567.OCWMS.lhr.mrc'
        (Test-DataSyncFileName '1234567.OCWMS.lhr.mrc').Warnings | Should -BeNullOrEmpty
    }

    It 'shows findings in its table view' {
        Test-DataSyncFileName 'x.mrc' | Out-String | Should -BeLike '*Error FileNameCollectionId*'
    }
}

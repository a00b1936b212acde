BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'New-DataSyncFileName' {
    It 'builds the minimal compliant name' {
        New-DataSyncFileName -CollectionId 1234567 -Symbol OCWMS | Should -Be '1234567.OCWMS.mrc'
    }

    It 'converts @ $ # in the symbol and upper-cases it' {
        New-DataSyncFileName 1234567 'el$' -Description lhr -Extension xml | Should -Be '1234567.EL_36.lhr.xml'
    }

    It 'adds date, time and sequence' {
        New-DataSyncFileName 1234567 XYZ -Description bibs -Date ([datetime]'2024-01-31 22:15:00') -Sequence 2 |
            Should -Be '1234567.XYZ.bibs.D20240131.T221500.2.mrc'
    }

    It 'makes a unique name per call with -Timestamp' {
        $names = 1..3 | ForEach-Object { New-DataSyncFileName 1234567 XYZ -Timestamp }
        ($names | Sort-Object -Unique).Count | Should -Be 3
    }

    It 'names the rule broken by invalid input' {
        $err = $null
        $out = New-DataSyncFileName -CollectionId 123456 -Symbol XYZ -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNameCollectionId*'
        $err[0].Exception.Message | Should -BeLike '*7-digit*'
        { New-DataSyncFileName 1234567 XYZ -Description 'my bibs' -ErrorAction Stop } | Should -Throw -ErrorId 'FileNameDisallowedCharacter*'
    }

    It 'builds names that pass Test-DataSyncFileName without warnings' {
        $t = New-DataSyncFileName 1234567 'A@B#' -Description lhr, weekly -Timestamp | Test-DataSyncFileName
        $t.IsValid | Should -BeTrue
        $t.Warnings.Count | Should -Be 0
    }
}

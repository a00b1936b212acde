# Editing a record the way pymarc users do: $r['245']['a'] = 'New /'.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'The subfield indexer' {
    It 'replaces the first value of a subfield' {
        $r = New-TestRecord
        $r['245']['a'] = 'New /'
        $r['245']['a'] | Should -Be 'New /'
        @($r['245'].Subfields | Where-Object Code -eq 'a').Count | Should -Be 1
        $r.Title | Should -BeLike 'New /*'
    }

    It 'adds a subfield the field does not have, at the end' {
        $r = New-TestRecord
        $r['650']['x'] = 'History.'
        $r['650'].Subfields[-1].Code | Should -Be 'x'
        $r['650']['x'] | Should -Be 'History.'
    }

    It 'removes the subfield when set to null ([NullString]::Value: PowerShell passes $null to a string as "")' {
        $r = New-TestRecord
        $r['245']['c'] = [NullString]::Value
        $r['245']['c'] | Should -BeNullOrEmpty
        $r['245'].HasSubfield([char] 'c') | Should -BeFalse
    }

    It 'refuses a control field and a code longer than one character' {
        $r = New-TestRecord
        { $r['001']['a'] = 'x' } | Should -Throw '*control field*'
        { $r['245']['ab'] = 'x' } | Should -Throw '*one character*'
    }

    It 'writes the edit: the record read back has the new value' {
        $r = New-TestRecord
        $r['245']['a'] = 'Edited title /'
        $path = Join-Path $TestDrive 'edited.mrc'
        $r | Export-MarcFile -Path $path
        (Import-MarcFile -Path $path)['245']['a'] | Should -Be 'Edited title /'
    }
}

Describe 'Column names as properties' {
    It 'Select-Object takes the column names of the validation view' {
        $r = New-TestRecord -Subtitle 'no punctuation' | Test-MarcRecord
        $row = $r | Select-Object Valid, Err, Warn, Checklist
        $row.Valid | Should -Be $r.IsValid
        $row.Warn | Should -Be $r.WarningCount
        $row.Checklist | Should -Match 'TitlePunctuation'
    }

    It 'Select-Object takes the column names of the data sync file view' {
        $info = Get-DataSyncFileInfo 'metacoll.OCWMS.new.D20170612.T141740.1.mrc.zip'
        $info.Seq | Should -Be $info.Sequence
        $info.Seq | Should -Be 1
        $info.Zip | Should -BeTrue
        $info.Ext | Should -Be $info.Extension
    }

    It 'a saved connection has its Address' {
        $saved = $env:OCLC_CONNECTIONS_PATH
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections'
        try {
            Set-OclcConnection -Name Union -Kind Sru -BaseAddress 'http://127.0.0.1:21210/Default'
            (Get-OclcConnection -Name Union | Select-Object Address).Address | Should -Be 'http://127.0.0.1:21210/Default'
        }
        finally { $env:OCLC_CONNECTIONS_PATH = $saved }
    }
}

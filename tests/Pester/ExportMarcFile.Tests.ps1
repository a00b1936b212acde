BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    $script:records = 1..3 | ForEach-Object { New-TestRecord -Id ("ocm0000000$_") -Title "Title $_ :" }

    # A record too long for ISO 2709 (> 99,999 bytes).
    function New-OversizeRecord {
        $r = New-TestRecord -Id 'ocm-oversize'
        1..25 | ForEach-Object { $null = $r.AddDataField('505', '0 ', 'a', ('x' * 5000)) }
        $r
    }

    function Assert-SameRecords($Actual, $Expected) {
        @($Actual).Count | Should -Be @($Expected).Count
        for ($i = 0; $i -lt @($Expected).Count; $i++) {
            $diff = @($Expected)[$i].Compare(@($Actual)[$i], $false)
            $diff -join "`n" | Should -BeNullOrEmpty
        }
    }
}

Describe 'Export-MarcFile' {

    Context 'Round trips' {
        It 'writes ISO 2709 that reads back unchanged' {
            $path = Join-Path $TestDrive 'round.mrc'
            $records | Export-MarcFile -Path $path
            Assert-SameRecords (Import-MarcFile -Path $path) $records
            [System.IO.File]::ReadAllBytes($path)[0..4] | ForEach-Object { [char]$_ } | Should -Match '\d'
        }

        It 'writes MARCXML for a .xml name, as one well-formed collection' {
            $path = Join-Path $TestDrive 'round.xml'
            $records | Export-MarcFile -Path $path
            [xml] $doc = Get-Content -LiteralPath $path -Raw
            $doc.collection.record.Count | Should -Be 3
            Assert-SameRecords (Import-MarcFile -Path $path) $records
        }

        It 'writes MARCXML to any name with -Format MarcXml' {
            $path = Join-Path $TestDrive 'xml-as.mrc'
            $records | Export-MarcFile -Path $path -Format MarcXml
            (Get-Content -LiteralPath $path -TotalCount 1) | Should -BeLike '<?xml*'
            Assert-SameRecords (Import-MarcFile -Path $path) $records
        }

        It 'accepts an array through -InputObject' {
            $path = Join-Path $TestDrive 'inputobject.mrc'
            Export-MarcFile -Path $path -InputObject $records
            (Import-MarcFile -Path $path).Count | Should -Be 3
        }

        It 'writes to a -LiteralPath with brackets' {
            $path = Join-Path $TestDrive '[2024] batch.mrc'
            $records | Export-MarcFile -LiteralPath $path
            (Import-MarcFile -LiteralPath $path).Count | Should -Be 3
        }

        It 'writes an empty file when no record arrives' {
            $path = Join-Path $TestDrive 'empty.mrc'
            @() | Export-MarcFile -Path $path
            (Get-Item -LiteralPath $path).Length | Should -Be 0
        }

        It 'replaces an existing file by default' {
            $path = Join-Path $TestDrive 'replace.mrc'
            $records | Export-MarcFile -Path $path
            $records[0] | Export-MarcFile -Path $path
            @(Import-MarcFile -Path $path).Count | Should -Be 1
        }
    }

    Context '-Append' {
        It 'adds ISO 2709 records to the end of an existing file' {
            $path = Join-Path $TestDrive 'append.mrc'
            $records[0, 1] | Export-MarcFile -Path $path
            $records[2] | Export-MarcFile -Path $path -Append
            (Import-MarcFile -Path $path).ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
        }

        It 'inserts MARCXML records before the closing collection tag' {
            $path = Join-Path $TestDrive 'append.xml'
            $records[0] | Export-MarcFile -Path $path
            $records[1, 2] | Export-MarcFile -Path $path -Append
            [xml] $doc = Get-Content -LiteralPath $path -Raw
            $doc.collection.record.Count | Should -Be 3
            (Import-MarcFile -Path $path).ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
        }

        It 'appends to a MARCXML collection written with a namespace prefix by another tool' {
            $path = Join-Path $TestDrive 'prefixed.xml'
            Set-Content -LiteralPath $path -Encoding utf8 -Value @'
<?xml version="1.0" encoding="UTF-8"?>
<marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
  <marc:record>
    <marc:leader>00000nam a2200000   4500</marc:leader>
    <marc:controlfield tag="001">ocm-prefixed</marc:controlfield>
  </marc:record>
</marc:collection>
'@
            $records[0] | Export-MarcFile -Path $path -Append
            [xml] $doc = Get-Content -LiteralPath $path -Raw
            $doc.DocumentElement.LocalName | Should -Be 'collection'
            (Import-MarcFile -Path $path).ControlNumber | Should -Be @('ocm-prefixed', 'ocm00000001')
        }

        It 'uses the existing file''s format when -Format is not given' {
            $path = Join-Path $TestDrive 'xml-content.dat'
            $records[0] | Export-MarcFile -Path $path -Format MarcXml
            $records[1] | Export-MarcFile -Path $path -Append
            [xml] $doc = Get-Content -LiteralPath $path -Raw
            $doc.collection.record.Count | Should -Be 2
        }

        It 'refuses a -Format that differs from the existing file (AppendFormatMismatch) and leaves it alone' {
            $path = Join-Path $TestDrive 'mismatch.mrc'
            $records | Export-MarcFile -Path $path
            $before = Get-FileHash -LiteralPath $path
            { $records | Export-MarcFile -Path $path -Append -Format MarcXml } |
                Should -Throw -ErrorId 'AppendFormatMismatch,OclcCataloging.Commands.ExportMarcFileCommand'
            (Get-FileHash -LiteralPath $path).Hash | Should -Be $before.Hash
        }

        It 'refuses to append to XML that is not a collection (AppendTargetInvalid)' {
            $path = Join-Path $TestDrive 'single.xml'
            Set-Content -LiteralPath $path -Value '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000   4500</leader></record>'
            { $records | Export-MarcFile -Path $path -Append } |
                Should -Throw -ErrorId 'AppendTargetInvalid,OclcCataloging.Commands.ExportMarcFileCommand'
        }

        It 'creates the file when it does not exist' {
            $path = Join-Path $TestDrive 'append-new.xml'
            $records | Export-MarcFile -Path $path -Append
            (Import-MarcFile -Path $path).Count | Should -Be 3
        }
    }

    Context 'Safety' {
        It '-WhatIf writes nothing' {
            $path = Join-Path $TestDrive 'whatif.mrc'
            $records | Export-MarcFile -Path $path -WhatIf
            Test-Path -LiteralPath $path | Should -BeFalse
            Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
        }

        It 'writes without prompting in a non-interactive session (ConfirmImpact Medium)' {
            $attribute = [OclcCataloging.Commands.ExportMarcFileCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'Medium'
            $attribute.SupportsShouldProcess | Should -BeTrue
            $path = Join-Path $TestDrive 'noninteractive.mrc'
            & { $ConfirmPreference = 'High'; $records | Export-MarcFile -Path $path }
            Test-Path -LiteralPath $path | Should -BeTrue
        }

        It '-NoClobber refuses an existing file (FileExists) and keeps it' {
            $path = Join-Path $TestDrive 'noclobber.mrc'
            $records | Export-MarcFile -Path $path
            { $records[0] | Export-MarcFile -Path $path -NoClobber } |
                Should -Throw -ErrorId 'FileExists,OclcCataloging.Commands.ExportMarcFileCommand'
            (Import-MarcFile -Path $path).Count | Should -Be 3
        }

        It 'refuses a read-only file without -Force and replaces it with -Force, keeping it read-only' {
            $path = Join-Path $TestDrive 'readonly.mrc'
            $records | Export-MarcFile -Path $path
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
            { $records[0] | Export-MarcFile -Path $path } |
                Should -Throw -ErrorId 'FileReadOnly,OclcCataloging.Commands.ExportMarcFileCommand'
            $records[0] | Export-MarcFile -Path $path -Force
            @(Import-MarcFile -Path $path).Count | Should -Be 1
            (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false
        }

        It 'creates a missing folder when it writes, and not under -WhatIf' {
            $folder = Join-Path $TestDrive 'no/such'
            $records | Export-MarcFile -Path (Join-Path $folder 'file.mrc') -WhatIf
            Test-Path -LiteralPath $folder | Should -BeFalse
            $records | Export-MarcFile -Path (Join-Path $folder 'file.mrc')
            @(Import-MarcFile -LiteralPath (Join-Path $folder 'file.mrc')).Count | Should -Be 3
        }

        It 'names the file and folder given, not the temporary file, when the folder cannot be made' {
            $blocker = Join-Path $TestDrive 'plain-file'
            Set-Content -LiteralPath $blocker -Value 'x'
            $target = Join-Path $blocker 'out.mrc'
            $err = { $records | Export-MarcFile -Path $target } | Should -Throw -ErrorId 'FileWriteFailed,OclcCataloging.Commands.ExportMarcFileCommand' -PassThru
            $err.Exception.Message | Should -BeLike "*$target*"
            $err.Exception.Message | Should -Not -BeLike '*.tmp*'
        }
    }

    Context 'Records that cannot be written' {
        It 'skips an oversize record with a non-terminating RecordNotWritten error and writes the others' {
            $path = Join-Path $TestDrive 'oversize.mrc'
            $oversize = New-OversizeRecord
            $records[0], $oversize, $records[1] | Export-MarcFile -Path $path -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'RecordNotWritten,OclcCataloging.Commands.ExportMarcFileCommand'
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $err[0].TargetObject | Should -Be $oversize
            $err[0].Exception.Message | Should -BeLike "*$path*RecordTooLong*"
            (Import-MarcFile -Path $path).ControlNumber | Should -Be @('ocm00000001', 'ocm00000002')
        }

        It 'with -ErrorAction Stop leaves no file and no temporary file' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'stop')
            $path = Join-Path $folder 'stopped.mrc'
            { $records[0], (New-OversizeRecord), $records[1] | Export-MarcFile -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'RecordNotWritten,OclcCataloging.Commands.ExportMarcFileCommand'
            Test-Path -LiteralPath $path | Should -BeFalse
            Get-TempLeftover $folder | Should -BeNullOrEmpty
        }

        It 'with -ErrorAction Stop leaves an existing file as it was' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'stop-existing')
            $path = Join-Path $folder 'kept.mrc'
            $records | Export-MarcFile -Path $path
            $before = Get-FileHash -LiteralPath $path
            { $records[0], (New-OversizeRecord) | Export-MarcFile -Path $path -Append -ErrorAction Stop } | Should -Throw
            (Get-FileHash -LiteralPath $path).Hash | Should -Be $before.Hash
            Get-TempLeftover $folder | Should -BeNullOrEmpty
        }

        It '-OversizePolicy Truncate writes the record without its overflowing fields, with warnings' {
            $path = Join-Path $TestDrive 'truncated.mrc'
            New-OversizeRecord | Export-MarcFile -Path $path -OversizePolicy Truncate -WarningVariable warn -WarningAction SilentlyContinue
            $warn.Count | Should -BeGreaterThan 0
            $read = Import-MarcFile -Path $path
            $read.ControlNumber | Should -Be 'ocm-oversize'
            $read.GetFields('505').Count | Should -BeLessThan 25
        }

        It 'a stopped pipeline leaves no file behind' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'stopped-pipeline')
            $path = Join-Path $folder 'first-only.mrc'
            $first = $records | Export-MarcFile -Path $path -PassThru | Select-Object -First 1
            $first.ControlNumber | Should -Be 'ocm00000001'
            Test-Path -LiteralPath $path | Should -BeFalse
            Get-TempLeftover $folder | Should -BeNullOrEmpty
        }
    }

    Context '-PassThru' {
        It 'emits each record after writing it' {
            $path = Join-Path $TestDrive 'passthru.mrc'
            $out = $records | Export-MarcFile -Path $path -PassThru
            $out.Count | Should -Be 3
            [object]::ReferenceEquals($out[0].psobject.BaseObject, $records[0]) | Should -BeTrue
        }

        It 'emits nothing without -PassThru' {
            $out = $records | Export-MarcFile -Path (Join-Path $TestDrive 'quiet.mrc')
            $out | Should -BeNullOrEmpty
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    $script:records = 1..3 | ForEach-Object { New-TestRecord -Id ("ocm0000000$_") -Title "Title $_ :" }
    $script:iso = Join-Path $TestDrive 'three.mrc'
    Write-IsoFile -Path $iso -Record $records
}

Describe 'Import-MarcFile' {

    Context 'Reading and binding' {
        It 'reads every record of an ISO 2709 file, with its origin' {
            $read = Import-MarcFile -Path $iso
            $read.Count | Should -Be 3
            $read[0] | Should -BeOfType ([OclcCataloging.Marc.MarcRecord])
            $read.ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
            $read[1].Origin.Ordinal | Should -Be 2
            $read[1].Origin.SourcePath | Should -Be $iso
            $read[0].ContentEquals($records[0]) | Should -BeTrue
        }

        It 'binds paths from the pipeline by value' {
            $read = $iso, $iso | Import-MarcFile
            $read.Count | Should -Be 6
        }

        It 'binds Get-ChildItem output by property name (PSPath -> LiteralPath)' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'bypipe')
            Write-IsoFile -Path (Join-Path $folder 'a.mrc') -Record $records[0]
            Write-IsoFile -Path (Join-Path $folder 'b.mrc') -Record $records[1, 2]
            $read = Get-ChildItem -LiteralPath $folder -Filter *.mrc | Import-MarcFile
            $read.Count | Should -Be 3
        }

        It 'expands wildcards in -Path and skips folders they match' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'wild')
            Write-IsoFile -Path (Join-Path $folder 'batch-01.mrc') -Record $records[0]
            Write-IsoFile -Path (Join-Path $folder 'batch-02.mrc') -Record $records[1]
            Write-IsoFile -Path (Join-Path $folder 'other.mrc') -Record $records[2]
            $null = New-Item -ItemType Directory -Path (Join-Path $folder 'batch-03.mrc')
            $read = Import-MarcFile -Path (Join-Path $folder 'batch-0?.mrc') -ErrorVariable err
            $err | Should -BeNullOrEmpty
            $read.ControlNumber | Should -Be @('ocm00000001', 'ocm00000002')
        }

        It 'reads a file named [1].mrc with -LiteralPath' {
            $odd = Join-Path $TestDrive '[1].mrc'
            Write-IsoFile -Path $odd -Record $records
            (Import-MarcFile -LiteralPath $odd).Count | Should -Be 3
            (Import-MarcFile -LP $odd).Count | Should -Be 3
        }

        It 'reads a PowerShell-relative path' {
            Push-Location $TestDrive
            try { (Import-MarcFile -Path './three.mrc').Count | Should -Be 3 }
            finally { Pop-Location }
        }
    }

    Context 'Format' {
        It 'detects MARCXML from the content of a file named .mrc (-Format Auto)' {
            $xmlNamedMrc = Join-Path $TestDrive 'really-xml.mrc'
            Write-XmlFile -Path $xmlNamedMrc -Record $records
            $read = Import-MarcFile -Path $xmlNamedMrc
            $read.Count | Should -Be 3
            $read[2].ContentEquals($records[2]) | Should -BeTrue
            $read[0].Origin.Format | Should -Be 'MarcXml'
        }

        It 'reads ISO 2709 from a file named .xml' {
            $isoNamedXml = Join-Path $TestDrive 'really-iso.xml'
            Write-IsoFile -Path $isoNamedXml -Record $records
            (Import-MarcFile -Path $isoNamedXml).Count | Should -Be 3
        }

        It 'honours an explicit -Format (ISO 2709 forced on XML gives unreadable records, no exception)' {
            $xml = Join-Path $TestDrive 'forced.xml'
            Write-XmlFile -Path $xml -Record $records
            $read = Import-MarcFile -Path $xml -Format Iso2709 -ErrorAction SilentlyContinue -ErrorVariable err
            $read | Should -BeNullOrEmpty
            $err.Count | Should -BeGreaterThan 0
            $err[0].FullyQualifiedErrorId | Should -Be 'UnreadableRecord,OclcCataloging.Commands.ImportMarcFileCommand'
        }

        It 'reads gzip-compressed files transparently' {
            $gz = Join-Path $TestDrive 'three.mrc.gz'
            $out = [System.IO.File]::Create($gz)
            $zip = [System.IO.Compression.GZipStream]::new($out, [System.IO.Compression.CompressionMode]::Compress)
            $bytes = [System.IO.File]::ReadAllBytes($iso)
            $zip.Write($bytes, 0, $bytes.Length); $zip.Dispose(); $out.Dispose()
            (Import-MarcFile -Path $gz).ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
        }
    }

    Context 'Damaged and unreadable records' {
        BeforeAll {
            $bytes = ConvertTo-IsoBytes -Record $records
            $firstLength = [System.Array]::IndexOf($bytes, [byte]0x1D) + 1
            $script:secondOffset = $firstLength + (Get-JunkBytes).Length

            # Record 2 (after the junk) claims a wrong length: recoverable with a warning.
            $damaged = [byte[]]$bytes.Clone()
            $damaged[$firstLength + 4] = [byte][char]'9'
            $script:junkFile = Join-Path $TestDrive 'junk.mrc'
            [System.IO.File]::WriteAllBytes($junkFile, (Join-Bytes $damaged[0..($firstLength - 1)], (Get-JunkBytes), $damaged[$firstLength..($damaged.Length - 1)]))
        }

        It 'writes the recovered record with one warning naming file, record number, byte offset and problem' {
            $read = Import-MarcFile -Path $junkFile -WarningVariable warn -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
            $read.Count | Should -Be 3
            # The record's warning, then the file's summary (two problems: the damaged record and the unreadable junk).
            $warn.Count | Should -Be 2
            $warn[1].Message | Should -Be "'$junkFile': 3 records read, 1 damaged (read with warnings), 1 unreadable (see errors)."
            $warn[0].Message | Should -BeLike "Record 3 at byte $secondOffset in '$junkFile'*RecordLengthMismatch*"
            $warn[0].Message | Should -BeLike '*ocm00000002*'
            $read[1].HasWarnings | Should -BeTrue
            $read[1].Warnings[0].Code | Should -Be 'RecordLengthMismatch'
        }

        It 'writes a non-terminating UnreadableRecord error with the raw bytes and goes on reading' {
            $read = Import-MarcFile -Path $junkFile -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $read.Count | Should -Be 3
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'UnreadableRecord,OclcCataloging.Commands.ImportMarcFileCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].TargetObject | Should -BeOfType ([OclcCataloging.Marc.IO.MarcReadError])
            [System.Text.Encoding]::ASCII.GetString($err[0].TargetObject.RawBytes) | Should -Be ([System.Text.Encoding]::ASCII.GetString((Get-JunkBytes)))
            $err[0].Exception.Message | Should -BeLike "Record 2 at byte * in '$junkFile' cannot be read*"
        }

        It '-ErrorAction Stop makes the unreadable record terminating' {
            { Import-MarcFile -Path $junkFile -ErrorAction Stop -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'UnreadableRecord,OclcCataloging.Commands.ImportMarcFileCommand'
        }

        It '-RejectPath receives exactly the raw bytes of the unreadable records' {
            $rejects = Join-Path $TestDrive 'rejects.mrc'
            $null = Import-MarcFile -Path $junkFile -RejectPath $rejects -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($rejects)) | Should -Be ([Convert]::ToBase64String((Get-JunkBytes)))
            # A second run appends.
            $null = Import-MarcFile -Path $junkFile -RejectPath $rejects -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            [System.IO.File]::ReadAllBytes($rejects).Length | Should -Be (2 * (Get-JunkBytes).Length)
            Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
        }

        It '-RejectPath keeps the rejects when -ErrorAction Stop ends the command' {
            $rejects = Join-Path $TestDrive 'rejects-stop.mrc'
            { Import-MarcFile -Path $junkFile -RejectPath $rejects -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw
            [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($rejects)) | Should -Be ([Convert]::ToBase64String((Get-JunkBytes)))
        }

        It '-RejectPath creates no file when every record is readable' {
            $rejects = Join-Path $TestDrive 'no-rejects.mrc'
            $null = Import-MarcFile -Path $iso -RejectPath $rejects
            Test-Path -LiteralPath $rejects | Should -BeFalse
        }

        It 'accepts a -RejectPath in a folder that does not exist (created only when there is a reject)' {
            $null = Import-MarcFile -Path $iso -RejectPath (Join-Path $TestDrive 'nowhere/rejects.mrc')
            Test-Path -LiteralPath (Join-Path $TestDrive 'nowhere') | Should -BeFalse
        }
    }

    Context 'Stray bytes and odd leaders' {
        BeforeAll {
            $script:strayBytes = [byte[]](0x00, 0x1D, 0x00)
            $script:trailingBytes = [byte[]](0x00, 0x00, 0x00, 0x00)
            $script:isoBytes = ConvertTo-IsoBytes -Record $records
            $script:firstEnd = [System.Array]::IndexOf($isoBytes, [byte]0x1D) + 1
            $script:strayFile = Join-Path $TestDrive 'stray.mrc'
            [System.IO.File]::WriteAllBytes($strayFile, (Join-Bytes $isoBytes[0..($firstEnd - 1)], $strayBytes, $isoBytes[$firstEnd..($isoBytes.Length - 1)], $trailingBytes))
        }

        It 'warns about bytes between and after records with the file and byte offset' {
            $read = Import-MarcFile -Path $strayFile -WarningVariable warn -WarningAction SilentlyContinue
            $read.Count | Should -Be 3
            $read | ForEach-Object { $_.HasWarnings | Should -BeFalse }
            $warn.Count | Should -Be 3
            $warn[2].Message | Should -Be "'$strayFile': 3 records read, 2 runs of stray bytes skipped."
            $warn[0].Message | Should -BeLike "JunkBetweenRecords at byte $firstEnd in '$strayFile'*3 bytes*00 1D 00*"
            $warn[1].Message | Should -BeLike "JunkAfterLastRecord at byte $($isoBytes.Length + $strayBytes.Length) in '$strayFile'*4 bytes*"
            $warn[1].Message | Should -BeLike '*-RejectPath*'
        }

        It '-RejectPath receives the stray bytes in file order' {
            $rejects = Join-Path $TestDrive 'stray-rejects.mrc'
            $null = Import-MarcFile -Path $strayFile -RejectPath $rejects -WarningVariable warn -WarningAction SilentlyContinue
            [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($rejects)) | Should -Be ([Convert]::ToBase64String((Join-Bytes $strayBytes, $trailingBytes)))
            $warn[1].Message | Should -BeLike "*appended to '$rejects'*"
        }

        It 'reads a final line end or Ctrl-Z without a word' {
            $tidy = Join-Path $TestDrive 'tidy.mrc'
            [System.IO.File]::WriteAllBytes($tidy, (Join-Bytes $isoBytes, ([byte[]](0x0D, 0x0A, 0x1A))))
            $read = Import-MarcFile -Path $tidy -WarningVariable warn
            $read.Count | Should -Be 3
            $warn.Count | Should -Be 0
        }

        It 'warns about a leader whose entry map is not 4500 and keeps the leader' {
            $odd = [byte[]]$isoBytes.Clone()
            $odd[22] = [byte][char]' '
            $oddFile = Join-Path $TestDrive 'entry-map.mrc'
            [System.IO.File]::WriteAllBytes($oddFile, $odd)
            $read = Import-MarcFile -Path $oddFile -WarningVariable warn -WarningAction SilentlyContinue
            $warn.Count | Should -Be 1
            $warn[0].Message | Should -BeLike "Record 1 at byte 0 in '$oddFile'*EntryMapInvalid at byte 20*"
            $read[0].Leader.EntryMap | Should -Be '45 0'
        }
    }

    Context 'Missing files' {
        It 'reports a missing file as FileNotFound (ObjectNotFound) and still reads the others' {
            $read = Import-MarcFile -Path (Join-Path $TestDrive 'missing.mrc'), $iso -ErrorVariable err -ErrorAction SilentlyContinue
            $read.Count | Should -Be 3
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,OclcCataloging.Commands.ImportMarcFileCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'reports a wildcard that matches nothing' {
            $null = Import-MarcFile -Path (Join-Path $TestDrive 'nothing-*.mrc') -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,OclcCataloging.Commands.ImportMarcFileCommand'
            $err[0].Exception.Message | Should -BeLike '*No file matches*nothing-`*.mrc*'
        }

        It 'hints -LiteralPath when a name with brackets exists but matches nothing as a pattern' {
            $bracketed = Join-Path $TestDrive 'vendor[2024].mrc'
            Copy-Item -LiteralPath $iso -Destination $bracketed
            $null = Import-MarcFile -Path $bracketed -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,OclcCataloging.Commands.ImportMarcFileCommand'
            $err[0].Exception.Message | Should -BeLike '*exists*-LiteralPath*'
            @(Import-MarcFile -LiteralPath $bracketed).Count | Should -Be 3
        }

        It 'gives no -LiteralPath hint when no such file exists' {
            $null = Import-MarcFile -Path (Join-Path $TestDrive 'absent[1].mrc') -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].Exception.Message | Should -Not -BeLike '*-LiteralPath*'
        }

        It 'warns about an empty file instead of returning nothing silently' {
            $empty = Join-Path $TestDrive 'empty.mrc'
            [IO.File]::WriteAllBytes($empty, [byte[]]@())
            $read = @(Import-MarcFile -LiteralPath $empty -WarningVariable warn -WarningAction SilentlyContinue)
            $read.Count | Should -Be 0
            $warn.Count | Should -Be 1
            "$($warn[0])" | Should -BeLike '*empty.mrc*is empty (0 bytes)*'
        }

        It 'reports a missing -LiteralPath file' {
            { Import-MarcFile -LiteralPath (Join-Path $TestDrive '[missing].mrc') -ErrorAction Stop } |
                Should -Throw -ErrorId 'FileNotFound,OclcCataloging.Commands.ImportMarcFileCommand'
        }

        It 'reports a folder given by name as PathIsDirectory' {
            { Import-MarcFile -LiteralPath $TestDrive -ErrorAction Stop } |
                Should -Throw -ErrorId 'PathIsDirectory,OclcCataloging.Commands.ImportMarcFileCommand'
        }
    }

    Context 'Streaming' {
        BeforeAll {
            # 100,000 records (~30 MB): two distinct ones first, then copies, then an unreadable chunk at the
            # very end. The chunk's error only appears if the reader gets that far.
            $script:big = Join-Path $TestDrive 'big.mrc'
            $head = ConvertTo-IsoBytes -Record (New-TestRecord -Id 'first-1'), (New-TestRecord -Id 'first-2')
            $copy = ConvertTo-IsoBytes -Record (New-TestRecord -Id 'copy')
            $block = [System.IO.MemoryStream]::new()
            for ($i = 0; $i -lt 1000; $i++) { $block.Write($copy, 0, $copy.Length) }
            $blockBytes = $block.ToArray()
            $fs = [System.IO.File]::Create($big)
            try {
                $fs.Write($head, 0, $head.Length)
                for ($i = 0; $i -lt 100; $i++) { $fs.Write($blockBytes, 0, $blockBytes.Length) }
                $junk = Get-JunkBytes
                $fs.Write($junk, 0, $junk.Length)
            }
            finally { $fs.Dispose() }
        }

        It 'Select-Object -First 2 stops the reader at once' {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $first = Import-MarcFile -Path $big -ErrorVariable firstErr -ErrorAction SilentlyContinue | Select-Object -First 2
            $clock.Stop()
            $full = Measure-Command { Import-MarcFile -Path $big -ErrorVariable fullErr -ErrorAction SilentlyContinue | Measure-Object }

            $first.ControlNumber | Should -Be @('first-1', 'first-2')
            $firstErr | Should -BeNullOrEmpty -Because 'the unreadable chunk at the end was never reached'
            $fullErr.Count | Should -Be 1 -Because 'a full read does reach the unreadable chunk at the end'
            $clock.Elapsed.TotalMilliseconds | Should -BeLessThan ($full.TotalMilliseconds / 4)
        }

        It 'reports a per-file summary with -Verbose' {
            $verbose = Import-MarcFile -Path $iso -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -BeLike '*Read 3 records from*'
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    # ISO 2709 bytes of one record whose leader entry map is not 4500: read with one EntryMapInvalid warning.
    function Get-DamagedBytes([int] $Number) {
        $bytes = ConvertTo-IsoBytes -Record (New-TestRecord -Id ('ocm{0:d8}' -f $Number) -Title "Title $Number :")
        $bytes[22] = [byte][char]' '
        , $bytes
    }

    # A clean first record, 150 damaged ones, two unreadable chunks after record 10, stray bytes after record 20.
    $parts = [System.Collections.Generic.List[object]]::new()
    $parts.Add((ConvertTo-IsoBytes -Record (New-TestRecord -Id 'ocm00000000')))
    for ($i = 1; $i -le 150; $i++) {
        $parts.Add((Get-DamagedBytes $i))
        if ($i -eq 10) { $parts.Add((Get-JunkBytes)); $parts.Add((Get-JunkBytes)) }
        if ($i -eq 20) { $parts.Add([byte[]](0x00, 0x1D, 0x00)) }
    }
    $script:vendor = Join-Path $TestDrive 'vendor.mrc'
    [System.IO.File]::WriteAllBytes($vendor, (Join-Bytes $parts.ToArray()))
    $script:vendor2 = Join-Path $TestDrive 'vendor2.mrc'
    Copy-Item -LiteralPath $vendor -Destination $vendor2

    $script:clean = Join-Path $TestDrive 'clean.mrc'
    Write-IsoFile -Path $clean -Record (1..3 | ForEach-Object { New-TestRecord -Id "ocm0000000$_" })

    # Warnings about the reading of a file: per-record and stray ones, and the summary (which starts with the file name).
    function Select-Summary($warnings, [string] $File) { @($warnings | Where-Object { $_.Message -like "'$File':*" }) }
    function Select-ReadWarning($warnings) { @($warnings | Where-Object { $_.Message -like '*was read with*' -or $_.Message -like 'Junk*' }) }
}

Describe 'Warnings of a MARC file read: the cap and the end-of-file summary' {

    It 'shows the first 100 warnings of a file, then one summary with every count and how to see the rest' {
        $read = Import-MarcFile -Path $vendor -WarningVariable warn -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $read.Count | Should -Be 151
        $warn.Count | Should -Be 101
        @(Select-ReadWarning $warn).Count | Should -Be 100
        $warn[100].Message | Should -Be ("'$vendor': 151 records read, 150 damaged (read with warnings), 2 unreadable (see errors), " +
            "1 run of stray bytes skipped. 51 of its 151 warnings were not shown (-MaxWarnings 100); -MaxWarnings 0 shows them all.")
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'UnreadableRecord,OclcCataloging.Commands.ImportMarcFileCommand' }
    }

    It '-MaxWarnings 0 shows every warning; the summary then says nothing is held back' {
        $null = Import-MarcFile -Path $vendor -MaxWarnings 0 -WarningVariable warn -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $warn.Count | Should -Be 152
        @(Select-ReadWarning $warn).Count | Should -Be 151
        $warn[151].Message | Should -Be "'$vendor': 151 records read, 150 damaged (read with warnings), 2 unreadable (see errors), 1 run of stray bytes skipped."
    }

    It 'never holds back errors: every unreadable chunk is an error whatever the cap' {
        $null = Import-MarcFile -Path $vendor -MaxWarnings 1 -WarningVariable warn -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $warn.Count | Should -Be 2
        $warn[1].Message | Should -BeLike '*150 of its 151 warnings were not shown (-MaxWarnings 1)*'
    }

    It 'keeps stray bytes in the reject file when their warning is held back' {
        $rejects = Join-Path $TestDrive 'rejects.mrc'
        $null = Import-MarcFile -Path $vendor -MaxWarnings 1 -RejectPath $rejects -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $junk = (Get-JunkBytes).Length
        (Get-Item -LiteralPath $rejects).Length | Should -Be (2 * $junk + 3)
    }

    It 'counts the cap per file: the second file shows its own first warnings' {
        $null = Import-MarcFile -Path $vendor, $vendor2 -MaxWarnings 5 -WarningVariable warn -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $warn.Count | Should -Be 12
        $warn[5].Message | Should -BeLike "'$vendor': *146 of its 151 warnings were not shown*"
        $warn[6].Message | Should -BeLike "*in '$vendor2'*"
        $warn[11].Message | Should -BeLike "'$vendor2': *"
    }

    It 'says nothing about a clean file, except with -Verbose' {
        $read = Import-MarcFile -Path $clean -WarningVariable warn -Verbose 4>&1
        $records = @($read | Where-Object { $_ -is [OclcCataloging.Marc.MarcRecord] })
        $verbose = @($read | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $records.Count | Should -Be 3
        $warn.Count | Should -Be 0
        @($verbose.Message -like "Read 3 records from '$clean'*: 0 with warnings, 0 unreadable.").Count | Should -Be 1
    }

    It 'gives no summary for a file with one problem: its warning says everything' {
        $one = Join-Path $TestDrive 'one.mrc'
        [System.IO.File]::WriteAllBytes($one, (Join-Bytes (ConvertTo-IsoBytes -Record (New-TestRecord)), (Get-DamagedBytes 2)))
        $null = Import-MarcFile -Path $one -WarningVariable warn -WarningAction SilentlyContinue
        $warn.Count | Should -Be 1
        $warn[0].Message | Should -BeLike "Record 2 at byte * in '$one'*EntryMapInvalid*"
    }

    It 'caps Test-MarcRecord''s reading the same way' {
        $null = Test-MarcRecord -Path $vendor -MaxWarnings 3 -WarningVariable warn -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        @(Select-ReadWarning $warn).Count | Should -Be 3
        @(Select-Summary $warn $vendor)[0].Message | Should -BeLike '*151 records read*148 of its 151 warnings were not shown (-MaxWarnings 3)*'
    }

    It 'caps Compare-MarcRecord''s -ReferencePath files the same way' {
        $null = Compare-MarcRecord -ReferencePath $vendor -DifferenceObject (New-TestRecord -Id 'ocm00000000') -MaxWarnings 2 -WarningVariable warn -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        @(Select-ReadWarning $warn).Count | Should -Be 2
        @(Select-Summary $warn $vendor).Count | Should -Be 1
    }

    It 'caps Convert-MarcFile''s reading (on its own thread) the same way, with the same summary' {
        $out = Join-Path $TestDrive 'converted.xml'
        Convert-MarcFile -Path $vendor -Destination $out -Format MarcXml -MaxWarnings 4 -WarningVariable warn -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        @(Select-ReadWarning $warn).Count | Should -Be 4
        $summary = @(Select-Summary $warn $vendor)
        $summary.Count | Should -Be 1
        $summary[0].Message | Should -Be ("'$vendor': 151 records read, 150 damaged (read with warnings), 2 unreadable (see errors), " +
            "1 run of stray bytes skipped. 147 of its 151 warnings were not shown (-MaxWarnings 4); -MaxWarnings 0 shows them all.")
    }

    It 'offers -MaxWarnings, default 100, on every command that reads MARC files' {
        foreach ($name in 'Import-MarcFile', 'Convert-MarcFile', 'Test-MarcRecord', 'Test-LhrRecord', 'Set-MarcConstantData', 'Merge-MarcRecord', 'Compare-MarcRecord') {
            $p = (Get-Command $name).Parameters['MaxWarnings']
            $p | Should -Not -BeNullOrEmpty -Because "$name reads MARC files"
            $p.ParameterType | Should -Be ([int])
        }
        { Import-MarcFile -Path $clean -MaxWarnings -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,OclcCataloging.Commands.ImportMarcFileCommand'
    }
}

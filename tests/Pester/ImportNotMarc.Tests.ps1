# Import-MarcFile on files that are not MARC (issue 16 item 1): one NotMarcFile error naming what the file starts
# with, and a file of endless unreadable chunks stopped after -MaxUnreadableInARow of them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'Import-MarcFile on content that is not MARC' {
    It 'gives one NotMarcFile error for a PDF, naming %PDF, and no records' {
        $path = Join-Path $TestDrive 'real.pdf'
        $pdf = [System.Text.Encoding]::ASCII.GetBytes("%PDF-1.7`n%" + ('x' * 5000) + "`n1 0 obj <<>> endobj`n")
        [System.IO.File]::WriteAllBytes($path, $pdf)
        $errs = $null
        $records = @(Import-MarcFile -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Count | Should -Be 0
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotMarcFile,*'
        $errs[0].Exception.Message | Should -BeLike "*real.pdf' is a PDF document: it starts with '%PDF-1.7*"
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike '*-Format Iso2709*'
    }

    It 'gives one NotMarcFile error for a text file instead of TruncatedRecord' {
        $path = Join-Path $TestDrive 'notes.txt'
        Set-Content -LiteralPath $path -Value "hello world`nthis is a list of titles`n"
        $errs = $null
        @(Import-MarcFile -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue).Count | Should -Be 0
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotMarcFile,*'
        $errs[0].Exception.Message | Should -BeLike "*is not MARC (no record or field terminator*): it starts with 'hello world*"
    }

    It 'still reads a real file, and a cut-off first record is still TruncatedRecord' {
        $path = Join-Path $TestDrive 'ok.mrc'
        Write-IsoFile $path (New-TestRecord)
        @(Import-MarcFile -LiteralPath $path -ErrorAction Stop).Count | Should -Be 1
        $cut = Join-Path $TestDrive 'cut.mrc'
        [System.IO.File]::WriteAllBytes($cut, [System.IO.File]::ReadAllBytes($path)[0..30])
        $errs = $null
        $null = Import-MarcFile -LiteralPath $cut -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Not -BeLike 'NotMarcFile*'
        "$errs" | Should -BeLike '*TruncatedRecord*'
    }

    It 'reads a PDF anyway with -Format Iso2709 (the check is for detected formats only)' {
        $path = Join-Path $TestDrive 'forced.pdf'
        [System.IO.File]::WriteAllBytes($path, [System.Text.Encoding]::ASCII.GetBytes('%PDF-1.4 ' + ('y' * 200)))
        $errs = $null
        $null = Import-MarcFile -LiteralPath $path -Format Iso2709 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Not -Contain 'NotMarcFile,OclcCataloging.Commands.ImportMarcFileCommand'
        $errs.Count | Should -BeGreaterThan 0
    }

    It 'stops a file after -MaxUnreadableInARow unreadable chunks in a row, with one error, and reads the next file' {
        # Leader-shaped chunks with a bad directory, each ended by a record terminator: every one is unreadable.
        $chunk = [System.Text.Encoding]::ASCII.GetBytes('00050nam a2200025 a 4500XXXXXXXXXXXXXXXXXXXXXXXX') + [byte[]](0x1D)
        $bytes = [System.Collections.Generic.List[byte]]::new()
        1..30 | ForEach-Object { $bytes.AddRange([byte[]]$chunk) }
        $bad = Join-Path $TestDrive 'damaged.mrc'
        [System.IO.File]::WriteAllBytes($bad, $bytes.ToArray())
        $good = Join-Path $TestDrive 'good.mrc'
        Write-IsoFile $good (New-TestRecord)
        $errs = $null
        $records = @(Import-MarcFile -LiteralPath $bad, $good -MaxUnreadableInARow 5 -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Count | Should -Be 1
        @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'UnreadableRecord,*' }).Count | Should -Be 5
        $stop = @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'TooManyUnreadableRecords,*' })
        $stop.Count | Should -Be 1
        $stop[0].Exception.Message | Should -BeLike "Stopped reading '*damaged.mrc' after 5 unreadable chunks in a row*"
        $all = $null
        $null = Import-MarcFile -LiteralPath $bad -MaxUnreadableInARow 0 -ErrorVariable all -ErrorAction SilentlyContinue
        @($all | Where-Object { $_.FullyQualifiedErrorId -like 'TooManyUnreadableRecords,*' }).Count | Should -Be 0
        @($all).Count | Should -BeGreaterThan 5
    }
}

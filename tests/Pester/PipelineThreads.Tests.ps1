BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    # Every file is read ahead here, however small, so Import-MarcFile | Export-MarcFile takes its threads
    # (docs/design/marc-pipeline.md); Enabled = $false gives the one-thread pipeline to compare with.
    $script:Policy = [OclcCataloging.Marc.IO.MarcThreadingPolicy]
    $script:defaultMinimum = $Policy::ReadAheadMinimumBytes
    $Policy::ReadAheadMinimumBytes = 0

    # A MARC-8 record; with -Chars a 500 field of that many 'Ł' (one byte each in MARC-8, two in UTF-8).
    function New-Marc8Record([int] $Number, [int] $Chars = 0) {
        $r = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000cam  2200000 a 4500'))
        $null = $r.AddControlField('001', ('ocm{0:d8}' -f $Number))
        $null = $r.AddDataField('245', '10', 'a', "Title $Number")
        if ($Chars -gt 0) { $null = $r.AddDataField('500', '  ', 'a', [string]::new([char]0x141, $Chars)) }
        $r
    }

    # 600 records: every 7th damaged (Import warns), every 11th with a 500 field of 6,000 'Ł' (too long for an
    # ISO 2709 field once converted to UTF-8: Export refuses it), an unreadable chunk after record 300 and stray
    # bytes after record 450 (Import reports them).
    $parts = [System.Collections.Generic.List[object]]::new()
    for ($i = 1; $i -le 600; $i++) {
        $bytes = ConvertTo-IsoBytes -Record (New-Marc8Record $i $(if ($i % 11 -eq 0) { 6000 } else { 0 }))
        if ($i % 7 -eq 0) { $bytes[22] = [byte][char]' ' }
        $parts.Add($bytes)
        if ($i -eq 300) { $parts.Add((Get-JunkBytes)) }
        if ($i -eq 450) { $parts.Add([byte[]](0x00, 0x1D, 0x00)) }
    }
    $script:mixed = Join-Path $TestDrive 'mixed.mrc'
    [System.IO.File]::WriteAllBytes($mixed, (Join-Bytes $parts.ToArray()))

    # What a pipeline reported, in the order it was reported, and what it wrote.
    function Invoke-Transcript([scriptblock] $Pipeline, [string] $Destination) {
        Remove-Item -LiteralPath $Destination -ErrorAction SilentlyContinue
        $lines = [System.Collections.Generic.List[string]]::new()
        $before = $Policy::StartedThreads
        try {
            & $Pipeline 2>&1 3>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $lines.Add('error ' + $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message) }
                elseif ($_ -is [System.Management.Automation.WarningRecord]) { $lines.Add('warning ' + $_.Message) }
                else { $lines.Add('output ' + $_) }
            }
        }
        catch {
            $lines.Add('stopped ' + $_.FullyQualifiedErrorId)
        }
        [pscustomobject]@{
            Lines   = $lines.ToArray()
            Bytes   = if (Test-Path -LiteralPath $Destination) { [System.IO.File]::ReadAllBytes($Destination) } else { $null }
            Threads = $Policy::StartedThreads - $before
            Running = $Policy::RunningThreads
        }
    }

    # True when both files have the same bytes (piping a byte array into Should would take minutes).
    function Test-SameBytes([byte[]] $Actual, [byte[]] $Expected) {
        $null -ne $Actual -and $null -ne $Expected -and [System.Linq.Enumerable]::SequenceEqual($Actual, $Expected)
    }

    # The same pipeline on the one thread.
    function Invoke-OneThread([scriptblock] $Pipeline, [string] $Destination) {
        $Policy::Enabled = $false
        try { Invoke-Transcript $Pipeline $Destination } finally { $Policy::Enabled = $true }
    }
}

AfterAll {
    $Policy::ReadAheadMinimumBytes = $defaultMinimum
    $Policy::Enabled = $true
}

Describe 'Import-MarcFile | Export-MarcFile on threads of its own' {
    BeforeEach {
        $in = $mixed # the pipelines below are closures: they see local variables only
    }

    It 'writes the bytes and reports the warnings and errors of the one-thread pipeline, in the same order (-Format <Format>)' -ForEach @(
        @{ Format = 'Iso2709'; Encoding = 'Utf8' }
        @{ Format = 'Iso2709'; Encoding = 'Marc8' }
        @{ Format = 'MarcXml'; Encoding = 'Utf8' }
        @{ Format = 'Json'; Encoding = 'Utf8' }
        @{ Format = 'Mrk'; Encoding = 'Marc8' }
    ) {
        $out = Join-Path $TestDrive "out-$Format-$Encoding"
        $pipeline = { Import-MarcFile -LiteralPath $in -ErrorAction Continue -WarningAction Continue | Export-MarcFile -LiteralPath $out -Format $Format -Encoding $Encoding -ErrorAction Continue -WarningAction Continue }.GetNewClosure()
        $threaded = Invoke-Transcript $pipeline $out
        $one = Invoke-OneThread $pipeline $out

        $threaded.Threads | Should -Be 2 -Because 'the file is read ahead and written behind'
        $one.Threads | Should -Be 0
        $threaded.Running | Should -Be 0 -Because 'no thread outlives the pipeline'
        $threaded.Lines | Should -Be $one.Lines
        Test-SameBytes $threaded.Bytes $one.Bytes | Should -BeTrue
        @($one.Lines | Where-Object { $_ -like 'warning *was read with*' }).Count | Should -Be 85
        @($one.Lines | Where-Object { $_ -like 'error UnreadableRecord*' }).Count | Should -Be 1
        if ($Format -eq 'Iso2709' -and $Encoding -eq 'Utf8') {
            @($one.Lines | Where-Object { $_ -like 'error *ExportMarcFileCommand*' }).Count | Should -Be 54
            # Export's error about record 11 comes after Import's warning about record 7 and before the one about 14.
            $first = [array]::FindIndex($one.Lines, [Predicate[string]] { param($l) $l -like 'error *ExportMarcFileCommand*' })
            $one.Lines[$first - 1] | Should -BeLike '*ocm00000007*'
            $one.Lines[$first + 1] | Should -BeLike '*ocm00000014*'
        }
    }

    It 'gives the same bytes and reports as a pipeline whose records do not come straight from Import-MarcFile' {
        $out = Join-Path $TestDrive 'out-indirect.mrc'
        $direct = Invoke-Transcript { Import-MarcFile -LiteralPath $in -ErrorAction Continue | Export-MarcFile -LiteralPath $out -Encoding Utf8 -ErrorAction Continue }.GetNewClosure() $out
        $indirect = Invoke-Transcript { Import-MarcFile -LiteralPath $in -ErrorAction Continue | ForEach-Object { $_ } | Export-MarcFile -LiteralPath $out -Encoding Utf8 -ErrorAction Continue }.GetNewClosure() $out
        $indirect.Threads | Should -Be 1 -Because 'only the reading is ahead: Export-MarcFile does not follow Import-MarcFile directly'
        $direct.Threads | Should -Be 2
        $indirect.Lines | Should -Be $direct.Lines
        Test-SameBytes $indirect.Bytes $direct.Bytes | Should -BeTrue
    }

    It 'writes on the pipeline thread with -PassThru, and when Import-MarcFile passes its records elsewhere too' {
        $out = Join-Path $TestDrive 'out-passthru.mrc'
        $pass = Invoke-Transcript { Import-MarcFile -LiteralPath $in -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-MarcFile -LiteralPath $out -PassThru -Encoding Utf8 -ErrorAction SilentlyContinue | Measure-Object | ForEach-Object Count }.GetNewClosure() $out
        $pass.Threads | Should -Be 1
        $pass.Lines | Should -Be @('output 546')

        $outVar = Invoke-Transcript {
            Import-MarcFile -LiteralPath $in -OutVariable got -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-MarcFile -LiteralPath $out -Encoding Utf8 -ErrorAction SilentlyContinue
            @($got).Count
            @($got | Where-Object { $_ -isnot [OclcCataloging.Marc.MarcRecord] }).Count
        }.GetNewClosure() $out
        $outVar.Threads | Should -Be 1
        $outVar.Lines | Should -Be @('output 600', 'output 0') -Because '-OutVariable gets the records one by one, as always'
        Test-SameBytes $outVar.Bytes $pass.Bytes | Should -BeTrue
    }

    It 'keeps records one by one for a nested pipeline in a script block after Import-MarcFile' {
        $small = Join-Path $TestDrive 'small.mrc'
        Write-IsoFile -Path $small -Record (1..12 | ForEach-Object { New-Marc8Record $_ })
        $out = Join-Path $TestDrive 'out-nested.mrc'
        $nested = Invoke-Transcript { Import-MarcFile -LiteralPath $small | ForEach-Object { Write-Output $_ | Export-MarcFile -LiteralPath $out -Append } }.GetNewClosure() $out
        $nested.Threads | Should -Be 1 -Because 'the Export-MarcFile of the nested pipeline is not directly after Import-MarcFile'
        Test-SameBytes $nested.Bytes ([System.IO.File]::ReadAllBytes($small)) | Should -BeTrue
    }

    It '-ErrorAction Stop on Export-MarcFile stops at the first record it cannot write, as on one thread' {
        $out = Join-Path $TestDrive 'out-stop.mrc'
        $pipeline = { Import-MarcFile -LiteralPath $in -ErrorAction Continue -WarningAction Continue | Export-MarcFile -LiteralPath $out -Encoding Utf8 -ErrorAction Stop -WarningAction Continue }.GetNewClosure()
        $threaded = Invoke-Transcript $pipeline $out
        $one = Invoke-OneThread $pipeline $out
        $threaded.Lines | Should -Be $one.Lines
        $one.Lines[-1] | Should -BeLike 'stopped *ExportMarcFileCommand*'
        @($one.Lines | Where-Object { $_ -like 'warning *' }).Count | Should -Be 1 -Because 'only record 7 was read before record 11'
        $threaded.Bytes | Should -BeNullOrEmpty
        $threaded.Running | Should -Be 0
        Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
    }

    It '-ErrorAction Stop on Import-MarcFile stops at the unreadable chunk after the errors of the records before it, as on one thread' {
        $out = Join-Path $TestDrive 'out-stop-import.mrc'
        $pipeline = { Import-MarcFile -LiteralPath $in -ErrorAction Stop -WarningAction SilentlyContinue | Export-MarcFile -LiteralPath $out -Encoding Utf8 -ErrorAction Continue }.GetNewClosure()
        $threaded = Invoke-Transcript $pipeline $out
        $one = Invoke-OneThread $pipeline $out
        $threaded.Lines | Should -Be $one.Lines
        $one.Lines[-1] | Should -BeLike 'stopped *'
        @($one.Lines | Where-Object { $_ -like 'error *ExportMarcFileCommand*' }).Count | Should -Be 27
        $threaded.Running | Should -Be 0
    }

    It 'stopped while it runs (Ctrl+C), it leaves no thread, no output and no temporary file' {
        $big = Join-Path $TestDrive 'big.mrc'
        $bytes = ConvertTo-IsoBytes -Record (1..20 | ForEach-Object { New-Marc8Record $_ })
        $fs = [System.IO.File]::Create($big)
        try { for ($i = 0; $i -lt 15000; $i++) { $fs.Write($bytes, 0, $bytes.Length) } } finally { $fs.Dispose() }
        $dest = Join-Path $TestDrive 'stopped.xml'
        $started = $Policy::StartedThreads
        # The module is imported as the runspace opens, not as a first statement: a stopped batch of statements
        # can still be running its next step on a pool thread while Dispose closes the runspace, which crashes pwsh.
        $session = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
        $session.ImportPSModule([string[]] @((Get-Module OclcCataloging).Path))
        $ps = [PowerShell]::Create($session)
        try {
            $null = $ps.AddCommand('Import-MarcFile').AddParameter('LiteralPath', $big).AddCommand('Export-MarcFile').AddParameter('LiteralPath', $dest).AddParameter('Format', 'MarcXml')
            $async = $ps.BeginInvoke()
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            while ($Policy::StartedThreads - $started -lt 2 -and -not $async.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 5 }
            $async.IsCompleted | Should -BeFalse -Because 'the export of 300,000 records must still be running'
            $ps.Stop()
        }
        finally { $ps.Dispose() }
        $Policy::StartedThreads - $started | Should -Be 2
        $Policy::RunningThreads | Should -Be 0
        Test-Path -LiteralPath $dest | Should -BeFalse
        Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
    }
}

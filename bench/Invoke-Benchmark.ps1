<#
.SYNOPSIS
    Times OclcCataloging against yaz-marcdump and Perl MARC::Batch on 200,000-record ISO 2709 files.
.DESCRIPTION
    Builds bench/OclcCataloging.Bench (Release), generates the benchmark files once (reused while the
    generator, record count and seed are unchanged), then runs every benchmark as its own process under
    GNU time (`/usr/bin/time -f '%e %M'`: wall seconds, max RSS) and reports the median of -Runs runs:

      core parse            Iso2709Reader, count records and fields (no subfield access)
      core parse-deep       the same, and decode every control field and subfield value
      core toxml            Iso2709Reader -> MarcXmlWriter, to /dev/null
      core tomarc           Iso2709Reader -> Iso2709Writer, to /dev/null
      pwsh start-up         a fresh PowerShell that only runs Import-Module (the fixed cost in every pwsh row)
      pwsh Import|Measure   Import-MarcFile | Measure-Object
      pwsh gateway          Send-GatewayExport -> Start-GatewayListener on loopback (one connection per record),
                            sequential and -ThrottleLimit 8 (dataset "gateway", at most 10,000 records)
      pwsh sftp             Send-DataSyncFile of one -SftpSizeMB file to the loopback SFTP test server (tests/peers/sftp),
                            next to OpenSSH's sftp -b put of the same file (dataset "sftp"; MB/s)
      pwsh batch            Invoke-BatchSearch with the 1,000-key file of tests/peers/zebra against the Zebra SRU
                            server, and 1,000 keys against the WorldCat simulator (unpaced): keys/s
      pwsh Import|Export    Import-MarcFile | Export-MarcFile -Format MarcXml (and -Format Iso2709), to a temp file
      yaz parse             yaz-marcdump -n -i marc FILE
      yaz marcxml           yaz-marcdump -i marc -o marcxml FILE > /dev/null
      yaz iso2709           yaz-marcdump -i marc -o marc FILE > /dev/null
      perl MARC::Batch      bench/marc-batch.pl FILE (USMARC, strict_off, warnings_off, count fields)
      core validate         Iso2709Reader -> MarcValidator (Full), counting findings (synthetic file)
      pwsh Test-MarcRecord  Test-MarcRecord -LiteralPath FILE -Level Full -Summary (synthetic file)
      perl MARC::Lint       bench/marc-lint.pl FILE (MARC::Batch + MARC::Lint check_record, synthetic file)

    Datasets: "synthetic" (generated, realistic UTF-8 OCLC-style bibs) and, when
    ../shared/corpus/Evergreen/jazz_1k.mrc exists, "jazz-utf8" built exactly as marc.md section 2.2 does
    (jazz_1k.mrc concatenated to -Records records, converted MARC-8 -> UTF-8 by yaz-marcdump).
    With -LargeFileMB > 0 a file of that size is generated and `Import-MarcFile | Export-MarcFile -Format
    MarcXml` is run once over it to measure peak memory (GNU time max RSS of the PowerShell process).

    Prints a Markdown table, writes it (and the raw measurements as JSON) to bench/results/, then prints
    PASS/FAIL per target. Missed targets are informational: the exit code is 1 only when a command failed.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Invoke-Benchmark.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1 -Dataset validate -LargeFileMB 0
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Invoke-Benchmark.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1 -Records 50000 -Runs 1 -LargeFileMB 0
#>
[CmdletBinding()]
param(
    # The module manifest to benchmark (build.ps1 passes out/OclcCataloging/OclcCataloging.psd1).
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Records in each benchmark file.
    [ValidateRange(1000, 10000000)]
    [int] $Records = 200000,

    # Timed runs per benchmark; the median is reported.
    [ValidateRange(1, 20)]
    [int] $Runs = 3,

    # Runs for the Perl MARC::Batch rows, which take about 100 s each on 200,000 records (at most -Runs).
    [ValidateRange(0, 20)]
    [int] $PerlRuns = 1,

    # Size of the memory-test file in MB (1 MB = 1,048,576 bytes); 0 skips the large-file run.
    [ValidateRange(0, 100000)]
    [int] $LargeFileMB = 1024,

    # Folder for the generated files (git-ignored). Relative paths are relative to the project root.
    [string] $DataPath = 'bench/data',

    # Folder for the result files (git-ignored).
    [string] $ResultsPath = 'bench/results',

    # Generator seed: the same seed always gives the same file.
    [int] $Seed = 2709,

    # Only these datasets (synthetic, validate, convert, pipeline, jazz-utf8, jazz-marc8, datasync, gateway, batch, actions, sftp); all available when empty.
    # 'validate' runs only the validation rows on the synthetic file; 'convert' and 'pipeline' the synthetic and jazz-utf8 files with only their rows.
    [string[]] $Dataset = @(),

    # OclcCataloging.Simulators.dll (build.ps1 -Task Bench builds it): the WorldCat simulator for the batch rows.
    [string] $SimulatorsPath,

    # The Zebra SRU server for the batch rows (started from tests/peers/zebra when nothing answers and zebrasrv exists).
    [string] $ZebraSru = $(if ($env:OCLC_ZEBRA_SRU) { $env:OCLC_ZEBRA_SRU } else { 'http://127.0.0.1:21210/Default' }),

    # The SFTP test server's env file for the sftp rows (tests/peers/sftp); started on 127.0.0.1:22220 when none is given and it can be.
    [string] $SftpEnvFile = $env:OCLC_SFTP_TEST,

    # Size of the file the sftp rows upload, in MB.
    [ValidateRange(1, 10000)]
    [int] $SftpSizeMB = 100,

    # Keep the generated large file (it is deleted after the run otherwise; the 200k files are always kept).
    [switch] $KeepLargeFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# -Dataset a,b arrives as one string through pwsh -File (and build.ps1 -BenchParameters): split it.
$Dataset = @($Dataset | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
# -Dataset validate: only the validation rows on the synthetic file (with 'synthetic' too, all of its rows).
$validateOnly = $Dataset -contains 'validate' -and -not ($Dataset -contains 'synthetic')
# -Dataset convert: the synthetic and jazz-utf8 files with only the converter, parse-deep and start-up rows (issue 15).
$convertOnly = $Dataset -contains 'convert' -and -not ($Dataset -contains 'synthetic')
# -Dataset pipeline: the synthetic and jazz-utf8 files with only the Import-MarcFile | Export-MarcFile rows, the
# start-up rows and the yaz rows they are compared with (issue 15); the large file runs the pipeline only.
$pipelineOnly = $Dataset -contains 'pipeline' -and -not ($Dataset -contains 'synthetic')
# Each of these selections leaves out the others' rows, so together they would measure only what they share.
$partial = @(@('validate', 'convert', 'pipeline') | Where-Object { $Dataset -contains $_ })
if ($partial.Count -gt 1 -and -not ($Dataset -contains 'synthetic')) {
    throw "-Dataset $($partial -join ',') cannot be run together: each measures only its own rows. Run one benchmark per selection (-Dataset $($partial[0]), then -Dataset $($partial[1]))."
}

$Root = Split-Path -Parent $PSScriptRoot
function Resolve-Under([string] $Path) {
    if ([System.IO.Path]::IsPathRooted($Path)) { return [System.IO.Path]::GetFullPath($Path) }
    return [System.IO.Path]::GetFullPath((Join-Path $Root $Path))
}

$ModulePath = Resolve-Under $ModulePath
$DataPath = Resolve-Under $DataPath
$ResultsPath = Resolve-Under $ResultsPath
if (-not (Test-Path -LiteralPath $ModulePath)) { throw "Module manifest not found: $ModulePath (run ./build.ps1 -Task Build first)." }
$null = New-Item -ItemType Directory -Force -Path $DataPath, $ResultsPath

$Time = '/usr/bin/time'
if (-not (Test-Path $Time)) { throw 'GNU time (/usr/bin/time) is needed: every benchmark is timed with it (apt-get install time).' }

# Plain error text from the child PowerShells (no ANSI colour codes in the report).
$env:NO_COLOR = '1'

$script:Failures = [System.Collections.Generic.List[string]]::new()
$script:Notes = [System.Collections.Generic.List[string]]::new()
$script:Results = [System.Collections.Generic.List[object]]::new()
# Scratch folder for time files and exported output; ones left by an interrupted run are removed first.
Get-ChildItem -LiteralPath $DataPath -Directory -Filter 'run-*' -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
$WorkDir = Join-Path $DataPath ("run-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
$null = New-Item -ItemType Directory -Force -Path $WorkDir

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }
function Add-Note([string] $Text) { Write-Host "NOTE: $Text" -ForegroundColor Yellow; $script:Notes.Add($Text) }

function ConvertTo-ShellWord([string] $s) { "'" + $s.Replace("'", "'\''") + "'" }

# Runs one command under GNU time through /bin/sh (so redirections never pass through PowerShell).
# Returns wall seconds, max RSS (MB), exit code, stdout (when captured) and the stderr tail.
function Invoke-Timed {
    param(
        [Parameter(Mandatory)] [string[]] $Command,
        [string] $StdoutTo,          # a file, or /dev/null; when empty stdout is captured and returned
        [string] $WorkingDirectory = $Root
    )
    $id = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $timeFile = Join-Path $WorkDir "$id.time"
    $errFile = Join-Path $WorkDir "$id.err"
    $outFile = if ($StdoutTo) { $StdoutTo } else { Join-Path $WorkDir "$id.out" }
    $line = 'cd ' + (ConvertTo-ShellWord $WorkingDirectory) + ' && exec ' + (ConvertTo-ShellWord $Time) + " -f '%e %M %U %S' -o " + (ConvertTo-ShellWord $timeFile) + ' ' +
        (($Command | ForEach-Object { ConvertTo-ShellWord $_ }) -join ' ') + ' > ' + (ConvertTo-ShellWord $outFile) + ' 2> ' + (ConvertTo-ShellWord $errFile)
    & /bin/sh -c $line
    $exit = $LASTEXITCODE
    $timeLines = @(if (Test-Path $timeFile) { Get-Content -LiteralPath $timeFile | Where-Object { $_ -match '^[\d.]+ \d+ [\d.]+ [\d.]+$' } })
    $seconds = $null; $rssMB = $null; $cpu = $null
    if ($timeLines.Count -gt 0) {
        $parts = $timeLines[-1].Split(' ')
        $inv = [cultureinfo]::InvariantCulture
        $seconds = [double]::Parse($parts[0], $inv)
        $rssMB = [math]::Round([double]::Parse($parts[1], $inv) / 1024.0, 1)
        $cpu = [double]::Parse($parts[2], $inv) + [double]::Parse($parts[3], $inv)
    }
    $stdout = if (-not $StdoutTo -and (Test-Path $outFile)) { Get-Content -LiteralPath $outFile -Raw } else { $null }
    $stderr = if (Test-Path $errFile) { (Get-Content -LiteralPath $errFile -Tail 15) -join "`n" } else { '' }
    Remove-Item -LiteralPath $timeFile, $errFile -ErrorAction SilentlyContinue
    if (-not $StdoutTo) { Remove-Item -LiteralPath $outFile -ErrorAction SilentlyContinue }
    [pscustomobject]@{ Seconds = $seconds; RssMB = $rssMB; CpuSeconds = $cpu; ExitCode = $exit; Stdout = $stdout; Stderr = $stderr }
}

# 1-minute load average (Linux); 0 where unknown. Used to flag numbers taken on a busy machine.
function Get-LoadAverage {
    try { [double]::Parse((Get-Content -LiteralPath /proc/loadavg -TotalCount 1).Split(' ')[0], [cultureinfo]::InvariantCulture) } catch { 0.0 }
}

function Get-JsonLine([string] $Text) {
    if (-not $Text) { return $null }
    $json = @($Text -split "`n" | Where-Object { $_.TrimStart().StartsWith('{') })
    if ($json.Count -eq 0) { return $null }
    return $json[-1] | ConvertFrom-Json
}

function Get-Median([double[]] $Values) {
    $s = @($Values | Sort-Object)
    if ($s.Count -eq 0) { return $null }
    if ($s.Count % 2 -eq 1) { return $s[[int][math]::Floor($s.Count / 2)] }
    return ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2
}

# Runs a benchmark -Count times and records one result row.
#   -Check: scriptblock given the run object; returns an error text when the output is wrong, else $null.
#   -InProcess: scriptblock given the run object; returns the seconds the tool measured itself, or $null.
function Measure-Benchmark {
    param(
        [Parameter(Mandatory)] [string] $DatasetName,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Tool,          # core | pwsh | yaz | perl
        [Parameter(Mandatory)] [string] $Kind,          # parse | parse-deep | marcxml | iso2709 | startup | measure
        [Parameter(Mandatory)] [string[]] $Command,
        [string] $Display,
        [string] $StdoutTo,
        [int] $Count = $Runs,
        [long] $RecordCount,
        [long] $InputBytes,
        [scriptblock] $Check,
        [scriptblock] $InProcess,
        [scriptblock] $After
    )
    Write-Host ("  {0,-11} {1,-34}" -f $DatasetName, $Name) -NoNewline
    $wall = [System.Collections.Generic.List[double]]::new()
    $rss = [System.Collections.Generic.List[double]]::new()
    $inproc = [System.Collections.Generic.List[double]]::new()
    $cpu = [System.Collections.Generic.List[double]]::new()
    $maxLoad = 0.0
    $err = $null
    for ($i = 0; $i -lt $Count; $i++) {
        $maxLoad = [math]::Max($maxLoad, (Get-LoadAverage))
        $r = Invoke-Timed -Command $Command -StdoutTo $StdoutTo
        if ($After) { & $After }
        if ($r.ExitCode -ne 0 -or $null -eq $r.Seconds) {
            $err = "exit code $($r.ExitCode): " + ($r.Stderr -replace '\x1b\[[0-9;]*m', '' -replace '\s*\r?\n\s*', ' ')
            break
        }
        if ($Check) {
            $problem = & $Check $r
            if ($problem) { $err = $problem; break }
        }
        $wall.Add($r.Seconds); $rss.Add($r.RssMB); $cpu.Add($r.CpuSeconds)
        if ($InProcess) { $s = & $InProcess $r; if ($null -ne $s) { $inproc.Add([double]$s) } }
        Write-Host (' {0,7:0.00}s' -f $r.Seconds) -NoNewline
    }
    if ($err) {
        Write-Host ' FAILED' -ForegroundColor Red
        Write-Host "    $($Command -join ' ')`n    $err" -ForegroundColor Red
        $script:Failures.Add("$DatasetName / $Name : $err")
    }
    else {
        Write-Host ("   max RSS {0:0} MB" -f ($rss | Measure-Object -Maximum).Maximum)
    }
    $median = if ($wall.Count) { Get-Median $wall.ToArray() } else { $null }
    $row = [pscustomobject]@{
        Dataset       = $DatasetName
        Name          = $Name
        Tool          = $Tool
        Kind          = $Kind
        Command       = if ($Display) { $Display } else { $Command -join ' ' }
        Runs          = $wall.Count
        MedianSeconds = $median
        MinSeconds    = if ($wall.Count) { ($wall | Measure-Object -Minimum).Minimum } else { $null }
        AllSeconds    = $wall.ToArray()
        Records       = $RecordCount
        InputBytes    = $InputBytes
        RecordsPerSecond = if ($median -and $RecordCount) { [math]::Round($RecordCount / $median) } else { $null }
        MBPerSecond   = if ($median -and $InputBytes) { [math]::Round($InputBytes / 1MB / $median, 1) } else { $null }
        MaxRssMB      = if ($rss.Count) { ($rss | Measure-Object -Maximum).Maximum } else { $null }
        InProcessSeconds = if ($inproc.Count) { Get-Median $inproc.ToArray() } else { $null }
        CpuSeconds    = if ($cpu.Count) { Get-Median $cpu.ToArray() } else { $null }
        MaxLoadAverage = $maxLoad
        Failed        = [bool]$err
    }
    $script:Results.Add($row)
    return $row
}

# ---------------------------------------------------------------------------------------------------
Write-Step 'Building bench/OclcCataloging.Bench (Release)'
$benchProject = Join-Path $PSScriptRoot 'OclcCataloging.Bench/OclcCataloging.Bench.csproj'
$buildOut = & dotnet build $benchProject -c Release --nologo -v q 2>&1
if ($LASTEXITCODE -ne 0) { $buildOut | Write-Host; throw 'Building the benchmark driver failed.' }
# -getProperty only evaluates the project (it does not build), hence the separate call.
$propOut = & dotnet msbuild $benchProject -p:Configuration=Release '-getProperty:TargetPath' 2>&1
$benchDll = (@($propOut | ForEach-Object { "$_".Trim() } | Where-Object { $_ -like '*OclcCataloging.Bench.dll' }))[-1]
if (-not $benchDll -or -not (Test-Path -LiteralPath $benchDll)) { $buildOut + $propOut | Write-Host; throw "The benchmark driver was not found after the build ('$benchDll')." }
$benchHost = [System.IO.Path]::ChangeExtension($benchDll, $null).TrimEnd('.')
$Driver = @(if (-not $IsWindows -and (Test-Path -LiteralPath $benchHost)) { $benchHost } else { 'dotnet'; $benchDll })
Write-Host "Driver: $($Driver -join ' ')"

# The PowerShell the pwsh rows start: this same PowerShell, launched directly (`dotnet pwsh.dll`), not through
# the `dotnet pwsh` tool shim, whose two extra .NET processes would add start-up time to every row.
$hostPath = [System.Environment]::ProcessPath
$Pwsh = @(if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { $hostPath; Join-Path $PSHOME 'pwsh.dll' } else { $hostPath })
$PwshVersion = $PSVersionTable.PSVersion.ToString()
Write-Host "PowerShell for the pwsh rows: $($Pwsh -join ' ') ($PwshVersion)"

$haveYaz = [bool](Get-Command yaz-marcdump -CommandType Application -ErrorAction SilentlyContinue)
if (-not $haveYaz) { Add-Note 'yaz-marcdump not found: the yaz rows and the targets measured against yaz are skipped (apt-get install yaz).' }
$havePerl = $false
if ($PerlRuns -gt 0 -and (Get-Command perl -CommandType Application -ErrorAction SilentlyContinue)) {
    & perl -MMARC::Batch -e 1 2>$null
    $havePerl = $LASTEXITCODE -eq 0
}
if ($PerlRuns -eq 0) { Add-Note 'Perl MARC::Batch rows skipped (-PerlRuns 0).' }
elseif (-not $havePerl) { Add-Note 'perl with MARC::Batch not found: the Perl rows are skipped (apt-get install libmarc-record-perl).' }
$PerlScript = Join-Path $PSScriptRoot 'marc-batch.pl'
$LintScript = Join-Path $PSScriptRoot 'marc-lint.pl'
$PerlCount = [math]::Min($PerlRuns, $Runs)

function Get-DriverJson($run) { Get-JsonLine $run.Stdout }

# Generates a file with the driver unless one with the same parameters is already there. Returns the
# generator's JSON result (records, bytes, ...) which is kept next to the file.
function Initialize-SyntheticFile {
    param([string] $Path, [long] $RecordCount, [long] $MinBytes)
    $meta = "$Path.json"
    $generatorVersion = (Get-FileHash -LiteralPath (Join-Path $PSScriptRoot 'OclcCataloging.Bench/RecordGenerator.cs') -Algorithm SHA256).Hash.Substring(0, 12)
    if ((Test-Path -LiteralPath $Path) -and (Test-Path -LiteralPath $meta)) {
        $m = Get-Content -LiteralPath $meta -Raw | ConvertFrom-Json
        if ($m.seed -eq $Seed -and $m.generator -eq $generatorVersion -and $m.bytes -eq (Get-Item -LiteralPath $Path).Length -and
            (($MinBytes -gt 0 -and $m.requestedMinBytes -eq $MinBytes) -or ($MinBytes -eq 0 -and $m.records -eq $RecordCount))) {
            Write-Host "Reusing $Path ($($m.records) records, $($m.bytes) bytes)"
            return $m
        }
    }
    $genArgs = @('generate', '--out', $Path, '--seed', "$Seed")
    if ($MinBytes -gt 0) { $genArgs += @('--min-bytes', "$MinBytes") } else { $genArgs += @('--records', "$RecordCount") }
    Write-Host "Generating $Path ..."
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    $out = & $Driver[0] @($Driver | Select-Object -Skip 1) @genArgs
    if ($LASTEXITCODE -ne 0) { throw "Generating $Path failed." }
    $m = Get-JsonLine ($out -join "`n")
    $m | Add-Member -NotePropertyName generator -NotePropertyValue $generatorVersion
    $m | Add-Member -NotePropertyName requestedMinBytes -NotePropertyValue $MinBytes
    $m | ConvertTo-Json -Compress | Set-Content -LiteralPath $meta
    Write-Host ("  {0} records, {1:N0} bytes in {2:0.0} s" -f $m.records, $m.bytes, $sw.Elapsed.TotalSeconds)
    return $m
}

# Checks that an Export-MarcFile output holds the expected number of records (counted by the driver's own
# scanner, not by the core under test). Returns an error text, or $null when it is right.
function Test-ExportedFile([string] $Path, [long] $Expected) {
    if (-not (Test-Path -LiteralPath $Path)) { return "no output written to $Path" }
    $out = & $Driver[0] @($Driver | Select-Object -Skip 1) count $Path
    if ($LASTEXITCODE -ne 0) { return "cannot count the records in $Path" }
    $c = [long](Get-JsonLine ($out -join "`n")).records
    if ($c -ne $Expected) { return "wrote $c records to $Path, expected $Expected" }
    return $null
}

function Get-FileStats([string] $Path) {
    $out = & $Driver[0] @($Driver | Select-Object -Skip 1) stats $Path
    if ($LASTEXITCODE -ne 0) { throw "stats $Path failed." }
    Get-JsonLine ($out -join "`n")
}

# ---------------------------------------------------------------------------------------------------
Write-Step 'Preparing benchmark files'
$datasets = [System.Collections.Generic.List[object]]::new()

$synthetic = Join-Path $DataPath ("bench-{0}-s{1}.mrc" -f $Records, $Seed)
$null = Initialize-SyntheticFile -Path $synthetic -RecordCount $Records -MinBytes 0
$datasets.Add([pscustomobject]@{ Name = 'synthetic'; Path = $synthetic; Stats = Get-FileStats $synthetic })

$jazz = Join-Path $Root '../shared/corpus/Evergreen/jazz_1k.mrc'
$jazzMarc8 = $null
$wantJazz = $Dataset.Count -eq 0 -or $Dataset -contains 'jazz-utf8' -or $Dataset -contains 'jazz-marc8' -or $convertOnly -or $pipelineOnly
if ($wantJazz -and (Test-Path -LiteralPath $jazz)) {
    if (-not $haveYaz) {
        Add-Note 'jazz-utf8 dataset skipped: converting jazz_1k.mrc from MARC-8 needs yaz-marcdump.'
    }
    else {
        $copies = [int][math]::Ceiling($Records / 1000)
        $marc8 = Join-Path $DataPath "jazz-x$copies-marc8.mrc"
        $utf8 = Join-Path $DataPath "jazz-x$copies-utf8.mrc"
        $jazzBytes = (Get-Item -LiteralPath $jazz).Length
        if (-not (Test-Path -LiteralPath $marc8) -or (Get-Item -LiteralPath $marc8).Length -ne $jazzBytes * $copies) {
            Write-Host "Building $marc8 (jazz_1k.mrc x $copies, MARC-8) ..."
            & /bin/sh -c ('for i in $(seq ' + $copies + '); do cat ' + (ConvertTo-ShellWord $jazz) + '; done > ' + (ConvertTo-ShellWord $marc8))
            if ($LASTEXITCODE -ne 0) { throw "Building $marc8 failed." }
            Remove-Item -LiteralPath $utf8 -ErrorAction SilentlyContinue
        }
        if (-not (Test-Path -LiteralPath $utf8)) {
            Write-Host "Converting to $utf8 (yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97) ..."
            & /bin/sh -c ('yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 -i marc ' + (ConvertTo-ShellWord $marc8) + ' > ' + (ConvertTo-ShellWord "$utf8.partial") + ' && mv ' + (ConvertTo-ShellWord "$utf8.partial") + ' ' + (ConvertTo-ShellWord $utf8))
            if ($LASTEXITCODE -ne 0) { throw "Converting $marc8 to UTF-8 failed." }
        }
        $datasets.Add([pscustomobject]@{ Name = 'jazz-utf8'; Path = $utf8; Stats = Get-FileStats $utf8 })
        $jazzMarc8 = $marc8
    }
}
elseif ($wantJazz) {
    Add-Note "jazz-utf8 dataset skipped: $jazz not found."
}
if ($Dataset.Count -gt 0) {
    # 'validate' is the synthetic file with the validation rows only (Test-MarcRecord, core validator, MARC::Lint).
    $selected = @($datasets | Where-Object { $Dataset -contains $_.Name -or ($_.Name -eq 'synthetic' -and $validateOnly) -or ($_.Name -in 'synthetic', 'jazz-utf8' -and ($convertOnly -or $pipelineOnly)) })
    $datasets.Clear(); foreach ($d in $selected) { $datasets.Add($d) }
}
foreach ($d in $datasets) {
    Write-Host ("{0,-10} {1}: {2:N0} records, {3:N0} bytes, {4} B/record, {5} fields/record, {6}% records non-ASCII" -f `
        $d.Name, $d.Path, $d.Stats.records, $d.Stats.bytes, $d.Stats.averageBytesPerRecord, $d.Stats.averageFieldsPerRecord, $d.Stats.nonAsciiPercent)
}

# PowerShell snippets for the pwsh rows. Literal strings in single quotes; '' escapes a quote.
function ConvertTo-PSLiteral([string] $s) { "'" + $s.Replace("'", "''") + "'" }
$importModule = '$ErrorActionPreference = ''Stop''; Import-Module ' + (ConvertTo-PSLiteral $ModulePath)
function Get-PwshCommand([string] $Script) { @($Pwsh) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-Command', $Script) }

# ---------------------------------------------------------------------------------------------------
Write-Step "Benchmarks ($Runs runs each, median reported; Perl: $PerlCount)"
Write-Host '  (page cache warmed before each dataset; seconds per run shown)'

$null = Measure-Benchmark -DatasetName '-' -Name 'pwsh start-up (no module)' -Tool 'pwsh' -Kind 'startup' `
    -Command (Get-PwshCommand '''ok''') -Display "pwsh -c 'ok'" `
    -Check { param($r) if ("$($r.Stdout)".Trim() -ne 'ok') { "unexpected output: $($r.Stdout)" } }
$null = Measure-Benchmark -DatasetName '-' -Name 'pwsh start-up + Import-Module' -Tool 'pwsh' -Kind 'startup' `
    -Command (Get-PwshCommand ($importModule + '; ''ok''')) -Display "pwsh -c 'Import-Module OclcCataloging'" `
    -Check { param($r) if ("$($r.Stdout)".Trim() -ne 'ok') { "unexpected output: $($r.Stdout)" } }

foreach ($d in $datasets) {
    $file = $d.Path
    $n = [long]$d.Stats.records
    $bytes = [long]$d.Stats.bytes
    & /bin/sh -c ('cat ' + (ConvertTo-ShellWord $file) + ' > /dev/null')
    $checkDriver = { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $n) { "read $($j.records) records, expected $n" } }
    $inDriver = { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
    $common = @{ DatasetName = $d.Name; RecordCount = $n; InputBytes = $bytes }

    if ($convertOnly) {
        $null = Measure-Benchmark @common -Name 'core parse-deep (every subfield)' -Tool 'core' -Kind 'parse-deep' -Command (@($Driver) + @('parse-deep', $file)) -Display 'OclcCataloging.Bench parse-deep FILE' -Check $checkDriver -InProcess $inDriver
    }
    if (-not $validateOnly -and -not $pipelineOnly) {
    # Convert-MarcFile (issue 15): the one-step converter, in the core and through the cmdlet (start-up included), into a real file.
    $convTmp = Join-Path $WorkDir 'convert.xml'
    $null = Measure-Benchmark @common -Name 'core MarcFileConverter -> MARCXML file' -Tool 'core' -Kind 'convert-marcxml' -Command (@($Driver) + @('convert', $file, $convTmp)) `
        -Display 'OclcCataloging.Bench convert FILE TMP' -InProcess $inDriver `
        -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $n) { "wrote $($j.records) records, expected $n" } else { Test-ExportedFile $convTmp $n } }
    $convert = $importModule + '; Convert-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $file) + ' -Destination ' + (ConvertTo-PSLiteral $convTmp) + ' -Format MarcXml'
    $null = Measure-Benchmark @common -Name 'pwsh Convert-MarcFile -Format MarcXml' -Tool 'pwsh' -Kind 'convert-marcxml' -Command (Get-PwshCommand $convert) `
        -Display 'Convert-MarcFile -LiteralPath FILE -Destination TMP -Format MarcXml' -Check { param($r) Test-ExportedFile $convTmp $n }
    Remove-Item -LiteralPath $convTmp -ErrorAction SilentlyContinue
    }
    if (-not $validateOnly -and -not $convertOnly -and -not $pipelineOnly) {
    $null = Measure-Benchmark @common -Name 'core parse' -Tool 'core' -Kind 'parse' -Command (@($Driver) + @('parse', $file)) -Display 'OclcCataloging.Bench parse FILE' -Check $checkDriver -InProcess $inDriver
    $null = Measure-Benchmark @common -Name 'core parse-deep (every subfield)' -Tool 'core' -Kind 'parse-deep' -Command (@($Driver) + @('parse-deep', $file)) -Display 'OclcCataloging.Bench parse-deep FILE' -Check $checkDriver -InProcess $inDriver
    $null = Measure-Benchmark @common -Name 'core ISO 2709 -> MARCXML' -Tool 'core' -Kind 'marcxml' -Command (@($Driver) + @('toxml', $file, '/dev/null')) -Display 'OclcCataloging.Bench toxml FILE /dev/null' -Check $checkDriver -InProcess $inDriver
    $null = Measure-Benchmark @common -Name 'core ISO 2709 -> ISO 2709' -Tool 'core' -Kind 'iso2709' -Command (@($Driver) + @('tomarc', $file, '/dev/null')) -Display 'OclcCataloging.Bench tomarc FILE /dev/null' -Check $checkDriver -InProcess $inDriver

    $measure = $importModule + '; (Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $file) + ' | Measure-Object).Count'
    $null = Measure-Benchmark @common -Name 'pwsh Import-MarcFile | Measure-Object' -Tool 'pwsh' -Kind 'parse' -Command (Get-PwshCommand $measure) `
        -Display 'Import-MarcFile -LiteralPath FILE | Measure-Object' `
        -Check { param($r) $c = "$($r.Stdout)".Trim(); if ($c -ne "$n") { "counted '$c' records, expected $n" } }
    }
    if (-not $validateOnly -and -not $convertOnly) {
    foreach ($fmt in 'MarcXml', 'Iso2709') {
        $tmp = Join-Path $WorkDir ("export." + $(if ($fmt -eq 'MarcXml') { 'xml' } else { 'mrc' }))
        $export = $importModule + '; Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $file) + ' | Export-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $tmp) + " -Format $fmt"
        $null = Measure-Benchmark @common -Name "pwsh Import | Export -Format $fmt" -Tool 'pwsh' -Kind $(if ($fmt -eq 'MarcXml') { 'marcxml' } else { 'iso2709' }) `
            -Command (Get-PwshCommand $export) -Display "Import-MarcFile -LiteralPath FILE | Export-MarcFile -LiteralPath TMP -Format $fmt" `
            -Check { param($r) Test-ExportedFile $tmp $n }
        Remove-Item -LiteralPath $tmp -ErrorAction SilentlyContinue
    }

    }

    if ($d.Name -eq 'synthetic' -and -not $convertOnly -and -not $pipelineOnly) {
        # Validation (issue 11): Test-MarcRecord -Level Full, start-up included, next to MARC::Lint on the same file;
        # the core validator alone (driver 'validate') shows what PowerShell adds.
        $null = Measure-Benchmark @common -Name 'core validate -Level Full' -Tool 'core' -Kind 'validate' -Command (@($Driver) + @('validate', $file)) -Display 'OclcCataloging.Bench validate FILE' -Check $checkDriver -InProcess $inDriver
        $validate = $importModule + '; (Test-MarcRecord -LiteralPath ' + (ConvertTo-PSLiteral $file) + ' -Level Full -Summary).Records'
        $null = Measure-Benchmark @common -Name 'pwsh Test-MarcRecord -Level Full -Summary' -Tool 'pwsh' -Kind 'validate' -Command (Get-PwshCommand $validate) `
            -Display 'Test-MarcRecord -LiteralPath FILE -Level Full -Summary' `
            -Check { param($r) $c = "$($r.Stdout)".Trim(); if ($c -ne "$n") { "validated '$c' records, expected $n" } }
        if ($havePerl) {
            $null = Measure-Benchmark @common -Count $PerlCount -Name 'perl MARC::Lint check_record' -Tool 'perl' -Kind 'validate' -Command @('perl', $LintScript, $file) -Display 'perl bench/marc-lint.pl FILE' `
                -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result (is libmarc-lint-perl installed?)' } elseif ([long]$j.records -ne $n) { "read $($j.records) records, expected $n" } } -InProcess $inDriver
        }
    }

    if ($validateOnly) { continue }
    if ($haveYaz) {
        if (-not $pipelineOnly) {
            $null = Measure-Benchmark @common -Name 'yaz-marcdump -n (parse only)' -Tool 'yaz' -Kind 'parse' -Command @('yaz-marcdump', '-n', '-i', 'marc', $file) -Display 'yaz-marcdump -n -i marc FILE'
        }
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -o marcxml' -Tool 'yaz' -Kind 'marcxml' -Command @('yaz-marcdump', '-i', 'marc', '-o', 'marcxml', $file) -StdoutTo '/dev/null' -Display 'yaz-marcdump -i marc -o marcxml FILE > /dev/null'
        # The cmdlets cannot write to /dev/null (Export-MarcFile writes a temporary file and renames it), and on
        # this kind of machine putting 500+ MB into the page cache costs from 0.1 to 2.5 seconds of system CPU,
        # varying from run to run: the "> file" rows are the like-for-like reference in the comparison column
        # (targets stay against /dev/null).
        $yazTmp = Join-Path $WorkDir 'yaz-out'
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -o marcxml > file' -Tool 'yaz' -Kind 'marcxml-file' -Command @('yaz-marcdump', '-i', 'marc', '-o', 'marcxml', $file) -StdoutTo $yazTmp -Display 'yaz-marcdump -i marc -o marcxml FILE > TMP' -After { Remove-Item -LiteralPath $yazTmp -ErrorAction SilentlyContinue }
        if ($convertOnly) { continue }
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -o marc' -Tool 'yaz' -Kind 'iso2709' -Command @('yaz-marcdump', '-i', 'marc', '-o', 'marc', $file) -StdoutTo '/dev/null' -Display 'yaz-marcdump -i marc -o marc FILE > /dev/null'
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -o marc > file' -Tool 'yaz' -Kind 'iso2709-file' -Command @('yaz-marcdump', '-i', 'marc', '-o', 'marc', $file) -StdoutTo $yazTmp -Display 'yaz-marcdump -i marc -o marc FILE > TMP' -After { Remove-Item -LiteralPath $yazTmp -ErrorAction SilentlyContinue }
        if ($pipelineOnly) { continue }
    }
    if ($havePerl -and -not $pipelineOnly) {
        $null = Measure-Benchmark @common -Count $PerlCount -Name 'perl MARC::Batch (count fields)' -Tool 'perl' -Kind 'parse' -Command @('perl', $PerlScript, $file) -Display 'perl bench/marc-batch.pl FILE' `
            -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $n) { "read $($j.records) records, expected $n" } } -InProcess $inDriver
    }
}

# ---------------------------------------------------------------------------------------------------
# MARC-8 -> UTF-8 MARCXML (character sets issue): the real MARC-8 file, converted while written.
if ($jazzMarc8 -and ($Dataset.Count -eq 0 -or $Dataset -contains 'jazz-marc8')) {
    Write-Step 'MARC-8 -> UTF-8 MARCXML'
    $m8 = Get-FileStats $jazzMarc8
    $n = [long]$m8.records
    $common = @{ DatasetName = 'jazz-marc8'; RecordCount = $n; InputBytes = [long]$m8.bytes }
    & /bin/sh -c ('cat ' + (ConvertTo-ShellWord $jazzMarc8) + ' > /dev/null')
    $null = Measure-Benchmark @common -Name 'core MARC-8 -> UTF-8 MARCXML' -Tool 'core' -Kind 'marcxml-marc8' -Command (@($Driver) + @('toxml', $jazzMarc8, '/dev/null')) -Display 'OclcCataloging.Bench toxml FILE /dev/null' `
        -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $n) { "read $($j.records) records, expected $n" } } `
        -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
    $tmp = Join-Path $WorkDir 'marc8-export.xml'
    $export = $importModule + '; Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $jazzMarc8) + ' | Export-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $tmp) + ' -Format MarcXml'
    $null = Measure-Benchmark @common -Name 'pwsh Import | Export -Format MarcXml' -Tool 'pwsh' -Kind 'marcxml-marc8' -Command (Get-PwshCommand $export) `
        -Display 'Import-MarcFile -LiteralPath FILE | Export-MarcFile -LiteralPath TMP -Format MarcXml' -Check { param($r) Test-ExportedFile $tmp $n }
    Remove-Item -LiteralPath $tmp -ErrorAction SilentlyContinue
    if ($haveYaz) {
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -f MARC-8 -t UTF-8 -o marcxml' -Tool 'yaz' -Kind 'marcxml-marc8' -Command @('yaz-marcdump', '-f', 'MARC-8', '-t', 'UTF-8', '-i', 'marc', '-o', 'marcxml', $jazzMarc8) -StdoutTo '/dev/null' -Display 'yaz-marcdump -f MARC-8 -t UTF-8 -i marc -o marcxml FILE > /dev/null'
    }
}

# ---------------------------------------------------------------------------------------------------
# WorldCat data sync (data sync issue): Test-LhrRecord on generated LHRs with a translation table, and
# Get-OclcNumber on the bibliographic file.
if ($Dataset.Count -eq 0 -or $Dataset -contains 'datasync') {
    Write-Step 'WorldCat data sync'
    $lhrCount = [long][math]::Max(1000, [math]::Floor($Records / 2))
    $mfhd = Join-Path $DataPath ("mfhd-{0}.mrc" -f $lhrCount)
    $table = Join-Path $DataPath ("mfhd-{0}-translation.csv" -f $lhrCount)
    if (-not (Test-Path -LiteralPath $mfhd) -or -not (Test-Path -LiteralPath $table)) {
        Write-Host "Generating $mfhd ($lhrCount LHRs) and $table ..."
        $g = Invoke-Timed -Command (@($Driver) + @('generate-mfhd', '--records', "$lhrCount", '--out', $mfhd, '--table', $table))
        if ($g.ExitCode -ne 0) { throw "Generating $mfhd failed: $($g.Stderr)" }
    }
    $common = @{ DatasetName = "mfhd-$lhrCount"; RecordCount = $lhrCount; InputBytes = (Get-Item -LiteralPath $mfhd).Length }
    & /bin/sh -c ('cat ' + (ConvertTo-ShellWord $mfhd) + ' > /dev/null')
    $lhr = $importModule + '; (Test-LhrRecord -Path ' + (ConvertTo-PSLiteral $mfhd) + ' -OclcNumberLocation 004 -TranslationTable ' + (ConvertTo-PSLiteral $table) + ' -Summary).Records'
    $null = Measure-Benchmark @common -Name 'pwsh Test-LhrRecord -Path -Summary' -Tool 'pwsh' -Kind 'lhr' -Command (Get-PwshCommand $lhr) `
        -Display 'Test-LhrRecord -Path FILE -OclcNumberLocation 004 -TranslationTable CSV -Summary' `
        -Check { param($r) $c = "$($r.Stdout)".Trim(); if ($c -ne "$lhrCount") { "checked '$c' records, expected $lhrCount" } }
    $lhrPipe = $importModule + '; (Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $mfhd) + ' | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable ' + (ConvertTo-PSLiteral $table) + ' | Measure-Object).Count'
    $null = Measure-Benchmark @common -Name 'pwsh Import | Test-LhrRecord (a result per record)' -Tool 'pwsh' -Kind 'lhr-pipeline' -Command (Get-PwshCommand $lhrPipe) `
        -Display 'Import-MarcFile FILE | Test-LhrRecord -OclcNumberLocation 004 -TranslationTable CSV | Measure-Object' `
        -Check { param($r) $c = [long]("$($r.Stdout)".Trim()); if ($c -lt $lhrCount) { "got $c results, expected at least $lhrCount" } }

    $bib = $datasets | Where-Object Name -eq 'synthetic' | Select-Object -First 1
    if ($bib) {
        $n = [long]$bib.Stats.records
        $ocn = $importModule + '; (Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $bib.Path) + ' | Get-OclcNumber | Measure-Object).Count'
        $null = Measure-Benchmark -DatasetName 'synthetic' -RecordCount $n -InputBytes ([long]$bib.Stats.bytes) -Name 'pwsh Import | Get-OclcNumber' -Tool 'pwsh' -Kind 'ocn' -Command (Get-PwshCommand $ocn) `
            -Display 'Import-MarcFile FILE | Get-OclcNumber | Measure-Object' `
            -Check { param($r) $c = "$($r.Stdout)".Trim(); if ($c -ne "$n") { "got '$c' results, expected $n" } }
    }
}

# Gateway export (issue 5): Send-GatewayExport into a Start-GatewayListener of the same process over loopback, one
# connection per record, saved one file per record. The in-process seconds (the JSON line) time only the sending.
if ($Dataset.Count -eq 0 -or $Dataset -contains 'gateway') {
    Write-Step 'Gateway export'
    $gwCount = [long][math]::Min($Records, 10000)
    foreach ($throttle in 1, 8) {
        $inbox = Join-Path $WorkDir "gateway-inbox-$throttle"
        $gw = $importModule + '; $d = New-Item -ItemType Directory -Force -Path ' + (ConvertTo-PSLiteral $inbox) +
            '; $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $d.FullName' +
            '; $recs = @(Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $synthetic) + ' | Select-Object -First ' + $gwCount + ')' +
            '; $sw = [Diagnostics.Stopwatch]::StartNew()' +
            '; $ok = @($recs | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -ThrottleLimit ' + $throttle + ' | Where-Object Status -eq Accepted).Count' +
            '; $sw.Stop(); $saved = (Stop-GatewayListener $l -PassThru).RecordsSaved; Remove-Item -LiteralPath $d.FullName -Recurse -Force' +
            '; ''{"records":'' + [Math]::Min($ok, $saved) + '',"seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
        $label = if ($throttle -eq 1) { 'sequential' } else { "with -ThrottleLimit $throttle" }
        $null = Measure-Benchmark -DatasetName 'gateway' -RecordCount $gwCount -Name "Send-GatewayExport -> local listener, records/s, $label" -Tool 'pwsh' -Kind "gateway-t$throttle" `
            -Command (Get-PwshCommand $gw) -Display "Import-MarcFile FILE | Select-Object -First N | Send-GatewayExport 127.0.0.1 PORT -ThrottleLimit $throttle (listener -Path DIR in the same process)" `
            -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $gwCount) { "$($j.records) records accepted and saved, expected $gwCount" } } `
            -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
    }
}

# Koha receiver (issue 12): Send-GatewayExport into Start-GatewayListener -Koha of the same process, which forwards
# each record to the fake Koha (a separate process: svc/authentication + svc/import_bib, direct mode). The command
# resets the fake first and checks that Koha loaded every record exactly once. The in-process seconds time the sending.
if ($Dataset.Count -eq 0 -or $Dataset -contains 'koha') {
    Write-Step 'Koha receiver'
    if ($SimulatorsPath -and (Test-Path -LiteralPath $SimulatorsPath)) {
        $root = Split-Path -Parent $PSScriptRoot
        . (Join-Path $root 'tests/OclcCataloging.Simulators/SimulatorProcess.ps1')
        $kohaSim = Start-Simulator -Name koha -SimulatorsPath $SimulatorsPath -ArgumentList '--user', 'bench', '--password', 'bench-pw'
        try {
            $kohaCount = [long][math]::Min($Records, 2000)
            $kohaBase = $kohaSim.BaseAddress.AbsoluteUri
            foreach ($throttle in 1, 8) {
                $kc = $importModule + '; $null = Invoke-RestMethod -Method Post -Uri ' + (ConvertTo-PSLiteral ($kohaBase + '_simulator/reset')) +
                    '; $c = [pscredential]::new(''bench'', (ConvertTo-SecureString ''bench-pw'' -AsPlainText -Force))' +
                    '; $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha ' + (ConvertTo-PSLiteral $kohaBase) + ' -KohaCredential $c -ImportMode direct -MaxConnections 16 -WarningAction SilentlyContinue' +
                    '; $recs = @(Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $synthetic) + ' | Select-Object -First ' + $kohaCount + ')' +
                    '; $sw = [Diagnostics.Stopwatch]::StartNew()' +
                    '; $ok = @($recs | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -ThrottleLimit ' + $throttle + ' | Where-Object Status -eq Accepted).Count' +
                    '; $sw.Stop(); Stop-GatewayListener $l' +
                    '; $loads = Invoke-RestMethod -Uri ' + (ConvertTo-PSLiteral ($kohaBase + '_simulator/loads')) +
                    '; $once = @($loads.PSObject.Properties | Where-Object Value -eq 1).Count; $more = @($loads.PSObject.Properties | Where-Object Value -gt 1).Count' +
                    '; ''{"records":'' + $ok + '',"once":'' + $once + '',"twice":'' + $more + '',"seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
                $label = if ($throttle -eq 1) { 'sequential' } else { "$throttle senders (-ThrottleLimit $throttle)" }
                $null = Measure-Benchmark -DatasetName 'koha' -RecordCount $kohaCount -Name "Send-GatewayExport -> Start-GatewayListener -Koha -> fake Koha, records/s, $label" -Tool 'pwsh' -Kind "koha-t$throttle" `
                    -Command (Get-PwshCommand $kc) -Display "Import-MarcFile FILE | Select-Object -First N | Send-GatewayExport 127.0.0.1 PORT -ThrottleLimit $throttle (listener -Koha FAKE -ImportMode direct in the same process)" `
                    -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $kohaCount -or [long]$j.once -ne $kohaCount -or [long]$j.twice -ne 0) { "$($j.records) accepted, $($j.once) loaded once, $($j.twice) more than once; expected $kohaCount, $kohaCount, 0" } } `
                    -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
            }
        }
        finally { Stop-Simulator $kohaSim }
    }
    else { Add-Note 'Koha receiver rows skipped: -SimulatorsPath not given (build.ps1 -Task Bench passes it).' }
}

# Batch searching (issue 6): Invoke-BatchSearch over 1,000 keys against the project's Zebra SRU server and against
# the WorldCat simulator (a separate process, pacing off so the client's own speed shows). The in-process seconds
# (the JSON line) time only the batch; records/s in the table are keys/s.
if ($Dataset.Count -eq 0 -or $Dataset -contains 'batch') {
    Write-Step 'Batch searching'
    $root = Split-Path -Parent $PSScriptRoot
    $zebraKeys = Join-Path $root 'tests/peers/zebra/keys/batch-1000.keys.txt'
    $zebraUri = [Uri] $ZebraSru
    $zebraWork = $null
    $probe = { param($u) $c = [System.Net.Sockets.TcpClient]::new(); try { $c.ConnectAsync($u.Host, $u.Port).Wait(1000) } catch { $false } finally { $c.Dispose() } }
    if (-not (& $probe $zebraUri) -and (Get-Command zebrasrv -ErrorAction SilentlyContinue)) {
        $zebraWork = Join-Path $WorkDir 'zebra'
        & bash (Join-Path $root 'tests/peers/zebra/start-zebra.sh') $zebraWork $zebraUri.Port | Out-Host
    }
    if (& $probe $zebraUri) {
        $map = '(Import-PowerShellDataFile ' + (ConvertTo-PSLiteral (Join-Path $root 'tests/peers/zebra/index-map.psd1')) + ')'
        $sru = $importModule + '; $sw = [Diagnostics.Stopwatch]::StartNew()' +
            '; $r = @(Invoke-BatchSearch -LiteralPath ' + (ConvertTo-PSLiteral $zebraKeys) + ' -Target Sru -BaseAddress ' + (ConvertTo-PSLiteral $zebraUri) + ' -IndexMap ' + $map + ' -TooManyThreshold 100 -ErrorAction SilentlyContinue)' +
            '; $sw.Stop(); $f = @($r | Where-Object Status -eq Found).Count' +
            '; ''{"records":'' + $r.Count + '',"found":'' + $f + '',"seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
        $null = Measure-Benchmark -DatasetName 'batch-zebra' -RecordCount 1000 -Name 'Invoke-BatchSearch 1,000 keys -> Zebra SRU, keys/s' -Tool 'pwsh' -Kind 'batch-sru' `
            -Command (Get-PwshCommand $sru) -Display 'Invoke-BatchSearch -LiteralPath tests/peers/zebra/keys/batch-1000.keys.txt -Target Sru -BaseAddress ZEBRA -IndexMap MAP -TooManyThreshold 100' `
            -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne 1000 -or [long]$j.found -ne 760) { "$($j.records) results, $($j.found) found; expected 1000 and 760" } } `
            -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
    }
    else { Add-Note "Batch search against Zebra skipped: nothing answers at $zebraUri and zebrasrv is not installed." }
    if ($zebraWork) { & bash (Join-Path $root 'tests/peers/zebra/stop-zebra.sh') $zebraWork | Out-Host }

    if ($SimulatorsPath -and (Test-Path -LiteralPath $SimulatorsPath)) {
        . (Join-Path $root 'tests/OclcCataloging.Simulators/SimulatorProcess.ps1')
        $sim = Start-Simulator -Name worldcat -SimulatorsPath $SimulatorsPath
        try {
            $base = $sim.BaseAddress
            $wcKeys = Join-Path $WorkDir 'worldcat-1000.keys.txt'
            $cycle = '#12345678', 'bn:9780000000019', '#1234567', 'ti:lighthouse', '#99999999', 'in:1234-5679', 'ti:history', '#1234567890', 'au:moza* and ti:magi*', '#88888888'
            Set-Content -LiteralPath $wcKeys -Value (0..999 | ForEach-Object { $cycle[$_ % $cycle.Count] })
            $wc = $importModule + '; $c = [pscredential]::new(''simulator-client'', (ConvertTo-SecureString ''simulator-secret'' -AsPlainText -Force))' +
                '; $sw = [Diagnostics.Stopwatch]::StartNew()' +
                '; $r = @(Invoke-BatchSearch -LiteralPath ' + (ConvertTo-PSLiteral $wcKeys) + ' -Target WorldCat -Credential $c -RequestsPerSecond 0 -BaseAddress ' + (ConvertTo-PSLiteral ([Uri]::new($base, 'worldcat'))) + ' -TokenAddress ' + (ConvertTo-PSLiteral ([Uri]::new($base, 'token'))) + ' -ErrorAction SilentlyContinue)' +
                '; $sw.Stop(); $f = @($r | Where-Object Status -eq Found).Count' +
                '; ''{"records":'' + $r.Count + '',"found":'' + $f + '',"seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
            $null = Measure-Benchmark -DatasetName 'batch-worldcat' -RecordCount 1000 -Name 'Invoke-BatchSearch 1,000 keys -> WorldCat simulator, keys/s' -Tool 'pwsh' -Kind 'batch-worldcat' `
                -Command (Get-PwshCommand $wc) -Display 'Invoke-BatchSearch -LiteralPath KEYS -Target WorldCat -Credential C -RequestsPerSecond 0 -BaseAddress SIM/worldcat -TokenAddress SIM/token' `
                -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne 1000 -or [long]$j.found -ne 700) { "$($j.records) results, $($j.found) found; expected 1000 and 700" } } `
                -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
        }
        finally { Stop-Simulator $sim }
    }
    else { Add-Note 'Batch search against the WorldCat simulator skipped: -SimulatorsPath not given (build.ps1 -Task Bench passes it).' }
}

# WorldCat record actions (issue 17): Remove-WorldCatHolding / Add-WorldCatHolding against the WorldCat simulator (a
# separate process, seeded with held numbers; reset to the seeds after every run so each run does the same work).
# One input is one HTTP request (v2 has no batch holdings call). Unpaced shows the client's own speed; the default
# pacing row shows what a user gets without -RequestsPerSecond. records/s in the table = actions/s.
if ($Dataset.Count -eq 0 -or $Dataset -contains 'actions') {
    Write-Step 'WorldCat record actions'
    $root = Split-Path -Parent $PSScriptRoot
    $probeCommand = Get-PwshCommand ($importModule + '; [bool](Get-Command Remove-WorldCatHolding -ErrorAction SilentlyContinue)')
    $haveActions = & $probeCommand[0] $probeCommand[1..($probeCommand.Count - 1)] 2>$null
    if (-not ($SimulatorsPath -and (Test-Path -LiteralPath $SimulatorsPath))) { Add-Note 'Record actions against the WorldCat simulator skipped: -SimulatorsPath not given (build.ps1 -Task Bench passes it).' }
    elseif ("$haveActions".Trim() -ne 'True') { Add-Note 'Record actions skipped: this module has no Remove-WorldCatHolding.' }
    else {
        . (Join-Path $root 'tests/OclcCataloging.Simulators/SimulatorProcess.ps1')
        $sim = Start-Simulator -Name worldcat -SimulatorsPath $SimulatorsPath -ArgumentList '--held-with-lhr', '300000001-300001000'
        try {
            $base = $sim.BaseAddress
            $connect = '; $c = [pscredential]::new(''simulator-client'', (ConvertTo-SecureString ''simulator-secret'' -AsPlainText -Force))' +
                '; $at = @{ Credential = $c; BaseAddress = ' + (ConvertTo-PSLiteral ([Uri]::new($base, 'worldcat'))) + '; TokenAddress = ' + (ConvertTo-PSLiteral ([Uri]::new($base, 'token'))) + ' }'
            $finish = '; $sw.Stop(); $d = @($r | Where-Object { "$($_.Status)" -eq ''Done'' }).Count' +
                '; ''{"records":'' + $r.Count + '',"done":'' + $d + '',"seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
            $unset = $importModule + $connect + '; $n = 300000001..300001000 | ForEach-Object { "$_" }; $sw = [Diagnostics.Stopwatch]::StartNew()' +
                '; $r = @($n | Remove-WorldCatHolding @at -DeleteLocalHoldings -Force -RequestsPerSecond 0 -Confirm:$false -ErrorAction SilentlyContinue)' + $finish
            $null = Measure-Benchmark -DatasetName 'actions-worldcat' -RecordCount 1000 -Name 'Remove-WorldCatHolding cascade 1,000, unpaced' -Tool 'pwsh' -Kind 'actions-unpaced' `
                -Command (Get-PwshCommand $unset) -Display 'NUMBERS | Remove-WorldCatHolding -DeleteLocalHoldings -Force -RequestsPerSecond 0 -Credential C -BaseAddress SIM/worldcat -TokenAddress SIM/token' `
                -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne 1000 -or [long]$j.done -ne 1000) { "$($j.records) results, $($j.done) done; expected 1000 and 1000" } } `
                -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } } `
                -After { Reset-Simulator -Simulator $sim }
            $set = $importModule + $connect + '; $n = 300001001..300001060 | ForEach-Object { "$_" }; $sw = [Diagnostics.Stopwatch]::StartNew()' +
                '; $r = @($n | Add-WorldCatHolding @at -Confirm:$false -ErrorAction SilentlyContinue)' + $finish
            $null = Measure-Benchmark -DatasetName 'actions-worldcat' -RecordCount 60 -Count 1 -Name 'Add-WorldCatHolding 60, default pacing' -Tool 'pwsh' -Kind 'actions-paced' `
                -Command (Get-PwshCommand $set) -Display 'NUMBERS | Add-WorldCatHolding -Credential C -BaseAddress SIM/worldcat -TokenAddress SIM/token' `
                -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne 60 -or [long]$j.done -ne 60) { "$($j.records) results, $($j.done) done; expected 60 and 60" } } `
                -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } } `
                -After { Reset-Simulator -Simulator $sim }
        }
        finally { Stop-Simulator $sim }
    }
}

# SFTP upload (issue 14): Send-DataSyncFile of one file to the loopback OpenSSH test server next to OpenSSH's own
# client (sftp -b, put) on the same file and server. The in-process seconds (the JSON line) time only the upload
# (connecting, the same-name check, the bytes, the size check and the rename); the comparison uses them, against
# sftp's wall time (which includes its start-up and connection).
if ($Dataset.Count -eq 0 -or $Dataset -contains 'sftp') {
    Write-Step 'SFTP upload'
    $root = Split-Path -Parent $PSScriptRoot
    $sftpWork = $null
    if (-not ($SftpEnvFile -and (Test-Path -LiteralPath $SftpEnvFile))) {
        $free = -not (& { $c = [System.Net.Sockets.TcpClient]::new(); try { $c.ConnectAsync('127.0.0.1', 22220).Wait(1000) } catch { $false } finally { $c.Dispose() } })
        if ($free -and (Test-Path /usr/sbin/sshd) -and ((& id -u) -eq '0')) {
            $sftpWork = Join-Path $WorkDir 'sftp'
            & bash (Join-Path $root 'tests/peers/sftp/start-sftp.sh') $sftpWork 22220 | Out-Host
            if ($LASTEXITCODE -eq 0) { $SftpEnvFile = Join-Path $sftpWork 'env' } else { $sftpWork = $null }
        }
    }
    if ($SftpEnvFile -and (Test-Path -LiteralPath $SftpEnvFile)) {
        try {
            $cfg = @{}; foreach ($line in Get-Content -LiteralPath $SftpEnvFile) { $k, $v = $line -split '=', 2; $cfg[$k] = $v }
            $upload = Join-Path $WorkDir '1234567.OCWMS.bench.mrc'
            $bytes = [byte[]]::new($SftpSizeMB * 1MB); [Random]::new($Seed).NextBytes($bytes); [IO.File]::WriteAllBytes($upload, $bytes); $bytes = $null
            $size = [long]$SftpSizeMB * 1MB
            # The child reads the password from the env file: it is never on a command line.
            $send = $importModule + '; $env:OCLC_CONNECTIONS_PATH = ' + (ConvertTo-PSLiteral (Join-Path $WorkDir 'sftp-connections.json')) +
                '; $cfg = @{}; foreach ($l in Get-Content -LiteralPath ' + (ConvertTo-PSLiteral $SftpEnvFile) + ') { $k, $v = $l -split ''='', 2; $cfg[$k] = $v }' +
                '; $cred = [pscredential]::new($cfg.USER, (ConvertTo-SecureString $cfg.PASSWORD -AsPlainText -Force))' +
                '; Set-OclcConnection Bench Sftp -ComputerName 127.0.0.1 -Port ([int] $cfg.PORT) -Credential $cred -HostKeyFingerprint $cfg.FINGERPRINT -SecretStore KeyFile' +
                '; $sw = [Diagnostics.Stopwatch]::StartNew()' +
                '; $r = Send-DataSyncFile -LiteralPath ' + (ConvertTo-PSLiteral $upload) + ' -Connection Bench -RecordKind Bibliographic -Force -Confirm:$false' +
                '; $sw.Stop(); ''{"bytes":'' + $r.Length + '',"outcome":"'' + $r.Outcome + ''","seconds":'' + $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) + ''}'''
            $null = Measure-Benchmark -DatasetName 'sftp' -InputBytes $size -Name "Send-DataSyncFile $SftpSizeMB MB -> loopback sshd" -Tool 'pwsh' -Kind 'sftp-upload' `
                -Command (Get-PwshCommand $send) -Display 'Send-DataSyncFile -LiteralPath FILE -Connection Bench -RecordKind Bibliographic -Force (SSH.NET, temp name + rename)' `
                -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.bytes -ne $size -or $j.outcome -ne 'Uploaded') { "uploaded $($j.bytes) bytes ($($j.outcome)), expected $size (Uploaded)" } } `
                -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
            $batch = Join-Path $WorkDir 'sftp-batch.txt'
            Set-Content -LiteralPath $batch -Value "put $upload /xfer/metacoll/in/bib/1234567.OCWMS.sftpb.mrc"
            $remoteCopy = Join-Path $cfg.ROOT 'xfer/metacoll/in/bib/1234567.OCWMS.sftpb.mrc'
            $null = Measure-Benchmark -DatasetName 'sftp' -InputBytes $size -Name "sftp -b put $SftpSizeMB MB -> loopback sshd" -Tool 'openssh' -Kind 'sftp-upload' `
                -Command @('sftp', '-q', '-b', $batch, '-i', $cfg.KEY, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-P', $cfg.PORT, "$($cfg.USER)@127.0.0.1") `
                -Display 'sftp -q -b BATCH(put FILE) -i KEY -P PORT USER@127.0.0.1 (OpenSSH client)' `
                -Check { param($r) if (-not (Test-Path -LiteralPath $remoteCopy)) { 'the file is not on the server' } elseif ((Get-Item -LiteralPath $remoteCopy).Length -ne $size) { "the server holds $((Get-Item -LiteralPath $remoteCopy).Length) bytes, expected $size" } }
            foreach ($f in (Join-Path $cfg.ROOT 'xfer/metacoll/in/bib/1234567.OCWMS.bench.mrc'), $remoteCopy, $upload) { if (Test-Path -LiteralPath $f) { [IO.File]::Delete($f) } }
        }
        finally { if ($sftpWork) { & bash (Join-Path $root 'tests/peers/sftp/stop-sftp.sh') $sftpWork | Out-Host } }
    }
    else { Add-Note 'SFTP upload rows skipped: no SFTP test server (give -SftpEnvFile or OCLC_SFTP_TEST, or run as root with openssh-server installed and 127.0.0.1:22220 free).' }
}

# ---------------------------------------------------------------------------------------------------
$large = $null
$largeConvert = $null
if ($LargeFileMB -gt 0) {
    Write-Step "Peak memory on a $LargeFileMB MB file"
    $largePath = Join-Path $DataPath ("bench-large-{0}MB-s{1}.mrc" -f $LargeFileMB, $Seed)
    $m = Initialize-SyntheticFile -Path $largePath -RecordCount 0 -MinBytes ([long]$LargeFileMB * 1MB)
    $n = [long]$m.records; $bytes = [long]$m.bytes
    & /bin/sh -c ('cat ' + (ConvertTo-ShellWord $largePath) + ' > /dev/null')
    $tmp = Join-Path $WorkDir 'large-export.xml'
    $export = $importModule + '; Import-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $largePath) + ' | Export-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $tmp) + ' -Format MarcXml'
    $common = @{ DatasetName = "large-$($LargeFileMB)MB"; RecordCount = $n; InputBytes = $bytes; Count = 1 }
    if (-not $convertOnly) {
    $large = Measure-Benchmark @common -Name 'pwsh Import | Export -Format MarcXml' -Tool 'pwsh' -Kind 'marcxml' -Command (Get-PwshCommand $export) `
        -Display 'Import-MarcFile -LiteralPath FILE | Export-MarcFile -LiteralPath TMP -Format MarcXml' `
        -Check { param($r) Test-ExportedFile $tmp $n }
    Remove-Item -LiteralPath $tmp -ErrorAction SilentlyContinue
    }
    if (-not $pipelineOnly) {
    $convert = $importModule + '; Convert-MarcFile -LiteralPath ' + (ConvertTo-PSLiteral $largePath) + ' -Destination ' + (ConvertTo-PSLiteral $tmp) + ' -Format MarcXml'
    $largeConvert = Measure-Benchmark @common -Name 'pwsh Convert-MarcFile -Format MarcXml' -Tool 'pwsh' -Kind 'convert-marcxml' -Command (Get-PwshCommand $convert) `
        -Display 'Convert-MarcFile -LiteralPath FILE -Destination TMP -Format MarcXml' -Check { param($r) Test-ExportedFile $tmp $n }
    Remove-Item -LiteralPath $tmp -ErrorAction SilentlyContinue
    }
    if (-not $convertOnly -and -not $pipelineOnly) {
    $null = Measure-Benchmark @common -Name 'core ISO 2709 -> MARCXML' -Tool 'core' -Kind 'marcxml' -Command (@($Driver) + @('toxml', $largePath, '/dev/null')) -Display 'OclcCataloging.Bench toxml FILE /dev/null' `
        -Check { param($r) $j = Get-JsonLine $r.Stdout; if (-not $j) { 'no JSON result' } elseif ([long]$j.records -ne $n) { "read $($j.records) records, expected $n" } } `
        -InProcess { param($r) $j = Get-JsonLine $r.Stdout; if ($j) { [double]$j.seconds } }
    if ($haveYaz) {
        $null = Measure-Benchmark @common -Name 'yaz-marcdump -o marcxml' -Tool 'yaz' -Kind 'marcxml' -Command @('yaz-marcdump', '-i', 'marc', '-o', 'marcxml', $largePath) -StdoutTo '/dev/null' -Display 'yaz-marcdump -i marc -o marcxml FILE > /dev/null'
    }
    }
    if (-not $KeepLargeFile) { Remove-Item -LiteralPath $largePath, "$largePath.json" -ErrorAction SilentlyContinue }
}
Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue

# A benchmark process itself keeps the 1-minute load average near 1; well above the core count means other
# work shared the CPUs and the wall times are inflated (CPU s is less affected).
$busy = @($script:Results | Where-Object { $_.MaxLoadAverage -gt [Environment]::ProcessorCount })
if ($busy.Count) {
    Add-Note ("The machine was busy during {0} of {1} rows (1-minute load average up to {2:0.0} on {3} cores, e.g. {4}): other processes shared the CPUs, so those wall times are inflated. Rerun on an idle machine before comparing." -f `
        $busy.Count, $script:Results.Count, ($busy | Measure-Object MaxLoadAverage -Maximum).Maximum, [Environment]::ProcessorCount, (($busy | Select-Object -First 3 | ForEach-Object { "$($_.Dataset)/$($_.Name)" }) -join ', '))
}

# ---------------------------------------------------------------------------------------------------
function Find-Row([string] $DatasetName, [string] $Tool, [string] $Kind) {
    @($script:Results | Where-Object { $_.Dataset -eq $DatasetName -and $_.Tool -eq $Tool -and $_.Kind -eq $Kind -and -not $_.Failed -and $_.RecordsPerSecond }) | Select-Object -First 1
}

function Format-Ratio($ours, $ref, [string] $label) {
    if (-not $ours -or -not $ref -or -not $ours.RecordsPerSecond -or -not $ref.RecordsPerSecond) { return $null }
    $x = $ours.RecordsPerSecond / $ref.RecordsPerSecond
    $fmt = if ($x -ge 10) { '{0:0}×' } else { '{0:0.00}×' }
    return ($fmt -f $x) + " $label"
}

# Comparison column: our rows against the reference tools doing the same kind of work.
foreach ($row in $script:Results) {
    $cmp = @()
    if ($row.Tool -in 'core', 'pwsh' -and -not $row.Failed) {
        switch ($row.Kind) {
            { $_ -in 'parse', 'parse-deep' } {
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'parse') 'yaz -n'
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'perl' 'parse') 'Perl'
            }
            { $_ -in 'marcxml', 'convert-marcxml' } {
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'marcxml') 'yaz marcxml'
                if ($row.Tool -eq 'pwsh' -or $row.Kind -eq 'convert-marcxml') { $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'marcxml-file') 'yaz marcxml > file' }
            }
            'marcxml-marc8' {
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'marcxml-marc8') 'yaz -f MARC-8 -t UTF-8 marcxml'
            }
            'validate' {
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'perl' 'validate') 'MARC::Lint'
            }
            'iso2709' {
                $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'iso2709') 'yaz -o marc'
                if ($row.Tool -eq 'pwsh') { $cmp += Format-Ratio $row (Find-Row $row.Dataset 'yaz' 'iso2709-file') 'yaz -o marc > file' }
            }
        }
    }
    if ($row.Tool -eq 'pwsh' -and $row.Kind -eq 'sftp-upload' -and -not $row.Failed -and $row.InProcessSeconds) {
        $ref = @($script:Results | Where-Object { $_.Dataset -eq $row.Dataset -and $_.Tool -eq 'openssh' -and $_.Kind -eq 'sftp-upload' -and -not $_.Failed -and $_.MBPerSecond }) | Select-Object -First 1
        if ($ref) {
            $mbps = $row.InputBytes / 1MB / $row.InProcessSeconds
            $cmp += '{0:0.0} MB/s in process = {1:0.00}× sftp -b' -f $mbps, ($mbps / $ref.MBPerSecond)
        }
    }
    $row | Add-Member -NotePropertyName Comparison -NotePropertyValue (@($cmp | Where-Object { $_ }) -join '; ') -Force
}

function Format-Num($v, [string] $fmt) { if ($null -eq $v) { '—' } else { $fmt -f $v } }

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$cores = [Environment]::ProcessorCount
$memGB = try { [math]::Round(((Get-Content /proc/meminfo | Where-Object { $_ -like 'MemTotal*' }) -replace '\D', '') / 1MB, 1) } catch { '?' }
$yazVersion = if ($haveYaz) { ((& yaz-marcdump -V 2>&1 | Select-Object -First 1) -replace '^YAZ version:\s*', '' -split ' ')[0] } else { 'absent' }
$perlVersion = if ($havePerl) { (& perl -MMARC::Record -e 'print $MARC::Record::VERSION' 2>$null) } else { 'absent' }
$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'

$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine("# OclcCataloging benchmark $stamp").AppendLine()
$null = $md.AppendLine("Machine: $cpu, $cores cores, $memGB GB RAM; .NET $([Environment]::Version); PowerShell $PwshVersion; yaz $yazVersion; MARC::Record $perlVersion.")
$null = $md.AppendLine("Wall time and max RSS by GNU time, one process per run, files in the page cache. Records/s = records / median wall seconds (process start-up included); CPU s = median user+system seconds (all threads, so it can exceed the wall time); in-process = the time the program measured around its own work (no runtime start-up).").AppendLine()
foreach ($d in $datasets) {
    $null = $md.AppendLine(('- **{0}**: `{1}` — {2:N0} records, {3:N0} bytes ({4} B/record, {5} fields/record, {6}% of records non-ASCII)' -f `
        $d.Name, [System.IO.Path]::GetFileName($d.Path), [long]$d.Stats.records, [long]$d.Stats.bytes, $d.Stats.averageBytesPerRecord, $d.Stats.averageFieldsPerRecord, $d.Stats.nonAsciiPercent))
}
if ($large) { $null = $md.AppendLine(('- **{0}**: generated like synthetic — {1:N0} records, {2:N0} bytes' -f $large.Dataset, $large.Records, $large.InputBytes)) }
$null = $md.AppendLine()
$null = $md.AppendLine('| dataset | benchmark | runs | median s | min s | records/s | MB/s | max RSS MB | CPU s | in-process s | compared with |')
$null = $md.AppendLine('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|')
foreach ($r in $script:Results) {
    $name = $r.Name.Replace('|', '\|')
    if ($r.Failed) { $name += ' **FAILED**' }
    $null = $md.AppendLine(('| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} | {9} | {10} |' -f $r.Dataset, $name, $r.Runs,
        (Format-Num $r.MedianSeconds '{0:0.00}'), (Format-Num $r.MinSeconds '{0:0.00}'), (Format-Num $r.RecordsPerSecond '{0:N0}'),
        (Format-Num $r.MBPerSecond '{0:0.0}'), (Format-Num $r.MaxRssMB '{0:0}'), (Format-Num $r.CpuSeconds '{0:0.00}'),
        (Format-Num $r.InProcessSeconds '{0:0.00}'), $r.Comparison))
}
$null = $md.AppendLine()
$null = $md.AppendLine('Commands (FILE = the dataset file, TMP = a temporary file; pwsh rows run `' + ($Pwsh -join ' ') + ' -NoLogo -NoProfile -NonInteractive -Command "Import-Module OclcCataloging.psd1; …"`):').AppendLine()
foreach ($c in ($script:Results | Select-Object Name, Command | Sort-Object Name -Unique)) { $null = $md.AppendLine("- $($c.Name): ``$($c.Command)``") }

# Targets (informational).
$targets = [System.Collections.Generic.List[object]]::new()
function Add-Target([string] $Text, $Pass, [string] $Detail) {
    $status = if ($null -eq $Pass) { 'SKIP' } elseif ($Pass) { 'PASS' } else { 'FAIL' }
    $targets.Add([pscustomobject]@{ Status = $status; Text = $Text; Detail = $Detail })
}
foreach ($d in $datasets) {
    $core = Find-Row $d.Name 'core' 'parse'; $yaz = Find-Row $d.Name 'yaz' 'parse'
    if ($core -and $yaz) { Add-Target "[$($d.Name)] core ISO 2709 parse >= yaz-marcdump -n" ($core.RecordsPerSecond -ge $yaz.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×)' -f $core.RecordsPerSecond, $yaz.RecordsPerSecond, ($core.RecordsPerSecond / $yaz.RecordsPerSecond)) }
    else { Add-Target "[$($d.Name)] core ISO 2709 parse >= yaz-marcdump -n" $null 'not measured' }
    $core = Find-Row $d.Name 'core' 'marcxml'; $yaz = Find-Row $d.Name 'yaz' 'marcxml'
    if ($core -and $yaz) { Add-Target "[$($d.Name)] core ISO 2709 -> MARCXML >= 2× yaz-marcdump -o marcxml" ($core.RecordsPerSecond -ge 2 * $yaz.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×)' -f $core.RecordsPerSecond, $yaz.RecordsPerSecond, ($core.RecordsPerSecond / $yaz.RecordsPerSecond)) }
    else { Add-Target "[$($d.Name)] core ISO 2709 -> MARCXML >= 2× yaz-marcdump -o marcxml" $null 'not measured' }
    $ps = Find-Row $d.Name 'pwsh' 'marcxml'
    $yazFile = Find-Row $d.Name 'yaz' 'marcxml-file'
    $fileNote = if ($ps -and $yazFile) { '; {0:0.00}× yaz writing its MARCXML to a file ({1:N0} rec/s)' -f ($ps.RecordsPerSecond / $yazFile.RecordsPerSecond), $yazFile.RecordsPerSecond } else { '' }
    $text = "[$($d.Name)] Import-MarcFile | Export-MarcFile -Format MarcXml >= 1.5× yaz-marcdump -o marcxml"
    if ($ps -and $yaz) { Add-Target $text ($ps.RecordsPerSecond -ge 1.5 * $yaz.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×, pwsh start-up and writing a file included, yaz to /dev/null; CPU {3:0.00} s vs {4:0.00} s{5})' -f $ps.RecordsPerSecond, $yaz.RecordsPerSecond, ($ps.RecordsPerSecond / $yaz.RecordsPerSecond), $ps.CpuSeconds, $yaz.CpuSeconds, $fileNote) }
    else { Add-Target $text $null 'not measured' }
    $ps = Find-Row $d.Name 'pwsh' 'iso2709'; $yazMarc = Find-Row $d.Name 'yaz' 'iso2709'
    $yazFile = Find-Row $d.Name 'yaz' 'iso2709-file'
    $fileNote = if ($ps -and $yazFile) { '; {0:0.00}× yaz writing ISO 2709 to a file ({1:N0} rec/s)' -f ($ps.RecordsPerSecond / $yazFile.RecordsPerSecond), $yazFile.RecordsPerSecond } else { '' }
    $text = "[$($d.Name)] Import-MarcFile | Export-MarcFile -Format Iso2709 >= 1.0× yaz-marcdump -o marc"
    if ($ps -and $yazMarc) { Add-Target $text ($ps.RecordsPerSecond -ge $yazMarc.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×, pwsh start-up and writing a file included, yaz to /dev/null; CPU {3:0.00} s vs {4:0.00} s{5})' -f $ps.RecordsPerSecond, $yazMarc.RecordsPerSecond, ($ps.RecordsPerSecond / $yazMarc.RecordsPerSecond), $ps.CpuSeconds, $yazMarc.CpuSeconds, $fileNote) }
    else { Add-Target $text $null 'not measured' }
}
$core = Find-Row 'jazz-marc8' 'core' 'marcxml-marc8'; $yaz = Find-Row 'jazz-marc8' 'yaz' 'marcxml-marc8'
if ($core -and $yaz) { Add-Target '[jazz-marc8] core MARC-8 -> UTF-8 MARCXML >= 3× yaz-marcdump -f MARC-8 -t UTF-8 -o marcxml' ($core.RecordsPerSecond -ge 3 * $yaz.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×)' -f $core.RecordsPerSecond, $yaz.RecordsPerSecond, ($core.RecordsPerSecond / $yaz.RecordsPerSecond)) }
else { Add-Target '[jazz-marc8] core MARC-8 -> UTF-8 MARCXML >= 3× yaz-marcdump' $null 'not measured' }
$valRow = Find-Row 'synthetic' 'pwsh' 'validate'; $lintRow = Find-Row 'synthetic' 'perl' 'validate'; $valCore = Find-Row 'synthetic' 'core' 'validate'
if ($valRow -and $lintRow) {
    Add-Target '[synthetic] Test-MarcRecord -Level Full >= 50× MARC::Lint (pwsh start-up included)' ($valRow.RecordsPerSecond -ge 50 * $lintRow.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.0}×)' -f $valRow.RecordsPerSecond, $lintRow.RecordsPerSecond, ($valRow.RecordsPerSecond / $lintRow.RecordsPerSecond))
}
else { Add-Target '[synthetic] Test-MarcRecord -Level Full >= 50× MARC::Lint' $null 'not measured' }
if ($valRow) {
    $perMillion = if ($valRow.Records -ne 200000) { (' (measured on {0:N0} records; the goal is for 200,000)' -f $valRow.Records) } else { '' }
    Add-Target '[synthetic] Test-MarcRecord -Level Full over 200,000 records under 10 s (pwsh start-up included)' ($valRow.MedianSeconds * 200000 / $valRow.Records -lt 10) ('{0:0.00} s wall, {1:0.00} s CPU for {2:N0} records, max load average {3:0.0}{4}' -f $valRow.MedianSeconds, $valRow.CpuSeconds, $valRow.Records, $valRow.MaxLoadAverage, $perMillion)
}
else { Add-Target '[synthetic] Test-MarcRecord -Level Full under 10 s' $null 'not measured' }
if ($valCore -and $lintRow) {
    Add-Target '[synthetic] core validator (no PowerShell) vs MARC::Lint (informational, no goal)' $null ('{0:N0} vs {1:N0} rec/s ({2:0.0}×); in-process {3:0.00} s vs {4:0.00} s' -f $valCore.RecordsPerSecond, $lintRow.RecordsPerSecond, ($valCore.RecordsPerSecond / $lintRow.RecordsPerSecond), $valCore.InProcessSeconds, $lintRow.InProcessSeconds)
}
$lhrRow = @($script:Results | Where-Object { $_.Tool -eq 'pwsh' -and $_.Kind -eq 'lhr' -and -not $_.Failed }) | Select-Object -First 1
if ($lhrRow -and $lhrRow.Records -ge 100000) {
    Add-Target 'Test-LhrRecord under 5 s for 100,000 LHRs (pwsh start-up included)' ($lhrRow.MedianSeconds * 100000 / $lhrRow.Records -lt 5) ('{0:0.00} s for {1:N0} records ({2:N0} records/s)' -f $lhrRow.MedianSeconds, $lhrRow.Records, $lhrRow.RecordsPerSecond)
}
elseif ($lhrRow) {
    Add-Target 'Test-LhrRecord under 5 s for 100,000 LHRs' $null ('measured on {0:N0} records only ({1:0.00} s); use -Records 200000 or more for 100,000 LHRs' -f $lhrRow.Records, $lhrRow.MedianSeconds)
}
else { Add-Target 'Test-LhrRecord under 5 s for 100,000 LHRs' $null 'not measured' }
if ($large -and -not $large.Failed) {
    Add-Target "Peak RSS <= 150 MB for Import-MarcFile | Export-MarcFile -Format MarcXml on a $LargeFileMB MB file" ($large.MaxRssMB -le 150) ('{0:0} MB max RSS ({1:N0} records, {2:0.0} s)' -f $large.MaxRssMB, $large.Records, $large.MedianSeconds)
}
else {
    Add-Target 'Peak RSS <= 150 MB for Import-MarcFile | Export-MarcFile on a 1 GB input' $null $(if ($LargeFileMB -eq 0) { 'skipped (-LargeFileMB 0)' } else { 'run failed' })
}

# Issue 15: the converter, deep parsing, the converter's memory, Import-Module's cost.
foreach ($d in $datasets) {
    $conv = Find-Row $d.Name 'pwsh' 'convert-marcxml'; $yaz = Find-Row $d.Name 'yaz' 'marcxml'; $core = Find-Row $d.Name 'core' 'convert-marcxml'
    $coreNote = if ($core -and $yaz) { '; core converter without PowerShell {0:0.00}×' -f ($core.RecordsPerSecond / $yaz.RecordsPerSecond) } else { '' }
    if ($conv -and $yaz) { Add-Target "[$($d.Name)] Convert-MarcFile -Format MarcXml >= 6× yaz-marcdump -o marcxml" ($conv.RecordsPerSecond -ge 6 * $yaz.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×, pwsh start-up and a real file included; CPU {3:0.00} s vs {4:0.00} s{5})' -f $conv.RecordsPerSecond, $yaz.RecordsPerSecond, ($conv.RecordsPerSecond / $yaz.RecordsPerSecond), $conv.CpuSeconds, $yaz.CpuSeconds, $coreNote) }
    else { Add-Target "[$($d.Name)] Convert-MarcFile -Format MarcXml >= 6× yaz-marcdump -o marcxml" $null 'not measured' }
    $deep = Find-Row $d.Name 'core' 'parse-deep'; $yazN = Find-Row $d.Name 'yaz' 'parse'
    if ($deep -and $yazN) { Add-Target "[$($d.Name)] core parse-deep >= 1.0× yaz-marcdump -n" ($deep.RecordsPerSecond -ge $yazN.RecordsPerSecond) ('{0:N0} vs {1:N0} rec/s ({2:0.00}×; CPU {3:0.00} s vs {4:0.00} s)' -f $deep.RecordsPerSecond, $yazN.RecordsPerSecond, ($deep.RecordsPerSecond / $yazN.RecordsPerSecond), $deep.CpuSeconds, $yazN.CpuSeconds) }
    else { Add-Target "[$($d.Name)] core parse-deep >= 1.0× yaz-marcdump -n" $null 'not measured' }
}
if ($largeConvert -and -not $largeConvert.Failed) {
    Add-Target "Peak RSS <= 150 MB for Convert-MarcFile -Format MarcXml on a $LargeFileMB MB file" ($largeConvert.MaxRssMB -le 150) ('{0:0} MB max RSS ({1:N0} records, {2:0.0} s)' -f $largeConvert.MaxRssMB, $largeConvert.Records, $largeConvert.MedianSeconds)
}
else { Add-Target 'Peak RSS <= 150 MB for Convert-MarcFile on a 1 GB input' $null $(if ($LargeFileMB -eq 0) { 'skipped (-LargeFileMB 0)' } else { 'not measured' }) }
$bare = @($script:Results | Where-Object { $_.Name -eq 'pwsh start-up (no module)' -and -not $_.Failed }) | Select-Object -First 1
$withModule = @($script:Results | Where-Object { $_.Name -eq 'pwsh start-up + Import-Module' -and -not $_.Failed }) | Select-Object -First 1
if ($bare -and $withModule) {
    $added = $withModule.MedianSeconds - $bare.MedianSeconds
    Add-Target 'Import-Module adds <= 0.2 s to a bare pwsh start' ($added -le 0.2) ('{0:0.00} s wall ({1:0.00} s vs {2:0.00} s), {3:0.00} s CPU ({4:0.00} s vs {5:0.00} s), max load average {6:0.0}' -f $added, $withModule.MedianSeconds, $bare.MedianSeconds, ($withModule.CpuSeconds - $bare.CpuSeconds), $withModule.CpuSeconds, $bare.CpuSeconds, [math]::Max($bare.MaxLoadAverage, $withModule.MaxLoadAverage))
}
else { Add-Target 'Import-Module adds <= 0.2 s to a bare pwsh start' $null 'not measured' }

$null = $md.AppendLine().AppendLine('## Targets').AppendLine()
foreach ($t in $targets) { $null = $md.AppendLine("- **$($t.Status)** $($t.Text): $($t.Detail)") }
if ($script:Notes.Count) {
    $null = $md.AppendLine().AppendLine('## Notes').AppendLine()
    foreach ($n in $script:Notes) { $null = $md.AppendLine("- $n") }
}
if ($script:Failures.Count) {
    $null = $md.AppendLine().AppendLine('## Failed commands').AppendLine()
    foreach ($f in $script:Failures) { $null = $md.AppendLine("- $f") }
}

$mdPath = Join-Path $ResultsPath "$stamp.md"
$jsonPath = Join-Path $ResultsPath "$stamp.json"
Set-Content -LiteralPath $mdPath -Value $md.ToString() -Encoding utf8
[pscustomobject]@{
    Timestamp = $stamp; Machine = @{ Cpu = $cpu; Cores = $cores; MemoryGB = $memGB }; Dotnet = "$([Environment]::Version)"; PowerShell = $PwshVersion
    Yaz = $yazVersion; MarcRecord = $perlVersion; Runs = $Runs; PerlRuns = $PerlCount
    Datasets = @($datasets | ForEach-Object { @{ Name = $_.Name; File = $_.Path; Stats = $_.Stats } })
    Results = $script:Results; Targets = $targets; Notes = $script:Notes; Failures = $script:Failures
} | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $jsonPath -Encoding utf8

Write-Host ''
Write-Host $md.ToString()
Write-Host "Results written to $mdPath (raw: $jsonPath)"
Write-Host ''
foreach ($t in $targets) {
    $color = switch ($t.Status) { 'PASS' { 'Green' } 'FAIL' { 'Red' } default { 'Yellow' } }
    Write-Host ("{0} {1}: {2}" -f $t.Status, $t.Text, $t.Detail) -ForegroundColor $color
}
if ($script:Failures.Count) {
    Write-Host "`n$($script:Failures.Count) benchmark command(s) failed." -ForegroundColor Red
    exit 1
}
exit 0

<#
.SYNOPSIS
    Runs the fuzzing targets (build.ps1 -Task Fuzz calls this). See docs/design/fuzzing.md.
.DESCRIPTION
    Each target runs for -Seconds with seeds from the repository (tests/OclcCataloging.Fuzz/seeds/<target>,
    samples/, the SRU fixtures) and, when present, ../shared/corpus and ../shared/fuzz-findings. Breaches are
    minimised and saved under <OutDir>/<target>/ (the input as .bin, the message as .txt); turn each into a
    regression input in tests/OclcCataloging.Core.Tests/Marc/Fuzz/Findings/ once fixed. Exit code 1 when a
    target found a breach.

    -Engine InProcess (default) mutates without coverage feedback and runs anywhere. -Engine Afl runs afl-fuzz
    (Debian afl++) over the SharpFuzz-instrumented core; afl's crashes are replayed through the same contract.
.EXAMPLE
    ./tests/OclcCataloging.Fuzz/Invoke-Fuzz.ps1 -Seconds 20
.EXAMPLE
    ./tests/OclcCataloging.Fuzz/Invoke-Fuzz.ps1 -Seconds 1800 -Target iso2709,marcxml -Engine Afl
#>
[CmdletBinding()]
param(
    [double] $Seconds = 20,
    [string[]] $Target = @(),
    [ValidateSet('InProcess', 'Afl')]
    [string] $Engine = 'InProcess',
    [string] $OutDir = (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'out/fuzz'),
    [int] $RandomSeed = 0
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = Split-Path (Split-Path $PSScriptRoot)
$shared = Join-Path (Split-Path $root) 'shared'
# afl needs the core instrumented, which the in-process engine must not load: one folder per engine
$bin = Join-Path $OutDir $(if ($Engine -eq 'Afl') { 'bin-afl' } else { 'bin' })

Write-Host "Publishing the fuzzing targets into $bin"
& dotnet publish (Join-Path $PSScriptRoot 'OclcCataloging.Fuzz.csproj') -c Release -o $bin --nologo -v q
if ($LASTEXITCODE -ne 0) { throw "dotnet publish of the fuzzing project failed ($LASTEXITCODE)." }
$driver = Join-Path $bin 'OclcCataloging.Fuzz.dll'

$all = @(& dotnet $driver list | ForEach-Object { ($_ -split "`t")[0] })
# "a,b" arrives as one string from pwsh -File
$requested = @($Target | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$names = @(if ($requested.Count -gt 0) { $requested } else { $all })
foreach ($n in $names) { if ($n -notin $all) { throw "Unknown fuzzing target '$n'. Known: $($all -join ', ')." } }

function Get-SeedPath([string] $Name) {
    $paths = @(
        (Join-Path $PSScriptRoot "seeds/$Name"),
        (Join-Path $root 'samples'),
        (Join-Path $root 'tests/OclcCataloging.Core.Tests/Search/Sru/Fixtures'),
        (Join-Path $root 'tests/OclcCataloging.Core.Tests/Marc/Fuzz/Findings')
    )
    if (Test-Path (Join-Path $shared 'corpus')) { $paths += Join-Path $shared 'corpus' }
    else { Write-Host "  (../shared/corpus is absent: seeds from the repository only)" }
    if (Test-Path (Join-Path $shared 'fuzz-findings')) { $paths += Join-Path $shared 'fuzz-findings' }
    $paths | Where-Object { Test-Path $_ }
}

$failed = @()
if ($Engine -eq 'Afl') {
    if (-not (Get-Command afl-fuzz -ErrorAction SilentlyContinue)) { throw 'afl-fuzz is not installed (Debian: apt-get install afl++); use -Engine InProcess.' }
    Write-Host 'Instrumenting OclcCataloging.Core.dll for afl (SharpFuzz)'
    & dotnet tool run sharpfuzz (Join-Path $bin 'OclcCataloging.Core.dll')
    if ($LASTEXITCODE -ne 0) { throw "sharpfuzz instrumentation failed ($LASTEXITCODE)." }
    $env:AFL_SKIP_BIN_CHECK = '1'; $env:AFL_SKIP_CPUFREQ = '1'; $env:AFL_NO_UI = '1'
    $env:AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES = '1'; $env:AFL_NO_AFFINITY = '1'
}

foreach ($name in $names) {
    $targetOut = Join-Path $OutDir $name
    $seedPaths = @(Get-SeedPath $name)
    if ($Engine -eq 'InProcess') {
        $arguments = @('run', $name, [string]$Seconds) + $seedPaths + @('--out', $targetOut)
        if ($RandomSeed -ne 0) { $arguments += @('--seed', [string]$RandomSeed) }
        & dotnet $driver @arguments
        if ($LASTEXITCODE -ne 0) { $failed += $name }
        continue
    }

    # afl wants one folder of small seed files
    $in = Join-Path $targetOut 'afl-in'
    $findings = Join-Path $targetOut 'afl-out'
    foreach ($d in @($in, $findings)) { if (Test-Path $d) { Remove-Item $d -Recurse -Force }; $null = New-Item -ItemType Directory $d }
    & dotnet $driver seeds $name $in @seedPaths
    if ($LASTEXITCODE -ne 0) { throw "Collecting the seeds of '$name' failed." }
    & afl-fuzz -i $in -o $findings -x (Join-Path $PSScriptRoot 'marc.dict') -t 10000 -m none -V ([int][math]::Ceiling($Seconds)) -- dotnet $driver afl $name
    $crashes = @(Get-ChildItem (Join-Path $findings 'default/crashes'), (Join-Path $findings 'default/hangs') -File -ErrorAction SilentlyContinue | Where-Object Name -ne 'README.txt')
    if ($crashes.Count -gt 0) {
        Write-Host "$name`: afl found $($crashes.Count) crash(es) or hang(s); replaying them"
        & dotnet $driver replay $name @($crashes.FullName)
        $failed += $name
    }
    else {
        Write-Host "$name`: afl found nothing in $Seconds s"
    }
}

if ($failed.Count -gt 0) {
    Write-Host "Breaches in: $($failed -join ', ') (inputs and messages under $OutDir)"
    exit 1
}
Write-Host "No breach in $($names.Count) target(s), $Seconds s each ($Engine)."

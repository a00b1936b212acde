<#
.SYNOPSIS
    Runs the Pester suite of OclcCataloging against a built module, in this (fresh) PowerShell process.
.DESCRIPTION
    Imports Pester from -PesterPath, runs every tests/Pester/*.Tests.ps1 against the module at -ModulePath and
    writes {"Passed":n,"Failed":n,"Skipped":n} to -ResultPath. Failed also counts blocks and containers that
    failed (a BeforeAll or a whole file that could not run). Prints "N passed, N failed, N skipped" last and
    exits 1 when anything failed.

    The tests read the module path from $env:OCLC_MODULE_PATH and the other Polly.Core (for the dependency
    isolation test) from $env:OCLC_OTHER_POLLY_PATH and the simulators from $env:OCLC_SIMULATORS; this script sets them.
    build.ps1 -Task Test runs it in a fresh process, since a loaded module assembly cannot be unloaded.
.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-PesterSuite.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1 -PesterPath <nuget>/pester/5.7.1/tools/Pester.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,

    [Parameter(Mandatory)]
    [string] $PesterPath,

    # Polly.Core of another version, loaded first by DependencyIsolation.Tests.ps1.
    [string] $OtherPollyPath,

    # OclcCataloging.Simulators.dll (WorldCat and id.loc.gov simulators), for the Invoke-BatchSearch tests.
    [string] $SimulatorsPath,

    # Where to write the JSON counts; nothing is written when omitted.
    [string] $ResultPath,

    # Run only the tests whose full name matches (Pester -FullNameFilter), e.g. '*Append*'.
    [string[]] $FullNameFilter,

    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Verbosity = 'Detailed'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Write-Result([int] $Passed, [int] $Failed, [int] $Skipped, [object[]] $Failures = @()) {
    if ($ResultPath) {
        $folder = Split-Path -Parent $ResultPath
        if ($folder -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder -Force }
        [ordered]@{ Passed = $Passed; Failed = $Failed; Skipped = $Skipped; Failures = @($Failures) } | ConvertTo-Json -Compress -Depth 4 |
            Set-Content -LiteralPath $ResultPath -Encoding utf8
    }
    Write-Host ('{0} passed, {1} failed, {2} skipped' -f $Passed, $Failed, $Skipped)
}

try {
    $env:OCLC_MODULE_PATH = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $env:OCLC_OTHER_POLLY_PATH = if ($OtherPollyPath) { (Resolve-Path -LiteralPath $OtherPollyPath).ProviderPath } else { '' }
    $env:OCLC_SIMULATORS = if ($SimulatorsPath) { (Resolve-Path -LiteralPath $SimulatorsPath).ProviderPath } else { '' }
    Import-Module -Name $PesterPath -Force -ErrorAction Stop

    $config = New-PesterConfiguration
    $config.Run.Path = @(Join-Path $PSScriptRoot '*.Tests.ps1')
    $config.Run.PassThru = $true
    $config.Output.RenderMode = 'Plaintext'
    $config.Output.Verbosity = $Verbosity
    if ($FullNameFilter) { $config.Filter.FullName = $FullNameFilter }
    if ($ResultPath) {
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')
    }

    $result = Invoke-Pester -Configuration $config
}
catch {
    Write-Host "The Pester suite could not run: $($_.Exception.Message)"
    Write-Result 0 1 0
    exit 1
}

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
# Anything else that kept the run from passing (e.g. a discovery error) still counts as one failure.
if ($failed -eq 0 -and $result.Result -ne 'Passed') { $failed = 1 }
# Each failed test with the first lines of its error, for build.ps1 to name beside the totals.
$failures = @(foreach ($t in @($result.Failed)) {
        $lines = @(@($t.ErrorRecord | ForEach-Object { "$_" }) -join "`n" -split "`r?`n" | Select-Object -First 6)
        [ordered]@{ Test = $t.ExpandedPath; Outcome = 'Failed'; Message = $lines -join "`n      " }
    })
Write-Result $result.PassedCount $failed $result.SkippedCount $failures
if ($failed -gt 0) { exit 1 }
exit 0

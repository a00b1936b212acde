<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and installs the OclcCataloging module.
.DESCRIPTION
    Build   assembles an importable module folder in out/OclcCataloging (net8.0 build for PowerShell 7.4+,
            net472 build for Windows PowerShell 5.1, each with its isolated Dependencies folder).
    Test    builds, runs the xunit projects (listed in $XunitProjects) and the Pester suite (in a fresh PowerShell
            process) and ends with one line "N passed, N failed, N skipped" summing all. Exits 1 when anything failed.
    Demo    builds, then runs a realistic pipeline on the sample records in samples/.
    Bench   builds, then runs the benchmark harness in bench/ (needs yaz and Perl MARC::Record for the
            reference figures).
    Install builds, then copies the module into your user module folder (-Edition Core or Desktop).
    Fuzz    runs every fuzzing target for -Seconds (tests/OclcCataloging.Fuzz/Invoke-Fuzz.ps1; -FuzzTarget,
            -FuzzEngine InProcess|Afl); breaches are saved minimised under out/fuzz. Exits 1 on a breach.
    Package builds, then writes out/package/OclcCataloging.<ModuleVersion>.nupkg (both editions' binaries, help,
            formats, types) for Install-PSResource / Install-Module from a local or internal repository.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Install', 'Package', 'Fuzz', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # For Install: which PowerShell's user module folder to copy into.
    [ValidateSet('Core', 'Desktop')]
    [string] $Edition = $(if ($PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }),

    # For Bench: extra arguments passed to bench/Invoke-Benchmark.ps1 (e.g. @{ Records = 50000 }).
    [hashtable] $BenchParameters = @{},

    # For Fuzz: seconds per target, which targets (default all), and the engine (InProcess or Afl).
    [double] $Seconds = 20,
    [string[]] $FuzzTarget = @(),
    [ValidateSet('InProcess', 'Afl')]
    [string] $FuzzEngine = 'InProcess'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
# OCLC_OUT lets parallel builds in one tree use separate output folders.
$OutRoot = if ($env:OCLC_OUT) { $env:OCLC_OUT } else { Join-Path $Root 'out' }
$ModuleOut = Join-Path $OutRoot 'OclcCataloging'
$ResultsDir = Join-Path $OutRoot 'test-results'

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-ModuleBuild {
    Write-Host "Building OclcCataloging ($Configuration) into $ModuleOut"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleOut -Force

    $cmdlets = Join-Path $Root 'src/OclcCataloging/OclcCataloging.csproj'
    $polly = Join-Path $Root 'src/OclcCataloging.Polly/OclcCataloging.Polly.csproj'
    $sftp = Join-Path $Root 'src/OclcCataloging.Sftp/OclcCataloging.Sftp.csproj'
    # Module framework => framework of the isolated Polly and SSH.NET adapters published into its Dependencies folder.
    $frameworks = [ordered]@{ 'net8.0' = 'net8.0'; 'net472' = 'netstandard2.0' }
    foreach ($framework in $frameworks.Keys) {
        $bin = Join-Path $ModuleOut "bin/$framework"
        Invoke-Native dotnet @('publish', $cmdlets, '-c', $Configuration, '-f', $framework, '-o', $bin, '--nologo', '-v', 'quiet')
        Invoke-Native dotnet @('publish', $polly, '-c', $Configuration, '-f', $frameworks[$framework], '-o', (Join-Path $bin 'Dependencies'), '--nologo', '-v', 'quiet')
        Invoke-Native dotnet @('publish', $sftp, '-c', $Configuration, '-f', $frameworks[$framework], '-o', (Join-Path $bin 'Dependencies'), '--nologo', '-v', 'quiet')
        # The core is shared with the default load context: it must not also sit in Dependencies.
        Get-ChildItem (Join-Path $bin 'Dependencies') -Filter 'OclcCataloging.Core.*' | Remove-Item -Force
        Get-ChildItem $bin -Recurse -Filter '*.deps.json' | Remove-Item -Force
    }

    Copy-Item (Join-Path $Root 'OclcCataloging.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse -Force
    Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Root 'CHANGELOG.md') $ModuleOut

    # Cmdlet help (MAML) from docs/help/*.md plus the built cmdlets' metadata. A separate process imports the
    # module, so this one never locks the module's DLL.
    Push-Location $Root
    try {
        Invoke-Native dotnet @('pwsh', '-NoLogo', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tools/New-MamlHelp.ps1'),
            '-ModulePath', (Join-Path $ModuleOut 'OclcCataloging.psd1'), '-SourcePath', (Join-Path $Root 'docs/help'),
            '-OutputPath', (Join-Path $ModuleOut 'en-US/OclcCataloging.dll-Help.xml'))
    }
    finally { Pop-Location }
    Write-Host "Module ready: $ModuleOut"
}

function Get-NuGetPackagesFolder {
    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals failed.' }
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Restore-TestTools {
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tools/pester/pester.csproj'), '--nologo', '-v', 'quiet')
    $packages = Get-NuGetPackagesFolder
    return [pscustomobject]@{
        Pester = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
        OtherPolly = Join-Path $packages 'polly.core/8.4.2/lib/netstandard2.0/Polly.Core.dll'
    }
}

function Read-Trx([string] $Path) { [xml] (Get-Content -LiteralPath $Path -Raw) }

# The message of a test result (a skip's reason, a failure's assertion), or $null.
function Get-TrxMessage($Result) {
    $message = $Result.SelectSingleNode("*[local-name()='Output']/*[local-name()='ErrorInfo']/*[local-name()='Message']")
    if ($message) { $message.InnerText.Trim() } else { $null }
}

function Read-TrxCounts([xml] $Trx) {
    $c = $Trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int] $c.passed
        Failed  = [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
        # xunit's skipped tests are counted as not executed: total - executed.
        Skipped = [int] $c.total - [int] $c.executed
    }
}

# Skipped xunit tests with their reasons (e.g. ../shared/corpus or yaz-marcdump absent), so a skip is never silent.
function Write-TrxSkips([xml] $Trx) {
    $skipped = @($Trx.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -eq 'NotExecuted' })
    if ($skipped.Count -eq 0) { return }
    Write-Host "Skipped xunit tests ($($skipped.Count)):"
    foreach ($t in $skipped) {
        $reason = Get-TrxMessage $t
        Write-Host ('  {0}: {1}' -f $t.testName, $(if ($reason) { $reason } else { '(no reason given)' }))
    }
}

# Failed xunit tests with the first lines of their message, kept for the end of the run so a failure is named
# beside the totals and not only far up in the console output.
function Get-TrxFailures([xml] $Trx) {
    foreach ($t in @($Trx.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -notin @('Passed', 'NotExecuted') })) {
        $message = Get-TrxMessage $t
        $lines = if ($message) { @($message -split "`r?`n" | Select-Object -First 6) } else { @('(no message)') }
        [pscustomobject]@{ Test = $t.testName; Outcome = $t.outcome; Message = $lines -join "`n      " }
    }
}

# The loopback WorldCat and id.loc.gov simulators, run as processes by the Pester tests, the README and the benchmark.
function Build-Simulators {
    $out = Join-Path $OutRoot 'simulators'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'tests/OclcCataloging.Simulators/OclcCataloging.Simulators.csproj'), '-c', $Configuration, '-o', $out, '--nologo', '-v', 'quiet')
    return Join-Path $out 'OclcCataloging.Simulators.dll'
}

function Test-TcpPort([string] $HostName, [int] $Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { return $client.ConnectAsync($HostName, $Port).Wait(1000) }
    catch { return $false }
    finally { $client.Dispose() }
}

# The Zebra SRU test server (tests/peers/zebra) for the SRU integration tests, at OCLC_ZEBRA_SRU
# (default http://127.0.0.1:21210/Default). Started here when zebrasrv is installed and nothing answers on the
# port; returns its working folder so the caller stops only what it started. Without zebrasrv the tests skip.
function Start-ZebraTestServer {
    if (-not $env:OCLC_ZEBRA_SRU) { $env:OCLC_ZEBRA_SRU = 'http://127.0.0.1:21210/Default' }
    $uri = [Uri] $env:OCLC_ZEBRA_SRU
    if (Test-TcpPort $uri.Host $uri.Port) { Write-Host "Zebra SRU test server: using the one answering at $uri"; return $null }
    if (-not (Get-Command zebrasrv -ErrorAction SilentlyContinue) -or -not (Get-Command bash -ErrorAction SilentlyContinue)) {
        Write-Host 'Zebra SRU test server: zebrasrv is not installed (Debian package idzebra-2.0); its tests will be skipped.'
        return $null
    }
    if ($uri.Host -notin @('127.0.0.1', 'localhost')) { Write-Host "Zebra SRU test server: $uri does not answer; its tests will be skipped."; return $null }
    $work = Join-Path $OutRoot 'zebra'
    & bash (Join-Path $Root 'tests/peers/zebra/start-zebra.sh') $work $uri.Port | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Host "Zebra SRU test server did not start (see $work/log); its tests will be skipped."; return $null }
    return $work
}

function Stop-ZebraTestServer([string] $Work) {
    if ($Work) { & bash (Join-Path $Root 'tests/peers/zebra/stop-zebra.sh') $Work | Out-Host }
}

# The SFTP test server (tests/peers/sftp: OpenSSH sshd on 127.0.0.1, chrooted, laid out like OCLC's folders) for the
# data sync transfer tests. OCLC_SFTP_TEST names its env file (user, password, port, key, host key fingerprint); when
# that file's server answers it is used, otherwise one is started here (needs openssh-server and root) and stopped
# after. Without it the tests skip with the reason.
function Start-SftpTestServer {
    if ($env:OCLC_SFTP_TEST -and (Test-Path $env:OCLC_SFTP_TEST)) {
        $portLine = Get-Content $env:OCLC_SFTP_TEST | Where-Object { $_ -like 'PORT=*' } | Select-Object -First 1
        if ($portLine -and (Test-TcpPort '127.0.0.1' ([int] $portLine.Substring(5)))) { Write-Host "SFTP test server: using the one in $env:OCLC_SFTP_TEST"; return $null }
    }
    if (-not (Get-Command bash -ErrorAction SilentlyContinue) -or -not (Test-Path '/usr/sbin/sshd')) {
        Write-Host 'SFTP test server: sshd is not installed (Debian package openssh-server); its tests will be skipped.'
        return $null
    }
    if (Test-TcpPort '127.0.0.1' 22220) { Write-Host 'SFTP test server: 127.0.0.1:22220 is in use by another program and OCLC_SFTP_TEST names no env file; its tests will be skipped.'; return $null }
    $work = Join-Path $OutRoot 'sftp'
    & bash (Join-Path $Root 'tests/peers/sftp/start-sftp.sh') $work 22220 | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Host "SFTP test server did not start (see $work/sshd.log); its tests will be skipped."; return $null }
    $env:OCLC_SFTP_TEST = Join-Path $work 'env'
    return $work
}

function Stop-SftpTestServer([string] $Work) {
    if ($Work) { & bash (Join-Path $Root 'tests/peers/sftp/stop-sftp.sh') $Work | Out-Host }
}

# The xunit projects build.ps1 -Task Test runs, each counted in the final line. The core tests run twice: against
# the net8.0 core (PowerShell 7) and the netstandard2.0 core (Windows PowerShell 5.1), for its #else branches.
$XunitProjects = @(
    'tests/OclcCataloging.Core.Tests/OclcCataloging.Core.Tests.csproj'
    'tests/OclcCataloging.Core.Tests.NetStandard/OclcCataloging.Core.Tests.NetStandard.csproj'
    'tests/OclcCataloging.Module.Tests/OclcCataloging.Module.Tests.csproj'
)

# Runs one xunit project; returns its name and counts (a project that produced no results counts as 1 failure).
function Invoke-XunitProject([string] $Project) {
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Project)
    Write-Host "`n=== xunit: $name ==="
    $trx = Join-Path $ResultsDir "$name.trx"
    & dotnet test (Join-Path $Root $Project) -c $Configuration --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=normal' --results-directory $ResultsDir | Out-Host
    if (Test-Path $trx) {
        $results = Read-Trx $trx
        Write-TrxSkips $results
        return [pscustomobject]@{ Name = $name; Counts = Read-TrxCounts $results; Failures = @(Get-TrxFailures $results) }
    }
    Write-Host "$name did not produce results (build or test host failure): counted as 1 failure."
    return [pscustomobject]@{ Name = $name; Counts = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
}

function Invoke-Tests {
    Invoke-ModuleBuild
    $tools = Restore-TestTools
    $simulators = Build-Simulators
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ResultsDir -Force
    $suites = [System.Collections.Generic.List[object]]::new()

    # Zebra serves both suites (the SRU tests in xunit, the Invoke-BatchSearch tests in Pester).
    $zebra = Start-ZebraTestServer
    $sftp = Start-SftpTestServer
    try {
        foreach ($project in $XunitProjects) {
            $suites.Add((Invoke-XunitProject $project))
        }

        Write-Host "`n=== Pester (fresh PowerShell process) ==="
        $pesterJson = Join-Path $ResultsDir 'pester.json'
        & dotnet pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1') `
            -ModulePath (Join-Path $ModuleOut 'OclcCataloging.psd1') -PesterPath $tools.Pester -OtherPollyPath $tools.OtherPolly `
            -SimulatorsPath $simulators -ResultPath $pesterJson
        if (Test-Path $pesterJson) {
            $pester = Get-Content $pesterJson -Raw | ConvertFrom-Json
            $pesterFailures = if ($pester.PSObject.Properties['Failures']) { @($pester.Failures) } else { @() }
            $suites.Add([pscustomobject]@{ Name = 'Pester'; Counts = $pester; Failures = $pesterFailures })
        }
        else {
            $suites.Add([pscustomobject]@{ Name = 'Pester'; Counts = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } })
            Write-Host 'Pester did not produce results (discovery or start-up failure): counted as 1 failure.'
        }
    }
    finally {
        Stop-ZebraTestServer $zebra
        Stop-SftpTestServer $sftp
    }

    $passed = 0; $failed = 0; $skipped = 0
    Write-Host ''
    foreach ($s in $suites) {
        if (-not $s.PSObject.Properties['Failures']) { continue }
        foreach ($f in $s.Failures) { Write-Host ('FAILED {0}: {1} ({2})' -f $s.Name, $f.Test, $f.Outcome); Write-Host ('      ' + $f.Message) }
    }
    foreach ($s in $suites) {
        Write-Host ('{0,-40} {1} passed, {2} failed, {3} skipped' -f $s.Name, $s.Counts.Passed, $s.Counts.Failed, $s.Counts.Skipped)
        $passed += $s.Counts.Passed; $failed += $s.Counts.Failed; $skipped += $s.Counts.Skipped
    }
    Write-Host ('{0} passed, {1} failed, {2} skipped' -f $passed, $failed, $skipped)
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-ModuleBuild
    Write-Host ''
    Invoke-Native dotnet @('pwsh', '-NoLogo', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'samples/Invoke-Demo.ps1'), '-ModulePath', (Join-Path $ModuleOut 'OclcCataloging.psd1'))
}

function Invoke-Bench {
    Invoke-ModuleBuild
    $simulators = Build-Simulators
    $argsList = @('pwsh', '-NoLogo', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'bench/Invoke-Benchmark.ps1'), '-ModulePath', (Join-Path $ModuleOut 'OclcCataloging.psd1'), '-SimulatorsPath', $simulators)
    foreach ($k in $BenchParameters.Keys) { $argsList += @("-$k", "$($BenchParameters[$k])") }
    Invoke-Native dotnet $argsList
}

function Install-BuiltModule {
    Invoke-ModuleBuild
    $documents = [Environment]::GetFolderPath('MyDocuments')
    if ($Edition -eq 'Desktop') {
        $base = Join-Path $documents 'WindowsPowerShell/Modules'
    }
    elseif ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        $base = Join-Path $documents 'PowerShell/Modules'
    }
    else {
        $base = Join-Path $HOME '.local/share/powershell/Modules'
    }
    $version = (Import-PowerShellDataFile (Join-Path $Root 'OclcCataloging.psd1')).ModuleVersion
    $target = Join-Path $base "OclcCataloging/$version"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $target -Force
    Copy-Item (Join-Path $ModuleOut '*') $target -Recurse
    Write-Host "Installed OclcCataloging $version to $target"
}

# The .nupkg that PSResourceGet and PowerShellGet install; its version is the manifest's (Compress-PSResource reads it).
function New-ModulePackage {
    Invoke-ModuleBuild
    $packageOut = Join-Path $OutRoot 'package'
    if (Test-Path $packageOut) { Remove-Item $packageOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $packageOut -Force
    Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.1.0 -ErrorAction Stop
    Compress-PSResource -Path $ModuleOut -DestinationPath $packageOut
    $package = Get-ChildItem $packageOut -Filter 'OclcCataloging.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Compress-PSResource wrote no package into $packageOut." }
    Write-Host "Package ready: $($package.FullName)"
}

switch ($Task) {
    'Clean' { foreach ($p in @($OutRoot, (Join-Path $Root 'artifacts'))) { if (Test-Path $p) { Remove-Item $p -Recurse -Force } } }
    'Build' { Invoke-ModuleBuild }
    'Test' { Invoke-Tests }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Install' { Install-BuiltModule }
    'Package' { New-ModulePackage }
    'Fuzz' {
        & (Join-Path $Root 'tests/OclcCataloging.Fuzz/Invoke-Fuzz.ps1') -Seconds $Seconds -Target $FuzzTarget -Engine $FuzzEngine -OutDir (Join-Path $OutRoot 'fuzz')
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
}

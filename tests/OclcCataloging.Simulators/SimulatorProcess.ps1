# Starts and stops the loopback simulators (worldcat, idloc) as separate processes. Dot-sourced by the Pester
# helpers and the benchmark. The simulator prints "Listening on http://127.0.0.1:PORT/" once it accepts requests.

function Start-Simulator {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string[]] $ArgumentList = @(),
        [string] $SimulatorsPath = $env:OCLC_SIMULATORS
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($SimulatorsPath, $Name, '--port', '0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    while ($null -ne ($line = $process.StandardOutput.ReadLine())) {
        if ($line -match 'Listening on (\S+)') {
            return [pscustomobject]@{ Process = $process; BaseAddress = [Uri] $Matches[1] }
        }
    }
    $err = $process.StandardError.ReadToEnd()
    try { $process.Kill() } catch { }
    throw "Simulator '$Name' did not start: $err"
}

function Stop-Simulator {
    param($Simulator)
    if ($Simulator -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill()
        $null = $Simulator.Process.WaitForExit(5000)
    }
}

# The worldcat simulator's test hooks (/simulator/…, see WorldCat/README.md): its request log, its holdings, and faults queued
# while it runs. Each request entry has time, method, path, query, status, oclcNumber, institution, outcome and applied.
function Get-SimulatorRequest {
    param([Parameter(Mandatory)] $Simulator, [switch] $Clear)
    $uri = [Uri]::new($Simulator.BaseAddress, 'simulator/requests')
    if ($Clear) { $null = Invoke-RestMethod -Method Delete -Uri $uri; return }
    # -NoEnumerate is not in Windows PowerShell 5.1: Invoke-RestMethod already returns the array's items.
    Invoke-RestMethod -Method Get -Uri $uri | ForEach-Object { $_ }
}

function Get-SimulatorHoldings {
    param([Parameter(Mandatory)] $Simulator, [string] $Institution)
    $relative = if ($Institution) { "simulator/holdings?institution=$Institution" } else { 'simulator/holdings' }
    Invoke-RestMethod -Method Get -Uri ([Uri]::new($Simulator.BaseAddress, $relative))
}

function Add-SimulatorFault {
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $Kind,
        [string] $Number,
        [string] $PathContains,
        [int] $Times = 0
    )
    $target = if ($Number) { 'number=' + [Uri]::EscapeDataString($Number) } else { 'path=' + [Uri]::EscapeDataString($PathContains) }
    $uri = [Uri]::new($Simulator.BaseAddress, "simulator/faults?$target&kind=$([Uri]::EscapeDataString($Kind))&times=$Times")
    $null = Invoke-RestMethod -Method Post -Uri $uri
}

# Back to the seeded holdings and LHRs, with an empty request log (queued faults and issued tokens are kept).
function Reset-Simulator {
    param([Parameter(Mandatory)] $Simulator)
    $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($Simulator.BaseAddress, 'simulator/reset'))
}

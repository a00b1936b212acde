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

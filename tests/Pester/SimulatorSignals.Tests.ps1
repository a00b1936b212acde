# The test simulators run in the background from a shell (the README demo, the benchmark, a developer's terminal):
# SIGTERM and SIGINT must stop them. A background job of a non-interactive shell starts with SIGINT ignored, and the
# web host's own handling of both signals stops the host but not the process, so this is run exactly that way:
# `sh -c 'dotnet ... &'`, then the signal, then the process must be gone within a bounded wait. Linux/macOS only.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
    $script:NoPosix = $IsWindows -or -not (Get-Command -Name sh, kill -CommandType Application -ErrorAction SilentlyContinue)
}

Describe 'Simulators started in the background' -Skip:($script:NoSimulators -or $script:NoPosix) {
    It 'SIG<_> stops a worldcat simulator' -ForEach 'TERM', 'INT' {
        $signal = $_
        $log = Join-Path $TestDrive "sim-$signal.log"
        # The background job's process id is printed by the shell; the simulator prints its address once it listens.
        $simulatorPid = [int] (sh -c "dotnet '$env:OCLC_SIMULATORS' worldcat --port 0 > '$log' 2>&1 & echo `$!")
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline -and -not (Select-String -LiteralPath $log -Pattern 'Listening on' -Quiet -ErrorAction SilentlyContinue)) {
                Start-Sleep -Milliseconds 200
            }
            Get-Content -LiteralPath $log -Raw | Should -Match 'Listening on'
            $process = Get-Process -Id $simulatorPid -ErrorAction Stop

            kill "-$signal" $simulatorPid
            $process.WaitForExit(15000) | Should -BeTrue -Because "SIG$signal must stop the simulator"
        }
        finally {
            if (Get-Process -Id $simulatorPid -ErrorAction SilentlyContinue) { kill -KILL $simulatorPid }
        }
    }
}

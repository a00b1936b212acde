# Batch runs killed at any point (issue 18, faults): a child pwsh runs the cmdlet against the WorldCat simulator and
# is killed at several points; after each kill the state file parses, and no later run sends a key again that the
# state file held when the run was killed (a finished key, or a write noted as on the wire). Skips when the
# simulators were not built.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:ModuleFile = (Resolve-Path -LiteralPath $script:ModulePath).ProviderPath
    $script:Pwsh = @(Get-PwshCommand)
    $script:Credential = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'simulator-secret' -AsPlainText -Force))

    # The child: one batch run with -Resume (a new run when there is no state file yet).
    $script:Child = Join-Path $TestDrive 'child.ps1'
    Set-Content -LiteralPath $script:Child -Value @'
param([string] $Module, [string] $Kind, [string] $Keys, [string] $Report, [string] $Base)
Import-Module $Module
$credential = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'simulator-secret' -AsPlainText -Force))
$p = @{ Credential = $credential; RequestsPerSecond = 0; BaseAddress = [Uri]::new([Uri] $Base, 'worldcat'); TokenAddress = [Uri]::new([Uri] $Base, 'token') }
if ($Kind -eq 'Search') { $null = Invoke-BatchSearch -LiteralPath $Keys -Target WorldCat -ReportPath $Report -Resume @p -ErrorAction SilentlyContinue }
else { $null = Get-Content -LiteralPath $Keys | Add-WorldCatHolding -ReportPath $Report -Resume @p -ErrorAction SilentlyContinue }
'@

    # The rows of a state file as a resumed run loads them: the header record checked, a last row without its line
    # end dropped (a kill mid-append). Throws when the file does not parse.
    function Read-StateRow([string] $Path) {
        $text = [System.IO.File]::ReadAllText($Path)
        $lines = @($text -split "`r`n")
        if (-not $text.EndsWith("`r`n")) { $lines = @($lines | Select-Object -SkipLast 1) }
        $lines = @($lines | Where-Object { $_ })
        $lines[0] | Should -Match '^OclcCatalogingBatchState,1,' -Because "$Path must start with its header record"
        @($lines | Select-Object -Skip 1 | ConvertFrom-Csv)
    }

    # Starts the child, waits until the simulator logged $After more requests matching $Sent (0: until the state
    # file exists), kills it, and returns what the state file held and where the request log stood.
    function Invoke-KilledRun([string] $Kind, [string] $Keys, [string] $Report, $Simulator, [scriptblock] $Sent, [int] $After) {
        $before = @(Get-SimulatorRequest -Simulator $Simulator | Where-Object $Sent).Count
        $arguments = @($script:Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script:Child,
            '-Module', $script:ModuleFile, '-Kind', $Kind, '-Keys', $Keys, '-Report', $Report, '-Base', $Simulator.BaseAddress.AbsoluteUri)
        $errors = Join-Path $TestDrive "child-$Kind-$After.err"
        $child = Start-Process -FilePath $script:Pwsh[0] -ArgumentList $arguments -PassThru -RedirectStandardError $errors -RedirectStandardOutput "$errors.out"
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        do {
            Start-Sleep -Milliseconds 50
            $now = if ($After -eq 0) { [int] (Test-Path -LiteralPath "$Report.state") } else { @(Get-SimulatorRequest -Simulator $Simulator | Where-Object $Sent).Count - $before }
        } until ($now -ge [Math]::Max(1, $After) -or $child.HasExited -or [DateTime]::UtcNow -gt $deadline)
        $child.HasExited | Should -BeFalse -Because "the run must still be going when it is killed (after $After requests; it wrote: $(Get-Content -Raw $errors))"
        $child.Kill()
        $child.WaitForExit()
        Start-Sleep -Milliseconds 200 # the simulator logs a request once its answer is out
        [pscustomobject]@{
            After = $After
            Logged = @(Get-SimulatorRequest -Simulator $Simulator).Count
            Held = @(Read-StateRow "$Report.state")
        }
    }

    # Keys sent again after a kill although the state file held them then.
    function Get-RepeatedKey($Kills, $Simulator, [scriptblock] $KeyOf, [string] $Column) {
        $log = @(Get-SimulatorRequest -Simulator $Simulator)
        foreach ($kill in $Kills) {
            $held = @($kill.Held | ForEach-Object { $_.$Column })
            foreach ($request in ($log | Select-Object -Skip $kill.Logged)) {
                $key = & $KeyOf $request
                if ($key -and $key -in $held) { "$key (sent again after the kill at $($kill.After))" }
            }
        }
    }
}

Describe 'A batch run killed at any point' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--latency-ms', '120'
    }
    AfterAll { Stop-Simulator $script:Sim }

    It 'Add-WorldCatHolding: the state file parses after each kill and -Resume never sends a noted key again' {
        $numbers = @(300000101..300000124 | ForEach-Object { "$_" })
        $keys = Join-Path $TestDrive 'set.txt'
        Set-Content -LiteralPath $keys -Value $numbers
        $report = Join-Path $TestDrive 'set.csv'
        $sent = { $_.method -eq 'POST' -and $_.path -like '*/holdings/*/set' }

        $kills = @(foreach ($after in 0, 2, 5, 9) { Invoke-KilledRun -Kind Holding -Keys $keys -Report $report -Simulator $script:Sim -Sent $sent -After $after })
        $final = @($numbers | Add-WorldCatHolding -Credential $script:Credential -RequestsPerSecond 0 -ReportPath $report -Resume -ErrorAction SilentlyContinue `
                -BaseAddress ([Uri]::new($script:Sim.BaseAddress, 'worldcat')) -TokenAddress ([Uri]::new($script:Sim.BaseAddress, 'token')))

        $final.Count | Should -BeGreaterThan 0
        Get-RepeatedKey $kills $script:Sim { param($r) if ($r.method -eq 'POST' -and $r.path -match '/holdings/(\d+)/set$') { $Matches[1] } } 'Input' | Should -BeNullOrEmpty
        # every number was sent at most once over all the runs, and the report has each once, Done or Unknown
        $perNumber = @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object $sent | Group-Object { $_.path })
        @($perNumber | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty
        $rows = @(Import-Csv -LiteralPath $report)
        $rows.Input | Should -Be $numbers
        @($rows | Where-Object Status -notin 'Done', 'Unknown' | ForEach-Object Status) | Should -BeNullOrEmpty
        Test-Path "$report.state" | Should -BeFalse
    }

    It 'Invoke-BatchSearch: the state file parses after each kill and -Resume never searches a finished key again' {
        $numbers = @(1..24 | ForEach-Object { '{0:D9}' -f (500000000 + $_) })
        $keys = Join-Path $TestDrive 'search.txt'
        Set-Content -LiteralPath $keys -Value ($numbers | ForEach-Object { "#$_" })
        $report = Join-Path $TestDrive 'search.csv'
        # an OCN key is read as the record itself (GET /manage/bibs/{ocn})
        $sent = { $_.method -eq 'GET' -and $_.path -match '/manage/bibs/5\d{8}$' }
        $keyOf = { param($r) if ($r.method -eq 'GET' -and $r.path -match '/manage/bibs/(5\d{8})$') { '#' + $Matches[1] } }

        $kills = @(foreach ($after in 0, 3, 7) { Invoke-KilledRun -Kind Search -Keys $keys -Report $report -Simulator $script:Sim -Sent $sent -After $after })
        $null = Invoke-BatchSearch -LiteralPath $keys -Target WorldCat -ReportPath $report -Resume -Credential $script:Credential -RequestsPerSecond 0 `
            -BaseAddress ([Uri]::new($script:Sim.BaseAddress, 'worldcat')) -TokenAddress ([Uri]::new($script:Sim.BaseAddress, 'token')) -ErrorAction SilentlyContinue

        @($kills | Where-Object { $_.Held.Count -gt 0 }).Count | Should -BeGreaterThan 0 -Because 'some kill must come after finished keys'
        Get-RepeatedKey $kills $script:Sim $keyOf 'Key' | Should -BeNullOrEmpty
        $rows = @(Import-Csv -LiteralPath $report)
        $rows.Key | Should -Be ($numbers | ForEach-Object { "#$_" })
        Test-Path "$report.state" | Should -BeFalse
    }
}

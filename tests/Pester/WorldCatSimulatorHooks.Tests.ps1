# The WorldCat simulator run as a process: seeds and faults from its command line, and the PowerShell helpers of
# SimulatorProcess.ps1 that read its request log and holdings and queue faults while it runs (what the record-action
# tests build on). Skips when the simulators were not built.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Invoke-SimulatorApi([string] $Method, [string] $Relative) {
        try {
            Invoke-RestMethod -Method $Method -Uri ([Uri]::new($script:Sim.BaseAddress, "worldcat/$Relative")) -Headers @{ Authorization = "Bearer $script:Token" }
        }
        catch { [pscustomobject]@{ Failed = $_.Exception.Message } }
    }
}

Describe 'WorldCat simulator seeds, faults and inspection helpers' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--held-with-lhr', '300000001-300000003', '--held', '300000004',
            '--number-fault', '300000002=lost*1', '--number-fault', '300000003=500', '--merge', '400000004=300000004'
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('simulator-client:simulator-secret'))
        $script:Token = (Invoke-RestMethod -Method Post -Headers @{ Authorization = "Basic $basic" } `
            -Uri ([Uri]::new($script:Sim.BaseAddress, 'token?grant_type=client_credentials&scope=WorldCatMetadataAPI'))).access_token
    }
    AfterAll { Stop-Simulator $script:Sim }

    It 'starts with the seeded holdings and LHRs' {
        $holdings = Get-SimulatorHoldings -Simulator $script:Sim
        $holdings.held | Should -Be @('300000001', '300000002', '300000003', '300000004')
        @($holdings.lhrs).Count | Should -Be 3
        $holdings.lhrs[0].holdingLibraryCode | Should -Be 'MAIN'
    }

    It 'logs what each unset did: applied, lost after applying, failed by the seeded fault' {
        foreach ($n in 300000001..300000003) { $null = Invoke-SimulatorApi Post "manage/institution/holdings/$n/unset?cascadeDelete=true" }
        $merged = Invoke-SimulatorApi Post 'manage/institution/holdings/400000004/unset?cascadeDelete=false'
        $merged.controlNumber | Should -Be '300000004'
        $merged.requestedControlNumber | Should -Be '400000004'

        $log = @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '/worldcat/*')
        $log.outcome | Should -Be @('unset-cascaded', 'lost:unset-cascaded', 'fault:500', 'unset')
        $log.applied | Should -Be @($true, $true, $false, $true)
        $log[1].oclcNumber | Should -Be '300000002'
        $log[0].institution | Should -Be '00001'
        (Get-SimulatorHoldings -Simulator $script:Sim).held | Should -Be @('300000003')
    }

    It 'takes faults while it runs and clears its log' {
        Get-SimulatorRequest -Simulator $script:Sim -Clear
        Add-SimulatorFault -Simulator $script:Sim -Number '300000010' -Kind 409 -Times 1
        (Invoke-SimulatorApi Post 'manage/institution/holdings/300000010/set').Failed | Should -Match '409'
        (Invoke-SimulatorApi Post 'manage/institution/holdings/300000010/set').success | Should -BeTrue
        @(Get-SimulatorRequest -Simulator $script:Sim).outcome | Should -Be @('fault:409', 'set')
    }

    It 'resets to the seeds' {
        Reset-Simulator -Simulator $script:Sim
        (Get-SimulatorHoldings -Simulator $script:Sim).held | Should -Be @('300000001', '300000002', '300000003', '300000004')
        @((Get-SimulatorHoldings -Simulator $script:Sim).lhrs).Count | Should -Be 3
        @(Get-SimulatorRequest -Simulator $script:Sim).Count | Should -Be 0
    }
}

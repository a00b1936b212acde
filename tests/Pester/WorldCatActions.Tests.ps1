# The WorldCat record-action cmdlets end to end against the WorldCat simulator (a separate process): holdings
# (current, set, unset with and without cascade), local holdings records, validation, reports, resume and the
# "never sent twice" rule, checked in the simulator's request log. Skips when the simulators were not built.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Credential = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'simulator-secret' -AsPlainText -Force))

    function Get-WorldCatParameters($Simulator) {
        @{
            Credential = $script:Credential; RequestsPerSecond = 0
            BaseAddress = [Uri]::new($Simulator.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($Simulator.BaseAddress, 'token')
        }
    }

    # A holdings record for the simulator's institution SIM on an OCLC number.
    function New-TestLhr([string] $OclcNumber, [string] $Branch = 'EAST') {
        $r = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a2200000zi 4500'))
        $null = $r.AddControlField('004', $OclcNumber)
        $null = $r.AddControlField('008', '1103280p    0   4001uueng0210908')
        $null = $r.AddDataField('852', '  ', 'a', 'SIM', 'b', $Branch, 'c', "$Branch-STACKS")
        $null = $r.AddDataField('876', '  ', 'p', "B$OclcNumber")
        $r
    }

    # Unsets the simulator applied, by number (at most one per number is the "never sent twice" rule).
    function Get-AppliedUnset($Simulator) {
        @(Get-SimulatorRequest -Simulator $Simulator | Where-Object { $_.path -like '*/unset' -and $_.applied })
    }
}

Describe 'Holdings' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--held', '300000001-300000005', '--held-with-lhr', '300000006-300000008',
            '--merge', '400000004=300000004'
        $script:WC = Get-WorldCatParameters $script:Sim
    }
    AfterAll { Stop-Simulator $script:Sim }
    BeforeEach { Get-SimulatorRequest -Simulator $script:Sim -Clear }

    It 'asks for current holdings in groups of at most 10 numbers, one result per input' {
        $numbers = @(300000001..300000012 | ForEach-Object { "$_" }) + 'not-a-number'
        $results = @($numbers | Get-WorldCatHolding @WC -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 13
        $results.Sequence | Should -Be (1..13)
        ($results | Where-Object IsHeld).Count | Should -Be 8
        $results[12].Status | Should -Be 'Refused'
        $current = @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/holdings/current')
        $current.Count | Should -Be 2
        $current[0].query | Should -Match 'oclcNumbers=300000001%2C'
    }

    It 'reports a merged number with the record WorldCat acted on, and warns' {
        $result = '400000004' | Remove-WorldCatHolding @WC -WarningVariable warned -WarningAction SilentlyContinue
        $result.Status | Should -Be 'Done'
        $result.OclcNumber | Should -Be '400000004'
        $result.CurrentOclcNumber | Should -Be '300000004'
        $result.IsMerged | Should -BeTrue
        "$warned" | Should -Match '300000004'
    }

    It 'sets holdings; one already held is NoChange, an invalid number Refused and not sent' {
        $results = @('300000001', '300000100', '(OCoLC-M)12' | Add-WorldCatHolding @WC -ErrorVariable failed -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('NoChange', 'Done', 'Refused')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WorldCatActionRefused,*'
        @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/set').Count | Should -Be 2
        (Get-SimulatorHoldings -Simulator $script:Sim).held | Should -Contain '300000100'
    }

    It 'without -DeleteLocalHoldings sends cascadeDelete=false, and an unset blocked by LHRs is Refused with the advice' {
        $result = '300000006' | Remove-WorldCatHolding @WC -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Refused'
        $result.Message | Should -Match 'Local holdings records'
        $result.Message | Should -Match '-DeleteLocalHoldings'
        @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/unset')[-1].query | Should -Be '?cascadeDelete=false'
        (Get-SimulatorHoldings -Simulator $script:Sim).held | Should -Contain '300000006'
    }

    It 'with -DeleteLocalHoldings -Force unsets and deletes the attached LHRs; a second unset is NoChange' {
        $first = '300000007' | Remove-WorldCatHolding @WC -DeleteLocalHoldings -Force
        $again = '300000007' | Remove-WorldCatHolding @WC -DeleteLocalHoldings -Force
        $first.Status | Should -Be 'Done'
        $again.Status | Should -Be 'NoChange'
        @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/unset')[0].query | Should -Be '?cascadeDelete=true'
        $holdings = Get-SimulatorHoldings -Simulator $script:Sim
        $holdings.held | Should -Not -Contain '300000007'
        @($holdings.lhrs | Where-Object oclcNumber -eq '300000007').Count | Should -Be 0
    }

    It '-WhatIf lists every action and sends nothing' {
        # What-if lines go to the host, not to a stream: read them back from a transcript.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try { $results = @('300000002', '300000003' | Remove-WorldCatHolding @WC -DeleteLocalHoldings -WhatIf) } finally { $null = Stop-Transcript }
        $out = Get-Content -LiteralPath $transcript -Raw
        $results.Count | Should -Be 0
        $out | Should -Match 'holdings/300000002/unset\?cascadeDelete=true'
        $out | Should -Match 'holdings/300000003/unset\?cascadeDelete=true'
        @(Get-SimulatorRequest -Simulator $script:Sim).Count | Should -Be 0
    }

    It 'a lost reply is Unknown, and -Resume does not send it again' {
        $folder = Join-Path $TestDrive 'lost'
        $null = New-Item -ItemType Directory $folder
        Add-SimulatorFault -Simulator $script:Sim -Number '300000002' -Kind lost -Times 1
        $report = Join-Path $folder 'unset.csv'
        $numbers = '300000002', '300000003'
        # Stop after the first input (the lost one): the daily budget allows one request.
        $first = @($numbers | Remove-WorldCatHolding @WC -DailyBudget 1 -ReportPath $report -RetainPath $folder -ErrorAction SilentlyContinue)
        $first[0].Status | Should -Be 'Unknown'
        $first[0].Message | Should -Match 'not sent again'
        Test-Path "$report.state" | Should -BeTrue
        $second = @($numbers | Remove-WorldCatHolding @WC -ReportPath $report -RetainPath $folder -Resume)
        $second.Input | Should -Be @('300000003')
        @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/300000002/unset').Count | Should -Be 1
        (Get-Content (Join-Path $folder 'unknown.txt')) | Should -Be '300000002'
        (Import-Csv $report).Status | Should -Be @('Unknown', 'Done')
    }

    It 'takes a saved WorldCat connection (-Connection)' {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections.json'
        try {
            Set-OclcConnection -Name SimWorldCat -Kind WorldCat -Credential $script:Credential -BaseAddress $WC.BaseAddress -TokenAddress $WC.TokenAddress -RequestsPerSecond 100 -SecretStore KeyFile
            $result = '300000005' | Get-WorldCatHolding -Connection SimWorldCat
            $result.Status | Should -Be 'Done'
            $result.IsHeld | Should -BeTrue
        }
        finally { Remove-Item Env:OCLC_CONNECTIONS_PATH }
    }

    It 'stops before sending when the scope asked for cannot cover the action' {
        { '300000001' | Remove-WorldCatHolding @WC -Scope 'WorldCatMetadataAPI:manage_bibs' -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorldCatScopeMissing,*'
        @(Get-SimulatorRequest -Simulator $script:Sim).Count | Should -Be 0
    }
}

Describe 'A 1,000-number weeding run with cascade, 10 failures, a stop and -Resume' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Failing = @(1..10 | ForEach-Object { "$(300000000 + $_ * 97)" })
        $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--held-with-lhr', '300000001-300001000', '--number-fault', (($script:Failing -join ',') + '=500')
        $script:WC = Get-WorldCatParameters $script:Sim
        $script:Numbers = @(300000001..300001000 | ForEach-Object { "$_" })
        $script:Folder = Join-Path $TestDrive 'weeding'
        $null = New-Item -ItemType Directory $script:Folder
        $script:Report = Join-Path $script:Folder 'weeding.csv'
        # First session: stops when the daily budget (400 requests) is spent, resumable.
        $script:First = @($script:Numbers | Remove-WorldCatHolding @WC -DeleteLocalHoldings -Force -DailyBudget 400 -ReportPath $script:Report -RetainPath $script:Folder -ErrorVariable script:FirstErrors -ErrorAction SilentlyContinue)
        $script:Second = @($script:Numbers | Remove-WorldCatHolding @WC -DeleteLocalHoldings -Force -ReportPath $script:Report -RetainPath $script:Folder -Resume -ErrorAction SilentlyContinue)
        # The simulator logs a request once its answer is out: give the last one a moment to appear.
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        do { $script:Log = @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object path -like '*/unset') }
        while ($script:Log.Count -lt 1000 -and [DateTime]::UtcNow -lt $deadline -and -not (Start-Sleep -Milliseconds 50))
    }
    AfterAll { Stop-Simulator $script:Sim }

    It 'the first session stops once, on the budget, after 400 inputs' {
        $script:First.Count | Should -Be 400
        @($script:FirstErrors | Where-Object { $_.FullyQualifiedErrorId -like 'WorldCatActionStopped,*' }).Count | Should -Be 1
    }

    It 'the resumed session runs exactly the other 600 inputs' {
        $script:Second.Count | Should -Be 600
        $script:Second[0].Sequence | Should -Be 401
        $script:Second.Input | Should -Be $script:Numbers[400..999]
    }

    It 'sends no action twice: one unset request per number, cascadeDelete=true on each' {
        $script:Log.Count | Should -Be 1000
        @($script:Log | Group-Object path | Where-Object Count -gt 1).Count | Should -Be 0
        @($script:Log | Where-Object query -ne '?cascadeDelete=true').Count | Should -Be 0
        @($script:Log | Where-Object applied).Count | Should -Be 990
    }

    It 'reports 990 Done and the 10 failures with their message, in one CSV for the whole run' {
        $rows = @(Import-Csv $script:Report)
        $rows.Count | Should -Be 1000
        @($rows | Where-Object Status -eq 'Done').Count | Should -Be 990
        $errors = @($rows | Where-Object Status -eq 'Error')
        $errors.Input | Should -Be $script:Failing
        $errors[0].HttpStatus | Should -Be '500'
        Test-Path ($script:Report -replace '\.csv$', '.html') | Should -BeTrue
        Test-Path "$($script:Report).state" | Should -BeFalse
        Get-Content (Join-Path $script:Folder 'error.txt') | Should -Be $script:Failing
    }

    It 'leaves only the failing numbers held, with their LHRs' {
        $holdings = Get-SimulatorHoldings -Simulator $script:Sim
        @($holdings.held) | Should -Be $script:Failing
        @($holdings.lhrs).Count | Should -Be 10
    }
}

Describe 'Local holdings records and validation' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--held', '300000050'
        $script:WC = Get-WorldCatParameters $script:Sim
    }
    AfterAll { Stop-Simulator $script:Sim }

    It 'creates LHRs from Test-LhrRecord results, reads, replaces and deletes them' {
        $created = @((New-TestLhr '300000050' EAST), (New-TestLhr '300000050' WEST) | Test-LhrRecord -OclcNumberLocation 004 | New-WorldCatLhr @WC)
        $created.Status | Should -Be @('Done', 'Done')
        $created[0].ControlNumber | Should -Match '^\d+$'
        $created[0].Record | Should -BeOfType ([OclcCataloging.Marc.MarcRecord])

        $read = Get-WorldCatLhr @WC -ControlNumber $created[0].ControlNumber
        $read | Should -BeOfType ([OclcCataloging.Marc.MarcRecord])
        $read.GetValue('852', [char] 'b') | Should -Be 'EAST'
        $west = @(Get-WorldCatLhr @WC -OclcNumber 300000050 -HoldingLibraryCode west)
        $west.Count | Should -Be 1
        $west[0].ControlNumber | Should -Be $created[1].ControlNumber

        $null = $read.GetDataFields('852')[0].SetSubfield('c', 'EAST-REFERENCE')
        $replaced = $read | Set-WorldCatLhr @WC -PassThru
        $replaced.GetValue('852', [char] 'c') | Should -Be 'EAST-REFERENCE'

        $deleted = @($created | Remove-WorldCatLhr @WC)
        $deleted.Status | Should -Be @('Done', 'Done')
        $again = $created[0] | Remove-WorldCatLhr @WC
        $again.Status | Should -Be 'NotFound'
        { Get-WorldCatLhr @WC -ControlNumber $created[0].ControlNumber -ErrorAction Stop } | Should -Throw -ErrorId 'WorldCatRecordNotFound,*'
    }

    It 'refuses a bibliographic record as an LHR without sending it' {
        $result = New-TestRecord | New-WorldCatLhr @WC -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Refused'
        @(Get-SimulatorRequest -Simulator $script:Sim | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/lhrs' -and $_.status -ne 200 }).Count | Should -Be 0
    }

    It 'validates records with OCLC and returns its findings as objects' {
        $good = New-TestRecord
        $bad = New-TestRecord -Id 'ocm00000002'
        $null = $bad.RemoveFields('245')
        $null = $bad.AddDataField('040', '  ', 'a', 'DLC', 'c', 'INVALIDSYM')
        $results = @($good, $bad | Test-WorldCatRecord @WC -Level Full)
        $results.Status | Should -Be @('Done', 'Refused')
        $issues = $results[1].ValidationIssues
        @($issues | Where-Object Tag -eq '040').Count | Should -BeGreaterThan 0
        @($issues | Where-Object Kind -eq 'RecordLevel').Count | Should -BeGreaterThan 0
    }
}

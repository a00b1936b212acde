# Invoke-BatchSearch end to end: against the WorldCat simulator (a separate process), the id.loc.gov simulator and
# the project's Zebra SRU server. Parts whose peer is missing skip with the reason.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
    $zebraUri = [Uri] $(if ($env:OCLC_ZEBRA_SRU) { $env:OCLC_ZEBRA_SRU } else { 'http://127.0.0.1:21210/Default' })
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $script:NoZebra = -not $client.ConnectAsync($zebraUri.Host, $zebraUri.Port).Wait(1000) } catch { $script:NoZebra = $true } finally { $client.Dispose() }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Secret = 'simulator-secret'
    $script:WorldCatCredential = [pscredential]::new('simulator-client', (ConvertTo-SecureString $script:Secret -AsPlainText -Force))
    $script:ZebraUri = [Uri] $(if ($env:OCLC_ZEBRA_SRU) { $env:OCLC_ZEBRA_SRU } else { 'http://127.0.0.1:21210/Default' })
    $script:ZebraMap = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../peers/zebra/index-map.psd1')
    $script:KeysDir = Join-Path $PSScriptRoot '../peers/zebra/keys'
}

Describe 'Invoke-BatchSearch against the WorldCat simulator' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Sim = Start-Simulator -Name worldcat
        $script:WorldCat = @{
            Target = 'WorldCat'; Credential = $script:WorldCatCredential; RequestsPerSecond = 0
            BaseAddress = [Uri]::new($script:Sim.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($script:Sim.BaseAddress, 'token')
        }
    }
    AfterAll { Stop-Simulator $script:Sim }

    It 'gives one result per key, in order, with Connexion statuses' {
        $keys = '#12345678', 'bn:9780000000019', 'ti:history', '#99999999', '#88888888', 'moza,magi'
        $results = @($keys | Invoke-BatchSearch @WorldCat -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 6
        $results.Key | Should -Be $keys
        $results.Sequence | Should -Be (1..6)
        $results.Status | Should -Be @('Found', 'Found', 'TooMany', 'NotFound', 'NotFound', 'Found')
        $results[0].Records.Count | Should -Be 1
        $results[0].Records[0].ControlNumber | Should -Be 'ocm12345678'
        $results[2].HitCount | Should -BeGreaterThan 1500
        $results[2].RecordsDownloaded | Should -Be 0
        $results[5].Translated | Should -BeTrue
        $results[5].QuerySent | Should -Match 'au:moza\* AND ti:magi\*'
    }

    It 'shows merged OCLC numbers as requested -> returned' {
        $r = Invoke-BatchSearch '#1234567' @WorldCat
        $r.Status | Should -Be 'Found'
        $r.OclcNumbers | Should -Match '1234567\s*->\s*12345678'
    }

    It 'writes a number that was not merged alone, and a merged one as requested->returned, in the CSV' {
        $csv = Join-Path $TestDrive 'merged.csv'
        $null = '#12345678', '#1234567' | Invoke-BatchSearch @WorldCat -ReportPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows[0].OclcNumbers | Should -BeExactly '12345678'
        $rows[1].OclcNumbers | Should -BeExactly '1234567->12345678'
    }

    It 'shows the table of the README as the real run shows it' {
        $readme = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../README.md')
        $start = [array]::IndexOf($readme, ($readme | Where-Object { $_ -match '^\s+Seq Key\s+Status' } | Select-Object -First 1))
        $start | Should -BeGreaterThan 0
        $rows = @($readme[($start + 2)..($start + 20)] | ForEach-Object { $_ } | Where-Object { $_ -match '^\s+\d+ ' })
        $rows.Count | Should -Be 7
        $keys = $rows | ForEach-Object { ($_.Trim() -split '\s+')[1] }
        $results = @($keys | Invoke-BatchSearch @WorldCat -MaxRecords 3 -ErrorAction SilentlyContinue)
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $r = $results[$i]
            # Seq, Key, Status, Hits, Got, then Detail (the query sent) as the table view writes them.
            $expected = '{0} {1} {2} {3} {4} {5}' -f $r.Sequence, $r.Key, $r.Status, $r.HitCount, $r.RecordsDownloaded, $r.QuerySent
            ($rows[$i].Trim() -replace '\s+', ' ') | Should -BeExactly $expected
        }
    }

    It 'downloads up to -MaxRecords records, paging past the first 50' {
        $r = Invoke-BatchSearch 'ti:lighthouse' @WorldCat -MaxRecords 120
        $r.HitCount | Should -Be 160
        $r.RecordsDownloaded | Should -Be 120
        @($r.Records | ForEach-Object { $_.ControlNumber } | Sort-Object -Unique).Count | Should -Be 120
    }

    It 'emits the records themselves with -AsRecord, ready for Export-MarcFile' {
        $out = Join-Path $TestDrive 'found.mrc'
        '#12345678', '#1234567890', '#99999999' | Invoke-BatchSearch @WorldCat -AsRecord | Export-MarcFile -Path $out
        $back = @(Import-MarcFile -Path $out)
        $back.Count | Should -Be 2
        $back[1].ControlNumber | Should -Be 'on1234567890'
    }

    It 'writes a CSV report, an HTML summary and re-readable retained-key files' {
        $dir = Join-Path $TestDrive 'retained'
        $report = Join-Path $TestDrive 'report.csv'
        $keys = '#12345678', 'ti:history', '#99999999', 'not a valid key ((('
        $null = $keys | Invoke-BatchSearch @WorldCat -RetainKeysPath $dir -ReportPath $report -ErrorAction SilentlyContinue
        $rows = @(Import-Csv -LiteralPath $report)
        $rows.Count | Should -Be 4
        $rows.Key | Should -Be $keys
        $html = Get-Content -LiteralPath ([IO.Path]::ChangeExtension($report, '.html')) -Raw
        $html | Should -Match 'Too many'
        $html | Should -Not -Match '<script'
        @(Get-Content (Join-Path $dir 'notfound.txt')) | Should -Be @('#99999999')
        @(Get-Content (Join-Path $dir 'toomany.txt')) | Should -Be @('ti:history')
        $again = @(Invoke-BatchSearch -Path (Join-Path $dir 'toomany.txt') @WorldCat -TooManyThreshold 2000)
        $again.Status | Should -Be 'Found'
    }

    It 'creates the missing folders of -ReportPath and -RetainKeysPath alike' {
        $report = Join-Path $TestDrive 'new-reports/2026-12/report.csv'
        $dir = Join-Path $TestDrive 'new-retained/2026-12'
        $null = '#99999999' | Invoke-BatchSearch @WorldCat -RetainKeysPath $dir -ReportPath $report
        @(Import-Csv -LiteralPath $report).Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path $dir 'notfound.txt') | Should -BeTrue
    }

    It 'reports a failed key as a non-terminating error and goes on' {
        $errors = $null
        $results = @('#12345678', 'in:', '#1234567890' | Invoke-BatchSearch @WorldCat -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 3
        $results[1].Status | Should -Be 'Error'
        $results[2].Status | Should -Be 'Found'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^(SearchKeyInvalid|SearchFailed),'
    }

    It 'sends nothing and writes nothing with -WhatIf' {
        $report = Join-Path $TestDrive 'whatif.csv'
        $out = @('#12345678', 'ti:lighthouse' | Invoke-BatchSearch @WorldCat -ReportPath $report -WhatIf)
        $out.Count | Should -Be 0
        Test-Path $report | Should -BeFalse
        Test-Path "$report.state" | Should -BeFalse
    }

    It 'never shows the secret, even when the credentials are refused' {
        $bad = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'Wrong-S3cret!' -AsPlainText -Force))
        $all = & { '#12345678' | Invoke-BatchSearch -Target WorldCat -Credential $bad -BaseAddress ([Uri]::new($Sim.BaseAddress, 'worldcat')) -TokenAddress ([Uri]::new($Sim.BaseAddress, 'token')) -Verbose -ErrorAction Continue } *>&1
        $text = ($all | Out-String) + ($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() } | Out-String)
        $text | Should -Match 'SearchTargetUnavailable|AuthenticationFailed|credential'
        $text | Should -Not -Match 'Wrong-S3cret!'
        # A refused secret is not fixed by running again: the advice is to check the client id and secret.
        $stop = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'SearchTargetUnavailable,*' })
        $stop.Count | Should -Be 1
        $stop[0].ToString() | Should -BeLike '*client id*secret*'
        $stop[0].ToString() | Should -Not -Match '-Resume'
        $stop[0].CategoryInfo.Category | Should -Be PermissionDenied
    }

    It 'uses a saved connection' {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections.json'
        try {
            Set-OclcConnection -Name SimWorldCat -Kind WorldCat -Credential $script:WorldCatCredential -BaseAddress $WorldCat.BaseAddress -TokenAddress $WorldCat.TokenAddress -RequestsPerSecond 100 -SecretStore KeyFile
            $r = Invoke-BatchSearch '#12345678' -Connection SimWorldCat
            $r.Status | Should -Be 'Found'
            $r.Target | Should -Be 'WorldCat'
        }
        finally { Remove-Item Env:OCLC_CONNECTIONS_PATH }
    }
}

Describe 'Invoke-BatchSearch resumes a run the daily limit stopped' -Skip:$script:NoSimulators {
    It 'stops with SearchTargetUnavailable, keeps the state, and -Resume finishes with every key reported once' {
        $keys = Join-Path $TestDrive 'keys.txt'
        Set-Content -LiteralPath $keys -Value ('#12345678', '#1234567890', '#987654321', 'bn:9780000000019', '#99999999', 'ti:lighthouse')
        $report = Join-Path $TestDrive 'run.csv'
        $limited = Start-Simulator -Name worldcat -ArgumentList '--daily-limit', '4'
        try {
            $p = @{ Target = 'WorldCat'; Credential = $WorldCatCredential; RequestsPerSecond = 0; BaseAddress = [Uri]::new($limited.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($limited.BaseAddress, 'token') }
            $errors = $null
            $first = @(Invoke-BatchSearch -Path $keys @p -ReportPath $report -ErrorVariable errors -ErrorAction SilentlyContinue)
            $first.Count | Should -BeLessThan 6
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'SearchTargetUnavailable,*' }).Count | Should -Be 1
            Test-Path "$report.state" | Should -BeTrue
        }
        finally { Stop-Simulator $limited }

        $fresh = Start-Simulator -Name worldcat
        try {
            $p = @{ Target = 'WorldCat'; Credential = $WorldCatCredential; RequestsPerSecond = 0; BaseAddress = [Uri]::new($fresh.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($fresh.BaseAddress, 'token') }
            $second = @(Invoke-BatchSearch -Path $keys @p -ReportPath $report -Resume)
            ($first.Count + $second.Count) | Should -Be 6
            $rows = @(Import-Csv -LiteralPath $report)
            $rows.Count | Should -Be 6
            $rows.Sequence | Should -Be @('1', '2', '3', '4', '5', '6')
            Test-Path "$report.state" | Should -BeFalse
        }
        finally { Stop-Simulator $fresh }
    }
}

Describe 'Invoke-BatchSearch stopped like Ctrl+C' -Skip:$script:NoSimulators {
    BeforeAll {
        # Rows in a state file the running search appends to (opened to share writing with it).
        function Get-StateRowCount([string] $Path) {
            if (-not (Test-Path -LiteralPath $Path)) { return 0 }
            $stream = [System.IO.FileStream]::new($Path, 'Open', 'Read', 'ReadWrite')
            try { $text = [System.IO.StreamReader]::new($stream).ReadToEnd() }
            finally { $stream.Dispose() }
            return [Math]::Max(0, @($text -split "`n" | Where-Object { $_.Trim() }).Count - 2)
        }
    }

    It 'keeps the state when the pipeline is stopped, and -Resume completes the run with every key once' {
        $keys = Join-Path $TestDrive 'slow-keys.txt'
        Set-Content -LiteralPath $keys -Value (1..20 | ForEach-Object { if ($_ % 2) { '#12345678' } else { '#1234567890' } })
        $report = Join-Path $TestDrive 'slow.csv'
        $slow = Start-Simulator -Name worldcat -ArgumentList '--latency-ms', '150'
        try {
            $p = @{ Target = 'WorldCat'; Credential = $WorldCatCredential; RequestsPerSecond = 0; BaseAddress = [Uri]::new($slow.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($slow.BaseAddress, 'token') }
            $ps = [PowerShell]::Create()
            $null = $ps.AddScript({
                    param($Module, $Keys, $Report, $Parameters)
                    Import-Module $Module
                    Invoke-BatchSearch -LiteralPath $Keys -ReportPath $Report @Parameters
                }).AddArgument($env:OCLC_MODULE_PATH).AddArgument($keys).AddArgument($report).AddArgument($p)
            $async = $ps.BeginInvoke()
            # Stop once the state file holds a finished key (after its two header lines), however busy the machine is.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Get-StateRowCount "$report.state") -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $ps.Stop()
            try { $null = $ps.EndInvoke($async) } catch { }
            $ps.Dispose()
            Test-Path "$report.state" | Should -BeTrue
            Test-Path $report | Should -BeFalse

            $rest = @(Invoke-BatchSearch -LiteralPath $keys -ReportPath $report -Resume @p)
            $rest.Count | Should -BeGreaterThan 0
            $rest.Count | Should -BeLessThan 20
            $rows = @(Import-Csv -LiteralPath $report)
            $rows.Count | Should -Be 20
            ($rows.Sequence | ForEach-Object { [int] $_ }) | Should -Be (1..20)
            Test-Path "$report.state" | Should -BeFalse
        }
        finally { Stop-Simulator $slow }
    }
}

Describe 'Invoke-BatchSearch against the id.loc.gov simulator' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:IdLocSim = Start-Simulator -Name idloc
        $script:IdLoc = @{ Target = 'IdLoc'; BaseAddress = $script:IdLocSim.BaseAddress }
    }
    AfterAll { Stop-Simulator $script:IdLocSim }

    It 'finds authorized and variant headings, LCCNs and derived keys, and refuses bibliographic keys' {
        $keys = 'Twain, Mark, 1835-1910', 'Clemens, Samuel Langhorne, 1835-1910', 'Dvořák, Antonín, 1841-1904', 'ln:n99000001', 'Nobody, Such A, 1900-1999', '#12345678'
        $results = @($keys | Invoke-BatchSearch @IdLoc -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Found', 'Found', 'Found', 'Found', 'NotFound', 'Error')
        $results[0].Records[0].GetValue('100', 'a') | Should -Be 'Twain, Mark,'
        $results[1].ErrorDetail | Should -Match 'variant'
        $results[1].Records[0].GetValue('100', 'a') | Should -Be 'Twain, Mark,'
        $results[2].Records[0].GetValue('100', 'a') | Should -Be 'Dvořák, Antonín,'
        $results[5].ErrorType | Should -Be 'Unsupported'
    }

    It 'searches subjects with -Scheme Subjects and writes the report' {
        $report = Join-Path $TestDrive 'lcsh.csv'
        $r = Invoke-BatchSearch 'Civil rights' @IdLoc -Scheme Subjects -ReportPath $report
        $r.Status | Should -Be 'Found'
        $r.Target | Should -Be 'id.loc.gov subjects'
        @(Import-Csv $report).Count | Should -Be 1
    }
}

Describe 'Invoke-BatchSearch against the Zebra SRU server' -Skip:$script:NoZebra {
    It 'finds ISBN, OCLC number, title and author keys' {
        $results = @('978-1-90000-109-0 : $12.00', 'no:800000704', 'ti:zzpaging', 'au:pager' |
            Invoke-BatchSearch -Target Sru -BaseAddress $ZebraUri -IndexMap $ZebraMap -MaxRecords 2)
        $results.Status | Should -Be @('Found', 'Found', 'Found', 'Found')
        $results[1].QuerySent | Should -Match 'local.oclc'
        $results[2].HitCount | Should -Be 160
        $results[2].RecordsDownloaded | Should -Be 2
    }

    It 'runs the 1,000-key batch with the expected count per status' {
        $expected = @{}
        Get-Content (Join-Path $KeysDir 'batch-1000.expected.txt') | Where-Object { $_ -match '^(\w+)=(\d+)$' } | ForEach-Object { $expected[$Matches[1]] = [int] $Matches[2] }
        $report = Join-Path $TestDrive 'zebra-1000.csv'
        $results = @(Invoke-BatchSearch -LiteralPath (Join-Path $KeysDir 'batch-1000.keys.txt') -Target Sru -BaseAddress $ZebraUri -IndexMap $ZebraMap `
            -TooManyThreshold 100 -ReportPath $report -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 1000
        $byStatus = $results | Group-Object Status -AsHashTable -AsString
        foreach ($status in 'Found', 'NotFound', 'TooMany', 'Error') { @($byStatus[$status]).Count | Should -Be $expected[$status] -Because $status }
        ($results | Measure-Object RecordsDownloaded -Sum).Sum | Should -Be $expected['Records']
        @(Import-Csv $report).Count | Should -Be 1000
    }

    It 'surfaces SRU diagnostics as errors' {
        $r = Invoke-BatchSearch 'an:n79021164' -Target Sru -BaseAddress $ZebraUri -IndexMap $ZebraMap -ErrorAction SilentlyContinue
        $r.Status | Should -Be 'Error'
        $r.ErrorType | Should -Match 'diagnostic 16'
    }
}

Describe 'Invoke-BatchSearch -WhatIf' {
    It 'lists the keys the real run would search, not the blank lines it skips' {
        $keys = Join-Path $TestDrive 'whatif-keys.txt'
        Set-Content -LiteralPath $keys -Value '#12345678', '', '   ', 'ti:lighthouse', '' -Encoding utf8
        $script = Join-Path $TestDrive 'whatif.ps1'
        Set-Content -LiteralPath $script -Encoding utf8 -Value @'
param($Module, $Keys)
Import-Module $Module
$cred = [pscredential]::new('id', (ConvertTo-SecureString 'not-used' -AsPlainText -Force))
Invoke-BatchSearch -LiteralPath $Keys -Target WorldCat -Credential $cred -BaseAddress http://127.0.0.1:9/ -TokenAddress http://127.0.0.1:9/token -WhatIf
'@
        $pwsh = Get-PwshCommand
        $out = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -File $script -Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Keys $keys 2>&1
        $whatIf = @($out | Where-Object { "$_" -like 'What if:*' })
        $whatIf.Count | Should -Be 2 -Because ($out -join "`n")
        ($whatIf -join "`n") | Should -Not -Match "''"
    }
}

# The HTML reports as a cataloger sees them: Test-MarcRecord's, Test-LhrRecord's and Invoke-BatchSearch's, each
# written from records (or keys) carrying hostile text, then rendered by a real browser (Debian's chromium, headless,
# offline). The screenshots are kept under out/test-artifacts/html-reports; the DOM the browser built is checked for
# the summary numbers, for the hostile text shown as text, and for the absence of any script element.
# Without chromium (Debian package chromium) every test here is skipped with that reason.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    $script:Browser = Get-Command -Name chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:NoBrowserReason = if (-not $Browser) { 'chromium is not installed (Debian package chromium)' } else { $null }
    $script:Hostile = '<script>alert(1)</script> "quoted" & ''single'''
    # The same text as the DOM serializer writes it inside an element: < > & escaped, quotes as they are.
    $script:HostileAsText = '&lt;script&gt;alert(1)&lt;/script&gt; "quoted" &amp; ''single'''
    $script:Artifacts = Join-Path (Split-Path -Parent (Split-Path -Parent (Resolve-Path -LiteralPath $ModulePath).ProviderPath)) 'test-artifacts/html-reports'
    $null = New-Item -ItemType Directory -Path $Artifacts -Force

    # Runs chromium headless on a local file (no network, own profile); returns the exit code and its stdout.
    function Invoke-Browser([string] $File, [string[]] $Arguments) {
        $psi = [System.Diagnostics.ProcessStartInfo]::new($Browser.Source)
        $profileDir = Join-Path $TestDrive ('chromium-' + [guid]::NewGuid().ToString('N'))
        foreach ($a in @('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
                '--disable-background-networking', '--proxy-server=127.0.0.1:9', "--user-data-dir=$profileDir") + $Arguments + @([Uri]::new($File, [UriKind]::Absolute).AbsoluteUri)) {
            $psi.ArgumentList.Add($a)
        }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw "chromium did not finish rendering $File in 2 minutes." }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
    }

    # Renders a report: keeps the screenshot as a test artifact, returns the DOM chromium built.
    function Get-RenderedDom([string] $HtmlPath, [string] $Name) {
        $png = Join-Path $Artifacts "$Name.png"
        if (Test-Path -LiteralPath $png) { Remove-Item -LiteralPath $png }
        $shot = Invoke-Browser $HtmlPath @("--screenshot=$png", '--window-size=1280,2000', '--hide-scrollbars')
        $shot.ExitCode | Should -Be 0 -Because $shot.Errors
        Test-Path -LiteralPath $png | Should -BeTrue -Because $shot.Errors
        (Get-Item -LiteralPath $png).Length | Should -BeGreaterThan 10000 -Because 'a rendered page is more than a blank image'
        $dom = Invoke-Browser $HtmlPath @('--dump-dom')
        $dom.ExitCode | Should -Be 0
        Set-Content -LiteralPath (Join-Path $Artifacts "$Name.dom.html") -Value $dom.Output -Encoding utf8
        $dom.Output | Should -Match '</html>'
        $dom.Output
    }

    # The value of one row of a summary table, as the browser's DOM has it.
    function Get-CountCell([string] $Dom, [string] $Label) {
        if ($Dom -match ('<tr><td>' + [regex]::Escape($Label) + '</td><td class="n">(\d+)</td></tr>')) { return [int] $Matches[1] }
        return $null
    }

    function Assert-SafePage([string] $Dom) {
        $Dom | Should -Not -Match '<script' -Because 'no script element may come from record text'
        $Dom | Should -Match ([regex]::Escape($HostileAsText)) -Because 'hostile text is shown as text'
        $Dom | Should -Match '<svg' -Because 'the summary has its inline bar chart'
        $Dom | Should -Not -Match '(src|href)="(https?:)?//' -Because 'the page has no external assets'
    }
}

Describe 'HTML reports rendered in a browser' {
    It 'Test-MarcRecord -ReportPath: summary numbers and hostile record text, escaped' {
        if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
        $bad = New-TestRecord -Id $Hostile -Title $Hostile -Subtitle 'no end punctuation'
        $good = New-TestRecord -Id 'ocm00000002'
        $file = Join-Path $TestDrive 'hostile.mrc'
        Write-IsoFile -Path $file -Record $bad, $good, (New-TestRecord -Id 'ocm00000003' -Title $Hostile)
        $csv = Join-Path $TestDrive 'marc-report/validation.csv'
        $summary = Test-MarcRecord -LiteralPath $file -ReportPath $csv -Summary

        $dom = Get-RenderedDom ([IO.Path]::ChangeExtension($csv, '.html')) 'test-marcrecord'
        Assert-SafePage $dom
        Get-CountCell $dom 'Records' | Should -Be 3
        Get-CountCell $dom 'Valid records' | Should -Be $summary.ValidRecords
        Get-CountCell $dom 'Invalid records' | Should -Be $summary.InvalidRecords
        Get-CountCell $dom 'Warnings' | Should -Be $summary.Warnings
        Get-CountCell $dom 'Warnings' | Should -BeGreaterThan 0
        $dom | Should -Match 'TitlePunctuation'
    }

    It 'Test-LhrRecord -ReportPath: summary numbers and hostile record text, escaped' {
        if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
        $lhr = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
        $null = $lhr.AddControlField('001', $Hostile)
        $null = $lhr.AddControlField('004', '12345')
        $null = $lhr.AddControlField('008', '2401014p    8   4001aueng0240115')
        $null = $lhr.AddDataField('852', '0 ', 'a', 'MAIN', 'b', $Hostile, 'h', 'QA76')
        $broken = $lhr.Clone()
        $broken.Leader[6] = [char]'a'
        $csv = Join-Path $TestDrive 'lhr-report/lhr.csv'
        $summary = $lhr, $broken | Test-LhrRecord -OclcNumberLocation 004 -ReportPath $csv -Summary -IncludeNonHoldings

        $dom = Get-RenderedDom ([IO.Path]::ChangeExtension($csv, '.html')) 'test-lhrrecord'
        Assert-SafePage $dom
        Get-CountCell $dom 'Records' | Should -Be 2
        Get-CountCell $dom 'Valid' | Should -Be $summary.Valid
        Get-CountCell $dom 'Invalid' | Should -Be $summary.Invalid
        Get-CountCell $dom 'With warnings' | Should -Be $summary.WithWarnings
        $summary.Invalid | Should -BeGreaterThan 0
        $dom | Should -Match 'LhrLeaderTypeOfRecord'
    }

    Context 'Invoke-BatchSearch against the WorldCat simulator' -Skip:$NoSimulators {
        BeforeAll {
            $script:Sim = Start-Simulator -Name worldcat
            $secret = 'simulator-secret'
            $script:Secret = $secret
            $script:WorldCat = @{
                Target = 'WorldCat'; RequestsPerSecond = 0
                Credential = [pscredential]::new('simulator-client', (ConvertTo-SecureString $secret -AsPlainText -Force))
                BaseAddress = [Uri]::new($Sim.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($Sim.BaseAddress, 'token')
            }
        }
        AfterAll { Stop-Simulator $Sim }

        It 'the batch report: counts, found titles, the key file and options used, hostile keys escaped' {
            if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
            $keys = Join-Path $TestDrive 'hostile-keys.txt'
            Set-Content -LiteralPath $keys -Value '#12345678', "ti:$Hostile", '#99999999', 'ti:history' -Encoding utf8
            $csv = Join-Path $TestDrive 'batch-report/batch.csv'
            $results = @(Invoke-BatchSearch -LiteralPath $keys @WorldCat -MaxRecords 2 -ReportPath $csv -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 4
            $html = [IO.Path]::ChangeExtension($csv, '.html')
            Get-Content -LiteralPath $html -Raw | Should -Not -Match ([regex]::Escape($Secret))

            $dom = Get-RenderedDom $html 'invoke-batchsearch'
            Assert-SafePage $dom
            Get-CountCell $dom 'Found' | Should -Be @($results | Where-Object Status -eq 'Found').Count
            Get-CountCell $dom 'Not found' | Should -Be @($results | Where-Object Status -eq 'NotFound').Count
            Get-CountCell $dom 'Too many' | Should -Be 1
            Get-CountCell $dom 'Total' | Should -Be 4
            $dom | Should -Match ([regex]::Escape($results[0].FirstTitle))
            $dom | Should -Match ('<th>Key file</th><td>' + [regex]::Escape($keys) + '</td>')
            $dom | Should -Match '<th>-MaxRecords</th><td>2</td>'
            $dom | Should -Match '<th>-Target</th><td>WorldCat</td>'
            $dom | Should -Not -Match '-Credential'
        }
    }
}

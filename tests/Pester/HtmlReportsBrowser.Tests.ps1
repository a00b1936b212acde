# The HTML reports as a cataloger sees them: Test-MarcRecord's, Test-LhrRecord's and Invoke-BatchSearch's, each
# written from records (or keys) carrying hostile text, then rendered by a real browser (Debian's chromium, headless,
# offline). The screenshots are kept under out/test-artifacts/html-reports; the DOM the browser built is checked for
# the summary numbers, for the hostile text shown as text, and for the absence of any script element.
# The tables sort and filter without script (radio buttons and CSS): the DOM has the controls with their counts, and
# a copy of the report with some radios pre-checked (only the copy gets a small measuring script, which changes
# nothing: it writes each row's computed display and position into the page) shows that the browser hides the
# filtered rows and lays the others out in the sorted order.
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
        $Dom | Should -Not -Match '<[^>]*\son[a-z]+\s*=' -Because 'no tag carries an event handler'
        $Dom | Should -Match ([regex]::Escape($HostileAsText)) -Because 'hostile text is shown as text'
        $Dom | Should -Match '<svg' -Because 'the summary has its inline bar chart'
        $Dom | Should -Not -Match '(src|href)="(https?:)?//' -Because 'the page has no external assets'
    }

    # The radio (in the first table after -After) whose label is $Label: its group name and id.
    function Find-Radio([string] $Html, [string] $Label, [string] $After) {
        $start = if ($After) { $Html.IndexOf($After, [StringComparison]::Ordinal) } else { 0 }
        $start | Should -BeGreaterOrEqual 0 -Because "the page has '$After'"
        $m = [regex]::new('<input type="radio" name="([^"]+)" id="([^"]+)"( checked)?><label for="\2">' + [regex]::Escape($Label) + '</label>').Match($Html, $start)
        $m.Success | Should -BeTrue -Because "the page has a control labelled '$Label'"
        [pscustomobject]@{ Name = $m.Groups[1].Value; Id = $m.Groups[2].Value }
    }

    # A copy of the report with the radios labelled $Labels checked (as a reader's clicks would leave them) and,
    # before </body>, a test-only script that measures each row of that table: computed display, the top of each
    # cell, the cell texts. Rendered with --dump-dom; returns the rows, visible ones in the order the page shows them.
    function Get-ArrangedRows([string] $HtmlPath, [string] $Name, [string[]] $Labels, [string] $After) {
        $html = Get-Content -LiteralPath $HtmlPath -Raw
        $tableId = $null
        foreach ($label in $Labels) {
            $radio = Find-Radio $html $label $After
            $tableId = ($radio.Name -split '-')[0]
            $html = [regex]::Replace($html, '(<input type="radio" name="' + [regex]::Escape($radio.Name) + '" id="[^"]+") checked>', '$1>')
            $html = $html.Replace('id="' + $radio.Id + '">', 'id="' + $radio.Id + '" checked>')
        }
        $probe = @"
<script>
document.querySelectorAll('details').forEach(function (d) { d.open = true; });
var table = document.getElementById('$tableId-s-none').parentNode.querySelector('table');
var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
  return { display: getComputedStyle(tr).display,
           tops: Array.prototype.map.call(tr.cells, function (c) { return Math.round(c.getBoundingClientRect().top); }),
           cells: Array.prototype.map.call(tr.cells, function (c) { return c.textContent; }) };
});
var head = table.tHead.rows[0];
var header = { display: getComputedStyle(head).display, top: Math.round(head.cells[0].getBoundingClientRect().top), height: Math.round(head.cells[0].getBoundingClientRect().height) };
var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify({ header: header, rows: rows }); document.body.appendChild(pre);
</script>
"@
        $copy = Join-Path $TestDrive "$Name.html"
        Set-Content -LiteralPath $copy -Value $html.Replace('</body>', $probe + '</body>') -Encoding utf8NoBOM -NoNewline
        $png = Join-Path $Artifacts "$Name.png"
        $shot = Invoke-Browser $copy @("--screenshot=$png", '--window-size=1280,2000', '--hide-scrollbars')
        $shot.ExitCode | Should -Be 0 -Because $shot.Errors
        $dom = Invoke-Browser $copy @('--dump-dom')
        $dom.ExitCode | Should -Be 0
        $dom.Output -match '<pre id="probe">(.*?)</pre>' | Should -BeTrue -Because 'the measuring script ran'
        $measured = [System.Net.WebUtility]::HtmlDecode($Matches[1]) | ConvertFrom-Json
        $rows = @($measured.rows)
        $rows.Count | Should -BeGreaterThan 0
        $measured.header.height | Should -BeGreaterThan 0 -Because 'the header row stays visible whatever the filter'
        foreach ($row in $rows | Where-Object display -ne 'none') {
            @($row.tops | Select-Object -Unique).Count | Should -Be 1 -Because 'the cells of a row stay on one line of the grid'
            $row.tops[0] | Should -BeGreaterThan $measured.header.top -Because 'the header comes first in every order'
        }
        [pscustomobject]@{
            Hidden  = @($rows | Where-Object display -eq 'none')
            Visible = @($rows | Where-Object display -ne 'none' | Sort-Object { $_.tops[0] })
        }
    }

    # The label of a control of the shipped page, as the DOM has it ('Error (3)').
    function Assert-Control([string] $Dom, [string] $Label) {
        $Dom | Should -Match ('<input type="radio" name="[^"]+" id="([^"]+)"( checked="")?><label for="\1">' + [regex]::Escape($Label) + '</label>')
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

    It 'Test-MarcRecord -ReportPath: the findings table filters by severity and sorts by record number and severity, without script' {
        if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
        # 11 records: odd ones lack the 245 $a punctuation (a warning), every third has a bad ISBN check digit (an error)
        $records = foreach ($i in 1..11) {
            $r = New-TestRecord -Id (('ocm{0:d8}' -f $i) + $(if ($i -eq 5) { " $Hostile" })) -Title $(if ($i % 2) { 'Moby Dick' } else { 'Moby Dick :' })
            if ($i % 3 -eq 0) { $null = $r.AddDataField('020', '  ', 'a', '0306406153') }
            $r
        }
        $file = Join-Path $TestDrive 'sortable.mrc'
        Write-IsoFile -Path $file -Record $records
        $csv = Join-Path $TestDrive 'marc-sortable/validation.csv'
        $summary = Test-MarcRecord -LiteralPath $file -ReportPath $csv -Summary
        $html = [IO.Path]::ChangeExtension($csv, '.html')
        $total = $summary.Errors + $summary.Warnings + $summary.Infos
        $summary.Errors | Should -Be 3
        $summary.Warnings | Should -BeGreaterOrEqual 6

        $dom = Get-RenderedDom $html 'test-marcrecord-sortable'
        Assert-SafePage $dom
        Assert-Control $dom "All ($total)"
        Assert-Control $dom "Error ($($summary.Errors))"
        Assert-Control $dom "Warning ($($summary.Warnings))"
        Assert-Control $dom 'IsbnCheckDigit (3)'
        foreach ($label in 'As written', 'RecordNumber', 'ControlNumber', 'Severity', 'Message', 'Ascending', 'Descending') { Assert-Control $dom $label }

        $warnings = Get-ArrangedRows $html 'test-marcrecord-warnings-by-record-desc' @("Warning ($($summary.Warnings))", 'RecordNumber', 'Descending')
        $warnings.Visible.Count | Should -Be $summary.Warnings
        $warnings.Hidden.Count | Should -Be ($total - $summary.Warnings)
        @($warnings.Visible | Where-Object { $_.cells[6] -ne 'Warning' }).Count | Should -Be 0
        $numbers = @($warnings.Visible | ForEach-Object { [int] $_.cells[0] })
        $numbers[0] | Should -Be 11 -Because 'numbers sort by value (as text, 9 would come first)'
        $numbers | Should -Be @($numbers | Sort-Object -Descending)

        $bySeverity = Get-ArrangedRows $html 'test-marcrecord-by-severity-desc' @('Severity', 'Descending')
        $bySeverity.Hidden.Count | Should -Be 0
        $severities = @($bySeverity.Visible | ForEach-Object { $_.cells[6] })
        $severities[0] | Should -Be 'Warning'
        $severities[-1] | Should -Be 'Error'
        ($severities -join ',') | Should -Match '^(Warning,)+(Error,)*Error$' -Because 'descending severity shows the warnings, then the errors'
    }

    It 'Test-LhrRecord -ReportPath: the findings table filters by rule, without script' {
        if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
        $records = foreach ($i in 1..4) {
            $lhr = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
            $null = $lhr.AddControlField('001', "lhr$i $Hostile")
            $null = $lhr.AddControlField('004', "1234567$i")
            $null = $lhr.AddControlField('008', '2401014p    8   4001aueng0240115')
            $null = $lhr.AddDataField('852', '0 ', 'a', 'MAIN', 'b', $Hostile, 'h', 'QA76')
            if ($i -ge 3) { $lhr.Leader[6] = [char]'a' }
            $lhr
        }
        $csv = Join-Path $TestDrive 'lhr-sortable/lhr.csv'
        $summary = $records | Test-LhrRecord -OclcNumberLocation 004 -ReportPath $csv -Summary -IncludeNonHoldings
        $html = [IO.Path]::ChangeExtension($csv, '.html')
        $rows = @(Import-Csv -LiteralPath $csv)
        $leader = @($rows | Where-Object RuleId -eq 'LhrLeaderTypeOfRecord')
        $leader.Count | Should -Be 2

        $dom = Get-RenderedDom $html 'test-lhrrecord-sortable'
        Assert-SafePage $dom
        Assert-Control $dom "All ($($rows.Count))"
        Assert-Control $dom 'LhrLeaderTypeOfRecord (2)'
        foreach ($label in 'Record', 'RuleId', 'Severity', 'Descending') { Assert-Control $dom $label }

        $arranged = Get-ArrangedRows $html 'test-lhrrecord-leader-by-record-desc' @('LhrLeaderTypeOfRecord (2)', 'Record', 'Descending')
        $arranged.Hidden.Count | Should -Be ($rows.Count - 2)
        @($arranged.Visible | ForEach-Object { $_.cells[1] }) | Should -Be @("lhr4 $Hostile", "lhr3 $Hostile")
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
        It 'the batch report: each section''s table sorts by its columns, without script' {
            if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
            $keys = Join-Path $TestDrive 'sortable-keys.txt'
            Set-Content -LiteralPath $keys -Value '#300000002', '#300000010', "ti:$Hostile", '#300000009', '#99999999', '#300000001' -Encoding utf8
            $csv = Join-Path $TestDrive 'batch-sortable/batch.csv'
            $results = @(Invoke-BatchSearch -LiteralPath $keys @WorldCat -MaxRecords 2 -ReportPath $csv -ErrorAction SilentlyContinue)
            $found = @($results | Where-Object Status -eq 'Found')
            $found.Count | Should -BeGreaterOrEqual 4
            $html = [IO.Path]::ChangeExtension($csv, '.html')

            $dom = Get-RenderedDom $html 'invoke-batchsearch-sortable'
            Assert-SafePage $dom
            foreach ($label in '#', 'Key', 'Hits', 'First title', 'Descending') { Assert-Control $dom $label }

            $arranged = Get-ArrangedRows $html 'invoke-batchsearch-found-by-key-desc' @('Key', 'Descending') -After '<summary>Found ('
            $arranged.Hidden.Count | Should -Be 0
            $shown = @($arranged.Visible | ForEach-Object { $_.cells[1] })
            $shown.Count | Should -Be $found.Count
            # descending: a title key ('T' after '#') first, then the OCLC number keys by value
            $expected = @($found.Key | Where-Object { $_ -notlike '#*' }) + @($found.Key | Where-Object { $_ -like '#*' } | Sort-Object { [long] $_.Substring(1) } -Descending)
            $shown | Should -Be $expected
        }
    }
    Context 'Add-WorldCatHolding against the WorldCat simulator' -Skip:$NoSimulators {
        BeforeAll {
            $script:ActionSim = Start-Simulator -Name worldcat -ArgumentList '--number-fault', '300000011,300000012,300000013=500'
            $script:ActionWorldCat = @{
                RequestsPerSecond = 0
                Credential = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'simulator-secret' -AsPlainText -Force))
                BaseAddress = [Uri]::new($ActionSim.BaseAddress, 'worldcat'); TokenAddress = [Uri]::new($ActionSim.BaseAddress, 'token')
            }
        }
        AfterAll { Stop-Simulator $ActionSim }

        It 'the action report: the tables of inputs that were not done sort by their columns, hostile input escaped, without script' {
            if ($NoBrowserReason) { Set-ItResult -Skipped -Because $NoBrowserReason; return }
            $csv = Join-Path $TestDrive 'action-report/holdings.csv'
            $inputs = '300000001', '300000012', $Hostile, '300000011', '300000013', '(OCoLC-M)12'
            $results = @($inputs | Add-WorldCatHolding @ActionWorldCat -ReportPath $csv -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 6
            @($results | Where-Object Status -eq 'Error').Count | Should -Be 3
            @($results | Where-Object Status -eq 'Refused').Count | Should -Be 2
            $html = [IO.Path]::ChangeExtension($csv, '.html')

            $dom = Get-RenderedDom $html 'add-worldcatholding'
            $dom | Should -Not -Match '<script'
            $dom | Should -Not -Match '<[^>]*\son[a-z]+\s*='
            $dom | Should -Match ([regex]::Escape($HostileAsText))
            Get-CountCell $dom 'Error' | Should -Be 3
            Get-CountCell $dom 'Refused' | Should -Be 2
            foreach ($label in '#', 'Input', 'OCLC number', 'Message', 'Descending') { Assert-Control $dom $label }

            $arranged = Get-ArrangedRows $html 'add-worldcatholding-errors-by-input-desc' @('Input', 'Descending') -After '<h2>Errors ('
            @($arranged.Visible | ForEach-Object { $_.cells[1] }) | Should -Be @('300000013', '300000012', '300000011')
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    $script:records = 1..5 | ForEach-Object { New-TestRecord -Id ("ocm0000000$_") -Title "Title $_ :" }
    $script:inFile = Join-Path $TestDrive 'in.mrc'
    Write-IsoFile -Path $inFile -Record $records

    # A file with an unreadable chunk, a record read with a warning (a subfield delimiter without a code), a record
    # MARCXML changes (a control character) and stray bytes at the end.
    $bell = New-TestRecord -Id 'ocm-bell' -Title ("Bell" + [char]7 + " :")
    $good = ConvertTo-IsoBytes -Record $records[0]
    $broken = [byte[]] $good.Clone()
    $broken[[array]::LastIndexOf($broken, [byte]0x1F) + 1] = [byte][char]' '
    $script:mixed = Join-Path $TestDrive 'mixed.mrc'
    [System.IO.File]::WriteAllBytes($mixed, (Join-Bytes @($good, (Get-JunkBytes), $broken, (ConvertTo-IsoBytes -Record $bell), $good, [byte[]](0, 0, 0))))

    # Runs a command, returning what it wrote and its errors and warnings in the order they came (id and message),
    # with the destination's path replaced so two destinations can be compared.
    function Invoke-Captured([scriptblock] $Command, [string] $Destination) {
        # Whatever the suite's preferences, errors and warnings are collected here, not thrown or hidden.
        $ErrorActionPreference = 'Continue'
        $WarningPreference = 'Continue'
        $full = [System.IO.Path]::GetFullPath($Destination)
        $reports = @(& $Command 2>&1 3>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E ' + $_.FullyQualifiedErrorId.Split(',')[0] + ': ' + $_.Exception.Message.Replace($full, 'DEST') }
                elseif ($_ -is [System.Management.Automation.WarningRecord]) { 'W ' + $_.Message.Replace($full, 'DEST') }
            })
        [pscustomobject]@{
            Bytes   = if (Test-Path -LiteralPath $Destination) { [System.IO.File]::ReadAllBytes($Destination) } else { $null }
            Reports = $reports
        }
    }
}

Describe 'Convert-MarcFile' {

    Context 'The same output as Import-MarcFile | Export-MarcFile' {
        It 'writes <Format> byte for byte as the pipeline does' -ForEach @(
            @{ Format = 'MarcXml'; Encoding = $null }
            @{ Format = 'Iso2709'; Encoding = 'Marc8' }
            @{ Format = 'Json'; Encoding = $null }
            @{ Format = 'Mrk'; Encoding = $null }
            @{ Format = 'Mrk8'; Encoding = 'Utf8' }
        ) {
            $expected = Join-Path $TestDrive "expected-$Format"
            $actual = Join-Path $TestDrive "actual-$Format"
            $enc = if ($Encoding) { @{ Encoding = $Encoding } } else { @{} }
            Import-MarcFile -LiteralPath $inFile | Export-MarcFile -LiteralPath $expected -Format $Format @enc
            Convert-MarcFile -LiteralPath $inFile -Destination $actual -Format $Format @enc
            [System.IO.File]::ReadAllBytes($actual) | Should -Be ([System.IO.File]::ReadAllBytes($expected))
        }

        It 'reports the same errors and warnings, in the same order' {
            $expectedPath = Join-Path $TestDrive 'expected-mixed.xml'
            $actualPath = Join-Path $TestDrive 'actual-mixed.xml'
            $expected = Invoke-Captured { Import-MarcFile -LiteralPath $mixed | Export-MarcFile -LiteralPath $expectedPath } $expectedPath
            $actual = Invoke-Captured { Convert-MarcFile -LiteralPath $mixed -Destination $actualPath } $actualPath
            @($expected.Reports -like 'E *').Count | Should -Be 1
            @($expected.Reports -like 'W *').Count | Should -BeGreaterOrEqual 3
            $actual.Reports | Should -Be $expected.Reports
            $actual.Bytes | Should -Be $expected.Bytes
        }

        It 'with -ThrottleLimit <Threads> reports and writes what the pipeline does' -ForEach @(
            @{ Threads = 0 }
            @{ Threads = 1 }
            @{ Threads = 3 }
        ) {
            $expectedPath = Join-Path $TestDrive "expected-mixed-$Threads.mrc"
            $actualPath = Join-Path $TestDrive "actual-mixed-$Threads.mrc"
            $expected = Invoke-Captured { Import-MarcFile -LiteralPath $mixed, $inFile | Export-MarcFile -LiteralPath $expectedPath -Encoding Marc8 } $expectedPath
            $actual = Invoke-Captured { Convert-MarcFile -LiteralPath $mixed, $inFile -Destination $actualPath -Encoding Marc8 -ThrottleLimit $Threads } $actualPath
            @($expected.Reports -like 'E *').Count | Should -Be 1
            $actual.Reports | Should -Be $expected.Reports
            $actual.Bytes | Should -Be $expected.Bytes
        }

        It 'converts the sample records as the pipeline does (help example 1)' {
            $sample = Join-Path $PSScriptRoot '../../samples/sample-records.mrc'
            $expected = Join-Path $TestDrive 'sample-expected.xml'
            $actual = Join-Path $TestDrive 'sample-actual.xml'
            Import-MarcFile -LiteralPath $sample -WarningAction SilentlyContinue | Export-MarcFile -LiteralPath $expected
            $summary = Convert-MarcFile -Path $sample -Destination $actual -PassThru -WarningAction SilentlyContinue
            [System.IO.File]::ReadAllBytes($actual) | Should -Be ([System.IO.File]::ReadAllBytes($expected))
            $summary | Should -BeOfType ([OclcCataloging.Marc.Conversion.MarcConversionSummary])
            $summary.RecordsIn | Should -Be (Import-MarcFile -LiteralPath $sample -WarningAction SilentlyContinue | Measure-Object).Count
            $summary.RecordsOut | Should -Be $summary.RecordsIn
            $summary.BytesOut | Should -Be (Get-Item -LiteralPath $actual).Length
            $summary.Format | Should -Be 'MarcXml'
        }

        It 'converts all files a wildcard matches into one file, in order' {
            $dir = Join-Path $TestDrive 'many'
            $null = New-Item -ItemType Directory -Path $dir
            Write-IsoFile -Path (Join-Path $dir 'a.mrc') -Record $records[0..1]
            Write-IsoFile -Path (Join-Path $dir 'b.mrc') -Record $records[2..4]
            $out = Join-Path $TestDrive 'many.mrc'
            $summary = Convert-MarcFile -Path (Join-Path $dir '*.mrc') -Destination $out -PassThru
            $summary.Files | Should -Be 2
            [System.IO.File]::ReadAllBytes($out) | Should -Be ([System.IO.File]::ReadAllBytes($inFile))
        }
    }

    Context 'Rejects and failures' {
        It '-RejectPath keeps the same bytes as Import-MarcFile -RejectPath' {
            $expected = Join-Path $TestDrive 'rejects-expected.mrc'
            $actual = Join-Path $TestDrive 'rejects-actual.mrc'
            $null = Import-MarcFile -LiteralPath $mixed -RejectPath $expected -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Convert-MarcFile -LiteralPath $mixed -Destination (Join-Path $TestDrive 'r.xml') -RejectPath $actual -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            [System.IO.File]::ReadAllBytes($actual) | Should -Be ([System.IO.File]::ReadAllBytes($expected))
        }

        It 'with -ErrorAction Stop leaves an existing destination as it was and no temporary file' {
            $dest = Join-Path $TestDrive 'keep.xml'
            Set-Content -LiteralPath $dest -Value 'old content'
            { Convert-MarcFile -LiteralPath $mixed -Destination $dest -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'UnreadableRecord*'
            Get-Content -LiteralPath $dest | Should -Be 'old content'
            Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
        }

        It '-NoClobber refuses an existing file' {
            $dest = Join-Path $TestDrive 'exists.mrc'
            Set-Content -LiteralPath $dest -Value 'x'
            { Convert-MarcFile -LiteralPath $inFile -Destination $dest -NoClobber } | Should -Throw -ErrorId 'FileExists*'
            Get-Content -LiteralPath $dest | Should -Be 'x'
        }

        It 'refuses to write over one of its input files' {
            { Convert-MarcFile -LiteralPath $inFile -Destination $inFile } | Should -Throw -ErrorId 'DestinationIsInput*'
            [System.IO.File]::ReadAllBytes($inFile) | Should -Be (ConvertTo-IsoBytes -Record $records)
        }

        It '-WhatIf writes nothing' {
            $dest = Join-Path $TestDrive 'whatif.xml'
            Convert-MarcFile -LiteralPath $inFile -Destination $dest -WhatIf
            Test-Path -LiteralPath $dest | Should -BeFalse
        }

        It 'stopped while it runs (Ctrl+C), it leaves no output and no temporary file' {
            $big = Join-Path $TestDrive 'big.mrc'
            $bytes = ConvertTo-IsoBytes -Record $records
            $fs = [System.IO.File]::Create($big)
            try { for ($i = 0; $i -lt 40000; $i++) { $fs.Write($bytes, 0, $bytes.Length) } } finally { $fs.Dispose() }
            $dest = Join-Path $TestDrive 'stopped.xml'
            # The module is imported as the runspace opens, not as a first statement: a stopped batch of statements
            # can still be running its next step on a pool thread while Dispose closes the runspace, which crashes pwsh.
            $session = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
            $session.ImportPSModule([string[]] @((Get-Module OclcCataloging).Path))
            $ps = [PowerShell]::Create($session)
            try {
                $null = $ps.AddCommand('Convert-MarcFile').AddParameter('LiteralPath', $big).AddParameter('Destination', $dest)
                $async = $ps.BeginInvoke()
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                while (-not (Get-TempLeftover $TestDrive) -and -not $async.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 10 }
                $async.IsCompleted | Should -BeFalse -Because 'the conversion of 200,000 records must still be running'
                $ps.Stop()
            }
            finally { $ps.Dispose() }
            Test-Path -LiteralPath $dest | Should -BeFalse
            Get-TempLeftover $TestDrive | Should -BeNullOrEmpty
        }
    }
}

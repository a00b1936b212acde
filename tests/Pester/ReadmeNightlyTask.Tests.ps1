# The README's nightly data sync task ("Data sync over SFTP — the nightly task"), taken from README.md as it is and run
# against the real OpenSSH test server (tests/peers/sftp) and samples/sample-records.mrc, so the README cannot rot.
# Only the site-specific values are replaced (server, credential, host key, folders, collection ids); each replacement
# must find its text, so a README edit that drops one fails here instead of going untested.
BeforeDiscovery {
    $script:sftpSkip = if (-not $env:OCLC_SFTP_TEST -or -not (Test-Path $env:OCLC_SFTP_TEST)) {
        'OCLC_SFTP_TEST does not name the SFTP test server''s env file (sudo bash tests/peers/sftp/start-sftp.sh /tmp/oclc-sftp 22220)'
    } else { $null }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath

    # The PowerShell code blocks that follow the README heading starting with $Heading, up to the next heading.
    function Get-ReadmeBlocks([string] $Heading) {
        $lines = Get-Content -LiteralPath (Join-Path $script:Repo 'README.md')
        $start = -1
        for ($i = 0; $i -lt $lines.Count -and $start -lt 0; $i++) { if ($lines[$i].StartsWith($Heading)) { $start = $i } }
        if ($start -lt 0) { throw "README.md has no heading '$Heading'" }
        $blocks = [System.Collections.Generic.List[string]]::new()
        $current = $null
        for ($i = $start + 1; $i -lt $lines.Count -and -not $lines[$i].StartsWith('### '); $i++) {
            if ($null -eq $current -and $lines[$i] -eq '```powershell') { $current = [System.Text.StringBuilder]::new(); continue }
            if ($null -ne $current -and $lines[$i] -eq '```') { $blocks.Add($current.ToString()); $current = $null; continue }
            if ($null -ne $current) { $null = $current.AppendLine($lines[$i]) }
        }
        , $blocks.ToArray()
    }

    # Replaces each key of $Map (literal text) by its value; every key must occur.
    function Set-ReadmeValues([string] $Text, [System.Collections.Specialized.OrderedDictionary] $Map) {
        foreach ($key in $Map.Keys) {
            if (-not $Text.Contains($key)) { throw "The README's nightly task no longer contains '$key'; update this test with it." }
            $Text = $Text.Replace($key, $Map[$key])
        }
        $Text
    }

    if ($env:OCLC_SFTP_TEST -and (Test-Path $env:OCLC_SFTP_TEST)) {
        $script:Sftp = @{}
        foreach ($line in Get-Content $env:OCLC_SFTP_TEST) { $k, $v = $line -split '=', 2; $script:Sftp[$k] = $v }
    }
}

Describe 'README: the nightly data sync task over SFTP' -Skip:([bool]$sftpSkip) {
    BeforeAll {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections.json'
        $blocks = Get-ReadmeBlocks '### Data sync over SFTP — the nightly task'
        $script:Blocks = $blocks
        # Collection ids of this run only: the test server's folders are shared with the other tests.
        $script:BibCollection = Get-Random -Minimum 2000000 -Maximum 2999999
        $script:LhrCollection = Get-Random -Minimum 3000000 -Maximum 3999999
        $site = Join-Path $TestDrive 'site'
        $script:DataSync = Join-Path $site 'DataSync'
        $script:IlsImport = Join-Path $site 'Ils/Import'
        $null = New-Item -ItemType Directory -Force -Path $DataSync, $IlsImport
        # The library's holdings translation table for the sample holdings (852 $a XYZ $b XYZA).
        @('In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21', 'XYZ,XYZA,*,XYZ,XYZA,,,') |
            Set-Content -LiteralPath (Join-Path $DataSync 'translation.csv') -Encoding utf8

        $setup = Set-ReadmeValues $blocks[0] ([ordered]@{
                '-ComputerName filex-m1.oclc.org' = "-ComputerName 127.0.0.1 -Port $($script:Sftp.PORT) -SecretStore KeyFile"
                '(Get-Credential fx_xyz)'         = '$Credential'
                "'SHA256:...'"                    = "'$($script:Sftp.FINGERPRINT)'"
            })
        $script:SetupScript = Join-Path $TestDrive 'setup.ps1'
        Set-Content -LiteralPath $SetupScript -Value ("param([pscredential] `$Credential)`n" + $setup)

        $task = Set-ReadmeValues $blocks[1] ([ordered]@{
                'D:\Ils\Export\changed.mrc'                    = (Join-Path $script:Repo 'samples/sample-records.mrc')
                'D:\Ils\Import'                                = $IlsImport
                'D:\DataSync'                                  = $DataSync
                '$bibCollection = 1234567; $lhrCollection = 7654321' = "`$bibCollection = $BibCollection; `$lhrCollection = $LhrCollection"
            })
        $script:TaskScript = Join-Path $TestDrive 'datasync.ps1'
        Set-Content -LiteralPath $TaskScript -Value $task

        $script:ServerIn = Join-Path $script:Sftp.ROOT 'xfer/metacoll/in'
        $script:ServerReports = Join-Path $script:Sftp.ROOT 'xfer/metacoll/reports'
        $script:BibLsns = @(Import-MarcFile -LiteralPath (Join-Path $script:Repo 'samples/sample-records.mrc') -WarningAction SilentlyContinue |
                Where-Object Kind -eq Bibliographic | ForEach-Object ControlNumber)
    }
    AfterAll {
        Remove-Item Env:OCLC_CONNECTIONS_PATH -ErrorAction SilentlyContinue
        if ($script:Sftp) {
            foreach ($f in @(Get-ChildItem -LiteralPath $ServerReports, (Join-Path $ServerIn bib), (Join-Path $ServerIn lhr) -Force -ErrorAction SilentlyContinue |
                        Where-Object { $_.Name -match "$BibCollection|$LhrCollection" })) { [IO.File]::Delete($f.FullName) }
        }
    }

    It 'has the set-up and the task as two PowerShell blocks' {
        $Blocks.Count | Should -Be 2
        $Blocks[1] | Should -Match 'param\(\[switch\] \$Morning\)'
    }

    It 'saves the connection with the pinned host key, without the password in the file' {
        $cred = [pscredential]::new($script:Sftp.USER, (ConvertTo-SecureString $script:Sftp.PASSWORD -AsPlainText -Force))
        & $SetupScript -Credential $cred
        (Get-OclcConnection -Name OclcSftp).GetSetting('HostKeyFingerprint') | Should -BeExactly $script:Sftp.FINGERPRINT
        Get-Content -Raw $env:OCLC_CONNECTIONS_PATH | Should -Not -Match ([regex]::Escape($script:Sftp.PASSWORD))
    }

    It 'at night checks, splits and uploads the bibliographic and the holdings records into their folders' {
        & $TaskScript 3>$null    # the sample's record 13 is damaged on purpose (a warning)
        $uploads = @(Import-Csv (Join-Path $DataSync 'uploads.csv'))
        $uploads.Outcome | Sort-Object -Unique | Should -Be 'Uploaded'
        $bibFiles = @(Get-ChildItem -LiteralPath (Join-Path $ServerIn bib) -Filter "$BibCollection.XYZ.bibs*.mrc")
        $lhrFiles = @(Get-ChildItem -LiteralPath (Join-Path $ServerIn lhr) -Filter "$LhrCollection.XYZ.lhrs*.mrc")
        $bibFiles.Count | Should -BeGreaterThan 0
        $lhrFiles.Count | Should -BeGreaterThan 0
        @($uploads).Count | Should -Be ($bibFiles.Count + $lhrFiles.Count)
        # What reached the server is what the sample holds: 13 bibliographic records, 3 holdings records.
        @($bibFiles | ForEach-Object { Import-MarcFile -LiteralPath $_.FullName -WarningAction SilentlyContinue }).Count | Should -Be 13
        @($lhrFiles | ForEach-Object { Import-MarcFile -LiteralPath $_.FullName } | Where-Object Kind -eq Holdings).Count | Should -Be 3
        @(Get-ChildItem -LiteralPath (Join-Path $ServerIn bib), (Join-Path $ServerIn lhr) -Force | Where-Object Name -like '.*.part') |
            Where-Object { $_.Name -match "$BibCollection|$LhrCollection" } | Should -BeNullOrEmpty
    }

    It 'next morning writes LSN and OCN from the cross reference report OCLC wrote overnight, once' {
        # OCLC's part: it takes the uploads away and writes the cross reference report of the bibliographic collection
        # (tab-delimited, no header, LSN then OCN), here with one broken line the task must leave out.
        $bibFiles = @(Get-ChildItem -LiteralPath (Join-Path $ServerIn bib) -Filter "$BibCollection.XYZ.bibs*.mrc")
        $lines = foreach ($lsn in $BibLsns) { "$lsn`t$($lsn -replace '\D', '')" }
        $report = Join-Path $ServerReports ("metacoll.XYZ.datasync.$BibCollection.D{0:yyyyMMdd}.T{0:HHmmssfff}.xrefrpt.txt" -f (Get-Date))
        [IO.File]::WriteAllLines($report, [string[]](@($lines) + 'lsn-without-ocn'))
        $bibFiles | ForEach-Object { [IO.File]::Delete($_.FullName) }

        & $TaskScript -Morning
        $numbers = @(Import-Csv (Join-Path $IlsImport 'oclc-numbers.csv'))
        $numbers.Lsn | Should -Be $BibLsns
        $numbers[0].Ocn | Should -Match '^\d+$'
        Test-Path -LiteralPath (Join-Path $DataSync ('inbox/' + (Split-Path $report -Leaf))) | Should -BeTrue

        # The state file remembers the report: the next morning adds nothing.
        & $TaskScript -Morning
        @(Import-Csv (Join-Path $IlsImport 'oclc-numbers.csv')).Count | Should -Be $BibLsns.Count
    }
}

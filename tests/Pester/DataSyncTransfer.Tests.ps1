# Send-DataSyncFile, Get-DataSyncRemoteFile, Receive-DataSyncFile and Import-DataSyncReport against the real OpenSSH
# test server (tests/peers/sftp; build.ps1 -Task Test starts it and sets OCLC_SFTP_TEST to its env file).
BeforeDiscovery {
    $script:sftpSkip = if (-not $env:OCLC_SFTP_TEST -or -not (Test-Path $env:OCLC_SFTP_TEST)) {
        'OCLC_SFTP_TEST does not name the SFTP test server''s env file (sudo bash tests/peers/sftp/start-sftp.sh /tmp/oclc-sftp 22220)'
    } else { $null }
    # The full-disk folder (a 256 KiB tmpfs) exists only where start-sftp.sh could mount it.
    $script:fullSkip = if ($sftpSkip) { $sftpSkip } else {
        $full = (Get-Content $env:OCLC_SFTP_TEST | Where-Object { $_ -like 'FULL=*' } | Select-Object -First 1)
        if (-not $full -or $full -eq 'FULL=') { 'the SFTP test server has no full-disk folder (start-sftp.sh could not mount its tmpfs)' } else { $null }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    if ($env:OCLC_SFTP_TEST -and (Test-Path $env:OCLC_SFTP_TEST)) {
        $script:Sftp = @{}
        foreach ($line in Get-Content $env:OCLC_SFTP_TEST) { $k, $v = $line -split '=', 2; $script:Sftp[$k] = $v }
    }
    function Save-SftpConnection([string] $Name, [string] $Password, [string] $Fingerprint) {
        $cred = [pscredential]::new($script:Sftp.USER, (ConvertTo-SecureString $Password -AsPlainText -Force))
        $fp = @{}; if ($Fingerprint) { $fp.HostKeyFingerprint = $Fingerprint }
        Set-OclcConnection -Name $Name -Kind Sftp -ComputerName 127.0.0.1 -Port ([int] $script:Sftp.PORT) -Credential $cred -SecretStore KeyFile @fp
    }
}

Describe 'Data sync SFTP transfer' -Skip:([bool]$sftpSkip) {
    BeforeAll {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections.json'
        Save-SftpConnection -Name TestSftp -Password $script:Sftp.PASSWORD -Fingerprint $script:Sftp.FINGERPRINT
        $script:Tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterAll { Remove-Item Env:OCLC_CONNECTIONS_PATH -ErrorAction SilentlyContinue }

    It 'uploads to the bib folder, warns on the same name the second time, and never shows the password' {
        $file = Join-Path $TestDrive "1234567.OCWMS.bibs.$Tag.mrc"
        [IO.File]::WriteAllBytes($file, [byte[]](1..200 | ForEach-Object { $_ }))
        $all = & { Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -Verbose; Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -Verbose } *>&1
        $results = @($all | Where-Object { $_ -is [OclcCataloging.DataSync.Transfer.DataSyncUploadResult] })
        $results.Outcome | Should -Be @('Uploaded', 'NameInUse')
        ($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'already on the server.*-Force'
        Test-Path (Join-Path $script:Sftp.ROOT "xfer/metacoll/in/bib/1234567.OCWMS.bibs.$Tag.mrc") | Should -BeTrue
        ($all | Out-String) | Should -Not -Match ([regex]::Escape($script:Sftp.PASSWORD))
    }

    It 'sends nothing with -WhatIf and refuses a bad name with DataSyncNameInvalid' {
        $file = Join-Path $TestDrive "1234567.OCWMS.whatif.$Tag.mrc"
        Set-Content $file 'x'
        Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -WhatIf | Should -BeNullOrEmpty
        Test-Path (Join-Path $script:Sftp.ROOT "xfer/metacoll/in/bib/1234567.OCWMS.whatif.$Tag.mrc") | Should -BeFalse
        $bad = Join-Path $TestDrive 'no collection id.mrc'
        Set-Content $bad 'x'
        Send-DataSyncFile -LiteralPath $bad -Connection TestSftp -RecordKind Bibliographic -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DataSyncNameInvalid*'
    }

    It 'lists, downloads with state, leaves downloaded files out, and reads the cross reference report' {
        $folder = "xfer/metacoll/reports/p$Tag"
        $null = New-Item -ItemType Directory (Join-Path $script:Sftp.ROOT $folder)
        $name = 'metacoll.OCWMS.datasync.1234567.D20261204.T010203.xrefrpt.txt'
        [IO.File]::WriteAllText((Join-Path $script:Sftp.ROOT "$folder/$name"), "b100`t12345`nb200`t678`n")
        $state = Join-Path $TestDrive 'downloads.tsv'
        $listed = Get-DataSyncRemoteFile Reports -Connection TestSftp -RemoteFolder "/$folder" -NotDownloaded -StatePath $state
        $listed.Name | Should -Be $name
        $listed.Kind | Should -Be 'CrossReferenceReport'
        $got = $listed | Receive-DataSyncFile -Connection TestSftp -Destination (Join-Path $TestDrive in) -StatePath $state
        Get-DataSyncRemoteFile Reports -Connection TestSftp -RemoteFolder "/$folder" -NotDownloaded -StatePath $state | Should -BeNullOrEmpty
        $rows = $got | Import-DataSyncReport
        $rows.Lsn | Should -Be @('b100', 'b200')
        $rows.Ocn | Should -Be @('12345', '678')
    }

    It 'stops once with SftpAuthenticationFailed on a wrong password, without the password in any stream' {
        Save-SftpConnection -Name WrongSftp -Password 'Wrong-Pa55word!' -Fingerprint $script:Sftp.FINGERPRINT
        $all = & { try { Get-DataSyncRemoteFile -Connection WrongSftp -Verbose } catch { $_ } } *>&1
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SftpAuthenticationFailed*'
        (($all | Out-String) + $errors[0].Exception.ToString()) | Should -Not -Match 'Wrong-Pa55word!'
    }

    It 'authenticates with a passphrase-protected key file, the passphrase saved as the credential''s password and never shown' {
        $phrase = ConvertTo-SecureString $script:Sftp.KEY_PASSPHRASE -AsPlainText -Force
        Set-OclcConnection -Name KeySftp -Kind Sftp -ComputerName 127.0.0.1 -Port ([int] $script:Sftp.PORT) -SecretStore KeyFile `
            -Credential ([pscredential]::new($script:Sftp.USER, $phrase)) -PrivateKeyPath $script:Sftp.KEY_ENC -HostKeyFingerprint $script:Sftp.FINGERPRINT
        $file = Join-Path $TestDrive "1234567.OCWMS.keyed.$Tag.mrc"
        Set-Content $file 'keyed'
        $all = & { Send-DataSyncFile -LiteralPath $file -Connection KeySftp -RecordKind LocalHoldings -Verbose } *>&1
        @($all | Where-Object { $_ -is [OclcCataloging.DataSync.Transfer.DataSyncUploadResult] }).Outcome | Should -Be 'Uploaded'
        Test-Path (Join-Path $script:Sftp.ROOT "xfer/metacoll/in/lhr/1234567.OCWMS.keyed.$Tag.mrc") | Should -BeTrue
        ($all | Out-String) | Should -Not -Match ([regex]::Escape($script:Sftp.KEY_PASSPHRASE))
        (Get-Content -Raw $env:OCLC_CONNECTIONS_PATH) | Should -Not -Match ([regex]::Escape($script:Sftp.KEY_PASSPHRASE))
    }

    It 'refuses a wrong key passphrase with SftpAuthenticationFailed, naming the key file but not the passphrase' {
        Set-OclcConnection -Name BadKeySftp -Kind Sftp -ComputerName 127.0.0.1 -Port ([int] $script:Sftp.PORT) -SecretStore KeyFile `
            -Credential ([pscredential]::new($script:Sftp.USER, (ConvertTo-SecureString 'Not-The-Phrase-42' -AsPlainText -Force))) `
            -PrivateKeyPath $script:Sftp.KEY_ENC -HostKeyFingerprint $script:Sftp.FINGERPRINT
        $all = & { try { Get-DataSyncRemoteFile -Connection BadKeySftp } catch { $_ } } *>&1
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SftpAuthenticationFailed*'
        $errors[0].Exception.Message | Should -Match ([regex]::Escape($script:Sftp.KEY_ENC))
        (($all | Out-String) + $errors[0].Exception.ToString()) | Should -Not -Match 'Not-The-Phrase-42'
    }

    It 'refuses a folder the account may not write: the error names the file and the server folder, nothing is left there' {
        $name = "1234567.OCWMS.denied.$Tag.mrc"
        $file = Join-Path $TestDrive $name
        Set-Content $file 'denied'
        Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -RemoteFolder /xfer/readonly -ErrorVariable err -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SftpPermissionDenied*'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].TargetObject | Should -Be $file
        $err[0].Exception.Message | Should -Match ("^" + [regex]::Escape("$name was not uploaded to /xfer/readonly on "))
        $err[0].Exception.Message | Should -Match 'Nothing of it was left on the server\.$'
        @(Get-ChildItem -LiteralPath (Join-Path $script:Sftp.ROOT 'xfer/readonly') -Force | Where-Object Name -like "*$name*") | Should -BeNullOrEmpty
    }

    It 'reports a full disk per file: the error names the file and the server folder, no half file is left, the next file is still sent' -Skip:([bool]$fullSkip) {
        $big = Join-Path $TestDrive "1234567.OCWMS.big.$Tag.mrc"
        [IO.File]::WriteAllBytes($big, [byte[]]::new(600KB))
        $small = Join-Path $TestDrive "1234567.OCWMS.small.$Tag.mrc"
        Set-Content $small 'small'
        $results = Send-DataSyncFile -LiteralPath $big, $small -Connection TestSftp -RecordKind Bibliographic -RemoteFolder $script:Sftp.FULL -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Not -BeLike 'SftpConnectionLost*'
        $err[0].Exception.Message | Should -Match ("^" + [regex]::Escape("1234567.OCWMS.big.$Tag.mrc was not uploaded to $($script:Sftp.FULL) on "))
        $err[0].Exception.Message | Should -Match 'Nothing of it was left on the server\.$'
        $left = @(Get-ChildItem -LiteralPath (Join-Path $script:Sftp.ROOT $script:Sftp.FULL.TrimStart('/')) -Force | Where-Object Name -like "*big.$Tag*")
        $left | Should -BeNullOrEmpty
        @($results).Name | Should -Be "1234567.OCWMS.small.$Tag.mrc"
        [IO.File]::Delete((Join-Path $script:Sftp.ROOT ($script:Sftp.FULL.TrimStart("/") + "/1234567.OCWMS.small.$Tag.mrc")))  # Remove-Item refuses files on this tmpfs
    }

    It 'never writes the password or the key passphrase to any stream, error detail or output object' {
        $secrets = @($script:Sftp.PASSWORD, $script:Sftp.KEY_PASSPHRASE, 'Wrong-Pa55word-77', 'Wrong-Phrase-77')
        Save-SftpConnection -Name StreamsWrong -Password 'Wrong-Pa55word-77' -Fingerprint $script:Sftp.FINGERPRINT
        Set-OclcConnection -Name StreamsKey -Kind Sftp -ComputerName 127.0.0.1 -Port ([int] $script:Sftp.PORT) -SecretStore KeyFile `
            -Credential ([pscredential]::new($script:Sftp.USER, (ConvertTo-SecureString $script:Sftp.KEY_PASSPHRASE -AsPlainText -Force))) `
            -PrivateKeyPath $script:Sftp.KEY_ENC -HostKeyFingerprint $script:Sftp.FINGERPRINT
        Set-OclcConnection -Name StreamsBadKey -Kind Sftp -ComputerName 127.0.0.1 -Port ([int] $script:Sftp.PORT) -SecretStore KeyFile `
            -Credential ([pscredential]::new($script:Sftp.USER, (ConvertTo-SecureString 'Wrong-Phrase-77' -AsPlainText -Force))) `
            -PrivateKeyPath $script:Sftp.KEY_ENC -HostKeyFingerprint $script:Sftp.FINGERPRINT
        $file = Join-Path $TestDrive "1234567.OCWMS.streams.$Tag.mrc"
        Set-Content $file 'streams'
        # $DebugPreference rather than -Debug, which asks (Inquire) in some hosts.
        $common = @{ Verbose = $true; InformationAction = 'Continue'; WarningAction = 'Continue'; ErrorAction = 'Continue' }
        $state = Join-Path $TestDrive 'streams.tsv'
        $all = & {
            $DebugPreference = 'Continue'
            Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic @common
            Send-DataSyncFile -LiteralPath $file -Connection StreamsKey -RecordKind Bibliographic @common            # NameInUse warning
            Send-DataSyncFile -LiteralPath $file -Connection StreamsKey -RecordKind Bibliographic -Force @common
            Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -RemoteFolder /xfer/readonly @common
            Send-DataSyncFile -LiteralPath $file -Connection TestSftp -RecordKind Bibliographic -WhatIf @common
            $listed = Get-DataSyncRemoteFile -Connection StreamsKey -RemoteFolder /xfer/metacoll/in/bib -StatePath $state @common
            $listed | Where-Object Name -eq (Split-Path $file -Leaf) | Receive-DataSyncFile -Connection TestSftp -Destination (Join-Path $TestDrive streams) -StatePath $state @common
            try { Get-DataSyncRemoteFile -Connection StreamsWrong @common } catch { $_ }
            try { Get-DataSyncRemoteFile -Connection StreamsBadKey @common } catch { $_ }
            Get-OclcConnection -Name Streams* @common
        } *>&1
        # Every kind of stream took part, so the check below covers them all.
        foreach ($type in 'VerboseRecord', 'DebugRecord', 'WarningRecord', 'ErrorRecord', 'InformationRecord') {
            @($all | Where-Object { $_.GetType().Name -eq $type }).Count | Should -BeGreaterThan 0 -Because "the run wrote to the $type stream"
        }
        $text = foreach ($item in $all) {
            $item | Format-List * -Force | Out-String -Width 4096
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $item.Exception.ToString(); $item.ErrorDetails | Format-List * -Force | Out-String -Width 4096; "$($item.TargetObject)"
            }
            else { try { $item | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue } catch { "$item" } }
        }
        $text = ($text -join "`n") + (Get-Content -Raw $env:OCLC_CONNECTIONS_PATH)
        foreach ($secret in $secrets) { $text | Should -Not -Match ([regex]::Escape($secret)) }
        $text | Should -Match 'SftpAuthenticationFailed'
        $text | Should -Match 'SftpPermissionDenied'
    }

    It 'refuses a changed host key with SftpHostKeyChanged and names the presented key' {
        $err = $null
        try { Get-DataSyncRemoteFile -Connection TestSftp -HostKeyFingerprint 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' -ErrorAction Stop }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'SftpHostKeyChanged*'
        $err.Exception.Message | Should -Match ([regex]::Escape($script:Sftp.FINGERPRINT))
        $err.ErrorDetails.RecommendedAction | Should -Match ("-HostKeyFingerprint '" + [regex]::Escape($script:Sftp.FINGERPRINT))
    }
}

Describe 'First use of an SFTP server with no pinned host key' -Skip:([bool]$sftpSkip) {
    BeforeAll {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'connections.json'
        # The pwsh to start: the dotnet tool runs as "dotnet <PSHOME>/pwsh.dll", an installed pwsh as itself.
        $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $dll = Join-Path $PSHOME 'pwsh.dll'
        $script:Pwsh = if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path -LiteralPath $dll)) { @($process, $dll) } else { @($process) }
        # Lists the reports folder with the connection named $Name in a new pwsh; prints LISTED or the error id, message and advice.
        $script:Child = Join-Path $TestDrive 'first-use.ps1'
        Set-Content -LiteralPath $script:Child -Value @'
param($ModulePath, $Name)
Import-Module $ModulePath
try { $null = Get-DataSyncRemoteFile Reports -Connection $Name -ErrorAction Stop; 'LISTED' }
catch { 'ERROR ' + $_.FullyQualifiedErrorId; $_.ErrorDetails.Message }
'@
        function Invoke-FirstUse([string] $Name, [string] $Answer, [switch] $NonInteractive) {
            $arguments = @($script:Pwsh | Select-Object -Skip 1) + @('-NoProfile') + $(if ($NonInteractive) { '-NonInteractive' }) +
                @('-File', $script:Child, (Resolve-Path $env:OCLC_MODULE_PATH).ProviderPath, $Name)
            if ($Answer) { ($Answer | & $script:Pwsh[0] @arguments 2>&1) -join "`n" } else { (& $script:Pwsh[0] @arguments 2>&1) -join "`n" }
        }
        function Get-Pin([string] $Name) { (Get-OclcConnection -Name $Name).GetSetting('HostKeyFingerprint') }
    }
    AfterAll { Remove-Item Env:OCLC_CONNECTIONS_PATH -ErrorAction SilentlyContinue }

    It 'asks in an interactive session, showing the presented fingerprint, and pins it on Yes' {
        Save-SftpConnection -Name AskYes -Password $script:Sftp.PASSWORD
        $out = Invoke-FirstUse -Name AskYes -Answer 'y'
        $out | Should -Match 'Unknown SFTP host key'
        $out | Should -Match ([regex]::Escape($script:Sftp.FINGERPRINT))
        $out | Should -Match 'LISTED'
        Get-Pin AskYes | Should -BeExactly $script:Sftp.FINGERPRINT
        $out | Should -Not -Match ([regex]::Escape($script:Sftp.PASSWORD))
        # pinned now: an unattended run connects without asking
        Invoke-FirstUse -Name AskYes -NonInteractive | Should -Match 'LISTED'
    }

    It 'pins nothing and fails with SftpHostKeyNotPinned when the answer is No (the default)' {
        Save-SftpConnection -Name AskNo -Password $script:Sftp.PASSWORD
        $out = Invoke-FirstUse -Name AskNo -Answer 'n'
        $out | Should -Match 'Unknown SFTP host key'
        $out | Should -Match '\(default is "N"\)'
        $out | Should -Match 'ERROR SftpHostKeyNotPinned'
        $out | Should -Match 'the answer was No'
        Get-Pin AskNo | Should -BeNullOrEmpty
    }

    It 'does not ask in a -NonInteractive session: the error gives the presented fingerprint and the -HostKeyFingerprint fix' {
        Save-SftpConnection -Name Unattended -Password $script:Sftp.PASSWORD
        $out = Invoke-FirstUse -Name Unattended -NonInteractive
        $out | Should -Not -Match 'Unknown SFTP host key'
        $out | Should -Match 'ERROR SftpHostKeyNotPinned'
        $out | Should -Match 'non-interactive'
        $out | Should -Match ("-HostKeyFingerprint '" + [regex]::Escape($script:Sftp.FINGERPRINT) + "'")
        Get-Pin Unattended | Should -BeNullOrEmpty
    }

    It 'does not ask with -Confirm:$false and sends nothing' {
        Save-SftpConnection -Name NoConfirm -Password $script:Sftp.PASSWORD
        $file = Join-Path $TestDrive '1234567.OCWMS.unpinned.mrc'
        Set-Content $file 'x'
        $err = $null
        try { Send-DataSyncFile -LiteralPath $file -Connection NoConfirm -RecordKind Bibliographic -Confirm:$false -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'SftpHostKeyNotPinned*'
        $err.Exception.Message | Should -Match '-Confirm:\$false'
        $err.ErrorDetails.RecommendedAction | Should -Match ("-HostKeyFingerprint '" + [regex]::Escape($script:Sftp.FINGERPRINT) + "'")
        Test-Path (Join-Path $script:Sftp.ROOT 'xfer/metacoll/in/bib/1234567.OCWMS.unpinned.mrc') | Should -BeFalse
        Get-Pin NoConfirm | Should -BeNullOrEmpty
    }

    It 'saves a matching -HostKeyFingerprint in a connection that had none' {
        Save-SftpConnection -Name ByParameter -Password $script:Sftp.PASSWORD
        $null = Get-DataSyncRemoteFile Reports -Connection ByParameter -HostKeyFingerprint $script:Sftp.FINGERPRINT -ErrorAction Stop
        Get-Pin ByParameter | Should -BeExactly $script:Sftp.FINGERPRINT
    }
}

Describe 'Import-DataSyncReport without a server' {
    It 'returns rows of raw columns for an unknown layout' {
        $file = Join-Path $TestDrive 'some.report.txt'
        Set-Content $file "a`tb`n1`t2"
        $rows = Import-DataSyncReport -LiteralPath $file
        $rows[-1].Columns | Should -Be @('1', '2')
        $rows[-1].Layout | Should -Be 'Raw'
    }

    It 'reads the pipe-delimited exception report into LSN, OCN, severity and message' {
        $file = Join-Path $TestDrive 'XYZ-XYZ.1234567.IN.BIB.D20261204.T010203456.1234567.XYZ.bibs.mrc_1.BibExceptionReport.txt'
        Set-Content $file "7001|b1000003||4567|Validation|Severe|Invalid tag 509.`n7001|b1000004"
        $rows = Import-DataSyncReport -LiteralPath $file
        $rows[0].Layout | Should -Be 'BibliographicException'
        $rows[0].Lsn, $rows[0].Ocn, $rows[0].Severity, $rows[0].Message | Should -Be @('b1000003', '4567', 'Severe', 'Invalid tag 509.')
        $rows[1].Problem | Should -Match '2 of the 7 columns'
    }
}

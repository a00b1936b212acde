# Send-DataSyncFile, Get-DataSyncRemoteFile, Receive-DataSyncFile and Import-DataSyncReport against the real OpenSSH
# test server (tests/peers/sftp; build.ps1 -Task Test starts it and sets OCLC_SFTP_TEST to its env file).
BeforeDiscovery {
    $script:sftpSkip = if (-not $env:OCLC_SFTP_TEST -or -not (Test-Path $env:OCLC_SFTP_TEST)) {
        'OCLC_SFTP_TEST does not name the SFTP test server''s env file (sudo bash tests/peers/sftp/start-sftp.sh /tmp/oclc-sftp 22220)'
    } else { $null }
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

    It 'refuses a changed host key with SftpHostKeyChanged and names the presented key' {
        $err = $null
        try { Get-DataSyncRemoteFile -Connection TestSftp -HostKeyFingerprint 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' -ErrorAction Stop }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'SftpHostKeyChanged*'
        $err.Exception.Message | Should -Match ([regex]::Escape($script:Sftp.FINGERPRINT))
        $err.ErrorDetails.RecommendedAction | Should -Match ("-HostKeyFingerprint '" + [regex]::Escape($script:Sftp.FINGERPRINT))
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
}

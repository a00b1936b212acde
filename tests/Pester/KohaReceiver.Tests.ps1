# Start-GatewayListener's Koha sink and Send-KohaSpool end to end, against the fake Koha (tests/OclcCataloging.Simulators/Koha,
# run as a process). The expected replies are the bytes connexion_import_daemon.pl sends (docs/design/koha-receiver.md §3).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:KohaUser = 'koha_connexion'
    $script:KohaPassword = 'Kp-9f%s-Secret'
    $script:ConnexionPassword = 'Cx-7q-Geheim'

    function New-Credential([string] $User, [string] $Password) {
        [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }

    function New-KohaRecord([string] $Id, [string] $Title, [string] $Isbn) {
        $r = New-TestRecord -Id $Id -Title $Title
        $r.Leader.CharacterCodingScheme = 'a'
        if ($Isbn) { $null = $r.AddDataField('020', '  ', 'a', $Isbn) }
        $r
    }

    function Get-WireBytes($Record) { [OclcCataloging.Gateway.GatewayRecord]::FromRecord($Record, 'AsIs').Bytes }

    # Sends raw bytes and returns every byte of the reply up to the end of the stream (the daemon closes after its NUL).
    function Send-RawBytes([int] $Port, [byte[]] $Bytes) {
        $tcp = [System.Net.Sockets.TcpClient]::new()
        try {
            $tcp.Connect('127.0.0.1', $Port)
            $tcp.ReceiveTimeout = 20000
            $s = $tcp.GetStream()
            try { $s.Write($Bytes, 0, $Bytes.Length) } catch { }
            $reply = [System.IO.MemoryStream]::new()
            $buf = [byte[]]::new(4096)
            for ($i = 0; $i -lt 1000; $i++) {
                try { $n = $s.Read($buf, 0, $buf.Length) } catch { break }
                if ($n -le 0) { break }
                $reply.Write($buf, 0, $n)
            }
            , $reply.ToArray()
        }
        finally { $tcp.Dispose() }
    }

    function Send-Record([int] $Port, $Record) {
        Show-Bytes (Send-RawBytes $Port ([byte[]] ((Get-WireBytes $Record) + [byte[]](0))))
    }

    function Send-Raw([int] $Port, [byte[]] $Bytes) { Show-Bytes (Send-RawBytes $Port $Bytes) }

    function Show-Bytes([byte[]] $Bytes) { [Text.Encoding]::UTF8.GetString($Bytes).Replace([string][char]0, '\0').Replace("`n", '\n') }

    # The reply the daemon sends for $Text (its bytes, the NUL and newlines made visible, so a failure shows the difference).
    function ConvertTo-ReplyBytes([string] $Text) { Show-Bytes ([Text.Encoding]::UTF8.GetBytes($Text + [char]0)) }

    function Invoke-Fake([string] $Method, [string] $Relative, [string] $Body) {
        $uri = [Uri]::new($script:Koha.BaseAddress, $Relative)
        if ($Body) { Invoke-RestMethod -Method $Method -Uri $uri -Body $Body -ContentType 'text/xml' } else { Invoke-RestMethod -Method $Method -Uri $uri }
    }

    function Reset-Koha { $null = Invoke-Fake Post '_simulator/reset' }

    # How often the fake Koha loaded each record (by 001), as a hashtable.
    function Get-KohaLoads {
        $h = @{}
        $loads = Invoke-Fake Get '_simulator/loads'
        foreach ($p in $loads.PSObject.Properties) { $h[$p.Name] = [int] $p.Value }
        $h
    }

    function Get-FreePort {
        $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $l.Start(); $port = $l.LocalEndpoint.Port; $l.Stop(); $port
    }

    # What -WhatIf and the other host output wrote, through a transcript.
    function Get-HostText([scriptblock] $Script) {
        $path = Join-Path $TestDrive ('transcript-{0}.txt' -f [guid]::NewGuid().ToString('N'))
        $null = Start-Transcript -LiteralPath $path
        try { $null = & $Script *>&1 } finally { $null = Stop-Transcript }
        Get-Content -LiteralPath $path -Raw
    }

    function Get-DetailUrl([string] $Biblio) { $script:Koha.BaseAddress.AbsoluteUri + 'cgi-bin/koha/catalogue/detail.pl?biblionumber=' + $Biblio }
}

Describe 'Start-GatewayListener -Koha: parameters' {
    It 'fails at the start, naming the right parameter, for wrong combinations' {
        $c = New-Credential 'k' 'x'
        { Start-GatewayListener -Port 0 -Koha http://127.0.0.1:9/ -KohaCredential $c -ScriptBlock { } -ErrorAction Stop } |
            Should -Throw -ErrorId 'KohaParameterConflict,OclcCataloging.Commands.StartGatewayListenerCommand'
        $e = { Start-GatewayListener -Port 0 -Koha http://127.0.0.1:9/ -KohaCredential $c -KohaConnection saved -ErrorAction Stop } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -Be 'KohaParameterConflict,OclcCataloging.Commands.StartGatewayListenerCommand'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*-KohaCredential or -KohaConnection*'
        $e = { Start-GatewayListener -Port 0 -Path $TestDrive -Match ISBN -ErrorAction Stop } | Should -Throw -PassThru
        $e.Exception.Message | Should -BeLike '*-Match*-Koha*'
        { Start-GatewayListener -Port 0 -Koha http://127.0.0.1:9/ -ErrorAction Stop } | Should -Throw -ErrorId 'KohaParameterConflict,OclcCataloging.Commands.StartGatewayListenerCommand'
        { Start-GatewayListener -Port 0 -Koha http://127.0.0.1:9/ -KohaCredential $c -OverlayAction overwrite -ErrorAction Stop } |
            Should -Throw -ErrorId 'KohaSettingsInvalid,OclcCataloging.Commands.StartGatewayListenerCommand'
        { Start-GatewayListener -Port 0 -Koha http://127.0.0.1:9/ -KohaCredential $c -KohaApi Rest -KohaLegacyLogin -ErrorAction Stop } |
            Should -Throw -ErrorId 'KohaParameterConflict,OclcCataloging.Commands.StartGatewayListenerCommand'
        Get-GatewayListener | Should -BeNullOrEmpty
    }

    It 'tab-completes the import settings with the values Koha accepts, on both cmdlets' {
        foreach ($cmd in 'Start-GatewayListener -Port 1 -Koha http://x/', 'Send-KohaSpool x -Koha http://x/') {
            $line = "$cmd -OverlayAction "
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
                Should -Be @('create_new', 'ignore', 'replace', 'use_template')
            $line = "$cmd -ItemAction add_"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
                Should -Be @('add_only_for_matches', 'add_only_for_new')
            $line = "$cmd -ImportMode "
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('direct', 'stage')
            $line = "$cmd -KohaApi "
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('ImportBib', 'Rest')
        }
    }

    It 'says with -WhatIf where records would go, without the password, and starts nothing' {
        $c = New-Credential 'koha_connexion' $script:KohaPassword
        $text = Get-HostText { Start-GatewayListener -Port 0 -Koha https://staff.example -KohaCredential $c -ImportMode direct -Match ISBN -WhatIf -Verbose }
        $text | Should -BeLike '*load them into https://staff.example/*'
        $text.Contains($script:KohaPassword) | Should -BeFalse
        Get-GatewayListener | Should -BeNullOrEmpty
    }
}

Describe 'Start-GatewayListener -Koha against the fake Koha' -Skip:$script:NoSimulators {
    BeforeAll {
        $script:Koha = Start-Simulator -Name koha -ArgumentList '--user', $script:KohaUser, '--password', $script:KohaPassword
        $script:KohaCred = New-Credential $script:KohaUser $script:KohaPassword
        $script:KohaUrl = $script:Koha.BaseAddress
    }
    AfterAll { Stop-Simulator $script:Koha }
    BeforeEach { Reset-Koha }
    AfterEach { Get-GatewayListener | Stop-GatewayListener }

    It 'answers a record Koha added with the daemon''s exact bytes, and Koha gets the record as MARCXML with the settings' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -Match ISBN -OverlayAction replace -NomatchAction create_new -ItemAction ignore -Framework FA -WarningAction SilentlyContinue
        $reply = Send-Record $l.Port (New-KohaRecord -Id 'ocmK1' -Title 'Café society :')
        $reply | Should -Be (ConvertTo-ReplyBytes ("Success.  Batch number 1 - biblio record number 100 added to Koha.`n`n" + (Get-DetailUrl 100)))
        $import = @(Invoke-Fake Get '_simulator/requests' | ForEach-Object { $_ } | Where-Object path -Like '*import_bib')
        $import.Count | Should -Be 1
        $import[0].fields.importMode | Should -Be 'direct'
        $import[0].fields.match | Should -Be 'ISBN'
        $import[0].fields.overlayAction | Should -Be 'replace'
        $import[0].fields.itemAction | Should -Be 'ignore'
        $import[0].fields.framework | Should -Be 'FA'
        $import[0].csrfToken | Should -Not -BeNullOrEmpty
        $import[0].marcXml | Should -BeLike '*<subfield code="a">Café society :</subfield>*'
        (Get-KohaLoads)['ocmK1'] | Should -Be 1
        $l.RecordsImported | Should -Be 1
    }

    It 'answers "overlaid by import." when Koha matched an existing record' {
        $seed = New-KohaRecord -Id 'ocmOld' -Title 'Old copy :' -Isbn '9780000000017'
        $seeded = Invoke-Fake Post '_simulator/seed' ([OclcCataloging.Marc.Xml.MarcXmlWriter]::ToXml($seed))
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -Match ISBN -OverlayAction replace -WarningAction SilentlyContinue
        $reply = Send-Record $l.Port (New-KohaRecord -Id 'ocmNew' -Title 'New copy :' -Isbn '978-0-00-000001-7')
        $reply | Should -Be (ConvertTo-ReplyBytes ("Success.  Batch number 1 - biblio record number $($seeded.id) overlaid by import.`n`n" + (Get-DetailUrl $seeded.id)))
    }

    It 'answers a staged record as the daemon does, with the number left empty (the daemon printed HASH(0x...))' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -WarningAction SilentlyContinue
        $reply = Send-Record $l.Port (New-KohaRecord -Id 'ocmS1' -Title 'Staged :')
        $reply | Should -Be (ConvertTo-ReplyBytes ("Success.  Batch number 1 - biblio record number  added to Koha.`n`n" + (Get-DetailUrl '')))
        @(Invoke-Fake Get '_simulator/staged' | ForEach-Object { $_ }).Count | Should -Be 1
    }

    It 'answers Koha''s refusal, a failed Koha login, a bad request and a wrong Connexion logon with the daemon''s bytes' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -Credential (New-Credential 'catuser' $script:ConnexionPassword) -WarningAction SilentlyContinue
        $null = Invoke-Fake Post '_simulator/faults?kind=failed&path=import_bib&error=Batch%20create%20error&times=1'
        $logon = [byte[]](0x55) + [byte[]](64 + 7) + [Text.Encoding]::UTF8.GetBytes('catuser') + [byte[]](0x50) + [byte[]](64 + $script:ConnexionPassword.Length) + [Text.Encoding]::UTF8.GetBytes($script:ConnexionPassword)
        $record = (Get-WireBytes (New-KohaRecord -Id 'ocmF1' -Title 'Refused :')) + [byte[]](0)
        Send-Raw $l.Port ([byte[]] ($logon + $record)) | Should -Be (ConvertTo-ReplyBytes 'Batch create error.  Please contact administrator.')
        Send-Raw $l.Port ([byte[]] $record) | Should -Be (ConvertTo-ReplyBytes 'Unauthorized request')
        Send-Raw $l.Port ([Text.Encoding]::ASCII.GetBytes("GET / HTTP/1.1`r`n`r`n")) | Should -Be (ConvertTo-ReplyBytes 'Bad request')

        $wrong = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential (New-Credential $script:KohaUser 'not-the-password') -WarningAction SilentlyContinue
        Send-Record $wrong.Port (New-KohaRecord -Id 'ocmF2' -Title 'No login :') | Should -Be (ConvertTo-ReplyBytes 'Unsuccessful request')
        (Get-KohaLoads).Count | Should -Be 0
    }

    It 'uses the daemon''s configuration file, parameters overriding it, and checks its connexion_user' {
        $cfg = Join-Path $TestDrive 'connexion.cnf'
        Set-Content -LiteralPath $cfg -Encoding utf8 -Value @(
            '# connexion_import_daemon.pl configuration', 'host: 127.0.0.1', 'port: 5599', "koha: $($script:KohaUrl.AbsoluteUri.TrimEnd('/'))",
            "user: $($script:KohaUser)", "password: $($script:KohaPassword)", 'connexion_user: catuser', "connexion_password: $($script:ConnexionPassword)",
            'import_mode: stage', 'match: ISBN', 'overlay_action: replace', 'nomatch_action: create_new', 'item_action: always_add', 'framework: ', 'log: /var/log/koha/connexion.log')
        $l = Start-GatewayListener -KohaConfigPath $cfg -Port 0 -ImportMode direct -WarningAction SilentlyContinue
        $l.Address | Should -Be '127.0.0.1'
        $ok = New-KohaRecord -Id 'ocmC1' -Title 'Configured :' | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -UserId catuser -Credential (New-Credential 'catuser' $script:ConnexionPassword)
        $ok.Status | Should -Be Accepted
        $ok.ReplyText | Should -BeLike "Success.  Batch number * - biblio record number 100 added to Koha.`n`n*biblionumber=100"
        # a refused logon stops Send-GatewayExport at once, naming the receiver's reply
        { New-KohaRecord -Id 'ocmC2' -Title 'Stranger :' | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -UserId someone } |
            Should -Throw -ErrorId 'GatewayLogonRefused,*' -ExpectedMessage "*'Unauthorized request'*"
        $import = @(Invoke-Fake Get '_simulator/requests' | ForEach-Object { $_ } | Where-Object path -Like '*import_bib')
        $import.Count | Should -Be 1
        $import[0].fields.importMode | Should -Be 'direct'
        $import[0].fields.match | Should -Be 'ISBN'
        $import[0].fields.itemAction | Should -Be 'always_add'
    }

    It 'loads through the REST API: created, then overlaid by a duplicate with -Match' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -KohaApi Rest -Match ISBN -OverlayAction replace -WarningAction SilentlyContinue
        Send-Record $l.Port (New-KohaRecord -Id 'ocmR1' -Title 'Rest one :' -Isbn '9780000000024') |
            Should -Be (ConvertTo-ReplyBytes ("Success.  Batch number  - biblio record number 100 added to Koha.`n`n" + (Get-DetailUrl 100)))
        Send-Record $l.Port (New-KohaRecord -Id 'ocmR2' -Title 'Rest two :' -Isbn '9780000000024') |
            Should -Be (ConvertTo-ReplyBytes ("Success.  Batch number  - biblio record number 100 overlaid by import.`n`n" + (Get-DetailUrl 100)))
        $posts = @(Invoke-Fake Get '_simulator/requests' | ForEach-Object { $_ } | Where-Object path -Like '*api/v1/biblios*')
        $posts.method | Should -Be @('POST', 'POST', 'PUT')
        $posts[0].contentType | Should -BeLike 'application/marcxml+xml*'
    }

    It 'survives the hostile inputs, sends none of them to Koha, and keeps loading records' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -IdleTimeoutSec 2 -WarningAction SilentlyContinue
        Send-Raw $l.Port ([Text.Encoding]::ASCII.GetBytes("12345xyz`0")) | Should -Be (ConvertTo-ReplyBytes 'Bad request')
        Send-Raw $l.Port ([byte[]](1..255 + 0)) | Should -Be (ConvertTo-ReplyBytes 'Bad request')
        $big = [byte[]]::new(150000); for ($i = 0; $i -lt 5; $i++) { $big[$i] = 0x39 }; for ($i = 5; $i -lt $big.Length; $i++) { $big[$i] = 0x78 }
        # The listener answers at its limit and closes while the sender is still writing, so the reply may be lost to a reset.
        $r = Send-Raw $l.Port $big
        if ($r) { $r | Should -Be (ConvertTo-ReplyBytes 'Bad request') }
        $truncated = (Get-WireBytes (New-KohaRecord -Id 'ocmT' -Title 'Cut :'))[0..40] + [byte[]](0)
        Send-Raw $l.Port ([byte[]] $truncated) | Should -Be (ConvertTo-ReplyBytes 'Bad request')
        $l.IsRunning | Should -BeTrue
        (Get-KohaLoads).Count | Should -Be 0
        $reply = Send-Record $l.Port (New-KohaRecord -Id 'ocmAfter' -Title 'After the storm :')
        $reply | Should -BeLike 'Success.  Batch number 1 - biblio record number 100 added to Koha.*'
        (Get-KohaLoads)['ocmAfter'] | Should -Be 1
    }

    It 'spools records while Koha is down; Send-KohaSpool loads each once and keeps the unknown one' {
        $spool = Join-Path $TestDrive 'spool'
        $down = "http://127.0.0.1:$(Get-FreePort)/"
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $down -KohaCredential $script:KohaCred -ImportMode direct -SpoolPath $spool
        $replies = 1..3 | ForEach-Object { Send-Record $l.Port (New-KohaRecord -Id "ocmD$_" -Title "Down $_ :") }
        $replies | ForEach-Object { $_ | Should -Be (ConvertTo-ReplyBytes 'Unsuccessful request') }
        $l.RecordsSpooled | Should -Be 3
        @(Get-ChildItem -LiteralPath (Join-Path $spool 'pending') -Filter *.mrc).Count | Should -Be 3
        Stop-GatewayListener $l

        # One record reaches Koha but its answer is lost: unknown, kept apart.
        $live = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -SpoolPath $spool
        $null = Invoke-Fake Post '_simulator/faults?kind=drop&path=import_bib&times=1'
        Send-Record $live.Port (New-KohaRecord -Id 'ocmLost' -Title 'Answer lost :') | Should -Be (ConvertTo-ReplyBytes 'Unsuccessful request')
        @(Get-ChildItem -LiteralPath (Join-Path $spool 'unknown') -Filter *.mrc).Count | Should -Be 1
        Stop-GatewayListener $live

        @(Send-KohaSpool -LiteralPath $spool -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -WhatIf).Kind | Should -Be @('Unknown')
        @(Get-ChildItem -LiteralPath (Join-Path $spool 'pending') -Filter *.mrc).Count | Should -Be 3
        $results = @(Send-KohaSpool -LiteralPath $spool -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct -Confirm:$false)
        $results.Count | Should -Be 4
        $results[0].Kind | Should -Be 'Unknown'
        $results[0].Sent | Should -BeFalse
        @($results | Where-Object Kind -EQ 'Imported').Count | Should -Be 3
        ($results | Where-Object Kind -EQ 'Imported').BiblioNumber | Should -Be @('101', '102', '103')
        $loads = Get-KohaLoads
        $loads['ocmD1'], $loads['ocmD2'], $loads['ocmD3'], $loads['ocmLost'] | Should -Be @(1, 1, 1, 1)
        @(Get-ChildItem -LiteralPath (Join-Path $spool 'pending') -Filter *.mrc).Count | Should -Be 0

        $again = @(Send-KohaSpool -Path $spool -Koha $script:KohaUrl -KohaCredential $script:KohaCred -ImportMode direct)
        $again.Kind | Should -Be @('Unknown')
        $loads = Get-KohaLoads
        $loads['ocmD1'], $loads['ocmD2'], $loads['ocmD3'], $loads['ocmLost'] | Should -Be @(1, 1, 1, 1)
    }

    It 'stops the resend while Koha is still down and keeps the rest pending' {
        $spool = Join-Path $TestDrive 'spool-down'
        $down = "http://127.0.0.1:$(Get-FreePort)/"
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $down -KohaCredential $script:KohaCred -SpoolPath $spool
        1..2 | ForEach-Object { $null = Send-Record $l.Port (New-KohaRecord -Id "ocmP$_" -Title "Pending $_ :") }
        Stop-GatewayListener $l
        $results = @(Send-KohaSpool -LiteralPath $spool -Koha $down -KohaCredential $script:KohaCred -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.Kind | Should -Be @('NotDelivered', 'NotDelivered')
        $results.Sent | Should -Be @($true, $false)
        $errs[0].FullyQualifiedErrorId | Should -Be 'KohaUnreachable,OclcCataloging.Commands.SendKohaSpoolCommand'
        @(Get-ChildItem -LiteralPath (Join-Path $spool 'pending') -Filter *.mrc).Count | Should -Be 2
    }

    It 'never writes the Koha or the Connexion password to any stream, the log or the spool' {
        $spool = Join-Path $TestDrive 'spool-secrets'
        $cfg = Join-Path $TestDrive 'secret.cnf'
        Set-Content -LiteralPath $cfg -Encoding utf8 -Value @("koha: $($script:KohaUrl.AbsoluteUri)", "user: $($script:KohaUser)", "password: $($script:KohaPassword)",
            'connexion_user: catuser', "connexion_password: $($script:ConnexionPassword)", 'import_mode: direct', 'debug: 1')
        $streams = Start-GatewayListener -KohaConfigPath $cfg -Port 0 -IPAddress 127.0.0.1 -SpoolPath $spool -Verbose *>&1
        $l = @($streams | Where-Object { $_ -is [OclcCataloging.Commands.Gateway.GatewayListenerHost] })[0]
        $good = New-Credential 'catuser' $script:ConnexionPassword
        $null = New-KohaRecord -Id 'ocmX1' -Title 'Secret one :' | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -UserId catuser -Credential $good
        $refusal = try { $null = New-KohaRecord -Id 'ocmX2' -Title 'Secret two :' | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -UserId catuser -Credential (New-Credential 'catuser' 'wrong') } catch { $_ }
        $refusal.FullyQualifiedErrorId | Should -BeLike 'GatewayLogonRefused*'
        $null = Invoke-Fake Post '_simulator/faults?kind=status&status=503&path=import_bib&times=1'
        $null = New-KohaRecord -Id 'ocmX3' -Title 'Secret three :' | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -UserId catuser -Credential $good -ErrorAction SilentlyContinue
        $wrongKoha = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Koha $script:KohaUrl -KohaCredential (New-Credential $script:KohaUser ($script:KohaPassword + 'x')) -SpoolPath $spool -Verbose *>&1
        $w = @($wrongKoha | Where-Object { $_ -is [OclcCataloging.Commands.Gateway.GatewayListenerHost] })[0]
        $null = New-KohaRecord -Id 'ocmX4' -Title 'Secret four :' | Send-GatewayExport 127.0.0.1 $w.Port -ReceiverType Koha -ErrorAction SilentlyContinue
        $resend = Send-KohaSpool -LiteralPath $spool -KohaConfigPath $cfg -Verbose *>&1
        $text = (@($streams) + @($wrongKoha) + @($resend) + @($refusal) | Out-String) + ($refusal | Format-List * -Force | Out-String) + ($l.Log -join "`n") + ($w.Log -join "`n") +
            ($l, $w | Format-List * | Out-String) + ((Get-ChildItem -LiteralPath $spool -Recurse -File | ForEach-Object { [IO.File]::ReadAllText($_.FullName) }) -join "`n")
        $text | Should -BeLike '*koha_connexion*'
        $text.Contains($script:KohaPassword) | Should -BeFalse
        $text.Contains($script:ConnexionPassword) | Should -BeFalse
        (Get-KohaLoads)['ocmX3'] | Should -Be 1 -Because 'the record refused with 503 was spooled and resent'
    }
}

# Send-GatewayExport end to end: against fake receivers that behave like Koha, FOLIO and Alma (GatewayFakeReceiver.cs,
# written from the protocol notes, independent of the module's parser), against faults, and against Start-GatewayListener.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    if (-not ('GatewayFakes.FakeReceiver' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'GatewayFakeReceiver.cs')
    }

    function New-Fake([string] $Kind) { [GatewayFakes.FakeReceiver]::new($Kind) }

    function New-Credential([string] $User, [string] $Password) {
        [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }

    function New-UnicodeRecord([string] $Id = 'ocm00000001', [string] $Title = 'Moby Dick :') {
        $r = New-TestRecord -Id $Id -Title $Title
        $r.Leader.CharacterCodingScheme = 'a'
        $r
    }

    # What the module would put on the wire for the record, from the core (not from the cmdlet under test).
    function Get-WireBytes($Record, [string] $Encoding = 'AsIs') {
        [OclcCataloging.Gateway.GatewayRecord]::FromRecord($Record, $Encoding).Bytes
    }

    # Host output (what -WhatIf prints) as text, through a transcript: it cannot be redirected.
    function Get-HostText([scriptblock] $Script) {
        $path = Join-Path $TestDrive ('transcript-{0}.txt' -f [guid]::NewGuid().ToString('N'))
        $null = Start-Transcript -LiteralPath $path
        try { $null = & $Script } finally { $null = Stop-Transcript }
        Get-Content -LiteralPath $path -Raw
    }

    function Find-Bytes([byte[]] $Haystack, [byte[]] $Needle) {
        for ($i = 0; $i -le $Haystack.Length - $Needle.Length; $i++) {
            $ok = $true
            for ($j = 0; $j -lt $Needle.Length -and $ok; $j++) { $ok = $Haystack[$i + $j] -eq $Needle[$j] }
            if ($ok) { return $i }
        }
        -1
    }
}

Describe 'Send-GatewayExport' {

    Context 'Koha receiver' {
        BeforeAll { $script:koha = New-Fake 'Koha' }
        AfterAll { $koha.Dispose() }

        It 'sends each record byte for byte and reads the biblionumber, URL and reply' {
            $records = 1..3 | ForEach-Object { New-UnicodeRecord -Id "ocm0000000$_" -Title "Title $_ :" }
            $before = $koha.Requests.Count
            $results = @($records | Send-GatewayExport -ComputerName 127.0.0.1 -Port $koha.Port -ReceiverType Koha)
            $results.Count | Should -Be 3
            $results.Status | Should -Be @('Accepted', 'Accepted', 'Accepted')
            $results[0] | Should -BeOfType ([OclcCataloging.Gateway.GatewaySendResult])
            $results.ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
            $results[0].ReceiverRecordId | Should -Match '^\d+$'
            $results[0].Url | Should -BeLike 'http://staff.example/*biblionumber=*'
            $results[0].ReplyText | Should -BeLike 'Success.  Batch number 7 - biblio record number *'
            $results[0].Attempts | Should -Be 1
            $results[0].OclcNumber | Should -Be '1'
            $got = @($koha.Requests.ToArray())[$before..($before + 2)]
            for ($i = 0; $i -lt 3; $i++) {
                [Convert]::ToBase64String($got[$i].Record) | Should -Be ([Convert]::ToBase64String((Get-WireBytes $records[$i])))
            }
        }

        It 'ends the request with a NUL, so Koha answers at once; without it Koha waits for its idle time' {
            $slow = New-Fake 'Koha'
            try {
                $slow.IdleSeconds = 2
                $with = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $slow.Port -ReceiverType Koha
                $without = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $slow.Port -ReceiverType Koha -NoEndOfTransmission
                $with.Status | Should -Be Accepted
                $without.Status | Should -Be Accepted
                $with.Elapsed.TotalSeconds | Should -BeLessThan 1.5
                $without.Elapsed.TotalSeconds | Should -BeGreaterThan 1.5
                $without.BytesSent | Should -Be ($with.BytesSent - 1)
            }
            finally { $slow.Dispose() }
        }

        It 'is accepted with the right connexion_user and password, rejected with a wrong one' {
            $secure = New-Fake 'Koha'
            try {
                $secure.User = 'catuser'; $secure.Password = 's3cret'
                $ok = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $secure.Port -ReceiverType Koha -Credential (New-Credential 'catuser' 's3cret')
                $ok.Status | Should -Be Accepted
                $records = 1..5 | ForEach-Object { New-UnicodeRecord -Id "ocm0000000$_" }
                $caught = $null
                try { $records | Send-GatewayExport 127.0.0.1 $secure.Port -ReceiverType Koha -Credential (New-Credential 'catuser' 'wrong') -OutVariable bad -ErrorAction SilentlyContinue }
                catch { $caught = $_ }
                # The first refused logon stops the run with one terminating error: no record after it is sent.
                $caught | Should -Not -BeNullOrEmpty
                $caught.FullyQualifiedErrorId | Should -BeLike 'GatewayLogonRefused,*'
                $caught.CategoryInfo.Category | Should -Be PermissionDenied
                $caught.TargetObject | Should -BeOfType ([OclcCataloging.Marc.MarcRecord])
                $caught.ToString() | Should -BeLike "*127.0.0.1:$($secure.Port)*refused the logon at record 1*Unauthorized request*"
                $caught.ErrorDetails.RecommendedAction | Should -BeLike '*-Credential*'
                @($bad).Count | Should -Be 1
                $bad[0].Status | Should -Be Rejected
                $bad[0].ReplyText | Should -Be 'Unauthorized request'
                $secure.Requests.Count | Should -Be 2 -Because 'the accepted record and the first refused one reached the receiver, none after it'
                $caught.ToString() | Should -Not -Match 'wrong'

            }
            finally { $secure.Dispose() }
        }

        It 'sends non-ASCII logon IDs, user IDs and passwords as UTF-8 with byte lengths' {
            $secure = New-Fake 'Koha'
            try {
                $secure.User = 'bibliothécaire'; $secure.Password = 'pässwörd€'
                $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $secure.Port -ReceiverType Koha -Credential (New-Credential 'bibliothécaire' 'pässwörd€') -UserId 'bibliothécaire'
                $r.Status | Should -Be Accepted
                $req = @($secure.Requests.ToArray())[-1]
                $req.UserId | Should -Be 'bibliothécaire'
                $req.LogonId | Should -Be 'bibliothécaire'
                $req.Password | Should -Be 'pässwörd€'
                # A = 0x40 + 15 bytes ('é' is two bytes in UTF-8)
                $at = Find-Bytes $req.Raw ([byte[]](0x41, (0x40 + 15)))
                $at | Should -BeGreaterOrEqual 0
            }
            finally { $secure.Dispose() }
        }

        It 'reads a reply that comes one byte at a time' {
            $slowReply = New-Fake 'SlowKoha'
            try {
                $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $slowReply.Port -ReceiverType Koha
                $r.Status | Should -Be Accepted
                $r.ReceiverRecordId | Should -Be '4242'
            }
            finally { $slowReply.Dispose() }
        }
    }

    Context 'Character coding' {
        BeforeAll {
            $script:koha2 = New-Fake 'Koha'
            $u = New-UnicodeRecord -Title 'Café :'
            $script:marc8 = [OclcCataloging.Marc.MarcEncodingConverter]::ToMarc8($u, $null)
        }
        AfterAll { $koha2.Dispose() }

        It 'sends a MARC-8 record as MARC-8 (leader/09 blank, combining acute 0xE2 before the e)' {
            $marc8.Leader.CharacterCodingScheme | Should -Be ' '
            $r = $marc8 | Send-GatewayExport 127.0.0.1 $koha2.Port -ReceiverType Koha
            $r.Status | Should -Be Accepted
            $rec = @($koha2.Requests.ToArray())[-1].Record
            [char] $rec[9] | Should -Be ' '
            Find-Bytes $rec ([byte[]](0x43, 0x61, 0x66, 0xE2, 0x65)) | Should -BeGreaterThan 0
        }

        It 'converts a MARC-8 record to UTF-8 with -Encoding Utf8 (leader/09 a, length recomputed)' {
            $r = $marc8 | Send-GatewayExport 127.0.0.1 $koha2.Port -ReceiverType Koha -Encoding Utf8
            $r.Status | Should -Be Accepted
            $rec = @($koha2.Requests.ToArray())[-1].Record
            [char] $rec[9] | Should -Be 'a'
            [int] [Text.Encoding]::ASCII.GetString($rec, 0, 5) | Should -Be $rec.Length
            $text = [Text.Encoding]::UTF8.GetString($rec).Normalize([Text.NormalizationForm]::FormC)
            $text | Should -BeLike '*Café*'
        }

        It 'refuses a record whose leader/09 is neither a nor blank' {
            $odd = New-UnicodeRecord -Title 'Café :'
            $odd.Leader.CharacterCodingScheme = 'x'
            $count = $koha2.Connections
            $r = $odd | Send-GatewayExport 127.0.0.1 $koha2.Port -ReceiverType Koha -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Status | Should -Be NotSent
            $err[0].FullyQualifiedErrorId | Should -BeLike 'GatewayEncodingMismatch,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $koha2.Connections | Should -Be $count
        }
    }

    Context 'Alma receiver' {
        BeforeAll {
            $script:alma = New-Fake 'Alma'
            $alma.Institution = '01CARLI_XYZ'; $alma.Password = 'integration-pw'; $alma.MmsId = '9912345678902341'
        }
        AfterAll { $alma.Dispose() }

        It 'sends the institution code as logon ID (starting with digits) and reads the MMS ID' {
            $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $alma.Port -ReceiverType Alma -Credential (New-Credential '01CARLI_XYZ' 'integration-pw')
            $r.Status | Should -Be Accepted
            $r.ReceiverRecordId | Should -Be '9912345678902341'
            @($alma.Requests.ToArray())[-1].LogonId | Should -Be '01CARLI_XYZ'
        }

        It 'reports Alma''s logon failure as Rejected' {
            try { New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $alma.Port -ReceiverType Alma -Credential (New-Credential '01CARLI_XYZ' 'nope') -OutVariable r -ErrorAction SilentlyContinue }
            catch { $_.FullyQualifiedErrorId | Should -BeLike 'GatewayLogonRefused,*' }
            $r.Status | Should -Be Rejected
            $r.ReplyText | Should -BeLike '*Logon Failed--the Logon ID and/or password is/are not valid*'
        }

        It 'uses port 5500 for Alma when -Port is omitted, and requires -Port for other receivers' {
            $text = Get-HostText { New-UnicodeRecord | Send-GatewayExport -ComputerName alma.example.org -ReceiverType Alma -WhatIf }
            $text | Should -BeLike '*alma.example.org:5500*'
            { New-UnicodeRecord | Send-GatewayExport -ComputerName koha.example.org -ReceiverType Koha -ErrorAction Stop } |
                Should -Throw -ErrorId 'GatewayPortRequired,OclcCataloging.Commands.SendGatewayExportCommand'
        }
    }

    Context 'FOLIO receiver' {
        It 'reads "Import ok" and closes the connection itself (FOLIO never closes)' {
            $folio = New-Fake 'Folio'
            try {
                $results = @(1..2 | ForEach-Object { New-UnicodeRecord -Id "ocmF$_" } | Send-GatewayExport 127.0.0.1 $folio.Port -ReceiverType Folio -Credential (New-Credential 'apikey' 'x'))
                $results.Status | Should -Be @('Accepted', 'Accepted')
                $results[0].ReplyText | Should -Be "Import ok`n"
                $results[0].ReceiverRecordId | Should -BeNullOrEmpty
                ($results | Measure-Object -Property { $_.Elapsed.TotalSeconds } -Maximum).Maximum | Should -BeLessThan 3
                $folio.Connections | Should -Be 2
            }
            finally { $folio.Dispose() }
        }
    }

    Context 'FOLIO overflow' {
        It 'reports Unknown, without resending, when FOLIO closes silently past 100,000 bytes (a full record plus the logon)' {
            $folio = New-Fake 'Folio'
            try {
                $r = New-UnicodeRecord -Id 'ocm-nearly-full'
                1..10 | ForEach-Object { $null = $r.AddDataField('505', '0 ', 'a', ('x' * 9000)) }
                # Fill up to 99,990 bytes: each field costs a 12-byte directory entry, 2 indicators, $a and a terminator.
                $gap = 99990 - (Get-WireBytes $r).Length - 12 - 5
                $null = $r.AddDataField('500', '  ', 'a', ('y' * $gap))
                (Get-WireBytes $r).Length | Should -Be 99990
                $longLogon = 'tenant user ' + ('k' * 150)
                $result = $r | Send-GatewayExport 127.0.0.1 $folio.Port -ReceiverType Folio -Credential (New-Credential $longLogon 'pw') -RetryCount 3 -TimeoutSec 20 -ErrorVariable err -ErrorAction SilentlyContinue
                $result.Status | Should -Be Unknown
                $result.ErrorCode | Should -BeIn @('GatewayNoReply', 'GatewaySendFailed', 'GatewayConnectionReset')
                $result.Message | Should -BeLike '*may have been imported*'
                $result.Attempts | Should -Be 1
                $folio.Connections | Should -Be 1
                $folio.Requests.Count | Should -Be 0
                $err[0].ToString() | Should -Not -BeLike '*kkkkkkkkkk*'
            }
            finally { $folio.Dispose() }
        }
    }

    Context 'Records that are refused before sending' {
        BeforeAll { $script:koha3 = New-Fake 'Koha' }
        AfterAll { $koha3.Dispose() }

        It 'refuses a record over 99,999 bytes with a NotSent result and a LimitsExceeded error targeting the record' {
            $big = New-UnicodeRecord -Id 'ocm-big'
            1..12 | ForEach-Object { $null = $big.AddDataField('505', '0 ', 'a', ('x' * 9000)) }
            $count = $koha3.Connections
            $r = $big | Send-GatewayExport 127.0.0.1 $koha3.Port -ReceiverType Koha -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Status | Should -Be NotSent
            $r.ErrorCode | Should -Be GatewayRecordTooLong
            $r.Attempts | Should -Be 0
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'GatewayRecordTooLong,*'
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            [object]::ReferenceEquals($err[0].TargetObject, $big) | Should -BeTrue
            $koha3.Connections | Should -Be $count
            # One record number (the one this run gave it), and no advice about writing options this cmdlet lacks.
            $text = $err[0].ToString()
            $text | Should -BeLike 'Record 1 (001 ocm-big)*99,999 bytes*'
            ([regex]::Matches($text, '\b[Rr]ecord \d')).Count | Should -Be 1
            $text | Should -Not -Match 'OversizePolicy|Truncate|WriteOverflowNines'
        }

        It 'refuses an authority record unless -AllowAuthority' {
            $auth = New-UnicodeRecord -Id 'auth1'
            $auth.Leader.TypeOfRecord = 'z'
            $r = $auth | Send-GatewayExport 127.0.0.1 $koha3.Port -ReceiverType Koha -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Status | Should -Be NotSent
            $err[0].FullyQualifiedErrorId | Should -BeLike 'GatewayAuthorityRecord,*'
            ($auth | Send-GatewayExport 127.0.0.1 $koha3.Port -ReceiverType Koha -AllowAuthority).Status | Should -Be Accepted
        }

        It 'stops at the first refused record with -ErrorAction Stop' {
            $auth = New-UnicodeRecord -Id 'auth2'
            $auth.Leader.TypeOfRecord = 'z'
            { $auth | Send-GatewayExport 127.0.0.1 $koha3.Port -ErrorAction Stop } | Should -Throw -ErrorId 'GatewayAuthorityRecord,OclcCataloging.Commands.SendGatewayExportCommand'
        }

        It 'sends nothing with -WhatIf and says what would go where' {
            $count = $koha3.Connections
            $text = Get-HostText { New-UnicodeRecord -Id 'ocmWhatIf' | Send-GatewayExport 127.0.0.1 $koha3.Port -ReceiverType Koha -WhatIf }
            $text | Should -BeLike "*ocmWhatIf*Koha receiver 127.0.0.1:$($koha3.Port)*"
            $koha3.Connections | Should -Be $count
        }
    }

    Context 'Faults' {
        It 'retries a refused connection -RetryCount times, then reports NotSent (nothing sent)' {
            $port = [GatewayFakes.FakeReceiver]::ClosedPort()
            $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $port -RetryCount 2 -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Status | Should -Be NotSent
            $r.ErrorCode | Should -Be GatewayConnectFailed
            $r.Attempts | Should -Be 3
            $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        }

        It 'does not resend when the connection is reset after it was accepted' {
            $reset = New-Fake 'ResetAfterAccept'
            try {
                $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $reset.Port -RetryCount 3 -ErrorAction SilentlyContinue
                $r.Status | Should -Be Unknown
                $r.ErrorCode | Should -BeIn @('GatewayConnectionReset', 'GatewaySendFailed', 'GatewayNoReply')
                $r.Attempts | Should -Be 1
                $reset.Connections | Should -Be 1
            }
            finally { $reset.Dispose() }
        }

        It 'reports a reset in the middle of the reply as Unknown, keeping the partial text' {
            $mid = New-Fake 'ResetMidReply'
            try {
                $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $mid.Port -ReceiverType Koha -ErrorVariable err -ErrorAction SilentlyContinue
                $r.Status | Should -Be Unknown
                $r.ErrorCode | Should -BeIn @('GatewayConnectionReset', 'GatewayUnrecognisedReply')
                $r.ReplyText | Should -BeLike 'Success.  Batch number 7 - biblio rec*'
                $mid.Connections | Should -Be 1
                $err.Count | Should -Be 1
            }
            finally { $mid.Dispose() }
        }

        It 'gives up after -TimeoutSec when no reply comes, as Unknown, without resending' {
            $silent = New-Fake 'Silent'
            try {
                $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $silent.Port -TimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
                $r.Status | Should -Be Unknown
                $r.ErrorCode | Should -Be GatewayReplyTimeout
                $r.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
                $r.Elapsed.TotalSeconds | Should -BeLessThan 5
                $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
                $silent.Connections | Should -Be 1
            }
            finally { $silent.Dispose() }
        }

        It 'stops promptly when the pipeline is stopped (Ctrl+C) while a reply is awaited' {
            $silent = New-Fake 'Silent'
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript('param($m, $p) Import-Module $m; $r = [OclcCataloging.Marc.MarcRecord]::new(); $r.Leader.CharacterCodingScheme = "a"; $null = $r.AddControlField("001", "x"); $null = $r.AddDataField("245", "10", "a", "T"); $r | Send-GatewayExport 127.0.0.1 $p -TimeoutSec 120').
                    AddArgument((Resolve-Path -LiteralPath $script:ModulePath).ProviderPath).AddArgument($silent.Port)
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ($silent.Requests.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                $silent.Requests.Count | Should -Be 1
                $sw = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $sw.Elapsed.TotalSeconds | Should -BeLessThan 10
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally { $ps.Dispose(); $silent.Dispose() }
        }
    }

    Context 'Secrets' {
        It 'never shows the password in output, verbose, warnings, errors, WhatIf or debug text' {
            $password = 'Zq9-very-secret-pässword'
            $cred = New-Credential 'catuser' $password
            $secure = New-Fake 'Koha'
            try {
                $secure.User = 'catuser'; $secure.Password = 'something-else'
                $closed = [GatewayFakes.FakeReceiver]::ClosedPort()
                $big = New-UnicodeRecord -Id 'big'
                1..12 | ForEach-Object { $null = $big.AddDataField('505', '0 ', 'a', ('x' * 9000)) }
                $all = & {
                    try { New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $secure.Port -ReceiverType Koha -Credential $cred -UserId 'u1' -Verbose -Debug -ErrorAction Continue } catch { $_ }
                    New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $closed -Credential $cred -RetryCount 1 -Verbose -ErrorAction Continue
                    $big | Send-GatewayExport 127.0.0.1 $secure.Port -Credential $cred -Verbose -ErrorAction Continue
                } *>&1
                $all.Count | Should -BeGreaterThan 5
                $whatIf = Get-HostText { New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $secure.Port -Credential $cred -WhatIf }
                $whatIf | Should -BeLike '*What if*catuser*'
                $whatIf.Contains($password) | Should -BeFalse
                $text = ($all | ForEach-Object {
                        $_ | Format-List * -Force | Out-String -Width 500
                        if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction }
                        if ($_ -is [OclcCataloging.Gateway.GatewaySendResult]) { $_ | ConvertTo-Json -Depth 3 }
                    }) -join "`n"
                $text | Should -BeLike '*Password=(set)*'
                $text | Should -BeLike '*Unauthorized request*'
                $text.Contains($password) | Should -BeFalse
                $text.Contains('very-secret') | Should -BeFalse
            }
            finally { $secure.Dispose() }
        }
    }

    Context 'Against Start-GatewayListener' {
        It 'sends 40 records over 4 parallel connections and returns the results in input order' {
            $folder = Join-Path $TestDrive 'parallel'
            $null = New-Item -ItemType Directory -Path $folder
            $listener = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder
            try {
                $records = 1..40 | ForEach-Object { New-UnicodeRecord -Id ('ocmP{0:D3}' -f $_) }
                $results = @($records | Send-GatewayExport 127.0.0.1 $listener.Port -ReceiverType Koha -ThrottleLimit 4)
                $results.Count | Should -Be 40
                $results.ControlNumber | Should -Be @($records.ControlNumber)
                @($results | Where-Object Status -eq Accepted).Count | Should -Be 40
                @(Get-ChildItem $folder -Filter *.mrc).Count | Should -Be 40
            }
            finally { Stop-GatewayListener $listener }
        }
    }
}

# Start-/Get-/Stop-GatewayListener end to end, with Send-GatewayExport and raw TCP senders.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    function New-Credential([string] $User, [string] $Password) {
        [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }

    function New-UnicodeRecord([string] $Id = 'ocm00000001', [string] $Title = 'Moby Dick :') {
        $r = New-TestRecord -Id $Id -Title $Title
        $r.Leader.CharacterCodingScheme = 'a'
        $r
    }

    function Get-WireBytes($Record) { [OclcCataloging.Gateway.GatewayRecord]::FromRecord($Record, 'AsIs').Bytes }

    # Sends raw bytes and returns the reply up to its NUL (or the end of the stream).
    function Send-Raw([int] $Port, [byte[]] $Bytes) {
        $tcp = [System.Net.Sockets.TcpClient]::new()
        try {
            $tcp.Connect('127.0.0.1', $Port)
            $tcp.ReceiveTimeout = 10000
            $s = $tcp.GetStream()
            $s.Write($Bytes, 0, $Bytes.Length)
            $reply = [System.IO.MemoryStream]::new()
            $buf = [byte[]]::new(1024)
            while ($true) {
                try { $n = $s.Read($buf, 0, $buf.Length) } catch { break }
                if ($n -le 0) { break }
                $nul = [Array]::IndexOf($buf, [byte]0, 0, $n)
                $reply.Write($buf, 0, $(if ($nul -ge 0) { $nul } else { $n }))
                if ($nul -ge 0) { break }
            }
            [Text.Encoding]::UTF8.GetString($reply.ToArray())
        }
        finally { $tcp.Dispose() }
    }

    function New-Folder([string] $Name) {
        $path = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Path $path -Force
        $path
    }
}

Describe 'Start-GatewayListener' {
    AfterEach { Get-GatewayListener | Stop-GatewayListener }

    It 'saves each record as its own file in a folder, byte for byte, and lists and stops the listener' {
        $folder = New-Folder 'inbox'
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder
        $l | Should -BeOfType ([OclcCataloging.Commands.Gateway.GatewayListenerHost])
        $l.IsRunning | Should -BeTrue
        $records = 1..3 | ForEach-Object { New-UnicodeRecord -Id "ocmL$_" -Title "Listener $_ :" }
        $results = @($records | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha)
        $results.Status | Should -Be @('Accepted', 'Accepted', 'Accepted')
        $results.ReceiverRecordId | Should -Be @('1', '2', '3')
        (Get-GatewayListener -Port $l.Port).RecordsAccepted | Should -Be 3
        $files = @(Get-ChildItem -LiteralPath $folder -Force)
        $files.Count | Should -Be 3
        $files.Name | ForEach-Object { $_ | Should -Match '^\d{8}T\d{6}-\d{6}-[0-9a-f]{8}\.mrc$' }
        $saved = $files | Sort-Object Name | ForEach-Object { [Convert]::ToBase64String([IO.File]::ReadAllBytes($_.FullName)) }
        $expected = $records | ForEach-Object { [Convert]::ToBase64String((Get-WireBytes $_)) }
        ($saved | Sort-Object) | Should -Be ($expected | Sort-Object)
        Stop-GatewayListener -Port $l.Port
        $l.IsRunning | Should -BeFalse
        Get-GatewayListener -Port $l.Port | Should -BeNullOrEmpty
        { Stop-GatewayListener -Port $l.Port -ErrorAction Stop } | Should -Throw -ErrorId 'GatewayListenerNotFound,OclcCataloging.Commands.StopGatewayListenerCommand'
    }

    It 'appends records to one file that reads back as the records sent' {
        $file = Join-Path $TestDrive 'caught.mrc'
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $file
        $records = 1..5 | ForEach-Object { New-UnicodeRecord -Id "ocmA$_" }
        $null = $records | Send-GatewayExport 127.0.0.1 $l.Port -ThrottleLimit 3
        $stopped = Stop-GatewayListener $l -PassThru
        $stopped.RecordsSaved | Should -Be 5
        $back = @(Import-MarcFile -LiteralPath $file)
        $back.Count | Should -Be 5
        ($back.ControlNumber | Sort-Object) | Should -Be @('ocmA1', 'ocmA2', 'ocmA3', 'ocmA4', 'ocmA5')
        (Get-Item -LiteralPath $file).Length | Should -Be (($records | ForEach-Object { (Get-WireBytes $_).Length } | Measure-Object -Sum).Sum)
    }

    It 'checks the logon ID and password (non-ASCII too) and saves nothing for a wrong one, never logging the password' {
        $folder = New-Folder 'secure'
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder -Credential (New-Credential 'bibliothécaire' 'pässwörd')
        $ok = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -Credential (New-Credential 'bibliothécaire' 'pässwörd')
        $ok.Status | Should -Be Accepted
        try { New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -Credential (New-Credential 'bibliothécaire' 'Wrong-Secret-99') -OutVariable bad -ErrorAction SilentlyContinue }
        catch { $_.FullyQualifiedErrorId | Should -BeLike 'GatewayLogonRefused,*' }
        $bad.Status | Should -Be Rejected
        $bad.ReplyText | Should -Be 'Unauthorized request'
        @(Get-ChildItem -LiteralPath $folder).Count | Should -Be 1
        $log = $l.Log -join "`n"
        $log | Should -BeLike '*logon refused*bibliothécaire*'
        $log.Contains('Wrong-Secret-99') | Should -BeFalse
        $log.Contains('pässwörd') | Should -BeFalse
    }

    It 'receives from Send-GatewayExport -Connection, with the logon taken from the saved connection' {
        $env:OCLC_CONNECTIONS_PATH = Join-Path $TestDrive 'gateway-connections.json'
        try {
            $folder = New-Folder 'saved'
            $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder -Credential (New-Credential 'bibliothécaire' 'pässwörd')
            Set-OclcConnection -Name LabKoha -Kind Gateway -ComputerName 127.0.0.1 -Port $l.Port -ReceiverType Koha -Credential (New-Credential 'bibliothécaire' 'pässwörd') -SecretStore KeyFile
            $r = New-UnicodeRecord | Send-GatewayExport -Connection LabKoha
            $r.Status | Should -Be Accepted
            @(Get-ChildItem -LiteralPath $folder).Count | Should -Be 1
            try { New-UnicodeRecord | Send-GatewayExport -Connection LabKoha -Credential (New-Credential 'bibliothécaire' 'nope') -OutVariable bad -ErrorAction SilentlyContinue }
            catch { $_.FullyQualifiedErrorId | Should -BeLike 'GatewayLogonRefused,*' }
            $bad.Status | Should -Be Rejected
            Stop-GatewayListener $l
        }
        finally { Remove-Item Env:OCLC_CONNECTIONS_PATH }
    }

    It 'stops its listeners when the module is removed (checked in a fresh PowerShell)' {
        $folder = New-Folder 'removed'
        $script = Join-Path $TestDrive 'remove-module.ps1'
        Set-Content -LiteralPath $script -Value @"
Import-Module '$env:OCLC_MODULE_PATH'
`$l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path '$folder'
`$port = `$l.Port
Remove-Module OclcCataloging
`$client = [System.Net.Sockets.TcpClient]::new()
try { `$client.Connect('127.0.0.1', `$port); 'still listening' } catch { 'stopped' } finally { `$client.Dispose() }
"@
        $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $dll = Join-Path $PSHOME 'pwsh.dll'
        $pwsh = if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path -LiteralPath $dll)) { @($process, $dll) } else { @($process) }
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -File $script 2>&1
        ($output | Out-String).Trim() | Should -Be 'stopped'
    }

    It 'runs a background -ScriptBlock in a private runspace: $false rejects, and rejected records are not saved' {
        $folder = New-Folder 'handled'
        $seen = Join-Path $TestDrive 'seen.txt'
        $handler = [scriptblock]::Create("Add-Content -LiteralPath '$seen' -Value `$_.Record.ControlNumber; if (`$_.Record.Title -like 'Reject*') { `$false }")
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder -ScriptBlock $handler
        $records = @(New-UnicodeRecord -Id 'keep1' -Title 'Keep :'), (New-UnicodeRecord -Id 'drop1' -Title 'Reject me :'), (New-UnicodeRecord -Id 'keep2' -Title 'Keep too :')
        $results = @($records | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Koha -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Accepted', 'Rejected', 'Accepted')
        Get-Content -LiteralPath $seen | Should -Be @('keep1', 'drop1', 'keep2')
        @(Get-ChildItem -LiteralPath $folder).Count | Should -Be 2
        $l.RequestsRejected | Should -Be 1
    }

    It 'answers in FOLIO style with -ReplyStyle Folio' {
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path (New-Folder 'folio') -ReplyStyle Folio
        $r = New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $l.Port -ReceiverType Folio
        $r.Status | Should -Be Accepted
        $r.ReplyText | Should -Be "Import ok`n"
    }

    It 'survives bad input, answers it, logs it, and keeps accepting records' {
        $folder = New-Folder 'robust'
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $folder -IdleTimeoutSec 1
        Send-Raw $l.Port ([Text.Encoding]::ASCII.GetBytes("GET / HTTP/1.1`r`n`r`n")) | Should -Be 'Bad request'
        Send-Raw $l.Port ([byte[]](0x31, 0x32, 0x33, 0x34, 0x35, 0x78, 0x79, 0x7A, 0)) | Should -Be 'Bad request'
        $truncated = (Get-WireBytes (New-UnicodeRecord))[0..40] + [byte[]](0)
        Send-Raw $l.Port ([byte[]] $truncated) | Should -Be 'Bad request'
        (New-UnicodeRecord -Id 'after' | Send-GatewayExport 127.0.0.1 $l.Port).Status | Should -Be Accepted
        @(Get-ChildItem -LiteralPath $folder).Count | Should -Be 1
        $l.RequestsRejected | Should -Be 3
        $l.Log.Count | Should -BeGreaterOrEqual 3
    }

    It 'refuses to start a background listener that would keep nothing, or on a port already used' {
        { Start-GatewayListener -Port 0 -ErrorAction Stop } | Should -Throw -ErrorId 'GatewayListenerNoOutput,OclcCataloging.Commands.StartGatewayListenerCommand'
        $l = Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path (New-Folder 'first')
        { Start-GatewayListener -Port $l.Port -IPAddress 127.0.0.1 -Path (New-Folder 'second') -ErrorAction Stop } |
            Should -Throw -ErrorId 'GatewayListenerPortInUse,OclcCataloging.Commands.StartGatewayListenerCommand'
    }

    It 'runs in the foreground with -Wait: the handler sees the caller''s variables, records are output, Ctrl+C stops it' {
        $folder = New-Folder 'wait'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Folder)
                    Import-Module $Module
                    $refuse = 'nope'   # a caller variable the -Wait handler can see
                    Start-GatewayListener -Port 0 -IPAddress 127.0.0.1 -Path $Folder -Wait -Verbose -ScriptBlock {
                        if ($_.Record.ControlNumber -eq $refuse) { $false }
                    }
                }).AddArgument((Resolve-Path -LiteralPath $script:ModulePath).ProviderPath).AddArgument($folder)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            $port = 0
            while ($port -eq 0 -and [DateTime]::UtcNow -lt $deadline) {
                foreach ($v in @($ps.Streams.Verbose)) { if ($v.Message -match ':(\d+)\.$') { $port = [int] $Matches[1] } }
                Start-Sleep -Milliseconds 100
            }
            $port | Should -BeGreaterThan 0
            $results = @((New-UnicodeRecord -Id 'yes1'), (New-UnicodeRecord -Id 'nope'), (New-UnicodeRecord -Id 'yes2') |
                    Send-GatewayExport 127.0.0.1 $port -ReceiverType Koha -ErrorAction SilentlyContinue)
            $results.Status | Should -Be @('Accepted', 'Rejected', 'Accepted')
            while ($output.Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $received = @($output.ReadAll())
            $received.Count | Should -Be 2
            $received[0] | Should -BeOfType ([OclcCataloging.Gateway.GatewayReceivedRecord])
            @($received | ForEach-Object { $_.Record.ControlNumber }) | Should -Be @('yes1', 'yes2')
            $received[0].SavedPath | Should -BeLike "$folder*"
            @(Get-ChildItem -LiteralPath $folder).Count | Should -Be 2
            # stopped: the port no longer accepts connections
            (New-UnicodeRecord | Send-GatewayExport 127.0.0.1 $port -RetryCount 0 -ErrorAction SilentlyContinue).Status | Should -Be NotSent
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Start-GatewayListener help example 3 (refuse records without an OCLC number)' {
    BeforeAll {
        $help = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot '../../docs/help/Start-GatewayListener.md')
        $help -match '(?s)### Example 3.*?-ScriptBlock \{(?<body>.*?)\n\}' | Should -BeTrue
        # The handler the example gives -ScriptBlock, run as the listener runs it: $_ is the received record's wrapper.
        $script:Handler = [scriptblock]::Create($Matches.body)
        function Invoke-Handler($Record) { [pscustomobject]@{ Record = $Record } | ForEach-Object $script:Handler }
    }

    It 'refuses a record without an OCLC number' {
        $record = New-TestRecord -Id 'LOCAL123'
        $null = $record.RemoveFields('003')
        Invoke-Handler $record | Should -BeExactly $false
    }

    It 'lets a record with an OCLC number through' {
        Invoke-Handler (New-TestRecord -Id 'ocm00012345') | Should -BeNullOrEmpty
    }
}

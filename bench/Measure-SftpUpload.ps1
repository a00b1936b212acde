<#
.SYNOPSIS
    Upload throughput to the loopback SFTP test server: Send-DataSyncFile next to OpenSSH's `sftp -b`, same file.
.DESCRIPTION
    A benchmark, not a test. Needs the test server (sudo bash tests/peers/sftp/start-sftp.sh /tmp/oclc-sftp 22220)
    and its env file. Each tool uploads the same generated file -Runs times; the median MB/s is printed as table rows.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Measure-SftpUpload.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1 -EnvFile /tmp/oclc-sftp/env
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EnvFile,
    [int] $SizeMB = 100,
    [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$cfg = @{}; foreach ($line in Get-Content $EnvFile) { $k, $v = $line -split '=', 2; $cfg[$k] = $v }

$work = Join-Path ([IO.Path]::GetTempPath()) ('sftp-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$null = New-Item -ItemType Directory $work
$env:OCLC_CONNECTIONS_PATH = Join-Path $work 'connections.json'
try {
    $file = Join-Path $work '1234567.OCWMS.bench.mrc'
    $bytes = [byte[]]::new($SizeMB * 1MB); [Random]::new(2709).NextBytes($bytes); [IO.File]::WriteAllBytes($file, $bytes)
    $cred = [pscredential]::new($cfg.USER, (ConvertTo-SecureString $cfg.PASSWORD -AsPlainText -Force))
    Set-OclcConnection Bench Sftp -ComputerName 127.0.0.1 -Port ([int] $cfg.PORT) -Credential $cred -HostKeyFingerprint $cfg.FINGERPRINT -SecretStore KeyFile
    $batch = Join-Path $work 'batch.txt'
    Set-Content $batch "put $file /xfer/metacoll/in/bib/1234567.OCWMS.sftpb.mrc"

    $ours = foreach ($i in 1..$Runs) {
        (Measure-Command { $null = Send-DataSyncFile -LiteralPath $file -Connection Bench -RecordKind Bibliographic -Force }).TotalSeconds
    }
    $openssh = foreach ($i in 1..$Runs) {
        (Measure-Command { & sftp -q -b $batch -i $cfg.KEY -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -P $cfg.PORT "$($cfg.USER)@127.0.0.1" | Out-Null }).TotalSeconds
    }
    $median = { param($xs) $s = @($xs | Sort-Object); $s[[int][Math]::Floor($s.Count / 2)] }
    '| upload {0} MB to loopback sshd | MB/s (median of {1}) |' -f $SizeMB, $Runs
    '|---|---|'
    '| Send-DataSyncFile (SSH.NET, temp name + rename) | {0:N1} |' -f ($SizeMB / (& $median $ours))
    '| sftp -b (OpenSSH client, put) | {0:N1} |' -f ($SizeMB / (& $median $openssh))
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item Env:OCLC_CONNECTIONS_PATH -ErrorAction SilentlyContinue
}

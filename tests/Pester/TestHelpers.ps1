# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll). Builds MARC fixtures in memory: the unit tests
# never depend on files outside the test drive.

$script:ModulePath = if ($env:OCLC_MODULE_PATH) { $env:OCLC_MODULE_PATH } else {
    Join-Path $PSScriptRoot '../../out/OclcCataloging/OclcCataloging.psd1'
}

function Import-OclcModule {
    Import-Module -Name (Resolve-Path -LiteralPath $script:ModulePath).ProviderPath -Force -ErrorAction Stop
}

# A small bibliographic record: 001 (OCLC number), 003, 008, 040, 245 10 $a $b $c, 650, 949 (local).
function New-TestRecord {
    param(
        [string] $Id = 'ocm00000001',
        [string] $Title = 'Moby Dick :',
        [string] $Subtitle = 'or, the whale /'
    )
    $r = [OclcCataloging.Marc.MarcRecord]::new()
    $null = $r.AddControlField('001', $Id)
    $null = $r.AddControlField('003', 'OCoLC')
    $null = $r.AddControlField('008', '850101s1851    nyu           000 1 eng d')
    $null = $r.AddDataField('040', '  ', 'a', 'DLC', 'b', 'eng', 'c', 'DLC')
    $null = $r.AddDataField('245', '10', 'a', $Title, 'b', $Subtitle, 'c', 'Herman Melville.')
    $null = $r.AddDataField('650', ' 0', 'a', 'Whaling', 'v', 'Fiction.')
    $null = $r.AddDataField('949', '  ', 'a', 'LOCAL-ITEM', 'b', '3900100')
    $r
}

# ISO 2709 bytes of records, written with the core writer (not through the cmdlets under test).
function ConvertTo-IsoBytes {
    param([Parameter(Mandatory)] [OclcCataloging.Marc.MarcRecord[]] $Record)
    $ms = [System.IO.MemoryStream]::new()
    foreach ($r in $Record) {
        $b = [OclcCataloging.Marc.Iso2709.Iso2709Writer]::ToBytes($r, $null)
        $ms.Write($b, 0, $b.Length)
    }
    , $ms.ToArray()
}

function Write-IsoFile {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [OclcCataloging.Marc.MarcRecord[]] $Record)
    [System.IO.File]::WriteAllBytes($Path, (ConvertTo-IsoBytes -Record $Record))
}

function Write-XmlFile {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [OclcCataloging.Marc.MarcRecord[]] $Record)
    $fs = [System.IO.File]::Create($Path)
    $w = [OclcCataloging.Marc.Xml.MarcXmlWriter]::new($fs, $null)
    try { foreach ($r in $Record) { $w.Write($r) }; $w.Complete() } finally { $w.Dispose() }
}

# Bytes that no reader can take for a record, ending with a record terminator so the next record is found.
function Get-JunkBytes {
    [System.Text.Encoding]::ASCII.GetBytes('THIS IS NOT A MARC RECORD AT ALL' + [char]0x1D)
}

# Concatenates byte arrays.
function Join-Bytes {
    param([Parameter(Mandatory)] [object[]] $Parts)
    $ms = [System.IO.MemoryStream]::new()
    foreach ($p in $Parts) { $ms.Write([byte[]] $p, 0, ([byte[]] $p).Length) }
    , $ms.ToArray()
}

# Temporary files the atomic writers leave behind, if any (".<name>.<id>.tmp").
function Get-TempLeftover([string] $Folder) {
    @(Get-ChildItem -LiteralPath $Folder -Force -Filter '.*.tmp')
}

# The loopback simulators (worldcat, idloc) run as processes: Start-Simulator / Stop-Simulator. Tests that need
# them skip when they were not built: check Test-SimulatorsAvailable first.
function Test-SimulatorsAvailable {
    [bool] ($env:OCLC_SIMULATORS -and (Test-Path -LiteralPath $env:OCLC_SIMULATORS))
}

. (Join-Path $PSScriptRoot '../OclcCataloging.Simulators/SimulatorProcess.ps1')

# The pwsh to start: the dotnet tool runs as "dotnet <PSHOME>/pwsh.dll", an installed pwsh as itself.
function Get-PwshCommand {
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path -LiteralPath $dll)) {
        return @($process, $dll)
    }
    return @($process)
}

# Runs a script in a fresh runspace with these arguments, for at most a minute: what it wrote and every error
# (a terminating one, then the error stream), as the help example tests check them.
function Invoke-InFreshRunspace([scriptblock] $Script, [object[]] $Arguments) {
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript($Script.ToString())
        foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
        $async = $ps.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne(60000)) {
            $ps.Stop()
            return [pscustomobject]@{ Errors = @('did not finish within a minute'); Output = '' }
        }
        $errors = [System.Collections.Generic.List[string]]::new()
        $output = ''
        try { $output = ($ps.EndInvoke($async) | Out-String) }
        catch { $errors.Add($(if ($_.Exception.InnerException) { $_.Exception.InnerException.Message } else { $_.Exception.Message })) }
        foreach ($e in $ps.Streams.Error) { $errors.Add("$e ($($e.FullyQualifiedErrorId))") }
        [pscustomobject]@{ Errors = $errors.ToArray(); Output = $output }
    }
    finally { $ps.Dispose() }
}

# The help examples that need a server, run as a new user would run them, against the project's test servers instead:
# the WorldCat simulator for those that need a WorldCat API key (Get-Credential answers with the simulator's key,
# Set-OclcConnection points at the simulator, and each cmdlet's examples run in order in one folder holding the files
# they name — new-titles.txt, lhrs.mrc, ... — made from records and numbers the simulator knows), the id.loc.gov
# simulator for id.loc.gov, and the Zebra SRU test server (when it answers) for the SRU example. Like
# HelpExamples.Tests.ps1: a fresh runspace, $ErrorActionPreference = 'Stop', no error allowed. Examples that prompt
# (-Confirm) or name a Windows server's folders (D:\) are not run here; HelpExamples.Tests.ps1 checks that they say
# what they need.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:NoSimulators = -not (Test-SimulatorsAvailable)
    $examples = foreach ($command in Get-Command -Module OclcCataloging -CommandType Cmdlet | Sort-Object Name) {
        $i = 0
        foreach ($example in @((Get-Help $command.Name).Examples.Example)) {
            $i++
            $remarks = @($example.Remarks | ForEach-Object { $_.Text } | Where-Object { $_ })
            if (-not ($remarks.Count -and $remarks[0] -match '^Needs (.+)\.$')) { continue }
            $code = [string] $example.Code
            if ($code -match '-Confirm\b' -or $code -match '[A-Z]:\\') { continue }
            @{ Cmdlet = $command.Name; Number = $i; Title = ($example.Title -replace '^-+\s*|\s*-+$', ''); Code = $code; Needs = $Matches[1] }
        }
    }
    $script:WorldCatExamples = @($examples | Where-Object { $_.Needs -match '^a WorldCat API key \(WSKey\) and the internet' })
    $script:IdLocExamples = @($examples | Where-Object { $_.Needs -eq 'the internet (id.loc.gov)' })
    $script:SruExamples = @($examples | Where-Object { $_.Needs -match '^an SRU server \(the project''s Zebra test server' })
    $zebra = [System.Net.Sockets.TcpClient]::new()
    try { $script:NoZebra = -not $zebra.ConnectAsync('127.0.0.1', 21210).Wait(2000) } catch { $script:NoZebra = $true } finally { $zebra.Dispose() }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Module = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $script:SavedConnectionsPath = $env:OCLC_CONNECTIONS_PATH
    if (-not (Test-SimulatorsAvailable)) { return }

    # The numbers the examples name (312010, 227523461, ...) exist in the simulator; the fixture files use its own.
    $script:IdLocSim = Start-Simulator -Name idloc
    $script:Sim = Start-Simulator -Name worldcat -ArgumentList '--bib', '312010,261176486',
        '--lhr', '312010=MAIN@227523461,312010=EAST,312010=WEST,300000020=MAIN@700500001,300000021=MAIN@700500002,300000022=MAIN@700500003',
        '--held', '300000001-300000005', '--held-with-lhr', '300000006-300000008'

    # MarcEdit text of the MARC files the examples read; turned into ISO 2709 with the module itself.
    $bibs = @(300000001, 300000009) | ForEach-Object {
        "=LDR  00000cam a2200000 i 4500`n=001  ocn$_`n=003  OCoLC`n=008  240101s2001    xxu           000 0 eng d`n=040  \\`$aSIM`$beng`$cSIM`n=245  10`$aA chronicle :`$bpart $_ /`$cChronicler.`n=260  \\`$aLondon :`$bAnnals Press,`$c2001.`n=300  \\`$a200 p."
    }
    $lhr = {
        param([string] $OclcNumber, [string] $Library, [string] $ControlNumber)
        $control = if ($ControlNumber) { "=001  $ControlNumber`n" } else { '' }
        "=LDR  00000nx  a2200000zi 4500`n$control=004  $OclcNumber`n=007  zu`n=008  1103280p    0   4001uueng0210908`n=852  \\`$aSIM`$b$Library`$c$Library-STACKS`n=876  \\`$pB$OclcNumber"
    }
    $script:MarcFixtures = @{
        'bibs.mrc'            = $bibs
        'originals.mrc'       = $bibs
        'lhrs.mrc'            = @((& $lhr 300000010 MAIN), (& $lhr 300000011 MAIN))
        'branch-holdings.mrc' = @((& $lhr 300000012 BR1))
        'edited-lhrs.mrc'     = @((& $lhr 300000022 MAIN 700500003))
    }
    $script:TextFixtures = @{
        'new-titles.txt'      = "300000100`n300000101"
        'weeding.txt'         = "300000001`n300000002`n300000050"
        'weeded.txt'          = "300000003`n300000004"
        'keys.txt'            = "300000001`n300000002"
        'lhrs-to-delete.txt'  = "700500001`n700500002"
        'locations.csv'       = "In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21`nSIM,BR1,*,SIM,MAIN,,,"
    }

    # What an example expects an earlier run to have left behind, written just before it.
    $script:BeforeExample = @{
        # Example 1's run refused 300000006 (it has an LHR) into its retained refused.txt.
        'Remove-WorldCatHolding 2' = { param($Work) Set-Content -LiteralPath (Join-Path $Work 'weeding/refused.txt') -Value '300000006' }
    }

    $script:Runner = {
        param($ModulePath, $Work, $Code, [hashtable] $Defaults)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module -Name $ModulePath
        Set-Location -LiteralPath $Work
        $script:SimulatorKey = [pscredential]::new('simulator-client', (ConvertTo-SecureString 'simulator-secret' -AsPlainText -Force))
        function Get-Credential { param([string] $Message) $script:SimulatorKey }
        foreach ($key in $Defaults.Keys) { $PSDefaultParameterValues[$key] = $Defaults[$key] }
        # The connections an example expects to have been saved before it ("a saved connection named wc").
        foreach ($name in 'wc', 'WorldCat') { Set-OclcConnection -Name $name -Kind WorldCat -Credential $script:SimulatorKey -WarningAction SilentlyContinue }
        . ([scriptblock]::Create($Code)) 3>&1 | Out-String -Width 200
    }

    # One folder per cmdlet, made (with the fixture files, and the simulator back to its seeds) before its first example.
    function Get-ExampleFolder([string] $Cmdlet) {
        $work = Join-Path $TestDrive $Cmdlet
        if (Test-Path -LiteralPath $work) { return $work }
        $null = New-Item -ItemType Directory -Path (Join-Path $work 'weeding') -Force
        foreach ($name in $TextFixtures.Keys) { Set-Content -LiteralPath (Join-Path $work $name) -Value $TextFixtures[$name] }
        foreach ($name in $MarcFixtures.Keys) {
            $MarcFixtures[$name] | ConvertFrom-MarcText |
                Export-MarcFile -LiteralPath (Join-Path $work $name)
        }
        $null = Invoke-RestMethod -Method Post -Uri ([Uri]::new($Sim.BaseAddress, 'simulator/reset'))
        $work
    }

    # Saved connections, and Invoke-BatchSearch -Credential without one, go to the simulator rather than OCLC.
    $script:WorldCatDefaults = @{}
    foreach ($command in 'Set-OclcConnection', 'Invoke-BatchSearch') {
        $WorldCatDefaults["${command}:BaseAddress"] = [Uri]::new($Sim.BaseAddress, 'worldcat')
        $WorldCatDefaults["${command}:TokenAddress"] = [Uri]::new($Sim.BaseAddress, 'token')
    }

    function Invoke-ServerExample([string] $Cmdlet, [string] $Code, [hashtable] $Defaults = $WorldCatDefaults) {
        $work = Get-ExampleFolder $Cmdlet
        $env:OCLC_CONNECTIONS_PATH = Join-Path $work 'connections'
        Invoke-InFreshRunspace $Runner @($Module, $work, $Code, $Defaults)
    }
}

AfterAll {
    $env:OCLC_CONNECTIONS_PATH = $script:SavedConnectionsPath
    if ($script:Sim) { Stop-Simulator $script:Sim }
    if ($script:IdLocSim) { Stop-Simulator $script:IdLocSim }
}

Describe 'Help examples that need WorldCat, against the WorldCat simulator' -Skip:$NoSimulators {
    It 'most of them run here' {
        $WorldCatExamples.Count | Should -BeGreaterThan 18
    }

    It '<Cmdlet> example <Number> runs: <Title>' -ForEach $WorldCatExamples {
        $work = Get-ExampleFolder $Cmdlet
        if ($BeforeExample["$Cmdlet $Number"]) { & $BeforeExample["$Cmdlet $Number"] $work }
        Get-SimulatorRequest -Simulator $Sim -Clear
        $result = Invoke-ServerExample $Cmdlet $Code
        $result.Errors | Should -BeNullOrEmpty -Because "the example is:`n$Code`n"
        # It reached the simulator, not OCLC; a preview only reads. (Resuming a run that finished has nothing left to send.)
        $sent = @(Get-SimulatorRequest -Simulator $Sim | Where-Object { $_.path -like '/worldcat/*' })
        if ($Code -match '-WhatIf\b') { @($sent | Where-Object method -ne 'GET').Count | Should -Be 0 }
        elseif ($Code -notmatch '-Resume\b') { $sent.Count | Should -BeGreaterThan 0 -Because "the example is:`n$Code`n" }
    }
}

Describe 'Help examples that need id.loc.gov, against the id.loc.gov simulator' -Skip:$NoSimulators {
    It '<Cmdlet> example <Number> runs: <Title>' -ForEach $IdLocExamples {
        $result = Invoke-ServerExample $Cmdlet $Code @{ 'Invoke-BatchSearch:BaseAddress' = $IdLocSim.BaseAddress }
        $result.Errors | Should -BeNullOrEmpty -Because "the example is:`n$Code`n"
        $result.Output | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help examples that need an SRU server, against the Zebra test server' {
    It '<Cmdlet> example <Number> runs: <Title>' -ForEach $SruExamples {
        if ($NoZebra) { Set-ItResult -Skipped -Because 'the Zebra SRU test server does not answer on 127.0.0.1:21210 (.ci/run starts it)'; return }
        $result = Invoke-ServerExample $Cmdlet $Code @{}
        $result.Errors | Should -BeNullOrEmpty -Because "the example is:`n$Code`n"
        $result.Output | Should -Match 'Found'
    }
}

# Every example of Get-Help <cmdlet> -Examples, as a new user would run it: each runnable one is run on a copy of the
# sample data (samples/) in its own temporary folder and its own runspace, with $ErrorActionPreference = 'Stop', and
# must finish without an error within a minute. An example that cannot run there (it needs a server, an account or a
# scheduled task) says so: its help remarks start with "Needs <what>." (docs/help/README.md explains the marker).
# The examples are read from the built help, so what is run is what Get-Help shows.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Examples = foreach ($command in Get-Command -Module OclcCataloging -CommandType Cmdlet | Sort-Object Name) {
        $i = 0
        foreach ($example in @((Get-Help $command.Name).Examples.Example)) {
            $i++
            $remarks = @($example.Remarks | ForEach-Object { $_.Text } | Where-Object { $_ })
            $needs = if ($remarks.Count -and $remarks[0] -match '^Needs (.+)\.$') { $Matches[1] } else { $null }
            @{
                Cmdlet = $command.Name; Number = $i; Title = ($example.Title -replace '^-+\s*|\s*-+$', '')
                Code = [string] $example.Code; Needs = $needs
            }
        }
    }
    $script:Runnable = @($Examples | Where-Object { -not $_.Needs })
    $script:NotRunnable = @($Examples | Where-Object { $_.Needs })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Samples = Join-Path $PSScriptRoot '../../samples'
    $script:Module = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    # Saved connections an example makes go to its own folder, never to the user's own store.
    $script:SavedConnectionsPath = $env:OCLC_CONNECTIONS_PATH

    $script:Runner = {
        param($ModulePath, $Work, $Code)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module -Name $ModulePath
        Set-Location -LiteralPath $Work
        . ([scriptblock]::Create($Code)) 3>&1 | Out-String -Width 200
    }

    # Runs one example in a fresh runspace in its own folder holding a copy of samples/; returns its errors and output.
    function Invoke-Example([string] $Code, [string] $Name) {
        $work = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Path $work -Force
        Copy-Item -Path $Samples -Destination (Join-Path $work 'samples') -Recurse
        $env:OCLC_CONNECTIONS_PATH = Join-Path $work 'connections'
        Invoke-InFreshRunspace $Runner @($Module, $work, $Code)
    }
}

AfterAll {
    $env:OCLC_CONNECTIONS_PATH = $script:SavedConnectionsPath
}

Describe 'Help examples' {
    It 'every cmdlet has examples, and most of them run on the sample data' {
        $Examples.Count | Should -BeGreaterThan 60
        $Runnable.Count | Should -BeGreaterThan 0
    }

    It '<Cmdlet> example <Number> runs: <Title>' -ForEach $Runnable {
        $result = Invoke-Example $Code "$Cmdlet-$Number"
        $result.Errors | Should -BeNullOrEmpty -Because "the example is:`n$Code`n"
    }

    It '<Cmdlet> example <Number> says what it needs: <Needs>' -ForEach $NotRunnable {
        $Needs | Should -Match '\w{3,}'
        $Code | Should -Not -BeNullOrEmpty
    }
}

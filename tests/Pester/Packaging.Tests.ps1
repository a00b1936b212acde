# The package people install: the built module folder published into a temporary local repository with
# PSResourceGet, installed from there with Install-PSResource and with PowerShellGet's Install-Module, then imported
# by name in a fresh process. The installing runs in a child process whose per-user folders (HOME, XDG_*,
# LOCALAPPDATA, APPDATA) point into the test drive, and the repositories are unregistered afterwards, so the user's own repositories,
# settings and module folders are never touched. build.ps1 -Task Package writes the same package with
# Compress-PSResource.
BeforeDiscovery {
    $script:skipReason = if ($PSEdition -ne 'Core') { 'PSResourceGet ships with PowerShell 7.4+' }
    elseif (-not (Get-Module -ListAvailable Microsoft.PowerShell.PSResourceGet)) { 'Microsoft.PowerShell.PSResourceGet is not installed' }
    else { $null }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moduleFolder = Split-Path -Parent (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $script:version = (Import-PowerShellDataFile (Join-Path $moduleFolder 'OclcCataloging.psd1')).ModuleVersion

    # Runs a script in a fresh pwsh whose per-user folders are under $Home; returns its last output line as an object.
    function Invoke-IsolatedPwsh([string] $Script, [string] $UserHome, [string[]] $Arguments) {
        $path = Join-Path $TestDrive ("child-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        Set-Content -LiteralPath $path -Value $Script -Encoding utf8
        $pwsh = Get-PwshCommand
        $saved = @{}
        $isolated = @{
            HOME = $UserHome
            XDG_DATA_HOME = Join-Path $UserHome 'data'; XDG_CONFIG_HOME = Join-Path $UserHome 'config'
            XDG_CACHE_HOME = Join-Path $UserHome 'cache'; LOCALAPPDATA = Join-Path $UserHome 'localappdata'
            APPDATA = Join-Path $UserHome 'appdata'; PSModulePath = Join-Path $UserHome 'no-modules'
        }
        foreach ($name in $isolated.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            $null = New-Item -ItemType Directory -Path $isolated[$name] -Force
            [Environment]::SetEnvironmentVariable($name, $isolated[$name])
        }
        # From the user's home too: PowerShellGet's NuGet provider writes a NuGet/NuGet.Config below the current folder.
        Push-Location -LiteralPath $UserHome
        try { $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -File $path @Arguments 2>&1 }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        return ($output | Select-Object -Last 1) | ConvertFrom-Json
    }

    $install = @'
param($ModuleFolder, $Work)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$repo = Join-Path $Work 'repo'
$null = New-Item -ItemType Directory -Path $repo -Force
$name = 'OclcTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$report = [ordered]@{ Packages = @(); PSResourceGet = $null; PowerShellGet = $null; LeftRepositories = @() }
Register-PSResourceRepository -Name $name -Uri $repo -Trusted
try {
    Publish-PSResource -Path $ModuleFolder -Repository $name
    $report.Packages = @(Get-ChildItem $repo -Filter '*.nupkg' | ForEach-Object Name)
    # Install-PSResource into the current-user module folder (under the redirected HOME); Save-PSResource where
    # that folder cannot be redirected (Windows' Documents folder).
    $v3 = Join-Path $Work 'installed-psresourceget'
    if ($IsWindows) { Save-PSResource -Name OclcCataloging -Repository $name -Path $v3 -TrustRepository }
    else {
        Install-PSResource -Name OclcCataloging -Repository $name -Scope CurrentUser -TrustRepository
        $v3 = (Get-InstalledPSResource -Name OclcCataloging -Scope CurrentUser).InstalledLocation
        if (-not $v3.StartsWith($HOME)) { throw "Install-PSResource installed outside the test's HOME: $v3" }
    }
    $report.PSResourceGet = $v3
    Register-PSRepository -Name "$name-v2" -SourceLocation $repo -InstallationPolicy Trusted
    try {
        $v2 = Join-Path $Work 'installed-powershellget'
        $null = New-Item -ItemType Directory -Path $v2 -Force
        if ($IsWindows) { Save-Module -Name OclcCataloging -Repository "$name-v2" -Path $v2 }
        else {
            # PowerShellGet's current-user folder is under XDG_DATA_HOME (redirected), apart from PSResourceGet's.
            Install-Module -Name OclcCataloging -Repository "$name-v2" -Scope CurrentUser
            $v2 = Split-Path -Parent (Split-Path -Parent (Get-InstalledModule -Name OclcCataloging).InstalledLocation)
            if (-not $v2.StartsWith($HOME) -or $v2 -eq $report.PSResourceGet) { throw "Install-Module installed into $v2" }
        }
        $report.PowerShellGet = $v2
    }
    finally { Unregister-PSRepository -Name "$name-v2" }
}
finally { Unregister-PSResourceRepository -Name $name }
$report.LeftRepositories = @(Get-PSResourceRepository | Where-Object Name -like 'OclcTest*' | ForEach-Object Name) +
    @(Get-PSRepository | Where-Object Name -like 'OclcTest*' | ForEach-Object Name)
$report | ConvertTo-Json -Compress
'@

    $use = @'
param($ModulesFolder)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $ModulesFolder + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
Import-Module OclcCataloging
$module = Get-Module OclcCataloging
$number = 'ocm00012345' | Get-OclcNumber
$about = Get-Help about_OclcCataloging | Out-String
$scheduling = Get-Help about_OclcCataloging_Scheduling | Out-String
[ordered]@{
    Version = "$($module.Version)"; Base = $module.ModuleBase; Number = $number.OclcNumber
    About = $about; Scheduling = $scheduling; Synopsis = (Get-Help Import-MarcFile).Synopsis
    Files = @(Get-ChildItem $module.ModuleBase -Recurse -File | ForEach-Object { $_.FullName.Substring($module.ModuleBase.Length + 1).Replace('\', '/') })
} | ConvertTo-Json -Compress
'@
    $script:userHome = Join-Path $TestDrive 'home'
    $null = New-Item -ItemType Directory -Path $userHome -Force
    $script:installed = Invoke-IsolatedPwsh $install $userHome @('-ModuleFolder', $moduleFolder, '-Work', (Join-Path $TestDrive 'work'))
}

Describe 'The module package' -Skip:([bool]$skipReason) {
    It 'is one versioned .nupkg, the version the manifest names' {
        $installed.Packages | Should -Be @("OclcCataloging.$version.nupkg")
    }

    It 'leaves no test repository registered' {
        $installed.LeftRepositories | Should -BeNullOrEmpty
    }

    It 'installs with <Client> and imports by name in a fresh process, help and both editions included' -ForEach @(
        @{ Client = 'PSResourceGet' }, @{ Client = 'PowerShellGet' }
    ) {
        $modules = $installed.$Client
        $modules | Should -Not -BeNullOrEmpty
        $used = Invoke-IsolatedPwsh $use $userHome @('-ModulesFolder', $modules)
        $used.Version | Should -Be $version
        $used.Base | Should -BeLike "$modules*"
        $used.Number | Should -Be '12345'
        $used.About | Should -Match 'WHICH CMDLET FOR WHICH JOB'
        $used.Scheduling | Should -Match 'NonInteractive'
        $used.Synopsis | Should -Not -BeNullOrEmpty
        foreach ($file in 'bin/net8.0/OclcCataloging.dll', 'bin/net472/OclcCataloging.dll', 'bin/net8.0/Dependencies/Polly.Core.dll',
            'bin/net472/Dependencies/Polly.Core.dll', 'en-US/OclcCataloging.dll-Help.xml', 'en-US/about_OclcCataloging.help.txt',
            'OclcCataloging.Format.ps1xml', 'OclcCataloging.Types.ps1xml', 'LICENSE', 'CHANGELOG.md') {
            $used.Files | Should -Contain $file
        }
    }
}

Describe 'The module manifest' {
    It 'has the metadata a gallery shows' {
        $manifest = Import-PowerShellDataFile (Join-Path $moduleFolder 'OclcCataloging.psd1')
        $data = $manifest.PrivateData.PSData
        foreach ($uri in $data.ProjectUri, $data.LicenseUri, $manifest.HelpInfoURI) { [Uri]::IsWellFormedUriString($uri, 'Absolute') | Should -BeTrue }
        $data.ReleaseNotes | Should -Not -BeNullOrEmpty
        $data.Tags | Should -Contain 'MARC'
        Get-Content (Join-Path $moduleFolder 'CHANGELOG.md') -Raw | Should -Match ([regex]::Escape("## $version"))
    }
}

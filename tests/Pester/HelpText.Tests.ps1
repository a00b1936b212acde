# The help a user reads (Get-Help, from the built MAML): user-facing wording only, enum names in the syntax, an
# online address for every cmdlet and a description for every parameter. Checked for every exported cmdlet.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Cmdlets = @(Get-Command -Module OclcCataloging -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help of <Name>' -ForEach $script:Cmdlets {
    BeforeAll {
        $script:Help = Get-Help -Name $Name -Full
        $script:Text = $Help | Out-String -Width 250
    }

    It 'has an online help address' {
        $uri = (Get-Command -Name $Name).HelpUri
        $uri | Should -Match '^https://'
        $uri | Should -BeLike "*$Name*"
    }

    It 'quotes no internal design notes' {
        $Text | Should -Not -Match '\.md section|\bsection \d|\bDecision \d|\bINFERRED\b|\bgap \d|Ambiguity \d'
    }

    It 'shows value types by name in its syntax, never Nullable`1' {
        $Text | Should -Not -Match 'Nullable'
        (Get-Help -Name $Name | Out-String -Width 250) | Should -Not -Match 'Nullable'
    }

    It 'describes every parameter' {
        $parameters = (Get-Command -Name $Name).Parameters.Keys | Where-Object { $_ -notin $Common }
        foreach ($p in $parameters) {
            $entry = $Help.parameters.parameter | Where-Object name -eq $p
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$p of $Name needs a description"
        }
    }
}

Describe 'Module manifest' {
    It 'names the project, the licence and the online help' {
        $manifest = Import-PowerShellDataFile -LiteralPath $env:OCLC_MODULE_PATH
        $manifest.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $manifest.HelpInfoURI | Should -Match '^https://'
    }
}

Describe 'A nullable enum parameter in the syntax' {
    It 'shows the enum values of Invoke-BatchSearch -Target' {
        $syntax = (Get-Help -Name Invoke-BatchSearch).syntax | Out-String -Width 500
        $syntax | Should -Match '-Target \{[^}]*WorldCat[^}]*\}'
    }
}

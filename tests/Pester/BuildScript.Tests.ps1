# A function in build.ps1 named like a well-known command hides that command inside the script (a call meant
# for PowerShellGet's Install-Module would run ours) and misleads whoever reads or dot-sources it.
BeforeAll {
    $script:buildScript = Join-Path $PSScriptRoot '../../build.ps1'
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($buildScript, [ref] $tokens, [ref] $errors)
    $script:parseErrors = $errors
    $script:functions = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true).Name)
}

Describe 'build.ps1' {
    It 'parses' {
        $parseErrors | Should -BeNullOrEmpty
        $functions.Count | Should -BeGreaterThan 5
    }

    It 'defines no function named like a well-known command' {
        # Build and packaging commands from the PowerShell Gallery's most used modules, present here or not.
        $wellKnown = @('Invoke-Build', 'Install-Module', 'Publish-Module', 'Update-Module', 'Install-PSResource',
            'Invoke-Pester', 'Invoke-psake', 'Build-Module', 'Invoke-ScriptAnalyzer', 'Test-ModuleManifest')
        $shadowing = @($functions | Where-Object {
                $_ -in $wellKnown -or (Get-Command -Name $_ -CommandType Cmdlet, Function -ErrorAction Ignore | Where-Object Source)
            })
        $shadowing | Should -BeNullOrEmpty
    }
}

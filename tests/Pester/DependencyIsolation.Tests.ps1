# The module must keep working when another module has already loaded a different Polly.Core: on PowerShell 7
# its own Polly.Core loads into the private "OclcCataloging-Dependencies" load context. This runs in a fresh
# PowerShell process, since this one may already have the module (and its Polly) loaded.
BeforeDiscovery {
    $script:skipReason = if ($PSEdition -ne 'Core') { 'assembly load contexts exist on PowerShell 7 only' }
    elseif (-not $env:OCLC_OTHER_POLLY_PATH) { 'no other Polly.Core given (Invoke-PesterSuite.ps1 -OtherPollyPath)' }
    else { $null }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Polly.Core 8.4.2's netstandard2.0 build cannot run on its own in PowerShell 7: building a pipeline needs
    # Microsoft.Bcl.TimeProvider, which is not beside it. The net8.0 build of the same package needs nothing else.
    function Get-RunnablePolly([string] $Path) {
        $net8 = [System.IO.Path]::Combine((Split-Path (Split-Path $Path)), 'net8.0', 'Polly.Core.dll')
        if ($Path -match '[\\/]netstandard2\.0[\\/]' -and (Test-Path -LiteralPath $net8)) { return $net8 }
        return $Path
    }
}

Describe 'Dependency isolation' -Skip:([bool]$skipReason) {
    It 'works beside another Polly.Core loaded first, each in its own load context' {
        $otherPolly = Get-RunnablePolly $env:OCLC_OTHER_POLLY_PATH
        $script = @'
param($OtherPolly, $ModulePath, $Folder)
$ErrorActionPreference = 'Stop'
$report = [ordered]@{ OtherPollyWorked = $false; ModuleWorked = $false; Error = $null; Polly = @() }
try {
    Add-Type -Path $OtherPolly
    $options = [Polly.Retry.RetryStrategyOptions]::new()
    $options.MaxRetryAttempts = 2
    $builder = [Polly.ResiliencePipelineBuilder]::new()
    $pipeline = [Polly.RetryResiliencePipelineBuilderExtensions]::AddRetry($builder, $options).Build()
    $report.OtherPollyWorked = ($pipeline.Execute([Func[int]] { 42 }) -eq 42)

    Import-Module $ModulePath
    $record = [OclcCataloging.Marc.MarcRecord]::new()
    $null = $record.AddControlField('001', 'ocm-isolation')
    $null = $record.AddDataField('245', '10', 'a', 'Isolation test')
    $file = Join-Path $Folder 'isolation.mrc'
    $record | Export-MarcFile -Path $file
    $read = Import-MarcFile -Path $file
    $report.ModuleWorked = ($read.ControlNumber -eq 'ocm-isolation')
}
catch { $report.Error = $_.ToString() }
$report.Polly = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | ForEach-Object {
    [ordered]@{
        Version = $_.GetCustomAttributes([System.Reflection.AssemblyInformationalVersionAttribute], $false)[0].InformationalVersion.Split('+')[0]
        Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
        Location = $_.Location
    }
})
$report | ConvertTo-Json -Depth 4 -Compress
'@
        $scriptPath = Join-Path $TestDrive 'isolation.ps1'
        Set-Content -LiteralPath $scriptPath -Value $script -Encoding utf8
        $pwsh = Get-PwshCommand
        $exe = $pwsh[0]
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $scriptPath,
            '-OtherPolly', $otherPolly, '-ModulePath', (Resolve-Path -LiteralPath $ModulePath).ProviderPath, '-Folder', $TestDrive)
        $output = & $exe @arguments 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $report = ($output | Select-Object -Last 1) | ConvertFrom-Json

        $report.Error | Should -BeNullOrEmpty
        $report.OtherPollyWorked | Should -BeTrue
        $report.ModuleWorked | Should -BeTrue
        $report.Polly.Count | Should -Be 2 -Because ($report.Polly | ConvertTo-Json)
        @($report.Polly.Version | Select-Object -Unique).Count | Should -Be 2
        ($report.Polly | Where-Object Version -eq '8.4.2').Context | Should -Be 'Default'
        $ours = $report.Polly | Where-Object Version -ne '8.4.2'
        $ours.Context | Should -Be 'OclcCataloging-Dependencies'
        $ours.Location | Should -BeLike '*Dependencies*Polly.Core.dll'
    }
}

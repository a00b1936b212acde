# Shared by TabCompletion.Tests.ps1 (dot-sourced at discovery and at run time): every parameter of the module's
# commands with the facts its completion depends on (common parameters left out).
function Get-CompletionParameterFacts {
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    foreach ($command in Get-Command -Module OclcCataloging | Sort-Object Name) {
        foreach ($p in $command.Parameters.Values | Where-Object { $_.Name -notin $common }) {
            $type = $p.ParameterType
            if ($type.IsArray) { $type = $type.GetElementType() }
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            $set = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            $completer = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | Select-Object -First 1
            @{
                Command   = $command.Name
                Parameter = $p.Name
                Name      = "$($command.Name) -$($p.Name)"
                Type      = $type
                Expected  = @(if ($set) { $set.ValidValues } elseif ($type.IsEnum) { [Enum]::GetNames($type) })
                Completer = if ($completer) { $completer.Type.Name } else { $null }
            }
        }
    }
}

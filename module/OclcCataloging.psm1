# Loads the build of the module assembly that matches this PowerShell: net8.0 for PowerShell 7.4 and later,
# net472 for Windows PowerShell 5.1. The manifest (OclcCataloging.psd1) stays plain data.
if ($PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "OclcCataloging needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is PowerShell $($PSVersionTable.PSVersion)."
    }
    $framework = 'net8.0'
}
else {
    $framework = 'net472'
}

$binPath = [System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework)

# Load the core first so its types (e.g. [OclcCataloging.Marc.MarcRecord]) resolve as type literals at once.
# Assembly.LoadFrom, not Add-Type: Add-Type sets up its C# compiler even for a DLL, which was most of Import-Module's
# cost (about 0.25 s of ~0.3 s); the assembly lands in the same (default) load context either way.
$null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($binPath, 'OclcCataloging.Core.dll'))

$assemblyPath = [System.IO.Path]::Combine($binPath, 'OclcCataloging.dll')
Import-Module -Name $assemblyPath -ErrorAction Stop

# Every cmdlet of the nested binary module (the manifest's CmdletsToExport names them): a wildcard, because
# -PassThru and the module's ExportedCmdlets cost start-up time (docs/design/module-startup.md).
Export-ModuleMember -Cmdlet *

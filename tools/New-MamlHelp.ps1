<#
.SYNOPSIS
    Builds the module's MAML help (OclcCataloging.dll-Help.xml) from docs/help/*.md and the built cmdlets.
.DESCRIPTION
    Each docs/help/<Cmdlet>.md holds the prose a person writes: SYNOPSIS, DESCRIPTION, EXAMPLES, a description per
    parameter (optionally with a "Default value: ..." line), INPUTS, OUTPUTS, NOTES and RELATED LINKS, in the
    layout platyPS uses. Everything that code already knows (parameter sets, types, positions, mandatory, pipeline
    input, wildcards, aliases, ValidateSet/enum values) is read from the imported module, so the help cannot
    drift from the code. The script fails when a cmdlet has no markdown file, a parameter has no description, a
    described parameter does not exist, or a cmdlet has fewer than two examples.

    An example's code fence is ```powershell when it runs on the sample data, or ```powershell needs: <what> when it
    cannot (a server, a key, a scheduled task); the help then says "Needs <what>." first in its remarks, and
    tests/Pester/HelpExamples.Tests.ps1 runs every other example. See docs/help/README.md.

    build.ps1 runs it in a separate PowerShell process after assembling the module (importing the module locks
    its DLL until the process ends).
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-MamlHelp.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1 -SourcePath docs/help -OutputPath out/OclcCataloging/en-US/OclcCataloging.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string[]] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# ---------------------------------------------------------------- markdown

function ConvertTo-Paragraph([string[]] $Lines) {
    # Blank lines separate paragraphs; "- " starts a list item, which is its own paragraph.
    $paras = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        $t = $line.Trim()
        if ($t -eq '' -or $t.StartsWith('- ')) {
            if ($current.Count) { $paras.Add($current -join ' '); $current.Clear() }
            if ($t -ne '') { $current.Add($t) }
        }
        else { $current.Add($t) }
    }
    if ($current.Count) { $paras.Add($current -join ' ') }
    return , $paras.ToArray()
}

function Read-HelpMarkdown([string] $Path) {
    $doc = [ordered]@{
        Name = $null; Synopsis = @(); Description = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}; Inputs = [System.Collections.Generic.List[object]]::new()
        Outputs = [System.Collections.Generic.List[object]]::new(); Notes = @(); Links = [System.Collections.Generic.List[string]]::new()
    }
    $section = $null; $sub = $null; $buffer = [System.Collections.Generic.List[string]]::new()
    $inCode = $false; $code = [System.Collections.Generic.List[string]]::new(); $example = $null

    $flush = {
        $lines = $buffer.ToArray(); $buffer.Clear()
        switch ($section) {
            'SYNOPSIS' { $doc.Synopsis = ConvertTo-Paragraph $lines }
            'DESCRIPTION' { $doc.Description = ConvertTo-Paragraph $lines }
            'NOTES' { $doc.Notes = ConvertTo-Paragraph $lines }
            'EXAMPLES' { if ($example) { $example.Remarks = ConvertTo-Paragraph $lines } }
            'PARAMETERS' {
                if ($sub) {
                    $default = $null
                    $text = foreach ($l in $lines) {
                        if ($l -match '^\s*Default value:\s*(.+)$') { $default = $Matches[1].Trim() } else { $l }
                    }
                    $doc.Parameters[$sub.TrimStart('-')] = @{ Description = ConvertTo-Paragraph @($text); Default = $default }
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if ($sub) { $doc[$(if ($section -eq 'INPUTS') { 'Inputs' } else { 'Outputs' })].Add(@{ Type = $sub; Description = ConvertTo-Paragraph $lines }) }
            }
            'RELATED LINKS' { foreach ($l in $lines) { if ($l.Trim() -match '^- (.+)$') { $doc.Links.Add($Matches[1].Trim()) } } }
        }
    }

    foreach ($line in [System.IO.File]::ReadAllLines($Path)) {
        if ($inCode) {
            if ($line.Trim() -eq '```') { $inCode = $false; if ($example) { $example.Code = $code -join "`n" }; $code.Clear() }
            else { $code.Add($line) }
            continue
        }
        if ($line -match '^```(.*)$') {
            $inCode = $true
            if ($example) {
                # The fence says whether the example runs on the sample data (docs/help/README.md): "powershell", or
                # "powershell needs: <what it needs>" for one that cannot.
                $fence = $Matches[1].Trim()
                if ($fence -match '^powershell\s+needs:\s*(\S.*)$') { $example.Needs = $Matches[1].Trim().TrimEnd('.') }
                elseif ($fence -ne 'powershell') { throw "$Path, $($example.Title): the code fence must be ``````powershell (runnable) or ``````powershell needs: <what it needs>, not ``````$fence." }
            }
            continue
        }
        if ($line -match '^# (.+)$') { $doc.Name = $Matches[1].Trim(); continue }
        if ($line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim().ToUpperInvariant(); $sub = $null; $example = $null; continue }
        if ($line -match '^### (.+)$') {
            & $flush; $sub = $Matches[1].Trim()
            if ($section -eq 'EXAMPLES') { $example = @{ Title = $sub; Code = ''; Remarks = @(); Needs = $null }; $doc.Examples.Add($example) }
            continue
        }
        $buffer.Add($line)
    }
    & $flush
    return $doc
}

# ---------------------------------------------------------------- MAML

function Write-Paragraphs([System.Xml.XmlWriter] $W, [string[]] $Paragraphs) {
    $W.WriteStartElement('maml', 'description', $ns.maml)
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
    $W.WriteEndElement()
}

function Get-TypeLabel([type] $Type) {
    if ($Type.IsArray) { return (Get-TypeLabel $Type.GetElementType()) + '[]' }
    # A nullable parameter (an optional enum or date) is shown as its value type, never as Nullable`1.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return $underlying.Name }
    return $Type.Name
}

function Get-PipelineInput($Sets) {
    $kinds = @()
    if ($Sets | Where-Object ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($Sets | Where-Object ValueFromPipeline) { $kinds += 'ByValue' }
    if ($kinds) { return 'True ({0})' -f ($kinds -join ', ') }
    return 'False'
}

function Get-AllowedValues([System.Management.Automation.ParameterMetadata] $Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return [System.Enum]::GetNames($type) }
    return @()
}

function Write-Parameter([System.Xml.XmlWriter] $W, $Name, $Meta, $SetInfo, $Doc, [switch] $InSyntax) {
    $sets = @($Meta.ParameterSets.Values)
    $isSwitch = $Meta.SwitchParameter
    $required = if ($SetInfo) { $SetInfo.IsMandatory } else { [bool]($sets | Where-Object IsMandatory) }
    $positionValue = if ($SetInfo) { $SetInfo.Position } else { ($sets | Select-Object -First 1).Position }
    $position = if ($positionValue -ge 0) { "$positionValue" } else { 'named' }
    $globbing = [bool]($Meta.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $aliases = if ($Meta.Aliases.Count) { $Meta.Aliases -join ', ' } else { 'none' }
    $typeLabel = Get-TypeLabel $Meta.ParameterType

    $W.WriteStartElement('command', 'parameter', $ns.command)
    $W.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $Meta.ParameterType.IsArray.ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', (Get-PipelineInput $(if ($SetInfo) { $SetInfo } else { $sets })))
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $aliases)
    $W.WriteElementString('maml', 'name', $ns.maml, $Name)
    Write-Paragraphs $W $Doc.Description
    $values = @(Get-AllowedValues $Meta)
    if ($InSyntax -and $values.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($v in $values) {
            $W.WriteStartElement('command', 'parameterValue', $ns.command)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $W.WriteString($v); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    elseif (-not $isSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $ns.command)
        $W.WriteAttributeString('required', 'true'); $W.WriteAttributeString('variableLength', $Meta.ParameterType.IsArray.ToString().ToLowerInvariant())
        $W.WriteString($typeLabel); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $ns.dev)
    $W.WriteElementString('maml', 'name', $ns.maml, $(if ($isSwitch) { 'SwitchParameter' } else { $typeLabel }))
    $W.WriteElementString('maml', 'uri', $ns.maml, '')
    $W.WriteEndElement()
    $default = if ($Doc.Default) { $Doc.Default } elseif ($isSwitch) { 'False' } else { 'None' }
    $W.WriteElementString('dev', 'defaultValue', $ns.dev, $default)
    $W.WriteEndElement()
}

function Write-TypeList([System.Xml.XmlWriter] $W, [string] $ListName, [string] $ItemName, $Items) {
    $W.WriteStartElement('command', $ListName, $ns.command)
    foreach ($item in $Items) {
        $W.WriteStartElement('command', $ItemName, $ns.command)
        $W.WriteStartElement('dev', 'type', $ns.dev)
        $W.WriteElementString('maml', 'name', $ns.maml, $item.Type)
        $W.WriteEndElement()
        Write-Paragraphs $W $item.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $W, [System.Management.Automation.CmdletInfo] $Cmdlet, $Doc) {
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $own = @($Cmdlet.Parameters.Keys | Where-Object { $_ -notin $common })

    $missing = @($own | Where-Object { -not $Doc.Parameters.Contains($_) })
    $unknown = @($Doc.Parameters.Keys | Where-Object { $_ -notin $own })
    if ($missing) { throw "$($Cmdlet.Name): no description in the markdown for parameter(s) $($missing -join ', ')." }
    if ($unknown) { throw "$($Cmdlet.Name): the markdown describes parameter(s) $($unknown -join ', ') that the cmdlet does not have." }
    if ($Doc.Examples.Count -lt 2) { throw "$($Cmdlet.Name): at least two examples are required, the markdown has $($Doc.Examples.Count)." }
    if (-not $Doc.Synopsis -or -not $Doc.Description) { throw "$($Cmdlet.Name): SYNOPSIS and DESCRIPTION are required." }

    $W.WriteStartElement('command', 'command', $ns.command)
    $W.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $W.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $W.WriteStartElement('command', 'details', $ns.command)
    $W.WriteElementString('command', 'name', $ns.command, $Cmdlet.Name)
    $W.WriteElementString('command', 'verb', $ns.command, $Cmdlet.Verb)
    $W.WriteElementString('command', 'noun', $ns.command, $Cmdlet.Noun)
    Write-Paragraphs $W $Doc.Synopsis
    $W.WriteEndElement()

    Write-Paragraphs $W $Doc.Description

    $W.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Cmdlet.ParameterSets) {
        $W.WriteStartElement('command', 'syntaxItem', $ns.command)
        $W.WriteElementString('maml', 'name', $ns.maml, $Cmdlet.Name)
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $common } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }
        foreach ($p in $ordered) {
            $meta = $Cmdlet.Parameters[$p.Name]
            Write-Parameter $W $p.Name $meta $meta.ParameterSets[$set.Name] $Doc.Parameters[$p.Name] -InSyntax
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($name in $Doc.Parameters.Keys) {
        Write-Parameter $W $name $Cmdlet.Parameters[$name] $null $Doc.Parameters[$name]
    }
    $W.WriteEndElement()

    Write-TypeList $W 'inputTypes' 'inputType' $Doc.Inputs
    Write-TypeList $W 'returnValues' 'returnValue' $Doc.Outputs

    $W.WriteStartElement('maml', 'alertSet', $ns.maml)
    $W.WriteStartElement('maml', 'alert', $ns.maml)
    foreach ($p in $Doc.Notes) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
    $W.WriteEndElement(); $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $ns.command)
    $i = 0
    foreach ($ex in $Doc.Examples) {
        $i++
        $W.WriteStartElement('command', 'example', $ns.command)
        $W.WriteElementString('maml', 'title', $ns.maml, "--------- $($ex.Title) ---------")
        $W.WriteElementString('dev', 'code', $ns.dev, $ex.Code)
        $W.WriteStartElement('dev', 'remarks', $ns.dev)
        if ($ex.Needs) { $W.WriteElementString('maml', 'para', $ns.maml, "Needs $($ex.Needs).") }
        foreach ($p in $ex.Remarks) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
        $W.WriteElementString('maml', 'para', $ns.maml, '') # a blank line before the next example
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Doc.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $W.WriteElementString('maml', 'linkText', $ns.maml, $link)
        $W.WriteElementString('maml', 'uri', $ns.maml, '')
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement() # command:command
}

# ---------------------------------------------------------------- main

$module = Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).ProviderPath -PassThru -Force
$cmdlets = @($module.ExportedCmdlets.Values | Sort-Object Name)
if (-not $cmdlets) { throw "The module at '$ModulePath' exports no cmdlets." }

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$buffer = [System.IO.MemoryStream]::new()
$w = [System.Xml.XmlWriter]::Create($buffer, $settings)
$w.WriteStartDocument()
$w.WriteComment(' Generated by tools/New-MamlHelp.ps1 from docs/help/*.md and the cmdlets. Do not edit: edit the markdown. ')
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in $cmdlets) {
    $source = Join-Path $SourcePath "$($cmdlet.Name).md"
    if (-not (Test-Path -LiteralPath $source)) { throw "No help source for $($cmdlet.Name): expected '$source'." }
    $doc = Read-HelpMarkdown $source
    if ($doc.Name -ne $cmdlet.Name) { throw "'$source' starts with '# $($doc.Name)', expected '# $($cmdlet.Name)'." }
    Write-Command $w $cmdlet $doc
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Flush()

foreach ($out in $OutputPath) {
    $folder = Split-Path -Parent $out
    if ($folder -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder -Force }
    [System.IO.File]::WriteAllBytes([System.IO.Path]::GetFullPath($out), $buffer.ToArray())
    Write-Host "Help written: $out ($($cmdlets.Count) cmdlets)"
}

<#
.SYNOPSIS
    Demonstrates OclcCataloging on the sample batch: read, clean up, write ISO 2709 and MARCXML.
.DESCRIPTION
    What a library's nightly job typically does with an OCLC batch:
      1. read samples/*.mrc (one record is damaged on purpose: a warning names it, and it is still read),
      2. strip the local 9XX fields (item data that must not reach the shared catalog),
      3. add the library's symbol as modifying agency (040 $d) to every bibliographic record,
      4. write the result to out/demo/cleaned.mrc and, from the same pipeline, out/demo/cleaned.xml,
      5. print a table of what was done, and one record the way catalogers read it.
    Run it through the build script, which builds the module first:  dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
.EXAMPLE
    dotnet pwsh -NoProfile -File samples/Invoke-Demo.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # The library's OCLC symbol, added as 040 $d.
    [string] $Symbol = 'XYZ',

    [string] $OutputFolder = (Join-Path $PSScriptRoot '../out/demo')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force

$null = New-Item -ItemType Directory -Path $OutputFolder -Force
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath
$iso = Join-Path $OutputFolder 'cleaned.mrc'
$xml = Join-Path $OutputFolder 'cleaned.xml'

Write-Host "== 1. Reading $(Join-Path $PSScriptRoot '*.mrc')" -ForegroundColor Cyan
$log = [System.Collections.Generic.List[object]]::new()

$written = Import-MarcFile -Path (Join-Path $PSScriptRoot '*.mrc') |
    ForEach-Object {
        $record = $_
        # 2. Local fields: everything tagged 9XX.
        $local = @($record.GetFields('9..') | ForEach-Object Tag)
        $null = $record.RemoveFields('9..')

        # 3. 040 $d on bibliographic records (not on holdings), unless our symbol is already the last $d.
        $added040 = $false
        $f040 = $record.GetField('040')
        $agencies = @(if ($f040) { $f040.GetValues('d') })
        if ($record.Kind -eq 'Bibliographic' -and $f040 -and ($agencies.Count -eq 0 -or $agencies[-1] -ne $Symbol)) {
            $null = $f040.AddSubfield('d', $Symbol)
            $added040 = $true
        }

        $log.Add([pscustomobject]@{
                Record        = $record.Origin.Ordinal
                '001'         = $record.ControlNumber
                Kind          = $record.Kind
                'Removed 9XX' = $local -join ' '
                '040 $d'      = if ($added040) { "+$Symbol" } else { '' }
                Warnings      = $record.Warnings.Count
                Title         = $record.Title
            })
        $record
    } |
    Export-MarcFile -Path $iso -PassThru |
    Export-MarcFile -Path $xml -PassThru

Write-Host "`n== 2./3. What was done" -ForegroundColor Cyan
$log | Format-Table -AutoSize | Out-String -Width 160 | Write-Host

Write-Host "== 4. Written" -ForegroundColor Cyan
foreach ($file in $iso, $xml) {
    $back = @(Import-MarcFile -LiteralPath $file)
    $left = @($back | Where-Object { $_.GetFields('9..').Count -gt 0 }).Count
    '{0,-60} {1,3} records, {2,8:N0} bytes, {3} with 9XX fields left' -f $file, $back.Count, (Get-Item -LiteralPath $file).Length, $left | Write-Host
}

Write-Host "`n== 5. One record, as catalogers read it" -ForegroundColor Cyan
$written | Where-Object ControlNumber -eq 'ocm52527287' | Out-String | Write-Host
Write-Host "And the damaged one, recovered (its warning is printed under it):" -ForegroundColor Cyan
$written | Where-Object HasWarnings | Select-Object -First 1 | Out-String | Write-Host

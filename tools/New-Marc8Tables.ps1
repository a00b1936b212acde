<#
.SYNOPSIS
    Regenerates src/OclcCataloging.Core/Marc/Encoding/Marc8TableData.cs from the Library of Congress MARC-8 code tables.
.DESCRIPTION
    Reads LC's "MARC-8 to UCS/Unicode" code table file (codetables.xml; MARC 21 Specifications for Record
    Structure, Character Sets, and Exchange Media, Part 3; a US government work published by the Library of
    Congress; the copy used is the one in ../shared/data/marc8, taken from the CPAN distribution MARC-Charset,
    etc/codetables.xml, December 2007 edition of the Basic and Extended Latin table) and writes the compact,
    deflate-compressed table the core embeds, as a base64 string in a generated C# file (so the project file
    needs no resource entry). The output is committed, so building never needs the XML file;
    run this script only when LC publishes a new table. The output is deterministic (same input, same bytes).

    Format of the uncompressed stream (all integers big-endian):
      "M8T1"                       magic
      uint16 setCount
      per character set:
        uint8  ISO final character (0x42 ASCII, 0x45 ANSEL, 0x31 EACC, ...; 0x00 = the C1 controls of ANSEL/Arabic)
        uint8  bytes per character (1 or 3)
        int32  entry count
        per entry: code (1 or 3 bytes, 7-bit G0 form; C1 controls keep their 0x80-0x9F value),
                   uint24 UCS scalar (0 = maps to nothing, e.g. the second half of a ligature),
                   uint24 alternative UCS scalar from <alt> (0 = none),
                   uint8  flags (1 = combining)
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-Marc8Tables.ps1
#>
[CmdletBinding()]
param(
    [string] $CodeTables = (Join-Path $PSScriptRoot '../../shared/data/marc8/codetables.xml'),
    [string] $OutputPath = (Join-Path $PSScriptRoot '../src/OclcCataloging.Core/Marc/Encoding/Marc8TableData.cs')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$xml = [xml][System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $CodeTables).ProviderPath)

function Get-Hex([System.Xml.XmlNode] $node, [string] $name) {
    $child = $node.SelectSingleNode($name)
    if ($null -eq $child) { return $null }
    $text = $child.InnerText.Trim()
    if ($text.Length -eq 0) { return $null }
    return [Convert]::ToInt32($text, 16)
}

$sets = [System.Collections.Generic.List[object]]::new()
$c1 = [System.Collections.Generic.SortedDictionary[int, object]]::new()
foreach ($cs in $xml.SelectNodes('//characterSet')) {
    $iso = [Convert]::ToInt32($cs.GetAttribute('ISOcode'), 16)
    $width = if ($iso -eq 0x31) { 3 } else { 1 }
    $entries = [System.Collections.Generic.SortedDictionary[int, object]]::new()
    foreach ($code in $cs.SelectNodes('.//code')) {
        $marcText = $code.SelectSingleNode('marc').InnerText.Trim()
        $marc = [Convert]::ToInt32($marcText, 16)
        $ucs = Get-Hex $code 'ucs'
        $alt = Get-Hex $code 'alt'
        $combining = $null -ne $code.SelectSingleNode('isCombining') -and $code.SelectSingleNode('isCombining').InnerText.Trim() -eq 'true'
        $entry = [pscustomobject]@{ Ucs = $(if ($null -eq $ucs) { 0 } else { $ucs }); Alt = $(if ($null -eq $alt) { 0 } else { $alt }); Combining = $combining }
        if ($width -eq 1) {
            if ($marc -lt 0x20) { continue }                      # C0 controls are not characters of a set
            if ($marc -ge 0x80 -and $marc -le 0x9F) { $c1[$marc] = $entry; continue }
            $marc = $marc -band 0x7F                              # G1 form (ANSEL A1-FE) -> G0 form
            if ($marc -eq 0x20) { continue }                      # space is the same in every set
        }
        else {
            $marc = $marc -band 0x7F7F7F
        }
        if (-not $entries.ContainsKey($marc)) { $entries[$marc] = $entry }
    }
    $sets.Add([pscustomobject]@{ Iso = $iso; Width = $width; Entries = $entries })
}
$sets.Insert(0, [pscustomobject]@{ Iso = 0; Width = 1; Entries = $c1 })

$raw = [System.IO.MemoryStream]::new()
$w = [System.IO.BinaryWriter]::new($raw)
function Put24([int] $v) { $w.Write([byte](($v -shr 16) -band 0xFF)); $w.Write([byte](($v -shr 8) -band 0xFF)); $w.Write([byte]($v -band 0xFF)) }
$w.Write([System.Text.Encoding]::ASCII.GetBytes('M8T1'))
$w.Write([byte](($sets.Count -shr 8) -band 0xFF)); $w.Write([byte]($sets.Count -band 0xFF))
foreach ($s in $sets) {
    $w.Write([byte]$s.Iso); $w.Write([byte]$s.Width)
    $n = $s.Entries.Count
    $w.Write([byte](($n -shr 24) -band 0xFF)); $w.Write([byte](($n -shr 16) -band 0xFF)); $w.Write([byte](($n -shr 8) -band 0xFF)); $w.Write([byte]($n -band 0xFF))
    foreach ($kv in $s.Entries.GetEnumerator()) {
        if ($s.Width -eq 1) { $w.Write([byte]$kv.Key) } else { Put24 $kv.Key }
        Put24 $kv.Value.Ucs
        Put24 $kv.Value.Alt
        $w.Write([byte]$(if ($kv.Value.Combining) { 1 } else { 0 }))
    }
}
$w.Flush()

$out = [System.IO.MemoryStream]::new()
$deflate = [System.IO.Compression.DeflateStream]::new($out, [System.IO.Compression.CompressionLevel]::SmallestSize, $true)
$deflate.Write($raw.ToArray(), 0, [int]$raw.Length)
$deflate.Dispose()
$base64 = [Convert]::ToBase64String($out.ToArray())
$sha = [System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $CodeTables).ProviderPath))
$source = @"
// <auto-generated>
// Generated by tools/New-Marc8Tables.ps1 from the Library of Congress MARC-8 code tables (codetables.xml,
// MARC 21 Specifications, Character Sets, Part 3; US government work; copy from CPAN MARC-Charset etc/codetables.xml,
// SHA-256 $([Convert]::ToHexString($sha).ToLowerInvariant())). Do not edit: run the script again instead.
// </auto-generated>
namespace OclcCataloging.Marc
{
    internal static class Marc8TableData
    {
        /// <summary>Deflate-compressed table stream; the format is described in tools/New-Marc8Tables.ps1.</summary>
        internal const string Deflated = "$base64";
    }
}
"@
[System.IO.File]::WriteAllText([System.IO.Path]::GetFullPath($OutputPath), $source.Replace("`r`n", "`n"), [System.Text.UTF8Encoding]::new($false))
foreach ($s in $sets) { Write-Verbose ('set 0x{0:X2}: {1} entries' -f $s.Iso, $s.Entries.Count) }
"Wrote {0} ({1:N0} bytes compressed, {2:N0} raw; {3} sets, {4:N0} codes)." -f $OutputPath, $out.Length, $raw.Length, $sets.Count, ($sets | ForEach-Object { $_.Entries.Count } | Measure-Object -Sum).Sum

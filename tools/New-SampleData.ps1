<#
.SYNOPSIS
    Regenerates samples/sample-records.mrc and samples/sample-records.xml.
.DESCRIPTION
    Builds a small, realistic OCLC-style batch with the module's own types from the MARC text below (MarcEdit
    style: =TAG, indicators, $-subfields, \ for a blank): 13 bibliographic records (books, an e-book, a serial;
    OCLC numbers in 001 with ocm/ocn/on prefixes, 003 OCoLC, 005, 008, 020/022, 040, 1XX, 245, 264, 300, 336-338,
    490, 500, 650, 700, 856 and local 590/9XX fields) and 3 MFHD holdings records (004 = OCLC number of the
    bibliographic record, 852, 866). Holdings for books are leader/06 x, for the serial y.
    Record 13 is damaged on purpose in the .mrc file: its leader claims 10 bytes more than the record has, so
    Import-MarcFile recovers it with a RecordLengthMismatch warning. The .xml file holds the same 16 records as
    MARCXML (XML has no record length to get wrong).

    The OCLC numbers, barcodes and the symbol XYZ are made up for the samples. The output is reproducible byte for
    byte (005 holds fixed timestamps), so the committed files only change when this script does.
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-SampleData.ps1 -ModulePath out/OclcCataloging/OclcCataloging.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/OclcCataloging/OclcCataloging.psd1'),
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../samples')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force

# One record per block, blocks separated by a blank line.
$source = @'
=LDR  00000cam\a2200000Ii\4500
=001  ocm52527287
=003  OCoLC
=005  20240115103000.0
=008  240115s2004\\\\nyu\\\\\\\\\\\000\1\eng\d
=020  \\$a9780743273565
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aFitzgerald, F. Scott$q(Francis Scott),$d1896-1940,$eauthor.
=245  14$aThe great Gatsby /$cF. Scott Fitzgerald.
=264  \1$aNew York :$bScribner,$c2004.
=300  \\$a180 pages ;$c21 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=500  \\$aOriginally published: New York : C. Scribner's Sons, 1925.
=650  \0$aRich people$zNew York (State)$zLong Island$vFiction.
=651  \0$aLong Island (N.Y.)$vFiction.
=949  \\$aFIC FITZGERALD$b39001000123456$lMAIN$t1
=994  \\$aC0$bXYZ

=LDR  00000cam\a2200000Ii\4500
=001  ocm38468380
=003  OCoLC
=005  20240115103000.0
=008  240115s1998\\\\nyua\\\\\\\\\\001\0\eng\d
=020  \\$a9780553380163
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aHawking, Stephen,$d1942-2018,$eauthor.
=245  12$aA brief history of time /$cStephen Hawking.
=250  \\$aUpdated and expanded tenth anniversary edition.
=264  \1$aNew York :$bBantam Books,$c1998.
=300  \\$ax, 212 pages :$billustrations ;$c24 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=504  \\$aIncludes index.
=650  \0$aCosmology.
=650  \0$aAstrophysics.
=949  \\$a523.1 HAW$b39001000123457$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocm62290639
=003  OCoLC
=005  20240115103000.0
=008  240115s2006\\\\nyu\\\\\\b\\\\001\0\eng\d
=020  \\$a9781594200823
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aPollan, Michael,$eauthor.
=245  14$aThe omnivore's dilemma :$ba natural history of four meals /$cMichael Pollan.
=264  \1$aNew York :$bPenguin Press,$c2006.
=300  \\$a450 pages ;$c25 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=504  \\$aIncludes bibliographical references (pages 419-432) and index.
=650  \0$aFood habits.
=650  \0$aFood preferences.
=650  \0$aFood chains (Ecology)
=590  \\$aGift of the Friends of the Library.
=949  \\$a394.12 POL$b39001000123458$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocm15367751
=003  OCoLC
=005  20240115103000.0
=008  240115s1987\\\\nyu\\\\\\\\\\\000\1\eng\d
=020  \\$a9780394535975
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aMorrison, Toni,$eauthor.
=245  10$aBeloved :$ba novel /$cby Toni Morrison.
=264  \1$aNew York :$bKnopf,$c1987.
=300  \\$a275 pages ;$c25 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=650  \0$aWomen slaves$vFiction.
=650  \0$aInfanticide$vFiction.
=949  \\$aFIC MORRISON$b39001000123459$lBRANCH$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocm06280613
=003  OCoLC
=005  20240115103000.0
=008  240115s1980\\\\nyua\\\\\\\\\\001\0\eng\d
=020  \\$a9780394502946
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aSagan, Carl,$d1934-1996,$eauthor.
=245  10$aCosmos /$cCarl Sagan.
=264  \1$aNew York :$bRandom House,$c[1980]
=300  \\$axii, 365 pages :$billustrations (some color) ;$c29 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=650  \0$aAstronomy.
=650  \0$aCosmology.
=949  \\$a520 SAG$b39001000123460$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocn756577047
=003  OCoLC
=005  20240115103000.0
=008  240115s2012\\\\ilu\\\\\\b\\\\001\0\eng\d
=020  \\$a9780226458120$q(paperback)
=020  \\$a9780226458113$q(hardcover)
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ$dOCLCF
=100  1\$aKuhn, Thomas S.,$eauthor.
=245  14$aThe structure of scientific revolutions /$cThomas S. Kuhn ; with an introductory essay by Ian Hacking.
=250  \\$aFourth edition.
=264  \1$aChicago ;$aLondon :$bThe University of Chicago Press,$c2012.
=300  \\$axlvi, 217 pages ;$c21 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=500  \\$aFiftieth anniversary edition.
=650  \0$aScience$xPhilosophy.
=650  \0$aScience$xHistory.
=700  1\$aHacking, Ian,$ewriter of introduction.
=949  \\$a501 KUH$b39001000123461$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocm49795512
=003  OCoLC
=005  20240115103000.0
=008  240115s2002\\\\mau\\\\\\b\\\\001\0\eng\d
=020  \\$a9780618249060
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aCarson, Rachel,$d1907-1964,$eauthor.
=245  10$aSilent spring /$cRachel Carson ; introduction by Linda Lear ; afterword by Edward O. Wilson.
=250  \\$a40th anniversary edition.
=264  \1$aBoston :$bHoughton Mifflin,$c2002.
=300  \\$axix, 378 pages ;$c21 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=650  \0$aPesticides$xEnvironmental aspects.
=650  \0$aPollution.
=700  1\$aLear, Linda J.,$ewriter of introduction.
=700  1\$aWilson, Edward O.,$ewriter of afterword.
=949  \\$a363.7384 CAR$b39001000123462$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocm29469522
=003  OCoLC
=005  20240115103000.0
=008  240115s1994\\\\nyu\\\\\\\\\\\000\1\eng\d
=020  \\$a9780385474542
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aAchebe, Chinua,$eauthor.
=245  10$aThings fall apart /$cChinua Achebe.
=264  \1$aNew York :$bAnchor Books,$c1994.
=300  \\$a209 pages ;$c21 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=490  0\$aAnchor books
=650  \0$aIgbo (African people)$vFiction.
=651  \0$aNigeria$xHistory$y1851-1899$vFiction.
=949  \\$aFIC ACHEBE$b39001000123463$lBRANCH$t1

=LDR  00000cam\a2200000Ii\4500
=001  ocn216938012
=003  OCoLC
=005  20240115103000.0
=008  240115s2010\\\\nyua\\\\\b\\\\001\0\eng\d
=020  \\$a9781400052172
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aSkloot, Rebecca,$d1972-$eauthor.
=245  14$aThe immortal life of Henrietta Lacks /$cRebecca Skloot.
=264  \1$aNew York :$bCrown Publishers,$c[2010]
=300  \\$ax, 369 pages, 8 unnumbered pages of plates :$billustrations ;$c25 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=504  \\$aIncludes bibliographical references and index.
=600  30$aLacks, Henrietta,$d1920-1951$vBiography.
=650  \0$aHuman experimentation in medicine$zUnited States$xHistory.
=949  \\$a616.99 SKL$b39001000123464$lMAIN$t1
=994  \\$aC0$bXYZ

=LDR  00000cam\a2200000Ii\4500
=001  ocm51958049
=003  OCoLC
=005  20240115103000.0
=008  240115s2003\\\\enk\\\\\\b\\\\000\1\eng\d
=020  \\$a9780141439518
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aAusten, Jane,$d1775-1817,$eauthor.
=245  10$aPride and prejudice /$cJane Austen ; edited with an introduction and notes by Vivien Jones.
=264  \1$aLondon :$bPenguin Books,$c2003.
=300  \\$axlvii, 435 pages ;$c20 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=490  0\$aPenguin classics
=650  \0$aCourtship$zEngland$vFiction.
=650  \0$aSisters$zEngland$vFiction.
=700  1\$aJones, Vivien,$eeditor.
=949  \\$aFIC AUSTEN$b39001000123465$lMAIN$t1

=LDR  00000cam\a2200000Ii\4500
=001  on1012345678
=003  OCoLC
=005  20240115103000.0
=006  m\\\\\o\\d\\\\\\\\
=007  cr\|n|||||||||
=008  240115s2008\\\\utu\\\\\o\\\\\000\1\eng\d
=040  \\$aXYZ$beng$erda$cXYZ
=100  1\$aShelley, Mary Wollstonecraft,$d1797-1851,$eauthor.
=245  10$aFrankenstein, or, The modern Prometheus /$cby Mary Wollstonecraft (Godwin) Shelley.
=264  \1$aSalt Lake City :$bProject Gutenberg,$c2008.
=300  \\$a1 online resource
=336  \\$atext$btxt$2rdacontent
=337  \\$acomputer$bc$2rdamedia
=338  \\$aonline resource$bcr$2rdacarrier
=500  \\$aText of the 1831 edition.
=650  \0$aScientists$vFiction.
=650  \0$aMonsters$vFiction.
=856  40$uhttps://www.gutenberg.org/ebooks/84$zAvailable from Project Gutenberg
=949  \\$aEBOOK$lONLINE$t22

=LDR  00000cas\a2200000\i\4500
=001  ocm01755677
=003  OCoLC
=005  20240115103000.0
=008  240115c19769999nyusr\p\\\\\\\0\\\a0eng\d
=022  0\$a0363-0277
=040  \\$aNSD$beng$erda$cNSD$dOCLCQ
=245  00$aLibrary journal.
=264  \1$aNew York :$bR.R. Bowker Co.,$c1976-
=300  \\$avolumes :$billustrations ;$c28 cm
=310  \\$aSemimonthly (monthly in January, July, August, and December)
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=650  \0$aLibraries$vPeriodicals.
=650  \0$aLibrary science$vPeriodicals.
=949  \\$aPER LIB$lPERIODICALS$t9

=LDR  00000cam\a2200000Ii\4500
=001  ocm40489006
=003  OCoLC
=005  20240115103000.0
=008  240115s1999\\\\nyua\\\\\b\\\\001\0\eng\d
=020  \\$a9780465026562
=040  \\$aDLC$beng$erda$cDLC$dOCLCQ
=100  1\$aHofstadter, Douglas R.,$d1945-$eauthor.
=245  10$aGödel, Escher, Bach :$ban eternal golden braid /$cDouglas R. Hofstadter.
=250  \\$aTwentieth-anniversary edition.
=264  \1$aNew York :$bBasic Books,$c1999.
=300  \\$axxi, 777 pages :$billustrations ;$c24 cm
=336  \\$atext$btxt$2rdacontent
=337  \\$aunmediated$bn$2rdamedia
=338  \\$avolume$bnc$2rdacarrier
=600  10$aGödel, Kurt.
=600  10$aEscher, M. C.$q(Maurits Cornelis),$d1898-1972.
=600  10$aBach, Johann Sebastian,$d1685-1750.
=650  \0$aMetamathematics.
=650  \0$aArtificial intelligence.
=949  \\$a510.1 HOF$b39001000123466$lMAIN$t1

=LDR  00000nx\\a22000001n\4500
=001  xyz-h-0001
=004  ocm52527287
=005  20240115103000.0
=007  ta
=008  2401152u\\\\8\\\4001aaeng0240115
=852  01$aXYZ$bXYZA$cSTACKS$hPS3511.I9$iG7 2004

=LDR  00000nx\\a22000001n\4500
=001  xyz-h-0002
=004  ocn756577047
=005  20240115103000.0
=007  ta
=008  2401152u\\\\8\\\4001aaeng0240115
=852  01$aXYZ$bXYZA$cSTACKS$hQ175$i.K95 2012

=LDR  00000ny\\a22000001n\4500
=001  xyz-h-0003
=004  ocm01755677
=005  20240115103000.0
=007  ta
=008  2401153u\\\\8\\\4001aaeng0240115
=852  01$aXYZ$bXYZA$cPERIODICALS$hZ671$i.L7
=866  30$80$av.101(1976)-
'@

# Turns one block of MARC text into a record. $ starts a subfield; \ is a blank in indicators and fixed fields.
function ConvertFrom-MarcText([string] $Text) {
    $record = $null
    foreach ($line in $Text -split "`r?`n") {
        if ($line -notmatch '^=(\w{3})  (.*)$') { continue }
        $tag = $Matches[1]; $data = $Matches[2]
        if ($tag -eq 'LDR') { $record = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new($data.Replace('\', ' '))); continue }
        if ([OclcCataloging.Marc.MarcField]::IsControlTag($tag)) { $null = $record.AddControlField($tag, $data.Replace('\', ' ')); continue }
        $field = [OclcCataloging.Marc.DataField]::new($tag, $data.Substring(0, 2))
        foreach ($part in $data.Substring(2).Split('$', [System.StringSplitOptions]::RemoveEmptyEntries)) {
            $null = $field.AddSubfield($part[0], $part.Substring(1))
        }
        $null = $record.AddField($field)
    }
    $record
}

$all = @(($source -split "(`r?`n){2,}") | Where-Object { $_.Trim() } | ForEach-Object { ConvertFrom-MarcText $_ })
foreach ($r in $all) {
    $f008 = $r.GetField('008').Value
    $expected = if ($r.Kind -eq 'Holdings') { 32 } else { 40 }
    if ($f008.Length -ne $expected) { throw "Record $($r.ControlNumber): 008 has $($f008.Length) positions, expected $expected." }
    if ($r.Leader.ToString().Length -ne 24) { throw "Record $($r.ControlNumber): bad leader." }
}
if ($all.Count -ne 16) { throw "Expected 16 records, built $($all.Count)." }

$null = New-Item -ItemType Directory -Path $OutputFolder -Force
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath
$mrc = Join-Path $OutputFolder 'sample-records.mrc'
$xml = Join-Path $OutputFolder 'sample-records.xml'
$all | Export-MarcFile -LiteralPath $xml -Format MarcXml

# ISO 2709, then damage record 13 (Gödel, Escher, Bach): its leader claims 10 bytes more than it has.
$all | Export-MarcFile -LiteralPath $mrc -Format Iso2709
$bytes = [System.IO.File]::ReadAllBytes($mrc)
$offset = 0
for ($i = 1; $i -lt 13; $i++) { $offset = [System.Array]::IndexOf($bytes, [byte]0x1D, $offset) + 1 }
$length = [int][System.Text.Encoding]::ASCII.GetString($bytes, $offset, 5)
$wrong = [System.Text.Encoding]::ASCII.GetBytes(($length + 10).ToString('00000'))
[System.Array]::Copy($wrong, 0, $bytes, $offset, 5)
[System.IO.File]::WriteAllBytes($mrc, $bytes)

Write-Host "Wrote $($all.Count) records to $mrc (record 13 at byte $offset damaged: length $length written as $($length + 10)) and $xml."

# MARC-in-JSON, MarcEdit text and character codings through the cmdlets (issue 3). Fixtures are built here.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule

    $script:records = 1..3 | ForEach-Object { New-TestRecord -Id ("ocm0000000$_") -Title "Title $_ :" }

    # A UTF-8 record with characters MARC-8 has (é, Ł) and one it lacks (U+2D56).
    $script:unicode = New-TestRecord -Id 'ocm00000009' -Title "Caf$([char]0xE9) $([char]0x141)$([char]0xF3)d$([char]0x17A) :" -Subtitle "Tifinagh $([char]0x2D56) /"

    $script:json = Join-Path $TestDrive 'three.json'
    $lines = $records | ForEach-Object { [OclcCataloging.Marc.Json.MarcJsonWriter]::ToJson($_) }
    [System.IO.File]::WriteAllText($json, ($lines -join "`n") + "`n")

    $script:mrk = Join-Path $TestDrive 'marc8.mrk'
    [System.IO.File]::WriteAllText($mrk, "=LDR  00000nam  2200000 a 4500`r`n=001  ocm00000042`r`n=245  10`$aCaf{acute}e {dollar}5`r`n`r`n")
}

Describe 'Import-MarcFile with the text formats' {

    It 'reads newline-delimited MARC-in-JSON, detected by content' {
        $read = Import-MarcFile -Path $json
        $read.ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
        $read[0].Origin.Format | Should -Be 'Json'
        $read[0].ContentEquals($records[0]) | Should -BeTrue
    }

    It 'reads a JSON array whatever the file is called' {
        $path = Join-Path $TestDrive 'array.dat'
        [System.IO.File]::WriteAllText($path, '[' + (($records | ForEach-Object { [OclcCataloging.Marc.Json.MarcJsonWriter]::ToJson($_) }) -join ",`n") + ']')
        (Import-MarcFile -Path $path).Count | Should -Be 3
    }

    It 'skips a broken JSON line with UnreadableRecord and keeps reading' {
        $path = Join-Path $TestDrive 'broken.json'
        $good = [OclcCataloging.Marc.Json.MarcJsonWriter]::ToJson($records[0])
        [System.IO.File]::WriteAllText($path, $good + "`n" + '{"leader":"00000nam a2200000   4500","fields":[{"001":' + "`n" + $good + "`n")
        $read = Import-MarcFile -Path $path -RejectPath (Join-Path $TestDrive 'rejects.json') -ErrorVariable bad -ErrorAction SilentlyContinue
        $read.Count | Should -Be 2
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'UnreadableRecord,*'
        $bad[0].TargetObject.Code | Should -Be 'JsonSyntaxError'
        [System.IO.File]::ReadAllText((Join-Path $TestDrive 'rejects.json')) | Should -BeLike '{"leader"*'
    }

    It 'reads a .mrk file as MARC-8 and an .mrk8 file as Unicode' {
        $r = Import-MarcFile -Path $mrk
        $r.Origin.Format | Should -Be 'Mrk'
        $r.Leader.CharacterCodingScheme | Should -Be ' '
        $r.GetValue('245', [char]'a') | Should -Be "Caf$([char]0xE9) `$5"

        $path = Join-Path $TestDrive 'u.mrk8'
        [System.IO.File]::WriteAllText($path, "=LDR  00000nam a2200000 a 4500`r`n=245  10`$aCaf$([char]0xE9)`r`n", [System.Text.UTF8Encoding]::new($false))
        $u = Import-MarcFile -Path $path
        $u.Origin.Format | Should -Be 'Mrk8'
        $u.GetValue('245', [char]'a') | Should -Be "Caf$([char]0xE9)"
    }

    It 'forces a format with -Format' {
        @(Import-MarcFile -Path $json -Format Json).Count | Should -Be 3
        @(Import-MarcFile -Path $mrk -Format Mrk8).Count | Should -Be 1
    }

    It 'overrides leader/09 with -Encoding and detects it with Auto' {
        $path = Join-Path $TestDrive 'lying.mrc'
        $r = $unicode.Clone()
        Write-IsoFile -Path $path -Record $r
        $bytes = [System.IO.File]::ReadAllBytes($path)
        $bytes[9] = [byte][char]' '   # leader/09 now says MARC-8, the bytes are UTF-8
        [System.IO.File]::WriteAllBytes($path, $bytes)

        $auto = Import-MarcFile -Path $path -Encoding Auto -WarningVariable w -WarningAction SilentlyContinue
        $auto.Leader.CharacterCodingScheme | Should -Be 'a'
        $auto.Title | Should -BeLike "Caf$([char]0xE9)*"
        ($w -join ' ') | Should -BeLike '*EncodingDetected*'

        $forced = Import-MarcFile -Path $path -Encoding Utf8 -WarningAction SilentlyContinue
        $forced.Leader.CharacterCodingScheme | Should -Be 'a'
        $forced.Title | Should -BeLike "Caf$([char]0xE9)*"
    }
}

Describe 'Export-MarcFile with the text formats and -Encoding' {

    It 'picks the format from the extension: .json, .mrk, .mrk8' {
        $j = Join-Path $TestDrive 'out.json'
        $records | Export-MarcFile -Path $j
        $text = [System.IO.File]::ReadAllText($j)
        ($text -split "`n").Count | Should -Be 4
        $text | Should -BeLike '{"leader":"*'
        (Import-MarcFile -Path $j).Count | Should -Be 3

        $m = Join-Path $TestDrive 'out.mrk8'
        $records | Export-MarcFile -Path $m
        $t = [System.IO.File]::ReadAllText($m)
        $t | Should -BeLike "=LDR  *`r`n=001  ocm00000001`r`n*"
        $t | Should -BeLike "*=245  10`$aTitle 1 :`$bor, the whale /`$cHerman Melville.`r`n*"

        $k = Join-Path $TestDrive 'out.mrk'
        $records | Export-MarcFile -Path $k
        (Import-MarcFile -Path $k)[2].ContentEquals($records[2]) | Should -BeTrue
    }

    It 'writes a JSON array with -JsonArray and appends inside it' {
        $j = Join-Path $TestDrive 'array.json'
        $records[0..1] | Export-MarcFile -Path $j -JsonArray
        $first = [System.IO.File]::ReadAllText($j)
        $first.StartsWith("[`n{") | Should -BeTrue
        $first.EndsWith("}`n]`n") | Should -BeTrue
        $records[2] | Export-MarcFile -Path $j -Append
        $text = [System.IO.File]::ReadAllText($j)
        $text.TrimStart().StartsWith('[') | Should -BeTrue
        $text.TrimEnd().EndsWith(']') | Should -BeTrue
        (Import-MarcFile -Path $j).ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
    }

    It 'appends newline-delimited JSON and MarcEdit text' {
        $j = Join-Path $TestDrive 'append.json'
        $records[0] | Export-MarcFile -Path $j
        $records[1..2] | Export-MarcFile -Path $j -Append
        (Import-MarcFile -Path $j).Count | Should -Be 3
        $m = Join-Path $TestDrive 'append.mrk8'
        $records[0] | Export-MarcFile -Path $m
        $records[1..2] | Export-MarcFile -Path $m -Append
        (Import-MarcFile -Path $m).Count | Should -Be 3
    }

    It 'refuses to append JSON to an ISO 2709 file' {
        $p = Join-Path $TestDrive 'iso-for-json.mrc'
        Write-IsoFile -Path $p -Record $records[0]
        { $records[1] | Export-MarcFile -Path $p -Append -Format Json -ErrorAction Stop } | Should -Throw -ErrorId 'AppendFormatMismatch*'
    }

    It 'writes MARC-8 with -Encoding Marc8 and converts back with -Encoding Utf8' {
        $m8 = Join-Path $TestDrive 'marc8.mrc'
        $unicode | Export-MarcFile -Path $m8 -Encoding Marc8 -WarningVariable ncr -WarningAction SilentlyContinue
        $bytes = [System.IO.File]::ReadAllBytes($m8)
        [char]$bytes[9] | Should -Be ' '
        $latin = [System.Text.Encoding]::Latin1.GetString($bytes)
        $latin | Should -BeLike "*Caf$([char]0xE2)e*"
        $latin | Should -BeLike '*&#x2D56;*'
        [int]($latin.Substring(0, 5)) | Should -Be $bytes.Length
        ($ncr -join ' ') | Should -BeLike '*Marc8CharacterReference*'

        $back = Import-MarcFile -Path $m8
        $back.Leader.CharacterCodingScheme | Should -Be ' '
        $back.Title | Should -Be $unicode.Title

        $u8 = Join-Path $TestDrive 'utf8-again.mrc'
        $back | Export-MarcFile -Path $u8 -Encoding Utf8
        $again = Import-MarcFile -Path $u8
        $again.Leader.CharacterCodingScheme | Should -Be 'a'
        $again.Title | Should -Be $unicode.Title
        $again.ContentEquals($unicode) | Should -BeTrue
    }

    It 'writes MARC-8 mnemonics to .mrk with -Encoding Marc8' {
        $k = Join-Path $TestDrive 'mnemonics.mrk'
        $unicode | Export-MarcFile -Path $k -Encoding Marc8 -WarningAction SilentlyContinue
        $t = [System.IO.File]::ReadAllText($k)
        $t | Should -BeLike "*Caf{acute}e {Lstrok}{acute}od{acute}z*"
        $t | Should -BeLike '*&#x2D56;*'
    }
}

Describe 'ConvertTo-MarcText and ConvertFrom-MarcText' {

    It 'refuses text that is not MarcEdit text with a NotMarcText error and makes no record' {
        $out = @('hello world' | ConvertFrom-MarcText -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotMarcText,OclcCataloging.Commands.ConvertFromMarcTextCommand'
        $err[0].Exception.Message | Should -BeLike "*no =LDR line*'hello world'*"
        # A record whose only problem is a stray line is still a record.
        $kept = @("=LDR  00000nam a2200000 a 4500`ngarbage`n=245  10`$aT." | ConvertFrom-MarcText -WarningAction SilentlyContinue)
        $kept.Count | Should -Be 1
    }

    It 'turns a record into MarcEdit text and back' {
        $text = $records[0] | ConvertTo-MarcText
        $text | Should -BeOfType ([string])
        $text | Should -BeLike "=LDR  *`n=001  ocm00000001`n=003  OCoLC`n=008  850101s1851\\\\nyu*"
        $text | Should -BeLike "*`n=650  \0`$aWhaling`$vFiction.`n*"
        $back = $text | ConvertFrom-MarcText
        $back.ContentEquals($records[0]) | Should -BeTrue
    }

    It 'gives one string per record and reads several records from one string' {
        $texts = $records | ConvertTo-MarcText
        $texts.Count | Should -Be 3
        $all = ($texts -join "`r`n`r`n") | ConvertFrom-MarcText
        $all.ControlNumber | Should -Be @('ocm00000001', 'ocm00000002', 'ocm00000003')
    }

    It 'reads text piped line by line' {
        $lines = (($records | ConvertTo-MarcText) -join "`n`n") -split "`n"
        $read = $lines | ConvertFrom-MarcText
        $read.Count | Should -Be 3
        $read[2].ContentEquals($records[2]) | Should -BeTrue
    }

    It 'writes .mrk style with -Format Mrk' {
        $r = ConvertFrom-MarcText -InputObject "=LDR  00000nam  2200000 a 4500`n=245  10`$aCaf{acute}e"
        $r.Leader.CharacterCodingScheme | Should -Be ' '
        $r.GetValue('245', [char]'a') | Should -Be "Caf$([char]0xE9)"
        ($r | ConvertTo-MarcText -Format Mrk) | Should -BeLike "*`$aCaf{acute}e"
        ($r | ConvertTo-MarcText) | Should -BeLike "*`$aCaf$([char]0xE9)"
        ($unicode | ConvertTo-MarcText -Format Mrk) | Should -BeLike '*{u2D56}*'
    }

    It 'edits a record through its text' {
        $edited = ($records[0] | ConvertTo-MarcText) -replace '\$vFiction\.', '$vJuvenile fiction.' | ConvertFrom-MarcText
        $edited.GetValue('650', [char]'v') | Should -Be 'Juvenile fiction.'
    }

    It 'warns about damaged text and still makes the record' {
        $r = ConvertFrom-MarcText -InputObject "=LDR  00000nam a2200000   4500`nnot a field`n=245  10`$aTitle" -WarningVariable w -WarningAction SilentlyContinue
        $r.Title | Should -Be 'Title'
        ($w -join ' ') | Should -BeLike '*MrkInvalidLine*'
    }
}

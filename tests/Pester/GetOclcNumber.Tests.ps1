BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'Get-OclcNumber' {

    Context 'Strings' {
        It 'normalises every documented prefix form' {
            $r = '(OCoLC)ocm00012345', 'ocm00012345 ', 'ocn123456789', 'on1345345345', '(OCoLC)00003862', 'ocl700012345' | Get-OclcNumber
            $r.OclcNumber | Should -Be @('12345', '12345', '123456789', '1345345345', '3862', '12345')
            $r.IsValid | Should -Not -Contain $false
        }

        It 'gives the canonical 035 and 001 forms' {
            $n = Get-OclcNumber -Value '(OCoLC)00003862'
            $n.Canonical035 | Should -Be '(OCoLC)3862'
            $n.Canonical001 | Should -Be 'ocm00003862'
            $n.To035($true) | Should -Be '(OCoLC)00003862'
            (Get-OclcNumber -Value '1345345345').Canonical001 | Should -Be 'on1345345345'
        }

        It 'rejects other institutions and non-numeric values with the reason' {
            $r = Get-OclcNumber -Value '(OCoLC-M)858201973344', 'ocm12-345'
            $r.IsValid | Should -Be @($false, $false)
            $r.ProblemRule | Should -Be @('OcnOtherInstitutionPrefix', 'OcnNotNumeric')
            $r[0].Problem | Should -BeLike '*(OCoLC-M)*'
        }

        It 'warns about ocm with seven digits (decision 2)' {
            (Get-OclcNumber -Value 'ocm0012345').Warnings | Should -BeLike 'OcnOcmShort*'
        }

        It 'shows warnings of a valid number under Warnings, not under Problem' {
            $n = 'ocm1' | Get-OclcNumber
            $n.IsValid | Should -BeTrue
            $n.Problem | Should -BeNullOrEmpty
            $n.Warnings | Should -BeLike 'OcnOcmShort*'
            $lines = @(($n | Format-Table | Out-String -Width 400) -split "`r?`n" | Where-Object { $_.Trim() })
            $header = $lines[0]
            $header | Should -Match 'Problem\s+Warnings'
            $row = $lines[2]
            # The Problem column of the row is empty: the warning text starts in the Warnings column.
            $row.IndexOf('OcnOcmShort') | Should -BeGreaterOrEqual $header.IndexOf('Warnings')
        }

        It 'takes the OCLC number key forms of batch search (#123, *123)' {
            $forms = '#123', ' # 00123 ', '*123', 'ocm00000123', '(OCoLC)123', '123', '#12a', '*', '#'
            foreach ($form in $forms) {
                $key = $null
                $isOcnKey = [OclcCataloging.Search.SearchKeyParser]::TryParse($form, [ref] $key) -and $key.Type -eq 'OclcNumber'
                $n = Get-OclcNumber -Value $form
                $n.IsValid | Should -Be $isOcnKey -Because "'$form' is $(if ($isOcnKey) { '' } else { 'not ' })an OCLC number key in batch search"
                if ($isOcnKey) { $n.OclcNumber | Should -Be $key.Terms[0].Value }
            }
            (Get-OclcNumber -Value '#123').OclcNumber | Should -Be '123'
            (Get-OclcNumber -Value '#12a').Problem | Should -BeLike "*'#' must be followed by the digits*"
        }
    }

    Context 'Records' {
        BeforeAll {
            $script:bib = New-TestRecord -Id 'ocm00012345'
            $null = $bib.AddDataField('019', '  ', 'a', '999')
            $script:lhr = [OclcCataloging.Marc.MarcRecord]::new([OclcCataloging.Marc.Leader]::new('00000nx  a22000002n 4500'))
            $null = $lhr.AddControlField('001', 'lhr1')
            $null = $lhr.AddDataField('014', '1 ', 'a', '1605897', 'b', 'OCoLC')
            $null = $lhr.AddDataField('035', '  ', 'a', '(OCoLC)777')
            $script:none = [OclcCataloging.Marc.MarcRecord]::new()
            $null = $none.AddControlField('001', 'local9')
        }

        It 'takes 001 for bibliographic records and keeps the record identity' {
            $n = $bib | Get-OclcNumber
            $n.OclcNumber | Should -Be '12345'
            $n.Source | Should -Be '001'
            $n.RecordControlNumber | Should -Be 'ocm00012345'
            $n.IsPrimary | Should -BeTrue
        }

        It 'returns merged 019 numbers with -All' {
            $all = $bib | Get-OclcNumber -All
            $all.Source | Should -Contain '019$a'
            ($all | Where-Object IsMerged).OclcNumber | Should -Be '999'
        }

        It 'takes 014 before 035 in holdings records' {
            ($lhr | Get-OclcNumber).Source | Should -Be '014$a'
            ($lhr | Get-OclcNumber -Location 035).OclcNumber | Should -Be '777'
        }

        It 'answers for a record without an OCLC number' {
            $n = $none | Get-OclcNumber
            $n.IsValid | Should -BeFalse
            $n.ProblemRule | Should -Be 'OcnNotFound'
            $n.RecordControlNumber | Should -Be 'local9'
        }

        It 'reads records from a file through Import-MarcFile' {
            $path = Join-Path $TestDrive 'bibs.mrc'
            Write-IsoFile -Path $path -Record (New-TestRecord -Id 'ocm00000001'), (New-TestRecord -Id 'ocn123456789')
            $r = Import-MarcFile -Path $path | Get-OclcNumber
            $r.OclcNumber | Should -Be @('1', '123456789')
            $r.RecordOrdinal | Should -Be @(1, 2)
        }

        It 'offers the locations as completions' {
            $line = 'Get-OclcNumber -Location '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
                Should -Be @('001', '004', '014', '019', '035', 'Auto')
        }

        It 'has a table view' {
            $text = $bib | Get-OclcNumber | Out-String
            $text | Should -BeLike '*OclcNumber*Source*RawValue*'
            $text | Should -BeLike '*12345*001*ocm00012345*'
        }
    }
}

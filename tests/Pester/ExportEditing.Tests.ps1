# Constant data (New-/Set-MarcConstantData) and -RemoveField (Export-MarcFile, Send-GatewayExport): Connexion's
# "apply default constant data" and "Fields to Delete on Export", checked on every output format.
BeforeDiscovery {
    $formats = @(
        @{ Format = 'Iso2709'; Extension = 'mrc' }
        @{ Format = 'MarcXml'; Extension = 'xml' }
        @{ Format = 'Json'; Extension = 'json' }
        @{ Format = 'Mrk'; Extension = 'mrk' }
        @{ Format = 'Mrk8'; Extension = 'mrk8' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    if (-not ('GatewayFakes.FakeReceiver' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'GatewayFakeReceiver.cs')
    }

    function New-LocalRecord([string] $Id = 'ocm00000001') {
        $r = New-TestRecord -Id $Id
        $r.Leader.CharacterCodingScheme = 'a'
        $null = $r.AddDataField('029', '1 ', 'a', 'AU@', 'b', '000012345')
        $null = $r.AddDataField('856', '40', 'u', 'http://example.org/book', 'z', 'Campus access only')
        $null = $r.AddDataField('938', '  ', 'a', 'Baker and Taylor', 'n', 'BTCP1')
        $null = $r.AddDataField('994', '  ', 'a', 'C0', 'b', 'XYZ')
        $r
    }

}

Describe 'Export-MarcFile -RemoveField' {

    It 'leaves out 9XX, 029, 938 and 856 $z in <Format>' -ForEach $formats {
        $path = Join-Path $TestDrive "removed.$Extension"
        $record = New-LocalRecord
        $record | Export-MarcFile -LiteralPath $path -Format $Format -RemoveField 9XX, 029, 938, '856$z'
        $back = @(Import-MarcFile -LiteralPath $path)
        $back.Count | Should -Be 1
        $tags = $back[0].Fields.Tag
        $tags | Should -Not -Contain '949'
        $tags | Should -Not -Contain '994'
        $tags | Should -Not -Contain '029'
        $tags | Should -Not -Contain '938'
        $back[0].GetField('856').ToMarcText() | Should -Be '=856  40$uhttp://example.org/book'
        $back[0].GetField('245') | Should -Not -BeNullOrEmpty
        $back[0].GetField('650') | Should -Not -BeNullOrEmpty
    }

    It 'does not change the records in the pipeline and passes them on unchanged with -PassThru' {
        $record = New-LocalRecord
        $out = $record | Export-MarcFile -LiteralPath (Join-Path $TestDrive 'p.mrc') -RemoveField 9XX -PassThru
        $out.GetField('949') | Should -Not -BeNullOrEmpty
        $record.GetField('994') | Should -Not -BeNullOrEmpty
    }

    It 'removes a field whose only subfields were removed' {
        $record = New-LocalRecord
        $path = Join-Path $TestDrive 'only.mrk'
        $record | Export-MarcFile -LiteralPath $path -RemoveField '856$uz'
        (Import-MarcFile -LiteralPath $path).GetField('856') | Should -BeNullOrEmpty
    }

    It 'stops before writing when a pattern is not valid' {
        $path = Join-Path $TestDrive 'never.mrc'
        { New-LocalRecord | Export-MarcFile -LiteralPath $path -RemoveField '9XXX' -ErrorAction Stop } |
            Should -Throw -ErrorId 'FieldSelectorInvalid,*'
        Test-Path -LiteralPath $path | Should -BeFalse
        $err = $null
        try { New-LocalRecord | Export-MarcFile -LiteralPath $path -RemoveField '001$a' -ErrorAction Stop } catch { $err = $_ }
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*-RemoveField*'
    }
}

Describe 'Send-GatewayExport -RemoveField' {
    BeforeAll { $script:koha = [GatewayFakes.FakeReceiver]::new('Koha') }
    AfterAll { $koha.Dispose() }

    It 'sends each record without the selected fields and subfields' {
        $before = $koha.Requests.Count
        $r = New-LocalRecord | Send-GatewayExport -ComputerName 127.0.0.1 -Port $koha.Port -ReceiverType Koha -RemoveField 9XX, '856$z', 029
        $r.Status | Should -Be 'Accepted'
        $koha.Requests.Count | Should -Be ($before + 1)
        $path = Join-Path $TestDrive 'sent.mrc'
        [System.IO.File]::WriteAllBytes($path, @($koha.Requests.ToArray())[-1].Record)
        $sent = Import-MarcFile -LiteralPath $path
        $sent.Fields.Tag | Should -Not -Contain '949'
        $sent.Fields.Tag | Should -Not -Contain '029'
        $sent.Fields.Tag | Should -Not -Contain '938'
        $sent.GetField('856').GetValue('u') | Should -Be 'http://example.org/book'
        $sent.GetField('856').GetValues('z') | Should -BeNullOrEmpty
    }

    It 'refuses a pattern that is not valid before connecting' {
        $before = $koha.Requests.Count
        { New-LocalRecord | Send-GatewayExport 127.0.0.1 $koha.Port -ReceiverType Koha -RemoveField '9$' -ErrorAction Stop } |
            Should -Throw -ErrorId 'FieldSelectorInvalid,*'
        $koha.Requests.Count | Should -Be $before
    }
}

Describe 'Constant data on every output format' {

    It 'writes the constant data fields and subfields in <Format>' -ForEach $formats {
        $cd = New-MarcConstantData Local -Add '=590  \\$aGift of the Friends.' -Replace '040$d=XYZ' -Skip '=949  \\$aNEW BOOKS'
        $path = Join-Path $TestDrive "constant.$Extension"
        New-LocalRecord | Set-MarcConstantData -ConstantData $cd | Export-MarcFile -LiteralPath $path -Format $Format -RemoveField 994
        $back = Import-MarcFile -LiteralPath $path
        $back.GetField('590').ToMarcText() | Should -Be '=590  \\$aGift of the Friends.'
        $back.GetField('040').GetValues('d') | Should -Be @('XYZ')
        @($back.GetFields('949')).Count | Should -Be 1
        $back.GetField('949').GetValue('a') | Should -Be 'LOCAL-ITEM'
        $back.Fields.Tag | Should -Not -Contain '994'
    }
}

# Every column of every table view is a property of the objects it shows: what a user sees as a column header can
# be used with Select-Object, Sort-Object and Where-Object (a real .NET property, or an alias/script property in
# OclcCataloging.Types.ps1xml).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $moduleFolder = Split-Path -Parent (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $script:Columns = foreach ($file in Get-ChildItem -LiteralPath $moduleFolder -Filter '*.format.ps1xml') {
        [xml] $xml = Get-Content -LiteralPath $file.FullName -Raw
        foreach ($view in $xml.SelectNodes('//View[TableControl]')) {
            $headers = @($view.SelectNodes('TableControl/TableHeaders/TableColumnHeader'))
            $items = @($view.SelectNodes('TableControl/TableRowEntries/TableRowEntry[1]/TableColumnItems/TableColumnItem'))
            for ($i = 0; $i -lt $items.Count; $i++) {
                $label = if ($i -lt $headers.Count -and $headers[$i].SelectSingleNode('Label')) { $headers[$i].Label } else { $null }
                $property = $items[$i].SelectSingleNode('PropertyName')
                $shown = if ($label) { $label } elseif ($property) { $property.InnerText } else { $null }
                foreach ($typeName in @($view.ViewSelectedBy.TypeName)) {
                    @{ View = $view.Name; TypeName = $typeName; Column = $shown }
                }
            }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:Assembly = (Get-Command Import-MarcFile).ImplementingType.Assembly
    function Test-HasProperty([string] $TypeName, [string] $Name) {
        $type = $TypeName -as [type]
        if ($type -and $type.GetProperty($Name, [System.Reflection.BindingFlags] 'Public, Instance, IgnoreCase')) { return $true }
        $data = Get-TypeData -TypeName $TypeName
        return [bool] ($data -and $data.Members.Keys -contains $Name)
    }
}

Describe 'Format views' {
    It 'the table views have columns' {
        $Columns.Count | Should -BeGreaterThan 20
    }

    It 'view <View>: column <Column> is a property of <TypeName>' -ForEach $Columns {
        $Column | Should -Not -BeNullOrEmpty -Because 'a column shows a header'
        ($TypeName -as [type]) | Should -Not -BeNullOrEmpty -Because "$TypeName must be a loaded type"
        Test-HasProperty $TypeName $Column | Should -BeTrue -Because "Select-Object $Column must show what the column shows"
    }
}

Describe 'Field and leader views' {
    It 'fields piped to Format-Table show tag, indicators and subfields' {
        $r = New-TestRecord
        $text = $r.GetFields('6..') | Format-Table | Out-String -Width 200
        $text | Should -Match 'Tag\s+Ind\s+Content'
        $text | Should -Match '650\s+0\s+\$aWhaling\$vFiction\.'
        ($r.GetFields('00.') | Format-Table | Out-String -Width 200) | Should -Match '001\s+ocm00000001'
    }

    It 'the leader lists its positions by name' {
        $p = (New-TestRecord).Leader.Positions
        $p.'06 TypeOfRecord' | Should -Be 'a'
        $p.'07 BibliographicLevel' | Should -Be 'm'
        $p.Kind | Should -Be 'Bibliographic'
        ($p | Format-List | Out-String) | Should -Match '09 CharacterCodingScheme\s*:'
    }
}

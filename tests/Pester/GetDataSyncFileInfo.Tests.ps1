BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
}

Describe 'Get-DataSyncFileInfo' {
    It 'reads a zipped output file name' {
        $i = Get-DataSyncFileInfo 'metacoll.OCWMS.new.D20170612.T141740.1.mrc.zip'
        $i.Kind | Should -Be 'Output'
        $i.Symbol | Should -Be 'OCWMS'
        $i.Designation | Should -Be 'new'
        $i.Frequency | Should -Be 'Daily'
        $i.Timestamp | Should -Be ([datetime]'2017-06-12 14:17:40')
        $i.Sequence | Should -Be 1
        $i.Extension | Should -Be 'mrc'
        $i.Compressed | Should -BeTrue
    }

    It 'reads report names' {
        (Get-DataSyncFileInfo 'metacoll.OCWMS.datasync.1003600-100360.D20160323.T124708500.xrefrpt.txt').Kind | Should -Be 'CrossReferenceReport'
        $r = Get-DataSyncFileInfo 'XYZ-ABC.1234567.LHR.D20240102.T030405678.1234567.XYZ.mrc.LhrReport.txt'
        $r.Kind | Should -Be 'MyFilesReport'
        $r.OriginalFileName | Should -Be '1234567.XYZ.mrc'
        $r.ReportName | Should -Be 'LhrReport'
        (Get-DataSyncFileInfo 'metacoll.XYZ.lhop.D20240101.T010203.csv').Kind | Should -Be 'LocalHoldingsOfflineProduct'
    }

    It 'gives the folder and the provider of a data sync report their own properties' {
        $r = Get-DataSyncFileInfo 'metacoll.XXX.datasync.prov.D20261206.T101500.bibdetailexcpt.1.mrc.txt'
        $r.Kind | Should -Be 'OutputReport'
        $r.Folder | Should -Be 'metacoll'
        $r.Designation | Should -Be 'datasync'
        $r.Provider | Should -Be 'prov'
        $r.ReportName | Should -Be 'bibdetailexcpt'
        $r | Out-String | Should -BeLike '*OutputReport*XXX*datasync*prov*2026-12-06 10:15:00*'
    }

    It 'takes files from the pipeline' {
        $dir = Join-Path $TestDrive 'in'
        $null = New-Item -ItemType Directory $dir
        $null = New-Item -ItemType File (Join-Path $dir 'metacoll.XYZ.updates.D20240102.T000000.1.mrc'), (Join-Path $dir 'notes.txt')
        $r = Get-ChildItem $dir | Sort-Object Name | Get-DataSyncFileInfo
        $r.Kind | Should -Be @('Output', 'Unknown')
    }

    It 'has a table view' {
        Get-DataSyncFileInfo 'metacoll.OCWMS.new.D20170612.T141740.1.mrc.zip' | Out-String | Should -BeLike '*Output*OCWMS*new*2017-06-12 14:17:40*'
    }
}

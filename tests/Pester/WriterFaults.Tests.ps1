# Writers under faults (issue 18): the process killed mid-write, the disk full, the folder gone. Never a partial
# output file, the previous file intact, the error names the file (docs/design/output-files.md).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-OclcModule
    $script:ModuleFile = (Resolve-Path -LiteralPath $script:ModulePath).ProviderPath
    $script:Pwsh = @(Get-PwshCommand)

    # A file big enough that writing it takes a few seconds: the same records many times over.
    $script:BigInput = Join-Path $TestDrive 'big.mrc'
    $one = ConvertTo-IsoBytes -Record (1..50 | ForEach-Object { New-TestRecord -Id ("ocm{0:D8}" -f $_) })
    $fs = [System.IO.File]::Create($script:BigInput)
    try { for ($i = 0; $i -lt 3000; $i++) { $fs.Write($one, 0, $one.Length) } } finally { $fs.Dispose() }
}

Describe 'Export-MarcFile when the process is killed mid-write' {
    It 'leaves the previous file exactly as it was and never a partial file under its name' {
        $out = Join-Path $TestDrive 'killed.mrc'
        [System.IO.File]::WriteAllBytes($out, (ConvertTo-IsoBytes -Record (New-TestRecord -Id 'previous')))
        $before = (Get-FileHash -LiteralPath $out).Hash
        $script = "Import-Module '$script:ModuleFile'; Import-MarcFile -LiteralPath '$script:BigInput' | Export-MarcFile -LiteralPath '$out' -Format MarcXml"
        $child = Start-Process -FilePath $script:Pwsh[0] -ArgumentList (@($script:Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', "`"$script`"")) -PassThru
        # wait until the temporary file exists and is growing, then kill
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 100
            $temp = @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.killed.mrc.*.tmp')
        } until (($temp.Count -gt 0 -and $temp[0].Length -gt 100KB) -or $child.HasExited -or [DateTime]::UtcNow -gt $deadline)
        $child.HasExited | Should -BeFalse -Because 'the child must still be writing when it is killed'
        $child.Kill()
        $child.WaitForExit()

        (Get-FileHash -LiteralPath $out).Hash | Should -Be $before
        @(Import-MarcFile -LiteralPath $out).ControlNumber | Should -Be @('previous')
    }
}

Describe 'Export-MarcFile onto a full disk' {
    BeforeAll {
        $script:Full = Join-Path ([System.IO.Path]::GetTempPath()) ('oclc-full-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:Full
        $script:Mounted = $false
        if ($IsLinux -and (& id -u) -eq '0') {
            & mount -t tmpfs -o size=256k tmpfs $script:Full 2>$null
            $script:Mounted = $LASTEXITCODE -eq 0
        }
    }
    AfterAll {
        if ($script:Mounted) { & umount $script:Full }
        Remove-Item -LiteralPath $script:Full -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'fails naming the file, keeps the previous file and leaves no temporary file' {
        if (-not $script:Mounted) { Set-ItResult -Skipped -Because 'a small tmpfs needs Linux and root (CI runs as root)'; return }
        $out = Join-Path $script:Full 'export.mrc'
        [System.IO.File]::WriteAllBytes($out, (ConvertTo-IsoBytes -Record (New-TestRecord -Id 'previous')))
        $before = (Get-FileHash -LiteralPath $out).Hash
        # a full disk dooms the run: one terminating error, not one per record
        $caught = $null
        try { Import-MarcFile -LiteralPath $script:BigInput | Select-Object -First 20000 | Export-MarcFile -LiteralPath $out }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'FileWriteFailed,*'
        $caught.Exception.Message | Should -BeLike "Cannot write '*export.mrc': the disk holding '*' is full.*"
        $caught.Exception.Message | Should -Not -BeLike '*.tmp*'
        (Get-FileHash -LiteralPath $out).Hash | Should -Be $before
        @(Get-ChildItem -LiteralPath $script:Full -Force -Filter '*.tmp').Count | Should -Be 0
    }
}

Describe 'Export-MarcFile when its folder disappears' {
    It 'fails naming the file and its folder, not the temporary file' {
        $folder = Join-Path $TestDrive 'vanishing'
        $null = New-Item -ItemType Directory -Path $folder
        $out = Join-Path $folder 'out.mrc'
        $i = 0
        $caught = $null
        try {
            Import-MarcFile -LiteralPath $script:BigInput | Select-Object -First 3000 | ForEach-Object {
                if (++$i -eq 1000) { Remove-Item -LiteralPath $folder -Recurse -Force }
                $_
            } | Export-MarcFile -LiteralPath $out
        }
        catch { $caught = $_ }
        Test-Path -LiteralPath $out | Should -BeFalse
        $caught.FullyQualifiedErrorId | Should -BeLike 'FileWriteFailed,*'
        $caught.Exception.Message | Should -BeLike "Cannot write '*out.mrc': its folder '*vanishing' no longer exists*"
        $caught.Exception.Message | Should -Not -BeLike '*.tmp*'
    }
}

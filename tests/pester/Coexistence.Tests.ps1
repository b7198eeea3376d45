# Living beside other modules on PowerShell 7: another module that uses System.Text.Json is imported before (or after)
# ConfigCat in a fresh pwsh, and both work while the process holds exactly one System.Text.Json, the runtime's.
# (On Windows PowerShell 5.1 there is no System.Text.Json in the framework: there src/ConfigCat.PowerShell/Loading
# serves the copy in Dependencies/, which these tests cannot exercise on Linux.)

BeforeDiscovery {
    $orders = @(
        @{ Order = 'after another module loaded System.Text.Json'; ConfigCatFirst = $false }
        @{ Order = 'before another module uses System.Text.Json'; ConfigCatFirst = $true }
    )
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force

    # A tiny script module that serializes with System.Text.Json as soon as it is imported.
    $otherModuleDirectory = Join-Path $TestDrive 'JsonNeighbour'
    New-Item -ItemType Directory -Path $otherModuleDirectory | Out-Null
    Set-Content -LiteralPath (Join-Path $otherModuleDirectory 'JsonNeighbour.psm1') -Value @'
$script:Imported = [System.Text.Json.JsonSerializer]::Serialize([string[]]@('neighbour', 'loaded'), [string[]])
function Get-JsonNeighbourText { $script:Imported }
'@
}

Describe 'ConfigCat imported <Order>' -ForEach $orders {
    BeforeAll {
        $reportPath = Join-Path $TestDrive ("coexistence-" + [guid]::NewGuid().ToString('N') + '.json')
        # PSModulePath is inherited: Invoke-PesterSuite.ps1 put out/ first.
        Invoke-ChildScriptBlock -ArgumentList $reportPath, (Join-Path $otherModuleDirectory 'JsonNeighbour.psm1'), $ConfigCatFirst -ScriptBlock {
            param([string] $ReportPath, [string] $OtherModule, [string] $ConfigCatFirst)
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            function Get-JsonAssembly {
                @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' })
            }

            if ($ConfigCatFirst -eq 'True') {
                Import-Module ConfigCat
                Import-Module $OtherModule
            }
            else {
                Import-Module $OtherModule
                $loadedBefore = @(Get-JsonAssembly).Count
                Import-Module ConfigCat
            }
            Connect-ConfigCat -FlagOverrides @{ neighbourly = 'yes' }
            $value = Get-ConfigCatValue neighbourly
            $json = @(Get-JsonAssembly)
            [ordered]@{
                LoadedBeforeConfigCat = if ($ConfigCatFirst -eq 'True') { $null } else { $loadedBefore }
                NeighbourText         = Get-JsonNeighbourText
                Value                 = $value
                JsonLocations         = @($json | ForEach-Object Location)
                RuntimeDirectory      = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
            } | ConvertTo-Json | Set-Content -LiteralPath $ReportPath
        }
        $report = Get-Content -LiteralPath $reportPath -Raw | ConvertFrom-Json
    }

    It 'the other module works' {
        $report.NeighbourText | Should -Be '["neighbour","loaded"]'
        if (-not $ConfigCatFirst) {
            $report.LoadedBeforeConfigCat | Should -Be 1 -Because 'System.Text.Json must be loaded before ConfigCat is imported'
        }
    }

    It 'ConfigCat connects with -FlagOverrides and reads a value' {
        $report.Value | Should -Be 'yes'
    }

    It 'the process holds one System.Text.Json, the runtime''s' {
        @($report.JsonLocations).Count | Should -Be 1
        @($report.JsonLocations)[0] | Should -BeLike "$($report.RuntimeDirectory)*"
    }
}

# Importing the staged module by name, as a user would, in a fresh pwsh: it must come from out/ConfigCat, export what
# the manifest says, survive Remove-Module and re-import, and on PowerShell 7 leave Dependencies/ alone because the
# runtime's System.Text.Json satisfies the engine.

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    $moduleDirectory = Join-Path $repositoryRoot 'out/ConfigCat'
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $moduleDirectory 'ConfigCat.psd1')

    # Runs in a child pwsh; PSModulePath is inherited from Invoke-PesterSuite.ps1, which put out/ first.
    $reportPath = Join-Path $TestDrive 'report.json'
    Invoke-ChildScriptBlock -ArgumentList $reportPath -ScriptBlock {
        param([string] $ReportPath)
        Set-StrictMode -Version Latest
        $ErrorActionPreference = 'Stop'
        $module = Import-Module ConfigCat -PassThru
        $engine = [Reflection.Assembly]::LoadFrom((Join-Path $module.ModuleBase 'ConfigCat.Engine.dll'))
        $jsonReference = $engine.GetReferencedAssemblies() | Where-Object Name -EQ 'System.Text.Json'
        $json = [Reflection.Assembly]::Load($jsonReference)
        Remove-Module ConfigCat
        $reimported = Import-Module ConfigCat -PassThru
        $dependencyFolder = Join-Path $module.ModuleBase 'Dependencies'
        [ordered]@{
            ModuleBase             = $module.ModuleBase
            Version                = "$($module.Version)"
            ExportedCmdlets        = @($module.ExportedCmdlets.Keys | Sort-Object)
            ReimportedVersion      = "$($reimported.Version)"
            JsonRequestedVersion   = "$($jsonReference.Version)"
            JsonBoundVersion       = "$($json.GetName().Version)"
            JsonLocation           = $json.Location
            RuntimeDirectory       = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
            LoadedFromDependencies = @([AppDomain]::CurrentDomain.GetAssemblies() |
                    Where-Object { -not $_.IsDynamic -and $_.Location.StartsWith($dependencyFolder) } | ForEach-Object Location)
        } | ConvertTo-Json | Set-Content -LiteralPath $ReportPath
    }
    $report = Get-Content -LiteralPath $reportPath -Raw | ConvertFrom-Json
}

Describe 'Import-Module ConfigCat in a fresh pwsh' {
    It 'finds the staged copy in out/ConfigCat through PSModulePath' {
        $report.ModuleBase | Should -Be $moduleDirectory
        $report.Version | Should -Be $manifest.ModuleVersion
    }

    It 'exports exactly the cmdlets the manifest lists' {
        @($report.ExportedCmdlets) -join ', ' | Should -Be ((@($manifest.CmdletsToExport) | Sort-Object) -join ', ')
    }

    It 'imports again after Remove-Module, as Import-Module -Force and runbooks do' {
        $report.ReimportedVersion | Should -Be $manifest.ModuleVersion
    }

    It "binds the engine's System.Text.Json reference to the runtime's own copy" {
        [version]$report.JsonBoundVersion | Should -BeGreaterOrEqual ([version]$report.JsonRequestedVersion)
        $report.JsonLocation | Should -BeLike "$($report.RuntimeDirectory)*"
    }

    It 'loads nothing from Dependencies/ on PowerShell 7' {
        $report.LoadedFromDependencies | Should -BeNullOrEmpty
    }
}

# The Package task's output as users consume it: the nupkg installed from a folder repository with PSResourceGet and
# with PowerShellGet 2.2.5 (what Windows PowerShell users have), each into a throwaway HOME, then imported in a fresh pwsh;
# and the Azure Automation zip. Needs `dotnet pwsh ./build.ps1 Package` first (build.ps1 Test does that).

BeforeDiscovery {
    # Each installer runs in its own child pwsh with a throwaway HOME; the registration is removed in finally even
    # though the HOME is discarded, so a failed install cannot leave a repository behind if HOME isolation ever fails.
    $installers = @(
        @{
            Name    = 'PSResourceGet Install-PSResource'
            Install = {
                param([string] $RepositoryPath)
                $ErrorActionPreference = 'Stop'
                Register-PSResourceRepository -Name ConfigCatTest -Uri $RepositoryPath -Trusted
                try {
                    Install-PSResource -Name ConfigCat -Repository ConfigCatTest -Scope CurrentUser -TrustRepository -Prerelease
                }
                finally {
                    Unregister-PSResourceRepository -Name ConfigCatTest
                }
            }
        }
        @{
            Name    = 'PowerShellGet 2.2.5 Install-Module'
            Install = {
                param([string] $RepositoryPath)
                $ErrorActionPreference = 'Stop'
                Import-Module PowerShellGet -RequiredVersion 2.2.5
                Register-PSRepository -Name ConfigCatTest -SourceLocation $RepositoryPath -InstallationPolicy Trusted
                try {
                    Install-Module -Name ConfigCat -Repository ConfigCatTest -Scope CurrentUser -AllowPrerelease
                }
                finally {
                    Unregister-PSRepository -Name ConfigCatTest
                }
            }
        }
    )
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    $outDirectory = Join-Path $repositoryRoot 'out'
    $version = Get-ModuleVersionPrefix -RepositoryRoot $repositoryRoot
    $package = Join-Path $outDirectory "repo/ConfigCat.$(Get-ModulePackageVersion -RepositoryRoot $repositoryRoot).nupkg"
    if (-not (Test-Path -LiteralPath $package)) {
        throw "$package is missing; run: dotnet pwsh ./build.ps1 Package"
    }
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $outDirectory 'ConfigCat/ConfigCat.psd1')

    function Get-InstalledModuleReport {
        <#
        .SYNOPSIS
        Imports ConfigCat by name in a fresh pwsh with the given throwaway HOME, whose PSModulePath holds only that HOME's
        and pwsh's own module folders (never out/), and reports where it came from, what it exports, the values a
        connection with -FlagOverrides (no network) serves, and the help Get-Help finds for Get-ConfigCatValue and
        about_ConfigCat (which can only be the installed copy's).
        .DESCRIPTION
        Extension point: add what else the installed copy must do to the child script below, put the results in the
        report, and assert them in the It blocks of the 'Installed with ...' Describe, so both installers check them.
        #>
        param([Parameter(Mandatory)] [string] $HomePath)

        $reportPath = Join-Path $TestDrive ("report-" + [guid]::NewGuid().ToString('N') + '.json')
        Invoke-ChildScriptBlock -Environment (New-ThrowawayHomeEnvironment -Path $HomePath) -ArgumentList $reportPath -ScriptBlock {
            param([string] $ReportPath)
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            $module = Import-Module ConfigCat -PassThru
            Connect-ConfigCat -FlagOverrides @{ installedFlag = $true; installedText = 'from the installed copy' }
            $flagValue = Get-ConfigCatValue -Key installedFlag -Default $false
            $textValue = Get-ConfigCatValue -Key installedText
            Disconnect-ConfigCat
            [ordered]@{
                FlagValue       = $flagValue
                TextValue       = $textValue
                ModuleBase      = $module.ModuleBase
                Version         = "$($module.Version)"
                ExportedCmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
                CommandSources  = @(Get-Command -Module ConfigCat | ForEach-Object { $_.Module.ModuleBase } | Sort-Object -Unique)
                HelpSynopsis    = (Get-Help Get-ConfigCatValue).Synopsis
                # Once Get-Help has looked the help up, HelpFile is the full path of the file it read.
                HelpFile        = (Get-Command Get-ConfigCatValue).HelpFile
                HelpExamples    = @((Get-Help Get-ConfigCatValue -Examples).examples.example).Count
                AboutTopic      = (Get-Help about_ConfigCat | Out-String)
                Files           = @(Get-ChildItem -LiteralPath $module.ModuleBase -Recurse -File |
                        ForEach-Object { [IO.Path]::GetRelativePath($module.ModuleBase, $_.FullName).Replace('\', '/') } | Sort-Object)
            } | ConvertTo-Json | Set-Content -LiteralPath $ReportPath
        }
        Get-Content -LiteralPath $reportPath -Raw | ConvertFrom-Json
    }

    function Get-StagedFile {
        <#
        .SYNOPSIS
        The staged module's files relative to out/ConfigCat, the reference the installed copy and the zip must match.
        #>
        $staged = Join-Path $outDirectory 'ConfigCat'
        @(Get-ChildItem -LiteralPath $staged -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($staged, $_.FullName).Replace('\', '/') } | Sort-Object)
    }
}

Describe 'Installed with <Name>' -Tag 'Packaging' -ForEach $installers {
    BeforeAll {
        $homePath = Join-Path $TestDrive ("home-" + [guid]::NewGuid().ToString('N'))
        $repositoryPath = Join-Path $TestDrive ("repo-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $repositoryPath | Out-Null
        Copy-Item -LiteralPath $package -Destination $repositoryPath
        try {
            Invoke-ChildScriptBlock -Environment (New-ThrowawayHomeEnvironment -Path $homePath) -ScriptBlock $Install -ArgumentList $repositoryPath
            $report = Get-InstalledModuleReport -HomePath $homePath
        }
        finally {
            Remove-Item -LiteralPath $repositoryPath -Recurse -Force -ErrorAction SilentlyContinue
        }
        $installedBase = Join-Path $homePath ".local/share/powershell/Modules/ConfigCat/$version"
    }

    AfterAll {
        Remove-Item -LiteralPath $homePath -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'imports the installed copy from the user module folder, not out/' {
        $report.ModuleBase | Should -Be $installedBase
        $report.Version | Should -Be $version
    }

    It 'installs every staged file, Dependencies included' {
        @($report.Files | Where-Object { $_ -notmatch '^(PSGetModuleInfo\.xml|.*\.nuspec)$' }) -join ', ' | Should -Be ((Get-StagedFile) -join ', ')
    }

    It 'connects with -FlagOverrides and reads a flag from the installed copy' {
        $report.FlagValue | Should -BeTrue
        $report.FlagValue | Should -BeOfType ([bool])
        $report.TextValue | Should -Be 'from the installed copy'
    }

    It 'answers Get-Help Get-ConfigCatValue and about_ConfigCat from the installed help files' {
        $report.HelpFile | Should -Be (Join-Path $installedBase 'en-US/ConfigCat.PowerShell.dll-Help.xml')
        Test-Path -LiteralPath $report.HelpFile | Should -BeTrue
        $stagedHelp = [xml](Get-Content -LiteralPath (Join-Path $outDirectory 'ConfigCat/en-US/ConfigCat.PowerShell.dll-Help.xml') -Raw)
        $stagedSynopsis = ($stagedHelp.helpItems.command | Where-Object { $_.details.name -eq 'Get-ConfigCatValue' }).details.description.para
        $report.HelpSynopsis | Should -Be $stagedSynopsis
        $report.HelpExamples | Should -BeGreaterOrEqual 2
        $report.AboutTopic | Should -Match 'about_configcat'
    }

    It "exports the manifest's cmdlets, all from the installed copy" {
        @($report.ExportedCmdlets) -join ', ' | Should -Be ((@($manifest.CmdletsToExport) | Sort-Object) -join ', ')
        @($report.CommandSources | Where-Object { $_ -ne $installedBase }) | Should -BeNullOrEmpty
    }
}

Describe 'Azure Automation zip out/ConfigCat.zip' -Tag 'Packaging' {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $outDirectory 'ConfigCat.zip'))
        try {
            $entries = @($zip.Entries | Where-Object { $_.Name } | ForEach-Object FullName | Sort-Object)
        }
        finally {
            $zip.Dispose()
        }
    }

    It 'holds the staged module folder at its root' {
        $entries -join ', ' | Should -Be ((Get-StagedFile | ForEach-Object { "ConfigCat/$_" }) -join ', ')
    }

    It 'keeps every path under 140 characters' {
        @($entries | Where-Object Length -GE 140) | Should -BeNullOrEmpty
    }
}

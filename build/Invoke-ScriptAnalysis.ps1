<#
.SYNOPSIS
Runs PSScriptAnalyzer over every PowerShell file the repository ships and reports one result per file.
.DESCRIPTION
build.ps1 Test starts this script in a child pwsh after Package. It analyses:

- every *.ps1, *.psm1 and *.psd1 under the repository (build scripts, samples, tests, bench), except out/, bin/, obj/
  and node_modules/, and except the root ConfigCat.psd1 template, whose staged copy is analysed instead;
- the staged manifest out/ConfigCat/ConfigCat.psd1;
- every ```powershell block of docs/en-US/*.md (the help examples and the about_ topic's code), written to
  out/lint/help-code/ and reported at its line in the markdown page.

Each file is analysed with the nearest PSScriptAnalyzerSettings.psd1 in its folder or above it, where every excluded
rule says why. What a user may run on Windows PowerShell (samples/*.ps1, the help code, the staged manifest) is also
checked with PSUseCompatibleSyntax for 5.1.

A clean file counts as one passed test and each finding (Warning or Error) as one failed test, so the closing line
of build.ps1 Test counts them. When PSScriptAnalyzer is neither in ../shared/tools/PSScriptAnalyzer nor on
PSModulePath, the run is reported as skipped. Writes out/test-results/lint-summary.json; exit code 1 on any finding.
.PARAMETER SummaryPath
Where to write the counts (JSON); build.ps1 reads it.
.EXAMPLE
dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile -File build/Invoke-ScriptAnalysis.ps1
#>
[CmdletBinding()]
param(
    [string] $SummaryPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
Import-Module (Join-Path $repositoryRoot 'build/MamlHelp/MamlHelp.psm1') -Force
$outDirectory = Join-Path $repositoryRoot 'out'
if (-not $SummaryPath) {
    $SummaryPath = Join-Path $outDirectory 'test-results/lint-summary.json'
}
New-Item -ItemType Directory -Path (Split-Path -Parent $SummaryPath) -Force | Out-Null

$analyzer = Find-ToolModule -RepositoryRoot $repositoryRoot -Name PSScriptAnalyzer -Folder PSScriptAnalyzer -MinimumVersion 1.21.0
if (-not $analyzer) {
    $reason = 'PSScriptAnalyzer 1.21.0 or later is neither in ../shared/tools/PSScriptAnalyzer nor on PSModulePath (Install-PSResource PSScriptAnalyzer)'
    Skip-ToolSuite -Name Lint -Reason $reason -SummaryPath $SummaryPath
    exit 0
}
Import-Module $analyzer -Force

# Only these two rules ask for a syntax that Windows PowerShell 5.1 can parse; the build, tests and bench need
# PowerShell 7.6 anyway.
$windowsPowerShellRules = @{ PSUseCompatibleSyntax = @{ Enable = $true; TargetVersions = @('5.1', '7.4') } }

$skippedFolders = @('out', 'bin', 'obj', 'node_modules', '.git')
$manifestTemplate = Join-Path $repositoryRoot 'ConfigCat.psd1'
$stagedManifest = Join-Path $outDirectory 'ConfigCat/ConfigCat.psd1'
$settingsName = 'PSScriptAnalyzerSettings.psd1'

function Get-NearestSettingsPath {
    <#
    .SYNOPSIS
    The PSScriptAnalyzerSettings.psd1 in the file's folder or the nearest folder above it, up to the repository root.
    #>
    param([Parameter(Mandatory)] [string] $Path)

    $folder = Split-Path -Parent $Path
    while ($folder.Length -ge $repositoryRoot.Length) {
        $candidate = Join-Path $folder $settingsName
        if (Test-Path -LiteralPath $candidate) { return $candidate }
        $folder = Split-Path -Parent $folder
    }
    throw "No $settingsName at or above $Path."
}

function Get-RepositoryScript {
    <#
    .SYNOPSIS
    The repository's own PowerShell files, outside build output and package folders.
    #>
    Get-ChildItem -LiteralPath $repositoryRoot -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
        Where-Object {
            $relative = [IO.Path]::GetRelativePath($repositoryRoot, $_.FullName)
            $parts = $relative -split '[\\/]'
            -not ($parts | Select-Object -SkipLast 1 | Where-Object { $_ -in $skippedFolders }) -and $_.FullName -ne $manifestTemplate
        } |
        Sort-Object FullName
}

function Export-HelpCode {
    <#
    .SYNOPSIS
    Writes every ```powershell block of docs/en-US/*.md to its own .ps1 under -Destination and returns where each
    came from, so findings point at the markdown line.
    #>
    param([Parameter(Mandatory)] [string] $Destination)

    if (Test-Path -LiteralPath $Destination) {
        Remove-Item -LiteralPath $Destination -Recurse -Force
    }
    New-Item -ItemType Directory -Path $Destination | Out-Null
    foreach ($page in Get-ChildItem -LiteralPath (Join-Path $repositoryRoot 'docs/en-US') -Filter '*.md' -File | Sort-Object Name) {
        $document = Read-MarkdownFile -Path $page.FullName
        foreach ($block in $document.Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'powershell' }) {
            $path = Join-Path $Destination "$($page.BaseName)-line$($block.Line).ps1"
            Set-Content -LiteralPath $path -Value $block.Text -Encoding utf8BOM
            [pscustomobject]@{ Path = $path; Source = "docs/en-US/$($page.Name)"; FirstLine = $block.Line + 1 }
        }
    }
}

$files = [Collections.Generic.List[object]]::new()
foreach ($file in Get-RepositoryScript) {
    $relative = [IO.Path]::GetRelativePath($repositoryRoot, $file.FullName).Replace('\', '/')
    $files.Add([pscustomobject]@{ Path = $file.FullName; Source = $relative; FirstLine = 1; WindowsPowerShell = $relative -like 'samples/*' })
}
if (-not (Test-Path -LiteralPath $stagedManifest)) {
    throw "$stagedManifest is missing; run build.ps1 Build first."
}
$files.Add([pscustomobject]@{ Path = $stagedManifest; Source = 'out/ConfigCat/ConfigCat.psd1'; FirstLine = 1; WindowsPowerShell = $true })
foreach ($code in Export-HelpCode -Destination (Join-Path $outDirectory 'lint/help-code')) {
    $files.Add([pscustomobject]@{ Path = $code.Path; Source = $code.Source; FirstLine = $code.FirstLine; WindowsPowerShell = $true })
}

$version = (Import-PowerShellDataFile -LiteralPath $analyzer).ModuleVersion
exit (Invoke-ToolCheck -Title "Lint (PSScriptAnalyzer $version, $($files.Count) files)" -Item $files -SummaryPath $SummaryPath -Check {
        param($file)
        $settings = Import-PowerShellDataFile -LiteralPath (Get-NearestSettingsPath -Path $file.Path)
        if ($file.WindowsPowerShell) {
            if (-not $settings.ContainsKey('Rules')) { $settings.Rules = @{} }
            foreach ($rule in $windowsPowerShellRules.Keys) { $settings.Rules[$rule] = $windowsPowerShellRules[$rule] }
        }
        $ruleErrors = @()
        $findings = @(Invoke-ScriptAnalyzer -Path $file.Path -Settings $settings -ErrorAction SilentlyContinue -ErrorVariable ruleErrors)
        $findings | ForEach-Object { "$($file.Source):$($file.FirstLine + $_.Line - 1): $($_.Severity) $($_.RuleName): $($_.Message)" }
        $ruleErrors | ForEach-Object { "$($file.Source): PSScriptAnalyzer failed: $_" }
    })

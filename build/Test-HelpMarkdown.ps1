<#
.SYNOPSIS
Checks that platyPS 1.0.3 reads every page of docs/en-US, so the docs stay in the format the ecosystem's tool reads.
.DESCRIPTION
build.ps1 Test starts this script in a child pwsh. The build's own generator (build/New-MamlHelp.ps1) still writes the
MAML and about_ text, because platyPS 1.0.3 leaves code fences and U+0080 characters in Get-Help output and has no
about_ writer; this script only proves that platyPS can read the same pages:

- a cmdlet page must be a CommandHelp page to Measure-PlatyPSMarkdown, import with Import-MarkdownCommandHelp
  without an Error diagnostic, and pass Test-MarkdownCommandHelp;
- the module page (docs/en-US/ConfigCat.md) must be a ModuleFile and import with Import-MarkdownModuleFile without an
  Error diagnostic;
- an about_ page must be an AboutTopic to Measure-PlatyPSMarkdown, which is all platyPS 1.0.3 does with one (it
  recognises the front matter's `title: about_Name` and has no reader or writer for the content).

A page that passes counts as one passed test and each problem as one failed test. When platyPS 1.0.3 is neither in
../shared/tools/platyPS nor on PSModulePath, the run is reported as skipped. Exit code 1 on any problem.
.PARAMETER SummaryPath
Where to write the counts (JSON); build.ps1 reads it.
.EXAMPLE
dotnet pwsh -NoProfile -File build/Test-HelpMarkdown.ps1
#>
[CmdletBinding()]
param(
    [string] $SummaryPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
if (-not $SummaryPath) {
    $SummaryPath = Join-Path $repositoryRoot 'out/test-results/platyps-summary.json'
}
New-Item -ItemType Directory -Path (Split-Path -Parent $SummaryPath) -Force | Out-Null

$platyPS = Find-ToolModule -RepositoryRoot $repositoryRoot -Name Microsoft.PowerShell.PlatyPS -Folder platyPS -MinimumVersion 1.0.3
if (-not $platyPS) {
    $reason = 'platyPS (Microsoft.PowerShell.PlatyPS 1.0.3 or later) is neither in ../shared/tools/platyPS nor on PSModulePath (Install-PSResource Microsoft.PowerShell.PlatyPS)'
    Skip-ToolSuite -Name platyPS -Reason $reason -SummaryPath $SummaryPath
    exit 0
}
Import-Module $platyPS -Force

$moduleName = 'ConfigCat'

function Get-DiagnosticError {
    <#
    .SYNOPSIS
    The Error diagnostics platyPS recorded while importing a page, as sentences.
    #>
    param([Parameter(Mandatory)] $Imported)

    @($Imported.Diagnostics.Messages | Where-Object { "$($_.Severity)" -eq 'Error' } | ForEach-Object {
            $source = "$($_.Source)"
            "platyPS reports a $source error: $($_.Identifier) $(@($_.Message | Where-Object { $_ -ne $source }) -join ' ')".Trim() + '.'
        })
}

function Test-Page {
    <#
    .SYNOPSIS
    The problems platyPS finds with one page of docs/en-US (none when it reads the page as what it is).
    #>
    param([Parameter(Mandatory)] [IO.FileInfo] $File)

    $fileType = "$((Measure-PlatyPSMarkdown -Path $File.FullName).FileType)"
    if ($File.Name -like 'about_*.md') {
        if ($fileType -notmatch '\bAboutTopic\b') {
            "Measure-PlatyPSMarkdown sees '$fileType', not an about topic; the front matter needs 'title: $($File.BaseName)'."
        }
        return
    }
    if ($File.Name -eq "$moduleName.md") {
        if ($fileType -notmatch '\bModuleFile\b') {
            "Measure-PlatyPSMarkdown sees '$fileType', not a module page; the front matter needs 'Module Guid:'."
            return
        }
        Get-DiagnosticError -Imported (Import-MarkdownModuleFile -Path $File.FullName)
        return
    }
    if ($fileType -notmatch '\bCommandHelp\b') {
        "Measure-PlatyPSMarkdown sees '$fileType', not a cmdlet page (it needs the SYNOPSIS, SYNTAX and EXAMPLES sections)."
        return
    }
    Get-DiagnosticError -Imported (Import-MarkdownCommandHelp -Path $File.FullName)
    if (-not (Test-MarkdownCommandHelp -Path $File.FullName)) {
        $failures = @(Test-MarkdownCommandHelp -Path $File.FullName -DetailView | Out-String -Stream | Where-Object { $_ -match '^\s*FAIL' } | ForEach-Object Trim)
        "Test-MarkdownCommandHelp rejects the page: $(if ($failures) { $failures -join '; ' } else { 'no details' })."
    }
}

$pages = @(Get-ChildItem -LiteralPath (Join-Path $repositoryRoot 'docs/en-US') -Filter '*.md' -File | Sort-Object Name)
$version = (Import-PowerShellDataFile -LiteralPath $platyPS).ModuleVersion
exit (Invoke-ToolCheck -Title "platyPS ($version, $($pages.Count) pages)" -Item $pages -SummaryPath $SummaryPath -Check {
        param($page)
        try {
            Test-Page -File $page | ForEach-Object { "docs/en-US/$($page.Name): $_" }
        }
        catch {
            "docs/en-US/$($page.Name): platyPS failed to read it: $($_.Exception.Message)"
        }
    })

<#
.SYNOPSIS
Writes the module's MAML help and about_ topics from docs/en-US/*.md without platyPS, and fails when the docs and the
cmdlets disagree.
.DESCRIPTION
The docs are platyPS 0.14 markdown (schema 2.0.0), so real platyPS can rebuild the same help elsewhere. This script
is the build's stand-in for `New-ExternalHelp`:

- prose (synopsis, description, examples, parameter descriptions, inputs, outputs, notes, related links) comes from
  the markdown, read with platyPS 0.14's rules: lines of a paragraph are joined, a blank line starts a new paragraph,
  list items keep their own lines, `[text](url)` becomes `text (url)`;
- structure (parameter sets, types, Mandatory, Position, pipeline input, aliases, accepted enum values) comes from
  the built cmdlets through Get-Command, so it cannot drift from the code.

It fails, listing every problem with its file and line, when a cmdlet has no doc, a doc has no cmdlet, a documented
parameter does not exist or an existing one is not documented, a parameter's yaml block or a SYNTAX block differs
from the code, or a doc breaks the platyPS 0.14 layout (for example a code block in DESCRIPTION, which platyPS
rejects). Errors say what the doc should contain.

The work is done by the module build/MamlHelp (a part per concern: markdown reader, cmdlet page reader, the code's
metadata, validator, page skeleton, MAML writer, about writer); this script only wires them together.

build.ps1 Build runs it in a child pwsh between `dotnet build` and staging, because importing the freshly built dll
would lock it in the build process. It writes <OutputPath>/<assembly file name>-Help.xml and one
about_*.help.txt per docs/en-US/about_*.md.
.PARAMETER AssemblyPath
The built module assembly (src/ConfigCat.PowerShell/bin/<Configuration>/netstandard2.0/ConfigCat.PowerShell.dll).
.PARAMETER DocsPath
The folder of the markdown docs (docs/en-US).
.PARAMETER OutputPath
Where to write the help files (out/help/en-US); emptied first.
.PARAMETER ModuleName
The module name that the docs' `Module Name:` front matter must carry.
.EXAMPLE
dotnet pwsh -NoProfile -File build/New-MamlHelp.ps1 -AssemblyPath src/ConfigCat.PowerShell/bin/Release/netstandard2.0/ConfigCat.PowerShell.dll -DocsPath docs/en-US -OutputPath out/help/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $ModuleName = 'ConfigCat'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $PSScriptRoot 'MamlHelp/MamlHelp.psm1') -Force

$AssemblyPath = (Resolve-Path -LiteralPath $AssemblyPath).Path
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).Path
$helpFileName = [IO.Path]::GetFileName($AssemblyPath) + '-Help.xml'

$skeletonFolder = Join-Path (Split-Path -Parent $OutputPath) 'new-pages'
if (Test-Path -LiteralPath $skeletonFolder) {
    Remove-Item -LiteralPath $skeletonFolder -Recurse -Force
}

$module = Import-Module -Name $AssemblyPath -PassThru
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)

$markdownFiles = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name)
$aboutFiles = @($markdownFiles | Where-Object Name -Like 'about_*.md')
$modulePage = $markdownFiles | Where-Object Name -EQ "$ModuleName.md"
$commandFiles = @($markdownFiles | Where-Object { $_.Name -notlike 'about_*.md' -and $_.Name -ne "$ModuleName.md" })

$commandNames = @($commands | ForEach-Object Name)
foreach ($file in $commandFiles) {
    if ($file.BaseName -cnotin $commandNames) {
        Add-HelpProblem $file.FullName 0 "documents '$($file.BaseName)', but the module has no such cmdlet (cmdlets: $($commandNames -join ', '))."
    }
}

$pages = [ordered]@{}
foreach ($command in $commands) {
    $file = $commandFiles | Where-Object { $_.BaseName -ceq $command.Name }
    if (-not $file) {
        $skeletonDirectory = New-Item -ItemType Directory -Path $skeletonFolder -Force
        $skeleton = Join-Path $skeletonDirectory.FullName "$($command.Name).md"
        New-PageSkeleton -Command $command -CodeParameters (Get-CodeParameter -Command $command) -Destination $skeleton -HelpFileName $helpFileName -ModuleName $ModuleName
        Add-HelpProblem (Join-Path $DocsPath "$($command.Name).md") 0 "$($command.Name) has no help page. A skeleton with its SYNTAX and parameter yaml from the code is at ${skeleton}: copy it to docs/en-US/, replace every {{ }} placeholder and list the cmdlet in docs/en-US/$ModuleName.md."
        continue
    }
    $page = Read-CommandPage -Document (Read-MarkdownFile -Path $file.FullName) -Name $command.Name -HelpFileName $helpFileName -ModuleName $ModuleName
    $codeParameters = Get-CodeParameter -Command $command
    Test-PageAgainstCode -Page $page -Command $command -CodeParameters $codeParameters
    $pages[$command.Name] = [pscustomobject]@{ Page = $page; Command = $command; CodeParameters = $codeParameters }
}

if ($modulePage) {
    $synopses = @{}
    foreach ($entry in $pages.Values) { $synopses[$entry.Command.Name] = $entry.Page.Synopsis }
    foreach ($name in $commandNames) { if (-not $synopses.ContainsKey($name)) { $synopses[$name] = @() } }
    Test-ModulePage -Path $modulePage.FullName -Synopses $synopses -ModuleName $ModuleName
}
else {
    Add-HelpProblem (Join-Path $DocsPath "$ModuleName.md") 0 'the module page is missing.'
}

if (Test-Path -LiteralPath $OutputPath) {
    Remove-Item -LiteralPath $OutputPath -Recurse -Force
}
$output = (New-Item -ItemType Directory -Path $OutputPath -Force).FullName
foreach ($about in $aboutFiles) {
    Convert-AboutTopic -Path $about.FullName -Destination (Join-Path $output ($about.BaseName + '.help.txt'))
}

$problems = @(Get-HelpProblem)
if ($problems.Count -gt 0) {
    [Console]::Error.WriteLine("Help generation failed: the docs in $DocsPath and the cmdlets of $([IO.Path]::GetFileName($AssemblyPath)) disagree.")
    foreach ($problem in $problems) {
        [Console]::Error.WriteLine("  - $problem")
    }
    exit 1
}

$helpPath = Join-Path $output $helpFileName
Write-MamlHelpFile -Path $helpPath -Entries @($pages.Values)
Write-Host "Wrote $helpPath ($($pages.Count) cmdlets) and $($aboutFiles.Count) about topic(s)."
exit 0

<#
.SYNOPSIS
Runs every tests/pester/*.Tests.ps1 against the staged module in out/ and reports the counts.
.DESCRIPTION
build.ps1 Test starts this script in a child pwsh (-NoProfile -NonInteractive) after Build and Package, so the module
it imports is loaded fresh and never pollutes the build process. out/ is put first on PSModulePath, so
`Import-Module ConfigCat` finds out/ConfigCat. Results go to out/test-results/pester.xml (NUnitXml) and
out/test-results/pester-summary.json, which build.ps1 reads for its final "N passed, N failed" line.
Exit code 0 only when Pester's result is Passed.
.PARAMETER PesterPath
Full path of Pester.psd1; by default the version pinned in tests/pester/tools/PesterRestore.csproj, restored from NuGet.
.PARAMETER ExcludeTag
Tags to skip, for example Packaging when iterating without a package.
.EXAMPLE
dotnet pwsh ./build.ps1 Package; dotnet pwsh tests/pester/Invoke-PesterSuite.ps1
#>
[CmdletBinding()]
param(
    [string] $PesterPath,
    [string[]] $ExcludeTag = @()
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'

$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
if (-not $PesterPath) {
    $PesterPath = Get-PesterModulePath -RepositoryRoot $repositoryRoot -Restore
}
Import-Module $PesterPath -Force

$outDirectory = Join-Path $repositoryRoot 'out'
$resultsDirectory = Join-Path $outDirectory 'test-results'
New-Item -ItemType Directory -Path $resultsDirectory -Force | Out-Null
$summaryPath = Join-Path $resultsDirectory 'pester-summary.json'
Remove-Item -LiteralPath $summaryPath -ErrorAction SilentlyContinue
$env:PSModulePath = $outDirectory + [IO.Path]::PathSeparator + $env:PSModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.Tests.ps1' -File | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.Output.RenderMode = 'Plaintext'
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $resultsDirectory 'pester.xml'

$result = Invoke-Pester -Configuration $configuration

# A failing AfterAll leaves its tests Passed and a file that does not parse has no tests at all, so failed blocks
# and files count as failures too; a block whose BeforeAll failed already failed its tests and is not counted twice.
$failedBlocks = @($result.FailedBlocks | Where-Object { $_.FailedCount -eq 0 }).Count
$summary = [ordered]@{
    Result       = $result.Result
    PassedCount  = $result.PassedCount
    FailedCount  = $result.FailedCount + $failedBlocks + $result.FailedContainersCount
    SkippedCount = $result.SkippedCount
    NotRunCount  = $result.NotRunCount
}
$summary | ConvertTo-Json | Set-Content -LiteralPath $summaryPath -Encoding utf8
Write-Host ("Pester: passed={0} failed={1} skipped={2}" -f $summary.PassedCount, $summary.FailedCount, $summary.SkippedCount)
if ($result.Result -ne 'Passed') {
    exit 1
}
exit 0

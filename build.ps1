<#
.SYNOPSIS
Builds, stages, packages and tests the ConfigCat module.
.DESCRIPTION
Run from anywhere through the pinned PowerShell tool: `dotnet tool restore; dotnet pwsh ./build.ps1 <Task>`.

Build    `dotnet build` of the solution, then the help (build/New-MamlHelp.ps1 in a child pwsh: docs/en-US/*.md and
         the built cmdlets become out/help/en-US/ConfigCat.PowerShell.dll-Help.xml and about_ConfigCat.help.txt;
         it fails the build when docs and cmdlets disagree), then stages out/ConfigCat/ from a fixed list of files:
         ConfigCat.psd1 (the root template with ModuleVersion stamped from Directory.Build.props VersionPrefix),
         ConfigCat.PowerShell.dll, ConfigCat.Engine.dll, ConfigCat.Format.ps1xml, en-US/ (help, see below) and
         Dependencies/ (the .NET Framework closure of System.Text.Json for Windows PowerShell 5.1, published from
         build/desktop-deps). System.Management.Automation.dll is never shipped.
Package  Build, then out/repo/ConfigCat.<version>.nupkg through Publish-PSResource (in a throwaway HOME) and the Azure
         Automation zip out/ConfigCat.zip (module folder at the zip root, every path under 140 characters).
Test     Package, then what the tests need beyond the .NET SDK (build/TestPrerequisites.psm1: Node.js 20+ and npm for
         the differential tests, Mono off Windows; installed as root on Debian or Ubuntu, otherwise said to be
         missing), then the xunit tests (net10.0), the Pester tests (tests/pester, in a child pwsh), the Desktop leg
         (Windows PowerShell 5.1's runtime: tests/ConfigCat.DesktopHost against the staged module, and the xunit tests'
         net472 build; natively on Windows, under `mono --assembly-loader=strict` elsewhere) and the tool checks: Lint
         (PSScriptAnalyzer over every PowerShell file, build/Invoke-ScriptAnalysis.ps1; one passed per clean file, one
         failed per finding) and platyPS (platyPS 1.0.3 reads docs/en-US, build/Test-HelpMarkdown.ps1; one result per
         page). A suite whose runtime or tool is missing (no Windows or Mono; no PSScriptAnalyzer or platyPS in
         ../shared/tools or on PSModulePath) is reported SKIPPED, never passed. Prints the counts of each suite and ends
         with one line `N passed, N failed`; exits 1 when anything failed or a runner crashed.
Demo     Build, then samples/OfflineDemo.ps1 in a child pwsh against the staged module: flag evaluation from the
         bundled sample config, with no SDK key and no network.
Bench    Build, then the benchmark suite (bench/Invoke-Bench.ps1, see bench/README.md): the engine against configcat-node,
         the cmdlet against Write-Output, cold start, scale and network. Never part of Test. Prints a summary table with
         ratios; raw results go to out/bench/.

Help: build/New-MamlHelp.ps1 writes MAML and about_ files to out/help/en-US/ before staging; staging copies that
folder's files to out/ConfigCat/en-US/ (see Copy-ModuleHelp). A cmdlet without docs/en-US/<Cmdlet>.md fails the
build; the error names a skeleton page generated from the code in out/help/new-pages/.
.PARAMETER Task
Build, Package, Test, Demo or Bench.
.PARAMETER Configuration
The dotnet build configuration; Release unless debugging the build itself.
.EXAMPLE
dotnet tool restore; dotnet pwsh ./build.ps1 Test
.EXAMPLE
dotnet tool restore; dotnet pwsh ./build.ps1 Demo
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

Import-Module (Join-Path $PSScriptRoot 'build/BuildSupport.psm1') -Force

$ModuleName = 'ConfigCat'
$RepositoryRoot = $PSScriptRoot
$OutDirectory = Join-Path $RepositoryRoot 'out'
$StagingDirectory = Join-Path $OutDirectory $ModuleName
$TestResultsDirectory = Join-Path $OutDirectory 'test-results'
$ModuleProjectDirectory = Join-Path $RepositoryRoot 'src/ConfigCat.PowerShell'
$ModuleBinaries = @('ConfigCat.PowerShell.dll', 'ConfigCat.Engine.dll')
$ModuleBinDirectory = Join-Path $ModuleProjectDirectory "bin/$Configuration/netstandard2.0"

# The .NET Framework closure of the module's package references, as build/desktop-deps publishes it. Kept as a fixed
# list so that a changed closure stops the build instead of silently shipping more or fewer files.
$DesktopDependencies = @(
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Buffers.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Text.Encodings.Web.dll'
    'System.Text.Json.dll'
    'System.Threading.Tasks.Extensions.dll'
    'System.ValueTuple.dll'
)

function New-StagedManifest {
    <#
    .SYNOPSIS
    Writes out/ConfigCat/ConfigCat.psd1 from the root template with ModuleVersion stamped, so the version lives only in
    Directory.Build.props.
    #>
    param([Parameter(Mandatory)] [string] $Destination)

    $placeholder = '{{ModuleVersion}}'
    $template = Get-Content -LiteralPath (Join-Path $RepositoryRoot "$ModuleName.psd1") -Raw
    if (([regex]::Matches($template, [regex]::Escape($placeholder))).Count -ne 1) {
        throw "$ModuleName.psd1 must contain the placeholder $placeholder exactly once."
    }
    $version = Get-ModuleVersionPrefix -RepositoryRoot $RepositoryRoot
    # UTF-8 with BOM: Windows PowerShell 5.1 reads a BOM-less psd1 as ANSI.
    Set-Content -LiteralPath (Join-Path $Destination "$ModuleName.psd1") -Value $template.Replace($placeholder, $version) -Encoding utf8BOM -NoNewline
}

function New-ModuleHelp {
    <#
    .SYNOPSIS
    Writes out/help/en-US/ from docs/en-US/ and the freshly built cmdlets, through build/New-MamlHelp.ps1 in a child
    pwsh, so that importing the dll to read its parameters never locks it in the build process.
    #>
    $helpOutput = Join-Path $OutDirectory 'help/en-US'
    $run = Invoke-ChildPwsh -ArgumentList @(
        '-File', (Join-Path $RepositoryRoot 'build/New-MamlHelp.ps1'),
        '-AssemblyPath', (Join-Path $ModuleBinDirectory 'ConfigCat.PowerShell.dll'),
        '-DocsPath', (Join-Path $RepositoryRoot 'docs/en-US'),
        '-OutputPath', $helpOutput,
        '-ModuleName', $ModuleName)
    if ($run.ExitCode -ne 0) {
        throw "Help generation failed (exit code $($run.ExitCode)); the problems are listed above. The docs are docs/en-US/*.md."
    }
}

function Copy-ModuleHelp {
    <#
    .SYNOPSIS
    Stages the help New-ModuleHelp wrote to out/help/en-US/ into out/ConfigCat/en-US/.
    .DESCRIPTION
    PowerShell looks for <ModuleBase>/en-US/ConfigCat.PowerShell.dll-Help.xml (case-sensitive on Linux) and
    about_*.help.txt.
    #>
    param([Parameter(Mandatory)] [string] $Destination)

    $helpDestination = New-Item -ItemType Directory -Path (Join-Path $Destination 'en-US') -Force
    Copy-Item -Path (Join-Path $OutDirectory 'help/en-US/*') -Destination $helpDestination.FullName -Recurse
}

function Copy-DesktopDependency {
    <#
    .SYNOPSIS
    Publishes build/desktop-deps for net472 and copies the closure's dlls to out/ConfigCat/Dependencies/.
    .DESCRIPTION
    Windows PowerShell 5.1 has no System.Text.Json, so the module ships the .NET Framework builds of it and everything
    it needs; the module's resolver (src/ConfigCat.PowerShell/Loading) serves them. The published dlls, minus the
    stub and the module's own assemblies, must equal $DesktopDependencies.
    #>
    param([Parameter(Mandatory)] [string] $Destination)

    $publishDirectory = Join-Path $OutDirectory 'desktop-deps'
    if (Test-Path -LiteralPath $publishDirectory) {
        # publish never deletes, and a dll left from an older closure would pass for part of the current one
        Remove-Item -LiteralPath $publishDirectory -Recurse -Force
    }
    Invoke-NativeCommand dotnet @('publish', (Join-Path $RepositoryRoot 'build/desktop-deps/DesktopDeps.csproj'), '--configuration', $Configuration, '--output', $publishDirectory, '--nologo', '--verbosity', 'quiet')

    $published = @(Get-ChildItem -LiteralPath $publishDirectory -Filter '*.dll' | Where-Object { $_.Name -notin $ModuleBinaries } | ForEach-Object Name | Sort-Object)
    $difference = Compare-Object -ReferenceObject ($DesktopDependencies | Sort-Object) -DifferenceObject $published
    if ($difference) {
        $changes = ($difference | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }) -join ', '
        throw "The .NET Framework dependency closure changed ($changes; => new, <= gone). Review it and update `$DesktopDependencies in build.ps1."
    }

    $dependencyDirectory = New-Item -ItemType Directory -Path (Join-Path $Destination 'Dependencies') -Force
    foreach ($file in $DesktopDependencies) {
        Copy-Item -LiteralPath (Join-Path $publishDirectory $file) -Destination $dependencyDirectory.FullName
    }
}

function Invoke-BuildTask {
    <#
    .SYNOPSIS
    Builds the solution and stages a clean out/ConfigCat/ from a fixed list of files.
    #>
    Invoke-NativeCommand dotnet @('build', (Join-Path $RepositoryRoot 'ConfigCat.PowerShell.sln'), '--configuration', $Configuration, '--nologo')
    New-ModuleHelp

    if (Test-Path -LiteralPath $StagingDirectory) {
        Remove-Item -LiteralPath $StagingDirectory -Recurse -Force
    }
    $staging = (New-Item -ItemType Directory -Path $StagingDirectory).FullName

    New-StagedManifest -Destination $staging
    foreach ($file in $ModuleBinaries) {
        Copy-Item -LiteralPath (Join-Path $ModuleBinDirectory $file) -Destination $staging
    }
    Copy-Item -LiteralPath (Join-Path $ModuleProjectDirectory "$ModuleName.Format.ps1xml") -Destination $staging
    Copy-ModuleHelp -Destination $staging
    Copy-DesktopDependency -Destination $staging

    if (Get-ChildItem -LiteralPath $staging -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'System.Management.Automation.dll must never ship: PowerShell provides it.'
    }
    Write-Host "Staged $staging (version $(Get-ModuleVersionPrefix -RepositoryRoot $RepositoryRoot))"
}

function New-AutomationZip {
    <#
    .SYNOPSIS
    Zips out/ConfigCat as out/ConfigCat.zip for Azure Automation, which wants the module folder at the zip root and
    every path under 140 characters.
    #>
    $zipPath = Join-Path $OutDirectory "$ModuleName.zip"
    Compress-Archive -Path $StagingDirectory -DestinationPath $zipPath -Force

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($zipPath)
    try {
        $bad = @($zip.Entries | Where-Object { -not $_.FullName.StartsWith("$ModuleName/") -or $_.FullName.Length -ge 140 } | ForEach-Object FullName)
    }
    finally {
        $zip.Dispose()
    }
    if ($bad.Count -gt 0) {
        throw "Azure Automation rejects these zip entries (outside $ModuleName/ or 140+ characters): $($bad -join ', ')"
    }
    Write-Host "Packed $zipPath"
}

function Invoke-PackageTask {
    <#
    .SYNOPSIS
    Builds, then produces out/repo/ConfigCat.<version>.nupkg and out/ConfigCat.zip.
    .DESCRIPTION
    Publishing runs in a child pwsh with a throwaway HOME so the temporary repository registration never reaches the
    developer's profile.
    #>
    Invoke-BuildTask

    $repositoryDirectory = Join-Path $OutDirectory 'repo'
    if (Test-Path -LiteralPath $repositoryDirectory) {
        Remove-Item -LiteralPath $repositoryDirectory -Recurse -Force
    }
    New-Item -ItemType Directory -Path $repositoryDirectory | Out-Null

    $throwawayHome = Join-Path ([IO.Path]::GetTempPath()) ("configcat-package-" + [guid]::NewGuid().ToString('N'))
    try {
        $publish = Invoke-ChildPwsh -Environment (New-ThrowawayHomeEnvironment -Path $throwawayHome) -ArgumentList @(
            '-File', (Join-Path $RepositoryRoot 'build/Publish-LocalPackage.ps1'),
            '-ModulePath', $StagingDirectory,
            '-RepositoryPath', $repositoryDirectory)
    }
    finally {
        Remove-Item -LiteralPath $throwawayHome -Recurse -Force -ErrorAction SilentlyContinue
    }
    $package = Join-Path $repositoryDirectory "$ModuleName.$(Get-ModulePackageVersion -RepositoryRoot $RepositoryRoot).nupkg"
    if ($publish.ExitCode -ne 0 -or -not (Test-Path -LiteralPath $package)) {
        throw "Publish-PSResource did not produce $package (exit code $($publish.ExitCode))."
    }
    Write-Host "Published $package"

    New-AutomationZip
}

function New-SuiteResult {
    <#
    .SYNOPSIS
    One suite's counts; a runner that crashed (no counts, or a failing exit code with no failed test) counts as at least
    one failure, so a crash can never end in "0 failed".
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [int] $Passed,
        [int] $Failed,
        [int] $Skipped,
        [bool] $Counted,
        [int] $ExitCode,
        [string] $SkippedReason
    )

    $crashed = -not $Counted -or ($ExitCode -ne 0 -and $Failed -eq 0)
    [pscustomobject]@{
        Name    = $Name
        Passed  = $Passed
        Failed  = if ($crashed) { [Math]::Max($Failed, 1) } else { $Failed }
        Skipped = $Skipped
        Crashed = $crashed
        ExitCode = $ExitCode
        SkippedReason = $SkippedReason
    }
}

function Invoke-XunitSuite {
    <#
    .SYNOPSIS
    Runs the xunit tests (net10.0; the net472 build is the Desktop suite's) on the binaries Build produced and reads the
    counts from the TRX report.
    #>
    $trxName = 'xunit.trx'
    $trxPath = Join-Path $TestResultsDirectory $trxName
    Remove-Item -LiteralPath $trxPath -ErrorAction SilentlyContinue

    & dotnet test (Join-Path $RepositoryRoot 'tests/ConfigCat.Tests/ConfigCat.Tests.csproj') --configuration $Configuration --framework net10.0 --no-build --nologo --logger "trx;LogFileName=$trxName" --results-directory $TestResultsDirectory | Out-Host
    $exitCode = $LASTEXITCODE

    if (-not (Test-Path -LiteralPath $trxPath)) {
        return New-SuiteResult -Name 'xunit' -Counted $false -ExitCode $exitCode
    }
    $counters = ([xml](Get-Content -LiteralPath $trxPath -Raw)).TestRun.ResultSummary.Counters
    $failed = 0
    foreach ($attribute in 'failed', 'error', 'timeout', 'aborted') {
        $failed += [int]$counters.GetAttribute($attribute)
    }
    $skipped = [int]$counters.GetAttribute('notExecuted')
    New-SuiteResult -Name 'xunit' -Passed ([int]$counters.passed) -Failed $failed -Skipped $skipped -Counted $true -ExitCode $exitCode
}

function Invoke-PesterSuite {
    <#
    .SYNOPSIS
    Runs tests/pester/Invoke-PesterSuite.ps1 in a child pwsh and reads the summary it writes.
    #>
    $pesterPath = Get-PesterModulePath -RepositoryRoot $RepositoryRoot -Restore
    $summaryPath = Join-Path $TestResultsDirectory 'pester-summary.json'
    Remove-Item -LiteralPath $summaryPath -ErrorAction SilentlyContinue

    $run = Invoke-ChildPwsh -ArgumentList @('-File', (Join-Path $RepositoryRoot 'tests/pester/Invoke-PesterSuite.ps1'), '-PesterPath', $pesterPath)

    if (-not (Test-Path -LiteralPath $summaryPath)) {
        return New-SuiteResult -Name 'Pester' -Counted $false -ExitCode $run.ExitCode
    }
    $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
    New-SuiteResult -Name 'Pester' -Passed $summary.PassedCount -Failed $summary.FailedCount -Skipped $summary.SkippedCount -Counted $true -ExitCode $run.ExitCode
}

function Invoke-ToolSuite {
    <#
    .SYNOPSIS
    Runs a tool check (build/Invoke-ScriptAnalysis.ps1, build/Test-HelpMarkdown.ps1) in a child pwsh and reads the
    summary it writes; when the tool is missing the suite carries the reason and counts nothing.
    #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Script)

    $summaryPath = Join-Path $TestResultsDirectory "$($Name.ToLowerInvariant())-summary.json"
    Remove-Item -LiteralPath $summaryPath -ErrorAction SilentlyContinue
    $run = Invoke-ChildPwsh -ArgumentList @('-File', (Join-Path $RepositoryRoot $Script), '-SummaryPath', $summaryPath)
    if (-not (Test-Path -LiteralPath $summaryPath)) {
        return New-SuiteResult -Name $Name -Counted $false -ExitCode $run.ExitCode
    }
    $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
    New-SuiteResult -Name $Name -Passed $summary.PassedCount -Failed $summary.FailedCount -Counted $true -ExitCode $run.ExitCode -SkippedReason $summary.SkippedReason
}

function Get-DesktopRunner {
    <#
    .SYNOPSIS
    How this machine runs a .NET Framework exe: natively on Windows, else under Mono with strict assembly loading (versions
    checked as .NET Framework checks them); $null when neither is available.
    #>
    if ([System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)) {
        return @{ FilePath = $null; Prefix = @() }
    }
    $mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($mono) {
        return @{ FilePath = $mono.Source; Prefix = @('--assembly-loader=strict') }
    }
    $null
}

function Invoke-DesktopExe {
    <#
    .SYNOPSIS
    Runs a .NET Framework exe through the Desktop runner with its output on the host; returns the output lines and the
    exit code.
    #>
    param(
        [Parameter(Mandatory)] [hashtable] $Runner,
        [Parameter(Mandatory)] [string] $Exe,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)] [string] $WorkingDirectory
    )

    Push-Location -LiteralPath $WorkingDirectory
    try {
        if ($Runner.FilePath) {
            $arguments = @($Runner.Prefix) + @($Exe) + $ArgumentList
            & $Runner.FilePath @arguments 2>&1 | ForEach-Object { "$_" } | Tee-Object -Variable output | Out-Host
        }
        else {
            & $Exe @ArgumentList 2>&1 | ForEach-Object { "$_" } | Tee-Object -Variable output | Out-Host
        }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
    finally {
        Pop-Location
    }
}

function Invoke-DesktopSuite {
    <#
    .SYNOPSIS
    The Desktop leg, for Windows PowerShell 5.1's runtime: tests/ConfigCat.DesktopHost against the staged module, then the
    xunit suite's net472 build (its exclusions are listed in tests/ConfigCat.Tests/ConfigCat.Tests.csproj and marked
    [DesktopExcluded] with their reasons).
    .DESCRIPTION
    The host is copied alone into out/desktop-host, so nothing beside it (no closure, no config with binding redirects) can
    answer a bind: every module assembly and dependency comes from out/ConfigCat. Without Windows or Mono the leg is
    reported as skipped, never as passed.
    #>
    param([Parameter(Mandatory)] [string] $MonoState)

    $runner = Get-DesktopRunner
    if (-not $runner -and $MonoState -eq 'InstallFailed') {
        Write-Host 'Desktop leg: Mono could not be installed on a machine that can install it; counted as a failure.'
        return New-SuiteResult -Name 'Desktop' -Counted $false -ExitCode 1
    }
    if (-not $runner) {
        $reason = 'this is not Windows and Mono is not installed, so nothing here runs .NET Framework code; install mono-devel (the test command does, as root on Debian or Ubuntu)'
        if ($env:GITHUB_ACTIONS -eq 'true') {
            # An annotation on the run's summary page, so a green run without the Desktop leg is seen as such.
            Write-Host "::warning title=Desktop leg skipped::$reason"
        }
        return New-SuiteResult -Name 'Desktop' -Counted $true -ExitCode 0 -SkippedReason $reason
    }

    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    $hostDirectory = Join-Path $OutDirectory 'desktop-host'
    if (Test-Path -LiteralPath $hostDirectory) {
        Remove-Item -LiteralPath $hostDirectory -Recurse -Force
    }
    New-Item -ItemType Directory -Path $hostDirectory | Out-Null
    Copy-Item -LiteralPath (Join-Path $RepositoryRoot "tests/ConfigCat.DesktopHost/bin/$Configuration/net472/ConfigCat.DesktopHost.exe") -Destination $hostDirectory
    $hostRun = Invoke-DesktopExe -Runner $runner -Exe (Join-Path $hostDirectory 'ConfigCat.DesktopHost.exe') -ArgumentList @($StagingDirectory) -WorkingDirectory $hostDirectory
    $hostCounts = $hostRun.Output | Select-String -Pattern '^(\d+) passed, (\d+) failed$' | Select-Object -Last 1

    $testDirectory = Join-Path $RepositoryRoot "tests/ConfigCat.Tests/bin/$Configuration/net472"
    $xmlPath = Join-Path $TestResultsDirectory 'desktop-xunit.xml'
    Remove-Item -LiteralPath $xmlPath -ErrorAction SilentlyContinue
    $xunitRun = Invoke-DesktopExe -Runner $runner -Exe (Join-Path $testDirectory 'xunit-console/xunit.console.exe') -WorkingDirectory $testDirectory -ArgumentList @(
        (Join-Path $testDirectory 'ConfigCat.Tests.dll'), '-notrait', 'Desktop=Excluded', '-noshadow', '-nologo', '-xml', $xmlPath)
    Write-Host ("Desktop leg took {0:N0} s" -f $stopwatch.Elapsed.TotalSeconds)

    $counted = $null -ne $hostCounts -and (Test-Path -LiteralPath $xmlPath)
    if (-not $counted) {
        return New-SuiteResult -Name 'Desktop' -Counted $false -ExitCode ([Math]::Max($hostRun.ExitCode, $xunitRun.ExitCode))
    }
    $assembly = ([xml](Get-Content -LiteralPath $xmlPath -Raw)).assemblies.assembly
    # GetAttribute: the element also has an <errors> child, which dot notation would return alongside the attribute.
    $passed = [int]$hostCounts.Matches[0].Groups[1].Value + [int]$assembly.GetAttribute('passed')
    $failed = [int]$hostCounts.Matches[0].Groups[2].Value + [int]$assembly.GetAttribute('failed') + [int]$assembly.GetAttribute('errors')
    $exitCode = if ($hostRun.ExitCode -ne 0) { $hostRun.ExitCode } else { $xunitRun.ExitCode }
    New-SuiteResult -Name 'Desktop' -Passed $passed -Failed $failed -Skipped ([int]$assembly.GetAttribute('skipped')) -Counted $true -ExitCode $exitCode
}

function Invoke-TestTask {
    <#
    .SYNOPSIS
    Package, then the xunit, Pester and Desktop suites; returns the process exit code. The last line printed is always "N passed, N failed".
    .DESCRIPTION
    A build or package failure is reported as one failure, so CI still sees the summary line and a non-zero exit.
    #>
    try {
        Invoke-PackageTask
    }
    catch {
        [Console]::Error.WriteLine("Build or Package failed: $($_.Exception.Message)`n$($_.ScriptStackTrace)")
        Write-Host '0 passed, 1 failed'
        return 1
    }

    New-Item -ItemType Directory -Path $TestResultsDirectory -Force | Out-Null
    Import-Module (Join-Path $RepositoryRoot 'build/TestPrerequisites.psm1') -Force
    $null = Install-NodeForTest
    $monoState = Install-MonoForTest
    $suites = @(Invoke-XunitSuite; Invoke-PesterSuite; Invoke-DesktopSuite -MonoState $monoState)
    $suites += @(Invoke-ToolSuite -Name Lint -Script 'build/Invoke-ScriptAnalysis.ps1'; Invoke-ToolSuite -Name platyPS -Script 'build/Test-HelpMarkdown.ps1')

    foreach ($suite in $suites) {
        if ($suite.SkippedReason -and -not $suite.Crashed) {
            Write-Host "$($suite.Name) results: SKIPPED: $($suite.SkippedReason)."
            continue
        }
        $state = if ($suite.Crashed) { " (runner crashed or exited with code $($suite.ExitCode) without failed tests)" } else { '' }
        Write-Host ("{0} results: passed={1} failed={2} skipped={3}{4}" -f $suite.Name, $suite.Passed, $suite.Failed, $suite.Skipped, $state)
    }
    $passed = ($suites | Measure-Object -Property Passed -Sum).Sum
    $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { 1 } else { 0 }
}

function Invoke-DemoTask {
    <#
    .SYNOPSIS
    Builds, then runs samples/OfflineDemo.ps1 in a child pwsh that imports the staged module; returns its exit code.
    .DESCRIPTION
    The demo reads its flags from samples/sample-config.json through -FlagOverrides, so it needs no SDK key and no
    network: it works on a fresh machine right after `dotnet tool restore`.
    #>
    Invoke-BuildTask
    $run = Invoke-ChildPwsh -ArgumentList @('-File', (Join-Path $RepositoryRoot 'samples/OfflineDemo.ps1'), '-ModulePath', (Join-Path $StagingDirectory "$ModuleName.psd1"))
    if ($run.ExitCode -ne 0) {
        Write-Host "The demo failed with exit code $($run.ExitCode)."
    }
    $run.ExitCode
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Package' { Invoke-PackageTask }
    'Test' { exit (Invoke-TestTask) }
    'Demo' { exit (Invoke-DemoTask) }
    'Bench' {
        Invoke-BuildTask
        & (Join-Path $RepositoryRoot 'bench/Invoke-Bench.ps1') -ModulePath $StagingDirectory
    }
}

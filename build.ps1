<#
.SYNOPSIS
Builds, stages, packages and tests the ConfigCat module.
.DESCRIPTION
Run from anywhere through the pinned PowerShell tool: `dotnet tool restore; dotnet pwsh ./build.ps1 <Task>`.

Build    `dotnet build` of the solution, then stages out/ConfigCat/ from a fixed list of files:
         ConfigCat.psd1 (the root template with ModuleVersion stamped from Directory.Build.props VersionPrefix),
         ConfigCat.PowerShell.dll, ConfigCat.Engine.dll, ConfigCat.Format.ps1xml, en-US/ (help, see below) and
         Dependencies/ (the .NET Framework closure of System.Text.Json for Windows PowerShell 5.1, published from
         build/desktop-deps). System.Management.Automation.dll is never shipped.
Package  Build, then out/repo/ConfigCat.<version>.nupkg through Publish-PSResource (in a throwaway HOME) and the Azure
         Automation zip out/ConfigCat.zip (module folder at the zip root, every path under 140 characters).

Help: a help generation step writes MAML and about_ files to out/help/en-US/ before staging; staging copies that
folder's files to out/ConfigCat/en-US/ when it exists (see Copy-ModuleHelp).
.PARAMETER Task
Build or Package.
.PARAMETER Configuration
The dotnet build configuration; Release unless debugging the build itself.
.EXAMPLE
dotnet tool restore; dotnet pwsh ./build.ps1 Package
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package')]
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
$ModuleProjectDirectory = Join-Path $RepositoryRoot 'src/ConfigCat.PowerShell'
$ModuleBinaries = @('ConfigCat.PowerShell.dll', 'ConfigCat.Engine.dll')

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

function Invoke-Dotnet {
    <#
    .SYNOPSIS
    Runs the dotnet CLI and stops the build when it fails, since native commands do not throw on their own. Its output
    goes to the host, never into the caller's return value.
    #>
    param([Parameter(Mandatory)] [string[]] $ArgumentList)

    & dotnet @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE."
    }
}

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

function Copy-ModuleHelp {
    <#
    .SYNOPSIS
    Stages help files from out/help/en-US/ into out/ConfigCat/en-US/ when a help generation step has produced them.
    .DESCRIPTION
    PowerShell looks for <ModuleBase>/en-US/ConfigCat.PowerShell.dll-Help.xml (case-sensitive on Linux) and
    about_*.help.txt. Until help generation exists there is nothing to copy and the module ships without en-US/.
    #>
    param([Parameter(Mandatory)] [string] $Destination)

    $helpSource = Join-Path $OutDirectory 'help/en-US'
    if (Test-Path -LiteralPath $helpSource) {
        $helpDestination = New-Item -ItemType Directory -Path (Join-Path $Destination 'en-US') -Force
        Copy-Item -Path (Join-Path $helpSource '*') -Destination $helpDestination.FullName -Recurse
    }
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
    Invoke-Dotnet -ArgumentList @('publish', (Join-Path $RepositoryRoot 'build/desktop-deps/DesktopDeps.csproj'), '--configuration', $Configuration, '--output', $publishDirectory, '--nologo', '--verbosity', 'quiet')

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
    Invoke-Dotnet -ArgumentList @('build', (Join-Path $RepositoryRoot 'ConfigCat.PowerShell.sln'), '--configuration', $Configuration, '--nologo')

    if (Test-Path -LiteralPath $StagingDirectory) {
        Remove-Item -LiteralPath $StagingDirectory -Recurse -Force
    }
    $staging = (New-Item -ItemType Directory -Path $StagingDirectory).FullName

    New-StagedManifest -Destination $staging
    $binDirectory = Join-Path $ModuleProjectDirectory "bin/$Configuration/netstandard2.0"
    foreach ($file in $ModuleBinaries) {
        Copy-Item -LiteralPath (Join-Path $binDirectory $file) -Destination $staging
    }
    $formatFile = Join-Path $ModuleProjectDirectory "$ModuleName.Format.ps1xml"
    if (Test-Path -LiteralPath $formatFile) {
        Copy-Item -LiteralPath $formatFile -Destination $staging
    }
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
    $package = Join-Path $repositoryDirectory "$ModuleName.$(Get-ModuleVersionPrefix -RepositoryRoot $RepositoryRoot).nupkg"
    if ($publish.ExitCode -ne 0 -or -not (Test-Path -LiteralPath $package)) {
        throw "Publish-PSResource did not produce $package (exit code $($publish.ExitCode))."
    }
    Write-Host "Published $package"

    New-AutomationZip
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Package' { Invoke-PackageTask }
}

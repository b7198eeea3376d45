<#
Helpers shared by build.ps1 and the Pester tests: the one version source, the pinned Pester, and child pwsh
processes (optionally with a throwaway HOME so that PSResourceGet and PowerShellGet registrations never touch the
developer's own profile).
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Get-ModuleVersionPrefix {
    <#
    .SYNOPSIS
    Reads VersionPrefix from Directory.Build.props, the only place the module version is written.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $RepositoryRoot)

    $props = [xml](Get-Content -LiteralPath (Join-Path $RepositoryRoot 'Directory.Build.props') -Raw)
    $node = $props.SelectSingleNode('/Project/PropertyGroup/VersionPrefix')
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) {
        throw 'Directory.Build.props has no VersionPrefix.'
    }
    $node.InnerText.Trim()
}

function Get-ModulePackageVersion {
    <#
    .SYNOPSIS
    The version the package carries: VersionPrefix, with the manifest's PrivateData.PSData.Prerelease label after a
    hyphen when it has one (0.1.0-preview1), as Publish-PSResource names the nupkg and the Gallery shows it.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $RepositoryRoot)

    $version = Get-ModuleVersionPrefix -RepositoryRoot $RepositoryRoot
    $prerelease = (Import-PowerShellDataFile -LiteralPath (Join-Path $RepositoryRoot 'ConfigCat.psd1')).PrivateData.PSData['Prerelease']
    if ([string]::IsNullOrEmpty($prerelease)) { $version } else { "$version-$prerelease" }
}

function Get-NuGetGlobalPackagesFolder {
    <#
    .SYNOPSIS
    Asks dotnet where restored packages live, because NUGET_PACKAGES or a NuGet.Config may move the folder.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet nuget locals failed with exit code $LASTEXITCODE."
    }
    $match = [regex]::Match(($line -join "`n"), 'global-packages:\s*(.+)')
    if (-not $match.Success) {
        throw "Unexpected output from dotnet nuget locals: $line"
    }
    $match.Groups[1].Value.Trim()
}

function Get-PesterModulePath {
    <#
    .SYNOPSIS
    Returns the full path of the pinned Pester.psd1, restoring it from NuGet first when asked.
    .DESCRIPTION
    The version is read from tests/pester/tools/PesterRestore.csproj so that it is pinned in one place. Importing by
    full path bypasses any Pester on PSModulePath (Windows PowerShell ships 3.4).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $RepositoryRoot,
        [switch] $Restore
    )

    $project = Join-Path $RepositoryRoot 'tests/pester/tools/PesterRestore.csproj'
    if ($Restore) {
        Invoke-NativeCommand dotnet @('restore', $project, '--verbosity', 'quiet')
    }
    $download = ([xml](Get-Content -LiteralPath $project -Raw)).SelectSingleNode("//PackageDownload[@Include='Pester']")
    $version = $download.GetAttribute('Version').Trim('[', ']')
    $path = Join-Path (Get-NuGetGlobalPackagesFolder) "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Pester $version is not restored at $path; run: dotnet restore $project"
    }
    $path
}

function Get-PwshCommand {
    <#
    .SYNOPSIS
    Returns how to start another pwsh like the current one.
    .DESCRIPTION
    Under `dotnet pwsh` (the pinned local tool) the process is the dotnet host running pwsh.dll, and there may be no pwsh
    on PATH at all; a native pwsh starts itself directly.
    #>
    [CmdletBinding()]
    param()

    $executable = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -ne 'pwsh') {
        $prefix = @([Environment]::GetCommandLineArgs()[0])
    }
    [pscustomobject]@{ FilePath = $executable; PrefixArguments = $prefix }
}

function New-ThrowawayHomeEnvironment {
    <#
    .SYNOPSIS
    Creates an empty HOME and returns the environment that makes a child pwsh use only it.
    .DESCRIPTION
    PSResourceGet keeps repository registrations under ~/.local/share, PowerShellGet 2 under ~/.cache, and installs go to
    ~/.local/share/powershell/Modules. The XDG variables would override HOME and PSModulePath would carry the parent's
    module folders (including out/), so they are cleared. The usual HOME folders are created because .NET returns an
    empty path for a special folder that does not exist, and NuGet inside Publish-PSResource then writes
    NuGet/NuGet.Config relative to the current directory. On Windows these folders do not follow HOME, so the isolation
    is Linux and macOS only.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([Parameter(Mandatory)] [string] $Path)

    foreach ($folder in '.config', '.cache', '.local/share') {
        New-Item -ItemType Directory -Path (Join-Path $Path $folder) -Force | Out-Null
    }
    @{
        HOME            = $Path
        XDG_DATA_HOME   = $null
        XDG_CONFIG_HOME = $null
        XDG_CACHE_HOME  = $null
        PSModulePath    = $null
    }
}

function Find-ToolModule {
    <#
    .SYNOPSIS
    The manifest path of a PowerShell tool module the tests use but the repository does not ship, or $null when it is
    not present.
    .DESCRIPTION
    Looks first in ../shared/tools/<Folder> beside the repository (where CI machines without the PowerShell Gallery
    keep locally built copies), then on PSModulePath (Install-PSResource from the Gallery), taking the newest version
    at or above -MinimumVersion. The caller reports a missing tool as skipped, never as passed.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $RepositoryRoot,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] [version] $MinimumVersion
    )

    $shared = Join-Path $RepositoryRoot "../shared/tools/$Folder/$Name.psd1"
    if (Test-Path -LiteralPath $shared) {
        return (Resolve-Path -LiteralPath $shared).Path
    }
    $installed = Get-Module -ListAvailable -Name $Name | Where-Object Version -GE $MinimumVersion | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { $installed.Path } else { $null }
}

function Write-ToolSuiteSummary {
    <#
    .SYNOPSIS
    Writes the counts of a tool suite (lint, help markdown) as JSON for build.ps1's closing line; -SkippedReason
    marks a suite whose tool is missing, so the summary can say so instead of counting it as passed.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [int] $Passed,
        [int] $Failed,
        [string] $SkippedReason
    )

    [ordered]@{ PassedCount = $Passed; FailedCount = $Failed; SkippedReason = $SkippedReason } |
        ConvertTo-Json | Set-Content -LiteralPath $Path -Encoding utf8
}

function Skip-ToolSuite {
    <#
    .SYNOPSIS
    Reports a tool suite whose tool is missing: says so on the host and in the summary, so build.ps1 shows it as
    SKIPPED, never as passed.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Reason,
        [Parameter(Mandatory)] [string] $SummaryPath
    )

    Write-Host "${Name}: SKIPPED: $Reason."
    Write-ToolSuiteSummary -Path $SummaryPath -SkippedReason $Reason
}

function Invoke-ToolCheck {
    <#
    .SYNOPSIS
    Runs a tool suite's check over its items: one pass per item without problems, one failure per problem (each
    printed as "  [-] <problem>"), then the summary line and the JSON summary for build.ps1. Returns the process exit
    code: 1 when anything failed.
    .PARAMETER Check
    Returns the problems of one item ($args[0]) as text; what it throws counts as one problem.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory)] [string] $Title,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Item,
        [Parameter(Mandatory)] [scriptblock] $Check,
        [Parameter(Mandatory)] [string] $SummaryPath
    )

    $passed = 0
    $failed = 0
    foreach ($entry in $Item) {
        try {
            $problems = @(& $Check $entry)
        }
        catch {
            $problems = @("the check failed: $($_.Exception.Message)")
        }
        if ($problems.Count -eq 0) {
            $passed++
            continue
        }
        $failed += $problems.Count
        foreach ($problem in $problems) { Write-Host "  [-] $problem" }
    }

    Write-Host "${Title}: passed=$passed failed=$failed"
    Write-ToolSuiteSummary -Path $SummaryPath -Passed $passed -Failed $failed
    if ($failed -gt 0) { 1 } else { 0 }
}

function Invoke-NativeCommand {
    <#
    .SYNOPSIS
    Runs a native command (dotnet, npm) with its output on the host, and throws when it fails, since native commands do
    not throw on their own. Nothing goes into the caller's return value.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [string] $WorkingDirectory = (Get-Location).ProviderPath
    )

    Push-Location -LiteralPath $WorkingDirectory
    try {
        & $FilePath @ArgumentList | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE."
        }
    }
    finally {
        Pop-Location
    }
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
    Runs pwsh -NoProfile -NonInteractive in a child process and returns its exit code (and output when captured).
    .DESCRIPTION
    A binary module cannot be unloaded from a process, so every import of a freshly built or installed copy happens in a
    new process. Environment entries are set for the child only and restored afterwards; a $null value removes the
    variable.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [hashtable] $Environment = @{},
        [switch] $CaptureOutput
    )

    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $pwsh = Get-PwshCommand
        $arguments = @($pwsh.PrefixArguments) + @('-NoProfile', '-NonInteractive') + $ArgumentList
        if ($CaptureOutput) {
            $output = @(& $pwsh.FilePath @arguments 2>&1 | ForEach-Object { "$_" })
        }
        else {
            & $pwsh.FilePath @arguments | Out-Host
            $output = @()
        }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}

function Invoke-ChildScriptBlock {
    <#
    .SYNOPSIS
    Runs a script block in a child pwsh (see Invoke-ChildPwsh) and throws with the child's output when it fails.
    .DESCRIPTION
    A script block cannot cross a process boundary, so it is written to a temporary .ps1; ArgumentList binds to its
    param() block by position. Tests use this to import a module copy in a process of its own.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{}
    )

    $scriptPath = Join-Path ([IO.Path]::GetTempPath()) ("configcat-child-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -LiteralPath $scriptPath -Value $ScriptBlock.ToString()
    try {
        $run = Invoke-ChildPwsh -Environment $Environment -ArgumentList (@('-File', $scriptPath) + $ArgumentList) -CaptureOutput
    }
    finally {
        Remove-Item -LiteralPath $scriptPath -ErrorAction SilentlyContinue
    }
    if ($run.ExitCode -ne 0) {
        throw "The child pwsh failed (exit code $($run.ExitCode)):`n$($run.Output -join "`n")"
    }
}

Export-ModuleMember -Function Get-ModuleVersionPrefix, Get-ModulePackageVersion, Get-NuGetGlobalPackagesFolder, Find-ToolModule, Write-ToolSuiteSummary, Skip-ToolSuite, Invoke-ToolCheck, Get-PesterModulePath, Get-PwshCommand, New-ThrowawayHomeEnvironment, Invoke-NativeCommand, Invoke-ChildPwsh, Invoke-ChildScriptBlock

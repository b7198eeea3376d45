<#
.SYNOPSIS
Connects and disconnects over and over and shows whether threads, timers, handles or managed memory grow.
.DESCRIPTION
Long-running use (issue 12): a runbook sandbox or a pipeline agent that connects many times in one process must come
back to where it started. Against the loopback tests/ConfigCat.TestServer (started here unless -BaseUrl is given):
- Cycles: Connect-ConfigCat (auto poll), Get-ConfigCatValue, Disconnect-ConfigCat, N times in this runspace;
- Runspaces: N ForEach-Object -Parallel -UseNewRunspace iterations that connect, read and end; every other one
  disconnects, the others leave it to the runspace closing.
After a warm-up, and after each phase, it settles (a full GC, a short pause for disposed clients' last work) and reads
the process's thread count, active System.Threading.Timer count, open handles (file descriptors on Linux) and managed
heap size. Prints a table and, with -OutputPath, writes the figures as JSON. Not a test: it reports, it does not judge.
.EXAMPLE
dotnet pwsh ./build.ps1 Build; dotnet pwsh bench/pwsh/Measure-ConnectionStress.ps1 -ModulePath out/ConfigCat
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $BaseUrl,
    [string] $OutputPath,
    [int] $Cycles = 1000,
    [int] $Runspaces = 200,
    [int] $ThrottleLimit = 8
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../tests/pester/TestServer.psm1')
Import-Module (Resolve-Path -LiteralPath $ModulePath).Path
$modulePath = (Get-Module ConfigCat).Path

$ownServer = $null
if (-not $BaseUrl) {
    $ownServer = Start-TestConfigServer
    $BaseUrl = $ownServer.BaseUrl
}
$server = [pscustomobject]@{ BaseUrl = $BaseUrl }
$sdkKey = New-TestSdkKey
Set-TestConfig -Server $server -SdkKey $sdkKey -Json (Get-Content -LiteralPath (Join-Path $PSScriptRoot 'flags.json') -Raw)

function Get-ProcessFigure {
    param([string] $Phase)
    Start-Sleep -Milliseconds 500
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    [GC]::Collect()
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $handles = if (Test-Path -LiteralPath '/proc/self/fd') { @(Get-ChildItem -LiteralPath '/proc/self/fd' -Force).Count } else { $process.HandleCount }
    [pscustomobject][ordered]@{
        Phase        = $Phase
        Threads      = $process.Threads.Count
        Timers       = [Threading.Timer]::ActiveCount
        Handles      = $handles
        ManagedKB    = [math]::Round([GC]::GetTotalMemory($true) / 1KB)
    }
}

function Invoke-Cycle {
    param([int] $Count)
    for ($i = 0; $i -lt $Count; $i++) {
        Connect-ConfigCat -SdkKey $sdkKey -BaseUrl $BaseUrl
        if ((Get-ConfigCatValue simple) -ne $true) { throw 'Wrong value.' }
        Disconnect-ConfigCat
    }
}

function Invoke-Runspace {
    param([int] $Count, [int] $Throttle)
    $values = 1..$Count | ForEach-Object -ThrottleLimit $Throttle -UseNewRunspace -Parallel {
        Import-Module $using:modulePath
        Connect-ConfigCat -SdkKey $using:sdkKey -BaseUrl $using:BaseUrl
        Get-ConfigCatValue simple
        if ($_ % 2 -eq 0) { Disconnect-ConfigCat }
    }
    if (@($values | Where-Object { $_ -ne $true }).Count -gt 0 -or @($values).Count -ne $Count) { throw 'Wrong values.' }
}

try {
    Invoke-Cycle -Count 20
    Invoke-Runspace -Count ([math]::Min(20, $Runspaces)) -Throttle $ThrottleLimit
    $figures = @(Get-ProcessFigure -Phase 'after warm-up')
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Cycle -Count $Cycles
    $cyclesSeconds = $clock.Elapsed.TotalSeconds
    $figures += Get-ProcessFigure -Phase "after $Cycles connect/read/disconnect cycles"
    $clock.Restart()
    Invoke-Runspace -Count $Runspaces -Throttle $ThrottleLimit
    $runspacesSeconds = $clock.Elapsed.TotalSeconds
    $figures += Get-ProcessFigure -Phase "after $Runspaces runspaces that connect/read/close"

    $figures | Format-Table -AutoSize | Out-String -Width 200
    'Cycles: {0:N1} s ({1:N2} ms each); runspaces: {2:N1} s; load average: {3}' -f $cyclesSeconds, ($cyclesSeconds * 1000 / $Cycles), $runspacesSeconds,
        $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' })
    if ($OutputPath) {
        [ordered]@{ Cycles = $Cycles; Runspaces = $Runspaces; CyclesSeconds = $cyclesSeconds; RunspacesSeconds = $runspacesSeconds; Figures = $figures } |
            ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $OutputPath
    }
}
finally {
    if ($ownServer) { Stop-TestConfigServer -Server $ownServer }
}

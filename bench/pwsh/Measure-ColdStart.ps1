<#
.SYNOPSIS
Times fresh pwsh processes: bare, importing an empty module, importing ConfigCat, and importing + connecting + reading
one flag.
.DESCRIPTION
Every run starts `pwsh -NoProfile -Command <script>` the way this pwsh was started (under `dotnet pwsh` that is the
dotnet host with pwsh.dll, for all three alike) and times it from start to exit. The three variants take turns, so a
change of load on the shared machine hits them alike, and each figure is the median of -Runs runs; the added
milliseconds are the differences of the medians. Like `hyperfine -N --runs N` for four commands, without needing it.
The empty module (a manifest with nothing in it, -EmptyModulePath) shows what the first Import-Module of a process
costs PowerShell whatever the module: the part of Import-Module no module can save.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUrl,
    [Parameter(Mandatory)] [string] $SdkKey,
    [Parameter(Mandatory)] [string] $EmptyModulePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [int] $Runs = 20,
    [int] $WarmupRuns = 2
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../build/BuildSupport.psm1')

$pwsh = Get-PwshCommand
$variants = [ordered]@{
    Bare    = 'exit'
    Empty   = "Import-Module '$EmptyModulePath'"
    Import  = "Import-Module '$ModulePath'"
    Connect = "Import-Module '$ModulePath'; Connect-ConfigCat -SdkKey '$SdkKey' -BaseUrl '$BaseUrl'; if ((Get-ConfigCatValue simple) -ne `$true) { exit 1 }"
}

function Measure-Run {
    param([string] $Command)
    $startInfo = [Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
    foreach ($argument in @($pwsh.PrefixArguments) + @('-NoProfile', '-Command', $Command)) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($startInfo)
    $process.WaitForExit()
    $stopwatch.Stop()
    if ($process.ExitCode -ne 0) {
        throw "pwsh -Command `"$Command`" exited with $($process.ExitCode)."
    }
    $stopwatch.Elapsed.TotalMilliseconds
}

function Get-Median {
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

# Warm-up runs fill the file system cache for pwsh, the runtime and the module.
for ($i = 0; $i -lt $WarmupRuns; $i++) {
    foreach ($command in $variants.Values) { $null = Measure-Run $command }
}

$times = @{}
foreach ($name in $variants.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
for ($i = 0; $i -lt $Runs; $i++) {
    foreach ($name in $variants.Keys) {
        $times[$name].Add((Measure-Run $variants[$name]))
    }
}

$median = @{}
foreach ($name in $variants.Keys) { $median[$name] = Get-Median $times[$name] }
[ordered]@{
    Runs                  = $Runs
    BareMedianMs          = $median.Bare
    EmptyMedianMs         = $median.Empty
    ImportMedianMs        = $median.Import
    ConnectMedianMs       = $median.Connect
    EmptyAddedMs          = $median.Empty - $median.Bare
    ImportAddedMs         = $median.Import - $median.Bare
    ConnectAddedMs        = $median.Connect - $median.Bare
    BareMinMs             = ($times.Bare | Measure-Object -Minimum).Minimum
    EmptyMinMs            = ($times.Empty | Measure-Object -Minimum).Minimum
    ImportMinMs           = ($times.Import | Measure-Object -Minimum).Minimum
    ConnectMinMs          = ($times.Connect | Measure-Object -Minimum).Minimum
} | ConvertTo-Json | Set-Content -LiteralPath $OutputPath

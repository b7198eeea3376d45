<#
.SYNOPSIS
Times Get-ConfigCatValue against Write-Output in one pwsh process and writes the figures as JSON.
.DESCRIPTION
Runs in a fresh child pwsh (bench/Invoke-Bench.ps1 starts it). Connects to the loopback server, warms up, then runs
-Calls calls of each command in -Batches interleaved batches (alternating which goes first), so that a change of load
on the shared machine hits both alike. The same loop with a bare assignment is timed too: its cost is the loop's own,
and subtracting it gives the cost of the calls alone. Variants: a simple flag without a user (the target), and a flag
with three text rules for a -User hashtable (for information).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUrl,
    [Parameter(Mandatory)] [string] $SdkKey,
    [Parameter(Mandatory)] [string] $OutputPath,
    [int] $Calls = 10000,
    [int] $Batches = 20
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module $ModulePath
Connect-ConfigCat -SdkKey $SdkKey -BaseUrl $BaseUrl
if ((Get-ConfigCatValue simple) -ne $true -or (Get-ConfigCatValue threeTextRules -User @{ Identifier = 'jane'; Email = 'jane@example.com'; Country = 'HU' }) -ne 'c') {
    throw 'The benchmark config did not load: Get-ConfigCatValue returned the wrong values.'
}

# Each probe is a script block with a loop of $n calls; only the statement inside the loop differs.
$probes = [ordered]@{
    Empty          = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = 'simple' } }
    WriteOutput    = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Write-Output 'simple' } }
    GetValue       = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-ConfigCatValue 'simple' } }
    GetValueRules  = { param($n) $user = @{ Identifier = 'jane'; Email = 'jane@example.com'; Country = 'HU' }; for ($i = 0; $i -lt $n; $i++) { $null = Get-ConfigCatValue 'threeTextRules' -User $user } }
}

foreach ($probe in $probes.Values) {
    & $probe 2000
}

$perBatch = [int]($Calls / $Batches)
$ticks = @{}
$bytes = @{}
foreach ($name in $probes.Keys) { $ticks[$name] = [long]0; $bytes[$name] = [long]0 }
$stopwatch = [Diagnostics.Stopwatch]::new()
for ($batch = 0; $batch -lt $Batches; $batch++) {
    $order = @($probes.Keys)
    if ($batch % 2 -eq 1) { [array]::Reverse($order) }
    foreach ($name in $order) {
        $allocated = [GC]::GetAllocatedBytesForCurrentThread()
        $stopwatch.Restart()
        & $probes[$name] $perBatch
        $stopwatch.Stop()
        $ticks[$name] += $stopwatch.Elapsed.Ticks
        $bytes[$name] += [GC]::GetAllocatedBytesForCurrentThread() - $allocated
    }
}

$callCount = $perBatch * $Batches
$microseconds = @{}
$bytesPerCall = @{}
foreach ($name in $probes.Keys) {
    $microseconds[$name] = $ticks[$name] / 10.0 / $callCount
    $bytesPerCall[$name] = $bytes[$name] / $callCount
}
$result = [ordered]@{
    Calls                    = $callCount
    Batches                  = $Batches
    EmptyLoopMicroseconds    = $microseconds.Empty
    WriteOutputMicroseconds  = $microseconds.WriteOutput
    GetValueMicroseconds     = $microseconds.GetValue
    GetValueRulesMicroseconds = $microseconds.GetValueRules
    # Per call, the loop's own cost taken out of both.
    WriteOutputNetMicroseconds = $microseconds.WriteOutput - $microseconds.Empty
    GetValueNetMicroseconds  = $microseconds.GetValue - $microseconds.Empty
    Ratio                    = ($microseconds.GetValue - $microseconds.Empty) / ($microseconds.WriteOutput - $microseconds.Empty)
    RatioWithLoop            = $microseconds.GetValue / $microseconds.WriteOutput
    RulesRatio               = ($microseconds.GetValueRules - $microseconds.Empty) / ($microseconds.WriteOutput - $microseconds.Empty)
    # Managed bytes allocated on the pipeline thread per call (PowerShell's own included), loop's own taken out.
    WriteOutputBytes         = $bytesPerCall.WriteOutput - $bytesPerCall.Empty
    GetValueBytes            = $bytesPerCall.GetValue - $bytesPerCall.Empty
    GetValueRulesBytes       = $bytesPerCall.GetValueRules - $bytesPerCall.Empty
}
$result | ConvertTo-Json | Set-Content -LiteralPath $OutputPath
Disconnect-ConfigCat

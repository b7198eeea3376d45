<#
.SYNOPSIS
Runs the whole benchmark suite (bench/README.md) against a staged module and prints a summary table with ratios.
.DESCRIPTION
build.ps1 Bench stages out/ConfigCat and calls this. Every figure comes from this one run; raw results go to
out/bench/*.json and the summary to out/bench/summary.md. The machine's load average is sampled before and after each
part, because on a shared machine a figure means little without it.
  engine     BenchmarkDotNet: matrix and generated corpora (Evaluator and client snapshot), single flags, hashes, scale
  node       configcat-node (bench/node, npm ci) on the same corpora, through client.snapshot().getValue
  scale      parse time and retained managed memory of configs of 10, 1,000 and 10,000 settings
  cmdlet     10,000 Get-ConfigCatValue against 10,000 Write-Output calls, interleaved, in one pwsh
  coldstart  fresh pwsh: bare, Import-Module of an empty module, of ConfigCat, and Import + Connect + first value
  network    requests per polling mode, 304 revalidation, 20 runspaces connecting at once
.PARAMETER ModulePath
The staged module folder (out/ConfigCat).
.PARAMETER Quick
Short BenchmarkDotNet jobs and fewer rounds: a smoke test of the suite, not figures to quote.
.EXAMPLE
dotnet tool restore; dotnet pwsh ./build.ps1 Bench
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1')
Import-Module (Join-Path $repositoryRoot 'tests/pester/TestServer.psm1')

$output = New-Item -ItemType Directory -Path (Join-Path $repositoryRoot 'out/bench') -Force
$benchProject = Join-Path $PSScriptRoot 'ConfigCat.Bench'
$benchDll = Join-Path $benchProject 'bin/Release/net10.0/ConfigCat.Bench.dll'
$manifest = Join-Path $ModulePath 'ConfigCat.psd1'
$loads = [ordered]@{}

function Get-LoadAverage {
    if (Test-Path -LiteralPath '/proc/loadavg') {
        ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' '
    }
    else {
        'n/a'
    }
}

function Invoke-Part {
    <#
    .SYNOPSIS
    Runs one part of the suite, recording the load average before and after it.
    #>
    param([string] $Name, [scriptblock] $Body)
    Write-Host "== $Name (load average $(Get-LoadAverage))"
    $before = Get-LoadAverage
    & $Body
    $loads[$Name] = "$before -> $(Get-LoadAverage)"
}

function Read-Json {
    param([string] $Name)
    Get-Content -LiteralPath (Join-Path $output $Name) -Raw | ConvertFrom-Json
}

$started = [DateTime]::UtcNow
Invoke-NativeCommand dotnet @('build', $benchProject, '--configuration', 'Release', '--nologo', '--verbosity', 'quiet') -WorkingDirectory $repositoryRoot
Invoke-NativeCommand npm @('ci', '--no-audit', '--no-fund') -WorkingDirectory (Join-Path $PSScriptRoot 'node')
$corpora = Join-Path $output 'corpora.json'
Invoke-NativeCommand dotnet @($benchDll, 'export', $corpora) -WorkingDirectory $repositoryRoot

Invoke-Part 'engine' {
    $job = if ($Quick) { @('--job', 'short') } else { @('--warmupCount', '5', '--iterationCount', '15') }
    # BenchmarkDotNet builds a host project next to ConfigCat.Bench.csproj, so it runs from there.
    Invoke-NativeCommand dotnet (@($benchDll, 'bdn') + $job) -WorkingDirectory $benchProject
}

Invoke-Part 'node' {
    $rounds = if ($Quick) { @('--warmup', '3', '--rounds', '5') } else { @('--warmup', '10', '--rounds', '30') }
    $json = & node (Join-Path $PSScriptRoot 'node/bench.js') $corpora @rounds
    if ($LASTEXITCODE -ne 0) {
        throw "bench/node/bench.js failed with exit code $LASTEXITCODE."
    }
    Set-Content -LiteralPath (Join-Path $output 'node.json') -Value $json
}

Invoke-Part 'scale' {
    Invoke-NativeCommand dotnet @($benchDll, 'scale', (Join-Path $output 'scale.json')) -WorkingDirectory $repositoryRoot
}

$server = Start-TestConfigServer
try {
    $sdkKey = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $sdkKey -Json (Get-Content -LiteralPath (Join-Path $PSScriptRoot 'pwsh/flags.json') -Raw)

    Invoke-Part 'cmdlet' {
        $run = Invoke-ChildPwsh -ArgumentList @('-File', (Join-Path $PSScriptRoot 'pwsh/Measure-CmdletCost.ps1'), '-ModulePath', $manifest,
            '-BaseUrl', $server.BaseUrl, '-SdkKey', $sdkKey, '-OutputPath', (Join-Path $output 'cmdlet.json'))
        if ($run.ExitCode -ne 0) { throw "Measure-CmdletCost.ps1 failed with exit code $($run.ExitCode)." }
    }

    Invoke-Part 'coldstart' {
        $empty = New-Item -ItemType Directory -Path (Join-Path $output 'EmptyModule') -Force
        $emptyManifest = Join-Path $empty.FullName 'EmptyModule.psd1'
        Set-Content -LiteralPath $emptyManifest -Value "@{ ModuleVersion = '1.0.0'; GUID = '6a4d3b0e-5f0c-4d55-9d8e-2d9c1d6f3b21'; FunctionsToExport = @(); CmdletsToExport = @(); VariablesToExport = @(); AliasesToExport = @() }"
        $runs = if ($Quick) { 4 } else { 40 }
        & (Join-Path $PSScriptRoot 'pwsh/Measure-ColdStart.ps1') -ModulePath $manifest -EmptyModulePath $emptyManifest -BaseUrl $server.BaseUrl -SdkKey $sdkKey `
            -OutputPath (Join-Path $output 'coldstart.json') -Runs $runs
    }

    Invoke-Part 'network' {
        $run = Invoke-ChildPwsh -ArgumentList @('-File', (Join-Path $PSScriptRoot 'pwsh/Measure-Network.ps1'), '-ModulePath', $manifest,
            '-BaseUrl', $server.BaseUrl, '-OutputPath', (Join-Path $output 'network.json'))
        if ($run.ExitCode -ne 0) { throw "Measure-Network.ps1 failed with exit code $($run.ExitCode)." }
    }
}
finally {
    Stop-TestConfigServer -Server $server
}

# ---- Summary --------------------------------------------------------------------------------------------------------

$engine = @(Read-Json 'engine.json')
$node = Read-Json 'node.json'
$scale = @(Read-Json 'scale.json')
$cmdlet = Read-Json 'cmdlet.json'
$cold = Read-Json 'coldstart.json'
$network = Read-Json 'network.json'

function Get-EngineRow {
    param([string] $Method, [string] $Parameter, [string] $Value)
    $row = $engine | Where-Object { $_.method -eq $Method -and (-not $Parameter -or "$($_.parameters.$Parameter)" -eq $Value) } | Select-Object -First 1
    if (-not $row) { throw "engine.json has no result for $Method $Parameter=$Value." }
    $row
}

$rows = [Collections.Generic.List[object]]::new()
function Add-Row {
    param([string] $Target, [string] $Measured, [string] $Ratio, [string] $Verdict)
    $rows.Add([pscustomobject]@{ Target = $Target; Measured = $Measured; Ratio = $Ratio; Result = $Verdict })
}
function Get-Verdict([bool] $Met) { if ($Met) { 'met' } else { 'MISSED' } }

foreach ($corpus in 'matrix', 'generated') {
    $client = Get-EngineRow 'ClientSnapshot' 'Corpus' $corpus
    $bare = Get-EngineRow 'Evaluator' 'Corpus' $corpus
    $peer = $node.results | Where-Object name -EQ $corpus
    if ($peer.mismatches -ne 0) { throw "configcat-node gave $($peer.mismatches) values that differ from the engine's on the $corpus corpus." }
    $ratio = $peer.nsPerEvaluationMedian / $client.nsPerEvaluation
    $label = if ($corpus -eq 'matrix') { 'Engine >= 5x faster than configcat-node, matrix corpus' } else { 'Engine vs configcat-node, generated corpus (info)' }
    Add-Row $label ('{0:N0} ns/eval (client snapshot), {1:N0} ns (Evaluator), node {2:N0} ns; {3:N1} B/eval' -f $client.nsPerEvaluation, $bare.nsPerEvaluation, $peer.nsPerEvaluationMedian, $client.bytesPerEvaluation) `
        ('{0:N1}x' -f $ratio) $(if ($corpus -eq 'matrix') { Get-Verdict ($ratio -ge 5) } else { 'info' })
}

$simple = Get-EngineRow 'SimpleNoUser'
Add-Row 'Simple flag, no user: well under 1 us, no allocation' ('{0:N1} ns, {1} B' -f $simple.meanNs, $simple.allocatedBytes) '' (Get-Verdict ($simple.meanNs -lt 500 -and $simple.allocatedBytes -eq 0))
$simpleUser = Get-EngineRow 'SimpleWithUser'
Add-Row 'Simple flag, with user: well under 1 us, no allocation' ('{0:N1} ns, {1} B' -f $simpleUser.meanNs, $simpleUser.allocatedBytes) '' (Get-Verdict ($simpleUser.meanNs -lt 500 -and $simpleUser.allocatedBytes -eq 0))
$rules = Get-EngineRow 'ThreeTextRules'
Add-Row 'Three text rules: < 2 us' ('{0:N1} ns, {1} B' -f $rules.meanNs, $rules.allocatedBytes) '' (Get-Verdict ($rules.meanNs -lt 2000))
$sha256 = Get-EngineRow 'Sha256Only'
foreach ($method in 'HashedIsOneOf', 'HashedStartsWith') {
    $hashed = Get-EngineRow $method
    # "Bounded by the hash": the rest of the evaluation costs at most a quarter of the digest it cannot avoid.
    Add-Row "$method bounded by SHA-256 itself ($('{0:N0}' -f $sha256.meanNs) ns)" ('{0:N0} ns, {1} B' -f $hashed.meanNs, $hashed.allocatedBytes) ('{0:N2}x the hash' -f ($hashed.meanNs / $sha256.meanNs)) (Get-Verdict ($hashed.meanNs -le 1.25 * $sha256.meanNs))
}
$sha1 = Get-EngineRow 'Sha1Only'
$percentage = Get-EngineRow 'PercentageOptions'
Add-Row "% options bounded by SHA-1 itself ($('{0:N0}' -f $sha1.meanNs) ns)" ('{0:N0} ns, {1} B' -f $percentage.meanNs, $percentage.allocatedBytes) ('{0:N2}x the hash' -f ($percentage.meanNs / $sha1.meanNs)) 'info'
foreach ($method in 'MissingAttribute', 'SemVer', 'ArrayAttributeAsJson') {
    $flag = Get-EngineRow $method
    Add-Row "$method flag (info)" ('{0:N0} ns, {1} B' -f $flag.meanNs, $flag.allocatedBytes) '' 'info'
}

Add-Row 'Get-ConfigCatValue <= 1.5x Write-Output' ('{0:N1} us vs {1:N1} us per call (loop {2:N2} us taken out); {3:N0} vs {4:N0} B' -f $cmdlet.GetValueNetMicroseconds, $cmdlet.WriteOutputNetMicroseconds, $cmdlet.EmptyLoopMicroseconds, $cmdlet.GetValueBytes, $cmdlet.WriteOutputBytes) `
    ('{0:N2}x' -f $cmdlet.Ratio) (Get-Verdict ($cmdlet.Ratio -le 1.5))
Add-Row 'Get-ConfigCatValue -User @{...}, three rules (info)' ('{0:N1} us per call' -f ($cmdlet.GetValueRulesMicroseconds - $cmdlet.EmptyLoopMicroseconds)) ('{0:N2}x' -f $cmdlet.RulesRatio) 'info'

# Medians decide; the differences of the fastest runs, which load on the machine can only slow down, are shown beside them.
Add-Row 'Import-Module adds <= 50 ms to pwsh -NoProfile' ('+{0:N0} ms median, +{1:N0} ms fastest (bare {2:N0} ms; an empty module: +{3:N0} / +{4:N0} ms)' -f $cold.ImportAddedMs, ($cold.ImportMinMs - $cold.BareMinMs), $cold.BareMedianMs, $cold.EmptyAddedMs, ($cold.EmptyMinMs - $cold.BareMinMs)) '' (Get-Verdict ($cold.ImportAddedMs -le 50))
Add-Row 'Import + Connect + first value adds <= 150 ms' ('+{0:N0} ms median, +{1:N0} ms fastest' -f $cold.ConnectAddedMs, ($cold.ConnectMinMs - $cold.BareMinMs)) '' (Get-Verdict ($cold.ConnectAddedMs -le 150))

$parse = @{}
$evaluate = @{}
foreach ($count in 10, 1000, 10000) {
    $parse[$count] = Get-EngineRow 'Parse' 'Settings' "$count"
    $evaluate[$count] = Get-EngineRow 'EvaluateOneFlag' 'Settings' "$count"
}
$memory = ($scale | ForEach-Object { '{0:N0}: {1:N0} KB JSON, {2:N0} KB retained, first parse {3:N1} ms' -f $_.settings, ($_.jsonBytes / 1KB), ($_.retainedBytes / 1KB), $_.firstParseMs }) -join '; '
Add-Row '10,000-setting config parsed in < 100 ms' ('{0:N1} ms (1,000: {1:N2} ms, 10: {2:N3} ms)' -f ($parse[10000].meanNs / 1e6), ($parse[1000].meanNs / 1e6), ($parse[10].meanNs / 1e6)) '' (Get-Verdict ($parse[10000].meanNs -lt 100e6))
# The interleaved figures of `ConfigCat.Bench scale` decide: the sizes take turns there, so load changes cannot pass for a
# difference between sizes as they can between BenchmarkDotNet's separate blocks (shown for reference).
$interleaved = @{}
foreach ($row in $scale) { $interleaved[[int]$row.settings] = $row.evaluateOneFlagMedianNs }
$growth = $interleaved[10000] / $interleaved[10]
Add-Row 'One flag at 10,000 settings within 10% of 10' ('{0:N1} ns vs {1:N1} ns (1,000: {2:N1} ns), sizes interleaved; BenchmarkDotNet: {3:N1} / {4:N1} / {5:N1} ns' -f $interleaved[10000], $interleaved[10], $interleaved[1000], $evaluate[10000].meanNs, $evaluate[10].meanNs, $evaluate[1000].meanNs) ('{0:N3}x' -f $growth) (Get-Verdict ($growth -le 1.1))
Add-Row 'Scale: size and retained managed memory (info)' $memory '' 'info'

$auto = $network.PollingModes | Where-Object Mode -EQ 'AutoPoll'
$lazy = $network.PollingModes | Where-Object Mode -EQ 'LazyLoad'
$manual = $network.PollingModes | Where-Object Mode -EQ 'ManualPoll'
Add-Row 'Auto poll: 0 requests for 1,000 Get-ConfigCatValue' ('{0} (connect: {1}); lazy load: {2} (TTL 60 s); manual poll: {3} (Update-ConfigCat: {4})' -f $auto.RequestsDuringCalls, $auto.SetupRequests, $lazy.RequestsDuringCalls, $manual.RequestsDuringCalls, $manual.SetupRequests) `
    '' (Get-Verdict ($auto.RequestsDuringCalls -eq 0 -and $auto.WrongValues -eq 0))
$revalidation = $network.Revalidation
Add-Row '304s only while the config is unchanged' ('unchanged: {0} polls, {1} x 304, {2} x 200; after a change: {3} x 200 then {4} x 304; new value seen: {5}' -f $revalidation.PollsWhileUnchanged, $revalidation.NotModifiedWhileUnchanged, $revalidation.DownloadsWhileUnchanged, $revalidation.DownloadsAfterChange, $revalidation.NotModifiedAfterChange, $revalidation.NewValueSeen) `
    '' (Get-Verdict ($revalidation.PollsWhileUnchanged -gt 0 -and $revalidation.DownloadsWhileUnchanged -eq 0 -and $revalidation.DownloadsAfterChange -eq 1 -and $revalidation.NewValueSeen))
Add-Row '20 runspaces, one key, at once -> one download' ('{0} download(s); {1}/{2} got the value' -f $network.Concurrent.Downloads, $network.Concurrent.CorrectValues, $network.Concurrent.Runspaces) '' (Get-Verdict ($network.Concurrent.Downloads -eq 1))

$environment = '{0:yyyy-MM-dd HH:mm} UTC; {1} cores ({2}); .NET {3}; PowerShell {4}; node {5}, configcat-node {6}{7}' -f $started, [Environment]::ProcessorCount,
    $(if (Test-Path '/proc/cpuinfo') { ((Select-String -LiteralPath '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.*)$' | Select-Object -First 1).Matches[0].Groups[1].Value) } else { 'unknown CPU' }),
    [Environment]::Version, $PSVersionTable.PSVersion, $node.node, $node.sdk, $(if ($Quick) { '; QUICK RUN (short jobs): not figures to quote' } else { '' })
$markdown = [Text.StringBuilder]::new()
$null = $markdown.AppendLine("Run: $environment").AppendLine()
$null = $markdown.AppendLine('| Target | Measured | Ratio | Result |').AppendLine('|---|---|---|---|')
foreach ($row in $rows) {
    $null = $markdown.AppendLine("| $($row.Target) | $($row.Measured) | $($row.Ratio) | $($row.Result) |")
}
$null = $markdown.AppendLine().AppendLine('Load average (1, 5, 15 min) before -> after each part: ' + (($loads.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value)" }) -join '; '))
Set-Content -LiteralPath (Join-Path $output 'summary.md') -Value $markdown.ToString()

Write-Host ''
Write-Host $markdown.ToString()
Write-Host "Raw results and this summary (summary.md): $output"

<#
.SYNOPSIS
Counts the requests the module makes to the loopback config server and writes them as JSON.
.DESCRIPTION
Runs in a fresh child pwsh against a running tests/ConfigCat.TestServer (its control API records every config request
with its headers). Three measurements, each with an SDK key of its own so that no engine client is shared by accident:
- per polling mode, the requests of Connect-ConfigCat (and Update-ConfigCat in manual poll), then of 1,000
  Get-ConfigCatValue calls;
- auto poll every second: whether each poll while the config is unchanged is a conditional request the server answers
  with 304, and whether a change is downloaded (200) once and then revalidated again; the server answers 304 exactly
  when the request's If-None-Match is the ETag of the config it serves, so the status is read from the recorded header;
- 20 runspaces that connect with the same key at the same moment (released by one barrier, the server holding its
  answer for 300 ms so that all of them are in Connect-ConfigCat while the download is under way).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUrl,
    [Parameter(Mandatory)] [string] $OutputPath,
    [int] $Calls = 1000,
    [int] $Runspaces = 20
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../tests/pester/TestServer.psm1')
Import-Module $ModulePath

$server = [pscustomobject]@{ BaseUrl = $BaseUrl }
$configA = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'flags.json') -Raw
$configB = $configA.Replace('"simple":{"t":0,"v":{"b":true}', '"simple":{"t":0,"v":{"b":false}')

function Get-ETag {
    # The TestServer's ETag: the quoted first 20 hex digits of the SHA-1 of the body.
    param([string] $Body)
    '"' + [Convert]::ToHexString([Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes($Body))).Substring(0, 20).ToLowerInvariant() + '"'
}

function Clear-TestRequest {
    $null = Invoke-RestMethod -Method Delete -Uri "$BaseUrl/__control/requests"
}

$modes = foreach ($mode in 'AutoPoll', 'LazyLoad', 'ManualPoll') {
    $sdkKey = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $sdkKey -Json $configA
    Clear-TestRequest
    Connect-ConfigCat -SdkKey $sdkKey -BaseUrl $BaseUrl -PollingMode $mode
    if ($mode -eq 'ManualPoll') {
        $null = Update-ConfigCat
    }
    $setup = @(Get-TestRequest -Server $server -SdkKey $sdkKey).Count
    $wrong = 0
    for ($i = 0; $i -lt $Calls; $i++) {
        if ((Get-ConfigCatValue simple) -ne $true) { $wrong++ }
    }
    $during = @(Get-TestRequest -Server $server -SdkKey $sdkKey).Count - $setup
    Disconnect-ConfigCat
    [ordered]@{ Mode = $mode; SetupRequests = $setup; Calls = $Calls; RequestsDuringCalls = $during; WrongValues = $wrong }
}

# Auto poll every second: 304s while unchanged, one 200 for a change.
$sdkKey = New-TestSdkKey
Set-TestConfig -Server $server -SdkKey $sdkKey -Json $configA
Clear-TestRequest
Connect-ConfigCat -SdkKey $sdkKey -BaseUrl $BaseUrl -PollIntervalSeconds 1
Start-Sleep -Milliseconds 3500
$changedAt = [DateTime]::UtcNow
Set-TestConfig -Server $server -SdkKey $sdkKey -Json $configB
Start-Sleep -Milliseconds 3500
$newValue = Get-ConfigCatValue simple
Disconnect-ConfigCat
$etagA = Get-ETag $configA
$etagB = Get-ETag $configB
$polls = foreach ($request in @(Get-TestRequest -Server $server -SdkKey $sdkKey | Sort-Object { [DateTime]$_.receivedUtc })) {
    $sent = if ($request.headers.PSObject.Properties.Name -contains 'If-None-Match') { $request.headers.'If-None-Match' } else { $null }
    $received = ([DateTime]$request.receivedUtc).ToUniversalTime()
    $current = if ($received -lt $changedAt) { $etagA } else { $etagB }
    [pscustomobject]@{ AfterChange = $received -ge $changedAt; Conditional = $null -ne $sent; Status = if ($sent -eq $current) { 304 } else { 200 } }
}
# The first request is Connect-ConfigCat's download; the polls follow it.
$before = @($polls | Select-Object -Skip 1 | Where-Object { -not $_.AfterChange })
$after = @($polls | Where-Object AfterChange)
$revalidation = [ordered]@{
    InitialDownload           = @($polls | Select-Object -First 1 | Where-Object { $_.Status -eq 200 -and -not $_.Conditional }).Count
    PollsWhileUnchanged       = $before.Count
    NotModifiedWhileUnchanged = @($before | Where-Object Status -EQ 304).Count
    DownloadsWhileUnchanged   = @($before | Where-Object Status -EQ 200).Count
    PollsAfterChange          = $after.Count
    DownloadsAfterChange      = @($after | Where-Object Status -EQ 200).Count
    NotModifiedAfterChange    = @($after | Where-Object Status -EQ 304).Count
    NewValueSeen              = $newValue -eq $false
}

# 20 runspaces, one key, one moment.
$sdkKey = New-TestSdkKey
Set-TestConfig -Server $server -SdkKey $sdkKey -Json $configA
Clear-TestRequest
Set-TestFault -Server $server -Fault Stall -StallMilliseconds 300
$start = [Threading.Barrier]::new($Runspaces)
$connected = [Threading.Barrier]::new($Runspaces)
try {
    $values = 1..$Runspaces | ForEach-Object -ThrottleLimit $Runspaces -Parallel {
        Import-Module $using:ModulePath
        ($using:start).SignalAndWait()
        Connect-ConfigCat -SdkKey $using:sdkKey -BaseUrl $using:BaseUrl
        Get-ConfigCatValue simple
        # Everyone stays connected until all have connected, so the shared client is never released in between.
        ($using:connected).SignalAndWait()
        Disconnect-ConfigCat
    }
}
finally {
    Set-TestFault -Server $server -Fault None
}
$concurrent = [ordered]@{
    Runspaces    = $Runspaces
    Downloads    = @(Get-TestRequest -Server $server -SdkKey $sdkKey).Count
    CorrectValues = @($values | Where-Object { $_ -eq $true }).Count
}

[ordered]@{
    PollingModes = @($modes)
    Revalidation = $revalidation
    Concurrent   = $concurrent
} | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $OutputPath

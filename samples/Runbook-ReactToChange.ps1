<#
.SYNOPSIS
Azure Automation runbook: watches a ConfigCat flag and reacts when it changes.

.DESCRIPTION
Reads the SDK key from the encrypted Automation variable 'ConfigCatSdkKey' (outside Azure Automation: from
$env:CONFIGCAT_SDK_KEY), keeps a file cache so the next job starts from the last known config even when the CDN is
unreachable, and waits for config changes with Wait-Event (Start-Sleep would not let the events through). When the
watched flag changes it reports the old and new value; replace Invoke-Reaction with what the runbook should do.

Import the module into the Automation account for the runtime version the runbook uses (5.1 or 7.x), and pin it
with Import-Module -RequiredVersion, because sandboxes keep a version an earlier job loaded.

.PARAMETER FlagKey
The setting to watch.

.PARAMETER WatchMinutes
How long to watch before the job ends.

.PARAMETER BaseUrl
A ConfigCat Proxy or another base URL; omit for the ConfigCat CDN.
#>
param(
    [string] $FlagKey = 'maintenanceMode',
    [double] $WatchMinutes = 10,
    [int] $PollIntervalSeconds = 30,
    [string] $BaseUrl
)

$ErrorActionPreference = 'Stop'
# PowerShell 7 runbooks write Verbose only when asked; ConfigCat's diagnostics go there.
$VerbosePreference = 'SilentlyContinue'

function Invoke-Reaction {
    param($Change)
    Write-Output ("{0} changed from '{1}' to '{2}'" -f $Change.Key, $Change.OldValue, $Change.NewValue)
}

$sdkKey = if (Get-Command Get-AutomationVariable -ErrorAction SilentlyContinue) {
    Get-AutomationVariable -Name 'ConfigCatSdkKey'
}
else {
    $env:CONFIGCAT_SDK_KEY
}

Import-Module ConfigCat
$connect = @{
    SdkKey              = $sdkKey
    CachePath           = Join-Path ([IO.Path]::GetTempPath()) 'configcat-cache'
    PollIntervalSeconds = $PollIntervalSeconds
}
if ($BaseUrl) { $connect.BaseUrl = $BaseUrl }
Connect-ConfigCat @connect

# Registered before the first read, so a change that lands right after it is not missed.
$null = Register-ConfigCatChanged -SourceIdentifier ConfigCat.RunbookWatch
Write-Output ("{0} is '{1}'" -f $FlagKey, (Get-ConfigCatValue -Key $FlagKey))
try {
    $deadline = (Get-Date).AddMinutes($WatchMinutes)
    while ((Get-Date) -lt $deadline) {
        $configEvent = Wait-Event -SourceIdentifier ConfigCat.RunbookWatch -Timeout 5
        if (-not $configEvent) { continue }
        Remove-Event -EventIdentifier $configEvent.EventIdentifier
        $change = $configEvent.SourceEventArgs.Changes | Where-Object Key -EQ $FlagKey
        if ($change) {
            Invoke-Reaction -Change $change
        }
    }
}
finally {
    Unregister-Event -SourceIdentifier ConfigCat.RunbookWatch -ErrorAction SilentlyContinue
    Disconnect-ConfigCat
}

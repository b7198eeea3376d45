<#
Helpers the Pester files share beside TestServer.psm1: connecting to the test server for a test, waiting for something
a background thread does, and finding the conformance test data.
#>
Set-StrictMode -Version Latest

function Connect-TestServer {
    <#
    .SYNOPSIS
    Connects the runspace to the test server's config for -SdkKey in ManualPoll mode and downloads it once, so that the
    tests see exactly that config and no background request; throws when the download fails.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $SdkKey)

    Connect-ConfigCat -SdkKey $SdkKey -BaseUrl $Server.BaseUrl -PollingMode ManualPoll
    $result = Update-ConfigCat
    if (-not $result.IsSuccess) {
        throw "The test config could not be downloaded: $($result.ErrorMessage)"
    }
}

function Wait-TestCondition {
    <#
    .SYNOPSIS
    Polls a condition until it holds and throws when it still does not after -TimeoutSeconds.
    .DESCRIPTION
    For what happens on the module's background threads (a poll, a change event). The timeout is a bound on a hang, not
    a speed goal: the condition normally holds in a fraction of it. -Pump waits with Wait-Event instead of sleeping, so
    event actions of the current runspace run meanwhile (Start-Sleep does not run them).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [scriptblock] $Condition,
        [Parameter(Mandatory)] [string] $Because,
        [int] $TimeoutSeconds = 15,
        [switch] $Pump
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) {
            throw "Waited $TimeoutSeconds s (a bound on a hang) for: $Because"
        }
        if ($Pump) {
            $null = Wait-Event -SourceIdentifier 'ConfigCat.Tests.NeverRaised' -Timeout 1
        }
        else {
            Start-Sleep -Milliseconds 50
        }
    }
}

function Get-TestDataPath {
    <#
    .SYNOPSIS
    The full path of a file in the ConfigCat conformance data: $env:CONFIGCAT_TESTDATA, else tests/ConformanceData of
    the repository, as the xunit tests find it.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $RelativePath)

    $root = $env:CONFIGCAT_TESTDATA
    if (-not $root) {
        $root = Join-Path $PSScriptRoot '../ConformanceData'
    }
    $path = Join-Path $root $RelativePath
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Conformance test data is missing at $path (tests/ConformanceData, or the copy CONFIGCAT_TESTDATA names)."
    }
    (Resolve-Path -LiteralPath $path).Path
}

Export-ModuleMember -Function Connect-TestServer, Wait-TestCondition, Get-TestDataPath

<#
Helpers the Pester files share that are not about the test server: waiting for something a background thread does,
and finding the conformance test data.
#>
Set-StrictMode -Version Latest

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
    The full path of a file in the shared ConfigCat conformance data: $env:CONFIGCAT_TESTDATA, else ../shared/testdata
    next to the repository (where CI links it), as the xunit tests find it.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $RelativePath)

    $root = $env:CONFIGCAT_TESTDATA
    if (-not $root) {
        $root = Join-Path $PSScriptRoot '../../../shared/testdata'
    }
    $path = Join-Path $root $RelativePath
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Conformance test data is missing at $path; link it at ../shared/testdata or set CONFIGCAT_TESTDATA."
    }
    (Resolve-Path -LiteralPath $path).Path
}

Export-ModuleMember -Function Wait-TestCondition, Get-TestDataPath

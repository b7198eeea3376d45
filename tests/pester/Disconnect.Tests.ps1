# Ending a connection: Disconnect-ConfigCat is idempotent, stops polling, and afterwards every cmdlet that needs a
# connection throws ConfigCat.NotConnected and says what to do. Remove-Module ConfigCat ends the runspace's connection
# the same way; that is tested in a child pwsh, because a binary module cannot be loaded again into this process.

BeforeDiscovery {
    $connectedCommands = @(
        @{ Call = 'Get-ConfigCatValue -Key'; Command = 'Get-ConfigCatValue'; Arguments = @{ Key = 'greeting' } }
        @{ Call = 'Get-ConfigCatValue -All'; Command = 'Get-ConfigCatValue'; Arguments = @{ All = $true } }
        @{ Call = 'Get-ConfigCatKey'; Command = 'Get-ConfigCatKey'; Arguments = @{} }
        @{ Call = 'Get-ConfigCatKey -VariationId'; Command = 'Get-ConfigCatKey'; Arguments = @{ VariationId = 'v-greeting-hello' } }
        @{ Call = 'Update-ConfigCat'; Command = 'Update-ConfigCat'; Arguments = @{} }
        @{ Call = 'Register-ConfigCatChanged'; Command = 'Register-ConfigCatChanged'; Arguments = @{ SourceIdentifier = 'ConfigCat.Tests.Disconnected' } }
    )
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
    # How long to watch for polls that should not come: three poll intervals of 1 s. Before watching, a poll that was
    # already on its way when the connection ended is given time to reach the server, so it cannot count as a new one.
    $quietSeconds = 3
    $settleMilliseconds = 500
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Disconnect-ConfigCat' {
    AfterEach {
        Disconnect-ConfigCat
        Get-EventSubscriber | Unregister-Event
    }

    It 'does nothing, and fails nothing, when not connected' {
        $ErrorActionPreference = 'Stop'
        Disconnect-ConfigCat
        Disconnect-ConfigCat -ErrorVariable errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'can be run twice after connecting' {
        $ErrorActionPreference = 'Stop'
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl
        Disconnect-ConfigCat
        Disconnect-ConfigCat -ErrorVariable errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'afterwards <Call> throws ConfigCat.NotConnected (InvalidOperation) that says to run Connect-ConfigCat' -TestCases $connectedCommands {
        param($Call, $Command, $Arguments)
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl
        & $Command @Arguments | Out-Null
        Disconnect-ConfigCat

        $failure = { & $Command @Arguments } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.NotConnected,*'
        "$($failure.CategoryInfo.Category)" | Should -Be 'InvalidOperation'
        $failure.Exception.Message | Should -Match 'Run Connect-ConfigCat'
    }

    It 'stops polling when the last connection of the SDK key ends' {
        $pollKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $pollKey -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
        Connect-ConfigCat -SdkKey $pollKey -BaseUrl $server.BaseUrl -PollIntervalSeconds 1
        Wait-TestCondition -Because 'auto polling downloads again' -Condition { @(Get-TestRequest -Server $server -SdkKey $pollKey).Count -ge 2 }

        Disconnect-ConfigCat
        Start-Sleep -Milliseconds $settleMilliseconds
        $atDisconnect = @(Get-TestRequest -Server $server -SdkKey $pollKey).Count
        Start-Sleep -Seconds $quietSeconds
        @(Get-TestRequest -Server $server -SdkKey $pollKey).Count | Should -Be $atDisconnect
    }
}

Describe 'Remove-Module ConfigCat' {
    BeforeAll {
        $pollKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $pollKey -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
        $reportPath = Join-Path $TestDrive 'remove-module.json'
        # PSModulePath is inherited: Invoke-PesterSuite.ps1 put out/ first.
        Invoke-ChildScriptBlock -ArgumentList $reportPath, (Join-Path $PSScriptRoot 'TestServer.psm1'), (Join-Path $PSScriptRoot 'TestSupport.psm1'), $server.BaseUrl, $pollKey, $quietSeconds, $settleMilliseconds -ScriptBlock {
            param([string] $ReportPath, [string] $TestServerModule, [string] $TestSupportModule, [string] $BaseUrl, [string] $SdkKey, [int] $QuietSeconds, [int] $SettleMilliseconds)
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            Import-Module $TestServerModule, $TestSupportModule
            $server = [pscustomobject]@{ BaseUrl = $BaseUrl }

            Import-Module ConfigCat
            Connect-ConfigCat -SdkKey $SdkKey -BaseUrl $BaseUrl -PollIntervalSeconds 1
            Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Removed'
            Wait-TestCondition -Because 'auto polling downloads again' -Condition { @(Get-TestRequest -Server $server -SdkKey $SdkKey).Count -ge 2 }

            Remove-Module ConfigCat
            Start-Sleep -Milliseconds $SettleMilliseconds
            $atRemoval = @(Get-TestRequest -Server $server -SdkKey $SdkKey).Count
            $subscribers = @(Get-EventSubscriber | ForEach-Object SourceIdentifier)
            Start-Sleep -Seconds $QuietSeconds
            $later = @(Get-TestRequest -Server $server -SdkKey $SdkKey).Count

            Import-Module ConfigCat
            try {
                Get-ConfigCatValue greeting
                $failure = $null
            }
            catch {
                $failure = $_
            }
            [ordered]@{
                RequestsAtRemoval = $atRemoval
                RequestsLater     = $later
                SubscribersAfter  = $subscribers
                ErrorId           = if ($failure) { $failure.FullyQualifiedErrorId } else { $null }
                Category          = if ($failure) { "$($failure.CategoryInfo.Category)" } else { $null }
                Message           = if ($failure) { $failure.Exception.Message } else { $null }
            } | ConvertTo-Json | Set-Content -LiteralPath $ReportPath
        }
        $report = Get-Content -LiteralPath $reportPath -Raw | ConvertFrom-Json
    }

    It 'ends the connection: after importing again, Get-ConfigCatValue throws ConfigCat.NotConnected' {
        $report.ErrorId | Should -BeLike 'ConfigCat.NotConnected,*'
        $report.Category | Should -Be 'InvalidOperation'
        $report.Message | Should -Match 'Run Connect-ConfigCat'
    }

    It 'stops polling: the server sees no request after the removal' {
        $report.RequestsAtRemoval | Should -BeGreaterOrEqual 2
        $report.RequestsLater | Should -Be $report.RequestsAtRemoval
    }

    It 'removes the change subscriptions of the connection' {
        $report.SubscribersAfter | Should -BeNullOrEmpty
    }
}

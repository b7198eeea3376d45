# What the module logs on background threads (auto polling) cannot be written to PowerShell streams from there: it is
# queued and written by the next ConfigCat cmdlet of the connection, exactly once.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Background log messages' {
    AfterEach {
        Set-TestFault -Server $server -Fault None
        Disconnect-ConfigCat
    }

    It 'a failed auto poll is written once, as a warning of the next cmdlet' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
        $connection = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollIntervalSeconds 2 -PassThru
        Get-ConfigCatValue greeting | Should -Be 'hello'

        # Fail exactly one poll while no cmdlet runs: the client records the error only after queueing its log event,
        # and later polls succeed again.
        Set-TestFault -Server $server -Fault Status -Status 500
        Wait-TestCondition -Because 'an auto poll fails' -Condition { $connection.Status.LastError }
        Set-TestFault -Server $server -Fault None

        $value = Get-ConfigCatValue greeting -WarningVariable first 3>$null
        $value | Should -Be 'hello' -Because 'the last good config stays in use'
        @($first | Where-Object { "$_" -match '\[1101\]' }).Count | Should -Be 1
        "$first" | Should -Match '500 Internal Server Error'

        Get-ConfigCatValue greeting -WarningVariable second 3>$null | Should -Be 'hello'
        @($second | Where-Object { "$_" -match '\[1101\]' }) | Should -BeNullOrEmpty
    }

    It 'a queued message is written by whichever ConfigCat cmdlet runs next' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
        $connection = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollIntervalSeconds 2 -PassThru
        Set-TestFault -Server $server -Fault Garbage
        Wait-TestCondition -Because 'an auto poll fails' -Condition { $connection.Status.LastError }
        Set-TestFault -Server $server -Fault None

        Get-ConfigCatKey -WarningVariable warnings 3>$null | Should -Be 'greeting'
        @($warnings | Where-Object { "$_" -match '\[1105\]' }).Count | Should -Be 1
    }
}

# Update-ConfigCat end to end against the test server: it returns a RefreshResult whatever the server does, never
# throws (not even under $ErrorActionPreference = 'Stop'), and a failed download leaves the last good config in use.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'first' })
    # ManualPoll: only Update-ConfigCat downloads, so every request the server sees is one of these tests'.
    Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll -RequestTimeoutSeconds 1
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Update-ConfigCat' {
    It 'returns a successful RefreshResult and serves the downloaded config' {
        $result = Update-ConfigCat
        $result | Should -BeOfType ([ConfigCat.Engine.Polling.RefreshResult])
        $result.IsSuccess | Should -BeTrue
        "$($result.ErrorCode)" | Should -Be 'None'
        Get-ConfigCatValue greeting | Should -Be 'first'
    }

    It 'serves a changed config after the next update' {
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'second' })
        (Update-ConfigCat).IsSuccess | Should -BeTrue
        Get-ConfigCatValue greeting | Should -Be 'second'
    }

    It 'when the server <Name> returns a failed result with ErrorCode <ErrorCode> (<Number>), does not throw, and keeps the last good value' -TestCases @(
        @{ Name = 'answers 500'; Fault = @{ Fault = 'Status'; Status = 500 }; ErrorCode = 'UnexpectedHttpResponse'; Number = 1101; Message = '500' }
        @{ Name = 'answers 404'; Fault = @{ Fault = 'Status'; Status = 404 }; ErrorCode = 'InvalidSdkKey'; Number = 1100; Message = 'SDK Key seems to be wrong' }
        @{ Name = 'stalls'; Fault = @{ Fault = 'Stall'; StallMilliseconds = 3000 }; ErrorCode = 'HttpRequestTimeout'; Number = 1102; Message = 'Timeout value: 1000ms' }
        @{ Name = 'sends garbage'; Fault = @{ Fault = 'Garbage' }; ErrorCode = 'InvalidHttpResponseContent'; Number = 1105; Message = 'content was invalid' }
        @{ Name = 'drops the connection'; Fault = @{ Fault = 'Drop' }; ErrorCode = 'HttpRequestFailure'; Number = 1103; Message = 'network' }
    ) {
        param($Name, $Fault, $ErrorCode, $Number, $Message)
        $ErrorActionPreference = 'Stop'
        $lastGood = Get-ConfigCatValue greeting
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'never served' })
        Set-TestFault -Server $server @Fault
        try {
            $result = Update-ConfigCat -WarningVariable warnings 3>$null
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
        $result | Should -BeOfType ([ConfigCat.Engine.Polling.RefreshResult])
        $result.IsSuccess | Should -BeFalse
        "$($result.ErrorCode)" | Should -Be $ErrorCode
        [int]$result.ErrorCode | Should -Be $Number -Because "the number is the one ConfigCat's SDKs use"
        $result.ErrorMessage | Should -Match $Message
        "$warnings" | Should -Match ([regex]::Escape($result.ErrorMessage)) -Because 'the failure is also reported as a warning'
        Get-ConfigCatValue greeting | Should -Be $lastGood
    }

    It 'lets a script switch on ErrorCode by name or by number' {
        Set-TestFault -Server $server -Fault Status -Status 403
        try {
            $result = Update-ConfigCat 3>$null
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
        $byName = switch ($result.ErrorCode) { 'InvalidSdkKey' { 'wrong key' } default { 'other' } }
        $byNumber = switch ([int]$result.ErrorCode) { 1100 { 'wrong key' } default { 'other' } }
        $byName | Should -Be 'wrong key'
        $byNumber | Should -Be 'wrong key'
        $result.ErrorCode -eq 'InvalidSdkKey' | Should -BeTrue
    }

    It 'on an offline connection returns OfflineClient (3200)' {
        $offlineKey = New-TestSdkKey
        Connect-ConfigCat -SdkKey $offlineKey -BaseUrl $server.BaseUrl -Offline
        try {
            $result = Update-ConfigCat 3>$null
        }
        finally {
            Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll -RequestTimeoutSeconds 1
        }
        "$($result.ErrorCode)" | Should -Be 'OfflineClient'
        [int]$result.ErrorCode | Should -Be 3200
    }
}

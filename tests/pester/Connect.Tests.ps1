# Connect-ConfigCat end to end against a real HTTP server on 127.0.0.1: every parameter, and every bad argument
# producing its terminating error while the session keeps working.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ isEnabled = $true; greeting = 'hello'; limit = 10; ratio = 0.5 }))
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Connect-ConfigCat' {
    AfterEach { Disconnect-ConfigCat }

    It 'connects with -SdkKey and serves the downloaded values' {
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl
        Get-ConfigCatValue -Key greeting | Should -Be 'hello'
        Get-ConfigCatValue -Key isEnabled -Default $false | Should -BeTrue
    }

    It 'identifies itself with the ConfigCat-PowerShell user agent of the polling mode' {
        $lazyKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $lazyKey -Json (New-TestConfigJson -Values @{ greeting = 'lazy' })
        Connect-ConfigCat -SdkKey $lazyKey -BaseUrl $server.BaseUrl -PollingMode LazyLoad
        Get-ConfigCatValue greeting | Should -Be 'lazy'
        $request = (Get-TestRequest -Server $server -SdkKey $lazyKey)[0]
        $request.headers.'X-ConfigCat-UserAgent' | Should -Match '^ConfigCat-PowerShell/l-\d+\.\d+\.\d+$'
    }

    It 'falls back to $env:CONFIGCAT_SDK_KEY' {
        $env:CONFIGCAT_SDK_KEY = $key
        try {
            Connect-ConfigCat -BaseUrl $server.BaseUrl
            Get-ConfigCatValue greeting | Should -Be 'hello'
        }
        finally {
            Remove-Item Env:CONFIGCAT_SDK_KEY
        }
    }

    It 'takes the SDK key from -Credential, as Get-AutomationPSCredential returns it' {
        $credential = [pscredential]::new('configcat', (ConvertTo-SecureString $key -AsPlainText -Force))
        Connect-ConfigCat -Credential $credential -BaseUrl $server.BaseUrl
        Get-ConfigCatValue greeting | Should -Be 'hello'
    }

    It 'with -PollingMode ManualPoll downloads only on Update-ConfigCat' {
        $manualKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $manualKey -Json (New-TestConfigJson -Values @{ greeting = 'manual' })
        Connect-ConfigCat -SdkKey $manualKey -BaseUrl $server.BaseUrl -PollingMode ManualPoll
        Get-ConfigCatValue greeting -Default 'none' -WarningAction SilentlyContinue | Should -Be 'none'
        @(Get-TestRequest -Server $server -SdkKey $manualKey).Count | Should -Be 0
        (Update-ConfigCat).IsSuccess | Should -BeTrue
        Get-ConfigCatValue greeting | Should -Be 'manual'
        @(Get-TestRequest -Server $server -SdkKey $manualKey).Count | Should -Be 1
    }

    It 'with -PollingMode LazyLoad downloads again only after -CacheTimeToLiveSeconds' {
        $lazyKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $lazyKey -Json (New-TestConfigJson -Values @{ greeting = 'lazy' })
        # A time-to-live the five reads cannot outlast even on a busy machine.
        Connect-ConfigCat -SdkKey $lazyKey -BaseUrl $server.BaseUrl -PollingMode LazyLoad -CacheTimeToLiveSeconds 3
        1..5 | ForEach-Object { Get-ConfigCatValue greeting } | Should -Be (@('lazy') * 5)
        @(Get-TestRequest -Server $server -SdkKey $lazyKey).Count | Should -Be 1
        Start-Sleep -Milliseconds 3300
        Get-ConfigCatValue greeting | Should -Be 'lazy'
        @(Get-TestRequest -Server $server -SdkKey $lazyKey).Count | Should -Be 2
    }

    It 'with -MaxInitWaitSeconds 0 returns at once even when the server stalls' {
        $stallKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $stallKey -Json (New-TestConfigJson -Values @{ greeting = 'late' })
        Set-TestFault -Server $server -Fault Stall -StallMilliseconds 15000
        try {
            $elapsed = Measure-Command { Connect-ConfigCat -SdkKey $stallKey -BaseUrl $server.BaseUrl -MaxInitWaitSeconds 0 }
            # A bound on a hang, not a speed goal: without the option, Connect would wait for the stalled download.
            $elapsed.TotalSeconds | Should -BeLessThan 5
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
    }

    It 'reports a stalled download after -RequestTimeoutSeconds' {
        $timeoutKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $timeoutKey -Json (New-TestConfigJson -Values @{ greeting = 'slow' })
        Connect-ConfigCat -SdkKey $timeoutKey -BaseUrl $server.BaseUrl -PollingMode ManualPoll -RequestTimeoutSeconds 1
        Set-TestFault -Server $server -Fault Stall -StallMilliseconds 4000
        try {
            $result = Update-ConfigCat -WarningAction SilentlyContinue
            $result.IsSuccess | Should -BeFalse
            "$($result.ErrorCode)" | Should -Be 'HttpRequestTimeout'
            $result.ErrorMessage | Should -Match 'Timeout value: 1000ms'
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
    }

    It 'uses the EU CDN with -DataGovernance EuOnly' {
        $connection = Connect-ConfigCat -SdkKey $key -DataGovernance EuOnly -Offline -PassThru
        $connection.Status.BaseUrl | Should -Be 'https://cdn-eu.configcat.com/'
        $connection.IsOffline | Should -BeTrue
    }

    It 'goes through -Proxy with -ProxyCredential' {
        Set-TestFault -Server $server -Fault None -ProxyCredentials 'proxyuser:proxypass'
        try {
            $proxyKey = New-TestSdkKey
            Set-TestConfig -Server $server -SdkKey $proxyKey -Json (New-TestConfigJson -Values @{ greeting = 'proxied' })
            $credential = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'proxypass' -AsPlainText -Force))
            Connect-ConfigCat -SdkKey $proxyKey -BaseUrl 'http://configcat-cdn.invalid' -Proxy $server.BaseUrl -ProxyCredential $credential -PollingMode ManualPoll
            (Update-ConfigCat).IsSuccess | Should -BeTrue
            Get-ConfigCatValue greeting | Should -Be 'proxied'
            $requests = Get-TestRequest -Server $server -SdkKey $proxyKey
            @($requests | Where-Object viaProxy).Count | Should -BeGreaterThan 0
            @($requests | Where-Object { $_.headers.PSObject.Properties.Name -contains 'Proxy-Authorization' }).Count | Should -Be 1
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
    }

    It 'goes through the proxy that HTTP_PROXY names when no -Proxy is given' {
        $proxyKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $proxyKey -Json (New-TestConfigJson -Values @{ greeting = 'from the environment' })
        $saved = $env:HTTP_PROXY, $env:http_proxy
        try {
            $env:http_proxy = $null
            $env:HTTP_PROXY = $server.BaseUrl
            Connect-ConfigCat -SdkKey $proxyKey -BaseUrl 'http://configcat-cdn.invalid' -PollingMode ManualPoll
            (Update-ConfigCat).IsSuccess | Should -BeTrue
            Get-ConfigCatValue greeting | Should -Be 'from the environment'
            @(Get-TestRequest -Server $server -SdkKey $proxyKey | Where-Object viaProxy).Count | Should -BeGreaterThan 0
        }
        finally {
            $env:HTTP_PROXY, $env:http_proxy = $saved
        }
    }

    It 'with -Offline makes no request' {
        $offlineKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $offlineKey -Json (New-TestConfigJson -Values @{ greeting = 'never' })
        Connect-ConfigCat -SdkKey $offlineKey -BaseUrl $server.BaseUrl -Offline
        Get-ConfigCatValue greeting -Default 'offline' -WarningAction SilentlyContinue | Should -Be 'offline'
        @(Get-TestRequest -Server $server -SdkKey $offlineKey).Count | Should -Be 0
    }

    It 'with -LogLevel Info writes SDK info messages to the verbose stream' {
        $output = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -LogLevel Info -Verbose 4>&1
        Get-ConfigCatValue greeting -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
            ForEach-Object Message | Should -Match "\[5000\] Evaluating 'greeting'"
    }

    It 'with -LogLevel Off writes no warnings' {
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -LogLevel Off
        $warnings = Get-ConfigCatValue missingKey -Default 1 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        $warnings | Should -BeNullOrEmpty
    }

    It 'with -CachePath starts from the cache file when the CDN is gone' {
        $cacheKey = New-TestSdkKey
        $cacheDirectory = Join-Path $TestDrive 'cache'
        Set-TestConfig -Server $server -SdkKey $cacheKey -Json (New-TestConfigJson -Values @{ greeting = 'cached' })
        Connect-ConfigCat -SdkKey $cacheKey -BaseUrl $server.BaseUrl -CachePath $cacheDirectory -PollingMode ManualPoll
        (Update-ConfigCat).IsSuccess | Should -BeTrue
        Disconnect-ConfigCat
        @(Get-ChildItem -LiteralPath $cacheDirectory -Filter '*.cache').Count | Should -Be 1

        Connect-ConfigCat -SdkKey $cacheKey -BaseUrl 'http://127.0.0.1:9' -CachePath $cacheDirectory -MaxInitWaitSeconds 2 -WarningAction SilentlyContinue
        Get-ConfigCatValue greeting -WarningAction SilentlyContinue | Should -Be 'cached'
    }

    It 'with -FlagOverrides and a hashtable, without an SDK key, works without ConfigCat' {
        Connect-ConfigCat -FlagOverrides ([ordered]@{ localFlag = $true; localText = 'from table' })
        Get-ConfigCatValue localFlag -Default $false | Should -BeTrue
        Get-ConfigCatValue localText | Should -Be 'from table'
    }

    It 'with -FlagOverrides (a file) and -OverrideBehaviour <Behaviour> combines local and downloaded values' -TestCases @(
        @{ Behaviour = 'LocalOnly'; Greeting = 'local'; Limit = $null }
        @{ Behaviour = 'LocalOverRemote'; Greeting = 'local'; Limit = 10 }
        @{ Behaviour = 'RemoteOverLocal'; Greeting = 'hello'; Limit = 10 }
    ) {
        param($Behaviour, $Greeting, $Limit)
        $file = Join-Path $TestDrive 'flags.json'
        Set-Content -LiteralPath $file -Value '{ "flags": { "greeting": "local", "onlyLocal": true } }'
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -FlagOverrides $file -OverrideBehaviour $Behaviour
        Get-ConfigCatValue greeting | Should -Be $Greeting
        Get-ConfigCatValue onlyLocal | Should -BeTrue
        Get-ConfigCatValue limit -WarningAction SilentlyContinue | Should -Be $Limit
    }

    It 'with -DefaultUser evaluates for that user unless -User names another' {
        $targetKey = New-TestSdkKey
        $rule = @{ t = 1; v = @{ s = 'everyone' }; i = 'v0'; r = @(@{ c = @(@{ u = @{ a = 'Email'; c = 2; l = @('@example.com') } }); s = @{ v = @{ s = 'staff' }; i = 'v1' } }) }
        Set-TestConfig -Server $server -SdkKey $targetKey -Json (New-TestConfigJson -RawSettings @{ audience = $rule })
        Connect-ConfigCat -SdkKey $targetKey -BaseUrl $server.BaseUrl -DefaultUser @{ Identifier = 'u1'; Email = 'me@example.com' }
        Get-ConfigCatValue audience | Should -Be 'staff'
        Get-ConfigCatValue audience -User @{ Identifier = 'u2'; Email = 'someone@else.org' } | Should -Be 'everyone'
    }

    It 'with -PassThru returns the connection, which -Client accepts' {
        $connection = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PassThru
        $connection | Should -BeOfType ([ConfigCat.PowerShell.Session.ConfigCatConnection])
        Connect-ConfigCat -FlagOverrides @{ greeting = 'current' }
        Get-ConfigCatValue greeting | Should -Be 'current'
        Get-ConfigCatValue greeting -Client $connection | Should -Be 'hello' -Because 'the replaced connection stays usable through -Client'
    }

    It 'refuses a disconnected connection given with -Client' {
        $connection = Connect-ConfigCat -FlagOverrides @{ greeting = 'gone' } -PassThru
        Disconnect-ConfigCat
        { Get-ConfigCatValue greeting -Client $connection } | Should -Throw -ErrorId 'ConfigCat.NotConnected,ConfigCat.PowerShell.Cmdlets.GetConfigCatValueCommand'
        { Get-ConfigCatValue greeting } | Should -Throw -ErrorId 'ConfigCat.NotConnected,ConfigCat.PowerShell.Cmdlets.GetConfigCatValueCommand'
    }

    It 'replaces the runspace''s previous connection' {
        Connect-ConfigCat -FlagOverrides @{ greeting = 'first' }
        Connect-ConfigCat -FlagOverrides @{ greeting = 'second' }
        Get-ConfigCatValue greeting | Should -Be 'second'
    }
}

Describe 'Connect-ConfigCat bad arguments' {
    AfterEach { Disconnect-ConfigCat }

    It '<Name> fails with <ErrorId> and says what to do' -TestCases @(
        @{ Name = 'a malformed SDK key'; Arguments = @{ SdkKey = 'configcat-sdk-1/not-a-key' }; ErrorId = 'ConfigCat.InvalidSdkKey'; Message = 'not a valid ConfigCat SDK key' }
        @{ Name = 'no SDK key at all'; Arguments = @{}; ErrorId = 'ConfigCat.MissingSdkKey'; Message = 'CONFIGCAT_SDK_KEY' }
        @{ Name = 'a missing override file'; Arguments = @{ FlagOverrides = './no-such-file.json' }; ErrorId = 'ConfigCat.InvalidOverrideFile'; Message = 'no-such-file.json' }
        @{ Name = 'a poll interval of 0'; Arguments = @{ SdkKey = 'configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ'; PollIntervalSeconds = 0 }; ErrorId = 'ConfigCat.ArgumentOutOfRange'; Message = '-PollIntervalSeconds' }
        @{ Name = 'a cache time-to-live of -1'; Arguments = @{ SdkKey = 'configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ'; CacheTimeToLiveSeconds = -1 }; ErrorId = 'ConfigCat.ArgumentOutOfRange'; Message = '-CacheTimeToLiveSeconds' }
        @{ Name = 'a request timeout of 0'; Arguments = @{ SdkKey = 'configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ'; RequestTimeoutSeconds = 0 }; ErrorId = 'ConfigCat.ArgumentOutOfRange'; Message = '-RequestTimeoutSeconds' }
        @{ Name = 'a default user that is a number'; Arguments = @{ FlagOverrides = @{ a = 1 }; DefaultUser = 42 }; ErrorId = 'ConfigCat.InvalidUser'; Message = 'hashtable' }
        @{ Name = 'an ftp base URL'; Arguments = @{ SdkKey = 'configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ'; BaseUrl = 'ftp://example.com' }; ErrorId = 'ConfigCat.InvalidArgument'; Message = 'http' }
    ) {
        param($Name, $Arguments, $ErrorId, $Message)
        $previous = $env:CONFIGCAT_SDK_KEY
        Remove-Item Env:CONFIGCAT_SDK_KEY -ErrorAction SilentlyContinue
        try {
            $failure = { Connect-ConfigCat @Arguments } | Should -Throw -PassThru
        }
        finally {
            if ($previous) { $env:CONFIGCAT_SDK_KEY = $previous }
        }
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.Exception.Message | Should -Match ([regex]::Escape($Message))

        # The session keeps working after the failure.
        Connect-ConfigCat -FlagOverrides @{ still = 'working' }
        Get-ConfigCatValue still | Should -Be 'working'
    }

    It 'malformed override file names the file and its error position' {
        $file = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $file -Value "{ `"f`": { `"a`": { `"t`": 0, `"v`": { `"b`": tru } } }"
        $failure = { Connect-ConfigCat -FlagOverrides $file } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidOverrideFile,*'
        $failure.Exception.Message | Should -Match 'broken\.json'
        $failure.Exception.Message | Should -Match 'line 1'
        $failure.CategoryInfo.Category | Should -Be 'ReadError'
    }
}

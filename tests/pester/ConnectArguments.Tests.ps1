# Connect-ConfigCat arguments that cannot work are refused at connect, in PowerShell's terms.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat
}

Describe 'Connect-ConfigCat -CachePath' {
    It 'refuses a file, since it takes a folder' {
        $file = Join-Path $TestDrive 'cache.json'
        Set-Content -LiteralPath $file -Value '{}'
        $failure = { Connect-ConfigCat -SdkKey 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/DDDDDDDDDDDDDDDDDDDDDD' -CachePath $file -PollingMode ManualPoll } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidArgument,*'
        $failure.Exception.Message | Should -Be "-CachePath '$file' is a file, but it takes a folder: the cache keeps one file per SDK key in it. Pass the folder, for example -CachePath '$TestDrive'."
        Get-Content -LiteralPath $file | Should -Be '{}'
    }
}

Describe 'Connect-ConfigCat messages' {
    It 'does not name .NET parameters for <Case>' -TestCases @(
        @{ Case = 'an invalid SDK key'; Arguments = @{ SdkKey = 'not-a-key' }; ErrorId = 'ConfigCat.InvalidSdkKey' }
        @{ Case = 'a poll interval out of range'; Arguments = @{ SdkKey = 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/EEEEEEEEEEEEEEEEEEEEEE'; PollIntervalSeconds = 0 }; ErrorId = 'ConfigCat.ArgumentOutOfRange' }
    ) {
        param($Case, $Arguments, $ErrorId)
        $failure = { Connect-ConfigCat @Arguments } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.Exception.Message | Should -Not -Match '\(Parameter '''
        $failure.Exception.Message | Should -Match '\.$'
    }
}

Describe 'Connect-ConfigCat -Proxy' {
    It 'refuses <Proxy>, which is no absolute http(s) URL, with a clear error' -TestCases @(
        @{ Proxy = 'not a url' }
        @{ Proxy = 'ftp://proxy.example.com' }
    ) {
        param($Proxy)
        $failure = { Connect-ConfigCat -SdkKey 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/FFFFFFFFFFFFFFFFFFFFFF' -PollingMode ManualPoll -Proxy $Proxy } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidArgument,*'
        $failure.Exception.Message | Should -Be "-Proxy '$Proxy' is not an absolute http:// or https:// URL, such as http://proxy.example.com:8080."
    }
}

Describe 'Connect-ConfigCat options that have no effect' {
    BeforeDiscovery {
        $credential = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'proxypass' -AsPlainText -Force))
    }

    BeforeAll { $sdkKey = 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/GGGGGGGGGGGGGGGGGGGGGG' }

    AfterEach { Disconnect-ConfigCat }

    It 'warns once that <Case>' -TestCases @(
        @{ Case = '-OverrideBehaviour needs -FlagOverrides'; Arguments = @{ OverrideBehaviour = 'LocalOverRemote' }
            Warning = 'ConfigCat: -OverrideBehaviour has no effect without -FlagOverrides.' }
        @{ Case = '-CacheTimeToLiveSeconds needs LazyLoad'; Arguments = @{ CacheTimeToLiveSeconds = 30 }
            Warning = 'ConfigCat: -CacheTimeToLiveSeconds has no effect with -PollingMode AutoPoll; only LazyLoad uses it.' }
        @{ Case = '-PollIntervalSeconds needs AutoPoll'; Arguments = @{ PollingMode = 'LazyLoad'; PollIntervalSeconds = 30 }
            Warning = 'ConfigCat: -PollIntervalSeconds has no effect with -PollingMode LazyLoad; only AutoPoll uses it.' }
        @{ Case = '-MaxInitWaitSeconds needs AutoPoll'; Arguments = @{ PollingMode = 'ManualPoll'; MaxInitWaitSeconds = 2 }
            Warning = 'ConfigCat: -MaxInitWaitSeconds has no effect with -PollingMode ManualPoll; only AutoPoll uses it.' }
        @{ Case = '-ProxyCredential needs -Proxy'; Arguments = @{ ProxyCredential = $credential }
            Warning = 'ConfigCat: -ProxyCredential has no effect without -Proxy (a proxy from HTTP_PROXY or HTTPS_PROXY takes its credentials from its URL).' }
    ) {
        param($Arguments, $Warning)
        Connect-ConfigCat -SdkKey $sdkKey -Offline @Arguments -WarningVariable warnings 3>$null
        @($warnings | ForEach-Object { "$_" }) | Should -Be @($Warning)
        $null = Get-ConfigCatValue -Key anything -Default 0 -WarningVariable later 3>$null
        @($later | Where-Object { "$_" -match 'no effect' }).Count | Should -Be 0 -Because 'the warning is written once, at connect'
    }

    It 'does not warn when every option given applies: <Case>' -TestCases @(
        @{ Case = 'AutoPoll options'; Arguments = @{ PollIntervalSeconds = 30; MaxInitWaitSeconds = 2 } }
        @{ Case = 'LazyLoad options'; Arguments = @{ PollingMode = 'LazyLoad'; CacheTimeToLiveSeconds = 30 } }
        @{ Case = 'overrides'; Arguments = @{ FlagOverrides = @{ isOn = $true }; OverrideBehaviour = 'LocalOverRemote' } }
        @{ Case = 'a proxy'; Arguments = @{ Proxy = 'http://proxy.example.com:8080'; ProxyCredential = $credential } }
    ) {
        param($Arguments)
        Connect-ConfigCat -SdkKey $sdkKey -Offline @Arguments -WarningVariable warnings 3>$null
        @($warnings).Count | Should -Be 0
    }
}

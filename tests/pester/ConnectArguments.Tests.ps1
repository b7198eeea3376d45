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

# Test-ConfigCatWebhook against requests signed in this file by the recipe of ConfigCat's documentation ("Verifying
# Webhook requests"): base64 HMAC-SHA-256, keyed with the signing key's UTF-8 bytes, over the webhook ID, the timestamp
# and the raw body, computed with .NET's HMACSHA256 rather than the module's code. No connection is made in this file:
# verifying needs none.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat

    $script:primaryKey = 'configcat_whsk_PesterPrimaryKey0000000000000000000000000000='
    $script:secondaryKey = 'configcat_whsk_PesterSecondaryKey00000000000000000000000000='

    function Get-Signature([string] $Key, [byte[]] $Content) {
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::UTF8.GetBytes($Key))
        try { [Convert]::ToBase64String($hmac.ComputeHash($Content)) } finally { $hmac.Dispose() }
    }

    function New-SignedRequest {
        <#
        .SYNOPSIS
        A request as ConfigCat sends it: headers and body, signed with each of -Key (comma-separated, as during a
        rotation), dated -AgeSeconds ago.
        #>
        param([string[]] $Key = @($script:primaryKey), [string] $Body = '', [int] $AgeSeconds = 0, [string] $Id = [guid]::NewGuid().ToString('N'))

        $timestamp = "$([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() - $AgeSeconds)"
        $content = [System.Text.Encoding]::UTF8.GetBytes("$Id$timestamp$Body")
        $signatures = @($Key | ForEach-Object { Get-Signature -Key $_ -Content $content }) -join ','
        @{
            Id        = $Id
            Timestamp = $timestamp
            Body      = $Body
            Headers   = @{ 'X-ConfigCat-Webhook-ID' = $Id; 'X-ConfigCat-Webhook-Timestamp' = $timestamp; 'X-ConfigCat-Webhook-Signature-V1' = $signatures }
        }
    }

    $script:changeDetails = '[{"settingKey":"maintenanceMode","event":"changed","details":"\r\nmaintenanceMode: false ➔ true"},{"settingKey":"other","event":"changed","details":"\r\nother: 1 ➔ 2"}]'
}

Describe 'Test-ConfigCatWebhook with -Headers and -Body' {
    It 'accepts a request signed with the key, without a connection' {
        $request = New-SignedRequest -Body $changeDetails
        Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey | Should -BeTrue
    }

    It 'accepts the body as the bytes received' {
        $request = New-SignedRequest -Body $changeDetails
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($request.Body)
        Test-ConfigCatWebhook -Headers $request.Headers -Body $bytes -SigningKey $primaryKey | Should -BeTrue
    }

    It 'rejects a request whose <Part> was tampered with' -TestCases @(
        @{ Part = 'body' }
        @{ Part = 'ID' }
        @{ Part = 'timestamp' }
    ) {
        param($Part)
        $request = New-SignedRequest -Body $changeDetails
        $headers = $request.Headers.Clone()
        $body = $request.Body
        switch ($Part) {
            'body' { $body = $body.Replace('true', 'TRUE') }
            'ID' { $headers['X-ConfigCat-Webhook-ID'] = [guid]::NewGuid().ToString('N') }
            'timestamp' { $headers['X-ConfigCat-Webhook-Timestamp'] = "$([long]$request.Timestamp - 1)" }
        }
        Test-ConfigCatWebhook -Headers $headers -Body $body -SigningKey $primaryKey | Should -BeFalse
        $result = Test-ConfigCatWebhook -Headers $headers -Body $body -SigningKey $primaryKey -Details
        "$($result.Reason)" | Should -Be 'NoSignatureMatched'
        @($result.Changes).Count | Should -Be 0 -Because 'nothing of a rejected request is handed on'
    }

    It 'rejects a request signed with another key' {
        $request = New-SignedRequest -Key 'configcat_whsk_SomeoneElsesKey' -Body 'x'
        Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey | Should -BeFalse
    }

    It 'accepts the second of two rotated signatures and says which key matched' {
        $request = New-SignedRequest -Key 'configcat_whsk_TheOldKeyNoLongerHeld', $secondaryKey -Body 'x'
        $result = Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey 'configcat_whsk_unrelated', $secondaryKey -Details
        $result.IsValid | Should -BeTrue
        $result.SigningKeyIndex | Should -Be 1
    }

    It 'rejects an expired request (signed <Age> s ago) and accepts it with a larger -MaxAgeSeconds' -TestCases @(
        @{ Age = 301 }
        @{ Age = 3600 }
    ) {
        param($Age)
        $request = New-SignedRequest -Body 'x' -AgeSeconds $Age
        $result = Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -Details
        "$($result.Reason)" | Should -Be 'Expired'
        $result.Age.TotalSeconds | Should -BeGreaterOrEqual $Age
        Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -MaxAgeSeconds ($Age + 60) | Should -BeTrue
    }

    It 'rejects a request dated in the future beyond -ClockSkewSeconds' {
        $request = New-SignedRequest -Body 'x' -AgeSeconds -120
        $result = Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -Details
        "$($result.Reason)" | Should -Be 'TimestampInFuture'
        Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -ClockSkewSeconds 300 | Should -BeTrue
    }

    It 'rejects a request without the <Header> header' -TestCases @(
        @{ Header = 'X-ConfigCat-Webhook-ID' }
        @{ Header = 'X-ConfigCat-Webhook-Timestamp' }
        @{ Header = 'X-ConfigCat-Webhook-Signature-V1' }
    ) {
        param($Header)
        $request = New-SignedRequest -Body 'x'
        $request.Headers.Remove($Header)
        $result = Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -Details
        "$($result.Reason)" | Should -Be 'MissingHeader'
        $result.Message | Should -Be "The request has no $Header header."
    }

    It 'rejects a request with the <Header> header twice (<Case>)' -TestCases @(
        @{ Header = 'X-ConfigCat-Webhook-ID'; Case = 'names that differ in case' }
        @{ Header = 'X-ConfigCat-Webhook-Signature-V1'; Case = 'names that differ in case' }
        @{ Header = 'X-ConfigCat-Webhook-Timestamp'; Case = 'a value with two items' }
        @{ Header = 'X-ConfigCat-Webhook-Signature-V1'; Case = 'a value with two items' }
    ) {
        param($Header, $Case)
        $request = New-SignedRequest -Body 'x'
        $headers = [System.Collections.Generic.Dictionary[string, object]]::new([StringComparer]::Ordinal)
        foreach ($name in $request.Headers.Keys) { $headers[$name] = $request.Headers[$name] }
        if ($Case -eq 'names that differ in case') {
            $headers[$Header.ToLowerInvariant()] = $request.Headers[$Header]
        }
        else {
            $headers[$Header] = @($request.Headers[$Header], $request.Headers[$Header])
        }
        $result = Test-ConfigCatWebhook -Headers $headers -Body $request.Body -SigningKey $primaryKey -Details
        "$($result.Reason)" | Should -Be 'DuplicateHeader'
        $result.Message | Should -Be "The request has more than one $Header header."
    }

    It 'matches header names in any case (<Case>)' -TestCases @(
        @{ Case = 'lower case in a case-sensitive dictionary'; Transform = { param($name) $name.ToLowerInvariant() }; Shape = 'Dictionary' }
        @{ Case = 'upper case in a PSCustomObject'; Transform = { param($name) $name.ToUpperInvariant() }; Shape = 'PSCustomObject' }
    ) {
        param($Case, $Transform, $Shape)
        $request = New-SignedRequest -Body 'x'
        $headers = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
        foreach ($name in $request.Headers.Keys) { $headers[(& $Transform $name)] = $request.Headers[$name] }
        $headers['Content-Type'] = 'application/json'
        $argument = $headers
        if ($Shape -eq 'PSCustomObject') {
            $argument = [pscustomobject]@{}
            foreach ($name in $headers.Keys) { $argument | Add-Member -NotePropertyName $name -NotePropertyValue $headers[$name] }
            $argument.psobject.BaseObject | Should -BeOfType ([System.Management.Automation.PSCustomObject])
            @($argument.psobject.Properties.Name) | Should -Contain 'X-CONFIGCAT-WEBHOOK-ID'
        }
        Test-ConfigCatWebhook -Headers $argument -Body $request.Body -SigningKey $primaryKey | Should -BeTrue
    }

    It 'accepts a request without a body as <Case>' -TestCases @(
        @{ Case = 'no -Body'; Arguments = @{} }
        @{ Case = 'an empty string'; Arguments = @{ Body = '' } }
        @{ Case = '$null'; Arguments = @{ Body = $null } }
        @{ Case = 'no bytes'; Arguments = @{ Body = [byte[]]@() } }
    ) {
        param($Case, $Arguments)
        $request = New-SignedRequest
        Test-ConfigCatWebhook -Headers $request.Headers -SigningKey $primaryKey @Arguments | Should -BeTrue
        Test-ConfigCatWebhook -Headers $request.Headers -Body 'added later' -SigningKey $primaryKey | Should -BeFalse
    }

    It 'answers $false for a malformed request (<Case>), even with $ErrorActionPreference Stop' -TestCases @(
        @{ Case = 'a timestamp that is not a number'; Header = 'X-ConfigCat-Webhook-Timestamp'; Value = 'soon'; Reason = 'InvalidTimestamp' }
        @{ Case = 'signatures that are not base64'; Header = 'X-ConfigCat-Webhook-Signature-V1'; Value = '%%%,,'; Reason = 'NoSignatureMatched' }
        @{ Case = 'an empty ID'; Header = 'X-ConfigCat-Webhook-ID'; Value = ''; Reason = 'MissingHeader' }
    ) {
        param($Case, $Header, $Value, $Reason)
        $ErrorActionPreference = 'Stop'
        $request = New-SignedRequest -Body 'x'
        $request.Headers[$Header] = $Value
        Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey | Should -BeFalse
        "$((Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -Details).Reason)" | Should -Be $Reason
    }

    It 'reads the ##ChangeDetails## of a valid request' {
        $request = New-SignedRequest -Body $changeDetails
        $result = Test-ConfigCatWebhook -Headers $request.Headers -Body $request.Body -SigningKey $primaryKey -Details
        @($result.Changes.SettingKey) | Should -Be @('maintenanceMode', 'other')
        $result.Changes[0].Event | Should -Be 'changed'
        $result.Changes[0].Details | Should -Be "`r`nmaintenanceMode: false ➔ true"
        $result.WebhookId | Should -Be $request.Id
        $result.Timestamp.ToUnixTimeSeconds() | Should -Be ([long]$request.Timestamp)
    }
}

Describe 'Test-ConfigCatWebhook with Azure Automation''s $WebhookData' {
    BeforeAll {
        function ConvertTo-AutomationWebhookData([hashtable] $Request) {
            # Azure Automation hands a PowerShell runbook the webhook call as this JSON, deserialized: RequestHeader is a
            # PSCustomObject of every header it received, RequestBody the body as a string.
            $json = [ordered]@{
                WebhookName   = 'configcat-maintenance'
                RequestBody   = $Request.Body
                RequestHeader = [ordered]@{
                    Connection                         = 'Keep-Alive'
                    Host                               = 'b6aa6482-fa57-41a1-aa84-f168e2e85a0b.webhook.we.azure-automation.net'
                    'User-Agent'                       = 'ConfigCat-Webhook/1.0'
                    'X-ConfigCat-Webhook-ID'           = $Request.Headers['X-ConfigCat-Webhook-ID']
                    'X-ConfigCat-Webhook-Timestamp'    = $Request.Headers['X-ConfigCat-Webhook-Timestamp']
                    'X-ConfigCat-Webhook-Signature-V1' = $Request.Headers['X-ConfigCat-Webhook-Signature-V1']
                    'x-ms-request-id'                  = [guid]::NewGuid().ToString()
                }
            } | ConvertTo-Json -Compress
            $json | ConvertFrom-Json
        }
    }

    It 'accepts a signed request, as an argument and from the pipeline' {
        $webhookData = ConvertTo-AutomationWebhookData (New-SignedRequest -Body $changeDetails)
        $webhookData.RequestHeader.psobject.BaseObject | Should -BeOfType ([System.Management.Automation.PSCustomObject])
        Test-ConfigCatWebhook $webhookData -SigningKey $primaryKey | Should -BeTrue
        $webhookData | Test-ConfigCatWebhook -SigningKey $primaryKey | Should -BeTrue
        @((Test-ConfigCatWebhook -WebhookData $webhookData -SigningKey $primaryKey -Details).Changes.SettingKey) | Should -Be @('maintenanceMode', 'other')
    }

    It 'rejects a tampered RequestBody and a request signed with another key' {
        $webhookData = ConvertTo-AutomationWebhookData (New-SignedRequest -Body $changeDetails)
        $webhookData.RequestBody = $webhookData.RequestBody.Replace('maintenanceMode', 'maintenanceModf')
        Test-ConfigCatWebhook $webhookData -SigningKey $primaryKey | Should -BeFalse
        Test-ConfigCatWebhook (ConvertTo-AutomationWebhookData (New-SignedRequest -Key $secondaryKey -Body 'x')) -SigningKey $primaryKey | Should -BeFalse
    }

    It 'accepts a request without a body' {
        Test-ConfigCatWebhook (ConvertTo-AutomationWebhookData (New-SignedRequest)) -SigningKey $primaryKey | Should -BeTrue
    }

    It 'rejects a call of the webhook URL by someone else (no ConfigCat headers)' {
        $webhookData = [pscustomobject]@{ WebhookName = 'configcat-maintenance'; RequestBody = '{}'; RequestHeader = [pscustomobject]@{ Host = 'example' } }
        "$((Test-ConfigCatWebhook $webhookData -SigningKey $primaryKey -Details).Reason)" | Should -Be 'MissingHeader'
    }

    It 'takes the key as a SecureString or a PSCredential' {
        $webhookData = ConvertTo-AutomationWebhookData (New-SignedRequest -Body 'x')
        $secure = ConvertTo-SecureString $primaryKey -AsPlainText -Force
        Test-ConfigCatWebhook $webhookData -SigningKey $secure | Should -BeTrue
        Test-ConfigCatWebhook $webhookData -SigningKey ([pscredential]::new('configcat', $secure)) | Should -BeTrue
    }
}

Describe 'Test-ConfigCatWebhook wrong usage' {
    It 'stops with <ErrorId> for <Case>' -TestCases @(
        @{ Case = 'no signing key'; ErrorId = 'ConfigCat.MissingSigningKey'; Arguments = @{ Headers = @{}; SigningKey = $null } }
        @{ Case = 'only empty signing keys'; ErrorId = 'ConfigCat.MissingSigningKey'; Arguments = @{ Headers = @{}; SigningKey = @('', $null) } }
        @{ Case = 'a signing key of another type'; ErrorId = 'ConfigCat.InvalidArgument'; Arguments = @{ Headers = @{}; SigningKey = 42 } }
        @{ Case = 'headers that are a string'; ErrorId = 'ConfigCat.InvalidArgument'; Arguments = @{ Headers = 'X-ConfigCat-Webhook-ID: 1'; SigningKey = 'k' } }
        @{ Case = 'a body that is a number'; ErrorId = 'ConfigCat.InvalidArgument'; Arguments = @{ Headers = @{}; Body = 42; SigningKey = 'k' } }
        @{ Case = 'a $WebhookData without RequestHeader'; ErrorId = 'ConfigCat.InvalidArgument'; Arguments = @{ WebhookData = '{WebhookName:x}'; SigningKey = 'k' } }
        @{ Case = '-MaxAgeSeconds 0'; ErrorId = 'ConfigCat.ArgumentOutOfRange'; Arguments = @{ Headers = @{}; SigningKey = 'k'; MaxAgeSeconds = 0 } }
        @{ Case = 'a negative -ClockSkewSeconds'; ErrorId = 'ConfigCat.ArgumentOutOfRange'; Arguments = @{ Headers = @{}; SigningKey = 'k'; ClockSkewSeconds = -1 } }
    ) {
        param($Case, $ErrorId, $Arguments)
        { Test-ConfigCatWebhook @Arguments -ErrorAction SilentlyContinue } | Should -Throw -ErrorId "$ErrorId,ConfigCat.PowerShell.Cmdlets.TestConfigCatWebhookCommand"
    }
}

Describe 'The signing key stays secret' {
    It 'appears in no stream, error record or result object (<Case>)' -TestCases @(
        @{ Case = 'a valid request'; Tamper = $false }
        @{ Case = 'a rejected request'; Tamper = $true }
    ) {
        param($Case, $Tamper)
        $request = New-SignedRequest -Body $changeDetails
        $body = if ($Tamper) { $request.Body + ' ' } else { $request.Body }
        $secret = $primaryKey.Substring('configcat_whsk_'.Length)

        $streams = & { Test-ConfigCatWebhook -Headers $request.Headers -Body $body -SigningKey $primaryKey, $secondaryKey -Details -Verbose -Debug -InformationAction Continue } *>&1
        $result = @($streams | Where-Object { $_ -is [ConfigCat.Engine.Webhooks.WebhookVerificationResult] })
        $result.Count | Should -Be 1
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 1 -Because 'the verdict is written to Verbose'
        $text = ($streams | Out-String) + ($result | ConvertTo-Json -Depth 5) + ($result | Format-List * | Out-String) + "$result"
        $text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'appears in no error record of wrong usage, nor in $Error' {
        $secret = $primaryKey.Substring('configcat_whsk_'.Length)
        $Error.Clear()
        $record = $null
        try { Test-ConfigCatWebhook -Headers 'not headers' -SigningKey $primaryKey } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $text = ($record | Out-String) + ($record | Format-List * -Force | Out-String) + ($record.InvocationInfo | Format-List * -Force | Out-String) +
            ($record.InvocationInfo.BoundParameters | ConvertTo-Json -Depth 3) + ($Error | Out-String)
        $text | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'Get-Help about_ConfigCat' {
    It 'explains webhook verification' {
        $about = Get-Help about_ConfigCat | Out-String
        $about | Should -Match 'Test-ConfigCatWebhook'
        $about | Should -Match 'ConfigCat.MissingSigningKey'
    }
}

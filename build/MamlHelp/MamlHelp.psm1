<#
The help generator behind build/New-MamlHelp.ps1, in parts: the markdown reader, the cmdlet page reader, the code's
metadata, the validator, the skeleton of a missing page, and the MAML and about_ writers. Problems found in the docs
are collected (HelpProblem.ps1) rather than thrown, so one run lists all of them.
#>
Set-StrictMode -Version Latest

foreach ($part in 'HelpProblem', 'MarkdownReader', 'CommandPageReader', 'CommandMetadata', 'DocsValidator', 'PageSkeleton', 'MamlWriter', 'AboutWriter') {
    . (Join-Path $PSScriptRoot "$part.ps1")
}

Export-ModuleMember -Function @(
    'Add-HelpProblem', 'Get-HelpProblem', 'Clear-HelpProblem'
    'Read-MarkdownFile', 'ConvertTo-Paragraph'
    'Read-CommandPage'
    'Get-CodeParameter', 'Get-SyntaxText'
    'Test-PageAgainstCode', 'Test-ModulePage'
    'New-PageSkeleton'
    'Write-MamlHelpFile'
    'Convert-AboutTopic'
)

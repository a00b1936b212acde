# Invoke-BatchSearch -IndexMap for the project's Zebra test server (the PowerShell form of SruIndexMap.Zebra, also the preset -IndexMap Zebra):
# OCLC numbers in local.oclc, whole authority headings anchored in local.heading or the see-from local.seeFrom,
# authority record numbers in local.arn (deliberately not indexed: an: keys get SRU diagnostic 16).
@{
    OclcNumber            = 'local.oclc'
    Heading               = 'local.heading'
    PersonalName          = 'local.heading'
    CorporateName         = 'local.heading'
    AuthorityRecordNumber = 'local.arn'
    AnchorWholeHeadings   = 'true'
    SeeFrom               = 'local.seeFrom'
}

"""OrgModel persistence package."""

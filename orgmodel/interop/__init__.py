"""OrgModel interop package."""

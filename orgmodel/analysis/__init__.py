"""OrgModel analysis package."""

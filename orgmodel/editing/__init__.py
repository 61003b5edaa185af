"""OrgModel editing package."""

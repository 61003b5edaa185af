"""OrgModel reporting package."""

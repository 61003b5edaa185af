"""OrgModel sim package."""

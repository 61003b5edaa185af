"""OrgModel ui package."""

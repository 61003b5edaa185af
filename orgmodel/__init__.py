"""OrgModel: model engineering organisations and simulate their operational load."""

__version__ = "0.1.0"

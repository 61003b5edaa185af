"""File > Import and File > Export: Backstage catalogs, CSV rosters, graph formats, reports."""

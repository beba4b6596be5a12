"""The companion's screens: dashboard, writing, checking and building, creating a project, help."""

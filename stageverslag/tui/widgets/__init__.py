"""Reusable widgets of the companion: they show what the screens give them and post messages upward."""

"""Errors a user can act on. Their message is Dutch and is shown without a traceback (exit status 2)."""


class UserError(Exception):
    """A problem with the user's input, files or configuration; ``str(err)`` is the Dutch message."""

    exit_code = 2


class InputError(UserError):
    """A file that cannot be read as a report (not a .docx, encrypted, a bomb, empty, ...)."""

    def __init__(self, path, message: str):
        self.path = str(path)
        self.reason = message
        super().__init__(f"{self.path}: {message}")


class ProfileError(UserError):
    """A broken handbook profile; the message names the field."""


class ConfigError(UserError):
    """A missing or broken project configuration."""

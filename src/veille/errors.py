"""What can go wrong, told in the user's terms.

    VeilleError
    ├── BadInput      a record or file that cannot be analysed (empty, binary, not JSON, no text)
    ├── StoreError    the database cannot be opened or written
    └── BadSettings   veille.toml, a VEILLE_* variable or a flag holds a value veille cannot use
"""


class VeilleError(Exception):
    """Base of every error veille raises on purpose; its message is one line for the user."""


class BadInput(VeilleError):
    def __init__(self, record: str, reason: str) -> None:
        super().__init__(f"{record}: {reason}")
        self.record = record
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # so that it crosses to another process whole
        return BadInput, (self.record, self.reason)


class StoreError(VeilleError):
    pass


class BadSettings(VeilleError):
    pass

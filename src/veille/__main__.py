"""`python -m veille`: the same as the `veille` command."""

from .cli import main

if __name__ == "__main__":
    main()

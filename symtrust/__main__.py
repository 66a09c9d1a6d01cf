"""``python -m symtrust``: the same as the ``symtrust`` command."""

from symtrust.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m kg`` runs the command-line interface."""

from kg.cli import cli

__all__ = ["cli"]

if __name__ == "__main__":
    cli()

"""Command line: `python -m model.schema` rewrites `proposals/proposal.schema.json`, the JSON Schema that editors
use for autocompletion, from the pydantic models in `model.data.schema`."""
from __future__ import annotations

from pathlib import Path

from model.data.schema import write_json_schema


def main() -> None:
    target = Path(__file__).resolve().parent.parent / "proposals" / "proposal.schema.json"
    write_json_schema(target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()

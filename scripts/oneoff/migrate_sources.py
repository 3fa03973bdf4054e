"""One-off migration (kept for the record): move every inline `sources:` list of
proposals/*.yaml and data/*.yaml into one registry, proposals/_sources/, merging
definitions of the same document and renaming citations to one id per document."""
import collections, re, sys
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["defp-armed-neutrality", "minsk-ii", "istanbul-2022-draft", "us-28-point-draft", "e3-counterproposal",
         "telegraph-24-point-plan", "geneva-framework", "20-point-framework", "ukraine-position", "russia-position",
         "reference_figures", "ceasefire_comparators"]
FILES = [ROOT / "proposals" / f"{n}.yaml" for n in ORDER[:10]] + [ROOT / "data" / f"{n}.yaml" for n in ORDER[10:]]
# Same id, different document: give the later one its own id.
SPLIT = {("ukraine-position", "interfaxua-2025-11-21"): "interfaxua-2025-11-21-zelensky"}
# Grades decided once for documents that carried different ones (see the closing note of issue 7).
OVERRIDE = {
    "defp-2025-02-18": {"reliability": "medium"},
    "latimes-1988-08-20": {"reliability": "high"},
    "latimes-1988-08-21": {"reliability": "high"},
}
FIELD_ORDER = ["id", "title", "publisher", "date", "date_note", "url", "seed", "kind", "reliability", "reliability_note"]

defs = collections.defaultdict(list)   # location -> [(file stem, source dict)]
renames = collections.defaultdict(dict)  # file stem -> {old: new}
for f in FILES:
    data = yaml.safe_load(f.read_text())
    for s in data.get("sources", []):
        key = (f.stem, s["id"])
        if key in SPLIT:
            renames[f.stem][s["id"]] = SPLIT[key]
            s = {**s, "id": SPLIT[key]}
        defs[s.get("url") or s.get("seed")].append((f.stem, s))

registry = {}
for loc, group in defs.items():
    canonical = dict(group[0][1])
    for _, other in group[1:]:
        for k, v in other.items():
            if canonical.get(k) in (None, "") and v not in (None, ""):
                canonical[k] = v
    canonical.update(OVERRIDE.get(canonical["id"], {}))
    if canonical["id"] in registry:
        sys.exit(f"id {canonical['id']} names two documents")
    registry[canonical["id"]] = canonical
    for stem, other in group:
        if other["id"] != canonical["id"]:
            renames[stem][other["id"]] = canonical["id"]
    if not canonical.get("date") and not canonical.get("date_note"):
        pass


def dump(sources):
    out = ["# The registry of sources: every document any proposal or data file cites, defined once.",
           "# Cite by id. Run `python -m model.validate`: it rejects an id or a document defined twice in different ways.",
           "sources:"]
    for s in sources:
        ordered = {k: s[k] for k in FIELD_ORDER if s.get(k) not in (None, "")}
        text = yaml.safe_dump([ordered], sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
        out.append("\n".join("  " + line for line in text.rstrip().splitlines()))
    return "\n".join(out) + "\n"

reg_dir = ROOT / "proposals" / "_sources"
reg_dir.mkdir(exist_ok=True)
(reg_dir / "registry.yaml").write_text(dump(sorted(registry.values(), key=lambda s: s["id"])), encoding="utf-8")

for f in FILES:
    text = f.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.startswith("sources:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "-", "\n", "#", ""))
    lines[start:end] = []
    text = "".join(lines)
    for old, new in renames[f.stem].items():
        text, n = re.subn(rf"(source: ){re.escape(old)}(\s)", rf"\g<1>{new}\2", text)
        print(f.stem, old, "->", new, n)
    f.write_text(text, encoding="utf-8")
print(len(registry), "sources in the registry")

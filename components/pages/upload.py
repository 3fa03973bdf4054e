"""Bring your own proposal (page "Add a proposal", /upload): a YAML file checked by the
same validator as `python -m model.validate` (`model.data.loader.check_upload`), which joins
the comparison for this browser session only.

Where an upload lives: `st.session_state[UPLOADS_KEY]` (this session's memory). It is never
written to disk, never put in a process-wide cache, never visible to another session, and
gone when the session ends. `with_session_uploads` (called in app.py) merges it into the
catalogue every page receives, so it appears in every view and in the sidebar choices."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import streamlit as st

from components.state.context import Context
from components.render.safe_text import md
from model.data.loader import Catalogue, check_upload, proposals_dir, with_extra
from model.data.plain_problems import sentence
from model.data.schema import Proposal
from model.data.yaml_source import MAX_BYTES, Problem, YamlError, parse_yaml

UPLOADS_KEY = "uploaded_proposals"  # id -> Proposal, this session only
RESULT_KEY = "upload_result"
WIDGET_KEY = "upload_file"
MARK = "uploaded by you, this session only"
SHORT_MARK = "Yours: "
MAX_UPLOADS = 10  # per session: each is held in this session's memory
EXAMPLE_ID = "us-28-point-draft"


@dataclass(frozen=True)
class Result:
    """What happened to one upload: added (proposal set) or refused (message and problems)."""

    name: str
    proposal: Proposal | None = None
    message: str = ""
    problems: tuple[Problem, ...] = ()
    replaced: bool = False


def session_uploads() -> list[Proposal]:
    return list(st.session_state.get(UPLOADS_KEY, {}).values())


def with_session_uploads(catalogue: Catalogue) -> Catalogue:
    """The catalogue every page receives: the loaded proposals plus this session's uploads."""
    return with_extra(catalogue, session_uploads())


def without_uploads(catalogue: Catalogue) -> Catalogue:
    """The catalogue as everybody else sees it (the quiz uses it, so a seed means the same quiz for a whole class)."""
    mine = {p.id for p in session_uploads()}
    return replace(catalogue, proposals=tuple(p for p in catalogue.proposals if p.id not in mine)) if mine else catalogue


def is_upload(proposal: Proposal) -> bool:
    return proposal.title.endswith(f"({MARK})")


def marked(proposal: Proposal) -> Proposal:
    """The proposal as every view shows it: its short name and title say it is this session's upload."""
    return proposal.model_copy(update={"short_name": SHORT_MARK + proposal.short_name, "title": f"{proposal.title} ({MARK})"})


def _declared_id(raw: bytes) -> object:
    try:
        data = parse_yaml(raw, "upload").data
    except YamlError:
        return None
    return data.get("id") if isinstance(data, dict) else None


def receive(name: str, size: int, read: Callable[[], bytes], base: Catalogue, uploads: list[Proposal]) -> Result:
    """Check one uploaded file. `read` is called only when the file is small enough (the size is refused
    before anything is read or parsed). An upload with the id of one of this session's uploads replaces it."""
    if size > MAX_BYTES:
        return Result(name, message=f"“{name}” is {size:,} bytes; files over 1 MB ({MAX_BYTES:,} bytes) are refused "
                                    "without being read. A proposal file is usually under 50 kB.")
    if len(uploads) >= MAX_UPLOADS:
        return Result(name, message=f"This session already holds {MAX_UPLOADS} uploads: remove one below to add another.")
    raw = read()
    declared = _declared_id(raw)
    others = [p for p in uploads if p.id != declared]
    proposal, problems = check_upload(raw, name, with_extra(base, others))
    if proposal is None:
        count = len(problems)
        return Result(name, message=f"“{name}” was not added: {count} problem{'s' if count != 1 else ''} to fix.", problems=tuple(problems))
    return Result(name, proposal=marked(proposal), replaced=len(others) < len(uploads))


def _on_upload(base: Catalogue) -> None:
    """Callback (runs before the script, so the sidebar selection can still be changed)."""
    file = st.session_state.get(WIDGET_KEY)
    if file is None:
        return
    uploads: dict[str, Proposal] = dict(st.session_state.get(UPLOADS_KEY, {}))
    result = receive(file.name, file.size, file.getvalue, base, list(uploads.values()))
    st.session_state[RESULT_KEY] = result
    if result.proposal is not None:
        uploads[result.proposal.id] = result.proposal
        st.session_state[UPLOADS_KEY] = uploads
        chosen = list(st.session_state.get("sel_proposals", []))
        if result.proposal.id not in chosen:
            st.session_state["sel_proposals"] = [*chosen, result.proposal.id]


def _remove(pid: str) -> None:
    uploads = dict(st.session_state.get(UPLOADS_KEY, {}))
    uploads.pop(pid, None)
    st.session_state[UPLOADS_KEY] = uploads
    st.session_state["sel_proposals"] = [p for p in st.session_state.get("sel_proposals", []) if p != pid]
    st.session_state[RESULT_KEY] = None


def problem_line(problem: Problem, taxonomy=None) -> str:
    """One problem as a sentence (`model.data.plain_problems`): its line, the field in words, what to do (escaped)."""
    where, _, rest = sentence(problem, taxonomy).partition(": ")
    return f"- **{md(where)}**: {md(rest)}"


def _show_result(result: Result | None, taxonomy=None) -> None:
    if result is None:
        return
    if result.proposal is not None:
        verb = "replaced your earlier upload with the same id" if result.replaced else "added to the comparison"
        st.success(f"**{md(result.proposal.short_name)}** {verb}: it is now one of the proposals in the sidebar, "
                   f"on Compare, Charts, Points, Versions, Timeline and Sources ({MARK}).", icon=":material/check_circle:")
        return
    st.error(md(result.message), icon=":material/error:")
    if result.problems:
        st.markdown("\n".join(problem_line(p, taxonomy) for p in result.problems))
        st.caption("These are the same checks every proposal on this site passes. "
                   "Fix them all, save, and upload the file again.")


def _example() -> bytes:
    path = proposals_dir() / f"{EXAMPLE_ID}.yaml"
    return path.read_bytes() if path.is_file() else b""


def render(context: Context) -> None:
    st.title("Add a proposal")
    st.caption("Bring your own plan: upload a proposal file (YAML) and compare it with the others. "
               f"It stays in this browser tab only ({MARK}): it is never saved on the server, nobody else "
               "can see it, and it is gone when you close or reload the tab.")
    base = without_uploads(context.catalogue)
    st.file_uploader("Proposal file (.yaml, at most 1 MB)", type=["yaml", "yml"], key=WIDGET_KEY,
                     on_change=_on_upload, args=(base,), max_upload_size=1,
                     help="The file is checked exactly like a file in the project's proposals/ folder: every area of "
                          "the taxonomy, every source cited, quotes from seed documents word for word.")
    _show_result(st.session_state.get(RESULT_KEY), context.catalogue.taxonomy)

    uploads = session_uploads()
    st.subheader(f"Your uploads in this session ({len(uploads)})")
    if not uploads:
        st.info("Nothing uploaded yet. A valid file appears here and in every view.", icon=":material/upload_file:")
    for p in uploads:
        with st.container(border=True):
            st.markdown(f"**{md(p.short_name)}** · {md(p.date)} · id `{p.id}`  \n{md(p.summary)}")
            st.caption(MARK)
            st.button("Remove from this session", key=f"remove_upload_{p.id}", on_click=_remove, args=(p.id,),
                      icon=":material/delete:")

    with st.expander("How to write a proposal file"):
        st.markdown(
            "1. Start from an existing proposal (the download below), change `id` to a new one "
            "(lowercase letters, digits and hyphens) and the header fields.\n"
            "2. Give every issue area a position (summary, evidence, coded value, citations) or "
            "`not_addressed: true` with a reason.\n"
            "3. Cite sources from the Sources page by id, or add your own under `sources` (with a URL).\n"
            "4. Upload it here: every problem is listed with its line number.")
        example = _example()
        if example:
            st.download_button("Download an example file to edit", example, file_name=f"{EXAMPLE_ID}.yaml",
                               mime="application/x-yaml", icon=":material/download:", on_click="ignore")

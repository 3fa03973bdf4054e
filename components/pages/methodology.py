"""Methodology page: how positions are coded, how colours are computed, what
'contested' and the evidence levels mean, and how to add or correct a proposal."""
from __future__ import annotations

import streamlit as st

from components.state.context import Context
from components.views.coverage_note import show_note
from components.render.matrix import CSS, legend_html
from components.render.safe_text import md
from model.analysis.compare import PLACEMENTS, references


CONTRIBUTORS = """
Copy an existing file in `proposals/`, give it a new `id` (the file name must match), fill every area (a position or
`not_addressed: true` with a reason), cite every position (sources are defined once, in `proposals/_sources/`), and run
`python -m model.validate`. It prints `N proposals OK`, or one line per problem as `file:line: field: message`.
No code change is needed: the app picks the file up on its next rerun. The README has the details. To report an error,
open an issue naming the proposal, area and source.
"""


def render(context: Context) -> None:
    taxonomy = context.catalogue.taxonomy
    st.title("Methodology")
    st.markdown("""
**What this is.** Each proposal is one data file, summarised in our own words, with every position tied to sources: short
exact quotes, the publisher, the date and a link (or a document kept with the app, readable on the Sources page). Nothing on
screen is typed into the app; it is all computed from those files.

**How positions are coded.** For each of the eleven issue areas a proposal either takes a position or is recorded as
*not addressed*, with the reason; silence is never a blank. Where a version exists but that part of its text was never
made public, the cell says *not known* instead, and it never counts as agreement on the "only differences" view. Where an area has an ordered scale (listed below), the position is
also coded as one step on that scale; the coding note under a position explains judgement calls. Numbers (troop caps, buffer-zone
widths, monitors) are stored as the source gives them, with a qualifier (exact, about, at most, at least).

**How colours are computed.** Each scale is ordered from the outcome Ukraine has sought (first step) to the outcome Russia has
sought (last step); this order is the taxonomy's reading convention and implies no judgement. A coded cell is coloured by its
**own step** on its area's scale, and nothing else: step 1 of 5 is always the same purple, step 5 of 5 the same orange,
whichever proposal it belongs to. The colours are ColorBrewer's *PuOr* classes (safe for colour-blind readers, readable in
print, and neither party's flag colours), and every coloured cell also shows "Step k of n", the step's words and a strip of the
scale's steps with its own step raised, so nothing depends on colour alone.

**Where the parties stand.** Under each coloured cell, **U** and **R** mark where Ukraine's and Russia's stated positions sit on
the same scale. Each party's position is a series of dated snapshots (Versions and Timeline pages show how they moved). By
default the markers use the latest snapshots; the sidebar's "Parties' stated positions as of" (or `as_of=YYYY-MM` in a link)
uses the snapshot each party had stated by that month. The markers are context, not the basis of the colour: a cell is never
coloured by its distance to one party.

**Cells without colour.** *Not addressed*: the text is silent on the area (hatched grey, with the reason). *Not known*: the
text exists but that part was never made public (hatched grey). A white cell is addressed but not coded on a scale: it says so in
words ("Not coded on a scale", or "No scale: read the text" for humanitarian and implementation terms). Where a number exists
(an army cap), the cell shows the number first and the step second.
""")
    st.html(CSS + legend_html(list(PLACEMENTS), references(context.catalogue.proposals, taxonomy, context.selection.as_of)))
    st.markdown("""
**Two different questions: how a document came out, and how each cell is known.** The badge under a column's name says how
the *whole document* came out: published by its authors (a government text), a published paper (non-governmental, e.g. a think
tank's), published by one side only (e.g. a joint text released by one negotiating party), a leaked draft, described in news
reports, or set out in speeches and statements. A cell's border and badge say how *that cell's content* is known: *from the text*
(solid border), *from news reports* (dashed), *from statements* (dotted), or *never made public* (double). They can differ: a
party's position set out in statements can rest, area by area, on a memorandum whose text was handed over.

**Contested.** A claim is marked ⚠ contested when a named party or source disputes it, or when it rests only on a low-reliability
source. The app shows who says what, with citations for each side, and never repeats a contested claim as fact.

**Source reliability.** *High*: official texts and major wires or outlets. *Medium*: regional or secondary outlets, and state
media used only as evidence of what its own government says. *Low*: aggregators, mirrors and re-publishers, used only with a
corroborating source. The seed documents are described one by one on the Sources page; one of them (000) contains statements other
sources contradict, and one (004) is a partisan opinion piece.

**Region statuses on the maps.** Each proposal gives each region one status, from *Ukrainian* to *Russian de jure* in
the taxonomy's order, and the map names every status in its legend (and on hover), so colour is never the only cue.
*Held by Russia, not recognised* means the text leaves a region Russian-held in fact without asking anyone to recognise
that control (for example a region wholly behind a frozen front line); it is drawn as a plain light-orange fill.
*Russian de facto* means the text has the region recognised as Russian de facto; it is drawn in the stronger orange, and
*Russian de jure* (legal recognition) in dark orange. A region split by the line of contact is drawn hatched. One status
key always means one thing: control without recognition is never coded as de facto recognition.

**Coverage.** The "Data as of" line at the top of every page is the date of the newest event the files reflect;
later developments are not included.

**How "most resembles" is computed (Build a plan).** The plan builder compares a plan with every proposal over the coded
fields both give. Each area with a scale counts once: the steps between the two choices divided by the scale's length
(steps − 1), so 0 is the same step and 1 is opposite ends. Foreign troops in Ukraine (allowed, limited, banned) counts
once the same way when both code it, on that order. The army cap counts once when both give a number: the difference of
the base-10 logarithms of the two caps, at most 1 (600,000 against 800,000 gives 0.12; a factor of ten or more gives 1). The
regions count once together: for each region both give an ordered status (from *Ukrainian* to *Russian de jure*, in the
taxonomy's order), the steps apart divided by the number of statuses minus one, averaged over those regions. The distance is
the mean of these numbers, from 0 to 1. A proposal is ranked only when it shares at least three such fields with the plan (all of
them, when the plan codes fewer); ties go to the proposal sharing more fields, then to the newer one. The builder also checks
each party's stated red lines, listed with their sources in the stated-position files as a condition on one field, for the
same snapshots as the **U** and **R** markers.

""")
    st.subheader("Data coverage", anchor="data-coverage")
    show_note(context.catalogue)
    with st.expander("For contributors: how to add or correct a proposal"):
        st.markdown(CONTRIBUTORS)
    st.subheader("The scales")
    for area in taxonomy.areas:
        if area.scale:
            steps = " → ".join(f"{i + 1}. {md(t.label)}" for i, t in enumerate(area.scale))
            st.markdown(f"**{md(area.title)}** (field {md(area.scale_field)}): {steps}")
        else:
            st.markdown(f"**{md(area.title)}**: no scale; compare the texts.")

"""Baseline for first render: the same kinds of widgets as Compare and nothing else (no data, no logic):
a sidebar with two multiselects and a selectbox, a toggle, a 90 kB HTML table and a download button."""
import streamlit as st

options = [f"option-{i}" for i in range(25)]
with st.sidebar:
    st.multiselect("Proposals", options, default=options[:4])
    st.multiselect("Areas", options[:11], default=options[:11])
    st.selectbox("As of", ["latest", "2024-06"])
st.title("Baseline with Compare's widgets")
st.toggle("Only differences")
cells = "".join(f"<td>{'text ' * 60}</td>" for _ in range(4))
st.html("<table>" + "".join(f"<tr><th>row {r}</th>{cells}</tr>" for r in range(11)) * 6 + "</table>")
st.download_button("Download", "a,b\n1,2\n", file_name="x.csv")

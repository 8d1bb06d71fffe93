"""The one-page recovery sheet: the recovery key of an encrypted database, to print and keep.

It holds the key (large, in groups), which file it opens, how to use it, and the plain
warning that without the passphrase and this key nobody can open the data.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from mentor_desktop.reports.pipeline import PageSize, Report, write_pdf

CSS = """
h1 { font-size: 17pt; margin-bottom: 2px; }
p { font-size: 10.5pt; margin-top: 6px; }
.key { font-family: 'DejaVu Sans Mono'; font-size: 17pt; font-weight: bold; }
.box { border: 1px solid #444; padding: 10px; }
.warn { font-weight: bold; }
.small { font-size: 9pt; color: #333; }
"""


def recovery_sheet_report(recovery_key: str, db_path: Path, made_on: date) -> Report:
    groups = recovery_key.split("-")
    half = len(groups) // 2
    lines = "<br/>".join("&nbsp;&nbsp;".join(part) for part in (groups[:half], groups[half:]))
    html = f"""
<h1>Mentor Desktop recovery sheet</h1>
<p>This key opens the encrypted database <b>{escape(db_path.name)}</b> (in
{escape(str(db_path.parent))}) without its passphrase. It was made on
{made_on:%d %B %Y}; changing the passphrase makes a new key, and this one stops working.</p>
<table class="box" width="100%" cellpadding="12"><tr><td align="center">
<span class="key">{lines}</span></td></tr></table>
<p><b>To use it:</b> start Mentor Desktop and type the key (with or without the dashes)
where it asks for the passphrase, or give it to a command with
<code>--passphrase-file</code>. Then choose a new passphrase in Preferences &gt; Privacy.</p>
<p class="warn">Without the passphrase and without this recovery key nobody can open the
database: not you, not Mentor Desktop, not anyone.</p>
<p>Anyone who has this sheet and a copy of the file can read everything in it. Keep the
sheet somewhere safe, away from the computer, and do not keep a photo of it beside the
file.</p>
<p class="small">For other tools: the database is an SQLCipher 4 file; the key is its raw
key: PRAGMA key = "x'&lt;the 64 digits without dashes&gt;'".</p>
"""
    return Report(title="Mentor Desktop recovery sheet", html=html, css=CSS)


def write_recovery_sheet(
    recovery_key: str,
    db_path: Path,
    path: Path,
    made_on: date | None = None,
    page_size: PageSize | None = None,
) -> int:
    """Write the sheet to the PDF `path` (only the owner may read it); returns the pages."""
    report = recovery_sheet_report(recovery_key, db_path, made_on or date.today())
    pages = write_pdf(report, path, page_size)
    path.chmod(0o600)
    return pages

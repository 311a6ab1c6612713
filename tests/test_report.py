"""`ptpipe report`: the HTML page, its highlighting and escaping, and how it renders in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

import pipeline
from pipeline import cli, emit, ingest, report
from tests.conftest import CORPUS, ROOT

ARTEFACTS = ROOT / "test-artifacts"
HOSTILE = (
    "<script>window.__pwned = true</script> A AMAMS & a <b>CNM</b> pediram R$ 2 milhões para a Bahia "
    '"em 5 de março de 2024". <img src=x onerror="window.__pwned = true">'
)


def _ent(label, canonical, *spans, **attributes):
    return {
        "label": label,
        "canonical": canonical,
        "attributes": attributes,
        "mentions": [{"start": s, "end": e, "text": ""} for s, e in spans],
    }


def _corr(start, end, original, replacement, kind="spelling"):
    return {
        "start": start,
        "end": end,
        "original": original,
        "replacement": replacement,
        "kind": kind,
        "confidence": 0.9,
    }


# text, entities, corrections, expected HTML with the marks' attributes stripped
HIGHLIGHT_CASES = [
    ("a Bahia b", [_ent("STATE", "Bahia", (2, 7))], [], "a <mark>Bahia<tag>STATE</tag></mark> b"),
    ("Bahia", [_ent("STATE", "Bahia", (0, 5))], [], "<mark>Bahia<tag>STATE</tag></mark>"),
    # a correction inside a mention is drawn inside the mark
    (
        "a Confederaççao Nacional",
        [_ent("ORG", "CNM", (2, 24))],
        [_corr(2, 15, "Confederaççao", "Confederação")],
        "a <mark><fix><del>Confederaççao</del><ins>Confederação</ins></fix> Nacional<tag>ORG</tag></mark>",
    ),
    # a correction outside any mention, and a quiet one (spacing) drawn as what was read
    (
        "o superientende  da",
        [],
        [_corr(2, 15, "superientende", "superintendente"), _corr(15, 17, "  ", " ", "unicode+whitespace")],
        "o <fix><del>superientende</del><ins>superintendente</ins></fix><quiet> </quiet>da",
    ),
    # overlapping mentions: the earlier, longer one wins; nested marks are never written
    (
        "Prefeitura de Recife",
        [_ent("ORG", "Prefeitura de Recife", (0, 20)), _ent("LOC", "Recife", (14, 20))],
        [],
        "<mark>Prefeitura de Recife<tag>ORG</tag></mark>",
    ),
    # two mentions side by side stay two marks
    (
        "AMAMSCNM",
        [_ent("ORG", "AMAMS", (0, 5)), _ent("ORG", "CNM", (5, 8))],
        [],
        "<mark>AMAMS<tag>ORG</tag></mark><mark>CNM<tag>ORG</tag></mark>",
    ),
    # a correction that starts inside one mention and ends in the next belongs to the first
    (
        "ab cd",
        [_ent("ORG", "x", (0, 3)), _ent("ORG", "y", (3, 5))],
        [_corr(2, 4, " c", "-c")],
        "<mark>ab<fix><del> c</del><ins>-c</ins></fix><tag>ORG</tag></mark><mark>d<tag>ORG</tag></mark>",
    ),
    # out-of-bounds spans are ignored rather than drawn wrong; text is escaped
    ("<b>&", [_ent("ORG", "x", (2, 99))], [_corr(5, 9, "x", "y")], "&lt;b&gt;&amp;"),
]


def _plain(markup: str) -> str:
    """The highlight's HTML with the marks' attributes and the spans' classes reduced to names."""
    markup = re.sub(r"<mark [^>]*>", "<mark>", markup)
    markup = re.sub(r'<span class="tag">(.*?)</span>', r"<tag>\1</tag>", markup)
    markup = re.sub(r'<span class="fix quiet"[^>]*>(.*?)</span>', r"<quiet>\1</quiet>", markup)
    return re.sub(r'<span class="fix"[^>]*>(.*?)</span>', r"<fix>\1</fix>", markup)


@pytest.mark.parametrize(("text", "entities", "corrections", "expected"), HIGHLIGHT_CASES)
def test_highlight(text, entities, corrections, expected):
    assert _plain(report.highlight(text, entities, corrections)) == expected


@pytest.fixture(scope="module")
def records(nlp):
    texts = [
        ("a", "O superientende da AMAMS recebeu R$ 1,5 milhão da Bahia em 5 de março de 2024."),
        ("b", "O governo de Minas Gerais liberou R$ 300 mil para a saúde e a vacinação."),
        ("hostile", HOSTILE),
        ("empty", ""),
    ]
    return [pipeline.process(text, nlp=nlp, id=i, title=f"<i>{i}</i>") for i, text in texts]


def test_page_escapes_every_text(records):
    page, _ = report.render(records)
    assert page.count("<script>") == 1  # the page's own filter script, nothing from the records
    assert "window.__pwned" in page  # the text is there, as text
    assert "<img" not in page and "<b>CNM" not in page and "<i>" not in page
    assert "&lt;script&gt;window.__pwned = true&lt;/script&gt;" in page
    assert "&lt;i&gt;hostile&lt;/i&gt;" in page


def test_page_is_self_contained(records):
    page, _ = report.render(records)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page and "<link" not in page


def test_summary_counts(records):
    page, summary = report.render(records)
    assert summary.documents == 4
    assert summary.errors == {"empty_document": 1}
    assert summary.labels["MONEY"] == 3 and summary.labels["STATE"] == 3
    # BRL per state: R$ 1,5 milhão with Bahia, R$ 300 mil with Minas Gerais, R$ 2 milhões with Bahia
    assert summary.money_by_state == {"BA": 3_500_000, "MG": 300_000}
    assert summary.themes["saude"] == 1
    assert summary.corrections["spelling"] >= 1
    for section in ('id="summary"', 'id="documents"', "Dinheiro (R$)", "Documentos com erro"):
        assert section in page
    assert page.count('<article class="doc"') == 4
    assert "<del>superientende</del><ins>superintendente</ins>" in page


def test_max_documents_keeps_the_summary_whole(records):
    page, summary = report.render(records, max_documents=1)
    assert summary.documents == 4 and page.count('<article class="doc"') == 1
    assert "Mostrando os primeiros 1 de 4 documentos" in page


def test_flagged_money_stays_out_of_the_chart(nlp):
    # issue 24: an implausible amount is listed apart, never added to a state's bar
    rec = pipeline.process("A Bahia recebe R$ 1,5 milhão e R$ 103 bilhões milhões.", nlp=nlp, id="x")
    page, summary = report.render([rec])
    assert summary.money_by_state == {"BA": 1_500_000}
    assert summary.money_flagged == [("x", "R$ 103 bilhões milhões", 103e15, "over_limit")]
    assert "Valores fora das somas" in page and "acima do limite plausível" in page


def test_dates_show_grain_start_and_end(nlp):
    # issue 23: an interval is named by its ends and shows them, with its grain
    rec = pipeline.process("A feira vai de 13 a 15 de julho, até as 18h.", nlp=nlp, id="d", published_at="2024-03-15")
    page, _ = report.render([rec])
    assert 'title="DATE: 2024-07-13/2024-07-15"' in page
    assert "grain: day; start: 2024-07-13; end: 2024-07-15" in page


@pytest.mark.parametrize(
    ("value", "text"),
    [(2_321_286_890, "R$ 2,3 bi"), (1_500_000, "R$ 1,5 mi"), (300_000, "R$ 300,0 mil"), (12, "R$ 12")],
)
def test_money_labels(value, text):
    assert report._brl_short(value) == text


def test_cli_report(tmp_path, records, capsys):
    out = tmp_path / "out.jsonl"
    with emit.JsonlWriter(str(out)) as writer:
        for rec in records:
            writer.write(rec)
    html_path = tmp_path / "r.html"
    assert cli.main(["report", str(out), "-o", str(html_path), "--title", "Teste"]) == 0
    assert "<title>Teste</title>" in html_path.read_text(encoding="utf-8")
    assert "4 documents" in capsys.readouterr().err
    assert cli.main(["report", str(tmp_path / "missing.jsonl"), "-o", str(html_path)]) == 2
    assert "cannot write the report" in capsys.readouterr().err


# --- in a real browser ---------------------------------------------------------------------

# Appended to a copy of the report: measures what Chromium laid out and writes it into the DOM,
# which `--dump-dom` then prints.
HARNESS = """<script>
(function(){
  function vis(el){ if(!el) return false; var b=el.getBoundingClientRect();
    return b.width>0 && b.height>0 && getComputedStyle(el).visibility!=='hidden'; }
  var r={}, marks=[].slice.call(document.querySelectorAll('mark.ent'));
  r.sections=['summary','documents'].filter(function(id){return vis(document.getElementById(id))});
  r.charts=[].slice.call(document.querySelectorAll('figure.chart svg')).filter(vis).length;
  r.bars=[].slice.call(document.querySelectorAll('figure.chart rect')).filter(vis).length;
  r.marks=marks.length; r.visible_marks=marks.filter(vis).length;
  r.colours={}; marks.forEach(function(m){r.colours[m.getAttribute('data-label')]=getComputedStyle(m).backgroundColor});
  var del=document.querySelector('.fix del'), ins=document.querySelector('.fix ins');
  r.struck=del?getComputedStyle(del).textDecorationLine:null; r.fix_visible=vis(del)&&vis(ins);
  r.articles=document.querySelectorAll('article.doc').length;
  r.count=document.getElementById('count').textContent;
  r.pwned=window.__pwned===true;
  var q=document.getElementById('q'); q.value='AMAMS'; q.dispatchEvent(new Event('input'));
  r.filtered=[].slice.call(document.querySelectorAll('article.doc')).filter(vis).length;
  var out=document.createElement('pre'); out.id='harness'; out.textContent=JSON.stringify(r);
  document.body.appendChild(out);
})();
</script>"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing: `make test` installs Debian's chromium package")
    pytest.skip("chromium is not installed (`make test` installs it as root)")


def _headless(browser: str, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    flags += [
        "--no-first-run",
        "--mute-audio",
        "--disable-extensions",
        "--user-data-dir=" + str(ARTEFACTS / ".chromium"),
    ]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_report_renders_in_chromium():
    browser = _chromium()
    documents = list(ingest.read([str(CORPUS / "releases")]))
    records = list(pipeline.process_many(documents))  # the default model, as `make run`
    records.append(pipeline.process(HOSTILE, id="hostile", title="<script>alert(1)</script>"))
    page, summary = report.render(records)
    ARTEFACTS.mkdir(exist_ok=True)
    page_path = ARTEFACTS / "report.html"
    page_path.write_text(page, encoding="utf-8")
    probe_path = ARTEFACTS / "report-probe.html"
    probe_path.write_text(page.replace("</body>", HARNESS + "</body>"), encoding="utf-8")

    dumped = _headless(browser, "--virtual-time-budget=10000", "--dump-dom", probe_path.as_uri())
    found = re.search(r'<pre id="harness">(.*?)</pre>', dumped.stdout, re.S)
    assert found, f"no harness output; chromium said: {dumped.stderr[-2000:]}"
    seen = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))

    expected_marks = page.count('<mark class="ent"')
    assert seen["sections"] == ["summary", "documents"]
    assert seen["charts"] == 5 and seen["bars"] >= 10  # 2 of them money facts by state and payer (issue 18)
    assert seen["marks"] == expected_marks > 500 and seen["visible_marks"] == expected_marks
    assert seen["colours"]["PER"] == "rgb(170, 156, 252)" and seen["colours"]["MONEY"] == "rgb(228, 231, 210)"
    assert seen["struck"] == "line-through" and seen["fix_visible"]
    assert seen["articles"] == summary.documents == len(documents) + 1
    assert seen["count"] == f"{summary.documents} de {summary.documents} documentos"  # the filter script ran
    assert not seen["pwned"]
    assert 0 < seen["filtered"] < summary.documents

    shot = ARTEFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _headless(browser, "--window-size=1280,2400", f"--screenshot={shot}", page_path.as_uri())
    assert shot.stat().st_size > 50_000  # kept for people to look at: test-artifacts/report.png


def test_money_facts_under_the_text_and_in_the_summary():
    # issue 18: each document's facts in a table under its text; sums by the recipient's state and by payer
    nlp = pipeline.load()
    texts = [
        "O Ministério da Saúde liberou R$ 12,5 milhões para o município de Castanhal (PA) custear cirurgias.",
        "O governo da Bahia não repassou R$ 2 milhões ao município de Juazeiro.",
    ]
    recs = [pipeline.process(t, nlp=nlp, id=str(n), published_at="2024-03-12") for n, t in enumerate(texts)]
    summary = report.Summary()
    for rec in recs:
        summary.add(rec)
    assert summary.facts_by_state == {"PA": 12_500_000}  # the negated transfer is not summed
    assert summary.facts_by_payer == {"Ministério da Saúde": 12_500_000}
    page, _ = report.render(recs)
    assert "Fatos de dinheiro" in page and "custear cirurgias" in page and "por estado que recebe" in page
    assert "repassar (transfer) [não]" in page

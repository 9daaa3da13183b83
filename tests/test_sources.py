"""Reading news sources into Documents: formats, bad inputs, ids, dates, paragraph spans."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import FormatError, InputError
from kg.records import Document
from kg.sources import (
    Notice,
    Skipped,
    document_from_text,
    iter_documents,
    normalize_text,
    paragraphs,
    parse_date,
)

ARTICLE = """\
NATO to boost Iraq mission

By Jane Doe
Feb. 18, 2021

BRUSSELS -- NATO will expand its training mission in Iraq from 500 to around
4,000 personnel, Secretary General Jens Stoltenberg said on Thursday.


The decision follows a rocket attack   on Erbil.
"""


def read(*sources: str | Path, **options) -> list[Document | Skipped | Notice]:
    return list(iter_documents(sources, **options))


def docs(items: list) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- formats -------------------------------------------------------------------------------


def test_txt_is_read_as_clean_paragraphs(tmp_path):
    path = write(tmp_path / "nato.txt", ARTICLE)
    [doc] = read(path)
    assert doc.source == str(path)
    assert doc.title == "NATO to boost Iraq mission"
    assert doc.published == dt.date(2021, 2, 18)
    # Hard-wrapped lines joined, blank-line runs and space runs collapsed.
    assert doc.text.split("\n\n") == [
        "NATO to boost Iraq mission",
        "By Jane Doe",
        "Feb. 18, 2021",
        "BRUSSELS -- NATO will expand its training mission in Iraq from 500 to around "
        "4,000 personnel, Secretary General Jens Stoltenberg said on Thursday.",
        "The decision follows a rocket attack on Erbil.",
    ]


def test_txt_with_one_paragraph_per_line_keeps_the_paragraphs(tmp_path):
    long = "The alliance said the expansion would be gradual and depend on conditions. " * 2
    path = write(tmp_path / "a.txt", f"Short headline here\n{long}\n{long}\nLast one.\n")
    [doc] = read(path)
    assert len(paragraphs(doc.text)) == 4
    assert doc.title == "Short headline here"


def test_markdown_syntax_is_stripped_and_the_words_kept(tmp_path):
    path = write(
        tmp_path / "post.md",
        """\
---
title: "Rocket attack in Erbil"
date: 2021-02-15
url: https://example.org/erbil
---

# Rocket *attack* in Erbil

A **rocket attack** on _Erbil_ killed a [contractor](https://example.org/x "x"),
officials said. See ![the map](map.png) and `the report`.

- first item
- second item

```
code words
```
> quoted words
""",
    )
    [doc] = read(path)
    assert doc.title == "Rocket attack in Erbil"
    assert doc.published == dt.date(2021, 2, 15)
    assert doc.url == "https://example.org/erbil"
    assert doc.text.split("\n\n") == [
        "Rocket attack in Erbil",
        "A rocket attack on Erbil killed a contractor, officials said. See the map and the report.",
        "first item",
        "second item",
        "code words",
        "quoted words",
    ]
    assert "http" not in doc.text and "*" not in doc.text


def test_markdown_heading_becomes_the_title(tmp_path):
    path = write(tmp_path / "a.md", "Erbil attack\n============\n\nA rocket hit the airport.\n")
    [doc] = read(path)
    assert doc.title == "Erbil attack"
    assert doc.text == "Erbil attack\n\nA rocket hit the airport."


def test_html_keeps_visible_text_with_title_date_and_url(tmp_path):
    path = write(
        tmp_path / "page.html",
        """<!doctype html><html><head>
<title>NATO expands Iraq mission | World News</title>
<meta property="article:published_time" content="2021-02-18T10:30:00+01:00">
<link rel="canonical" href="https://example.org/nato">
<style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<p>NATO will <b>expand</b> its mission
   in Iraq.<br>Officials confirmed it.</p>
<noscript>Enable JavaScript</noscript><template><p>hidden template</p></template>
<div hidden>Hidden text</div>
<p>Allies &amp; partners agreed.</p>
</body></html>""",
    )
    [doc] = read(path)
    assert doc.title == "NATO expands Iraq mission | World News"
    assert doc.published == dt.date(2021, 2, 18)
    assert doc.url == "https://example.org/nato"
    assert doc.text.split("\n\n") == [
        "NATO will expand its mission in Iraq.",
        "Officials confirmed it.",
        "Allies & partners agreed.",
    ]


def test_html_without_body_tag_or_closing_head_still_gives_its_text(tmp_path):
    path = write(tmp_path / "bare.html", "<html><head><title>T</title><p>Body text.")
    [doc] = read(path)
    assert (doc.title, doc.text) == ("T", "Body text.")


def test_html_og_title_is_preferred_to_the_page_title(tmp_path):
    path = write(
        tmp_path / "og.html",
        '<title>Headline - Site</title><meta property="og:title" content="Headline"><p>Text.',
    )
    assert read(path)[0].title == "Headline"


def test_html_time_element_dates_the_article_and_article_element_wins(tmp_path):
    path = write(
        tmp_path / "page.htm",
        "<body><div>Subscribe now</div><article><h1>Headline</h1>"
        '<time datetime="2021-02-16">Tuesday</time><p>Body text.</p></article>'
        "<div>Related stories</div></body>",
    )
    [doc] = read(path)
    assert doc.published == dt.date(2021, 2, 16)
    assert doc.title == "Headline"  # no <title>: the first <h1>
    assert "Subscribe" not in doc.text and "Related" not in doc.text
    assert doc.text.startswith("Headline\n\nTuesday")


def test_jsonl_reads_one_article_per_line_and_skips_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First story.", "title": "One", "date": "2021-02-17"}),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Second story.", "date": "2021-02-18T09:00:00Z", "url": "http://x"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [(d.text, d.title, d.published, d.source) for d in docs(items)] == [
        ("First story.", "One", dt.date(2021, 2, 17), f"{path}:1"),
        ("Second story.", None, dt.date(2021, 2, 18), f"{path}:6"),
    ]
    assert docs(items)[1].url == "http://x"
    assert [item for item in items if isinstance(item, Skipped)] == [
        Skipped(str(path), "line 2: not JSON"),
        Skipped(str(path), 'line 4: no "text" field'),
        Skipped(str(path), 'line 5: not a JSON object; write one {"text": ...} per line'),
        Skipped(str(path), 'line 7: "text" is not a string'),
        Skipped(str(path), 'line 8: empty "text"'),
    ]


def test_jsonl_unreadable_date_is_noticed_and_the_article_kept(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": "Story.", "date": "someday"}))
    notice, doc = read(path, default_date=dt.date(2021, 1, 1))
    assert notice == Notice(str(path), "line 1: date 'someday' not understood; write YYYY-MM-DD")
    assert doc.published == dt.date(2021, 1, 1)


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path):
    lines = [json.dumps({"text": "x" * 500}), json.dumps({"text": "Short."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    skipped, doc = read(path, max_bytes=100)
    assert skipped == Skipped(str(path), "line 1: larger than 100 bytes; split that article")
    assert doc.text == "Short." and doc.source == f"{path}:2"


# --- sources -------------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order_known_formats_only(tmp_path):
    write(tmp_path / "news" / "b.txt", "Second.")
    write(tmp_path / "news" / "a.md", "First.")
    write(tmp_path / "news" / "sub" / "c.html", "<p>Third.</p>")
    write(tmp_path / "news" / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "news" / ".hidden.txt", "Hidden.")
    write(tmp_path / "news" / ".git" / "x.txt", "Git.")
    items = read(tmp_path / "news")
    assert [doc.text for doc in items] == ["First.", "Second.", "Third."]
    assert items[2].source == str(tmp_path / "news" / "sub" / "c.html")


def test_directory_without_articles_is_reported(tmp_path):
    write(tmp_path / "empty" / "x.csv", "a,b")
    [skipped] = read(tmp_path / "empty")
    assert skipped.reason == "no .txt, .md, .html, .jsonl files in this directory"


def test_glob_pattern_reads_matching_files(tmp_path):
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "b.txt", "Two.")
    write(tmp_path / "c.md", "Three.")
    assert [doc.text for doc in read(str(tmp_path / "*.txt"))] == ["One.", "Two."]
    assert [doc.text for doc in read(str(tmp_path / "**" / "*.md"))] == ["Three."]


def test_missing_path_and_empty_glob_are_skipped_and_the_batch_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", "Good.")
    items = read(tmp_path / "nope.txt", str(tmp_path / "*.nothing"), good)
    assert items[:2] == [
        Skipped(str(tmp_path / "nope.txt"), "no such file or directory"),
        Skipped(str(tmp_path / "*.nothing"), "no such file or directory"),
    ]
    assert items[2].text == "Good."


def test_unknown_extension_is_skipped(tmp_path):
    path = write(tmp_path / "report.xyz", "Text.")
    assert read(path) == [
        Skipped(str(path), "unknown format .xyz; kg reads .txt, .md, .html, .jsonl")
    ]


def test_stdin_text():
    [doc] = read("-", stdin=io.StringIO("Headline words\n\nBody, on 2021-02-17.\n"))
    assert doc.source == "-"
    assert doc.text == "Headline words\n\nBody, on 2021-02-17."
    assert doc.published == dt.date(2021, 2, 17)


def test_stdin_jsonl():
    stdin = io.StringIO('{"text": "One."}\n{"text": "Two."}\n')
    items = read("-", stdin=stdin, stdin_format="jsonl")
    assert [(doc.text, doc.source) for doc in items] == [("One.", "-:1"), ("Two.", "-:2")]


def test_stdin_bytes_get_the_same_decoding_as_files():
    stdin = io.TextIOWrapper(io.BytesIO("Caf\xe9 owners protest.".encode("cp1252")))
    notice, doc = read("-", stdin=stdin)
    assert isinstance(notice, Notice) and notice.source == "-"
    assert doc.text == "Café owners protest."


def test_empty_stdin_is_skipped():
    assert read("-", stdin=io.StringIO(" \n\n")) == [Skipped("-", "empty input")]


def test_unknown_stdin_format_is_refused_before_reading():
    with pytest.raises(FormatError, match="use text or jsonl"):
        iter_documents(["-"], stdin_format="csv")


def test_sources_are_read_lazily(tmp_path):
    path = write(tmp_path / "a.txt", "Story.")
    items = iter_documents(itertools.repeat(path))  # an endless batch
    assert [doc.text for doc in itertools.islice(items, 3)] == ["Story."] * 3


# --- bad inputs ----------------------------------------------------------------------------


def test_binary_file_is_skipped(tmp_path):
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read(path) == [
        Skipped(str(path), "not a text file (binary content); pass .txt, .md, .html or .jsonl")
    ]


NOT_WESTERN = (
    "not UTF-8, and too little of it is ASCII to read it as Windows-1252 (binary content, "
    "or another encoding); re-save it as UTF-8"
)
BINARY = "not a text file (binary content); pass .txt, .md, .html or .jsonl"


def test_random_bytes_above_ascii_are_refused_not_read_as_latin_1(tmp_path):
    junk = bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(20_000))
    path = write(tmp_path / "junk.txt", junk)
    good = write(tmp_path / "good.txt", ARTICLE)
    skipped, doc = read(path, good)
    assert skipped == Skipped(str(path), NOT_WESTERN)
    assert doc.source == str(good)  # the batch goes on


def test_binary_content_after_the_first_kilobyte_is_found(tmp_path):
    text = ARTICLE.encode() * 20
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    for content in (text + png, text + png + text):
        assert read(write(tmp_path / "mixed.txt", content)) == [
            Skipped(str(tmp_path / "mixed.txt"), BINARY)
        ]


def test_nul_characters_are_removed_with_a_notice_never_silently(tmp_path):
    raw = ARTICLE.encode() * 10
    path = write(tmp_path / "nul.txt", raw[:2000] + b"\x00" * 3 + raw[2000:] + b"\x00")
    notice, doc = read(path)
    assert notice == Notice(
        str(path),
        "4 NUL characters removed (no text holds them); check that the file is not damaged",
    )
    assert "\x00" not in doc.text and doc.text == docs(read(write(tmp_path / "a.txt", raw)))[0].text
    notice, doc = read("-", stdin=io.StringIO(ARTICLE + "\x00"))
    assert notice.message.startswith("a NUL character removed")
    assert doc.text == normalize_text(ARTICLE)


def test_western_text_in_windows_1252_and_latin_1_is_still_read(tmp_path):
    french = "Le président a déclaré à Erbil : « la sécurité d’abord », a-t-il ajouté. " * 80
    german = "Die Bürger in Zürich äußerten sich über die Größe der Straße. " * 80
    for text, encoding in ((french, "cp1252"), (german, "latin-1")):
        path = write(tmp_path / f"{encoding}.txt", text.encode(encoding))
        notice, doc = read(path)
        assert notice.message.startswith("not UTF-8; read as Windows-1252")
        assert doc.text == text.strip()


def test_a_long_utf_16_article_with_a_bom_is_read_and_without_one_refused(tmp_path):
    text = ARTICLE * 50
    with_bom = write(tmp_path / "bom.txt", text.encode("utf-16"))
    without = write(tmp_path / "nobom.txt", text.encode("utf-16-le"))
    doc, skipped = read(with_bom, without)
    assert doc.text == normalize_text(text)
    assert skipped == Skipped(str(without), BINARY)


def test_jsonl_lines_of_binary_or_with_nuls_are_named_by_line(tmp_path):
    junk = bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(300))
    path = write(
        tmp_path / "feed.jsonl",
        b'{"text": "NATO met.\\u0000", "title": "Talks\\u0000"}\n'
        + junk
        + b"\n"
        + b"\x01\x02\x03\x04\x05\x06 not text\n"
        + b'{"text": "Iraq agreed."}\n',
    )
    notice, first, bad, controls, last = read(path)
    assert notice == Notice(
        str(path),
        "line 1: 2 NUL characters removed (no text holds them); check that the file is not damaged",
    )
    assert (first.text, first.title) == ("NATO met.", "Talks")
    assert bad == Skipped(str(path), f"line 2: {NOT_WESTERN}")
    assert controls == Skipped(
        str(path), "line 3: binary content, not text; write one JSON object of UTF-8 text per line"
    )
    assert last.text == "Iraq agreed."


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_skipped(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    assert read(path) == [Skipped(str(path), "empty file")]


def test_latin1_file_is_read_with_a_notice(tmp_path):
    path = write(tmp_path / "latin.txt", "Caf\xe9 in S\xe3o Paulo \xa9 2021.".encode("latin-1"))
    notice, doc = read(path)
    assert notice.source == str(path)
    assert notice.message.startswith("not UTF-8; read as Windows-1252")
    assert doc.text == "Café in São Paulo © 2021."


def test_utf8_bom_and_declared_html_charset_need_no_notice(tmp_path):
    bom = write(tmp_path / "bom.txt", "\ufeffZürich talks.".encode())
    page = write(
        tmp_path / "page.html",
        '<meta charset="iso-8859-1"><p>“Quoted” in Zürich.</p>'.encode("cp1252"),
    )
    utf16 = write(tmp_path / "utf16.txt", "Zürich talks.".encode("utf-16"))
    texts = [item.text for item in read(bom, page, utf16)]
    assert texts == ["Zürich talks.", "“Quoted” in Zürich.", "Zürich talks."]


def test_file_over_the_limit_is_skipped_and_the_batch_goes_on(tmp_path):
    big = write(tmp_path / "big.txt", "word " * 100)
    small = write(tmp_path / "small.txt", "Small.")
    skipped, doc = read(big, small, max_bytes=100)
    assert skipped == Skipped(
        str(big), "larger than 100 bytes; split it into articles (e.g. .jsonl, one per line)"
    )
    assert doc.text == "Small."


def test_default_limit_is_stated_in_megabytes(tmp_path):
    path = write(tmp_path / "big.txt", "x")
    path.write_bytes(b"x" * 10_000_001)
    [skipped] = read(path)
    assert skipped.reason.startswith("larger than 10 MB;")


def test_document_from_text_refuses_empty_text():
    with pytest.raises(InputError):
        document_from_text(" \n ")


# --- ids, dates, paragraphs ----------------------------------------------------------------


def test_same_content_gets_the_same_id_whatever_the_file(tmp_path):
    text = "Troops will leave.\n\nOfficials said so on Monday, adding that the\nplan holds."
    one = write(tmp_path / "one.txt", text)
    two = write(tmp_path / "sub" / "two.txt", text.replace("\n", "\r\n").replace("the\n", "the "))
    three = write(tmp_path / "three.jsonl", json.dumps({"text": text, "id": "xyz"}))
    other = write(tmp_path / "other.txt", text + " Changed.")
    ids = [doc.id for doc in read(one, two, three, other)]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert len(ids[0]) == 32


def test_date_precedence_metadata_then_default_then_dateline(tmp_path):
    default = dt.date(2020, 1, 1)
    dated = write(tmp_path / "a.jsonl", json.dumps({"text": "Feb. 16, 2021", "date": "2021-03-01"}))
    plain = write(tmp_path / "b.txt", "On February 17, 2021, troops left.")
    assert [doc.published for doc in read(dated, plain, default_date=default)] == [
        dt.date(2021, 3, 1),
        default,
    ]
    assert [doc.published for doc in read(plain)] == [dt.date(2021, 2, 17)]


LONG = "Officials met on Monday. " * 3 + "They agreed to talk again next week."


@pytest.mark.parametrize(
    ("closing", "date"),
    [
        (
            "Opening remarks at the Defense Ministerial February 17, 2021. (credit: nato.int)",
            dt.date(2021, 2, 17),
        ),
        ("Reporting by Jane Roe in Baghdad, May 4, 2022.", dt.date(2022, 5, 4)),
        ("The treaty was signed on June 3, 1990.", None),  # a clause: not the article's date
        ("Photo: May 4, 2022.\n\nFile photo: June 1, 2019.", None),  # two days: none
    ],
)
def test_an_article_without_a_date_at_its_head_is_dated_by_its_credit_lines(
    tmp_path, closing, date
):
    article = write(tmp_path / "a.txt", f"Talks end\n\n{LONG}\n\n{LONG}\n\n{LONG}\n\n{closing}")
    assert [doc.published for doc in read(article)] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("February 17, 2021", dt.date(2021, 2, 17)),
        ("Feb. 16, 2021", dt.date(2021, 2, 16)),
        ("Sept. 3 2020", dt.date(2020, 9, 3)),
        ("2021-02-17", dt.date(2021, 2, 17)),
        ("2021-02-17T23:30:00-05:00", dt.date(2021, 2, 17)),
        ("Wed, 17 Feb 2021 10:00:00 GMT", dt.date(2021, 2, 17)),
        ("WASHINGTON, March 1st, 2021 (Reuters) -", dt.date(2021, 3, 1)),
        ("published 2021/2/7", dt.date(2021, 2, 7)),
        ("February 30, 2021", None),
        ("Mayor 17, 2021", None),
        ("Feb. 16", None),
        ("", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


def test_public_names_are_exported():
    import kg.sources

    assert all(hasattr(kg.sources, name) for name in kg.sources.__all__)


def test_headline_is_not_taken_from_a_sentence_or_a_lone_paragraph():
    assert document_from_text("Troops left the base.\n\nMore.").title is None
    assert document_from_text("Troops leave base").title is None
    assert document_from_text("February 17, 2021\n\nTroops left.").title is None


def test_paragraph_spans_slice_back_exactly():
    doc = document_from_text(ARTICLE)
    spans = paragraphs(doc.text)
    assert [doc.text[start:end] for start, end in spans] == doc.text.split("\n\n")
    raw = "  One\ntwo  \n \n\n Three "  # not normalized: spans still exact
    assert [raw[start:end] for start, end in paragraphs(raw)] == ["One\ntwo", "Three"]
    assert paragraphs(" \n ") == []


# --- robustness ----------------------------------------------------------------------------


@given(st.text())
def test_normalized_text_is_stable_and_splits_into_exact_paragraphs(text):
    norm = normalize_text(text)
    assert normalize_text(norm) == norm
    lf_only = text.replace("\r", "")  # so that the next line is a pure LF -> CRLF conversion
    assert normalize_text(lf_only.replace("\n", "\r\n")) == normalize_text(lf_only)
    pieces = [norm[start:end] for start, end in paragraphs(norm)]
    assert "\n\n".join(pieces) == norm
    assert all(piece and piece == piece.strip() and "\n" not in piece for piece in pieces)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    content=st.one_of(st.text(), st.binary()),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]),
)
def test_any_input_yields_records_and_never_raises(tmp_path_factory, content, suffix):
    path = tmp_path_factory.mktemp("any") / f"input{suffix}"
    write(path, content)
    for item in iter_documents([path], max_bytes=2_000):
        assert isinstance(item, (Document, Skipped, Notice))
        if isinstance(item, Document):
            pieces = [item.text[start:end] for start, end in paragraphs(item.text)]
            assert pieces and all(piece.strip() == piece for piece in pieces)
            assert "\n\n".join(pieces) == item.text


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("ERBIL, Iraq, March 3, 2022 — NATO said.", "ERBIL, Iraq, March 3, 2022 — "),
        ("BRUSSELS (Reuters) - NATO will expand.", "BRUSSELS (Reuters) - "),
        ("WASHINGTON – NATO Secretary General", "WASHINGTON – "),
        ("NEW YORK, Feb. 16, 2021 -- Officials said.", "NEW YORK, Feb. 16, 2021 -- "),
        ("NATO - the alliance - said so.", ""),  # an acronym, not a place
        ("US troops - about 2,500 - stay.", ""),
        ("Erbil - a city in Iraq.", ""),
    ],
)
def test_a_dateline_is_parsed_apart_from_the_sentence_it_opens(paragraph, dateline):
    from kg.nlp.pieces import chunk_text

    text = f"Headline\n\n{paragraph}\n\nMore."
    pieces = chunk_text(text)
    assert "".join(pieces) == text
    assert (dateline in pieces) == bool(dateline)
    if dateline:
        assert pieces[pieces.index(dateline) + 1].startswith(paragraph[len(dateline) :])


def test_a_paragraph_longer_than_the_limit_is_cut_after_sentence_ends() -> None:
    from kg.nlp.pieces import chunk_text

    sentence = 'NATO said "the mission grows." Iraq agreed! Did Turkey? '
    text = f"Headline\n\n{(sentence * 20).strip()}\n\nMore."
    pieces = chunk_text(text, limit=200)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) <= 200
    assert pieces[0] == "Headline\n\n" and pieces[-1] == "More."
    assert all(piece.endswith(("? ", "! ", '." ', "?\n\n")) for piece in pieces[1:-1])


def test_a_long_run_without_sentence_ends_is_cut_after_a_space_else_at_the_limit() -> None:
    from kg.nlp.pieces import cut_long

    words = "alpha beta gamma " * 10
    pieces = list(cut_long(words, 40))
    assert "".join(pieces) == words and max(map(len, pieces)) <= 40
    assert all(piece.endswith(" ") for piece in pieces)  # no word is cut
    assert list(cut_long("x" * 95, 40)) == ["x" * 40, "x" * 40, "x" * 15]
    assert list(cut_long("short", 40)) == ["short"]

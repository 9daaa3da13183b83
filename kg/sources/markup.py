"""Plain text and metadata from HTML (stdlib ``html.parser``) and Markdown (light regexes)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from kg.sources.text import one_line, parse_date

# fmt: off
# Elements whose edges are paragraph breaks.
_HTML_BLOCKS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "ol",
    "p", "pre", "section", "summary", "table", "tr", "ul",
})
# Not article text: code, metadata, and page furniture (menus, sidebars, footers, forms).
_HTML_SKIP = frozenset({
    "script", "style", "noscript", "template", "head", "svg", "math", "nav", "aside", "footer",
    "form", "button", "select", "textarea", "iframe", "object", "canvas",
})
# Elements without an end tag.
_HTML_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# fmt: on
_HEAD_ONLY = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date")


class _HTMLText(HTMLParser):
    """Visible text (from ``<article>`` or ``<main>`` when the page has one) and metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "page": []}
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.time: str | None = None
        self.canonical: str | None = None
        self._open = {"article": 0, "main": 0, "h1": 0}
        self._in_title = False
        self._skipping: list[str] = []  # open elements whose content is dropped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = attr.get("property") or attr.get("name") or attr.get("itemprop") or ""
            self.meta.setdefault(key.lower(), attr.get("content", ""))
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.canonical = self.canonical or attr.get("href")
        elif tag == "title":
            self._in_title = not self.title and "svg" not in self._skipping
        elif tag == "body" or (self._skipping == ["head"] and tag not in _HEAD_ONLY):
            self._skipping.clear()  # the body starts, even where </head> is missing
        if tag in _HTML_VOID:
            if tag in ("br", "hr") and not self._skipping:
                self._emit("\n\n")
        elif (
            tag in _HTML_SKIP
            or tag in self._skipping
            or "hidden" in attr
            or attr.get("aria-hidden") == "true"
        ):
            self._skipping.append(tag)
        elif not self._skipping:
            if tag == "time" and self.time is None:
                self.time = attr.get("datetime") or None
            if tag in self._open and (tag != "h1" or not self.h1):
                self._open[tag] += 1
            self._emit_break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._skipping:
            # Also closes what a malformed page left open inside it.
            index = len(self._skipping) - 1 - self._skipping[::-1].index(tag)
            del self._skipping[index:]
        elif not self._skipping:
            if tag in self._open:
                self._open[tag] = max(0, self._open[tag] - 1)
            self._emit_break(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping == ["head"] and data.strip():
            self._skipping.clear()  # text starts the body, as in browsers
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            if self._open["h1"]:
                self.h1.append(data)
            self._emit(_HTML_SPACE.sub(" ", data))

    def _emit_break(self, tag: str) -> None:
        if tag in _HTML_BLOCKS:
            self._emit("\n\n")
        elif tag in ("td", "th"):
            self._emit(" ")

    def _emit(self, text: str) -> None:
        for part in ("article", "main"):
            if self._open[part]:
                self.parts[part].append(text)
        self.parts["page"].append(text)


def read_html(text: str) -> tuple[str, str | None, dt.date | None, str | None]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = ""
    for part in ("article", "main", "page"):
        body = "".join(parser.parts[part])
        if body.strip():
            break
    meta = parser.meta
    title = one_line(meta.get("og:title")) or one_line("".join(parser.title))
    dates = [meta[key] for key in _DATE_META if meta.get(key)] + [parser.time or ""]
    published = next(filter(None, map(parse_date, dates)), None)
    url = parser.canonical or meta.get("og:url")
    return body, title or one_line("".join(parser.h1)), published, one_line(url)


_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_REF_DEF = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
_QUOTE = re.compile(r"\s{0,3}(>\s?)+")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+")
_SOFT_BREAK = re.compile(r"(?<=\S)[^\S\n]*\n[^\S\n]*(?=\S)")
_FRONT_KEY = re.compile(r"(title|date|url)\s*:\s*(.*)", re.I)
_FRONT_LINE = re.compile(r"[\w-]+\s*:|\s|-\s|#|$")
_INLINE = [  # (pattern, replacement), in order: links before emphasis, escapes last
    (re.compile(r"<!--.*?-->|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?://|mailto:)[^>\s]+)>"), r"\1"),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=[^\s\\])\1"), r"\2"),
    (re.compile(r"(?<![\\\w*])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\\\w])_(?=\S)(.+?)(?<=[^\s\\])_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])"), r"\1"),
]


def read_markdown(text: str) -> tuple[str, str | None, dt.date | None, str | None]:
    """Plain text from Markdown: the words stay, the syntax goes; plus front matter."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front, start = _front_matter(lines)
    lines = lines[start:]
    out: list[str] = []
    fence = ""
    heading: str | None = None  # the first heading; "" when text comes before it
    for line in lines:
        if fence:  # code keeps its words; only the fences go
            if (match := _FENCE.match(line)) and match[1][0] == fence[0]:
                fence = ""
                out.append("")
            else:
                out += [line, ""]
        elif match := _FENCE.match(line):
            fence = match[1]
            out.append("")
        elif match := _ATX.match(line):
            words = _inline(match[1] or "")
            if heading is None:
                heading = "" if any(s.strip() for s in out) else words
            out += ["", words, ""]
        elif _SETEXT.match(line) and out and out[-1].strip():
            if heading is None:
                heading = "" if any(s.strip() for s in out[:-1]) else out[-1].strip()
            out.append("")
        elif _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            out.append("")
        else:
            line = _QUOTE.sub("", line, count=1)
            if item := _LIST_ITEM.match(line):
                out.append("")  # each item its own paragraph
                line = line[item.end() :]
            out.append(_inline(line.rstrip("\\")))
            if line.endswith(("  ", "\\")):  # a hard line break
                out.append("")
    title = one_line(front.get("title")) or heading or None
    published = parse_date(front["date"]) if front.get("date") else None
    # Inside a paragraph, a line break is a space.
    text = _SOFT_BREAK.sub(" ", "\n".join(out))
    return text, title, published, one_line(front.get("url"))


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """YAML front matter's title, date and url, and the line where the text starts."""
    end = next((i for i, line in enumerate(lines[1:50], 1) if line.strip() == "---"), 0)
    inside = lines[1:end]
    # Without "key: value" lines, the "---" are rules above the text, not front matter.
    if lines[0].strip() != "---" or not end or not all(map(_FRONT_LINE.match, inside)):
        return {}, 0
    front: dict[str, str] = {}
    for match in filter(None, map(_FRONT_KEY.match, inside)):
        front.setdefault(match[1].lower(), match[2].strip().strip("\"'"))
    return front, end + 1


def _inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line

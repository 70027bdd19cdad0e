#!/usr/bin/env python3
"""The text of a Word file as Word shows it after accepting or rejecting
every tracked change, one paragraph a line (empty paragraphs left out).

usage: docx_text.py FILE.docx accept|reject

accept: the text of w:del (w:delText) is dropped, w:ins kept; a paragraph
whose mark is deleted joins the next one; a table row marked deleted goes.
reject: the text of w:ins is dropped, w:delText kept as text; a paragraph
whose mark is inserted joins the next one; a row marked inserted goes.
A document without tracked changes gives its text either way.  Runs are
read in document order: w:t and w:delText as text, w:tab as a tab, w:br as
" / " (a line break inside a paragraph)."""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def mark_of(el, props):
    """'ins', 'del' or None: the change mark in el's properties element."""
    p = el.find(props)
    if p is None:
        return None
    if props == W + "pPr":
        p = p.find(W + "rPr")
        if p is None:
            return None
    if p.find(W + "ins") is not None:
        return "ins"
    if p.find(W + "del") is not None:
        return "del"
    return None


def paragraph_text(p, mode):
    out = []

    def walk(el, within):
        tag = el.tag
        if tag in (W + "pPr", W + "rPr"):
            return
        if tag == W + "ins":
            within = "ins"
        elif tag == W + "del":
            within = "del"
        if tag == W + "t":
            if not (mode == "reject" and within == "ins"):
                out.append(el.text or "")
        elif tag == W + "delText":
            if mode == "reject":
                out.append(el.text or "")
        elif tag == W + "tab":
            if not (mode == "accept" and within == "del") and not (mode == "reject" and within == "ins"):
                out.append("\t")
        elif tag == W + "br":
            if not (mode == "accept" and within == "del") and not (mode == "reject" and within == "ins"):
                out.append(" / ")
        for child in el:
            walk(child, within)

    walk(p, None)
    return "".join(out)


def paragraphs(body, mode):
    gone = "del" if mode == "accept" else "ins"
    lines = []
    carry = ""

    def walk(el):
        nonlocal carry
        for child in el:
            if child.tag == W + "p":
                text = carry + paragraph_text(child, mode)
                if mark_of(child, W + "pPr") == gone:
                    carry = text       # the paragraph mark goes: joins the next
                else:
                    carry = ""
                    lines.append(text)
            elif child.tag == W + "tr":
                if mark_of(child, W + "trPr") == gone:
                    continue
                walk(child)
            elif child.tag in (W + "tbl", W + "tc", W + "sdt", W + "sdtContent"):
                walk(child)

    walk(body)
    if carry:
        lines.append(carry)
    return [line for line in lines if line.strip()]


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("accept", "reject"):
        sys.stderr.write(__doc__)
        return 2
    with zipfile.ZipFile(sys.argv[1]) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    for line in paragraphs(root.find(W + "body"), sys.argv[2]):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

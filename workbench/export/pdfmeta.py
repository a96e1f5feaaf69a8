"""The PDF's XMP metadata: title, authors, subject, language and sector, for archives and search.

The document information dictionary (title, author...) is set by ``pdf.py``;
archiving tools and PDF/A validators read the XMP packet instead, so the same
facts go there too, as XML in an uncompressed metadata stream.
"""

from __future__ import annotations

from datetime import datetime, timezone
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from workbench.model.feelings import personas_in_order
from workbench.i18n import tr
from workbench.model.journey import Journey
from workbench.model.templates import sector_name

_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
{creator}   <dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keyword_text}</pdf:Keywords>
   <pdf:Producer>Journey Workbench</pdf:Producer>
   <xmp:CreatorTool>Journey Workbench</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def keywords(journey: Journey) -> list[str]:
    """The words a search finds the deliverable by: the field, the sector, every persona's name."""
    lang = journey.language
    words = [tr("customer journey", lang), sector_name(journey.sector, lang), *(p.name for p in personas_in_order(journey.personas) if p.name)]
    return [word for word in words if word]


def keyword_text(words: list[str]) -> str:
    """The keywords as one text (the document's properties): by commas, by semicolons when a keyword has a
    comma of its own ("Karim, 42 ans" read as two keywords)."""
    return ("; " if any("," in word for word in words) else ", ").join(words)


def xmp_packet(journey: Journey, when: datetime | None = None) -> bytes:
    when = when or datetime.now(timezone.utc)
    words = keywords(journey)
    # The authors the journey names, if any (the application is the creator tool, not an author).
    authors = "".join(f"<rdf:li>{escape(a)}</rdf:li>" for a in journey.authors)
    text = _PACKET.format(
        title=escape(journey.title),
        subject=escape(journey.scenario[:500] or journey.title),
        creator=f"   <dc:creator><rdf:Seq>{authors}</rdf:Seq></dc:creator>\n" if authors else "",
        keywords="".join(f"<rdf:li>{escape(w)}</rdf:li>" for w in words),
        keyword_text=escape(keyword_text(words)),
        language=escape(journey.language),
        date=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    return text.encode("utf-8")


def add_xmp(c: Canvas, journey: Journey) -> None:
    """Attach the XMP packet of *journey* to the document's catalogue (uncompressed, as the format asks)."""
    doc = c._doc  # reportlab has no public call for the catalogue's /Metadata
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp_packet(journey), filters=[]
    )
    doc.Catalog.Metadata = doc.Reference(stream)

/* doc_docx_pkg.c - the Word package around a document's body: the parts a
 * WordprocessingML document needs besides word/document.xml, and the zip
 * archive that holds them (Office Open XML, ECMA-376 Part 2).
 *
 * The archive is written by libzip into memory.  Its bytes depend only on
 * the document and on `epoch`: the parts are added in a fixed order
 * ([Content_Types].xml first, as Word writes it), every entry gets the
 * same DOS time computed from `epoch` in UTC (libzip's own
 * zip_file_set_mtime would use the local time zone), and the attributes
 * are set explicitly.  The styles are real Word styles (Title, Subtitle,
 * Heading 1-3, List Bullet, List Number, a table style), so that counsel
 * editing the file keeps its look. */
#include <string.h>
#include <zip.h>

#include "date.h"
#include "doc_docx_int.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* 1980-01-01T00:00:00Z, the earliest time a zip entry can carry. */
#define DX_EPOCH_MIN 315532800LL

const char *dx_iso_time(Arena *a, long long epoch)
{
    if (epoch < DX_EPOCH_MIN)
        epoch = DX_EPOCH_MIN;
    int y, mo, d;
    date_to_civil((int32_t)(epoch / 86400), &y, &mo, &d);
    long long s = epoch % 86400;
    return arena_printf(a, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", y, mo, d, s / 3600,
                        s / 60 % 60, s % 60);
}

/* [Content_Types].xml without its end: header1.xml is named after it
 * when there is one. */
static const char content_types[] =
    XML_HEAD
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
    "relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT "styles+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT "numbering+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT "settings+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT "footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.extended-properties+xml\"/>";

static const char package_rels[] =
    XML_HEAD
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char app_props[] =
    XML_HEAD
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-"
    "properties\"><Application>charterc</Application></Properties>\n";

/* settings.xml without its start: a redline adds w:trackRevisions, so
 * that counsel's own edits are tracked too. */
static const char settings[] =
    "<w:defaultTabStop w:val=\"720\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "</w:settings>\n";

/* Colours are the HTML's: ink 1C2331, muted 5D6675, rule CFD5DD, accent
 * 1D4E7A.  Sizes are in half points, spacing in twentieths of a point. */
#define SERIF "<w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\" w:cs=\"Georgia\"/>"
#define SANS "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
#define RULE(side, sz, color) "<w:" side " w:val=\"single\" w:sz=\"" sz "\" w:space=\"0\" " \
                              "w:color=\"" color "\"/>"
#define PSTYLE(id, name, based, ppr, rpr)                                                   \
    "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>"     \
    "<w:basedOn w:val=\"" based "\"/><w:next w:val=\"Normal\"/><w:qFormat/>"               \
    "<w:pPr>" ppr "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"
/* Heading n is outline level n - 1. */
#define HEADING(n, lvl, before, sz, extra)                                                  \
    PSTYLE("Heading" #n, "heading " #n, "Normal",                                          \
           "<w:keepNext/><w:keepLines/><w:spacing w:before=\"" before "\" w:after=\"80\"/>"  \
           "<w:outlineLvl w:val=\"" #lvl "\"/>",                                             \
           SANS "<w:b/>" extra "<w:sz w:val=\"" sz "\"/>")

static const char styles[] =
    XML_HEAD
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>" SERIF "<w:color w:val=\"1C2331\"/>"
    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault>" /* the language: see below */
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/></w:style>"
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
    "</w:style>"
    PSTYLE("Title", "Title", "Normal", "<w:spacing w:after=\"80\"/>",
           SANS "<w:b/><w:sz w:val=\"40\"/>")
    PSTYLE("Subtitle", "Subtitle", "Normal",
           "<w:pBdr>" RULE("bottom", "12", "1D4E7A") "</w:pBdr><w:spacing w:after=\"280\"/>",
           SANS "<w:color w:val=\"5D6675\"/><w:sz w:val=\"19\"/>")
    HEADING(1, 0, "400", "26", "<w:color w:val=\"1D4E7A\"/>")
    HEADING(2, 1, "280", "22", "")
    HEADING(3, 2, "200", "21", "<w:i/>")
    PSTYLE("ListBullet", "List Bullet", "Normal",
           "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"40\"/>"
           "<w:ind w:left=\"360\" w:hanging=\"360\"/>", "")
    PSTYLE("ListNumber", "List Number", "Normal",
           "<w:numPr><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"40\"/>"
           "<w:ind w:left=\"360\" w:hanging=\"360\"/>", "")
    PSTYLE("TableText", "Table Text", "Normal", "<w:spacing w:after=\"0\" w:line=\"240\" "
           "w:lineRule=\"auto\"/>", "<w:sz w:val=\"18\"/>")
    PSTYLE("TableHeading", "Table Heading", "TableText", "<w:keepNext/>",
           SANS "<w:b/><w:caps/><w:color w:val=\"5D6675\"/><w:sz w:val=\"15\"/>")
    PSTYLE("SignatureParty", "Signature Party", "Normal",
           "<w:keepNext/><w:pBdr>" RULE("top", "12", "1C2331") "</w:pBdr>"
           "<w:spacing w:before=\"240\" w:after=\"0\"/>", "<w:b/>")
    PSTYLE("SignatureWho", "Signature Name", "Normal",
           "<w:keepNext/><w:spacing w:after=\"0\"/>", "<w:color w:val=\"5D6675\"/>")
    PSTYLE("SignatureLine", "Signature Line", "Normal",
           "<w:keepNext/><w:pBdr>" RULE("bottom", "6", "1C2331") "</w:pBdr>"
           "<w:spacing w:before=\"480\" w:after=\"0\"/>", "")
    PSTYLE("SignatureLabel", "Signature Label", "Normal", "<w:keepNext/><w:spacing "
           "w:after=\"0\"/>", SANS "<w:caps/><w:color w:val=\"5D6675\"/><w:sz w:val=\"14\"/>")
    PSTYLE("Header", "header", "Normal", "<w:pBdr>" RULE("bottom", "12", "A4262C") "</w:pBdr>"
           "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
           SANS "<w:b/><w:caps/><w:color w:val=\"A4262C\"/><w:sz w:val=\"17\"/>")
    PSTYLE("Footer", "footer", "Normal",
           "<w:tabs><w:tab w:val=\"right\" w:pos=\"9360\"/></w:tabs><w:spacing w:after=\"0\"/>",
           SANS "<w:color w:val=\"5D6675\"/><w:sz w:val=\"15\"/>")
    "<w:style w:type=\"character\" w:styleId=\"Code\"><w:name w:val=\"Code\"/>"
    "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>"
    "<w:color w:val=\"5D6675\"/><w:sz w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
    "<w:rPr><w:color w:val=\"1D4E7A\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" "
    "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
    "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"CharterTable\"><w:name w:val=\"Charter Table\"/>"
    "<w:basedOn w:val=\"TableNormal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
    "<w:tblPr><w:tblBorders>" RULE("bottom", "4", "CFD5DD") RULE("insideH", "4", "CFD5DD")
    "</w:tblBorders><w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"60\" "
    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
    "<w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:tcBorders>" RULE("bottom", "12", "1C2331")
    "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"CharterFields\"><w:name w:val=\"Charter Fields\"/>"
    "<w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
    "<w:tblPr><w:tblBorders>" RULE("insideH", "4", "CFD5DD") "</w:tblBorders><w:tblCellMar>"
    "<w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"60\" "
    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"CharterSignatures\">"
    "<w:name w:val=\"Charter Signatures\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr>"
    "<w:tblCellMar><w:top w:w=\"240\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>"
    "<w:right w:w=\"360\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>\n";

/* A list level: bullets or decimal numbers, hanging indent. */
#define LVL(fmt, text) "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>" \
                       "<w:lvlText w:val=\"" text "\"/><w:lvlJc w:val=\"left\"/><w:pPr>"        \
                       "<w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"

/* numbering.xml: w:num 1 the bullets, 2 the numbers of the List Number
 * style, and 2 + k the k-th ordered list, restarted at 1. */
static void numbering(Buf *b, int nordered)
{
    buf_puts(b, XML_HEAD "<w:numbering xmlns:w=\"" NS_W "\">"
                "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
                LVL("bullet", "\xe2\x80\xa2") "</w:abstractNum>"
                "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>"
                LVL("decimal", "%1.") "</w:abstractNum>"
                "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>");
    for (int k = 1; k <= nordered; k++)
        buf_printf(b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride "
                      "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
                   2 + k);
    buf_puts(b, "</w:numbering>\n");
}

/* The footer of every page: the title (with the version), and "Page N of M"
 * at the right margin (the Footer style's tab stop, moved on a turned
 * page). */
static void footer(Buf *b, const Doc *d, bool landscape)
{
    buf_puts(b, XML_HEAD "<w:ftr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>");
    if (landscape)
        buf_printf(b, "<w:tabs><w:tab w:val=\"clear\" w:pos=\"%d\"/><w:tab w:val=\"right\" "
                      "w:pos=\"%d\"/></w:tabs>", DX_TEXT_WIDTH, DX_TEXT_WIDTH_WIDE);
    buf_puts(b, "</w:pPr><w:r><w:t xml:space=\"preserve\">");
    dx_text(b, d->title);
    buf_puts(b, "</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">");
    dx_text(b, LP_("page footer", "Page "));
    buf_puts(b, "</w:t></w:r>"
                "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                "<w:r><w:t xml:space=\"preserve\">");
    dx_text(b, LP_("page footer", " of "));
    buf_puts(b, "</w:t></w:r>"
                "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                "</w:p></w:ftr>\n");
}

/* The header of every page of a draft whose checks find errors: its
 * banner (the body's first page shows it as well, through the header). */
static void header(Buf *b, const Doc *d)
{
    buf_puts(b, XML_HEAD "<w:hdr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
                "</w:pPr><w:r><w:t xml:space=\"preserve\">");
    dx_text(b, d->banner);
    buf_puts(b, "</w:t></w:r></w:p></w:hdr>\n");
}

static void document_rels(Buf *b, const Dx *x)
{
    buf_puts(b, XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                "2006/relationships\">"
                "<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
                "<Relationship Id=\"rIdNumbering\" Type=\"" REL "numbering\" "
                "Target=\"numbering.xml\"/>"
                "<Relationship Id=\"rIdSettings\" Type=\"" REL "settings\" "
                "Target=\"settings.xml\"/>"
                "<Relationship Id=\"rIdFooter\" Type=\"" REL "footer\" Target=\"footer1.xml\"/>");
    if (x->d->banner)
        buf_puts(b, "<Relationship Id=\"rIdHeader\" Type=\"" REL "header\" "
                    "Target=\"header1.xml\"/>");
    for (int i = 0; i < x->links.n; i++) {
        buf_printf(b, "<Relationship Id=\"rIdL%d\" Type=\"" REL "hyperlink\" Target=\"", i + 1);
        buf_xml(b, x->links.v[i]);
        buf_puts(b, "\" TargetMode=\"External\"/>");
    }
    buf_puts(b, "</Relationships>\n");
}

static void core_props(Buf *b, const Doc *d, const char *when)
{
    buf_puts(b, XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
                "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/"
                "1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/"
                "2001/XMLSchema-instance\"><dc:title>");
    dx_plain(b, d->title);
    buf_puts(b, "</dc:title><dc:creator>charterc</dc:creator>");
    if (d->version) {
        buf_puts(b, "<cp:version>");
        dx_plain(b, d->version);
        buf_puts(b, "</cp:version>");
    }
    buf_printf(b, "<dc:language>%s</dc:language>"
                  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                  "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                  "</cp:coreProperties>\n",
               strcmp(d->lang, "en") == 0 ? "en-US" : d->lang, when, when);
}

/* The zip archive of `n` parts, into `out`. */
static bool zip_parts(const char *const *names, Buf *parts, int n, long long epoch, Buf *out,
                      char *err, size_t errlen)
{
    if (epoch < DX_EPOCH_MIN)
        epoch = DX_EPOCH_MIN;
    int y, mo, d;
    date_to_civil((int32_t)(epoch / 86400), &y, &mo, &d);
    long long s = epoch % 86400;
    zip_uint16_t dos_date = (zip_uint16_t)(((y - 1980) << 9) | (mo << 5) | d);
    zip_uint16_t dos_time = (zip_uint16_t)((s / 3600) << 11 | (s / 60 % 60) << 5 | (s % 60) / 2);

    zip_error_t ze;
    zip_error_init(&ze);
    const char *what = NULL;
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        snprintf(err, errlen, "cannot make the Word archive: %s", zip_error_strerror(&ze));
        if (mem)
            zip_source_free(mem);
        zip_error_fini(&ze);
        return false;
    }
    zip_source_keep(mem);
    for (int i = 0; i < n && !what; i++) {
        zip_source_t *src = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
        zip_int64_t idx = src ? zip_file_add(za, names[i], src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (src)
                zip_source_free(src);
            what = zip_strerror(za);
        } else if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) != 0 ||
                   zip_file_set_dostime(za, (zip_uint64_t)idx, dos_time, dos_date, 0) != 0 ||
                   zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_DOS,
                                                    0) != 0) {
            what = zip_strerror(za);
        }
    }
    if (what) {
        snprintf(err, errlen, "cannot make the Word archive: %s", what);
        zip_discard(za);
        zip_source_free(mem);
        return false;
    }
    if (zip_close(za) != 0) {
        snprintf(err, errlen, "cannot make the Word archive: %s", zip_strerror(za));
        zip_discard(za);
        zip_source_free(mem);
        return false;
    }
    /* The archive is now the content of `mem`. */
    zip_stat_t st;
    bool ok = zip_source_open(mem) == 0;
    if (ok && zip_source_stat(mem, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        char chunk[8192];
        zip_int64_t got;
        while ((got = zip_source_read(mem, chunk, sizeof chunk)) > 0)
            buf_put(out, chunk, (size_t)got);
        ok = got == 0 && out->len == st.size;
    } else {
        ok = false;
    }
    if (!ok)
        snprintf(err, errlen, "cannot read the Word archive back: %s",
                 zip_error_strerror(zip_source_error(mem)));
    zip_source_close(mem);
    zip_source_free(mem);
    return ok;
}

bool dx_package(const Dx *x, const Buf *document, long long epoch, Buf *out, char *err,
                size_t errlen)
{
    enum { NPARTS = 11 };
    static const char *const names[NPARTS] = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/numbering.xml", "word/settings.xml", "word/footer1.xml", "word/header1.xml",
    };
    Buf parts[NPARTS];
    for (int i = 0; i < NPARTS; i++)
        buf_init(&parts[i]);
    buf_puts(&parts[0], content_types);
    if (x->d->banner)
        buf_puts(&parts[0], "<Override PartName=\"/word/header1.xml\" ContentType=\"" CT
                            "header+xml\"/>");
    buf_puts(&parts[0], "</Types>\n");
    buf_puts(&parts[1], package_rels);
    core_props(&parts[2], x->d, dx_iso_time(x->d->a, epoch));
    buf_puts(&parts[3], app_props);
    buf_put(&parts[4], document->data, document->len);
    document_rels(&parts[5], x);
    /* The proofing language of the text: Word checks the spelling of a
     * French agreement in French. */
    const char *tag = strcmp(x->d->lang, "en") == 0 ? "en-US" : x->d->lang;
    const char *en = strstr(styles, "en-US");
    buf_put(&parts[6], styles, (size_t)(en - styles));
    buf_puts(&parts[6], tag);
    buf_puts(&parts[6], en + 5);
    numbering(&parts[7], x->nordered);
    buf_puts(&parts[8], XML_HEAD "<w:settings xmlns:w=\"" NS_W "\">");
    if (x->redline)
        buf_puts(&parts[8], "<w:trackRevisions/>");
    buf_puts(&parts[8], settings);
    footer(&parts[9], x->d, x->landscape);
    if (x->d->banner)
        header(&parts[10], x->d);
    bool ok = zip_parts(names, parts, x->d->banner ? NPARTS : NPARTS - 1, epoch, out, err,
                        errlen);
    for (int i = 0; i < NPARTS; i++)
        buf_free(&parts[i]);
    return ok;
}

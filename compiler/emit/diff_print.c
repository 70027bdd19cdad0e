/* diff_print.c - the changes of `charterc diff` as text (for a terminal),
 * JSON (docs/diff.md) and Markdown (for a pull-request comment).
 *
 * Text and Markdown list the same sections in the same order: material
 * changes under every partner, then under each partner they affect (a
 * change already listed under every partner is not repeated), then the
 * editorial ones; JSON lists every change once, in the order found. */
#include <stdlib.h>
#include <string.h>

#include "diff_int.h"

static const char mark_char[] = {'+', '~', '-'};
static const char *const mark_word[] = {"added", "changed", "removed"};

/* Long texts are cut in text and Markdown (JSON has them whole). */
static void put_value(Buf *b, const char *v, bool md)
{
    size_t n = strlen(v);
    const size_t max = 100;
    char *cut = NULL;
    if (n > max) {
        size_t k = max;
        while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
            k--;    /* not inside a UTF-8 sequence */
        cut = malloc(k + 4);
        memcpy(cut, v, k);
        memcpy(cut + k, "...", 4);
        v = cut;
    }
    if (md) {
        /* In a code span: backticks are the only special characters. */
        int ticks = strchr(v, '`') ? 2 : 1;
        buf_puts(b, ticks == 2 ? "`` " : "`");
        buf_puts(b, v);
        buf_puts(b, ticks == 2 ? " ``" : "`");
    } else {
        buf_puts(b, v);
    }
    free(cut);
}

/* "partner globaltel: commits 2_000_000 USD -> 2_500_000 USD" */
static void put_change(Buf *b, const RdiffChange *c, bool md)
{
    if (md) {
        buf_putc(b, '`');
        buf_puts(b, c->subject);
        buf_putc(b, '`');
    } else {
        buf_puts(b, c->subject);
    }
    if (c->field)
        buf_printf(b, md ? ": **%s**" : ": %s", c->field);
    if (!c->old_value && !c->new_value)
        return;
    if (c->mark == RD_CHANGED) {
        buf_puts(b, c->field ? " " : ": ");
        put_value(b, c->old_value, md);
        buf_puts(b, md ? " &rarr; " : " -> ");
        put_value(b, c->new_value, md);
    } else {
        buf_putc(b, ' ');
        put_value(b, c->mark == RD_ADDED ? c->new_value : c->old_value, md);
    }
}

/* One line of a list: "    ~ partner x: ..." in text (indented by
 * `indent`), "- `~` `partner x`: ..." in Markdown. */
static void put_line(Buf *b, const RdiffChange *c, bool md, int indent)
{
    if (md)
        buf_printf(b, "- `%c` ", mark_char[c->mark]);
    else
        buf_printf(b, "%*s%c ", indent, "", mark_char[c->mark]);
    put_change(b, c, md);
    buf_putc(b, '\n');
}

/* A material change listed under partner `id` (not under every partner). */
static bool listed_under(const RdiffChange *c, const char *id)
{
    if (!c->material || c->every_partner)
        return false;
    for (int i = 0; i < c->partners.n; i++)
        if (strcmp(c->partners.v[i], id) == 0)
            return true;
    return false;
}

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void version_line(const Rdiff *d, Buf *out, bool md)
{
    Arena *a = d->a;
    const char *o = d->old_version ? rdiff_str(a, d->old_version) : "(none)";
    const char *n = d->new_version ? rdiff_str(a, d->new_version) : "(none)";
    bool same = rdiff_same(d->old_version, d->new_version);
    if (md) {
        buf_puts(out, "Version: ");
        put_value(out, o, true);
        if (same) {
            buf_puts(out, " (unchanged)\n");
        } else {
            buf_puts(out, " &rarr; ");
            put_value(out, n, true);
            buf_putc(out, '\n');
        }
    } else if (same) {
        buf_printf(out, "version %s (unchanged)\n", o);
    } else {
        buf_printf(out, "version %s -> %s\n", o, n);
    }
}

/* The material changes, under every partner and by partner. */
static void put_material(const Rdiff *d, Buf *out, bool md)
{
    buf_puts(out, md ? "\n#### Material changes\n"
                     : "\nmaterial changes, by the partners they affect:\n");
    if (d->any_every) {
        buf_puts(out, md ? "\n**Every partner**\n\n" : "  every partner\n");
        for (int i = 0; i < d->changes.n; i++)
            if (d->changes.v[i]->material && d->changes.v[i]->every_partner)
                put_line(out, d->changes.v[i], md, 4);
    }
    for (int g = 0; g < d->groups.n; g++) {
        const char *id = d->groups.v[g];
        bool any = false;
        for (int i = 0; i < d->changes.n && !any; i++)
            any = listed_under(d->changes.v[i], id);
        if (!any)
            continue;
        if (md) {
            buf_puts(out, "\n**");
            buf_md(out, id);
            buf_puts(out, "**\n\n");
        } else {
            /* Every affected partner of the new revision signs again;
             * one that does not is no longer a partner. */
            bool stays = false;
            for (int k = 0; k < d->must_sign.n && !stays; k++)
                stays = strcmp(d->must_sign.v[k], id) == 0;
            buf_printf(out, "  %s%s\n", id, stays ? "" : " (no longer a partner)");
        }
        for (int i = 0; i < d->changes.n; i++)
            if (listed_under(d->changes.v[i], id))
                put_line(out, d->changes.v[i], md, 4);
    }
}

static void put_editorial(const Rdiff *d, Buf *out, bool md)
{
    if (md)
        buf_printf(out, "\n<details><summary>%d editorial %s</summary>\n\n", d->editorial,
                   plural(d->editorial, "change", "changes"));
    else
        buf_puts(out, "\neditorial changes:\n");
    for (int i = 0; i < d->changes.n; i++)
        if (!d->changes.v[i]->material)
            put_line(out, d->changes.v[i], md, 2);
    if (md)
        buf_puts(out, "\n</details>\n");
}

void rdiff_text(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_printf(out, "diff %s -> %s\n", old_name, new_name);
    version_line(d, out, false);
    if (d->changes.n == 0) {
        buf_puts(out, "no changes\n");
        return;
    }
    if (d->material)
        put_material(d, out, false);
    if (d->editorial)
        put_editorial(d, out, false);
    buf_printf(out, "\n%d %s: %d material, %d editorial\n", d->changes.n,
               plural(d->changes.n, "change", "changes"), d->material, d->editorial);
    if (d->must_sign.n) {
        buf_puts(out, "must sign again:");
        for (int i = 0; i < d->must_sign.n; i++)
            buf_printf(out, "%s %s", i ? "," : "", d->must_sign.v[i]);
        buf_putc(out, '\n');
    } else {
        buf_puts(out, "no partner needs to sign again\n");
    }
    if (d->version_unchanged)
        buf_printf(out, "warning: material changes, but the version is still %s; give this "
                        "revision a new `version`\n",
                   d->new_version ? rdiff_str(d->a, d->new_version) : "unset");
}

static void json_opt(Buf *out, const char *s)
{
    if (s)
        buf_json_str(out, s);
    else
        buf_puts(out, "null");
}

static void json_names(Buf *out, const char *const *v, int n)
{
    buf_putc(out, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            buf_puts(out, ", ");
        buf_json_str(out, v[i]);
    }
    buf_putc(out, ']');
}

void rdiff_json(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_puts(out, "{ \"version\": 1,\n  \"old\": { \"file\": ");
    buf_json_str(out, old_name);
    buf_puts(out, ", \"version\": ");
    json_opt(out, d->old_version);
    buf_puts(out, " },\n  \"new\": { \"file\": ");
    buf_json_str(out, new_name);
    buf_puts(out, ", \"version\": ");
    json_opt(out, d->new_version);
    buf_puts(out, " },\n  \"changes\": [");
    for (int i = 0; i < d->changes.n; i++) {
        const RdiffChange *c = d->changes.v[i];
        buf_printf(out,
                   "%s\n    { \"change\": \"%s\", \"mark\": \"%c\", \"class\": \"%s\", "
                   "\"subject\": ",
                   i ? "," : "", mark_word[c->mark], mark_char[c->mark],
                   c->material ? "material" : "editorial");
        buf_json_str(out, c->subject);
        buf_puts(out, ", \"field\": ");
        json_opt(out, c->field);
        buf_puts(out, ", \"old\": ");
        json_opt(out, c->old_value);
        buf_puts(out, ", \"new\": ");
        json_opt(out, c->new_value);
        buf_printf(out, ", \"every_partner\": %s, \"partners\": ",
                   c->every_partner ? "true" : "false");
        json_names(out, c->partners.v, c->partners.n);
        buf_puts(out, " }");
    }
    buf_puts(out, d->changes.n ? "\n  ],\n" : "],\n");
    buf_printf(out, "  \"summary\": { \"changes\": %d, \"material\": %d, \"editorial\": %d },\n",
               d->changes.n, d->material, d->editorial);
    buf_puts(out, "  \"must_sign\": ");
    json_names(out, d->must_sign.v, d->must_sign.n);
    buf_printf(out, ",\n  \"version_changed\": %s,\n  \"warnings\": [",
               rdiff_same(d->old_version, d->new_version) ? "false" : "true");
    if (d->version_unchanged)
        buf_puts(out, "\"material changes without a new version\"");
    buf_puts(out, "] }\n");
}

void rdiff_md(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_puts(out, "### Agreement changes: ");
    put_value(out, new_name, true);
    buf_puts(out, "\n\nCompared with ");
    put_value(out, old_name, true);
    buf_puts(out, ". ");
    version_line(d, out, true);
    buf_putc(out, '\n');
    if (d->changes.n == 0) {
        buf_puts(out, "No changes.\n");
        return;
    }
    buf_printf(out, "**%d material %s**, %d editorial.", d->material,
               plural(d->material, "change", "changes"), d->editorial);
    if (d->must_sign.n) {
        buf_puts(out, " Must sign again:");
        for (int i = 0; i < d->must_sign.n; i++) {
            buf_printf(out, "%s **", i ? "," : "");
            buf_md(out, d->must_sign.v[i]);
            buf_puts(out, "**");
        }
        buf_putc(out, '.');
    } else {
        buf_puts(out, " No partner needs to sign again.");
    }
    buf_putc(out, '\n');
    if (d->version_unchanged) {
        buf_puts(out, "\n> **Warning:** material changes, but the version is still ");
        put_value(out, d->new_version ? rdiff_str(d->a, d->new_version) : "unset", true);
        buf_puts(out, "; give this revision a new `version`.\n");
    }
    if (d->material)
        put_material(d, out, true);
    if (d->editorial)
        put_editorial(d, out, true);
}

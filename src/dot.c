/* Graphviz DOT pictures of remake families. */
#include "fg_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct out {
  fg_write_fn fn;
  void *payload;
  int failed;
} out;

static void put(out *o, const char *s, size_t n) {
  if (!o->failed && n && o->fn(s, n, o->payload) != 0)
    o->failed = 1;
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

/* Text inside a DOT "quoted string": quotes and backslashes escaped, line
 * breaks as \n. */
static void quoted(out *o, const char *s) {
  const char *run = s;
  for (; *s; s++) {
    const char *esc = *s == '"' ? "\\\"" : *s == '\\' ? "\\\\" : *s == '\n' ? "\\n"
                    : *s == '\r' ? "" : NULL;
    if (!esc)
      continue;
    put(o, run, (size_t)(s - run));
    puts_(o, esc);
    run = s + 1;
  }
  put(o, run, (size_t)(s - run));
}

int fg_film_family_dot(const fg_graph *g, fg_id film, fg_write_fn fn, void *payload) {
  if (!g || !fn)
    return FG_EINVAL;
  fg_family *fam;
  int rc = fg_film_remake_family(g, film, &fam);
  if (rc)
    return rc;
  out o = {fn, payload, 0};
  char buf[64];
  puts_(&o, "digraph remakes {\n  rankdir=BT;\n  node [shape=box, fontname=\"Helvetica\"];\n"
            "  edge [fontname=\"Helvetica\", fontsize=10];\n");
  for (size_t i = 0; i < fam->count; i++) {
    const fg__film *f = &g->films[fam->nodes[i].film];
    snprintf(buf, sizeof buf, "  f%lu [label=\"", (unsigned long)fam->nodes[i].film);
    puts_(&o, buf);
    quoted(&o, fg__str(&g->strings, f->title));
    if (f->year) {
      snprintf(buf, sizeof buf, "\\n%d", (int)f->year);
      puts_(&o, buf);
    }
    if (f->countries) {
      puts_(&o, f->year ? ", " : "\\n");
      quoted(&o, fg__str(&g->strings, f->countries));
    }
    puts_(&o, fam->nodes[i].film == film ? "\", style=bold];\n" : "\"];\n");
  }
  /* Every remake_of between members, not just the tree's edges: a film
   * with two originals shows both. (The family built the index.) */
  const fg__index *ix = fg__index_get(g, &rc);
  for (size_t i = 0; ix && i < fam->count; i++) {
    fg_id f = fam->nodes[i].film;
    fg__range rels = fg__rels(ix, f, 0);
    for (uint32_t k = rels.begin; k < rels.end; k++) {
      const fg__relation *r = &g->relations[rels.items[k]];
      if (r->type != FG_REL_REMAKE_OF)
        continue;
      snprintf(buf, sizeof buf, "  f%lu -> f%lu [label=\"remake of", (unsigned long)r->from,
               (unsigned long)r->to);
      puts_(&o, buf);
      puts_(&o, r->flags & FG_RELF_UNOFFICIAL ? " (unofficial)\", style=dashed];\n" : "\"];\n");
    }
  }
  puts_(&o, "}\n");
  fg_family_free(fam);
  return rc ? rc : o.failed ? FG_EIO : FG_OK;
}

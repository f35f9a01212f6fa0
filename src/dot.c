/* Graphviz DOT pictures of remake families and of paths. */
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

/* A film's label: title, then a line with year and countries. */
static void film_label(out *o, const fg_graph *g, const fg__film *f) {
  char buf[32];
  quoted(o, fg__str(&g->strings, f->title));
  if (f->year) {
    snprintf(buf, sizeof buf, "\\n%d", (int)f->year);
    puts_(o, buf);
  }
  if (f->countries) {
    puts_(o, f->year ? ", " : "\\n");
    quoted(o, fg__str(&g->strings, f->countries));
  }
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
    film_label(&o, g, f);
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

int fg_path_dot(const fg_graph *g, const fg_path *path, fg_write_fn fn, void *payload) {
  if (!g || !path || !fn)
    return FG_EINVAL;
  size_t n = fg_path_count(path);
  for (size_t i = 0; i < n; i++) {
    uint64_t node = fg_path_node(path, i);
    int table = FG_NODE_KIND(node) == FG_NODE_FILM ? FG_TABLE_FILMS : FG_TABLE_PEOPLE;
    if (FG_NODE_ID(node) >= g->n[table])
      return FG_EINVAL;
  }
  out o = {fn, payload, 0};
  char buf[64];
  puts_(&o, "graph path {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
            "  edge [fontname=\"Helvetica\", fontsize=10];\n");
  for (size_t i = 0; i < n; i++) {
    uint64_t node = fg_path_node(path, i);
    fg_id id = FG_NODE_ID(node);
    int film = FG_NODE_KIND(node) == FG_NODE_FILM;
    snprintf(buf, sizeof buf, "  %c%lu [shape=%s, label=\"", film ? 'f' : 'p', (unsigned long)id,
             film ? "box" : "ellipse");
    puts_(&o, buf);
    if (film)
      film_label(&o, g, &g->films[id]);
    else
      quoted(&o, fg__str(&g->strings, g->people[id].name));
    puts_(&o, "\"];\n");
  }
  for (size_t i = 0; i + 1 < n; i++) {
    uint64_t a = fg_path_node(path, i), b = fg_path_node(path, i + 1);
    int kind;
    fg_id id;
    fg_path_step(path, i, &kind, &id);
    const char *label = "";
    if (kind == FG_STEP_CREDIT && id < g->n[FG_TABLE_CREDITS]) {
      label = fg_role_name(g->credits[id].role);
    } else if (kind == FG_STEP_RELATION && id < g->n[FG_TABLE_RELATIONS]) {
      const fg__relation *r = &g->relations[id];
      label = FG_NODE_ID(a) == r->from ? fg_relation_name(r->type)
                                       : fg_relation_inverse_name(r->type);
    }
    snprintf(buf, sizeof buf, "  %c%lu -- %c%lu [label=\"",
             FG_NODE_KIND(a) == FG_NODE_FILM ? 'f' : 'p', (unsigned long)FG_NODE_ID(a),
             FG_NODE_KIND(b) == FG_NODE_FILM ? 'f' : 'p', (unsigned long)FG_NODE_ID(b));
    puts_(&o, buf);
    /* Vocabulary names read as words: "remade_as" as "remade as". */
    for (const char *c = label ? label : ""; *c; c++)
      put(&o, *c == '_' ? " " : c, 1);
    puts_(&o, "\"];\n");
  }
  puts_(&o, "}\n");
  return o.failed ? FG_EIO : FG_OK;
}

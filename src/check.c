/* Validation of the relations: remake loops, remakes older than what they
 * remake, contradictions and duplicates. Iterative, O(V+E). */
#include "fg_internal.h"

#include <string.h>

static const char *const check_names[FG_CHECK_KIND_COUNT_] = {
    NULL, "remake_cycle", "remake_older", "contradiction", "duplicate",
};

const char *fg_check_name(int kind) {
  return kind > 0 && kind < FG_CHECK_KIND_COUNT_ ? check_names[kind] : NULL;
}

typedef struct reporter {
  fg_check_fn fn;
  void *payload;
  size_t found;
  int stopped;
} reporter;

static void report(reporter *r, int kind, fg_id film, fg_id other, fg_id rel) {
  if (r->stopped)
    return;
  fg_finding f = {FG_FINDING_VERSION, kind, film, other, rel};
  r->found++;
  if (r->fn && r->fn(&f, r->payload))
    r->stopped = 1;
}

/* Is there a relation before `before`, of `type`, from `from` to `to`? */
static int earlier(const fg_graph *g, const fg__index *ix, fg_id from, fg_id to, int type,
                   fg_id before) {
  fg__range rels = fg__rels(ix, from, 0);
  for (uint32_t k = rels.begin; k < rels.end; k++) {
    uint32_t id = rels.items[k];
    const fg__relation *r = &g->relations[id];
    if (id < before && r->to == to && r->type == type)
      return 1;
  }
  return 0;
}

static void check_relations(const fg_graph *g, const fg__index *ix, reporter *rep) {
  for (fg_id id = 0; id < g->n[FG_TABLE_RELATIONS] && !rep->stopped; id++) {
    const fg__relation *r = &g->relations[id];
    int16_t yf = g->films[r->from].year, yt = g->films[r->to].year;
    if (r->type == FG_REL_REMAKE_OF && yf && yt && yf < yt)
      report(rep, FG_CHECK_REMAKE_OLDER, r->from, r->to, id);
    int symmetric = r->type == FG_REL_VERSION_OF || r->type == FG_REL_ALTERNATE_LANGUAGE_VERSION_OF;
    if (earlier(g, ix, r->from, r->to, r->type, id))
      report(rep, FG_CHECK_DUPLICATE, r->from, r->to, id);
    else if (!symmetric && r->type != FG_REL_REMAKE_OF && /* loops: see check_cycles */
             earlier(g, ix, r->to, r->from, r->type, id))
      report(rep, FG_CHECK_CONTRADICTION, r->from, r->to, id);
  }
}

/* The first remake_of of film f whose target is still `pending`. */
static uint32_t next_pending(const fg_graph *g, const fg__index *ix, const uint32_t *outdeg,
                             fg_id f) {
  fg__range rels = fg__rels(ix, f, 0);
  for (uint32_t k = rels.begin; k < rels.end; k++) {
    uint32_t id = rels.items[k];
    if (g->relations[id].type == FG_REL_REMAKE_OF && outdeg[g->relations[id].to])
      return id;
  }
  return FG_ID_NONE;
}

static int check_cycles(const fg_graph *g, const fg__index *ix, reporter *rep) {
  size_t nf = g->n[FG_TABLE_FILMS];
  if (!nf)
    return FG_OK;
  uint32_t *outdeg = fg__malloc(&g->alloc, nf * sizeof *outdeg);
  uint32_t *queue = fg__malloc(&g->alloc, nf * sizeof *queue);
  uint32_t *stamp = fg__malloc(&g->alloc, nf * sizeof *stamp);
  if (!outdeg || !queue || !stamp) {
    fg__free(&g->alloc, outdeg);
    fg__free(&g->alloc, queue);
    fg__free(&g->alloc, stamp);
    return FG_ENOMEM;
  }
  /* Kahn: peel films whose remake_of all lead to peeled films; what is
   * left is on a loop or remakes into one. outdeg stays non-zero there. */
  size_t qn = 0;
  for (fg_id f = 0; f < nf; f++) {
    uint32_t d = 0;
    fg__range rels = fg__rels(ix, f, 0);
    for (uint32_t k = rels.begin; k < rels.end; k++)
      d += g->relations[rels.items[k]].type == FG_REL_REMAKE_OF;
    outdeg[f] = d;
    stamp[f] = 0;
    if (!d)
      queue[qn++] = f;
  }
  for (size_t q = 0; q < qn; q++) {
    fg_id f = queue[q];
    fg__range rels = fg__rels(ix, f, 1);
    for (uint32_t k = rels.begin; k < rels.end; k++) {
      const fg__relation *r = &g->relations[rels.items[k]];
      if (r->type == FG_REL_REMAKE_OF && --outdeg[r->from] == 0)
        queue[qn++] = r->from;
    }
  }
  /* From each film left, follow remake_of through films left until one
   * repeats: a repeat within this walk closes a new loop. */
  for (fg_id s = 0; s < nf && !rep->stopped; s++) {
    if (!outdeg[s] || stamp[s])
      continue;
    fg_id f = s;
    while (!stamp[f]) {
      stamp[f] = s + 1;
      f = g->relations[next_pending(g, ix, outdeg, f)].to;
    }
    if (stamp[f] != s + 1)
      continue; /* ran into a loop found before */
    fg_id lowest = f, at = f;
    do {
      at = g->relations[next_pending(g, ix, outdeg, at)].to;
      if (at < lowest)
        lowest = at;
    } while (at != f);
    uint32_t rel = next_pending(g, ix, outdeg, lowest);
    report(rep, FG_CHECK_REMAKE_CYCLE, lowest, g->relations[rel].to, rel);
  }
  fg__free(&g->alloc, outdeg);
  fg__free(&g->alloc, queue);
  fg__free(&g->alloc, stamp);
  return FG_OK;
}

int fg_graph_check(const fg_graph *g, fg_check_fn fn, void *payload, size_t *count) {
  if (count)
    *count = 0;
  if (!g)
    return FG_EINVAL;
  int rc;
  const fg__index *ix = fg__index_get(g, &rc);
  if (!ix)
    return rc;
  reporter rep = {fn, payload, 0, 0};
  check_relations(g, ix, &rep);
  rc = check_cycles(g, ix, &rep);
  if (count)
    *count = rep.found;
  return rc;
}

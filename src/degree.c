/* Degree statistics: how many credits films and people have, read off
 * the adjacency's row starts. */
#include "fg_internal.h"

#include <string.h>

int fg_graph_degree_stats(const fg_graph *g, int table, fg_degree_stats *out) {
  if (!g || !out || (table != FG_TABLE_FILMS && table != FG_TABLE_PEOPLE))
    return FG_EINVAL;
  if (out->version != FG_DEGREE_STATS_VERSION)
    return FG_EVERSION;
  int rc;
  const fg__index *ix = fg__index_get(g, &rc);
  if (!ix)
    return rc;
  const uint32_t *start =
      table == FG_TABLE_FILMS ? ix->film_credit_start : ix->person_credit_start;
  size_t n = g->n[table];
  fg_degree_stats s = FG_DEGREE_STATS_INIT;
  s.nodes = n;
  for (size_t v = 0; v < n; v++) {
    uint32_t d = start[v + 1] - start[v];
    s.isolated += d == 0;
    if (d > s.max || s.max_id == FG_ID_NONE)
      s.max = d, s.max_id = (fg_id)v;
  }
  s.credits = n ? start[n] : 0;
  s.mean = n ? (double)s.credits / (double)n : 0.0;
  if (n) {
    /* Percentiles from a histogram of the degrees. */
    uint32_t *hist = fg__malloc(&g->alloc, ((size_t)s.max + 1) * sizeof *hist);
    if (!hist)
      return FG_ENOMEM;
    memset(hist, 0, ((size_t)s.max + 1) * sizeof *hist);
    for (size_t v = 0; v < n; v++)
      hist[start[v + 1] - start[v]]++;
    /* The degree of the node at rank r (0-based) in degree order. */
    size_t ranks[2] = {(n - 1) / 2, (size_t)((double)(n - 1) * 0.99)};
    uint32_t *outs[2] = {&s.median, &s.p99};
    for (int i = 0; i < 2; i++) {
      size_t seen = 0;
      uint32_t d = 0;
      while (seen + hist[d] <= ranks[i])
        seen += hist[d++];
      *outs[i] = d;
    }
    fg__free(&g->alloc, hist);
  }
  *out = s;
  return FG_OK;
}

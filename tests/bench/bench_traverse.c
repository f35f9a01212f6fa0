/* bench_traverse: how fast filmgraph answers graph questions on an
 * IMDb-shaped folder (e.g. from gen_imdb), measured in one run:
 *
 *   bench_traverse DIR [PAIRS]
 *
 * the index build (fg_graph_freeze: adjacency and search tables), the
 * remake family of random films in families, shortest paths between random
 * people through shared films (PAIRS reachable pairs, default 1000: median
 * and 99th percentile), one full breadth-first search from a person, and
 * peak RSS. Deterministic choices (fixed seed). Run by hand. */
#include "filmgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static fg_id random_person(const fg_graph *g, size_t credits) {
  fg_credit c = FG_CREDIT_INIT;
  fg_graph_credit(g, (fg_id)(next() % credits), &c);
  return c.person;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double pct(double *v, size_t n, double p) {
  qsort(v, n, sizeof *v, cmp_double);
  size_t i = (size_t)(p * (double)(n - 1) + 0.5);
  return v[i < n ? i : n - 1];
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_traverse DIR [PAIRS]\n");
    return 2;
  }
  size_t pairs = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 1000;
  fg_graph *g;
  fg_graph_new(NULL, &g);
  double t0 = now();
  fg_error_info err = FG_ERROR_INFO_INIT;
  if (fg_graph_load_imdb(g, argv[1], NULL, &err) != FG_OK) {
    fprintf(stderr, "bench_traverse: %s\n", fg_errmsg(g));
    return 1;
  }
  double t_load = now() - t0;
  t0 = now();
  fg_graph_freeze(g);
  double t_freeze = now() - t0;
  size_t nf = fg_graph_count(g, FG_TABLE_FILMS), np = fg_graph_count(g, FG_TABLE_PEOPLE);
  size_t nc = fg_graph_count(g, FG_TABLE_CREDITS), nr = fg_graph_count(g, FG_TABLE_RELATIONS);
  fg_memory mem = FG_MEMORY_INIT;
  fg_graph_memory(g, &mem);
  printf("filmgraph %s bench_traverse on %s: %zu films, %zu people, %zu credits, %zu relations\n",
         fg_version(), argv[1], nf, np, nc, nr);
  printf("load %.2f s; index build (fg_graph_freeze) %.2f s; index %.1f bytes per credit\n", t_load,
         t_freeze, nc ? (double)mem.index / (double)nc : 0.0);

  /* Remake families of films that have remake relations. */
  size_t nfam = nr < 10000 ? nr : 10000;
  double *times = malloc((pairs > nfam ? pairs : nfam) * sizeof *times);
  size_t members = 0;
  for (size_t i = 0; i < nfam; i++) {
    fg_relation r = FG_RELATION_INIT;
    fg_graph_relation(g, (fg_id)(next() % nr), &r);
    fg_family *fam;
    t0 = now();
    fg_film_remake_family(g, r.from, &fam);
    times[i] = (now() - t0) * 1e6;
    members += fg_family_count(fam);
    fg_family_free(fam);
  }
  if (nfam)
    printf("remake family of a film in one (%zu lookups, %.1f films each): median %.2f us, "
           "p99 %.2f us\n",
           nfam, (double)members / (double)nfam, pct(times, nfam, 0.5), pct(times, nfam, 0.99));

  /* People are drawn through random credits, so that each has at least one
   * film. */
#define RANDOM_PERSON() random_person(g, nc)
  /* Shortest paths between random people, through shared films only. */
  fg_path_options opts = FG_PATH_OPTIONS_INIT;
  opts.rel_mask = 0;
  size_t found = 0, tries = 0, total_len = 0;
  while (found < pairs && tries < pairs * 20) {
    tries++;
    fg_id a = RANDOM_PERSON(), b = RANDOM_PERSON();
    fg_path *p = NULL;
    t0 = now();
    int rc = fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, a), FG_NODE(FG_NODE_PERSON, b),
                                    &opts, &p);
    double t = (now() - t0) * 1e3;
    if (rc != FG_OK)
      continue;
    times[found++] = t;
    total_len += fg_path_count(p) - 1;
    fg_path_free(p);
  }
  if (found)
    printf("person to person shortest path (%zu reachable of %zu pairs, mean length %.1f): "
           "median %.3f ms, p99 %.3f ms\n",
           found, tries, (double)total_len / (double)found, pct(times, found, 0.5),
           pct(times, found, 0.99));

  /* One full breadth-first search over people and films from a person. */
  fg_idlist *all = NULL;
  t0 = now();
  fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, RANDOM_PERSON()), 0xFFFFFFFFu, &opts, &all);
  printf("full breadth-first search from one person: %.2f s, %zu people reached\n", now() - t0,
         fg_idlist_count(all));
  fg_idlist_free(all);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("peak RSS %.0f MB\n", (double)ru.ru_maxrss / 1e3);
  free(times);
  fg_graph_free(g);
  return 0;
}

/* bench_traverse: how fast filmgraph answers graph questions on an
 * IMDb-shaped folder (e.g. from gen_imdb), measured in one run:
 *
 *   bench_traverse DIR [PAIRS [PEER_PAIRS]]
 *
 * the index build (fg_graph_freeze: adjacency and search tables), the
 * remake family of random films in families, shortest paths between random
 * people through shared films (PAIRS reachable pairs, default 1000: median
 * and 99th percentile), one full breadth-first search from a person, and
 * peak RSS. Deterministic choices (fixed seed). Run by hand.
 *
 * With FG_BENCH_PAIRS_OUT=FILE in the environment it also writes the pairs
 * it searched (the people's keys, filmgraph's length in edges of the
 * film-person graph, its time) and the full search's start to FILE, for
 * tests/bench/networkx_paths.py to search the same pairs.
 *
 * Built with igraph (-DFG_BENCH_IGRAPH; tests/bench/CMakeLists.txt does it
 * when pkg-config finds igraph), it then loads the same credits into igraph
 * (films and people as vertices, people numbered after the films; one
 * undirected edge per credit), runs igraph_get_shortest_path on the first
 * PEER_PAIRS of the same pairs (default 20, or FG_BENCH_IGRAPH_PAIRS; igraph
 * searches from one end only, which takes a fraction of a second a pair at a
 * million titles) and igraph_bfs_simple from the same person, and prints
 * both figures and their ratio. A path length or a reach that differs from
 * filmgraph's is printed as MISMATCH and makes the run exit with 1. */
#include "filmgraph.h"

#ifdef FG_BENCH_IGRAPH
#include <igraph.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

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

#ifdef FG_BENCH_IGRAPH
/* Resident set now, in MB (Linux /proc; -1 elsewhere). */
static double rss_now_mb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long size = 0, resident = 0;
  if (!f)
    return -1.0;
  int n = fscanf(f, "%lu %lu", &size, &resident);
  fclose(f);
  return n == 2 ? (double)resident * (double)sysconf(_SC_PAGESIZE) / 1e6 : -1.0;
}
#endif

static double peak_rss_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_maxrss / 1e3;
}

/* CPU time and page faults so far, to split a phase's wall time into the
 * work itself and the kernel's cost of handing out fresh memory (which on
 * some virtual machines is most of it). */
typedef struct usage {
  double wall, user, sys;
  long faults;
} usage;

static usage usage_now(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  usage u = {now(), (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_minflt};
  return u;
}

static usage usage_since(usage a) {
  usage b = usage_now();
  usage d = {b.wall - a.wall, b.user - a.user, b.sys - a.sys, b.faults - a.faults};
  return d;
}

/* Time the adjacency build that the first traversal after a change runs. */
static usage time_adjacency_build(fg_graph *g) {
  usage u0 = usage_now();
  fg_family *fam = NULL;
  fg_film_remake_family(g, 0, &fam);
  fg_family_free(fam);
  return usage_since(u0);
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
  int status = 0;
  fg_graph *g;
  fg_graph_new(NULL, &g);
  double t0 = now();
  fg_error_info err = FG_ERROR_INFO_INIT;
  if (fg_graph_load_imdb(g, argv[1], NULL, &err) != FG_OK) {
    fprintf(stderr, "bench_traverse: %s\n", fg_errmsg(g));
    return 1;
  }
  double t_load = now() - t0;
  /* The first traversal builds the adjacency only; freeze then adds the
   * title and name search tables. */
  usage build = time_adjacency_build(g);
  t0 = now();
  fg_graph_freeze(g);
  double t_search = now() - t0;
  size_t nf = fg_graph_count(g, FG_TABLE_FILMS), np = fg_graph_count(g, FG_TABLE_PEOPLE);
  size_t nc = fg_graph_count(g, FG_TABLE_CREDITS), nr = fg_graph_count(g, FG_TABLE_RELATIONS);
  fg_memory mem = FG_MEMORY_INIT;
  fg_graph_memory(g, &mem);
  printf("filmgraph %s bench_traverse on %s: %zu films, %zu people, %zu credits, %zu relations\n",
         fg_version(), argv[1], nf, np, nc, nr);
  printf("load %.2f s; adjacency build (first traversal) %.2f s (%.2f s user, %.2f s system, "
         "%ld page faults), %.1f bytes per credit; search tables (fg_graph_freeze) %.2f s, %.1f "
         "bytes per credit\n",
         t_load, build.wall, build.user, build.sys, build.faults,
         nc ? (double)mem.adjacency / (double)nc : 0.0, t_search,
         nc ? (double)mem.search / (double)nc : 0.0);

  for (int t = FG_TABLE_FILMS; t <= FG_TABLE_PEOPLE; t++) {
    fg_degree_stats d = FG_DEGREE_STATS_INIT;
    t0 = now();
    fg_graph_degree_stats(g, t, &d);
    printf("credits per %s: mean %.2f, median %u, p99 %u, max %u; %llu with none (%.3f s)\n",
           t == FG_TABLE_FILMS ? "film" : "person", d.mean, d.median, d.p99, d.max,
           (unsigned long long)d.isolated, now() - t0);
  }

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
  /* Each reachable pair, its length in steps (edges of the film-person
   * graph: person, film, person is 2) and its time, for the peers. */
  fg_id *pair_a = malloc((pairs ? pairs : 1) * sizeof *pair_a);
  fg_id *pair_b = malloc((pairs ? pairs : 1) * sizeof *pair_b);
  size_t *pair_len = malloc((pairs ? pairs : 1) * sizeof *pair_len);
  double *pair_ms = malloc((pairs ? pairs : 1) * sizeof *pair_ms);
  if (!pair_a || !pair_b || !pair_len || !pair_ms) {
    fprintf(stderr, "bench_traverse: out of memory\n");
    return 1;
  }
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
    pair_a[found] = a;
    pair_b[found] = b;
    pair_len[found] = fg_path_count(p) - 1;
    pair_ms[found] = t;
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
  fg_id bfs_source = RANDOM_PERSON();
  t0 = now();
  fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, bfs_source), 0xFFFFFFFFu, &opts, &all);
  double t_bfs = now() - t0;
  size_t bfs_reached = fg_idlist_count(all);
  printf("full breadth-first search from one person: %.2f s, %zu people reached\n", t_bfs,
         bfs_reached);
  fg_idlist_free(all);
  printf("peak RSS %.0f MB\n", peak_rss_mb());

  /* The pairs, for tests/bench/networkx_paths.py. */
  const char *pairs_out = getenv("FG_BENCH_PAIRS_OUT");
  if (pairs_out && *pairs_out) {
    FILE *f = fopen(pairs_out, "w");
    if (!f) {
      perror(pairs_out);
      return 1;
    }
    fg_person pr = FG_PERSON_INIT;
    fg_graph_person(g, bfs_source, &pr);
    fprintf(f, "# bench_traverse pairs on %s; bfs_source %s reaches %zu people in %.6f s\n",
            argv[1], pr.key, bfs_reached, t_bfs);
    fprintf(f, "from\tto\tlength\tfilmgraph_ms\n");
    for (size_t i = 0; i < found; i++) {
      fg_person pa = FG_PERSON_INIT, pb = FG_PERSON_INIT;
      fg_graph_person(g, pair_a[i], &pa);
      fg_graph_person(g, pair_b[i], &pb);
      fprintf(f, "%s\t%s\t%zu\t%.6f\n", pa.key, pb.key, pair_len[i], pair_ms[i]);
    }
    if (fclose(f) != 0) {
      perror(pairs_out);
      return 1;
    }
    printf("pairs written to %s (%zu pairs, full search from %s)\n", pairs_out, found, pr.key);
  }

#ifdef FG_BENCH_IGRAPH
  {
    /* igraph on the same credits: films are vertices 0..nf-1, person p is
     * vertex nf + p, one undirected edge per credit (a person credited
     * twice on a film gives two parallel edges, which changes no
     * distance). Relations are left out, as the searches above leave them
     * out (rel_mask 0). */
    size_t peer_pairs = 20;
    const char *env = getenv("FG_BENCH_IGRAPH_PAIRS");
    if (argc > 3)
      peer_pairs = (size_t)strtoul(argv[3], NULL, 10);
    else if (env && *env)
      peer_pairs = (size_t)strtoul(env, NULL, 10);
    if (peer_pairs > found)
      peer_pairs = found;
    double rss0 = rss_now_mb(), peak0 = peak_rss_mb();
    igraph_vector_int_t edges;
    t0 = now();
    igraph_vector_int_init(&edges, (igraph_integer_t)(2 * nc));
    for (size_t i = 0; i < nc; i++) {
      fg_credit c = FG_CREDIT_INIT;
      fg_graph_credit(g, (fg_id)i, &c);
      VECTOR(edges)[2 * i] = (igraph_integer_t)c.film;
      VECTOR(edges)[2 * i + 1] = (igraph_integer_t)(nf + c.person);
    }
    double t_extract = now() - t0;
    igraph_t ig;
    t0 = now();
    igraph_create(&ig, &edges, (igraph_integer_t)(nf + np), IGRAPH_UNDIRECTED);
    double t_create = now() - t0;
    igraph_vector_int_destroy(&edges);
    double rss1 = rss_now_mb(), peak1 = peak_rss_mb();
    printf("igraph %s: %" IGRAPH_PRId " vertices, %" IGRAPH_PRId " edges; edge list from "
           "filmgraph %.2f s; graph build (igraph_create) %.2f s, igraph/filmgraph adjacency build %.2fx; "
           "RSS +%.0f MB (peak +%.0f MB)\n",
           IGRAPH_VERSION, igraph_vcount(&ig), igraph_ecount(&ig), t_extract, t_create,
           build.wall > 0 ? t_create / build.wall : 0.0, rss1 - rss0, peak1 - peak0);

    /* The first peer_pairs pairs: igraph's time and length against
     * filmgraph's (both count edges of the film-person graph). */
    if (peer_pairs) {
      double *ig_ms = malloc(peer_pairs * sizeof *ig_ms);
      double *fg_ms = malloc(peer_pairs * sizeof *fg_ms);
      size_t mismatches = 0;
      igraph_vector_int_t vs;
      igraph_vector_int_init(&vs, 0);
      for (size_t i = 0; i < peer_pairs; i++) {
        t0 = now();
        igraph_get_shortest_path(&ig, &vs, NULL, (igraph_integer_t)(nf + pair_a[i]),
                                 (igraph_integer_t)(nf + pair_b[i]), IGRAPH_ALL);
        ig_ms[i] = (now() - t0) * 1e3;
        fg_ms[i] = pair_ms[i];
        size_t n = (size_t)igraph_vector_int_size(&vs);
        size_t ig_len = n ? n - 1 : (size_t)-1;
        if (ig_len != pair_len[i]) {
          fg_person pa = FG_PERSON_INIT, pb = FG_PERSON_INIT;
          fg_graph_person(g, pair_a[i], &pa);
          fg_graph_person(g, pair_b[i], &pb);
          fprintf(stderr,
                  "bench_traverse: MISMATCH: path %s -> %s: filmgraph %zu steps, igraph %lld\n",
                  pa.key, pb.key, pair_len[i], n ? (long long)(n - 1) : -1LL);
          printf("MISMATCH: path %s -> %s: filmgraph %zu steps, igraph %lld\n", pa.key, pb.key,
                 pair_len[i], n ? (long long)(n - 1) : -1LL);
          mismatches++;
        }
      }
      igraph_vector_int_destroy(&vs);
      double fg_med = pct(fg_ms, peer_pairs, 0.5), ig_med = pct(ig_ms, peer_pairs, 0.5);
      double ig_max = ig_ms[peer_pairs - 1];
      printf("igraph_get_shortest_path on the first %zu of the same pairs: median %.3f ms "
             "(max %.3f ms); filmgraph on those pairs median %.3f ms: igraph/filmgraph %.1fx; "
             "lengths %s (%zu of %zu differ)\n",
             peer_pairs, ig_med, ig_max, fg_med, fg_med > 0 ? ig_med / fg_med : 0.0,
             mismatches ? "DIFFER" : "agree", mismatches, peer_pairs);
      if (mismatches)
        status = 1;
      free(ig_ms);
      free(fg_ms);
    }

    /* One full breadth-first search from the same person. */
    igraph_vector_int_t order;
    igraph_vector_int_init(&order, 0);
    t0 = now();
    igraph_bfs_simple(&ig, (igraph_integer_t)(nf + bfs_source), IGRAPH_ALL, &order, NULL, NULL);
    double t_ig_bfs = now() - t0;
    size_t ig_people = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&order); i++)
      if (VECTOR(order)[i] >= (igraph_integer_t)nf)
        ig_people++;
    igraph_vector_int_destroy(&order);
    /* filmgraph does not list the start; igraph's order does. */
    size_t ig_reached = ig_people ? ig_people - 1 : 0;
    printf("igraph_bfs_simple from the same person: %.2f s, %zu people reached; "
           "igraph/filmgraph %.2fx\n",
           t_ig_bfs, ig_reached, t_bfs > 0 ? t_ig_bfs / t_bfs : 0.0);
    if (ig_reached != bfs_reached) {
      fprintf(stderr, "bench_traverse: MISMATCH: full search reaches %zu people in filmgraph, "
                      "%zu in igraph\n", bfs_reached, ig_reached);
      printf("MISMATCH: full search reaches %zu people in filmgraph, %zu in igraph\n",
             bfs_reached, ig_reached);
      status = 1;
    }
    igraph_destroy(&ig);
    printf("peak RSS with igraph %.0f MB\n", peak_rss_mb());
  }
#endif

  /* Last, as it changes the graph: one more film, and the next traversal
   * builds the adjacency again, in memory the process has used before. */
  fg_film extra = FG_FILM_INIT;
  extra.key = "bench-traverse-extra";
  extra.title = "Extra";
  if (fg_graph_add_film(g, &extra, NULL) == FG_OK) {
    usage again = time_adjacency_build(g);
    printf("adjacency rebuild after adding a film: %.2f s (%.2f s user, %.2f s system, %ld page "
           "faults)\n",
           again.wall, again.user, again.sys, again.faults);
  }

  free(pair_a);
  free(pair_b);
  free(pair_len);
  free(pair_ms);
  free(times);
  fg_graph_free(g);
  return status;
}

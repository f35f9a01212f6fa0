/* bench_load: how fast filmgraph loads IMDb's datasets, against the floors
 * of reading the bytes and of counting their fields, measured side by side
 * in one run on one folder (e.g. made by gen_imdb).
 *
 *   bench_load [--runs N] DIR
 *
 * For each file: MB/s of read() into a buffer (the I/O floor, from the page
 * cache after a warm-up read), of a bare loop counting tabs and newlines
 * (the parsing floor), and of filmgraph's load of that file (files loaded
 * one after another into one graph, in the folder loader's order). Then the
 * folder loaded whole in each of N fresh processes (3 unless --runs says):
 * every run's time, the best and the median as MB/s, the index build
 * (fg_graph_freeze), peak RSS against the bytes of TSV (the largest of the
 * runs), and memory per record. Every file is read again just before each
 * timed load (see warm). The floors are each the best of two reads,
 * so the best run is the one compared with them; the median shows what a
 * shared, noisy machine gives. Run by hand; the figures go in README.md. */
#include "filmgraph.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NFILES (FG_IMDB_FILE_COUNT_ + 1) /* plus relations.tsv */
#define BUF (1 << 20)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *file_name(int i) {
  return i < FG_IMDB_FILE_COUNT_ ? fg_imdb_file_name(i) : "relations.tsv";
}

/* Read the whole file; with count, also count tabs and newlines the plain
 * way. Returns seconds; *bytes and *fields filled. */
static double scan(const char *path, int count, unsigned long long *bytes,
                   unsigned long long *fields) {
  static char buf[BUF];
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    perror(path);
    exit(2);
  }
  unsigned long long n = 0, f = 0;
  double t0 = now();
  ssize_t got;
  while ((got = read(fd, buf, BUF)) > 0) {
    n += (unsigned long long)got;
    if (count)
      for (ssize_t i = 0; i < got; i++)
        f += buf[i] == '\t' || buf[i] == '\n';
  }
  double t = now() - t0;
  close(fd);
  *bytes = n;
  *fields = f;
  return t;
}

/* What a child process sends back. */
typedef struct result {
  double seconds[NFILES]; /* per-file loads (phase 1) */
  double total, freeze;   /* the folder load and the index build */
  long long rss_load;     /* peak RSS when the load ends, before the index */
  size_t counts[FG_TABLE_COUNT_];
  unsigned long long skipped;
  fg_memory mem;
  unsigned long long mem_delta[NFILES]; /* memory added by each file */
  size_t added[NFILES];                 /* records added by each file */
  int ok;
  char error[600];
} result;

static size_t records(const fg_graph *g) {
  size_t n = 0;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    n += fg_graph_count(g, t);
  return n;
}

/* Phase 1: each file on its own, one after another, into one graph. */
static void load_each(const char *dir, const int *present, result *r) {
  fg_graph *g;
  fg_graph_new(NULL, &g);
  char path[4096];
  for (int i = 0; i < NFILES; i++) {
    if (!present[i])
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, file_name(i));
    fg_source src = FG_SOURCE_INIT;
    src.path = path;
    fg_error_info err = FG_ERROR_INFO_INIT;
    fg_memory before = FG_MEMORY_INIT, after = FG_MEMORY_INIT;
    fg_graph_memory(g, &before);
    size_t n0 = records(g);
    double t0 = now();
    int rc = i < FG_IMDB_FILE_COUNT_ ? fg_graph_load_imdb_file(g, i, &src, NULL, &err)
                                     : fg_graph_load_table(g, FG_TABLE_RELATIONS, &src, NULL, &err);
    r->seconds[i] = now() - t0;
    if (rc != FG_OK) {
      snprintf(r->error, sizeof r->error, "%s", fg_errmsg(g));
      fg_graph_free(g);
      return;
    }
    fg_graph_memory(g, &after);
    r->mem_delta[i] = after.total - before.total;
    r->added[i] = records(g) - n0;
  }
  double t0 = now();
  fg_graph_freeze(g);
  r->freeze = now() - t0;
  r->ok = 1;
  fg_graph_free(g);
}

/* Phase 2: the folder loader, then the index build. */
static void load_folder(const char *dir, result *r) {
  fg_graph *g;
  fg_graph_new(NULL, &g);
  fg_error_info err = FG_ERROR_INFO_INIT;
  double t0 = now();
  int rc = fg_graph_load_imdb(g, dir, NULL, &err);
  r->total = now() - t0;
  if (rc != FG_OK) {
    snprintf(r->error, sizeof r->error, "%s", fg_errmsg(g));
    fg_graph_free(g);
    return;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  r->rss_load = (long long)ru.ru_maxrss * 1024;
  t0 = now();
  fg_graph_freeze(g);
  r->freeze = now() - t0;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    r->counts[t] = fg_graph_count(g, t);
  r->skipped = err.skipped;
  r->mem.version = FG_MEMORY_VERSION;
  fg_graph_memory(g, &r->mem);
  r->ok = 1;
  /* Not freed: the process exits, and the peak RSS is what we measure. */
}

/* Run fn in a child; return its result and peak RSS in bytes. */
static result run_child(void (*fn)(const char *, const int *, result *), const char *dir,
                        const int *present, long long *peak_rss) {
  int fds[2];
  if (pipe(fds) != 0) {
    perror("pipe");
    exit(2);
  }
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    static result r;
    memset(&r, 0, sizeof r);
    fn(dir, present, &r);
    ssize_t w = write(fds[1], &r, sizeof r);
    _exit(w == (ssize_t)sizeof r ? 0 : 1);
  }
  close(fds[1]);
  static result r;
  memset(&r, 0, sizeof r);
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], (char *)&r + got, sizeof r - got);
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  close(fds[0]);
  int status;
  struct rusage ru;
  wait4(pid, &status, 0, &ru);
  *peak_rss = (long long)ru.ru_maxrss * 1024;
  if (got != sizeof r) {
    fprintf(stderr, "bench_load: the child process failed\n");
    exit(2);
  }
  return r;
}

static void folder_fn(const char *dir, const int *present, result *r) {
  (void)present;
  load_folder(dir, r);
}

/* Read every file once more just before a timed load, so that the load
 * reads from the page cache as the floors did: this machine's kernel pages
 * out memory untouched for a minute (DAMON), page cache included, and at
 * 12M titles the floors and the per-file loads take minutes. */
static void warm(const char *dir, const int *present) {
  char path[4096];
  for (int i = 0; i < NFILES; i++) {
    if (!present[i])
      continue;
    unsigned long long b, f;
    snprintf(path, sizeof path, "%s/%s", dir, file_name(i));
    scan(path, 0, &b, &f);
  }
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int runs = 3;
  if (argc == 4 && strcmp(argv[1], "--runs") == 0) {
    runs = atoi(argv[2]);
    argv += 2, argc -= 2;
  }
  if (argc != 2 || runs < 1 || runs > 99) {
    fprintf(stderr, "usage: bench_load [--runs N] DIR   (an IMDb-shaped folder, e.g. from "
                    "gen_imdb; N folder loads, 1-99, default 3)\n");
    return 2;
  }
  const char *dir = argv[1];
  int present[NFILES] = {0};
  unsigned long long bytes[NFILES] = {0}, fields[NFILES] = {0}, total_bytes = 0;
  double t_read[NFILES] = {0}, t_count[NFILES] = {0};
  char path[4096];
  for (int i = 0; i < NFILES; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, file_name(i));
    struct stat st;
    if (stat(path, &st) != 0)
      continue;
    present[i] = 1;
    unsigned long long b, f;
    scan(path, 0, &b, &f); /* warm the page cache */
    t_read[i] = 1e9;
    t_count[i] = 1e9;
    for (int rep = 0; rep < 2; rep++) { /* best of two */
      double t = scan(path, 0, &b, &f);
      t_read[i] = t < t_read[i] ? t : t_read[i];
      t = scan(path, 1, &b, &fields[i]);
      t_count[i] = t < t_count[i] ? t : t_count[i];
    }
    bytes[i] = b;
    total_bytes += b;
  }
  if (!total_bytes) {
    fprintf(stderr, "bench_load: no IMDb files in %s\n", dir);
    return 2;
  }

  long long rss_each, rss_folder;
  warm(dir, present);
  result each = run_child(load_each, dir, present, &rss_each);
  if (!each.ok) {
    fprintf(stderr, "bench_load: %s\n", each.error);
    return 1;
  }
  /* The folder, in a fresh process each run; the best run's figures are
   * kept, and the largest peak RSS. */
  result folder;
  memset(&folder, 0, sizeof folder);
  double secs[99];
  rss_folder = 0;
  long long rss_load = 0;
  for (int k = 0; k < runs; k++) {
    long long rss;
    warm(dir, present);
    result one = run_child(folder_fn, dir, present, &rss);
    if (!one.ok) {
      fprintf(stderr, "bench_load: %s\n", one.error);
      return 1;
    }
    secs[k] = one.total;
    if (k == 0 || one.total < folder.total)
      folder = one;
    rss_folder = rss > rss_folder ? rss : rss_folder;
    rss_load = one.rss_load > rss_load ? one.rss_load : rss_load;
  }
  folder.rss_load = rss_load;

  printf("filmgraph %s bench_load on %s: %.0f MB of TSV\n\n", fg_version(), dir,
         (double)total_bytes / 1e6);
  printf("%-22s %8s %10s %10s %10s %9s %9s %10s\n", "file", "MB", "read MB/s", "count MB/s",
         "load MB/s", "load/read", "load/cnt", "B/record");
  double sum_read = 0, sum_count = 0, sum_load = 0;
  for (int i = 0; i < NFILES; i++) {
    if (!present[i])
      continue;
    double mb = (double)bytes[i] / 1e6;
    double r = mb / t_read[i], c = mb / t_count[i], l = mb / each.seconds[i];
    sum_read += t_read[i], sum_count += t_count[i], sum_load += each.seconds[i];
    printf("%-22s %8.1f %10.0f %10.0f %10.0f %9.3f %9.3f %10.1f\n", file_name(i), mb, r, c, l,
           l / r, l / c, each.added[i] ? (double)each.mem_delta[i] / (double)each.added[i] : 0.0);
  }
  double mb = (double)total_bytes / 1e6;
  printf("%-22s %8.1f %10.0f %10.0f %10.0f %9.3f %9.3f\n", "all files, one by one", mb,
         mb / sum_read, mb / sum_count, mb / sum_load, sum_read / sum_load,
         sum_count / sum_load);
  printf("\nfolder load (fg_graph_load_imdb), %d run%s:", runs, runs == 1 ? "" : "s");
  for (int k = 0; k < runs; k++)
    printf(" %.2f", secs[k]);
  qsort(secs, (size_t)runs, sizeof *secs, by_value);
  double median = runs % 2 ? secs[runs / 2] : (secs[runs / 2 - 1] + secs[runs / 2]) / 2;
  printf(" s\n  best %.2f s, %.0f MB/s = %.3f x the count floor, %.3f x the read floor; "
         "median %.2f s, %.0f MB/s\n",
         folder.total, mb / folder.total, (mb / folder.total) / (mb / sum_count),
         (mb / folder.total) / (mb / sum_read), median, mb / median);
  printf("index build (fg_graph_freeze): %.2f s\n", folder.freeze);
  printf("peak RSS: %.0f MB = %.3f x the TSV bytes when loaded; %.0f MB = %.3f x with the "
         "index built\n",
         (double)folder.rss_load / 1e6, (double)folder.rss_load / (double)total_bytes,
         (double)rss_folder / 1e6, (double)rss_folder / (double)total_bytes);
  printf("loaded: %zu films, %zu people, %zu credits, %zu AKAs, %zu relations; %llu skipped\n",
         folder.counts[FG_TABLE_FILMS], folder.counts[FG_TABLE_PEOPLE],
         folder.counts[FG_TABLE_CREDITS], folder.counts[FG_TABLE_AKAS],
         folder.counts[FG_TABLE_RELATIONS], folder.skipped);
  const fg_memory *m = &folder.mem;
  static const char *const names[FG_TABLE_COUNT_] = {"film", "person", "credit", "AKA",
                                                     "relation"};
  printf("\nmemory (allocated): %.0f MB in all\n", (double)m->total / 1e6);
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    printf("  %-9s records %8.0f MB  %6.1f B each\n", names[t], (double)m->records[t] / 1e6,
           folder.counts[t] ? (double)m->records[t] / (double)folder.counts[t] : 0.0);
  size_t keyed = folder.counts[FG_TABLE_FILMS] + folder.counts[FG_TABLE_PEOPLE];
  printf("  strings           %8.0f MB\n", (double)m->strings / 1e6);
  printf("  string table      %8.0f MB\n", (double)m->string_table / 1e6);
  printf("  key maps          %8.0f MB  %6.1f B per film or person\n", (double)m->keys / 1e6,
         keyed ? (double)m->keys / (double)keyed : 0.0);
  printf("  index             %8.0f MB  %6.1f B per credit\n", (double)m->index / 1e6,
         folder.counts[FG_TABLE_CREDITS]
             ? (double)m->index / (double)folder.counts[FG_TABLE_CREDITS]
             : 0.0);
  return 0;
}

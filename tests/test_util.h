/* Helpers shared by the filmgraph tests: a counting (and failing)
 * allocator, quick record builders, sources, dumps and temp folders. */
#ifndef FG_TEST_UTIL_H
#define FG_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "filmgraph.h"

/* ---- Counting allocator --------------------------------------------------
 * Counts calls and live blocks. With fail_at = k > 0, allocation number k
 * (1-based, malloc or realloc) fails; with fail_from set, every allocation
 * from k on fails too. */
typedef struct fgt_alloc {
  size_t calls;    /* malloc + realloc calls so far */
  long live;       /* blocks allocated and not yet freed */
  size_t fail_at;  /* 0: never fail */
  int fail_from;   /* 1: fail every call from fail_at on */
  size_t failures; /* allocations refused */
} fgt_alloc;

void *fgt_malloc(size_t size, void *ud);
void *fgt_realloc(void *ptr, size_t size, void *ud);
void fgt_free(void *ptr, void *ud);
/* Options with the three hooks set to the counting allocator `a`. */
fg_graph_options fgt_options(fgt_alloc *a);
/* Refuse allocation number `k` from now on (and every later one if
 * `from`), counting failures afresh; disarm to stop refusing. */
void fgt_alloc_arm(fgt_alloc *a, size_t k, int from);
void fgt_alloc_disarm(fgt_alloc *a);

/* ---- Graphs and records -------------------------------------------------- */

/* A new graph (libc allocator, or `a` when not NULL); fails the test if it
 * cannot be made. */
fg_graph *fgt_graph(fgt_alloc *a);
fg_id fgt_film(fg_graph *g, const char *key, const char *title, int32_t year);
fg_id fgt_film_origin(fg_graph *g, const char *key, const char *title, int32_t year,
                      uint32_t origin);
fg_id fgt_person(fg_graph *g, const char *key, const char *name);
fg_id fgt_credit(fg_graph *g, fg_id film, fg_id person, int role, int32_t billing);
fg_id fgt_relation(fg_graph *g, fg_id from, int type, fg_id to, uint32_t flags);
fg_id fgt_aka(fg_graph *g, fg_id film, const char *title);
/* The film id of `key`; fails the test if absent. */
fg_id fgt_find_film(const fg_graph *g, const char *key);
/* 1 if a film with that key exists. */
int fgt_has_film(const fg_graph *g, const char *key);
int fgt_has_person(const fg_graph *g, const char *key);

/* Assert that `list` holds exactly ids[0..n). Frees the list. */
void fgt_expect_ids(fg_idlist *list, const fg_id *ids, size_t n);

/* ---- Loading -------------------------------------------------------------- */

/* Load `table` from a NUL-terminated text in memory, named `name`. */
int fgt_load_text(fg_graph *g, int table, const char *name, const char *text,
                  const fg_load_options *opts, fg_error_info *err);
/* Load `table` from size bytes in memory. */
int fgt_load_bytes(fg_graph *g, int table, const char *name, const void *data, size_t size,
                   const fg_load_options *opts, fg_error_info *err);
/* Load `table` from a file. */
int fgt_load_path(fg_graph *g, int table, const char *path, const fg_load_options *opts,
                  fg_error_info *err);
/* Load the bundled sample catalogue; fails the test unless it loads. */
void fgt_load_sample(fg_graph *g);

/* A read callback over a buffer, giving at most `step` bytes per call
 * (0: as many as asked) and failing (returning `fail_rc`) once `fail_after`
 * bytes were given, when fail_rc is not 0. */
typedef struct fgt_stream {
  const char *data;
  size_t size, pos, step;
  size_t fail_after;
  int fail_rc;
  size_t calls;
} fgt_stream;
int fgt_stream_read(void *buf, size_t capacity, size_t *nread, void *payload);

/* ---- Files and dumps ------------------------------------------------------ */

/* Read a whole file into a new NUL-terminated buffer (free()); NULL if it
 * cannot be read. */
char *fgt_read_file(const char *path, size_t *size);
/* A table as the writer writes it, in a new buffer (free()). */
char *fgt_dump_table(const fg_graph *g, int table, size_t *size);
/* Assert that two graphs write the same five tables. */
void fgt_expect_same_graph(const fg_graph *a, const fg_graph *b);
/* Make a fresh temporary folder into buf (at least 64 bytes). */
void fgt_tempdir(char *buf, size_t cap);
/* Remove a temporary folder made by fgt_tempdir, with the files the
 * catalogue writer puts in it and any IMDb files. */
void fgt_remove_tempdir(const char *dir);

/* What a graph answers, to compare before and after a failed call: the
 * record counts and the five tables as the writer writes them. */
typedef struct fgt_snapshot {
  size_t n[FG_TABLE_COUNT_];
  char *dump[FG_TABLE_COUNT_];
  size_t len[FG_TABLE_COUNT_];
} fgt_snapshot;
void fgt_snapshot_take(const fg_graph *g, fgt_snapshot *s);
/* Fail the test, saying which table changed and how, unless g answers as
 * when s was taken. */
void fgt_snapshot_expect(const fg_graph *g, const fgt_snapshot *s);
void fgt_snapshot_free(fgt_snapshot *s);

/* The catalogue file name of a table ("films.tsv"). */
const char *fgt_table_file(int table);

#define FGT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif

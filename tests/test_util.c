#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- Counting allocator --------------------------------------------------- */

static int refuse(fgt_alloc *a) {
  a->calls++;
  if (a->fail_at && (a->calls == a->fail_at || (a->fail_from && a->calls > a->fail_at))) {
    a->failures++;
    return 1;
  }
  return 0;
}

void *fgt_malloc(size_t size, void *ud) {
  fgt_alloc *a = ud;
  if (refuse(a))
    return NULL;
  void *p = malloc(size);
  if (p)
    a->live++;
  return p;
}

void *fgt_realloc(void *ptr, size_t size, void *ud) {
  fgt_alloc *a = ud;
  if (refuse(a))
    return NULL;
  void *p = realloc(ptr, size);
  if (p && !ptr)
    a->live++;
  return p;
}

void fgt_free(void *ptr, void *ud) {
  fgt_alloc *a = ud;
  if (ptr)
    a->live--;
  free(ptr);
}

void fgt_alloc_arm(fgt_alloc *a, size_t k, int from) {
  a->fail_at = a->calls + k;
  a->fail_from = from;
  a->failures = 0;
}

void fgt_alloc_disarm(fgt_alloc *a) { a->fail_at = 0; }

fg_graph_options fgt_options(fgt_alloc *a) {
  fg_graph_options o = FG_GRAPH_OPTIONS_INIT;
  o.malloc_fn = fgt_malloc;
  o.realloc_fn = fgt_realloc;
  o.free_fn = fgt_free;
  o.alloc_ud = a;
  return o;
}

/* ---- Graphs and records ----------------------------------------------------- */

fg_graph *fgt_graph(fgt_alloc *a) {
  fg_graph *g = NULL;
  if (a) {
    fg_graph_options o = fgt_options(a);
    assert_int_equal(fg_graph_new(&o, &g), FG_OK);
  } else {
    assert_int_equal(fg_graph_new(NULL, &g), FG_OK);
  }
  assert_non_null(g);
  return g;
}

fg_id fgt_film_origin(fg_graph *g, const char *key, const char *title, int32_t year,
                      uint32_t origin) {
  fg_film f = FG_FILM_INIT;
  f.key = key;
  f.title = title;
  f.year = year;
  f.origin = origin;
  fg_id id = FG_ID_NONE;
  int rc = fg_graph_add_film(g, &f, &id);
  if (rc != FG_OK)
    fail_msg("adding film %s: %s (%s)", key, fg_errstr(rc), fg_errmsg(g));
  return id;
}

fg_id fgt_film(fg_graph *g, const char *key, const char *title, int32_t year) {
  return fgt_film_origin(g, key, title, year, 0);
}

fg_id fgt_person(fg_graph *g, const char *key, const char *name) {
  fg_person p = FG_PERSON_INIT;
  p.key = key;
  p.name = name;
  fg_id id = FG_ID_NONE;
  int rc = fg_graph_add_person(g, &p, &id);
  if (rc != FG_OK)
    fail_msg("adding person %s: %s (%s)", key, fg_errstr(rc), fg_errmsg(g));
  return id;
}

fg_id fgt_credit(fg_graph *g, fg_id film, fg_id person, int role, int32_t billing) {
  fg_credit c = FG_CREDIT_INIT;
  c.film = film;
  c.person = person;
  c.role = role;
  c.billing = billing;
  fg_id id = FG_ID_NONE;
  int rc = fg_graph_add_credit(g, &c, &id);
  if (rc != FG_OK)
    fail_msg("adding credit: %s (%s)", fg_errstr(rc), fg_errmsg(g));
  return id;
}

fg_id fgt_relation(fg_graph *g, fg_id from, int type, fg_id to, uint32_t flags) {
  fg_relation r = FG_RELATION_INIT;
  r.from = from;
  r.to = to;
  r.type = type;
  r.flags = flags;
  fg_id id = FG_ID_NONE;
  int rc = fg_graph_add_relation(g, &r, &id);
  if (rc != FG_OK)
    fail_msg("adding relation: %s (%s)", fg_errstr(rc), fg_errmsg(g));
  return id;
}

fg_id fgt_aka(fg_graph *g, fg_id film, const char *title) {
  fg_aka a = FG_AKA_INIT;
  a.film = film;
  a.title = title;
  fg_id id = FG_ID_NONE;
  int rc = fg_graph_add_aka(g, &a, &id);
  if (rc != FG_OK)
    fail_msg("adding aka %s: %s (%s)", title, fg_errstr(rc), fg_errmsg(g));
  return id;
}

fg_id fgt_find_film(const fg_graph *g, const char *key) {
  fg_id id = FG_ID_NONE;
  if (fg_graph_find_film(g, key, &id) != FG_OK)
    fail_msg("film %s not found", key);
  return id;
}

int fgt_has_film(const fg_graph *g, const char *key) {
  fg_id id;
  return fg_graph_find_film(g, key, &id) == FG_OK;
}

int fgt_has_person(const fg_graph *g, const char *key) {
  fg_id id;
  return fg_graph_find_person(g, key, &id) == FG_OK;
}

void fgt_expect_ids(fg_idlist *list, const fg_id *ids, size_t n) {
  assert_non_null(list);
  size_t got = fg_idlist_count(list);
  if (got != n) {
    char buf[512];
    size_t k = 0;
    for (size_t i = 0; i < got && k < sizeof buf - 16; i++)
      k += (size_t)snprintf(buf + k, sizeof buf - k, " %lu", (unsigned long)fg_idlist_get(list, i));
    buf[k] = '\0';
    fg_idlist_free(list);
    fail_msg("expected %zu ids, got %zu:%s", n, got, buf);
  }
  for (size_t i = 0; i < n; i++) {
    if (fg_idlist_get(list, i) != ids[i]) {
      fg_id g = fg_idlist_get(list, i);
      fg_idlist_free(list);
      fail_msg("id %zu: expected %lu, got %lu", i, (unsigned long)ids[i], (unsigned long)g);
    }
  }
  assert_int_equal(fg_idlist_get(list, n), FG_ID_NONE);
  fg_idlist_free(list);
}

/* ---- Loading ------------------------------------------------------------------ */

int fgt_load_bytes(fg_graph *g, int table, const char *name, const void *data, size_t size,
                   const fg_load_options *opts, fg_error_info *err) {
  fg_source src = FG_SOURCE_INIT;
  src.name = name;
  src.data = data;
  src.size = size;
  return fg_graph_load_table(g, table, &src, opts, err);
}

int fgt_load_text(fg_graph *g, int table, const char *name, const char *text,
                  const fg_load_options *opts, fg_error_info *err) {
  return fgt_load_bytes(g, table, name, text, strlen(text), opts, err);
}

int fgt_load_path(fg_graph *g, int table, const char *path, const fg_load_options *opts,
                  fg_error_info *err) {
  fg_source src = FG_SOURCE_INIT;
  src.path = path;
  return fg_graph_load_table(g, table, &src, opts, err);
}

void fgt_load_sample(fg_graph *g) {
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_load_catalog(g, FG_SAMPLE_DIR, NULL, &err);
  if (rc != FG_OK)
    fail_msg("loading the sample: %s: %s:%lu:%lu: %s", fg_errstr(rc), err.file,
             (unsigned long)err.line, (unsigned long)err.column, err.message);
}

int fgt_stream_read(void *buf, size_t capacity, size_t *nread, void *payload) {
  fgt_stream *s = payload;
  s->calls++;
  if (s->fail_rc && s->pos >= s->fail_after)
    return s->fail_rc;
  size_t n = s->size - s->pos;
  if (n > capacity)
    n = capacity;
  if (s->step && n > s->step)
    n = s->step;
  if (s->fail_rc && n > s->fail_after - s->pos)
    n = s->fail_after - s->pos;
  memcpy(buf, s->data + s->pos, n);
  s->pos += n;
  *nread = n;
  return 0;
}

/* ---- Files and dumps ---------------------------------------------------------- */

char *fgt_read_file(const char *path, size_t *size) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (n + 1 >= cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
    size_t got = fread(buf + n, 1, cap - n - 1, fp);
    n += got;
    if (got == 0)
      break;
  }
  fclose(fp);
  buf[n] = '\0';
  if (size)
    *size = n;
  return buf;
}

typedef struct membuf {
  char *data;
  size_t size, cap;
} membuf;

static int mem_write(const void *data, size_t size, void *payload) {
  membuf *m = payload;
  if (m->size + size + 1 > m->cap) {
    while (m->size + size + 1 > m->cap)
      m->cap = m->cap ? m->cap * 2 : 4096;
    m->data = realloc(m->data, m->cap);
  }
  memcpy(m->data + m->size, data, size);
  m->size += size;
  m->data[m->size] = '\0';
  return 0;
}

char *fgt_dump_table(const fg_graph *g, int table, size_t *size) {
  membuf m = {NULL, 0, 0};
  assert_int_equal(fg_graph_write_table(g, table, mem_write, &m), FG_OK);
  assert_non_null(m.data);
  if (size)
    *size = m.size;
  return m.data;
}

void fgt_expect_same_graph(const fg_graph *a, const fg_graph *b) {
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    assert_int_equal(fg_graph_count(a, t), fg_graph_count(b, t));
    size_t na, nb;
    char *da = fgt_dump_table(a, t, &na), *db = fgt_dump_table(b, t, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, na);
    free(da);
    free(db);
  }
}

void fgt_tempdir(char *buf, size_t cap) {
  const char *base = getenv("TMPDIR");
  if (!base || !*base)
    base = "/tmp";
  snprintf(buf, cap, "%s/fgtest.XXXXXX", base);
  assert_non_null(mkdtemp(buf));
}

static const char *const table_files[FG_TABLE_COUNT_] = {
    "films.tsv", "people.tsv", "credits.tsv", "akas.tsv", "relations.tsv",
};

const char *fgt_table_file(int table) { return table_files[table]; }

void fgt_remove_tempdir(const char *dir) {
  char path[1024];
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    snprintf(path, sizeof path, "%s/%s", dir, table_files[t]);
    unlink(path);
    snprintf(path, sizeof path, "%s/%s.tmp", dir, table_files[t]);
    unlink(path);
  }
  for (int f = 0; f < FG_IMDB_FILE_COUNT_; f++) {
    snprintf(path, sizeof path, "%s/%s", dir, fg_imdb_file_name(f));
    unlink(path);
  }
  assert_int_equal(rmdir(dir), 0);
}

void fgt_snapshot_take(const fg_graph *g, fgt_snapshot *s) {
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    s->n[t] = fg_graph_count(g, t);
    s->dump[t] = fgt_dump_table(g, t, &s->len[t]);
  }
}

void fgt_snapshot_free(fgt_snapshot *s) {
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    free(s->dump[t]);
}

void fgt_snapshot_expect(const fg_graph *g, const fgt_snapshot *s) {
  fgt_snapshot now;
  fgt_snapshot_take(g, &now);
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    if (now.n[t] != s->n[t])
      fail_msg("table %s: %zu records, expected %zu", fgt_table_file(t), now.n[t], s->n[t]);
    if (now.len[t] != s->len[t] || memcmp(now.dump[t], s->dump[t], s->len[t]) != 0)
      fail_msg("table %s changed:\n--- expected\n%s--- got\n%s", fgt_table_file(t), s->dump[t],
               now.dump[t]);
  }
  fgt_snapshot_free(&now);
}

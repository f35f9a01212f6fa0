/* The native catalogue: loading from paths, buffers and callbacks, writing
 * back byte for byte, every kind of malformed file (with its exact line and
 * column, and the graph left as it was), lenient mode, limits, escapes and
 * I/O errors. */
#include "test_util.h"
#include <stdint.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA FG_TEST_DATA_DIR "/"

/* ---- A base graph that failed loads must leave alone -------------------------- */

static fg_graph *base_graph(void) {
  fg_graph *g = fgt_graph(NULL);
  fgt_film(g, "base-film", "Base Film", 1999);
  fgt_film(g, "base-film-2", "Base Film Two", 2001);
  fgt_person(g, "base-person", "Base Person");
  fgt_aka(g, 0, "Basis");
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  return g;
}

static void expect_base_graph(const fg_graph *g) {
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 2);
  assert_int_equal(fg_graph_count(g, FG_TABLE_PEOPLE), 1);
  assert_int_equal(fg_graph_count(g, FG_TABLE_CREDITS), 0);
  assert_int_equal(fg_graph_count(g, FG_TABLE_AKAS), 1);
  assert_int_equal(fg_graph_count(g, FG_TABLE_RELATIONS), 0);
  assert_int_equal(fgt_find_film(g, "base-film"), 0);
  assert_int_equal(fgt_find_film(g, "base-film-2"), 1);
  assert_true(fgt_has_person(g, "base-person"));
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, 1, &f), FG_OK);
  assert_string_equal(f.title, "Base Film Two");
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, "basis", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  assert_int_equal(fg_idlist_get(l, 0), 0);
  fg_idlist_free(l);
  assert_int_equal(fg_film_credits(g, 0, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
}

/* ---- The sample catalogue ------------------------------------------------------ */

static const int load_order[FG_TABLE_COUNT_] = {FG_TABLE_FILMS, FG_TABLE_PEOPLE, FG_TABLE_AKAS,
                                                FG_TABLE_CREDITS, FG_TABLE_RELATIONS};

static void test_sample_loads(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fg_graph_load_catalog(g, FG_SAMPLE_DIR, NULL, &err), FG_OK);
  assert_int_equal(err.status, FG_OK);
  assert_int_equal(err.skipped, 0);
  assert_string_equal(err.message, "");
  size_t total = 0;
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    assert_true(fg_graph_count(g, t) > 0);
    total += fg_graph_count(g, t);
  }
  assert_int_equal(err.rows, total);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 31);
  /* Loading the same catalogue again clashes with itself, changing nothing. */
  assert_int_equal(fg_graph_load_catalog(g, FG_SAMPLE_DIR, NULL, &err), FG_EEXISTS);
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 1);
  assert_non_null(strstr(err.file, "films.tsv"));
  assert_int_equal(err.rows, 0);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 31);
  assert_int_equal(fg_graph_count(g, FG_TABLE_RELATIONS), 15);
  fg_graph_free(g);
}

static void test_sample_written_byte_for_byte(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  char dir[256];
  fgt_tempdir(dir, sizeof dir);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fg_graph_write_catalog(g, dir, &err), FG_OK);
  size_t total = 0;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    total += fg_graph_count(g, t);
  assert_int_equal(err.rows, total);
  char path[512];
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    size_t na, nb;
    snprintf(path, sizeof path, "%s/%s", FG_SAMPLE_DIR, fgt_table_file(t));
    char *want = fgt_read_file(path, &na);
    snprintf(path, sizeof path, "%s/%s", dir, fgt_table_file(t));
    char *got = fgt_read_file(path, &nb);
    assert_non_null(want);
    assert_non_null(got);
    if (na != nb || memcmp(want, got, na) != 0)
      fail_msg("%s differs from the sample (%zu vs %zu bytes)", fgt_table_file(t), nb, na);
    /* fg_graph_write_table gives the same bytes */
    size_t nd;
    char *dump = fgt_dump_table(g, t, &nd);
    assert_int_equal(nd, na);
    assert_memory_equal(dump, want, na);
    free(dump);
    free(want);
    free(got);
  }
  /* Load what was written: the same graph. Write over the old files. */
  fg_graph *h = fgt_graph(NULL);
  assert_int_equal(fg_graph_load_catalog(h, dir, NULL, &err), FG_OK);
  fgt_expect_same_graph(g, h);
  assert_int_equal(fg_graph_write_catalog(h, dir, NULL), FG_OK);
  fg_graph *k = fgt_graph(NULL);
  assert_int_equal(fg_graph_load_catalog(k, dir, NULL, NULL), FG_OK);
  fgt_expect_same_graph(g, k);
  fgt_remove_tempdir(dir);
  fg_graph_free(g);
  fg_graph_free(h);
  fg_graph_free(k);
}

/* Load every sample table from `kind` of source into a new graph. */
static fg_graph *sample_via(int kind) {
  fg_graph *g = fgt_graph(NULL);
  for (int i = 0; i < FG_TABLE_COUNT_; i++) {
    int t = load_order[i];
    char path[512];
    snprintf(path, sizeof path, "%s/%s", FG_SAMPLE_DIR, fgt_table_file(t));
    fg_error_info err = FG_ERROR_INFO_INIT;
    fg_source src = FG_SOURCE_INIT;
    size_t size = 0;
    char *data = NULL;
    fgt_stream st;
    memset(&st, 0, sizeof st);
    if (kind == 0) {
      src.path = path;
    } else {
      data = fgt_read_file(path, &size);
      assert_non_null(data);
      if (kind == 1) {
        src.data = data;
        src.size = size;
      } else {
        st.data = data;
        st.size = size;
        st.step = kind == 2 ? 1 : 7;
        src.read = fgt_stream_read;
        src.payload = &st;
      }
    }
    int rc = fg_graph_load_table(g, t, &src, NULL, &err);
    if (rc != FG_OK)
      fail_msg("%s via source %d: %s: %s:%lu:%lu: %s", fgt_table_file(t), kind, fg_errstr(rc),
               err.file, (unsigned long)err.line, (unsigned long)err.column, err.message);
    assert_int_equal(err.rows, fg_graph_count(g, t));
    if (kind >= 2)
      assert_true(st.calls >= size / st.step);
    free(data);
  }
  return g;
}

static void test_load_sources_agree(void **state) {
  (void)state;
  fg_graph *ref = fgt_graph(NULL);
  fgt_load_sample(ref);
  for (int kind = 0; kind < 4; kind++) {
    fg_graph *g = sample_via(kind);
    fgt_expect_same_graph(ref, g);
    fg_graph_free(g);
  }
  fg_graph_free(ref);
}

/* ---- Malformed files -------------------------------------------------------- */

typedef struct bad_case {
  const char *file; /* under tests/data */
  int table;
  int status;
  uint64_t line, column;
  const char *fragment; /* expected in the message */
  const char *absent;   /* a film (or person, for people.tsv) key of the file */
} bad_case;

static const bad_case bad_cases[] = {
    {"bad_empty_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 1, "empty file", NULL},
    {"bad_bom_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 1, "byte order mark", "good-1"},
    {"bad_crlf_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 10, "CRLF", "good-1"},
    {"bad_cr_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 10, "carriage return", "good-1"},
    {"bad_nul_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 12, "NUL", "good-1"},
    {"bad_utf8_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 14, "invalid UTF-8", "good-1"},
    {"bad_nonl_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 16, "missing newline", "good-1"},
    {"bad_nonl_header_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 10, "missing newline", NULL},
    {"bad_header_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 5,
     "header column 2 is 'name'; expected 'title'", "good-1"},
    {"bad_header_required_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 1,
     "header column 1 is 'title'; expected 'key'", "good-1"},
    {"bad_header_short_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 4, "starts with key, title",
     NULL},
    {"bad_header_unknown_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 11,
     "header column 3 'yr' is not a column of films.tsv", "good-1"},
    {"bad_header_twice_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 1, 16,
     "header column 4 'year' appears twice", "good-1"},
    {"bad_header_long_relations.tsv", FG_TABLE_RELATIONS, FG_EPARSE, 1, 29,
     "more than the 5 columns", NULL},
    {"bad_fields_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 12, "expected 3 fields", "good-1"},
    {"bad_fields_long_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 15, "found 4", "good-1"},
    {"bad_number_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 12, "not a whole number", "good-1"},
    {"bad_year_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 10, "out of range", "good-1"},
    {"bad_year_zero_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 12, "out of range", "good-1"},
    {"bad_kind_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 9, "unknown kind 'film'", "good-1"},
    {"bad_origin_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 25, "unknown origin", "good-1"},
    {"bad_dup_films.tsv", FG_TABLE_FILMS, FG_EEXISTS, 3, 1, "duplicate film key 'good-1'",
     "good-1"},
    {"bad_dup_existing_films.tsv", FG_TABLE_FILMS, FG_EEXISTS, 3, 1,
     "duplicate film key 'base-film'", "good-1"},
    {"bad_escape_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 9, "unknown escape", "good-1"},
    {"bad_empty_title_films.tsv", FG_TABLE_FILMS, FG_EPARSE, 3, 3, "title is empty", "good-1"},
    {"bad_dup_people.tsv", FG_TABLE_PEOPLE, FG_EEXISTS, 3, 1, "duplicate person key", "good-p"},
    {"bad_year_people.tsv", FG_TABLE_PEOPLE, FG_EPARSE, 3, 9, "out of range", "good-p"},
    {"bad_role_credits.tsv", FG_TABLE_CREDITS, FG_EPARSE, 3, 23, "unknown role 'boom operator'",
     NULL},
    {"bad_film_credits.tsv", FG_TABLE_CREDITS, FG_ENOTFOUND, 3, 1, "unknown film key 'nope'",
     NULL},
    {"bad_person_credits.tsv", FG_TABLE_CREDITS, FG_ENOTFOUND, 3, 11,
     "unknown person key 'nobody'", NULL},
    {"bad_is_original_akas.tsv", FG_TABLE_AKAS, FG_EPARSE, 3, 20, "out of range", NULL},
    {"bad_film_akas.tsv", FG_TABLE_AKAS, FG_ENOTFOUND, 3, 1, "unknown film key 'ghost'", NULL},
    {"bad_relation_relations.tsv", FG_TABLE_RELATIONS, FG_EPARSE, 3, 11,
     "unknown relation 'remake'", NULL},
    {"bad_case_relations.tsv", FG_TABLE_RELATIONS, FG_EPARSE, 3, 11, "lower case", NULL},
    {"bad_flag_relations.tsv", FG_TABLE_RELATIONS, FG_EPARSE, 3, 44, "unknown relation flag",
     NULL},
    {"bad_self_relations.tsv", FG_TABLE_RELATIONS, FG_EPARSE, 3, 21, "itself", NULL},
    {"bad_dangling_relations.tsv", FG_TABLE_RELATIONS, FG_ENOTFOUND, 3, 21,
     "unknown film key 'nope'", NULL},
};

/* Load one bad case from the source `kind` (0 path, 1 buffer, 2 one byte
 * per read) and check everything about the failure. */
static void check_bad_case(const bad_case *c, int kind) {
  char path[512];
  snprintf(path, sizeof path, DATA "%s", c->file);
  size_t size = 0;
  char *data = fgt_read_file(path, &size);
  assert_non_null(data);
  fg_graph *g = base_graph();
  fg_source src = FG_SOURCE_INIT;
  fgt_stream st;
  memset(&st, 0, sizeof st);
  if (kind == 0) {
    src.path = path;
  } else if (kind == 1) {
    src.data = data;
    src.size = size;
    src.name = c->file;
  } else {
    st.data = data;
    st.size = size;
    st.step = 1;
    src.read = fgt_stream_read;
    src.payload = &st;
    src.name = c->file;
  }
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_load_table(g, c->table, &src, NULL, &err);
  if (rc != c->status || err.line != c->line || err.column != c->column ||
      !strstr(err.message, c->fragment))
    fail_msg("%s (source %d): got %s at %lu:%lu \"%s\"; expected %s at %lu:%lu \"...%s...\"",
             c->file, kind, fg_errstr(rc), (unsigned long)err.line, (unsigned long)err.column,
             err.message, fg_errstr(c->status), (unsigned long)c->line,
             (unsigned long)c->column, c->fragment);
  assert_int_equal(err.status, c->status);
  assert_int_equal(err.rows, 0);
  assert_string_equal(err.file, kind == 0 ? path : c->file);
  /* fg_errmsg: "file:line:column: message" */
  char want[2048];
  snprintf(want, sizeof want, "%s:%lu:%lu: %s", err.file, (unsigned long)err.line,
           (unsigned long)err.column, err.message);
  assert_string_equal(fg_errmsg(g), want);
  /* The graph is as it was. */
  expect_base_graph(g);
  if (c->absent) {
    if (c->table == FG_TABLE_PEOPLE)
      assert_false(fgt_has_person(g, c->absent));
    else
      assert_false(fgt_has_film(g, c->absent));
  }
  /* ... and still takes new records with the next ids. */
  assert_int_equal(fgt_film(g, "after", "After", 0), 2);
  fg_graph_free(g);
  free(data);
}

static void test_malformed_files(void **state) {
  (void)state;
  for (size_t i = 0; i < FGT_ARRAY_LEN(bad_cases); i++)
    for (int kind = 0; kind < 3; kind++)
      check_bad_case(&bad_cases[i], kind);
}

/* Malformed input given without an error struct still fails cleanly. */
static void test_malformed_without_err(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  int rc = fgt_load_path(g, FG_TABLE_FILMS, DATA "bad_nul_films.tsv", NULL, NULL);
  assert_int_equal(rc, FG_EPARSE);
  assert_non_null(strstr(fg_errmsg(g), "bad_nul_films.tsv:3:12: "));
  expect_base_graph(g);
  fg_graph_free(g);
}

/* Invalid UTF-8 of other shapes, from memory. */
static void test_more_invalid_utf8(void **state) {
  (void)state;
  static const struct {
    const char *text;
    uint64_t column;
  } cases[] = {
      {"key\ttitle\nk\tcaf\xc3\n", 6},           /* truncated before the newline */
      {"key\ttitle\nk\t\xc0\xaf\n", 3},          /* overlong */
      {"key\ttitle\nk\tab\xed\xa0\x80z\n", 5},   /* surrogate */
      {"key\ttitle\nk\tö\xf4\x90\x80\x80\n", 4}, /* past U+10FFFF */
      {"key\ttitle\nk\tü\x80\n", 4},             /* stray continuation byte */
      {"k\xff" "ey\ttitle\n", 2},                /* in the header */
  };
  for (size_t i = 0; i < FGT_ARRAY_LEN(cases); i++) {
    fg_graph *g = base_graph();
    fg_error_info err = FG_ERROR_INFO_INIT;
    assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "x.tsv", cases[i].text, NULL, &err),
                     FG_EPARSE);
    assert_int_equal(err.line, i == 5 ? 1 : 2);
    assert_int_equal(err.column, cases[i].column);
    assert_non_null(strstr(err.message, "UTF-8"));
    expect_base_graph(g);
    fg_graph_free(g);
  }
}

/* A whole folder is one transaction: a bad last file undoes every table. */
static void test_catalog_rolls_back(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_load_catalog(g, DATA "catalog_bad_relation", NULL, &err);
  assert_int_equal(rc, FG_EPARSE);
  assert_int_equal(err.status, FG_EPARSE);
  assert_string_equal(err.file, DATA "catalog_bad_relation/relations.tsv");
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 7);
  assert_non_null(strstr(err.message, "unknown relation 'remakes'"));
  assert_int_equal(err.rows, 0);
  assert_non_null(strstr(fg_errmsg(g), "relations.tsv:3:7: unknown relation"));
  expect_base_graph(g);
  assert_false(fgt_has_film(g, "cat-a"));
  assert_false(fgt_has_film(g, "cat-c"));
  assert_false(fgt_has_person(g, "cat-p"));
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, "Katze A", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
  /* The keys are free again: the good tables load on their own. */
  assert_int_equal(
      fgt_load_path(g, FG_TABLE_FILMS, DATA "catalog_bad_relation/films.tsv", NULL, &err),
      FG_OK);
  assert_int_equal(err.rows, 3);
  assert_int_equal(fgt_find_film(g, "cat-a"), 2);
  /* Lenient: the bad relation is skipped, the rest of the folder loads. */
  fg_graph *h = base_graph();
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  assert_int_equal(fg_graph_load_catalog(h, DATA "catalog_bad_relation", &opts, &err), FG_OK);
  assert_int_equal(err.skipped, 1);
  assert_int_equal(err.rows, 3 + 1 + 1 + 2 + 1);
  assert_int_equal(fg_graph_count(h, FG_TABLE_FILMS), 5);
  assert_int_equal(fg_graph_count(h, FG_TABLE_RELATIONS), 1);
  assert_int_equal(fg_graph_count(h, FG_TABLE_CREDITS), 2);
  fg_graph_free(h);
  fg_graph_free(g);
}

static void test_catalog_folder_errors(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  fg_error_info err = FG_ERROR_INFO_INIT;
  /* No films.tsv */
  assert_int_equal(fg_graph_load_catalog(g, DATA "catalog_no_films", NULL, &err), FG_EIO);
  assert_int_equal(err.status, FG_EIO);
  assert_non_null(strstr(err.file, "films.tsv"));
  expect_base_graph(g);
  assert_false(fgt_has_person(g, "nf-p"));
  /* No folder at all */
  assert_int_equal(fg_graph_load_catalog(g, DATA "no-such-folder", NULL, &err), FG_EIO);
  assert_true(fg_errmsg(g)[0] != '\0');
  expect_base_graph(g);
  assert_int_equal(fg_graph_load_catalog(g, NULL, NULL, &err), FG_EINVAL);
  assert_int_equal(fg_graph_load_catalog(NULL, FG_SAMPLE_DIR, NULL, &err), FG_EINVAL);
  expect_base_graph(g);
  fg_graph_free(g);
}

/* Relations name films anywhere in films.tsv; inverse names are stored in
 * the forward direction, and written that way. */
static void test_catalog_relations_forward(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fg_graph_load_catalog(g, DATA "catalog_forward", NULL, &err), FG_OK);
  fg_id orig = fgt_find_film(g, "fw-orig"), seq = fgt_find_film(g, "fw-seq");
  fg_id remake = fgt_find_film(g, "fw-remake"), late = fgt_find_film(g, "fw-late");
  assert_int_equal(fg_graph_count(g, FG_TABLE_RELATIONS), 4);
  static const struct {
    int type;
    const char *from, *to;
  } want[] = {
      {FG_REL_REMAKE_OF, "fw-remake", "fw-orig"}, /* "fw-orig remade_as fw-remake" */
      {FG_REL_FOLLOWS, "fw-seq", "fw-orig"},      /* "fw-orig followed_by fw-seq" */
      {FG_REL_VERSION_OF, "fw-orig", "fw-late"},  /* symmetric: kept as written */
      {FG_REL_REFERENCES, "fw-remake", "fw-late"},
  };
  for (fg_id i = 0; i < 4; i++) {
    fg_relation r = FG_RELATION_INIT;
    assert_int_equal(fg_graph_relation(g, i, &r), FG_OK);
    assert_int_equal(r.type, want[i].type);
    assert_int_equal(r.from, fgt_find_film(g, want[i].from));
    assert_int_equal(r.to, fgt_find_film(g, want[i].to));
  }
  fg_idlist *l = NULL;
  assert_int_equal(fg_film_remakes(g, orig, &l), FG_OK);
  fgt_expect_ids(l, &remake, 1);
  fg_story s = FG_STORY_INIT;
  assert_int_equal(fg_film_true_story(g, remake, &s, NULL), FG_OK);
  assert_int_equal(s.original, orig);
  (void)seq;
  (void)late;
  size_t n;
  char *text = fgt_dump_table(g, FG_TABLE_RELATIONS, &n);
  assert_string_equal(text, "from\trelation\tto\tflags\tnote\n"
                            "fw-remake\tremake_of\tfw-orig\t\t\n"
                            "fw-seq\tfollows\tfw-orig\t\t\n"
                            "fw-orig\tversion_of\tfw-late\t\t\n"
                            "fw-remake\treferences\tfw-late\t\t\n");
  free(text);
  fg_graph_free(g);
}

/* ---- Lenient mode ---------------------------------------------------------------- */

typedef struct skips {
  int count;
  uint64_t lines[16];
  int status[16];
  uint64_t columns[16];
} skips;

static void on_skip(const fg_error_info *info, void *payload) {
  skips *s = payload;
  assert_non_null(info);
  assert_true(info->message[0] != '\0');
  assert_string_equal(info->file, "lenient.tsv");
  if (s->count < 16) {
    s->lines[s->count] = info->line;
    s->status[s->count] = info->status;
    s->columns[s->count] = info->column;
  }
  s->count++;
}

static void test_lenient(void **state) {
  (void)state;
  static const char text[] = "key\ttitle\tyear\n"
                             "l1\tOne\t2001\n"     /* 2 good */
                             "l2\tTwo\t20x1\n"     /* 3 bad number */
                             "l3\tThree\t2003\n"   /* 4 good */
                             "l4\tFour\n"          /* 5 field count */
                             "l1\tDup\t2006\n"     /* 6 duplicate */
                             "l5\tFive\t\n"        /* 7 good, year unknown */
                             "l6\tSix\t99999\n"    /* 8 out of range */
                             "l7\t\\q\t2000\n"     /* 9 bad escape */
                             "l8\tEight\t2008";    /* 10 no final newline */
  fg_graph *g = base_graph();
  skips s;
  memset(&s, 0, sizeof s);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  opts.on_skip = on_skip;
  opts.skip_payload = &s;
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "lenient.tsv", text, &opts, &err), FG_OK);
  assert_int_equal(err.status, FG_OK);
  assert_int_equal(err.rows, 3);
  assert_int_equal(err.skipped, 6);
  assert_int_equal(s.count, 6);
  static const uint64_t lines[] = {3, 5, 6, 8, 9, 10};
  static const int status[] = {FG_EPARSE, FG_EPARSE, FG_EEXISTS, FG_EPARSE, FG_EPARSE, FG_EPARSE};
  static const uint64_t columns[] = {10, 8, 1, 8, 4, 14};
  for (int i = 0; i < 6; i++) {
    assert_int_equal(s.lines[i], lines[i]);
    assert_int_equal(s.status[i], status[i]);
    assert_int_equal(s.columns[i], columns[i]);
  }
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 2 + 3);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "l1"), &f), FG_OK);
  assert_string_equal(f.title, "One");
  assert_int_equal(f.year, 2001);
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "l5"), &f), FG_OK);
  assert_int_equal(f.year, 0);
  assert_true(fgt_has_film(g, "l3"));
  static const char *const gone[] = {"l2", "l4", "l6", "l7", "l8"};
  for (size_t i = 0; i < FGT_ARRAY_LEN(gone); i++)
    assert_false(fgt_has_film(g, gone[i]));

  /* Lenient without a callback or an error struct works too. */
  fg_load_options quiet = FG_LOAD_OPTIONS_INIT;
  quiet.flags = FG_LOAD_LENIENT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "q.tsv", "key\ttitle\nq1\tQ\nq1\tQ\n",
                                 &quiet, NULL),
                   FG_OK);
  assert_true(fgt_has_film(g, "q1"));

  /* Rows of other tables: dangling keys and self-relations are skipped. */
  memset(&s, 0, sizeof s);
  assert_int_equal(fgt_load_text(g, FG_TABLE_RELATIONS, "lenient.tsv",
                                 "from\trelation\tto\n"
                                 "l1\tremake_of\tl3\n"
                                 "l1\tremake_of\tl1\n"
                                 "l1\tremake_of\tghost\n"
                                 "l3\tremade_as\tl5\n",
                                 &opts, &err),
                   FG_OK);
  assert_int_equal(err.rows, 2);
  assert_int_equal(err.skipped, 2);
  assert_int_equal(s.count, 2);
  assert_int_equal(s.lines[0], 3);
  assert_int_equal(s.lines[1], 4);
  assert_int_equal(s.status[1], FG_ENOTFOUND);
  fg_graph_free(g);
}

static void test_lenient_still_fails(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  skips s;
  memset(&s, 0, sizeof s);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  opts.on_skip = on_skip;
  opts.skip_payload = &s;
  fg_error_info err = FG_ERROR_INFO_INIT;
  /* a wrong header */
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "lenient.tsv", "key\tname\nx\tX\n", &opts,
                                 &err),
                   FG_EPARSE);
  assert_int_equal(err.line, 1);
  /* an empty file */
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "lenient.tsv", "", &opts, &err), FG_EPARSE);
  /* a line over the limit (after a skipped row and a good one) */
  opts.max_line = 16;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "lenient.tsv",
                                 "key\ttitle\nbad\n"
                                 "ok\tOK\n"
                                 "long-key\tlong long title\n",
                                 &opts, &err),
                   FG_ELIMIT);
  assert_int_equal(err.line, 4);
  assert_int_equal(s.count, 1); /* the bad row was reported before the failure */
  assert_false(fgt_has_film(g, "ok"));
  /* a read error */
  opts.max_line = 0;
  static const char text[] = "key\ttitle\nr1\tR1\nr2\tR2\n";
  fgt_stream st = {text, sizeof text - 1, 0, 3, 14, -1, 0};
  fg_source src = FG_SOURCE_INIT;
  src.read = fgt_stream_read;
  src.payload = &st;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err), FG_EIO);
  assert_false(fgt_has_film(g, "r1"));
  expect_base_graph(g);
  fg_graph_free(g);
}

/* ---- Limits, streams, I/O errors --------------------------------------------------- */

static void test_max_line(void **state) {
  (void)state;
  /* Lines are at most 20 bytes (without the newline). */
  static const char ok[] = "key\ttitle\n"
                           "exactly-twenty\tbytes\n"; /* 20 bytes */
  static const char too_long[] = "key\ttitle\n"
                                 "short\tS\n"
                                 "twenty-one-x\tbytes-xx\n"; /* 21 bytes */
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.max_line = 20;
  for (int kind = 0; kind < 3; kind++) {
    fg_graph *g = base_graph();
    fg_error_info err = FG_ERROR_INFO_INIT;
    for (int pass = 0; pass < 2; pass++) {
      const char *text = pass ? too_long : ok;
      fg_source src = FG_SOURCE_INIT;
      fgt_stream st;
      memset(&st, 0, sizeof st);
      st.data = text;
      st.size = strlen(text);
      st.step = kind == 1 ? 1 : 0;
      if (kind == 0) {
        src.data = text;
        src.size = strlen(text);
      } else {
        src.read = fgt_stream_read;
        src.payload = &st;
      }
      src.name = "limit.tsv";
      int rc = fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err);
      if (!pass) {
        assert_int_equal(rc, FG_OK);
        assert_true(fgt_has_film(g, "exactly-twenty"));
      } else {
        assert_int_equal(rc, FG_ELIMIT);
        assert_int_equal(err.status, FG_ELIMIT);
        assert_int_equal(err.line, 3);
        assert_non_null(strstr(err.message, "longer than the limit of 20 bytes"));
        assert_false(fgt_has_film(g, "short"));
        assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 3);
      }
    }
    fg_graph_free(g);
  }
  /* From a file too. */
  fg_graph *g = base_graph();
  fg_error_info err = FG_ERROR_INFO_INIT;
  opts.max_line = 20;
  assert_int_equal(fgt_load_path(g, FG_TABLE_FILMS, DATA "long_line_films.tsv", &opts, &err),
                   FG_ELIMIT);
  assert_int_equal(err.line, 3);
  expect_base_graph(g);
  assert_false(fgt_has_film(g, "short"));
  /* The default limit (1 MiB) takes that file. */
  assert_int_equal(fgt_load_path(g, FG_TABLE_FILMS, DATA "long_line_films.tsv", NULL, &err),
                   FG_OK);
  assert_true(fgt_has_film(g, "this-key-is-long"));
  fg_graph_free(g);
}

/* A field over max_field is refused with its column named, in bounded
 * memory; a lenient load skips the row. The default is 64 KiB, and
 * SIZE_MAX lifts the limit (max_line still applies). */
static void test_max_field(void **state) {
  (void)state;
  static const char text[] = "key\ttitle\tyear\n"
                             "ok\tTen bytes!\t2001\n"
                             "long\tEleven byte\t2002\n"
                             "after\tA\t2003\n";
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.max_field = 10;
  fg_graph *g = base_graph();
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "field.tsv", text, &opts, &err), FG_ELIMIT);
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 6 + 10); /* the byte past the limit */
  assert_string_equal(err.message, "title is longer than the limit of 10 bytes");
  expect_base_graph(g);
  opts.flags = FG_LOAD_LENIENT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "field.tsv", text, &opts, &err), FG_OK);
  assert_int_equal(err.skipped, 1);
  assert_true(fgt_has_film(g, "ok"));
  assert_false(fgt_has_film(g, "long"));
  assert_true(fgt_has_film(g, "after"));
  fg_graph_free(g);

  /* 100,000 bytes in one field: over the default, under max_line. */
  size_t big = 100000;
  char *line = malloc(big + 64);
  assert_non_null(line);
  strcpy(line, "key\ttitle\nbig\t");
  size_t n = strlen(line);
  memset(line + n, 'x', big);
  n += big;
  memcpy(line + n, "\n", 2);
  g = base_graph();
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "big.tsv", line, NULL, &err), FG_ELIMIT);
  assert_int_equal(err.line, 2);
  assert_string_equal(err.message, "title is longer than the limit of 65536 bytes");
  expect_base_graph(g);
  fg_load_options unlimited = FG_LOAD_OPTIONS_INIT;
  unlimited.max_field = SIZE_MAX;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "big.tsv", line, &unlimited, &err), FG_OK);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "big"), &f), FG_OK);
  assert_int_equal(strlen(f.title), big);
  fg_graph_free(g);
  free(line);
}

/* A line longer than the reader's first buffer (256 KiB) still loads. */
static void test_long_lines(void **state) {
  (void)state;
  size_t tlen = 600 * 1024;
  char *text = malloc(tlen + 64);
  strcpy(text, "key\ttitle\nbig\t");
  size_t n = strlen(text);
  for (size_t i = 0; i < tlen; i++)
    text[n++] = (char)('a' + i % 26);
  text[n++] = '\n';
  memcpy(text + n, "next\tN\n", 8);
  n += 7;
  for (int kind = 0; kind < 3; kind++) {
    fg_graph *g = fgt_graph(NULL);
    fg_source src = FG_SOURCE_INIT;
    fgt_stream st = {text, n, 0, kind == 2 ? 4096 : 0, 0, 0, 0};
    if (kind == 0) {
      src.data = text;
      src.size = n;
    } else {
      src.read = fgt_stream_read;
      src.payload = &st;
    }
    fg_error_info err = FG_ERROR_INFO_INIT;
    fg_load_options opts = FG_LOAD_OPTIONS_INIT;
    opts.max_field = SIZE_MAX; /* a 600 KiB title */
    assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err), FG_OK);
    fg_film f = FG_FILM_INIT;
    assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
    assert_int_equal(strlen(f.title), tlen);
    assert_true(fgt_has_film(g, "next"));
    fg_graph_free(g);
  }
  free(text);
}

static void test_read_errors(void **state) {
  (void)state;
  static const char text[] = "key\ttitle\nr1\tR1\nr2\tR2\nr3\tR3\n";
  for (size_t fail_after = 0; fail_after < sizeof text - 1; fail_after += 5) {
    fg_graph *g = base_graph();
    fgt_stream st = {text, sizeof text - 1, 0, 2, fail_after, -3, 0};
    fg_source src = FG_SOURCE_INIT;
    src.read = fgt_stream_read;
    src.payload = &st;
    fg_error_info err = FG_ERROR_INFO_INIT;
    assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, NULL, &err), FG_EIO);
    assert_int_equal(err.status, FG_EIO);
    assert_string_equal(err.file, "<stream>");
    assert_non_null(strstr(err.message, "read callback failed"));
    assert_true(fg_errmsg(g)[0] != '\0');
    expect_base_graph(g);
    assert_false(fgt_has_film(g, "r1"));
    fg_graph_free(g);
  }
}

static int lying_read(void *buf, size_t capacity, size_t *nread, void *payload) {
  (void)payload;
  memset(buf, 'x', 1);
  *nread = capacity + 1;
  return 0;
}

static void test_source_errors(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  fg_error_info err = FG_ERROR_INFO_INIT;
  /* nonexistent path */
  assert_int_equal(fgt_load_path(g, FG_TABLE_FILMS, DATA "no-such-file.tsv", NULL, &err),
                   FG_EIO);
  assert_int_equal(err.status, FG_EIO);
  assert_string_equal(err.file, DATA "no-such-file.tsv");
  assert_non_null(strstr(fg_errmsg(g), "no-such-file.tsv"));
  expect_base_graph(g);
  /* a callback that claims more than it was asked */
  fg_source src = FG_SOURCE_INIT;
  src.read = lying_read;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, NULL, &err), FG_EIO);
  expect_base_graph(g);
  /* not exactly one of path, data, read */
  fg_source none = FG_SOURCE_INIT;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &none, NULL, &err), FG_EINVAL);
  fg_source two = FG_SOURCE_INIT;
  two.path = DATA "bad_dup_films.tsv";
  two.data = "key\ttitle\n";
  two.size = 10;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &two, NULL, &err), FG_EINVAL);
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, NULL, NULL, &err), FG_EINVAL);
  fg_source old = FG_SOURCE_INIT;
  old.version = 99;
  old.data = "key\ttitle\n";
  old.size = 10;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &old, NULL, &err), FG_EVERSION);
  /* bad table, options and error struct versions */
  src = (fg_source)FG_SOURCE_INIT;
  src.data = "key\ttitle\nz\tZ\n";
  src.size = strlen(src.data);
  assert_int_equal(fg_graph_load_table(g, -1, &src, NULL, &err), FG_EINVAL);
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_COUNT_, &src, NULL, &err), FG_EINVAL);
  assert_int_equal(fg_graph_load_table(NULL, FG_TABLE_FILMS, &src, NULL, &err), FG_EINVAL);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.version = 2;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err), FG_EVERSION);
  assert_int_equal(fg_graph_load_catalog(g, FG_SAMPLE_DIR, &opts, &err), FG_EVERSION);
  fg_error_info bad_err = FG_ERROR_INFO_INIT;
  bad_err.version = 5;
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, NULL, &bad_err), FG_EVERSION);
  assert_int_equal(fg_graph_load_catalog(g, FG_SAMPLE_DIR, NULL, &bad_err), FG_EVERSION);
  expect_base_graph(g);
  /* The same source, well formed, loads; an empty table is fine. */
  assert_int_equal(fg_graph_load_table(g, FG_TABLE_FILMS, &src, NULL, &err), FG_OK);
  assert_int_equal(err.rows, 1);
  assert_int_equal(fgt_load_text(g, FG_TABLE_PEOPLE, NULL, "key\tname\n", NULL, &err), FG_OK);
  assert_int_equal(err.rows, 0);
  /* An unnamed buffer is "<buffer>" in messages. */
  assert_int_equal(fgt_load_text(g, FG_TABLE_PEOPLE, NULL, "key\n", NULL, &err), FG_EPARSE);
  assert_string_equal(err.file, "<buffer>");
  fg_graph_free(g);
}

/* ---- Writing ---------------------------------------------------------------------- */

static int failing_write(const void *data, size_t size, void *payload) {
  (void)data;
  (void)size;
  int *calls = payload;
  (*calls)++;
  return -1;
}

static void test_write_errors(void **state) {
  (void)state;
  fg_graph *g = base_graph();
  int calls = 0;
  assert_int_equal(fg_graph_write_table(g, FG_TABLE_FILMS, failing_write, &calls), FG_EIO);
  assert_true(calls >= 1);
  assert_int_equal(fg_graph_write_table(g, FG_TABLE_FILMS, NULL, NULL), FG_EINVAL);
  assert_int_equal(fg_graph_write_table(g, -1, failing_write, &calls), FG_EINVAL);
  assert_int_equal(fg_graph_write_table(g, FG_TABLE_COUNT_, failing_write, &calls), FG_EINVAL);
  assert_int_equal(fg_graph_write_table(NULL, FG_TABLE_FILMS, failing_write, &calls), FG_EINVAL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fg_graph_write_catalog(g, DATA "no-such-folder/below", &err), FG_EIO);
  assert_int_equal(err.status, FG_EIO);
  assert_true(err.file[0] != '\0');
  assert_int_equal(fg_graph_write_catalog(g, NULL, &err), FG_EINVAL);
  assert_int_equal(fg_graph_write_catalog(NULL, "/tmp", &err), FG_EINVAL);
  err.version = 9;
  assert_int_equal(fg_graph_write_catalog(g, "/tmp", &err), FG_EVERSION);
  /* An empty graph writes five header-only files that load back. */
  fg_graph *empty = fgt_graph(NULL);
  char dir[256];
  fgt_tempdir(dir, sizeof dir);
  assert_int_equal(fg_graph_write_catalog(empty, dir, NULL), FG_OK);
  char path[512];
  snprintf(path, sizeof path, "%s/relations.tsv", dir);
  char *text = fgt_read_file(path, NULL);
  assert_string_equal(text, "from\trelation\tto\tflags\tnote\n");
  free(text);
  fg_graph *back = fgt_graph(NULL);
  assert_int_equal(fg_graph_load_catalog(back, dir, NULL, NULL), FG_OK);
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    assert_int_equal(fg_graph_count(back, t), 0);
  fgt_remove_tempdir(dir);
  fg_graph_free(back);
  fg_graph_free(empty);
  fg_graph_free(g);
}

/* Write every table of g to memory and load the five texts into a new graph. */
static fg_graph *reload(const fg_graph *g) {
  fg_graph *h = fgt_graph(NULL);
  for (int i = 0; i < FG_TABLE_COUNT_; i++) {
    int t = load_order[i];
    size_t n;
    char *text = fgt_dump_table(g, t, &n);
    fg_error_info err = FG_ERROR_INFO_INIT;
    int rc = fgt_load_bytes(h, t, fgt_table_file(t), text, n, NULL, &err);
    if (rc != FG_OK)
      fail_msg("reloading %s: %s:%lu:%lu: %s", fgt_table_file(t), err.file,
               (unsigned long)err.line, (unsigned long)err.column, err.message);
    free(text);
  }
  fgt_expect_same_graph(g, h);
  return h;
}

static void test_escapes_round_trip(void **state) {
  (void)state;
  static const char title[] = "Tab\there\nnew\\back\rcr \\t not an escape";
  fg_graph *g = fgt_graph(NULL);
  fg_film f = FG_FILM_INIT;
  f.key = "key\twith\\tab";
  f.title = title;
  f.original_title = "\\";
  f.genres = "a\nb";
  f.source = "ends with a backslash\\";
  f.subject = "\t\n\r\\";
  f.year = 2020;
  f.origin = FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS | FG_ORIGIN_ARTICLE;
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_OK);
  fg_id other = fgt_film(g, "plain", "Plain", 0);
  fg_id p = fgt_person(g, "p\\1", "Name\twith tab");
  fg_credit c = FG_CREDIT_INIT;
  c.film = 0;
  c.person = p;
  c.role = FG_ROLE_SELF;
  c.job = "job\r\n";
  c.characters = "A / B\\C";
  assert_int_equal(fg_graph_add_credit(g, &c, NULL), FG_OK);
  fg_relation r = FG_RELATION_INIT;
  r.from = other;
  r.to = 0;
  r.type = FG_REL_EDITED_FROM;
  r.flags = FG_RELF_UNOFFICIAL;
  r.note = "line one\nline two";
  assert_int_equal(fg_graph_add_relation(g, &r, NULL), FG_OK);
  fg_aka k = FG_AKA_INIT;
  k.film = 0;
  k.title = "aka\ttab";
  k.types = "x\\y";
  k.is_original = 1;
  assert_int_equal(fg_graph_add_aka(g, &k, NULL), FG_OK);

  size_t n;
  char *text = fgt_dump_table(g, FG_TABLE_FILMS, &n);
  assert_non_null(strstr(text, "key\\twith\\\\tab\tTab\\there\\nnew\\\\back\\rcr \\\\t not an "
                               "escape\t\\\\\t2020\t"));
  assert_non_null(strstr(text, "\ttrue_events,book,article\t"));
  /* header + 2 rows: exactly three newlines, no raw tab inside a field */
  int lines = 0;
  for (size_t i = 0; i < n; i++)
    lines += text[i] == '\n';
  assert_int_equal(lines, 3);
  free(text);

  fg_graph *h = reload(g);
  fg_film out = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(h, fgt_find_film(h, "key\twith\\tab"), &out), FG_OK);
  assert_string_equal(out.title, title);
  assert_string_equal(out.original_title, "\\");
  assert_string_equal(out.genres, "a\nb");
  assert_string_equal(out.source, "ends with a backslash\\");
  assert_string_equal(out.subject, "\t\n\r\\");
  assert_int_equal(out.origin, FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS | FG_ORIGIN_ARTICLE);
  fg_relation ro = FG_RELATION_INIT;
  assert_int_equal(fg_graph_relation(h, 0, &ro), FG_OK);
  assert_string_equal(ro.note, "line one\nline two");
  assert_int_equal(ro.flags, FG_RELF_UNOFFICIAL);
  fg_credit co = FG_CREDIT_INIT;
  assert_int_equal(fg_graph_credit(h, 0, &co), FG_OK);
  assert_string_equal(co.job, "job\r\n");
  assert_string_equal(co.characters, "A / B\\C");
  fg_aka ko = FG_AKA_INIT;
  assert_int_equal(fg_graph_aka(h, 0, &ko), FG_OK);
  assert_string_equal(ko.title, "aka\ttab");
  assert_string_equal(ko.types, "x\\y");
  fg_graph_free(h);
  fg_graph_free(g);
}

/* Whatever the API accepts, the writer writes and the loader reads back:
 * every kind, role, relation type, origin bit and flag, and numbers at the
 * ends of their ranges. */
static void test_every_value_round_trips(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  char key[32];
  for (int kind = 0; kind < FG_KIND_COUNT_; kind++) {
    fg_film f = FG_FILM_INIT;
    snprintf(key, sizeof key, "kind-%d", kind);
    f.key = key;
    f.title = key;
    f.kind = kind;
    f.origin = kind < 10 ? 1u << kind : FG_ORIGIN_ALL_;
    f.year = kind % 2 ? 1 : 9999;
    f.end_year = kind % 2 ? 9999 : 0;
    f.runtime = kind % 2 ? 1 : 1000000;
    assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_OK);
  }
  fg_person pe = FG_PERSON_INIT;
  pe.key = "p";
  pe.name = "P";
  pe.birth_year = 1;
  pe.death_year = 9999;
  fg_id p = FG_ID_NONE;
  assert_int_equal(fg_graph_add_person(g, &pe, &p), FG_OK);
  for (int role = 0; role < FG_ROLE_COUNT_; role++)
    fgt_credit(g, (fg_id)role % FG_KIND_COUNT_, p, role, role % 3 ? role : 65535);
  for (int type = 0; type < FG_REL_COUNT_; type++)
    fgt_relation(g, (fg_id)type, type, (fg_id)type + 1, type % 2 ? FG_RELF_UNOFFICIAL : 0);
  fg_graph *h = reload(g);
  fg_graph_free(h);
  fg_graph_free(g);
}

/* Optional columns may come in any order after the required ones; the
 * writer puts them back in the canonical order. */
static void test_header_any_order(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv",
                                 "key\ttitle\tsubject\tyear\torigin\toriginal_title\n"
                                 "k\tTitle\tabout\t1999\ttrue_events\tOriginal\n",
                                 NULL, &err),
                   FG_OK);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
  assert_string_equal(f.title, "Title");
  assert_string_equal(f.original_title, "Original");
  assert_string_equal(f.subject, "about");
  assert_int_equal(f.year, 1999);
  assert_int_equal(f.origin, FG_ORIGIN_TRUE_EVENTS);
  assert_string_equal(f.genres, "");
  assert_int_equal(fgt_load_text(g, FG_TABLE_RELATIONS, "r.tsv",
                                 "from\trelation\tto\tnote\n", NULL, &err),
                   FG_OK);
  char *text = fgt_dump_table(g, FG_TABLE_FILMS, NULL);
  assert_string_equal(text, "key\ttitle\toriginal_title\tyear\tend_year\truntime\tkind\t"
                            "countries\tlanguages\tgenres\torigin\tsource\tsubject\t"
                            "is_adult\trating\tvotes\tseries\tseason\tepisode\n"
                            "k\tTitle\tOriginal\t1999\t\t\t\t\t\t\ttrue_events\t\tabout"
                            "\t\t\t\t\t\t\n");
  free(text);
  /* A field count follows the header, not the table. */
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv",
                                 "key\ttitle\tgenres\nk2\tT2\tDrama\tExtra\n", NULL, &err),
                   FG_EPARSE);
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 12);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 1);
  fg_graph_free(g);
}

/* A header with only the required columns: every row loads (no matter how
 * long), with the optional columns empty. */
static void test_short_headers(void **state) {
  (void)state;
  for (size_t len = 1; len < 200; len++) {
    fg_graph *g = fgt_graph(NULL);
    char *text = malloc(2 * len + 32);
    strcpy(text, "key\ttitle\n");
    size_t n = strlen(text);
    memset(text + n, 'k', len);
    n += len;
    text[n++] = '\t';
    memset(text + n, 't', len);
    n += len;
    text[n++] = '\n';
    assert_int_equal(fgt_load_bytes(g, FG_TABLE_FILMS, "short.tsv", text, n, NULL, NULL), FG_OK);
    fg_film f = FG_FILM_INIT;
    assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
    assert_int_equal(strlen(f.key), len);
    assert_int_equal(strlen(f.title), len);
    assert_string_equal(f.subject, "");
    free(text);
    /* The same for the other tables' minimal headers. */
    fgt_person(g, "p", "P");
    assert_int_equal(fgt_load_text(g, FG_TABLE_CREDITS, "c.tsv", "film\tperson\trole\n", NULL,
                                   NULL),
                     FG_OK);
    fg_graph_free(g);
  }
  fg_graph *g = fgt_graph(NULL);
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv", "key\ttitle\na\tA\nb\tB\n", NULL,
                                 NULL),
                   FG_OK);
  assert_int_equal(fgt_load_text(g, FG_TABLE_PEOPLE, "p.tsv", "key\tname\nxxxxxxxxxx\tyyyyy\n",
                                 NULL, NULL),
                   FG_OK);
  assert_int_equal(fgt_load_text(g, FG_TABLE_CREDITS, "c.tsv",
                                 "film\tperson\trole\na\txxxxxxxxxx\tdirector\n", NULL, NULL),
                   FG_OK);
  assert_int_equal(fgt_load_text(g, FG_TABLE_AKAS, "a.tsv", "film\ttitle\na\tAAAAAAAAAAAAA\n",
                                 NULL, NULL),
                   FG_OK);
  assert_int_equal(fgt_load_text(g, FG_TABLE_RELATIONS, "r.tsv",
                                 "from\trelation\tto\nb\tremake_of\ta\n", NULL, NULL),
                   FG_OK);
  fg_graph_free(g);
}


/* films.tsv's rating, votes, is_adult and episode columns; the series may
 * be defined later in the file; all of it writes back the same. */
static void test_film_extra_columns(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  const char *text =
      "key\ttitle\tyear\tis_adult\trating\tvotes\tseries\tseason\tepisode\n"
      "ep1\tPilot\t2001\t\t7.3\t1200\tshow\t1\t1\n"
      "show\tThe Show\t2001\t1\t10.0\t5\t\t\t\n"
      "ep2\tSecond\t2001\t\t8\t\tshow\t1\t2\n";
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "films.tsv", text, NULL, &err), FG_OK);
  fg_film f = FG_FILM_INIT;
  fg_id show = fgt_find_film(g, "show");
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "ep1"), &f), FG_OK);
  assert_int_equal(f.rating, 73);
  assert_int_equal(f.votes, 1200);
  assert_int_equal(f.series, show);
  assert_int_equal(f.season, 1);
  assert_int_equal(f.episode, 1);
  assert_int_equal(f.is_adult, 0);
  assert_int_equal(fg_graph_film(g, show, &f), FG_OK);
  assert_int_equal(f.rating, 100);
  assert_int_equal(f.is_adult, 1);
  assert_int_equal(f.series, FG_ID_NONE);
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "ep2"), &f), FG_OK);
  assert_int_equal(f.rating, 80);
  assert_int_equal(f.episode, 2);
  /* Written and loaded back: the same bytes again. */
  char *first = fgt_dump_table(g, FG_TABLE_FILMS, NULL);
  assert_non_null(strstr(first, "\tPilot\t\t2001\t\t\t\t\t\t\t\t\t\t\t7.3\t1200\tshow\t1\t1\n"));
  fg_graph *h = fgt_graph(NULL);
  assert_int_equal(fgt_load_text(h, FG_TABLE_FILMS, "films.tsv", first, NULL, &err), FG_OK);
  char *second = fgt_dump_table(h, FG_TABLE_FILMS, NULL);
  assert_string_equal(first, second);
  free(first);
  free(second);
  fg_graph_free(h);
  fg_graph_free(g);
}

static void test_film_extra_columns_errors(void **state) {
  (void)state;
  static const struct {
    const char *row;
    int status;
    uint64_t column;
    const char *fragment;
  } cases[] = {
      {"a\tA\t\t7.35\t\t\t\t\n", FG_EPARSE, 7, "not a rating like 7.3"},
      {"a\tA\t\t11\t\t\t\t\n", FG_EPARSE, 6, "out of range (1.0-10.0)"},
      {"a\tA\t\t0.5\t\t\t\t\n", FG_EPARSE, 6, "out of range (1.0-10.0)"},
      {"a\tA\t2\t\t\t\t\t\n", FG_EPARSE, 5, "is_adult '2' is out of range"},
      {"a\tA\t\t\tmany\t\t\t\n", FG_EPARSE, 7, "votes 'many' is not a whole number"},
      {"a\tA\t\t\t\t\t70000\t\n", FG_EPARSE, 9, "season '70000' is out of range"},
      {"a\tA\t\t\t\tnowhere\t\t\n", FG_ENOTFOUND, 8, "unknown series key 'nowhere'"},
      {"a\tA\t\t\t\ta\t\t\n", FG_EPARSE, 8, "cannot be its own series"},
  };
  for (size_t i = 0; i < FGT_ARRAY_LEN(cases); i++) {
    fg_graph *g = fgt_graph(NULL);
    fgt_film(g, "before", "Before", 1990);
    char text[256];
    snprintf(text, sizeof text, "key\ttitle\tis_adult\trating\tvotes\tseries\tseason\tepisode\n"
                                "ok\tOK\t\t\t\t\t\t\n%s", cases[i].row);
    fg_error_info err = FG_ERROR_INFO_INIT;
    assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "films.tsv", text, NULL, &err),
                     cases[i].status);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, cases[i].column);
    assert_non_null(strstr(err.message, cases[i].fragment));
    /* Unchanged: only the film from before. */
    assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 1);
    assert_false(fgt_has_film(g, "ok"));
    fg_graph_free(g);
  }
  /* Lenient: an unknown series is a skip, the film stays without one. */
  fg_graph *g = fgt_graph(NULL);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "films.tsv",
                                 "key\ttitle\tseries\nep\tEp\tgone\n", &opts, &err),
                   FG_OK);
  assert_int_equal(err.skipped, 1);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "ep"), &f), FG_OK);
  assert_int_equal(f.series, FG_ID_NONE);
  fg_graph_free(g);
}

/* A credit with both a job and characters, and AKAs with some of region,
 * language and types, keep each part apart. */
static void test_shared_strings_round_trip(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f = fgt_film(g, "f", "Film", 2000);
  fg_id p = fgt_person(g, "p", "Person");
  fg_credit c = FG_CREDIT_INIT;
  c.film = f, c.person = p, c.role = FG_ROLE_SELF, c.job = "host", c.characters = "Self / Host";
  fg_id both, job_only, chars_only, none;
  assert_int_equal(fg_graph_add_credit(g, &c, &both), FG_OK);
  c.characters = "";
  assert_int_equal(fg_graph_add_credit(g, &c, &job_only), FG_OK);
  c.job = NULL, c.characters = "Narrator";
  assert_int_equal(fg_graph_add_credit(g, &c, &chars_only), FG_OK);
  c.characters = NULL;
  assert_int_equal(fg_graph_add_credit(g, &c, &none), FG_OK);
  fg_credit out = FG_CREDIT_INIT;
  assert_int_equal(fg_graph_credit(g, both, &out), FG_OK);
  assert_string_equal(out.job, "host");
  assert_string_equal(out.characters, "Self / Host");
  assert_int_equal(fg_graph_credit(g, job_only, &out), FG_OK);
  assert_string_equal(out.job, "host");
  assert_string_equal(out.characters, "");
  assert_int_equal(fg_graph_credit(g, chars_only, &out), FG_OK);
  assert_string_equal(out.job, "");
  assert_string_equal(out.characters, "Narrator");
  assert_int_equal(fg_graph_credit(g, none, &out), FG_OK);
  assert_string_equal(out.job, "");
  assert_string_equal(out.characters, "");
  const char *parts[][3] = {{"KR", "ko", "original"}, {"", "en", ""}, {"", "", "dvd"},
                            {"XWW", "", ""}, {"", "", ""}};
  for (size_t i = 0; i < FGT_ARRAY_LEN(parts); i++) {
    fg_aka a = FG_AKA_INIT;
    a.film = f, a.title = "Aka", a.region = parts[i][0], a.language = parts[i][1];
    a.types = parts[i][2];
    fg_id id;
    assert_int_equal(fg_graph_add_aka(g, &a, &id), FG_OK);
    fg_aka back = FG_AKA_INIT;
    assert_int_equal(fg_graph_aka(g, id, &back), FG_OK);
    assert_string_equal(back.region, parts[i][0]);
    assert_string_equal(back.language, parts[i][1]);
    assert_string_equal(back.types, parts[i][2]);
  }
  char *credits = fgt_dump_table(g, FG_TABLE_CREDITS, NULL);
  assert_non_null(strstr(credits, "f\tp\tself\t\thost\tSelf / Host\n"));
  free(credits);
  fg_graph_free(g);
}

/* Lines of every length up to past four 16-byte windows, with the field
 * boundary, a CR, a NUL or a non-ASCII letter at every position: the
 * line scanner must split and check them all the same way. */
static void test_line_scanner_every_position(void **state) {
  (void)state;
  for (size_t len = 1; len <= 70; len++) {
    /* A title of `len` bytes loads back unchanged. */
    char title[80], text[256];
    for (size_t i = 0; i < len; i++)
      title[i] = (char)('a' + i % 26);
    title[len] = '\0';
    fg_graph *g = fgt_graph(NULL);
    fg_error_info err = FG_ERROR_INFO_INIT;
    snprintf(text, sizeof text, "key\ttitle\nk\t%s\n", title);
    assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv", text, NULL, &err), FG_OK);
    fg_film f = FG_FILM_INIT;
    assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
    assert_string_equal(f.title, title);
    fg_graph_free(g);
    for (size_t at = 0; at < len; at++) {
      /* A bad byte at `at` of the title: its column is 3 + at. */
      static const char bad[] = {'\r', '\0', '\t'};
      for (size_t b = 0; b < 3; b++) {
        char row[128];
        size_t n = (size_t)snprintf(row, sizeof row, "key\ttitle\nk\t%s\n", title);
        row[12 + at] = bad[b];
        g = fgt_graph(NULL);
        int rc = fgt_load_bytes(g, FG_TABLE_FILMS, "f.tsv", row, n, NULL, &err);
        assert_int_equal(rc, FG_EPARSE);
        assert_int_equal(err.line, 2);
        if (bad[b] == '\t') { /* one field too many, seen at the end of the row */
          assert_non_null(strstr(err.message, "expected 2 fields"));
        } else {
          assert_int_equal(err.column, 3 + at);
          assert_non_null(strstr(err.message, bad[b] ? "CR" : "NUL"));
        }
        assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 0);
        fg_graph_free(g);
      }
      /* A two-byte letter at `at`, and an invalid byte there. */
      char row[160];
      int n = snprintf(row, sizeof row, "key\ttitle\nk\t%.*s\xC3\xA9%s\n", (int)at, title,
                       title + at);
      g = fgt_graph(NULL);
      assert_int_equal(fgt_load_bytes(g, FG_TABLE_FILMS, "f.tsv", row, (size_t)n, NULL, &err),
                       FG_OK);
      assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
      assert_int_equal(strlen(f.title), len + 2);
      fg_graph_free(g);
      row[12 + at] = (char)0xFF;
      g = fgt_graph(NULL);
      assert_int_equal(fgt_load_bytes(g, FG_TABLE_FILMS, "f.tsv", row, (size_t)n, NULL, &err),
                       FG_EPARSE);
      assert_int_equal(err.column, 3 + at);
      assert_non_null(strstr(err.message, "invalid UTF-8"));
      fg_graph_free(g);
    }
  }
}

/* Review findings, each a regression test. */

/* A lenient row whose series key is malformed is skipped whole. */
static void test_lenient_bad_series_adds_nothing(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv",
                                 "key\ttitle\tseries\nA\tFilm A\tbad\\x\nB\tFilm B\t\n",
                                 &opts, &err),
                   FG_OK);
  assert_int_equal(err.skipped, 1);
  assert_int_equal(err.rows, 1);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 1);
  assert_false(fgt_has_film(g, "A"));
  /* A skipped row's reason does not stay behind as the graph's message. */
  assert_string_equal(fg_errmsg(g), "");
  fg_graph_free(g);
}

/* A query made from a callback during a load that then fails must not
 * leave an index that passes for valid later. */
static void query_during_load(const char *file, uint64_t bytes, uint64_t rows, void *payload) {
  (void)file, (void)bytes, (void)rows;
  fg_idlist *l = NULL;
  fg_graph_search_films(payload, "Alpha", 0, &l);
  fg_idlist_free(l);
}

static void test_index_after_rollback(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.on_progress = query_during_load;
  opts.progress_payload = g;
  fg_error_info err = FG_ERROR_INFO_INIT;
  /* films load (and are queried at the end of the file), then people fail */
  char dir[64];
  fgt_tempdir(dir, sizeof dir);
  char path[128];
  snprintf(path, sizeof path, "%s/films.tsv", dir);
  FILE *fp = fopen(path, "w");
  fputs("key\ttitle\na\tAlpha\nb\tBeta\n", fp);
  fclose(fp);
  snprintf(path, sizeof path, "%s/people.tsv", dir);
  fp = fopen(path, "w");
  fputs("wrong\theader\n", fp);
  fclose(fp);
  assert_int_equal(fg_graph_load_catalog(g, dir, &opts, &err), FG_EPARSE);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 0);
  fgt_remove_tempdir(dir);
  remove(path);
  rmdir(dir);
  /* Two other films: the same counts as the undone index had. */
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv", "key\ttitle\nc\tGamma\nd\tDelta\n",
                                 NULL, &err),
                   FG_OK);
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, "Gamma", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_search_films(g, "Alpha", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
  fg_graph_free(g);
}

/* max_line = SIZE_MAX means no practical limit, not an empty file. */
static void test_max_line_no_limit(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.max_line = SIZE_MAX;
  char path[128], dir[64];
  fgt_tempdir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/films.tsv", dir);
  FILE *fp = fopen(path, "w");
  fputs("key\ttitle\na\tAlpha\n", fp);
  fclose(fp);
  fg_error_info err = FG_ERROR_INFO_INIT;
  assert_int_equal(fgt_load_path(g, FG_TABLE_FILMS, path, &opts, &err), FG_OK);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 1);
  remove(path);
  rmdir(dir);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_loads),
      cmocka_unit_test(test_sample_written_byte_for_byte),
      cmocka_unit_test(test_load_sources_agree),
      cmocka_unit_test(test_malformed_files),
      cmocka_unit_test(test_malformed_without_err),
      cmocka_unit_test(test_more_invalid_utf8),
      cmocka_unit_test(test_catalog_rolls_back),
      cmocka_unit_test(test_catalog_folder_errors),
      cmocka_unit_test(test_catalog_relations_forward),
      cmocka_unit_test(test_lenient),
      cmocka_unit_test(test_lenient_still_fails),
      cmocka_unit_test(test_max_line),
      cmocka_unit_test(test_max_field),
      cmocka_unit_test(test_long_lines),
      cmocka_unit_test(test_read_errors),
      cmocka_unit_test(test_source_errors),
      cmocka_unit_test(test_write_errors),
      cmocka_unit_test(test_escapes_round_trip),
      cmocka_unit_test(test_every_value_round_trips),
      cmocka_unit_test(test_header_any_order),
      cmocka_unit_test(test_short_headers),
      cmocka_unit_test(test_film_extra_columns),
      cmocka_unit_test(test_film_extra_columns_errors),
      cmocka_unit_test(test_shared_strings_round_trip),
      cmocka_unit_test(test_line_scanner_every_position),
      cmocka_unit_test(test_lenient_bad_series_adds_nothing),
      cmocka_unit_test(test_index_after_rollback),
      cmocka_unit_test(test_max_line_no_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

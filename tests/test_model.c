/* The data model: graph life cycle and allocator hooks, adding and reading
 * every record kind, argument errors, status strings, versions, the
 * vocabularies and the *_init functions. */
#include "test_util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Life cycle ------------------------------------------------------------ */

static void test_graph_new_free(void **state) {
  (void)state;
  fg_graph *g = (fg_graph *)&g; /* must be overwritten */
  assert_int_equal(fg_graph_new(NULL, &g), FG_OK);
  assert_non_null(g);
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    assert_int_equal(fg_graph_count(g, t), 0);
  assert_int_equal(fg_graph_count(g, -1), 0);
  assert_int_equal(fg_graph_count(g, FG_TABLE_COUNT_), 0);
  assert_int_equal(fg_graph_count(NULL, FG_TABLE_FILMS), 0);
  assert_string_equal(fg_errmsg(g), "");
  fg_graph_free(g);
  fg_graph_free(NULL); /* no-op */
  assert_int_equal(fg_graph_new(NULL, NULL), FG_EINVAL);
}

static void test_options_hooks_counted(void **state) {
  (void)state;
  fgt_alloc a = {0};
  fg_graph *g = fgt_graph(&a);
  fg_id f1 = fgt_film(g, "f1", "First", 2000);
  fg_id f2 = fgt_film(g, "f2", "Second", 2001);
  fg_id p = fgt_person(g, "p", "Person");
  fgt_credit(g, f1, p, FG_ROLE_DIRECTOR, 0);
  fgt_relation(g, f2, FG_REL_REMAKE_OF, f1, 0);
  fgt_aka(g, f1, "Premier");
  /* Result objects, some outliving the graph. */
  fg_idlist *list = NULL;
  assert_int_equal(fg_graph_search_films(g, "first", 0, &list), FG_OK);
  fg_family *fam = NULL;
  assert_int_equal(fg_film_remake_family(g, f2, &fam), FG_OK);
  size_t calls = a.calls;
  assert_true(calls > 0);
  assert_true(a.live > 0);
  fg_graph_free(g);
  /* Still valid after the graph is gone, and freed through the hooks. */
  assert_int_equal(fg_idlist_count(list), 1);
  assert_int_equal(fg_idlist_get(list, 0), f1);
  assert_int_equal(fg_family_count(fam), 2);
  assert_true(a.live > 0);
  fg_idlist_free(list);
  fg_family_free(fam);
  assert_int_equal(a.live, 0);
  assert_int_equal(a.calls, calls);
}

static void test_options_errors(void **state) {
  (void)state;
  fgt_alloc a = {0};
  fg_graph *g = (fg_graph *)&g;
  fg_graph_options o = fgt_options(&a);
  o.realloc_fn = NULL;
  assert_int_equal(fg_graph_new(&o, &g), FG_EINVAL);
  assert_null(g);
  o = fgt_options(&a);
  o.malloc_fn = NULL;
  o.free_fn = NULL;
  assert_int_equal(fg_graph_new(&o, &g), FG_EINVAL);
  o = fgt_options(&a);
  o.free_fn = NULL;
  assert_int_equal(fg_graph_new(&o, &g), FG_EINVAL);
  o = fgt_options(&a);
  o.version = FG_GRAPH_OPTIONS_VERSION + 1;
  assert_int_equal(fg_graph_new(&o, &g), FG_EVERSION);
  assert_null(g);
  o.version = 0;
  assert_int_equal(fg_graph_new(&o, &g), FG_EVERSION);
  assert_int_equal(a.calls, 0);
  /* No hooks at all is libc's allocator. */
  fg_graph_options none = FG_GRAPH_OPTIONS_INIT;
  assert_int_equal(fg_graph_new(&none, &g), FG_OK);
  assert_non_null(g);
  fg_graph_free(g);
  /* A malloc hook that fails at once. */
  a.fail_at = 1;
  o = fgt_options(&a);
  assert_int_equal(fg_graph_new(&o, &g), FG_ENOMEM);
  assert_null(g);
  assert_int_equal(a.live, 0);
}

/* ---- Adding and reading records --------------------------------------------- */

static void test_film_round_trip(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  char key[32], title[64];
  strcpy(key, "tt0000001");
  strcpy(title, "Miracle in Cell No. 7");
  fg_film f = FG_FILM_INIT;
  f.key = key;
  f.title = title;
  f.original_title = "7번방의 선물";
  f.year = 2013;
  f.end_year = 2014;
  f.runtime = 127;
  f.kind = FG_KIND_TV_MINI_SERIES;
  f.countries = "KR,US";
  f.languages = "ko";
  f.genres = "Comedy,Drama";
  f.origin = FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS;
  f.source = "a novel\twith a tab";
  f.subject = "Hachikō\nand a newline";
  fg_id id = FG_ID_NONE;
  assert_int_equal(fg_graph_add_film(g, &f, &id), FG_OK);
  assert_int_equal(id, 0);
  /* The graph copied the strings. */
  memset(key, 'x', sizeof key - 1);
  memset(title, 'y', sizeof title - 1);
  fg_film out = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, id, &out), FG_OK);
  assert_int_equal(out.version, FG_FILM_VERSION);
  assert_string_equal(out.key, "tt0000001");
  assert_string_equal(out.title, "Miracle in Cell No. 7");
  assert_string_equal(out.original_title, "7번방의 선물");
  assert_int_equal(out.year, 2013);
  assert_int_equal(out.end_year, 2014);
  assert_int_equal(out.runtime, 127);
  assert_int_equal(out.kind, FG_KIND_TV_MINI_SERIES);
  assert_string_equal(out.countries, "KR,US");
  assert_string_equal(out.languages, "ko");
  assert_string_equal(out.genres, "Comedy,Drama");
  assert_int_equal(out.origin, FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS);
  assert_string_equal(out.source, "a novel\twith a tab");
  assert_string_equal(out.subject, "Hachikō\nand a newline");

  /* A minimal film: absent strings come back as "", never NULL. */
  fg_film m = FG_FILM_INIT;
  m.key = "min";
  m.title = "Minimal";
  assert_int_equal(fg_graph_add_film(g, &m, &id), FG_OK);
  assert_int_equal(id, 1);
  fg_film o2 = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, 1, &o2), FG_OK);
  assert_string_equal(o2.original_title, "");
  assert_string_equal(o2.countries, "");
  assert_string_equal(o2.languages, "");
  assert_string_equal(o2.genres, "");
  assert_string_equal(o2.source, "");
  assert_string_equal(o2.subject, "");
  assert_int_equal(o2.year, 0);
  assert_int_equal(o2.kind, FG_KIND_UNKNOWN);
  assert_int_equal(o2.origin, 0);
  /* Years at both ends of the range. */
  m.key = "y1";
  m.year = 1;
  m.end_year = 9999;
  assert_int_equal(fg_graph_add_film(g, &m, NULL), FG_OK);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 3);
  fg_graph_free(g);
}

static void test_person_credit_relation_aka_round_trip(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f0 = fgt_film(g, "a", "A", 1990);
  fg_id f1 = fgt_film(g, "b", "B", 2000);

  fg_person p = FG_PERSON_INIT;
  p.key = "nm1";
  p.name = "Mehmet Ada Öztekin";
  p.birth_year = 1976;
  p.death_year = 2099;
  p.professions = "director,writer";
  fg_id pid = FG_ID_NONE;
  assert_int_equal(fg_graph_add_person(g, &p, &pid), FG_OK);
  assert_int_equal(pid, 0);
  fg_person po = FG_PERSON_INIT;
  assert_int_equal(fg_graph_person(g, pid, &po), FG_OK);
  assert_string_equal(po.key, "nm1");
  assert_string_equal(po.name, "Mehmet Ada Öztekin");
  assert_int_equal(po.birth_year, 1976);
  assert_int_equal(po.death_year, 2099);
  assert_string_equal(po.professions, "director,writer");

  fg_credit c = FG_CREDIT_INIT;
  c.film = f1;
  c.person = pid;
  c.role = FG_ROLE_ARCHIVE_SOUND;
  c.billing = 65535;
  c.job = "screenplay";
  c.characters = "Memo / Ova";
  fg_id cid = FG_ID_NONE;
  assert_int_equal(fg_graph_add_credit(g, &c, &cid), FG_OK);
  assert_int_equal(cid, 0);
  fg_credit co = FG_CREDIT_INIT;
  assert_int_equal(fg_graph_credit(g, cid, &co), FG_OK);
  assert_int_equal(co.film, f1);
  assert_int_equal(co.person, pid);
  assert_int_equal(co.role, FG_ROLE_ARCHIVE_SOUND);
  assert_int_equal(co.billing, 65535);
  assert_string_equal(co.job, "screenplay");
  assert_string_equal(co.characters, "Memo / Ova");

  fg_relation r = FG_RELATION_INIT;
  r.from = f1;
  r.to = f0;
  r.type = FG_REL_SPOOFS;
  r.flags = FG_RELF_UNOFFICIAL;
  r.note = "loose";
  fg_id rid = FG_ID_NONE;
  assert_int_equal(fg_graph_add_relation(g, &r, &rid), FG_OK);
  assert_int_equal(rid, 0);
  fg_relation ro = FG_RELATION_INIT;
  assert_int_equal(fg_graph_relation(g, rid, &ro), FG_OK);
  assert_int_equal(ro.from, f1);
  assert_int_equal(ro.to, f0);
  assert_int_equal(ro.type, FG_REL_SPOOFS);
  assert_int_equal(ro.flags, FG_RELF_UNOFFICIAL);
  assert_string_equal(ro.note, "loose");
  /* Same pair again, another type: allowed. */
  r.type = FG_REL_REMAKE_OF;
  r.flags = 0;
  r.note = NULL;
  assert_int_equal(fg_graph_add_relation(g, &r, &rid), FG_OK);
  assert_int_equal(rid, 1);
  assert_int_equal(fg_graph_relation(g, rid, &ro), FG_OK);
  assert_string_equal(ro.note, "");
  assert_int_equal(ro.flags, 0);

  fg_aka k = FG_AKA_INIT;
  k.film = f0;
  k.title = "Αλέξης Ζορμπάς";
  k.region = "GR";
  k.language = "el";
  k.types = "imdbDisplay,working";
  k.is_original = 1;
  fg_id kid = FG_ID_NONE;
  assert_int_equal(fg_graph_add_aka(g, &k, &kid), FG_OK);
  assert_int_equal(kid, 0);
  fg_aka ko = FG_AKA_INIT;
  assert_int_equal(fg_graph_aka(g, kid, &ko), FG_OK);
  assert_int_equal(ko.film, f0);
  assert_string_equal(ko.title, "Αλέξης Ζορμπάς");
  assert_string_equal(ko.region, "GR");
  assert_string_equal(ko.language, "el");
  assert_string_equal(ko.types, "imdbDisplay,working");
  assert_int_equal(ko.is_original, 1);

  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 2);
  assert_int_equal(fg_graph_count(g, FG_TABLE_PEOPLE), 1);
  assert_int_equal(fg_graph_count(g, FG_TABLE_CREDITS), 1);
  assert_int_equal(fg_graph_count(g, FG_TABLE_RELATIONS), 2);
  assert_int_equal(fg_graph_count(g, FG_TABLE_AKAS), 1);
  fg_graph_free(g);
}

static void test_ids_dense_and_find(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  char key[16];
  for (int i = 0; i < 2000; i++) {
    snprintf(key, sizeof key, "k%d", i);
    assert_int_equal(fgt_film(g, key, "T", 0), (fg_id)i);
  }
  assert_int_equal(fgt_person(g, "k0", "Same key, other space"), 0);
  for (int i = 0; i < 2000; i += 7) {
    snprintf(key, sizeof key, "k%d", i);
    fg_id id = FG_ID_NONE;
    assert_int_equal(fg_graph_find_film(g, key, &id), FG_OK);
    assert_int_equal(id, (fg_id)i);
  }
  fg_id id;
  assert_int_equal(fg_graph_find_film(g, "k2000", &id), FG_ENOTFOUND);
  assert_int_equal(fg_graph_find_film(g, "K1", &id), FG_ENOTFOUND); /* exact bytes */
  assert_int_equal(fg_graph_find_film(g, "k1 ", &id), FG_ENOTFOUND);
  assert_int_equal(fg_graph_find_film(g, "", &id), FG_ENOTFOUND);
  assert_int_equal(fg_graph_find_person(g, "k0", &id), FG_OK);
  assert_int_equal(id, 0);
  assert_int_equal(fg_graph_find_person(g, "k1", &id), FG_ENOTFOUND);
  assert_int_equal(fg_graph_find_film(NULL, "k1", &id), FG_EINVAL);
  assert_int_equal(fg_graph_find_film(g, NULL, &id), FG_EINVAL);
  assert_int_equal(fg_graph_find_film(g, "k1", NULL), FG_EINVAL);
  assert_int_equal(fg_graph_find_person(g, NULL, &id), FG_EINVAL);
  assert_int_equal(fg_graph_find_person(NULL, "k0", &id), FG_EINVAL);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 2000);
  fg_graph_free(g);
}

/* IMDb-style keys ("nm" and 7 to 9 digits, no leading zero past 7) go to
 * a number-indexed array, every other key to a hash map: keys either side
 * of that line, and bytes next to the digits ('/' and ':'), are each found
 * by their exact text only (nm000:001 is not nm0010001). */
static void test_imdb_style_keys(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  static const char *const keys[] = {
      "nm0000001",   "nm00000001", "nm12345678", "nm123456789", "nm0123456789", "nm1234567890",
      "nm12345x7",   "nm/234567",  "nm:234567",  "nm123456/",   "nm123456:",    "nm000000",
      "tt0000001",   "nmABCDEFG",  "nm9999999",  "nm99999999",  "nm999999999",  "nm1000000",
      "nm0999999",   "nm1",        "mn0000001",  "nm 000001",  "nm000:001",  "nm0010001",
      /* bytes next to the digits' nibbles, at each end of the 8-byte word
       * keys.c reads at once, and the lone leading digit of 9 */
      "nm?234567",   "nm123456?",  "nm1234567?", "nm?23456789", "nm1?3456789", "nm12345678?",
      "nm12345678j", "nm1234567\x7f", "nm~0000001",
      /* a non-digit misread as a digit would collide with its partner */
      "nm000000:",   "nm0000010",  "nm000000?",  "nm0000015",  "nm00000/9",  "nm0000009"};
  size_t n = sizeof keys / sizeof *keys;
  for (size_t i = 0; i < n; i++)
    assert_int_equal(fgt_person(g, keys[i], keys[i]), (fg_id)i);
  for (size_t i = 0; i < n; i++) {
    fg_id id = FG_ID_NONE;
    assert_int_equal(fg_graph_find_person(g, keys[i], &id), FG_OK);
    assert_int_equal(id, (fg_id)i);
  }
  /* Each again is a duplicate, wherever it is kept (the array by number,
   * the map for other keys and for numbers too large for the array). */
  for (size_t i = 0; i < n; i++) {
    fg_person p = FG_PERSON_INIT;
    p.key = keys[i];
    p.name = "Again";
    fg_id id = 12345;
    assert_int_equal(fg_graph_add_person(g, &p, &id), FG_EEXISTS);
    assert_int_equal(id, 12345);
    assert_non_null(strstr(fg_errmsg(g), "duplicate person key"));
  }
  assert_int_equal(fg_graph_count(g, FG_TABLE_PEOPLE), n);
  static const char *const absent[] = {"nm0000002", "nm000001", "nm0000000", "nm12345679",
                                       "nm;234567", "nm.234567", "nm0000001 ", "nm1234567"};
  for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
    fg_id id;
    if (fg_graph_find_person(g, absent[i], &id) != FG_ENOTFOUND)
      fail_msg("'%s' found as %u", absent[i], (unsigned)id);
  }
  fg_graph_free(g);
}

/* A duplicate key is FG_EEXISTS, named whole in the message (a key of 203
 * bytes ending in a two-byte character), and told before anything can fail
 * for want of room: here the record arrays are full and no allocation
 * succeeds. */
static void test_duplicate_keys(void **state) {
  (void)state;
  char key[256];
  memset(key, 'k', 199);
  strcpy(key + 199, "\xC3\xA9" "end");
  fg_graph *g = fgt_graph(NULL);
  fgt_person(g, key, "First");
  fgt_film(g, key, "First", 2000);
  fg_person p = FG_PERSON_INIT;
  p.key = key;
  p.name = "Again";
  assert_int_equal(fg_graph_add_person(g, &p, NULL), FG_EEXISTS);
  char want[512];
  snprintf(want, sizeof want, "duplicate person key '%s'", key);
  assert_string_equal(fg_errmsg(g), want);
  fg_film f = FG_FILM_INIT;
  f.key = key;
  f.title = "Again";
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_EEXISTS);
  snprintf(want, sizeof want, "duplicate film key '%s'", key);
  assert_string_equal(fg_errmsg(g), want);
  fg_graph_free(g);

  fgt_alloc a = {0};
  g = fgt_graph(&a);
  char k[32];
  for (int i = 1; i <= 8192; i++) { /* the arrays double from 16: full at 8192 */
    snprintf(k, sizeof k, "tt%07d", i);
    fgt_film(g, k, "A film", 2000);
    snprintf(k, sizeof k, "nm%07d", i);
    fgt_person(g, k, "Someone");
  }
  fgt_alloc_arm(&a, 1, 1); /* every allocation from the next on fails */
  f.key = "tt0000001";
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_EEXISTS);
  p.key = "nm0000001";
  assert_int_equal(fg_graph_add_person(g, &p, NULL), FG_EEXISTS);
  f.key = "tt0009999"; /* a new one needs room: none */
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_ENOMEM);
  assert_true(a.failures > 0);
  fgt_alloc_disarm(&a);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 8192);
  assert_int_equal(fg_graph_count(g, FG_TABLE_PEOPLE), 8192);
  fg_graph_free(g);
}

/* ---- Errors ------------------------------------------------------------------ */

/* Counts and one film's title: what "unchanged" is checked against. */
typedef struct snapshot {
  size_t n[FG_TABLE_COUNT_];
  char title0[64];
} snapshot;

static void snap(const fg_graph *g, snapshot *s) {
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    s->n[t] = fg_graph_count(g, t);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, 0, &f), FG_OK);
  snprintf(s->title0, sizeof s->title0, "%s", f.title);
}

static void expect_unchanged(const fg_graph *g, const snapshot *s) {
  snapshot now;
  snap(g, &now);
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    assert_int_equal(now.n[t], s->n[t]);
  assert_string_equal(now.title0, s->title0);
}

/* The call failed with `want`, left a message, and changed nothing. */
#define EXPECT_FAIL(g, s, call, want)                                           \
  do {                                                                          \
    int rc_ = (call);                                                           \
    assert_int_equal(rc_, (want));                                              \
    assert_true(fg_errmsg(g)[0] != '\0');                                       \
    expect_unchanged((g), (s));                                                 \
  } while (0)

static void test_add_errors(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 2000);
  fg_id p = fgt_person(g, "p", "P");
  snapshot s;
  snap(g, &s);
  fg_id out = 12345;

  /* NULL arguments */
  fg_film f = FG_FILM_INIT;
  f.key = "new";
  f.title = "New";
  assert_int_equal(fg_graph_add_film(NULL, &f, NULL), FG_EINVAL);
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, NULL, &out), FG_EINVAL);
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, NULL, &out), FG_EINVAL);
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, NULL, &out), FG_EINVAL);
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, NULL, &out), FG_EINVAL);
  EXPECT_FAIL(g, &s, fg_graph_add_aka(g, NULL, &out), FG_EINVAL);
  assert_int_equal(out, 12345); /* untouched on failure */

  /* Required fields */
  f.key = "";
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.key = NULL;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.key = "new";
  f.title = "";
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  assert_non_null(strstr(fg_errmsg(g), "title"));
  f.title = NULL;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.title = "New";
  fg_person pe = FG_PERSON_INIT;
  pe.key = "q";
  pe.name = "";
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EINVAL);
  pe.name = "Q";
  pe.key = "";
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EINVAL);
  pe.key = "q";
  fg_aka k = FG_AKA_INIT;
  k.film = a;
  k.title = "";
  EXPECT_FAIL(g, &s, fg_graph_add_aka(g, &k, &out), FG_EINVAL);

  /* Duplicate keys */
  f.key = "a";
  f.title = "Not A";
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EEXISTS);
  assert_non_null(strstr(fg_errmsg(g), "duplicate"));
  assert_int_equal(fgt_find_film(g, "a"), a);
  pe.key = "p";
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EEXISTS);
  pe.key = "q";

  /* Ids that do not exist */
  fg_credit c = FG_CREDIT_INIT;
  c.film = 99;
  c.person = p;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_ENOTFOUND);
  c.film = a;
  c.person = 99;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_ENOTFOUND);
  c.person = FG_ID_NONE;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_ENOTFOUND);
  c.person = p;
  fg_relation r = FG_RELATION_INIT;
  r.from = a;
  r.to = 1;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_ENOTFOUND);
  r.from = FG_ID_NONE;
  r.to = a;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_ENOTFOUND);
  k.film = 7;
  k.title = "T";
  EXPECT_FAIL(g, &s, fg_graph_add_aka(g, &k, &out), FG_ENOTFOUND);
  k.film = a;

  /* A relation to itself */
  r.from = a;
  r.to = a;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EINVAL);

  /* Values out of range */
  f.key = "new";
  f.title = "New";
  f.year = 10000;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.year = -1;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.year = 0;
  f.end_year = 10000;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.end_year = 0;
  f.runtime = -5;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.runtime = 0;
  f.kind = FG_KIND_COUNT_;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.kind = -1;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.kind = 0;
  f.origin = FG_ORIGIN_ALL_ + 1;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
  f.origin = 0;
  pe.birth_year = 10000;
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EINVAL);
  pe.birth_year = 0;
  pe.death_year = -3;
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EINVAL);
  pe.death_year = 0;
  c.role = FG_ROLE_COUNT_;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EINVAL);
  c.role = -1;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EINVAL);
  c.role = FG_ROLE_ACTOR;
  c.billing = 65536;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EINVAL);
  c.billing = -1;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EINVAL);
  c.billing = 0;
  fg_id b = fgt_film(g, "b", "B", 2001);
  snap(g, &s);
  r.from = b;
  r.to = a;
  r.type = FG_REL_COUNT_;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EINVAL);
  r.type = -1;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EINVAL);
  r.type = FG_REL_REMAKE_OF;
  r.flags = 0x2;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EINVAL);
  r.flags = 0;
  k.is_original = 2;
  EXPECT_FAIL(g, &s, fg_graph_add_aka(g, &k, &out), FG_EINVAL);
  k.is_original = 0;

  /* Invalid UTF-8 in any string field */
  static const char *const bad_utf8[] = {
      "\xff",             /* never valid */
      "caf\xc3",          /* truncated */
      "\xc0\xaf",         /* overlong */
      "\xed\xa0\x80",     /* surrogate */
      "\xf4\x90\x80\x80", /* past U+10FFFF */
      "ok\x80",           /* lone continuation byte */
  };
  for (size_t i = 0; i < FGT_ARRAY_LEN(bad_utf8); i++) {
    f.title = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
    assert_non_null(strstr(fg_errmsg(g), "UTF-8"));
    f.title = "New";
    f.genres = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
    f.genres = NULL;
    f.key = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EINVAL);
    f.key = "new";
    pe.name = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EINVAL);
    pe.name = "Q";
    c.characters = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EINVAL);
    c.characters = NULL;
    r.note = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EINVAL);
    r.note = NULL;
    k.region = bad_utf8[i];
    EXPECT_FAIL(g, &s, fg_graph_add_aka(g, &k, &out), FG_EINVAL);
    k.region = NULL;
  }

  /* Struct versions */
  f.version = FG_FILM_VERSION + 1;
  EXPECT_FAIL(g, &s, fg_graph_add_film(g, &f, &out), FG_EVERSION);
  f.version = FG_FILM_VERSION;
  pe.version = 0;
  EXPECT_FAIL(g, &s, fg_graph_add_person(g, &pe, &out), FG_EVERSION);
  pe.version = FG_PERSON_VERSION;
  c.version = 7;
  EXPECT_FAIL(g, &s, fg_graph_add_credit(g, &c, &out), FG_EVERSION);
  c.version = FG_CREDIT_VERSION;
  r.version = 7;
  EXPECT_FAIL(g, &s, fg_graph_add_relation(g, &r, &out), FG_EVERSION);
  r.version = FG_RELATION_VERSION;
  k.version = 7;
  EXPECT_FAIL(g, &s, fg_graph_add_aka(g, &k, &out), FG_EVERSION);
  k.version = FG_AKA_VERSION;

  /* After all that, the good records still go in with the next ids. */
  assert_int_equal(fg_graph_add_film(g, &f, &out), FG_OK);
  assert_int_equal(out, 2);
  assert_int_equal(fg_graph_add_person(g, &pe, &out), FG_OK);
  assert_int_equal(out, 1);
  assert_int_equal(fg_graph_add_credit(g, &c, &out), FG_OK);
  assert_int_equal(out, 0);
  assert_int_equal(fg_graph_add_relation(g, &r, &out), FG_OK);
  assert_int_equal(out, 0);
  assert_int_equal(fg_graph_add_aka(g, &k, &out), FG_OK);
  assert_int_equal(out, 0);
  fg_graph_free(g);
}

static void test_errmsg_tracks_failures(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  assert_string_equal(fg_errmsg(g), "");
  fgt_film(g, "a", "A", 0);
  assert_string_equal(fg_errmsg(g), ""); /* success leaves it empty */
  fg_film f = FG_FILM_INIT;
  f.key = "a";
  f.title = "Again";
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_EEXISTS);
  char first[256];
  snprintf(first, sizeof first, "%s", fg_errmsg(g));
  assert_true(first[0] != '\0');
  assert_non_null(strstr(first, "duplicate"));
  /* Queries never change it. */
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(NULL, "x", 0, &l), FG_EINVAL);
  assert_int_equal(fg_film_akas(g, 42, &l), FG_ENOTFOUND);
  assert_null(l);
  assert_string_equal(fg_errmsg(g), first);
  f.key = "b";
  f.year = 10000;
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_EINVAL);
  assert_non_null(strstr(fg_errmsg(g), "10000"));
  assert_string_equal(fg_errmsg(NULL), "");
  fg_graph_free(g);
}

static void test_get_errors(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_film(g, "a", "A", 0);
  fg_film f = FG_FILM_INIT;
  fg_person p = FG_PERSON_INIT;
  fg_credit c = FG_CREDIT_INIT;
  fg_relation r = FG_RELATION_INIT;
  fg_aka k = FG_AKA_INIT;
  assert_int_equal(fg_graph_film(g, 1, &f), FG_ENOTFOUND);
  assert_int_equal(fg_graph_film(g, FG_ID_NONE, &f), FG_ENOTFOUND);
  assert_int_equal(fg_graph_person(g, 0, &p), FG_ENOTFOUND);
  assert_int_equal(fg_graph_credit(g, 0, &c), FG_ENOTFOUND);
  assert_int_equal(fg_graph_relation(g, 0, &r), FG_ENOTFOUND);
  assert_int_equal(fg_graph_aka(g, 0, &k), FG_ENOTFOUND);
  assert_int_equal(fg_graph_film(NULL, 0, &f), FG_EINVAL);
  assert_int_equal(fg_graph_film(g, 0, NULL), FG_EINVAL);
  assert_int_equal(fg_graph_person(g, 0, NULL), FG_EINVAL);
  assert_int_equal(fg_graph_credit(NULL, 0, &c), FG_EINVAL);
  assert_int_equal(fg_graph_relation(g, 0, NULL), FG_EINVAL);
  assert_int_equal(fg_graph_aka(NULL, 0, &k), FG_EINVAL);
  f.version = 0;
  assert_int_equal(fg_graph_film(g, 0, &f), FG_EVERSION);
  p.version = 2;
  assert_int_equal(fg_graph_person(g, 0, &p), FG_EVERSION);
  c.version = 2;
  assert_int_equal(fg_graph_credit(g, 0, &c), FG_EVERSION);
  r.version = 2;
  assert_int_equal(fg_graph_relation(g, 0, &r), FG_EVERSION);
  k.version = 2;
  assert_int_equal(fg_graph_aka(g, 0, &k), FG_EVERSION);
  fg_graph_free(g);
}

/* ---- Status strings and versions --------------------------------------------- */

static void test_errstr(void **state) {
  (void)state;
  static const int codes[] = {
#define CODE_(name, value, text) FG_##name,
      FG_STATUS_MAP(CODE_)
#undef CODE_
  };
  static const char *const texts[] = {
#define TEXT_(name, value, text) text,
      FG_STATUS_MAP(TEXT_)
#undef TEXT_
  };
  size_t n = FGT_ARRAY_LEN(codes);
  assert_true(n >= 10);
  for (size_t i = 0; i < n; i++) {
    const char *s = fg_errstr(codes[i]);
    assert_non_null(s);
    assert_true(s[0] != '\0');
    assert_string_equal(s, texts[i]);
    assert_string_not_equal(s, "unknown status");
    assert_true(codes[i] <= 0);
    for (size_t j = 0; j < i; j++) {
      assert_int_not_equal(codes[i], codes[j]);
      assert_string_not_equal(s, fg_errstr(codes[j]));
    }
  }
  assert_int_equal(FG_OK, 0);
  assert_string_equal(fg_errstr(FG_ENOMEM), "out of memory");
  static const int others[] = {1, 2, -12, -13, -100, 100, INT_MIN, INT_MAX};
  for (size_t i = 0; i < FGT_ARRAY_LEN(others); i++)
    assert_string_equal(fg_errstr(others[i]), "unknown status");
}

static void test_version(void **state) {
  (void)state;
  assert_string_equal(fg_version(), FG_VERSION_STRING);
  assert_int_equal(fg_version_number(), FG_VERSION_NUMBER);
  assert_int_equal(FG_VERSION_NUMBER,
                   FG_VERSION_MAJOR * 10000 + FG_VERSION_MINOR * 100 + FG_VERSION_PATCH);
  char buf[32];
  snprintf(buf, sizeof buf, "%d.%d.%d", FG_VERSION_MAJOR, FG_VERSION_MINOR, FG_VERSION_PATCH);
  assert_string_equal(fg_version(), buf);
}

/* ---- Vocabularies ------------------------------------------------------------- */

static void test_kind_and_role_names(void **state) {
  (void)state;
  for (int k = 0; k < FG_KIND_COUNT_; k++) {
    const char *name = fg_kind_name(k);
    assert_non_null(name);
    int back = -1;
    assert_int_equal(fg_kind_from_name(name, &back), FG_OK);
    assert_int_equal(back, k);
    for (int j = 0; j < k; j++)
      assert_string_not_equal(name, fg_kind_name(j));
  }
  assert_string_equal(fg_kind_name(FG_KIND_TV_MOVIE), "tv_movie");
  assert_null(fg_kind_name(-1));
  assert_null(fg_kind_name(FG_KIND_COUNT_));
  for (int r = 0; r < FG_ROLE_COUNT_; r++) {
    const char *name = fg_role_name(r);
    assert_non_null(name);
    int back = -1;
    assert_int_equal(fg_role_from_name(name, &back), FG_OK);
    assert_int_equal(back, r);
    for (int j = 0; j < r; j++)
      assert_string_not_equal(name, fg_role_name(j));
  }
  assert_string_equal(fg_role_name(FG_ROLE_ACTRESS), "actress");
  assert_null(fg_role_name(-1));
  assert_null(fg_role_name(FG_ROLE_COUNT_));
  int out = 77;
  assert_int_equal(fg_kind_from_name("Movie", &out), FG_ENOTFOUND);
  assert_int_equal(fg_kind_from_name("movie ", &out), FG_ENOTFOUND);
  assert_int_equal(fg_kind_from_name("", &out), FG_ENOTFOUND);
  assert_int_equal(fg_role_from_name("Director", &out), FG_ENOTFOUND);
  assert_int_equal(fg_role_from_name("direct", &out), FG_ENOTFOUND);
  assert_int_equal(out, 77);
  assert_int_equal(fg_kind_from_name(NULL, &out), FG_EINVAL);
  assert_int_equal(fg_kind_from_name("movie", NULL), FG_EINVAL);
  assert_int_equal(fg_role_from_name(NULL, &out), FG_EINVAL);
  assert_int_equal(fg_role_from_name("actor", NULL), FG_EINVAL);
}

static void test_relation_names(void **state) {
  (void)state;
  int symmetric = 0;
  for (int t = 0; t < FG_REL_COUNT_; t++) {
    const char *name = fg_relation_name(t), *inv = fg_relation_inverse_name(t);
    assert_non_null(name);
    assert_non_null(inv);
    int back = -1, rev = -1;
    assert_int_equal(fg_relation_from_name(name, &back, &rev), FG_OK);
    assert_int_equal(back, t);
    assert_int_equal(rev, 0);
    back = rev = -1;
    assert_int_equal(fg_relation_from_name(inv, &back, &rev), FG_OK);
    assert_int_equal(back, t);
    if (strcmp(name, inv) == 0) {
      symmetric++;
      assert_int_equal(rev, 0);
    } else {
      assert_int_equal(rev, 1);
    }
    for (int j = 0; j < t; j++) {
      assert_string_not_equal(name, fg_relation_name(j));
      assert_string_not_equal(inv, fg_relation_inverse_name(j));
      assert_string_not_equal(name, fg_relation_inverse_name(j));
    }
  }
  assert_int_equal(symmetric, 2);
  assert_string_equal(fg_relation_name(FG_REL_REMAKE_OF), "remake_of");
  assert_string_equal(fg_relation_inverse_name(FG_REL_REMAKE_OF), "remade_as");
  assert_string_equal(fg_relation_inverse_name(FG_REL_VERSION_OF), "version_of");
  assert_string_equal(fg_relation_inverse_name(FG_REL_ALTERNATE_LANGUAGE_VERSION_OF),
                      "alternate_language_version_of");
  static const struct {
    const char *name;
    int type, reversed;
  } known[] = {
      {"remade_as", FG_REL_REMAKE_OF, 1},   {"followed_by", FG_REL_FOLLOWS, 1},
      {"spin_off", FG_REL_SPIN_OFF_FROM, 1}, {"edited_into", FG_REL_EDITED_FROM, 1},
      {"referenced_in", FG_REL_REFERENCES, 1}, {"featured_in", FG_REL_FEATURES, 1},
      {"spoofed_in", FG_REL_SPOOFS, 1},      {"version_of", FG_REL_VERSION_OF, 0},
      {"alternate_language_version_of", FG_REL_ALTERNATE_LANGUAGE_VERSION_OF, 0},
      {"follows", FG_REL_FOLLOWS, 0},
  };
  for (size_t i = 0; i < FGT_ARRAY_LEN(known); i++) {
    int t = -1, rev = -1;
    assert_int_equal(fg_relation_from_name(known[i].name, &t, &rev), FG_OK);
    assert_int_equal(t, known[i].type);
    assert_int_equal(rev, known[i].reversed);
  }
  assert_null(fg_relation_name(-1));
  assert_null(fg_relation_name(FG_REL_COUNT_));
  assert_null(fg_relation_inverse_name(FG_REL_COUNT_));
  int t = 99, rev = 99;
  assert_int_equal(fg_relation_from_name("Remake_Of", &t, &rev), FG_ENOTFOUND);
  assert_int_equal(fg_relation_from_name("remake of", &t, &rev), FG_ENOTFOUND);
  assert_int_equal(fg_relation_from_name("remake", &t, &rev), FG_ENOTFOUND);
  assert_int_equal(fg_relation_from_name("", &t, &rev), FG_ENOTFOUND);
  assert_int_equal(fg_relation_from_name(NULL, &t, &rev), FG_EINVAL);
  assert_int_equal(fg_relation_from_name("remake_of", NULL, &rev), FG_EINVAL);
  assert_int_equal(fg_relation_from_name("remake_of", &t, NULL), FG_EINVAL);
}

static void test_origin_and_answer_names(void **state) {
  (void)state;
  int n = 0;
  for (uint32_t bit = 1; bit & FG_ORIGIN_ALL_; bit <<= 1, n++) {
    const char *name = fg_origin_name(bit);
    assert_non_null(name);
    uint32_t back = 0;
    assert_int_equal(fg_origin_from_name(name, &back), FG_OK);
    assert_int_equal(back, bit);
    for (uint32_t other = 1; other < bit; other <<= 1)
      assert_string_not_equal(name, fg_origin_name(other));
  }
  assert_int_equal(n, 10);
  assert_string_equal(fg_origin_name(FG_ORIGIN_TRUE_EVENTS), "true_events");
  assert_string_equal(fg_origin_name(FG_ORIGIN_ORIGINAL_SCREENPLAY), "original_screenplay");
  assert_null(fg_origin_name(0));
  assert_null(fg_origin_name(FG_ORIGIN_BOOK | FG_ORIGIN_PLAY));
  assert_null(fg_origin_name(FG_ORIGIN_ALL_ + 1));
  assert_null(fg_origin_name(0x80000000u));
  uint32_t o = 5;
  assert_int_equal(fg_origin_from_name("True_Events", &o), FG_ENOTFOUND);
  assert_int_equal(fg_origin_from_name("book,play", &o), FG_ENOTFOUND);
  assert_int_equal(fg_origin_from_name("", &o), FG_ENOTFOUND);
  assert_int_equal(o, 5);
  assert_int_equal(fg_origin_from_name(NULL, &o), FG_EINVAL);
  assert_int_equal(fg_origin_from_name("book", NULL), FG_EINVAL);

  assert_string_equal(fg_answer_name(FG_ANSWER_UNKNOWN), "unknown");
  assert_string_equal(fg_answer_name(FG_ANSWER_YES), "yes");
  assert_string_equal(fg_answer_name(FG_ANSWER_NO), "no");
  assert_null(fg_answer_name(3));
  assert_null(fg_answer_name(-1));
}

/* ---- *_init -------------------------------------------------------------------- */

static void test_init_functions(void **state) {
  (void)state;
  /* Each is filled with garbage first, then must equal its INIT macro. */
  {
    fg_film r, want = FG_FILM_INIT;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_film_init(&r, FG_FILM_VERSION), FG_OK);
    assert_int_equal(r.version, want.version);
    assert_null(r.key);
    assert_null(r.title);
    assert_null(r.original_title);
    assert_null(r.countries);
    assert_null(r.languages);
    assert_null(r.genres);
    assert_null(r.source);
    assert_null(r.subject);
    assert_int_equal(r.year, 0);
    assert_int_equal(r.end_year, 0);
    assert_int_equal(r.runtime, 0);
    assert_int_equal(r.kind, 0);
    assert_int_equal(r.origin, 0);
    assert_int_equal(fg_film_init(&r, FG_FILM_VERSION + 1), FG_EVERSION);
    assert_int_equal(fg_film_init(NULL, FG_FILM_VERSION), FG_EINVAL);
  }
  {
    fg_person r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_person_init(&r, FG_PERSON_VERSION), FG_OK);
    assert_int_equal(r.version, FG_PERSON_VERSION);
    assert_null(r.key);
    assert_null(r.name);
    assert_null(r.professions);
    assert_int_equal(r.birth_year, 0);
    assert_int_equal(r.death_year, 0);
    assert_int_equal(fg_person_init(&r, 0), FG_EVERSION);
    assert_int_equal(fg_person_init(NULL, FG_PERSON_VERSION), FG_EINVAL);
  }
  {
    fg_credit r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_credit_init(&r, FG_CREDIT_VERSION), FG_OK);
    assert_int_equal(r.version, FG_CREDIT_VERSION);
    assert_int_equal(r.film, FG_ID_NONE);
    assert_int_equal(r.person, FG_ID_NONE);
    assert_int_equal(r.role, 0);
    assert_int_equal(r.billing, 0);
    assert_null(r.job);
    assert_null(r.characters);
    assert_int_equal(fg_credit_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_credit_init(NULL, FG_CREDIT_VERSION), FG_EINVAL);
  }
  {
    fg_relation r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_relation_init(&r, FG_RELATION_VERSION), FG_OK);
    assert_int_equal(r.version, FG_RELATION_VERSION);
    assert_int_equal(r.from, FG_ID_NONE);
    assert_int_equal(r.to, FG_ID_NONE);
    assert_int_equal(r.type, 0);
    assert_int_equal(r.flags, 0);
    assert_null(r.note);
    assert_int_equal(fg_relation_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_relation_init(NULL, FG_RELATION_VERSION), FG_EINVAL);
  }
  {
    fg_aka r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_aka_init(&r, FG_AKA_VERSION), FG_OK);
    assert_int_equal(r.version, FG_AKA_VERSION);
    assert_int_equal(r.film, FG_ID_NONE);
    assert_null(r.title);
    assert_null(r.region);
    assert_null(r.language);
    assert_null(r.types);
    assert_int_equal(r.is_original, 0);
    assert_int_equal(fg_aka_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_aka_init(NULL, FG_AKA_VERSION), FG_EINVAL);
  }
  {
    fg_graph_options r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_graph_options_init(&r, FG_GRAPH_OPTIONS_VERSION), FG_OK);
    assert_int_equal(r.version, FG_GRAPH_OPTIONS_VERSION);
    assert_null(r.malloc_fn);
    assert_null(r.realloc_fn);
    assert_null(r.free_fn);
    assert_null(r.alloc_ud);
    assert_int_equal(fg_graph_options_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_graph_options_init(NULL, FG_GRAPH_OPTIONS_VERSION), FG_EINVAL);
    /* A graph made from the initialised options works. */
    fg_graph *g = NULL;
    assert_int_equal(fg_graph_new(&r, &g), FG_OK);
    fg_graph_free(g);
  }
  {
    fg_family_node r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_family_node_init(&r, FG_FAMILY_NODE_VERSION), FG_OK);
    assert_int_equal(r.version, FG_FAMILY_NODE_VERSION);
    assert_int_equal(r.film, FG_ID_NONE);
    assert_int_equal(r.parent, FG_ID_NONE);
    assert_int_equal(r.depth, 0);
    assert_int_equal(r.relation, FG_ID_NONE);
    assert_int_equal(fg_family_node_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_family_node_init(NULL, FG_FAMILY_NODE_VERSION), FG_EINVAL);
  }
  {
    fg_story r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_story_init(&r, FG_STORY_VERSION), FG_OK);
    assert_int_equal(r.version, FG_STORY_VERSION);
    assert_int_equal(r.answer, FG_ANSWER_UNKNOWN);
    assert_int_equal(r.film, FG_ID_NONE);
    assert_int_equal(r.original, FG_ID_NONE);
    assert_int_equal(r.decided_by, FG_ID_NONE);
    assert_int_equal(r.origin, 0);
    assert_int_equal(r.flags, 0);
    assert_int_equal(fg_story_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_story_init(NULL, FG_STORY_VERSION), FG_EINVAL);
  }
  {
    fg_error_info r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_error_info_init(&r, FG_ERROR_INFO_VERSION), FG_OK);
    assert_int_equal(r.version, FG_ERROR_INFO_VERSION);
    assert_int_equal(r.status, FG_OK);
    assert_string_equal(r.file, "");
    assert_string_equal(r.message, "");
    assert_int_equal(r.line, 0);
    assert_int_equal(r.column, 0);
    assert_int_equal(r.rows, 0);
    assert_int_equal(r.skipped, 0);
    assert_int_equal(fg_error_info_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_error_info_init(NULL, FG_ERROR_INFO_VERSION), FG_EINVAL);
  }
  {
    fg_source r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_source_init(&r, FG_SOURCE_VERSION), FG_OK);
    assert_int_equal(r.version, FG_SOURCE_VERSION);
    assert_null(r.name);
    assert_null(r.path);
    assert_null(r.data);
    assert_int_equal(r.size, 0);
    assert_null(r.read);
    assert_null(r.payload);
    assert_int_equal(fg_source_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_source_init(NULL, FG_SOURCE_VERSION), FG_EINVAL);
  }
  {
    fg_load_options r;
    memset(&r, 0xA5, sizeof r);
    assert_int_equal(fg_load_options_init(&r, FG_LOAD_OPTIONS_VERSION), FG_OK);
    assert_int_equal(r.version, FG_LOAD_OPTIONS_VERSION);
    assert_int_equal(r.flags, 0);
    assert_int_equal(r.max_line, 0);
    assert_int_equal(r.max_field, 0);
    assert_null(r.on_skip);
    assert_null(r.skip_payload);
    assert_int_equal(fg_load_options_init(&r, 2), FG_EVERSION);
    assert_int_equal(fg_load_options_init(NULL, FG_LOAD_OPTIONS_VERSION), FG_EINVAL);
  }
}

/* A record made by fg_*_init is accepted by the matching add call. */
static void test_init_records_usable(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_film f;
  assert_int_equal(fg_film_init(&f, FG_FILM_VERSION), FG_OK);
  f.key = "x";
  f.title = "X";
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_OK);
  f.key = "y";
  assert_int_equal(fg_graph_add_film(g, &f, NULL), FG_OK);
  fg_relation r;
  assert_int_equal(fg_relation_init(&r, FG_RELATION_VERSION), FG_OK);
  r.from = 1;
  r.to = 0;
  assert_int_equal(fg_graph_add_relation(g, &r, NULL), FG_OK);
  fg_story s;
  assert_int_equal(fg_story_init(&s, FG_STORY_VERSION), FG_OK);
  assert_int_equal(fg_film_true_story(g, 1, &s, NULL), FG_OK);
  assert_int_equal(s.original, 0);
  fg_graph_free(g);
}


/* The rating, episode and adult fields of a film: kept, and checked. */
static void test_film_rating_and_episode_fields(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id show = fgt_film(g, "show", "Show", 2001);
  fg_film f = FG_FILM_INIT;
  f.key = "ep", f.title = "Ep", f.rating = 73, f.votes = 2147483647u, f.series = show;
  f.season = 65535, f.episode = 12, f.is_adult = 1;
  fg_id ep;
  assert_int_equal(fg_graph_add_film(g, &f, &ep), FG_OK);
  fg_film out = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, ep, &out), FG_OK);
  assert_int_equal(out.rating, 73);
  assert_int_equal(out.votes, 2147483647u);
  assert_int_equal(out.series, show);
  assert_int_equal(out.season, 65535);
  assert_int_equal(out.episode, 12);
  assert_int_equal(out.is_adult, 1);
  assert_int_equal(fg_graph_film(g, show, &out), FG_OK);
  assert_int_equal(out.series, FG_ID_NONE);
  static const struct {
    int32_t rating, season, episode, is_adult;
    fg_id series;
    int status;
  } bad[] = {
      {5, 0, 0, 0, FG_ID_NONE, FG_EINVAL},   {101, 0, 0, 0, FG_ID_NONE, FG_EINVAL},
      {-1, 0, 0, 0, FG_ID_NONE, FG_EINVAL},  {0, 65536, 0, 0, FG_ID_NONE, FG_EINVAL},
      {0, 0, -1, 0, FG_ID_NONE, FG_EINVAL},  {0, 0, 0, 2, FG_ID_NONE, FG_EINVAL},
      {0, 0, 0, 0, 99, FG_ENOTFOUND},
  };
  fg_film many = FG_FILM_INIT; /* the catalogue writes votes as a signed 32-bit number */
  many.key = "many", many.title = "Many", many.votes = 2147483648u;
  assert_int_equal(fg_graph_add_film(g, &many, NULL), FG_EINVAL);
  for (size_t i = 0; i < FGT_ARRAY_LEN(bad); i++) {
    fg_film b = FG_FILM_INIT;
    b.key = "bad", b.title = "Bad", b.rating = bad[i].rating, b.season = bad[i].season;
    b.episode = bad[i].episode, b.is_adult = bad[i].is_adult, b.series = bad[i].series;
    assert_int_equal(fg_graph_add_film(g, &b, NULL), bad[i].status);
    assert_true(strlen(fg_errmsg(g)) > 0);
    assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 2);
  }
  fg_graph_free(g);
}

/* fg_graph_memory adds up, and grows with the records. */
static void test_graph_memory(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_memory m0 = FG_MEMORY_INIT, m1 = FG_MEMORY_INIT, bad = FG_MEMORY_INIT;
  assert_int_equal(fg_graph_memory(g, &m0), FG_OK);
  for (int i = 0; i < 5000; i++) { /* more text than one 64 KiB chunk */
    char key[48];
    snprintf(key, sizeof key, "a-film-with-a-long-key-%d", i);
    fgt_film(g, key, key, 2000);
  }
  /* The indexes come in three parts, each built when first needed: the
   * adjacency (a traversal), the AKAs by film (an AKA lookup), the search
   * tables (a search, or the freeze). */
  fg_memory part = FG_MEMORY_INIT;
  fg_idlist *l = NULL;
  assert_int_equal(fg_film_remake_of(g, 0, &l), FG_OK);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_memory(g, &part), FG_OK);
  assert_true(part.adjacency > 0);
  assert_int_equal(part.search, 0);
  uint64_t adjacency = part.adjacency;
  assert_int_equal(fg_film_akas(g, 0, &l), FG_OK);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_memory(g, &part), FG_OK);
  assert_int_equal(part.adjacency, adjacency);
  assert_true(part.search >= 5001 * sizeof(uint32_t)); /* a row start per film */
  uint64_t akas = part.search;
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  assert_int_equal(fg_graph_memory(g, &m1), FG_OK);
  assert_int_equal(m1.adjacency, adjacency);
  assert_true(m1.search > akas);
  uint64_t sum = m1.strings + m1.string_table + m1.keys + m1.index + m1.other;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    sum += m1.records[t];
  assert_int_equal(sum, m1.total);
  assert_true(m1.records[FG_TABLE_FILMS] >= 1000 * 40);
  assert_true(m1.strings > m0.strings);
  assert_true(m1.keys > 0 && m1.index > 0);
  assert_true(m1.total > m0.total);
  bad.version = 99;
  assert_int_equal(fg_graph_memory(g, &bad), FG_EVERSION);
  assert_int_equal(fg_graph_memory(NULL, &m1), FG_EINVAL);
  fg_graph_free(g);
}

/* Strings handed out stay valid while the graph grows (the pool never
 * moves them), and a borrowed string can be passed back in. */
static void test_borrowed_strings_stay_valid(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id first = fgt_film(g, "first-key", "First Title", 1999);
  fg_film kept = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, first, &kept), FG_OK);
  const char *title = kept.title, *key = kept.key;
  for (int i = 0; i < 20000; i++) { /* megabytes of new text */
    char k[64];
    snprintf(k, sizeof k, "film-number-%06d-with-a-longer-key", i);
    fgt_film(g, k, k, 2000);
  }
  assert_string_equal(title, "First Title");
  assert_string_equal(key, "first-key");
  /* A pool string as input, many times (its chunk must not move while it
   * is copied). */
  for (int i = 0; i < 5000; i++) {
    fg_aka a = FG_AKA_INIT;
    a.film = first, a.title = key, a.region = title;
    assert_int_equal(fg_graph_add_aka(g, &a, NULL), FG_OK);
  }
  fg_aka back = FG_AKA_INIT;
  assert_int_equal(fg_graph_aka(g, 4999, &back), FG_OK);
  assert_string_equal(back.title, "first-key");
  assert_string_equal(back.region, "First Title");
  /* A string longer than a chunk, and a failed load after it: what was
   * there stays readable, and adding goes on. */
  size_t big = 200000;
  char *long_title = malloc(big + 1);
  memset(long_title, 'x', big);
  long_title[big] = '\0';
  fg_film f = FG_FILM_INIT;
  f.key = "long", f.title = long_title;
  fg_id id;
  assert_int_equal(fg_graph_add_film(g, &f, &id), FG_OK);
  fg_film out = FG_FILM_INIT;
  assert_int_equal(fg_graph_film(g, id, &out), FG_OK);
  assert_int_equal(strlen(out.title), big);
  size_t n = fg_graph_count(g, FG_TABLE_FILMS);
  char *text = malloc(big + 200);
  snprintf(text, big + 200, "key\ttitle\nnew-%s\t%s\nbad\n", long_title + big - 10, long_title);
  fg_error_info err = FG_ERROR_INFO_INIT;
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.max_field = SIZE_MAX;
  assert_int_equal(fgt_load_text(g, FG_TABLE_FILMS, "f.tsv", text, &opts, &err), FG_EPARSE);
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), n);
  assert_int_equal(strlen(out.title), big);
  assert_string_equal(title, "First Title");
  fgt_film(g, "after", "After the rollback", 2020);
  assert_int_equal(fg_graph_film(g, fgt_find_film(g, "after"), &out), FG_OK);
  assert_string_equal(out.title, "After the rollback");
  free(text);
  free(long_title);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_graph_new_free),
      cmocka_unit_test(test_options_hooks_counted),
      cmocka_unit_test(test_options_errors),
      cmocka_unit_test(test_film_round_trip),
      cmocka_unit_test(test_person_credit_relation_aka_round_trip),
      cmocka_unit_test(test_ids_dense_and_find),
      cmocka_unit_test(test_imdb_style_keys),
      cmocka_unit_test(test_duplicate_keys),
      cmocka_unit_test(test_add_errors),
      cmocka_unit_test(test_errmsg_tracks_failures),
      cmocka_unit_test(test_get_errors),
      cmocka_unit_test(test_errstr),
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_kind_and_role_names),
      cmocka_unit_test(test_relation_names),
      cmocka_unit_test(test_origin_and_answer_names),
      cmocka_unit_test(test_init_functions),
      cmocka_unit_test(test_init_records_usable),
      cmocka_unit_test(test_film_rating_and_episode_fields),
      cmocka_unit_test(test_graph_memory),
      cmocka_unit_test(test_borrowed_strings_stay_valid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

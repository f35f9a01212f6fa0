/* Queries: title and name search (case folding beyond ASCII), credits of a
 * film and of a person, relations, AKAs, remake neighbours, index rebuilds
 * after more records, and freezing. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
  fg_graph *g;
  fg_id miracle13, miracle19tr, miracle19ph, brat, zorba, amelie, hachi, hachi_us;
  fg_id lee, lee2, bjork;
} fixture;

static int setup(void **state) {
  fixture *fx = calloc(1, sizeof *fx);
  fg_graph *g = fx->g = fgt_graph(NULL);
  fg_film f = FG_FILM_INIT;
  f.key = "m13";
  f.title = "Miracle in Cell No. 7";
  f.original_title = "7번방의 선물";
  f.year = 2013;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->miracle13), FG_OK);
  f.key = "m19tr";
  f.original_title = "7. Koğuştaki Mucize";
  f.year = 2019;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->miracle19tr), FG_OK);
  f.key = "brat";
  f.title = "Brother";
  f.original_title = "Брат";
  f.year = 1997;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->brat), FG_OK);
  f.key = "zorba";
  f.title = "Zorba the Greek";
  f.original_title = "Αλέξης Ζορμπάς";
  f.year = 1964;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->zorba), FG_OK);
  f.key = "amelie";
  f.title = "Amélie";
  f.original_title = "Le Fabuleux Destin d'Amélie Poulain";
  f.year = 2001;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->amelie), FG_OK);
  f.key = "m19ph";
  f.title = "Miracle in Cell No. 7";
  f.original_title = NULL;
  f.year = 2019;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->miracle19ph), FG_OK);
  f.key = "hachi87";
  f.title = "Hachikō Monogatari";
  f.original_title = "ハチ公物語";
  f.year = 1987;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->hachi), FG_OK);
  f.key = "hachi09";
  f.title = "Hachi: A Dog's Tale";
  f.original_title = "Hachi: A Dog's Tale"; /* same as the title */
  f.year = 2009;
  assert_int_equal(fg_graph_add_film(g, &f, &fx->hachi_us), FG_OK);
  /* AKAs: one equal to the film's own title, one new, one with no year
   * restriction use. */
  fgt_aka(g, fx->miracle13, "Miracle in Cell No. 7");
  fgt_aka(g, fx->miracle13, "7번방의 선물");
  fgt_aka(g, fx->hachi_us, "Hachiko: A Dog's Story");
  fgt_aka(g, fx->hachi_us, "HACHI: A DOG'S TALE");
  fgt_aka(g, fx->miracle19tr, "Miracle in Cell No. 7");
  fx->lee = fgt_person(g, "lee", "Lee Hwan-kyung");
  fx->bjork = fgt_person(g, "bjork", "Björk");
  fx->lee2 = fgt_person(g, "lee2", "LEE HWAN-KYUNG");
  fgt_person(g, "other", "Lee Hwan");
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  fixture *fx = *state;
  fg_graph_free(fx->g);
  free(fx);
  return 0;
}

static fg_idlist *search(const fg_graph *g, const char *title, int32_t year) {
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, title, year, &l), FG_OK);
  assert_non_null(l);
  return l;
}

static void test_search_title_original_aka(void **state) {
  fixture *fx = *state;
  const fg_graph *g = fx->g;
  fg_id all3[] = {fx->miracle13, fx->miracle19tr, fx->miracle19ph};
  /* Each film once although it matches by title and by AKA. */
  fgt_expect_ids(search(g, "Miracle in Cell No. 7", 0), all3, 3);
  fgt_expect_ids(search(g, "miracle in cell no. 7", 0), all3, 3);
  fgt_expect_ids(search(g, "MIRACLE IN CELL NO. 7", 0), all3, 3);
  /* Original title */
  fgt_expect_ids(search(g, "7번방의 선물", 0), &fx->miracle13, 1);
  fgt_expect_ids(search(g, "ハチ公物語", 0), &fx->hachi, 1);
  /* AKA only */
  fgt_expect_ids(search(g, "hachiko: a dog's story", 0), &fx->hachi_us, 1);
  /* Title = original title = AKA (in another case): still once. */
  fgt_expect_ids(search(g, "hachi: a dog's tale", 0), &fx->hachi_us, 1);
  /* Exact matches only: no prefixes, no extra spaces. */
  fgt_expect_ids(search(g, "Miracle", 0), NULL, 0);
  fgt_expect_ids(search(g, "Miracle in Cell No. 7 ", 0), NULL, 0);
  fgt_expect_ids(search(g, "Miracle in Cell No 7", 0), NULL, 0);
  fgt_expect_ids(search(g, "Nothing like this", 0), NULL, 0);
  fgt_expect_ids(search(g, "", 0), NULL, 0);
}

static void test_search_year(void **state) {
  fixture *fx = *state;
  fg_id y2019[] = {fx->miracle19tr, fx->miracle19ph};
  fgt_expect_ids(search(fx->g, "Miracle in Cell No. 7", 2019), y2019, 2);
  fgt_expect_ids(search(fx->g, "Miracle in Cell No. 7", 2013), &fx->miracle13, 1);
  fgt_expect_ids(search(fx->g, "Miracle in Cell No. 7", 2000), NULL, 0);
  fgt_expect_ids(search(fx->g, "Brother", 1997), &fx->brat, 1);
  fgt_expect_ids(search(fx->g, "Brother", 1998), NULL, 0);
}

static void test_search_non_ascii_case(void **state) {
  fixture *fx = *state;
  const fg_graph *g = fx->g;
  /* Turkish: Ğ Ş İ upper case (İ is dotted capital I). */
  fgt_expect_ids(search(g, "7. KOĞUŞTAKİ MUCİZE", 0), &fx->miracle19tr, 1);
  fgt_expect_ids(search(g, "7. koğuştaki mucize", 0), &fx->miracle19tr, 1);
  fgt_expect_ids(search(g, "7. Koğuştaki Mucize", 2019), &fx->miracle19tr, 1);
  /* Cyrillic */
  fgt_expect_ids(search(g, "БРАТ", 0), &fx->brat, 1);
  fgt_expect_ids(search(g, "брат", 0), &fx->brat, 1);
  fgt_expect_ids(search(g, "бРаТ", 0), &fx->brat, 1);
  /* Greek, with tonos and final sigma */
  fgt_expect_ids(search(g, "ΑΛΈΞΗΣ ΖΟΡΜΠΆΣ", 0), &fx->zorba, 1);
  fgt_expect_ids(search(g, "αλέξης ζορμπάς", 0), &fx->zorba, 1);
  /* Latin-1 */
  fgt_expect_ids(search(g, "AMÉLIE", 0), &fx->amelie, 1);
  fgt_expect_ids(search(g, "le fabuleux destin d'amélie poulain", 0), &fx->amelie, 1);
  /* Accents are not dropped: É is not E. */
  fgt_expect_ids(search(g, "AMELIE", 0), NULL, 0);
  /* Latin Extended-A: ō / Ō */
  fgt_expect_ids(search(g, "HACHIKŌ MONOGATARI", 0), &fx->hachi, 1);
}

static void test_search_people(void **state) {
  fixture *fx = *state;
  fg_idlist *l = NULL;
  fg_id both[] = {fx->lee, fx->lee2};
  assert_int_equal(fg_graph_search_people(fx->g, "lee hwan-kyung", &l), FG_OK);
  fgt_expect_ids(l, both, 2);
  assert_int_equal(fg_graph_search_people(fx->g, "BJÖRK", &l), FG_OK);
  fgt_expect_ids(l, &fx->bjork, 1);
  assert_int_equal(fg_graph_search_people(fx->g, "Bjork", &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  assert_int_equal(fg_graph_search_people(fx->g, "Lee", &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  l = (fg_idlist *)&l;
  assert_int_equal(fg_graph_search_people(fx->g, NULL, &l), FG_EINVAL);
  assert_null(l);
  assert_int_equal(fg_graph_search_people(NULL, "x", &l), FG_EINVAL);
  assert_int_equal(fg_graph_search_people(fx->g, "x", NULL), FG_EINVAL);
}

static void test_search_errors_and_empty_graph(void **state) {
  fixture *fx = *state;
  fg_idlist *l = (fg_idlist *)&l;
  assert_int_equal(fg_graph_search_films(fx->g, NULL, 0, &l), FG_EINVAL);
  assert_null(l);
  l = (fg_idlist *)&l;
  assert_int_equal(fg_graph_search_films(NULL, "x", 0, &l), FG_EINVAL);
  assert_null(l);
  assert_int_equal(fg_graph_search_films(fx->g, "x", 0, NULL), FG_EINVAL);
  fg_graph *empty = fgt_graph(NULL);
  fgt_expect_ids(search(empty, "anything", 0), NULL, 0);
  assert_int_equal(fg_graph_search_people(empty, "anyone", &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fg_graph_free(empty);
  /* idlist accessors on NULL and out of range */
  assert_int_equal(fg_idlist_count(NULL), 0);
  assert_int_equal(fg_idlist_get(NULL, 0), FG_ID_NONE);
  fg_idlist_free(NULL);
}

/* ---- Credits ------------------------------------------------------------------ */

static void test_film_credits_order(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f = fgt_film(g, "f", "F", 2000);
  fg_id other = fgt_film(g, "o", "O", 2000);
  fg_id p[8];
  char key[8];
  for (int i = 0; i < 8; i++) {
    snprintf(key, sizeof key, "p%d", i);
    p[i] = fgt_person(g, key, key);
  }
  fg_id c_act2 = fgt_credit(g, f, p[0], FG_ROLE_ACTOR, 2);
  fg_id c_dir = fgt_credit(g, f, p[1], FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, other, p[1], FG_ROLE_DIRECTOR, 0);
  fg_id c_act1 = fgt_credit(g, f, p[2], FG_ROLE_ACTOR, 1);
  fg_id c_actress_u = fgt_credit(g, f, p[3], FG_ROLE_ACTRESS, 0);
  fg_id c_act_u1 = fgt_credit(g, f, p[4], FG_ROLE_ACTOR, 0);
  fg_id c_wri = fgt_credit(g, f, p[5], FG_ROLE_WRITER, 0);
  fg_id c_act3 = fgt_credit(g, f, p[6], FG_ROLE_ACTOR, 3);
  fg_id c_act_u2 = fgt_credit(g, f, p[7], FG_ROLE_ACTOR, 0);
  fg_id c_actress1 = fgt_credit(g, f, p[3], FG_ROLE_ACTRESS, 1);
  fg_id c_other = fgt_credit(g, f, p[0], FG_ROLE_OTHER, 0);
  fg_id c_big = fgt_credit(g, f, p[1], FG_ROLE_ACTOR, 65535);

  fg_idlist *l = NULL;
  assert_int_equal(fg_film_credits(g, f, FG_ROLES_ALL, &l), FG_OK);
  fg_id all[] = {c_other, c_dir, c_wri, c_act1, c_act2, c_act3, c_big, c_act_u1, c_act_u2,
                 c_actress1, c_actress_u};
  fgt_expect_ids(l, all, FGT_ARRAY_LEN(all));

  assert_int_equal(fg_film_credits(g, f, FG_ROLE_MASK(FG_ROLE_ACTOR), &l), FG_OK);
  fg_id actors[] = {c_act1, c_act2, c_act3, c_big, c_act_u1, c_act_u2};
  fgt_expect_ids(l, actors, FGT_ARRAY_LEN(actors));

  assert_int_equal(
      fg_film_credits(g, f, FG_ROLE_MASK(FG_ROLE_DIRECTOR) | FG_ROLE_MASK(FG_ROLE_ACTRESS), &l),
      FG_OK);
  fg_id dir_actress[] = {c_dir, c_actress1, c_actress_u};
  fgt_expect_ids(l, dir_actress, 3);

  assert_int_equal(fg_film_credits(g, f, 0, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  assert_int_equal(fg_film_credits(g, f, FG_ROLE_MASK(FG_ROLE_EDITOR), &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);

  fg_id none = fgt_film(g, "none", "None", 0);
  assert_int_equal(fg_film_credits(g, none, FG_ROLES_ALL, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);

  l = (fg_idlist *)&l;
  assert_int_equal(fg_film_credits(g, 99, FG_ROLES_ALL, &l), FG_ENOTFOUND);
  assert_null(l);
  assert_int_equal(fg_film_credits(NULL, f, FG_ROLES_ALL, &l), FG_EINVAL);
  assert_int_equal(fg_film_credits(g, f, FG_ROLES_ALL, NULL), FG_EINVAL);
  fg_graph_free(g);
}

static void test_person_credits_order(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f2010a = fgt_film(g, "a", "A", 2010);
  fg_id funknown = fgt_film(g, "u", "U", 0);
  fg_id f1990 = fgt_film(g, "b", "B", 1990);
  fg_id f2010b = fgt_film(g, "c", "C", 2010);
  fg_id f2001 = fgt_film(g, "d", "D", 2001);
  fg_id p = fgt_person(g, "p", "P");
  fg_id q = fgt_person(g, "q", "Q");
  fg_id c_u = fgt_credit(g, funknown, p, FG_ROLE_ACTOR, 1);
  fg_id c_b = fgt_credit(g, f2010b, p, FG_ROLE_ACTOR, 0);
  fg_id c_90w = fgt_credit(g, f1990, p, FG_ROLE_WRITER, 0);
  fgt_credit(g, f2001, q, FG_ROLE_ACTOR, 1);
  fg_id c_a = fgt_credit(g, f2010a, p, FG_ROLE_DIRECTOR, 0);
  fg_id c_90d = fgt_credit(g, f1990, p, FG_ROLE_DIRECTOR, 0);
  fg_idlist *l = NULL;
  assert_int_equal(fg_person_credits(g, p, FG_ROLES_ALL, &l), FG_OK);
  fg_id want[] = {c_90d, c_90w, c_a, c_b, c_u};
  fgt_expect_ids(l, want, 5);
  assert_int_equal(fg_person_credits(g, p, FG_ROLE_MASK(FG_ROLE_DIRECTOR), &l), FG_OK);
  fg_id dirs[] = {c_90d, c_a};
  fgt_expect_ids(l, dirs, 2);
  assert_int_equal(fg_person_credits(g, p, FG_ROLE_MASK(FG_ROLE_ACTOR), &l), FG_OK);
  fg_id acts[] = {c_b, c_u};
  fgt_expect_ids(l, acts, 2);
  assert_int_equal(fg_person_credits(g, q, FG_ROLE_MASK(FG_ROLE_DIRECTOR), &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fg_id loner = fgt_person(g, "r", "R");
  assert_int_equal(fg_person_credits(g, loner, FG_ROLES_ALL, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  l = (fg_idlist *)&l;
  assert_int_equal(fg_person_credits(g, 42, FG_ROLES_ALL, &l), FG_ENOTFOUND);
  assert_null(l);
  assert_int_equal(fg_person_credits(NULL, p, FG_ROLES_ALL, &l), FG_EINVAL);
  fg_graph_free(g);
}

/* ---- Relations, AKAs, remake neighbours ------------------------------------------ */

static void test_film_relations(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 2000);
  fg_id b = fgt_film(g, "b", "B", 1990);
  fg_id c = fgt_film(g, "c", "C", 2010);
  fg_id d = fgt_film(g, "d", "D", 1995);
  fg_id e = fgt_film(g, "e", "E", 2020);
  fg_id r_ab = fgt_relation(g, a, FG_REL_REMAKE_OF, b, 0);
  fg_id r_ca = fgt_relation(g, c, FG_REL_REMAKE_OF, a, 0);
  fg_id r_ad = fgt_relation(g, a, FG_REL_FOLLOWS, d, 0);
  fg_id r_ea = fgt_relation(g, e, FG_REL_REFERENCES, a, 0);
  fgt_relation(g, e, FG_REL_REMAKE_OF, b, 0); /* not touching a */
  fg_id r_ab2 = fgt_relation(g, a, FG_REL_VERSION_OF, b, FG_RELF_UNOFFICIAL);
  fg_id r_da = fgt_relation(g, d, FG_REL_REMAKE_OF, a, 0);

  fg_idlist *l = NULL;
  assert_int_equal(fg_film_relations(g, a, FG_DIR_OUT, FG_RELS_ALL, &l), FG_OK);
  fg_id out[] = {r_ab, r_ad, r_ab2};
  fgt_expect_ids(l, out, 3);
  assert_int_equal(fg_film_relations(g, a, FG_DIR_IN, FG_RELS_ALL, &l), FG_OK);
  fg_id in[] = {r_ca, r_ea, r_da};
  fgt_expect_ids(l, in, 3);
  assert_int_equal(fg_film_relations(g, a, FG_DIR_BOTH, FG_RELS_ALL, &l), FG_OK);
  fg_id both[] = {r_ab, r_ad, r_ab2, r_ca, r_ea, r_da};
  fgt_expect_ids(l, both, 6);
  uint32_t remakes = FG_REL_MASK(FG_REL_REMAKE_OF);
  assert_int_equal(fg_film_relations(g, a, FG_DIR_OUT, remakes, &l), FG_OK);
  fgt_expect_ids(l, &r_ab, 1);
  assert_int_equal(fg_film_relations(g, a, FG_DIR_IN, remakes, &l), FG_OK);
  fg_id in_remakes[] = {r_ca, r_da};
  fgt_expect_ids(l, in_remakes, 2);
  assert_int_equal(
      fg_film_relations(g, a, FG_DIR_BOTH,
                        FG_REL_MASK(FG_REL_FOLLOWS) | FG_REL_MASK(FG_REL_REFERENCES), &l),
      FG_OK);
  fg_id fr[] = {r_ad, r_ea};
  fgt_expect_ids(l, fr, 2);
  assert_int_equal(fg_film_relations(g, a, FG_DIR_BOTH, 0, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  assert_int_equal(fg_film_relations(g, c, FG_DIR_IN, FG_RELS_ALL, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);

  /* remake_of / remakes give film ids */
  assert_int_equal(fg_film_remake_of(g, a, &l), FG_OK);
  fgt_expect_ids(l, &b, 1);
  assert_int_equal(fg_film_remakes(g, a, &l), FG_OK);
  fg_id rm[] = {c, d};
  fgt_expect_ids(l, rm, 2);
  assert_int_equal(fg_film_remakes(g, b, &l), FG_OK);
  fg_id rmb[] = {a, e};
  fgt_expect_ids(l, rmb, 2);
  assert_int_equal(fg_film_remake_of(g, b, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);

  l = (fg_idlist *)&l;
  assert_int_equal(fg_film_relations(g, a, 0, FG_RELS_ALL, &l), FG_EINVAL);
  assert_null(l);
  assert_int_equal(fg_film_relations(g, a, 4, FG_RELS_ALL, &l), FG_EINVAL);
  assert_int_equal(fg_film_relations(g, a, -1, FG_RELS_ALL, &l), FG_EINVAL);
  assert_int_equal(fg_film_relations(g, 77, FG_DIR_OUT, FG_RELS_ALL, &l), FG_ENOTFOUND);
  assert_null(l);
  assert_int_equal(fg_film_relations(NULL, a, FG_DIR_OUT, FG_RELS_ALL, &l), FG_EINVAL);
  assert_int_equal(fg_film_remake_of(g, 77, &l), FG_ENOTFOUND);
  assert_int_equal(fg_film_remakes(g, 77, &l), FG_ENOTFOUND);
  assert_int_equal(fg_film_remakes(g, a, NULL), FG_EINVAL);
  fg_graph_free(g);
}

static void test_film_akas(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 0);
  fg_id b = fgt_film(g, "b", "B", 0);
  fg_id k0 = fgt_aka(g, a, "A1");
  fgt_aka(g, b, "B1");
  fg_id k2 = fgt_aka(g, a, "A2");
  fg_id k3 = fgt_aka(g, a, "A1"); /* the same title twice is allowed */
  fg_idlist *l = NULL;
  assert_int_equal(fg_film_akas(g, a, &l), FG_OK);
  fg_id want[] = {k0, k2, k3};
  fgt_expect_ids(l, want, 3);
  fg_id c = fgt_film(g, "c", "C", 0);
  assert_int_equal(fg_film_akas(g, c, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fgt_expect_ids(search(g, "a1", 0), &a, 1);
  assert_int_equal(fg_film_akas(g, 9, &l), FG_ENOTFOUND);
  assert_null(l);
  assert_int_equal(fg_film_akas(NULL, a, &l), FG_EINVAL);
  assert_int_equal(fg_film_akas(g, a, NULL), FG_EINVAL);
  fg_graph_free(g);
}

/* ---- Index rebuilds and freezing ---------------------------------------------- */

static void test_queries_after_adding(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "Alpha", 2000);
  fg_id p = fgt_person(g, "p", "Pat");
  fgt_expect_ids(search(g, "alpha", 0), &a, 1);
  fgt_expect_ids(search(g, "Later", 0), NULL, 0);
  fg_id later = fgt_film(g, "later", "Later", 2001);
  fgt_expect_ids(search(g, "later", 0), &later, 1);
  /* A new AKA of an old film */
  fgt_aka(g, a, "Alfa");
  fgt_expect_ids(search(g, "ALFA", 0), &a, 1);
  /* A new person, a new credit, a new relation */
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_people(g, "Quinn", &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fg_id q = fgt_person(g, "q", "Quinn");
  assert_int_equal(fg_graph_search_people(g, "quinn", &l), FG_OK);
  fgt_expect_ids(l, &q, 1);
  assert_int_equal(fg_film_credits(g, a, FG_ROLES_ALL, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fg_id c = fgt_credit(g, a, p, FG_ROLE_DIRECTOR, 0);
  assert_int_equal(fg_film_credits(g, a, FG_ROLES_ALL, &l), FG_OK);
  fgt_expect_ids(l, &c, 1);
  assert_int_equal(fg_person_credits(g, p, FG_ROLES_ALL, &l), FG_OK);
  fgt_expect_ids(l, &c, 1);
  assert_int_equal(fg_film_remakes(g, a, &l), FG_OK);
  fgt_expect_ids(l, NULL, 0);
  fgt_relation(g, later, FG_REL_REMAKE_OF, a, 0);
  assert_int_equal(fg_film_remakes(g, a, &l), FG_OK);
  fgt_expect_ids(l, &later, 1);
  /* Many more films: the title table grows and stays correct. */
  char key[16], title[32];
  for (int i = 0; i < 3000; i++) {
    snprintf(key, sizeof key, "k%d", i);
    snprintf(title, sizeof title, "Title %d", i % 1000);
    fgt_film(g, key, title, 1900 + i / 1000);
  }
  fg_id want[] = {fgt_find_film(g, "k17"), fgt_find_film(g, "k1017"), fgt_find_film(g, "k2017")};
  fgt_expect_ids(search(g, "title 17", 0), want, 3);
  fgt_expect_ids(search(g, "TITLE 17", 1901), &want[1], 1);
  fgt_expect_ids(search(g, "alfa", 0), &a, 1);
  fg_graph_free(g);
}

static void test_freeze(void **state) {
  (void)state;
  assert_int_equal(fg_graph_freeze(NULL), FG_EINVAL);
  fg_graph *g = fgt_graph(NULL);
  assert_int_equal(fg_graph_freeze(g), FG_OK); /* empty graph */
  fg_id a = fgt_film(g, "a", "Alpha", 2000);
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  assert_int_equal(fg_graph_freeze(g), FG_OK); /* twice is fine */
  fgt_expect_ids(search(g, "ALPHA", 0), &a, 1);
  fg_id b = fgt_film(g, "b", "Alpha", 2001);
  fg_id ab[] = {a, b};
  fgt_expect_ids(search(g, "alpha", 0), ab, 2); /* unfrozen: rebuilt by the query */
  fg_id c = fgt_film(g, "c", "Alpha", 2002);
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  fg_id abc[] = {a, b, c};
  fgt_expect_ids(search(g, "alpha", 0), abc, 3);
  assert_string_equal(fg_errmsg(g), "");
  fg_graph_free(g);
}

/* Letters beyond the basic blocks: Romanian (Latin Extended-B), Ukrainian
 * and Kazakh (Cyrillic supplement), capital sharp s. */
static void test_search_more_scripts(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id scoala = fgt_film(g, "ro", "Școala de Țară", 2010);
  fg_id ganok = fgt_film(g, "uk", "Ґанок", 2011);
  fg_id kaz = fgt_film(g, "kk", "Қазақ Өлкесі", 2012);
  fg_id strasse = fgt_film(g, "de", "Die Straße", 2013);
  fgt_expect_ids(search(g, "școala de țară", 0), &scoala, 1);
  fgt_expect_ids(search(g, "ȘCOALA DE ȚARĂ", 0), &scoala, 1);
  fgt_expect_ids(search(g, "ґанок", 0), &ganok, 1);
  fgt_expect_ids(search(g, "ҚАЗАҚ ӨЛКЕСІ", 0), &kaz, 1);
  fgt_expect_ids(search(g, "қазақ өлкесі", 0), &kaz, 1);
  fgt_expect_ids(search(g, "DIE STRAẞE", 0), &strasse, 1);
  fg_graph_free(g);
}

static void test_collaborators(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f1 = fgt_film(g, "f1", "F1", 2001), f2 = fgt_film(g, "f2", "F2", 2002);
  fg_id f3 = fgt_film(g, "f3", "F3", 2003);
  fg_id p = fgt_person(g, "p", "P"), a = fgt_person(g, "a", "A"), b = fgt_person(g, "b", "B");
  fg_id c = fgt_person(g, "c", "C");
  fgt_credit(g, f1, p, FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, f1, a, FG_ROLE_ACTOR, 1);
  fgt_credit(g, f1, b, FG_ROLE_ACTOR, 2);
  fgt_credit(g, f2, p, FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, f2, a, FG_ROLE_ACTOR, 1);
  fgt_credit(g, f2, a, FG_ROLE_WRITER, 0); /* two credits on one film: one film */
  fgt_credit(g, f3, c, FG_ROLE_ACTOR, 1);  /* not with p */
  fgt_credit(g, f1, p, FG_ROLE_WRITER, 0); /* p's second credit on f1, far from the first */
  fg_idlist *l = NULL;
  assert_int_equal(fg_person_collaborators(g, p, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 2);
  assert_int_equal(fg_idlist_get(l, 0), a);
  assert_int_equal(fg_idlist_weight(l, 0), 2);
  assert_int_equal(fg_idlist_get(l, 1), b);
  assert_int_equal(fg_idlist_weight(l, 1), 1);
  assert_int_equal(fg_idlist_weight(l, 2), 0);
  fg_idlist_free(l);
  /* Only the films p wrote: f1. */
  assert_int_equal(fg_person_collaborators(g, p, FG_ROLE_MASK(FG_ROLE_WRITER), &l), FG_OK);
  fg_id ab[] = {a, b};
  assert_int_equal(fg_idlist_count(l), 2);
  assert_int_equal(fg_idlist_weight(l, 0), 1);
  assert_int_equal(fg_idlist_weight(l, 1), 1);
  assert_int_equal(fg_idlist_get(l, 0), ab[0]);
  fg_idlist_free(l);
  assert_int_equal(fg_person_collaborators(g, p, FG_ROLE_MASK(FG_ROLE_ACTOR), &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
  assert_int_equal(fg_person_collaborators(g, c, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
  assert_int_equal(fg_person_collaborators(g, 99, FG_ROLES_ALL, &l), FG_ENOTFOUND);
  assert_null(l);
  /* Lists without weights say 0. */
  assert_int_equal(fg_film_credits(g, f1, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_weight(l, 0), 0);
  fg_idlist_free(l);
  fg_graph_free(g);
}

/* Enough titles and names for the search tables' large sort (16-bit
 * passes from 65,536 keys): every title and name is found, with its
 * duplicates in id order, the same as through the small sort. */
static void test_search_many(void **state) {
  (void)state;
  enum { N = 70000 };
  fg_graph *g = fgt_graph(NULL);
  char key[32], title[32];
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "f%d", i);
    snprintf(title, sizeof title, "Title %d", i % (N / 2)); /* each title twice */
    fgt_film(g, key, title, 2000);
    snprintf(key, sizeof key, "p%d", i);
    snprintf(title, sizeof title, "Name %d", i);
    fgt_person(g, key, title);
  }
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  for (int i = 0; i < N / 2; i += 997) {
    fg_idlist *l;
    snprintf(title, sizeof title, "title %d", i);
    assert_int_equal(fg_graph_search_films(g, title, 0, &l), FG_OK);
    assert_int_equal(fg_idlist_count(l), 2);
    assert_int_equal(fg_idlist_get(l, 0), (fg_id)i);
    assert_int_equal(fg_idlist_get(l, 1), (fg_id)(i + N / 2));
    fg_idlist_free(l);
    snprintf(title, sizeof title, "NAME %d", i * 2);
    assert_int_equal(fg_graph_search_people(g, title, &l), FG_OK);
    assert_int_equal(fg_idlist_count(l), 1);
    assert_int_equal(fg_idlist_get(l, 0), (fg_id)(i * 2));
    fg_idlist_free(l);
  }
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest fixture_tests[] = {
      cmocka_unit_test(test_search_title_original_aka),
      cmocka_unit_test(test_search_more_scripts),
      cmocka_unit_test(test_collaborators),
      cmocka_unit_test(test_search_year),
      cmocka_unit_test(test_search_non_ascii_case),
      cmocka_unit_test(test_search_people),
      cmocka_unit_test(test_search_errors_and_empty_graph),
  };
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_film_credits_order),
      cmocka_unit_test(test_person_credits_order),
      cmocka_unit_test(test_film_relations),
      cmocka_unit_test(test_film_akas),
      cmocka_unit_test(test_queries_after_adding),
      cmocka_unit_test(test_freeze),
      cmocka_unit_test(test_search_many),
  };
  int failed = cmocka_run_group_tests_name("search", fixture_tests, setup, teardown);
  failed += cmocka_run_group_tests_name("queries", tests, NULL, NULL);
  return failed;
}

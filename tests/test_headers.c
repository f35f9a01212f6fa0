/* The public header as an ABI: it compiles on its own (header_only.c, built
 * with -pedantic-errors), its append-only values keep their numbers, every
 * caller-filled struct starts with its version, and only fixed-width types
 * cross the boundary. */
#include "filmgraph.h"

#include "header_only.h"
#include "test_util.h"

#include <limits.h>
#include <string.h>

#define FIRST_IS_VERSION(type)                                                 \
  do {                                                                         \
    assert_int_equal(offsetof(type, version), 0);                              \
    assert_int_equal(sizeof(((type *)0)->version), sizeof(unsigned int));      \
  } while (0)

static void test_header_compiles_alone(void **state) {
  (void)state;
  assert_int_equal(fg_header_only_versions(), 11);
  assert_int_equal(fg_header_only_status_count(), 12);
  assert_string_equal(fg_header_only_version(), FG_VERSION_STRING);
}

static void test_versioned_structs(void **state) {
  (void)state;
  FIRST_IS_VERSION(fg_film);
  FIRST_IS_VERSION(fg_person);
  FIRST_IS_VERSION(fg_credit);
  FIRST_IS_VERSION(fg_relation);
  FIRST_IS_VERSION(fg_aka);
  FIRST_IS_VERSION(fg_graph_options);
  FIRST_IS_VERSION(fg_family_node);
  FIRST_IS_VERSION(fg_story);
  FIRST_IS_VERSION(fg_error_info);
  FIRST_IS_VERSION(fg_source);
  FIRST_IS_VERSION(fg_load_options);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(f.version, FG_FILM_VERSION);
  fg_error_info e = FG_ERROR_INFO_INIT;
  assert_int_equal(sizeof e.file, 512);
  assert_int_equal(sizeof e.message, 512);
  assert_int_equal(sizeof e.line, 8);
  assert_int_equal(sizeof e.column, 8);
  assert_int_equal(sizeof e.rows, 8);
  assert_int_equal(sizeof e.skipped, 8);
}

static void test_fixed_width_fields(void **state) {
  (void)state;
  assert_int_equal(sizeof(fg_id), 4);
  assert_int_equal(FG_ID_NONE, UINT32_MAX);
  fg_film f = FG_FILM_INIT;
  assert_int_equal(sizeof f.year, 4);
  assert_int_equal(sizeof f.end_year, 4);
  assert_int_equal(sizeof f.runtime, 4);
  assert_int_equal(sizeof f.kind, 4);
  assert_int_equal(sizeof f.origin, 4);
  fg_credit c = FG_CREDIT_INIT;
  assert_int_equal(sizeof c.film, 4);
  assert_int_equal(sizeof c.role, 4);
  assert_int_equal(sizeof c.billing, 4);
  fg_relation r = FG_RELATION_INIT;
  assert_int_equal(sizeof r.type, 4);
  assert_int_equal(sizeof r.flags, 4);
  fg_family_node n = FG_FAMILY_NODE_INIT;
  assert_int_equal(sizeof n.parent, 4);
  assert_int_equal(sizeof n.depth, 4);
  fg_story s = FG_STORY_INIT;
  assert_int_equal(sizeof s.answer, 4);
  assert_int_equal(sizeof s.flags, 4);
}

/* Append-only values: a change here is an ABI break. */
static void test_values_are_pinned(void **state) {
  (void)state;
  assert_int_equal(FG_OK, 0);
  assert_int_equal(FG_ERROR, -1);
  assert_int_equal(FG_ENOMEM, -2);
  assert_int_equal(FG_EINVAL, -3);
  assert_int_equal(FG_ENOTFOUND, -4);
  assert_int_equal(FG_EEXISTS, -5);
  assert_int_equal(FG_EPARSE, -6);
  assert_int_equal(FG_EIO, -7);
  assert_int_equal(FG_ELIMIT, -8);
  assert_int_equal(FG_EVERSION, -9);
  assert_int_equal(FG_KIND_UNKNOWN, 0);
  assert_int_equal(FG_KIND_MOVIE, 1);
  assert_int_equal(FG_KIND_VIDEO_GAME, 11);
  assert_int_equal(FG_ROLE_OTHER, 0);
  assert_int_equal(FG_ROLE_DIRECTOR, 1);
  assert_int_equal(FG_ROLE_ARCHIVE_SOUND, 13);
  assert_int_equal(FG_REL_REMAKE_OF, 0);
  assert_int_equal(FG_REL_SPOOFS, 8);
  assert_int_equal(FG_TABLE_FILMS, 0);
  assert_int_equal(FG_TABLE_PEOPLE, 1);
  assert_int_equal(FG_TABLE_CREDITS, 2);
  assert_int_equal(FG_TABLE_AKAS, 3);
  assert_int_equal(FG_TABLE_RELATIONS, 4);
  assert_int_equal(FG_ANSWER_UNKNOWN, 0);
  assert_int_equal(FG_ANSWER_YES, 1);
  assert_int_equal(FG_ANSWER_NO, 2);
  assert_int_equal(FG_DIR_BOTH, FG_DIR_OUT | FG_DIR_IN);
  assert_int_equal(FG_ORIGIN_ALL_, 0x3FFu);
  assert_int_equal(FG_RELF_UNOFFICIAL, 1);
  assert_int_equal(FG_LOAD_LENIENT, 1);
  /* Masks fit their 32-bit words. */
  assert_true(FG_ROLE_COUNT_ <= 32);
  assert_true(FG_REL_COUNT_ <= 32);
  assert_int_equal(FG_ROLE_MASK(FG_ROLE_ACTOR), 8);
  assert_int_equal(FG_REL_MASK(FG_REL_FOLLOWS), 4);
  assert_int_equal(FG_ROLES_ALL, UINT32_MAX);
  assert_int_equal(FG_RELS_ALL, UINT32_MAX);
  uint32_t all = 0;
  for (uint32_t bit = FG_ORIGIN_ORIGINAL_SCREENPLAY; bit <= FG_ORIGIN_ARTICLE; bit <<= 1)
    all |= bit;
  assert_int_equal(all, FG_ORIGIN_ALL_);
  /* The version number follows its formula. */
  assert_int_equal(FG_VERSION_NUMBER,
                   FG_VERSION_MAJOR * 10000 + FG_VERSION_MINOR * 100 + FG_VERSION_PATCH);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_header_compiles_alone),
      cmocka_unit_test(test_versioned_structs),
      cmocka_unit_test(test_fixed_width_fields),
      cmocka_unit_test(test_values_are_pinned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

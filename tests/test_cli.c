/* The filmgraph command: outputs and exit codes, run as a user would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef FG_CLI_PATH
#error "FG_CLI_PATH must name the filmgraph binary"
#endif

typedef struct run_result {
  int code;
  char out[65536];
  char err[8192];
} run_result;

static void slurp(const char *path, char *buf, size_t cap) {
  FILE *fp = fopen(path, "rb");
  size_t n = fp ? fread(buf, 1, cap - 1, fp) : 0;
  buf[n] = '\0';
  if (fp)
    fclose(fp);
}

/* Run `filmgraph ARGS` (ARGS already shell-quoted) capturing both streams. */
static run_result *run(const char *args) {
  static run_result r;
  char out_path[] = "/tmp/fgcli-out-XXXXXX", err_path[] = "/tmp/fgcli-err-XXXXXX";
  int fo = mkstemp(out_path), fe = mkstemp(err_path);
  assert_true(fo >= 0 && fe >= 0);
  close(fo);
  close(fe);
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "'%s' %s >%s 2>%s </dev/null", FG_CLI_PATH, args, out_path,
           err_path);
  int status = system(cmd);
  assert_true(WIFEXITED(status));
  r.code = WEXITSTATUS(status);
  slurp(out_path, r.out, sizeof r.out);
  slurp(err_path, r.err, sizeof r.err);
  remove(out_path);
  remove(err_path);
  return &r;
}

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

static void true_story_turkish_remake_is_no(void **state) {
  (void)state;
  run_result *r = run("true-story '7. Koğuştaki Mucize'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "no\n"));
  assert_non_null(strstr(r->out, "[miracle-in-cell-no-7-2019-tr]"));
  assert_non_null(strstr(r->out, "remake of Miracle in Cell No. 7 (2013, KR)  [miracle-in-cell-no-7-2013]"));
  assert_non_null(strstr(r->out, "original screenplay"));
  assert_string_equal(r->err, "");
}

static void true_story_yes_and_unknown(void **state) {
  (void)state;
  run_result *r = run("true-story \"Hachi: A Dog's Tale\"");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "yes\n"));
  assert_non_null(strstr(r->out, "Hachikō Monogatari (1987, JP)"));
  r = run("true-story champ-2011");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "unknown\n"));
}

static void ambiguous_title_lists_both_and_exits_2(void **state) {
  (void)state;
  run_result *r = run("film 'Miracle in Cell No. 7 (2019)'");
  assert_int_equal(r->code, 2);
  assert_non_null(strstr(r->out, "miracle-in-cell-no-7-2019-tr\tMiracle in Cell No. 7 (2019)\tTR\n"));
  assert_non_null(strstr(r->out, "miracle-in-cell-no-7-2019-ph\tMiracle in Cell No. 7 (2019)\tPH\n"));
  assert_int_equal(count_lines(r->out), 2);
  assert_non_null(strstr(r->err, "2 films match"));
  r = run("--tsv film 'miracle in cell no. 7 (2019)'");
  assert_int_equal(r->code, 2);
  assert_true(starts_with(r->out, "key\ttitle\tyear\tcountries\n"));
  assert_int_equal(count_lines(r->out), 3);
}

static void not_found_exits_1_with_nothing_on_stdout(void **state) {
  (void)state;
  run_result *r = run("film 'No Such Film Anywhere'");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "");
  assert_non_null(strstr(r->err, "no film matches"));
  r = run("person 'Nobody Atall'");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "");
}

static void film_card_shows_titles_credits_relations_verdict(void **state) {
  (void)state;
  run_result *r = run("film '7. koğuştaki mucize'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "Miracle in Cell No. 7 (2019, TR)  [miracle-in-cell-no-7-2019-tr]\n"));
  assert_non_null(strstr(r->out, "  original title 7. Koğuştaki Mucize\n"));
  assert_non_null(strstr(r->out, "  director       Mehmet Ada Öztekin\n"));
  assert_non_null(strstr(r->out, "  remake of      Miracle in Cell No. 7 (2013, KR)  [miracle-in-cell-no-7-2013]"));
  assert_non_null(strstr(r->out, "  true story     no\n"));
  /* The original shows its remakes through the inverse relation name. */
  r = run("film miracle-in-cell-no-7-2013");
  assert_int_equal(r->code, 0);
  assert_non_null(strstr(r->out, "  remade as      Pushpaka Vimana (2017, IN)  [pushpaka-vimana-2017]  (unofficial"));
  assert_non_null(strstr(r->out, "  also known as  7번방의 선물  (KR, ko, original)\n"));
}

static void film_card_tsv(void **state) {
  (void)state;
  run_result *r = run("--tsv film miracle-in-cell-no-7-2019-ph");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "field\tvalue\tkey\tdetail\n"));
  assert_non_null(strstr(r->out, "\ntitle\tMiracle in Cell No. 7\tmiracle-in-cell-no-7-2019-ph\t\n"));
  assert_non_null(strstr(r->out, "\nremake_of\tMiracle in Cell No. 7 (2013, KR)\tmiracle-in-cell-no-7-2013\t"));
  assert_non_null(strstr(r->out, "\ntrue_story\tno\tmiracle-in-cell-no-7-2013\toriginal_screenplay\n"));
  /* Every line has exactly four fields. */
  for (const char *line = r->out; *line;) {
    const char *nl = strchr(line, '\n');
    assert_non_null(nl);
    int tabs = 0;
    for (const char *c = line; c < nl; c++)
      tabs += *c == '\t';
    assert_int_equal(tabs, 3);
    line = nl + 1;
  }
}

static void remakes_tree_original_first(void **state) {
  (void)state;
  run_result *r = run("remakes 'Pushpaka Vimana'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "Miracle in Cell No. 7 (2013, KR)  ko  dir. Lee Hwan-kyung  [miracle-in-cell-no-7-2013]\n"));
  assert_int_equal(count_lines(r->out), 5);
  /* Children by year: 2017, 2019, 2019, 2022. */
  const char *a = strstr(r->out, "pushpaka-vimana-2017"), *b = strstr(r->out, "-2019-tr"),
             *c = strstr(r->out, "-2019-ph"), *d = strstr(r->out, "miracle-in-cell-no-7-2022");
  assert_true(a && b && c && d && a < b && b < c && c < d);
  assert_non_null(strstr(r->out, "(unofficial remake)"));

  r = run("--tsv remakes 'A Star Is Born (2018)'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "depth\tkey\ttitle\tyear\tcountries\tlanguages\tdirectors\tremake_of\tflags\n"));
  assert_non_null(strstr(r->out, "\n0\twhat-price-hollywood-1932\t"));
  assert_non_null(strstr(r->out, "\n4\ta-star-is-born-2018\tA Star Is Born\t2018\tUS\ten\tBradley Cooper\ta-star-is-born-1976\t\n"));
}

static void person_filmography_by_role_and_year(void **state) {
  (void)state;
  run_result *r = run("person 'lee hwan-kyung'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "Lee Hwan-kyung  [lee-hwan-kyung]"));
  const char *dir = strstr(r->out, "\n  director\n"), *wri = strstr(r->out, "\n  writer\n");
  assert_true(dir && wri && dir < wri);
  const char *a = strstr(dir, "2006  Lump Sugar"), *b = strstr(dir, "2011  Champ"),
             *c = strstr(dir, "2013  Miracle in Cell No. 7");
  assert_true(a && b && c && a < b && b < c && c < wri);
  r = run("--tsv person lee-hwan-kyung");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "role\tyear\tkey\ttitle\tcountries\tcharacters\n"));
  assert_non_null(strstr(r->out, "\ndirector\t2006\tlump-sugar-2006\t"));
}

static void export_round_trips_the_sample(void **state) {
  (void)state;
  char dir[] = "/tmp/fgcli-export-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char args[256];
  snprintf(args, sizeof args, "export %s", dir);
  run_result *r = run(args);
  assert_int_equal(r->code, 0);
  static const char *const files[] = {"films.tsv", "people.tsv", "credits.tsv", "akas.tsv",
                                      "relations.tsv"};
  for (size_t i = 0; i < 5; i++) {
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/%s", FG_SAMPLE_DIR, files[i]);
    snprintf(b, sizeof b, "%s/%s", dir, files[i]);
    static char ba[1 << 20], bb[1 << 20];
    slurp(a, ba, sizeof ba);
    slurp(b, bb, sizeof bb);
    assert_true(strlen(ba) > 10);
    assert_string_equal(ba, bb);
    remove(b);
  }
  rmdir(dir);
  /* And the export loads back as a catalogue. */
}

static void catalogs_merge_in_order(void **state) {
  (void)state;
  run_result *r = run("--catalog " FG_TEST_DATA_DIR "/cli/merge_a --catalog " FG_TEST_DATA_DIR
                      "/cli/merge_b true-story 'The Tale Retold'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "yes\n"));
  assert_non_null(strstr(r->out, "(unofficial)"));
  assert_non_null(strstr(r->out, "a real shipwreck"));
  /* The sample is not loaded when a catalogue is given. */
  r = run("--catalog " FG_TEST_DATA_DIR "/cli/merge_a film champ-2011");
  assert_int_equal(r->code, 1);
}

static void bad_data_exits_3_with_location(void **state) {
  (void)state;
  run_result *r = run("--catalog " FG_TEST_DATA_DIR "/cli/bad_relation film film-a");
  assert_int_equal(r->code, 3);
  assert_string_equal(r->out, "");
  assert_non_null(strstr(r->err, "bad_relation/relations.tsv:3:8: unknown relation 'Remake Of'"));
  /* merge_b alone refers to a film it does not have. */
  r = run("--catalog " FG_TEST_DATA_DIR "/cli/merge_b film remake-1990");
  assert_int_equal(r->code, 3);
  assert_string_equal(r->out, "");
  assert_non_null(strstr(r->err, "merge_b/relations.tsv:2:23: unknown film key 'orig-1950'"));
  r = run("--catalog /nonexistent/folder film x");
  assert_int_equal(r->code, 3);
  assert_non_null(strstr(r->err, "films.tsv"));
}

static void usage_errors_exit_4(void **state) {
  (void)state;
  run_result *r = run("");
  assert_int_equal(r->code, 4);
  assert_non_null(strstr(r->err, "usage: filmgraph"));
  r = run("frobnicate x");
  assert_int_equal(r->code, 4);
  assert_non_null(strstr(r->err, "unknown command 'frobnicate'"));
  r = run("film");
  assert_int_equal(r->code, 4);
  r = run("--bogus film x");
  assert_int_equal(r->code, 4);
  r = run("--help");
  assert_int_equal(r->code, 0);
  assert_non_null(strstr(r->out, "true-story QUERY"));
  assert_non_null(strstr(r->out, "--catalog DIR"));
  r = run("--version");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "filmgraph "));
}


static void imdb_folder_loads_with_summary(void **state) {
  (void)state;
  run_result *r = run("--imdb " FG_TEST_DATA_DIR "/imdb film tt0000001");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "Miracle in Cell No. 7 (2013)  [tt0000001]\n"));
  assert_non_null(strstr(r->out, "  rating         8.2  (123456 votes)\n"));
  assert_non_null(strstr(r->out, "  remade as      Miracle in Cell No. 7 (2019)  [tt0000002]"));
  /* The summary: counts, then the skipped rows by reason with an example. */
  assert_non_null(strstr(r->err, ": 5 films, 4 people, 5 credits, 4 AKAs, 1 relations; 3 skipped\n"));
  assert_non_null(strstr(r->err, "  1 x unknown title (e.g. "));
  assert_non_null(strstr(r->err, "title.akas.tsv:6:1: unknown title 'tt9999999')"));
  assert_non_null(strstr(r->err, "  2 x unknown person (e.g. "));
  r = run("--imdb " FG_TEST_DATA_DIR "/imdb --tsv film Pilot");
  assert_int_equal(r->code, 0);
  assert_non_null(strstr(r->out, "\nseries\t\"Quoted, Series\ttt0000010\tseason 1, episode 1\n"));
  r = run("--imdb " FG_TEST_DATA_DIR "/imdb true-story '7. Koğuştaki Mucize'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "unknown\n"));
  /* A folder with no IMDb file, or bad data: exit 3, nothing on stdout. */
  r = run("--imdb " FG_TEST_DATA_DIR "/cli/merge_a film x");
  assert_int_equal(r->code, 3);
  assert_string_equal(r->out, "");
  assert_non_null(strstr(r->err, "no IMDb dataset here"));
}

static void check_and_dot(void **state) {
  (void)state;
  run_result *r = run("check");
  assert_int_equal(r->code, 0);
  assert_string_equal(r->out, "no problems found\n");
  r = run("--catalog " FG_TEST_DATA_DIR "/cli/problems check");
  assert_int_equal(r->code, 1);
  assert_non_null(strstr(r->out, "remake older than its original: A (1990) [a] remakes B (2000) [b]\n"));
  assert_non_null(strstr(r->out, "remake loop: B (2000) [b] remakes C (?) [c], and so on back to it\n"));
  assert_non_null(strstr(r->out, "2 problems found\n"));
  r = run("--catalog " FG_TEST_DATA_DIR "/cli/problems --tsv check");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "kind\tfilm\tother\trelation\n"
                              "remake_older\ta\tb\tremake_of\n"
                              "remake_cycle\tb\tc\tremake_of\n");
  r = run("check extra");
  assert_int_equal(r->code, 4);
  r = run("dot 'Pushpaka Vimana'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "digraph remakes {\n"));
  assert_non_null(strstr(r->out, "[label=\"remake of (unofficial)\", style=dashed];\n"));
  r = run("dot 'No Such Film'");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "");
  /* Two arguments: the shortest chain between them. */
  r = run("dot 'Lee Hwan-kyung' 'Mehmet Ada Öztekin'");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "graph path {\n"));
  assert_non_null(strstr(r->out, "[shape=ellipse, label=\"Lee Hwan-kyung\"];\n"));
  assert_non_null(strstr(r->out, "[label=\"remade as\"];\n"));
  r = run("dot Titanic 'Lee Hwan-kyung'");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "");
  r = run("dot a b c");
  assert_int_equal(r->code, 4);
}

static void path_between_people(void **state) {
  (void)state;
  run_result *r = run("path 'Lee Hwan-kyung' 'Mehmet Ada Öztekin'");
  assert_int_equal(r->code, 0);
  assert_string_equal(r->out,
                      "Lee Hwan-kyung  [lee-hwan-kyung]\n"
                      "  directed  Miracle in Cell No. 7 (2013, KR)  [miracle-in-cell-no-7-2013]\n"
                      "  remade as  Miracle in Cell No. 7 (2019, TR)  [miracle-in-cell-no-7-2019-tr]\n"
                      "  directed by  Mehmet Ada Öztekin  [mehmet-ada-oztekin]\n"
                      "length 3\n");
  r = run("--tsv path bradley-cooper george-cukor");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "step\tkind\tkey\tname\tvia\n0\tperson\tbradley-cooper\t"));
  assert_non_null(strstr(r->out, "\n4\tperson\tgeorge-cukor\tGeorge Cukor\tdirector\n"));
  r = run("path Titanic 'Lee Hwan-kyung'");
  assert_int_equal(r->code, 1);
  assert_string_equal(r->out, "");
  assert_non_null(strstr(r->err, "no chain joins"));
  r = run("path Titanic");
  assert_int_equal(r->code, 4);
  assert_non_null(strstr(r->err, "two arguments"));
}

static void largest_families(void **state) {
  (void)state;
  run_result *r = run("families 3");
  assert_int_equal(r->code, 0);
  assert_string_equal(r->out,
                      "   5 films  Miracle in Cell No. 7 (2013, KR)  [miracle-in-cell-no-7-2013]\n"
                      "   5 films  What Price Hollywood? (1932, US)  [what-price-hollywood-1932]\n"
                      "   3 films  Hachikō Monogatari (1987, JP)  [hachiko-monogatari-1987]\n");
  r = run("--tsv families");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "films\toriginal\ttitle\tyear\n5\tmiracle-in-cell-no-7-2013\t"));
  assert_int_equal(count_lines(r->out), 6); /* header + 5 families of 2 or more */
  r = run("families zero");
  assert_int_equal(r->code, 4);
}

static void people_near(void **state) {
  (void)state;
  run_result *r = run("near 'Lee Hwan-kyung' 2");
  assert_int_equal(r->code, 0);
  assert_non_null(strstr(r->out, "   2  Ryu Seung-ryong  [ryu-seung-ryong]\n"));
  assert_non_null(strstr(r->out, " within 2 steps\n"));
  assert_null(strstr(r->out, "Mehmet Ada Öztekin"));
  r = run("--tsv near lee-hwan-kyung 3");
  assert_int_equal(r->code, 0);
  assert_true(starts_with(r->out, "steps\tkey\tname\n"));
  assert_non_null(strstr(r->out, "\n3\tmehmet-ada-oztekin\tMehmet Ada Öztekin\n"));
  r = run("near lee-hwan-kyung many");
  assert_int_equal(r->code, 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(true_story_turkish_remake_is_no),
      cmocka_unit_test(true_story_yes_and_unknown),
      cmocka_unit_test(ambiguous_title_lists_both_and_exits_2),
      cmocka_unit_test(not_found_exits_1_with_nothing_on_stdout),
      cmocka_unit_test(film_card_shows_titles_credits_relations_verdict),
      cmocka_unit_test(film_card_tsv),
      cmocka_unit_test(remakes_tree_original_first),
      cmocka_unit_test(person_filmography_by_role_and_year),
      cmocka_unit_test(export_round_trips_the_sample),
      cmocka_unit_test(catalogs_merge_in_order),
      cmocka_unit_test(bad_data_exits_3_with_location),
      cmocka_unit_test(usage_errors_exit_4),
      cmocka_unit_test(imdb_folder_loads_with_summary),
      cmocka_unit_test(check_and_dot),
      cmocka_unit_test(path_between_people),
      cmocka_unit_test(largest_families),
      cmocka_unit_test(people_near),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

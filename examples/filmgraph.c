/* filmgraph: the command-line face of the library. With no --catalog it
 * answers from the sample catalogue compiled into it, so it runs from any
 * folder:
 *
 *   filmgraph true-story "7. Koğuştaki Mucize"
 *
 * Exit codes: 0 answered, 1 not found, 2 several matches (listed), 3 bad
 * data or a failed write, 4 wrong usage. */
#include "filmgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_NOTFOUND = 1, EXIT_AMBIGUOUS = 2, EXIT_DATA = 3, EXIT_USAGE = 4 };

/* The sample catalogue, embedded by cmake/embed.cmake. */
extern const unsigned char fg_sample_films[], fg_sample_people[], fg_sample_credits[],
    fg_sample_akas[], fg_sample_relations[];
extern const size_t fg_sample_films_size, fg_sample_people_size, fg_sample_credits_size,
    fg_sample_akas_size, fg_sample_relations_size;

static const char usage[] =
    "usage: filmgraph [--imdb DIR]... [--catalog DIR]... [--tsv] COMMAND [ARGS]\n"
    "\n"
    "Answers questions about films, the people who make them and how films\n"
    "descend from one another (remakes). Without --catalog it uses the sample\n"
    "catalogue built into it.\n"
    "\n"
    "Commands:\n"
    "  film QUERY        the film card: titles and AKAs, year, kind, countries,\n"
    "                    languages, genres, origin, credits by role, relations\n"
    "                    both ways, and whether it is based on a true story\n"
    "  remakes QUERY     the film's remake family as a tree, original first; each\n"
    "                    film with year, countries, languages and director\n"
    "  true-story QUERY  first line exactly yes, no or unknown; then the chain of\n"
    "                    remakes that decides it and the origin found at its end\n"
    "  person QUERY      a filmography, by role and year\n"
    "  export DIR        write the loaded data as a native catalogue into DIR\n"
    "  path A B          a shortest chain between two people or films (A and B\n"
    "                    are keys, names or titles), through credits and\n"
    "                    relations, one step a line, then its length\n"
    "  near QUERY K      everyone within K steps of a person or film (a shared\n"
    "                    film is 2 steps), nearest first\n"
    "  families [N]      the N largest remake families (10 if N is not given),\n"
    "                    each with its size and its original\n"
    "  dot QUERY         the film's remake family as a Graphviz picture:\n"
    "                    filmgraph dot QUERY | dot -Tpng > family.png\n"
    "  dot A B           the shortest chain between A and B, as a picture\n"
    "  check             check the relations: remake loops, remakes dated before\n"
    "                    what they remake, contradictions, duplicates; exit 1 if\n"
    "                    anything is found\n"
    "\n"
    "QUERY is a key (e.g. miracle-in-cell-no-7-2013), or a title or a name,\n"
    "matched without regard to case against titles, original titles and AKAs;\n"
    "a title may end with \" (YEAR)\", e.g. \"Miracle in Cell No. 7 (2019)\".\n"
    "\n"
    "Options:\n"
    "  --catalog DIR  load the native catalogue in DIR (films.tsv, people.tsv,\n"
    "                 credits.tsv, akas.tsv, relations.tsv) instead of the sample;\n"
    "                 may be given more than once: loaded and merged in order\n"
    "  --imdb DIR     load IMDb's datasets from DIR (title.basics.tsv,\n"
    "                 name.basics.tsv, title.akas.tsv, title.principals.tsv,\n"
    "                 title.crew.tsv, title.episode.tsv, title.ratings.tsv,\n"
    "                 decompressed; whichever are there) and a relations.tsv\n"
    "                 beside them; before any --catalog. Shows progress on a\n"
    "                 terminal and a summary on stderr\n"
    "  --tsv          tab-separated output with a header line (film, remakes,\n"
    "                 person, and the list of matches)\n"
    "  --help         this text\n"
    "  --version      the library's version\n"
    "\n"
    "Exit status: 0 answered; 1 nothing matches (check: something found); 2\n"
    "several films or people\n"
    "match (they are listed: key, title, year, countries); 3 the data could not\n"
    "be loaded or written (the error, with file:line:column, on stderr);\n"
    "4 wrong usage.\n";

static int tsv_mode = 0;

/* ---- Small helpers ------------------------------------------------------- */

static fg_film film_of(const fg_graph *g, fg_id id) {
  fg_film f = FG_FILM_INIT;
  fg_graph_film(g, id, &f);
  return f;
}

static fg_person person_of(const fg_graph *g, fg_id id) {
  fg_person p = FG_PERSON_INIT;
  fg_graph_person(g, id, &p);
  return p;
}

/* Prints a TSV field: tabs and newlines inside become spaces. */
static void tsv_field(const char *s, int last) {
  for (; *s; s++)
    putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
  putchar(last ? '\n' : '\t');
}

static void tsv_row(int n, const char *const *fields) {
  for (int i = 0; i < n; i++)
    tsv_field(fields[i], i == n - 1);
}

/* "Title (2013, KR)" into buf. */
static const char *film_label(const fg_graph *g, fg_id id, char *buf, size_t cap) {
  fg_film f = film_of(g, id);
  char year[16] = "?";
  if (f.year)
    snprintf(year, sizeof year, "%d", (int)f.year);
  if (*f.countries)
    snprintf(buf, cap, "%s (%s, %s)", f.title, year, f.countries);
  else
    snprintf(buf, cap, "%s (%s)", f.title, year);
  return buf;
}

/* Names of the film's people in a role, joined by ", ". */
static const char *names_in_role(const fg_graph *g, fg_id film, int role, char *buf,
                                 size_t cap) {
  fg_idlist *ids = NULL;
  size_t n = 0;
  buf[0] = '\0';
  if (fg_film_credits(g, film, FG_ROLE_MASK(role), &ids) == FG_OK) {
    for (size_t i = 0; i < fg_idlist_count(ids) && n < cap; i++) {
      fg_credit c = FG_CREDIT_INIT;
      fg_graph_credit(g, fg_idlist_get(ids, i), &c);
      n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "",
                            person_of(g, c.person).name);
    }
  }
  fg_idlist_free(ids);
  return buf;
}

static const char *origin_text(uint32_t origin, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (uint32_t bit = 1; bit <= FG_ORIGIN_ALL_ && n < cap; bit <<= 1)
    if (origin & bit)
      n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? (tsv_mode ? "," : ", ") : "",
                            fg_origin_name(bit));
  if (!tsv_mode)
    for (char *c = buf; *c; c++)
      if (*c == '_')
        *c = ' ';
  if (!n)
    snprintf(buf, cap, "unknown");
  return buf;
}

/* ---- Finding what the user meant ---------------------------------------- */

/* Split "Title (2019)" into title and year; returns 0 when there is no
 * year suffix. */
static int split_year(const char *q, char *title, size_t cap, int32_t *year) {
  size_t n = strlen(q); /* "T (YYYY)": the suffix is 7 bytes */
  if (n < 8 || q[n - 1] != ')' || q[n - 6] != '(' || q[n - 7] != ' ')
    return 0;
  int32_t y = 0;
  for (size_t i = n - 5; i < n - 1; i++) {
    if (q[i] < '0' || q[i] > '9')
      return 0;
    y = y * 10 + (q[i] - '0');
  }
  if (n - 7 >= cap)
    return 0;
  memcpy(title, q, n - 7);
  title[n - 7] = '\0';
  *year = y;
  return 1;
}

static void list_films(const fg_graph *g, const fg_idlist *ids) {
  if (tsv_mode) {
    const char *hdr[4] = {"key", "title", "year", "countries"};
    tsv_row(4, hdr);
  }
  for (size_t i = 0; i < fg_idlist_count(ids); i++) {
    fg_film f = film_of(g, fg_idlist_get(ids, i));
    char year[16] = "";
    if (f.year)
      snprintf(year, sizeof year, "%d", (int)f.year);
    if (tsv_mode) {
      const char *row[4] = {f.key, f.title, year, f.countries};
      tsv_row(4, row);
    } else {
      printf("%s\t%s (%s)\t%s\n", f.key, f.title, *year ? year : "?", f.countries);
    }
  }
}

static int one_match(const fg_graph *g, int rc, fg_idlist *ids, const char *query, int people,
                     fg_id *out);

/* Resolve QUERY to one film; on failure prints why and returns the exit
 * code (> 0). */
static int resolve_film(const fg_graph *g, const char *query, fg_id *out) {
  if (fg_graph_find_film(g, query, out) == FG_OK)
    return 0;
  char title[1024];
  int32_t year = 0;
  fg_idlist *ids = NULL;
  int rc;
  if (split_year(query, title, sizeof title, &year)) {
    rc = fg_graph_search_films(g, title, year, &ids);
    /* A title that itself ends in "(NNNN)" is searched whole too. */
    if (rc == FG_OK && fg_idlist_count(ids) == 0) {
      fg_idlist_free(ids);
      rc = fg_graph_search_films(g, query, 0, &ids);
    }
  } else {
    rc = fg_graph_search_films(g, query, 0, &ids);
  }
  return one_match(g, rc, ids, query, 0, out);
}

static void list_people(const fg_graph *g, const fg_idlist *ids) {
  if (tsv_mode) {
    const char *hdr[3] = {"key", "name", "birth_year"};
    tsv_row(3, hdr);
  }
  for (size_t i = 0; i < fg_idlist_count(ids); i++) {
    fg_person p = person_of(g, fg_idlist_get(ids, i));
    char born[16] = "";
    if (p.birth_year)
      snprintf(born, sizeof born, "%d", (int)p.birth_year);
    const char *row[3] = {p.key, p.name, born};
    if (tsv_mode)
      tsv_row(3, row);
    else
      printf("%s\t%s\t%s\n", p.key, p.name, *born ? born : "?");
  }
}

/* The one film (or person) a search found; otherwise say why and return
 * the exit code. Frees ids. */
static int one_match(const fg_graph *g, int rc, fg_idlist *ids, const char *query, int people,
                     fg_id *out) {
  size_t n = fg_idlist_count(ids);
  int code = 0;
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: search failed: %s\n", fg_errstr(rc));
    code = EXIT_DATA;
  } else if (n == 1) {
    *out = fg_idlist_get(ids, 0);
  } else if (n == 0) {
    fprintf(stderr, "filmgraph: no %s matches '%s'\n", people ? "person" : "film", query);
    code = EXIT_NOTFOUND;
  } else {
    fprintf(stderr, "filmgraph: %zu %s match '%s'; ask again with a key%s:\n", n,
            people ? "people" : "films", query, people ? "" : " or a year");
    if (people)
      list_people(g, ids);
    else
      list_films(g, ids);
    code = EXIT_AMBIGUOUS;
  }
  fg_idlist_free(ids);
  return code;
}

static int resolve_person(const fg_graph *g, const char *query, fg_id *out) {
  if (fg_graph_find_person(g, query, out) == FG_OK)
    return 0;
  fg_idlist *ids = NULL;
  int rc = fg_graph_search_people(g, query, &ids);
  return one_match(g, rc, ids, query, 1, out);
}

/* ---- true-story ------------------------------------------------------------ */

/* Prints the verdict's explanation lines (text mode). */
static void print_story(const fg_graph *g, fg_id film, const fg_story *s, const fg_idlist *chain,
                        const char *indent) {
  char label[512], origin[256];
  fg_film f = film_of(g, film);
  printf("%s%s  [%s]\n", indent, film_label(g, film, label, sizeof label), f.key);
  for (size_t i = 0; i < fg_idlist_count(chain); i++) {
    fg_relation r = FG_RELATION_INIT;
    fg_graph_relation(g, fg_idlist_get(chain, i), &r);
    printf("%s  remake of %s  [%s]%s\n", indent, film_label(g, r.to, label, sizeof label),
           film_of(g, r.to).key, r.flags & FG_RELF_UNOFFICIAL ? "  (unofficial)" : "");
  }
  if (s->flags & FG_STORY_CYCLE)
    printf("%snote: the remake_of chain loops back on itself; the walk stopped there\n", indent);
  if (s->flags & FG_STORY_BRANCHES)
    printf("%snote: a film on the chain remakes several films; the first was followed\n",
           indent);
  if (s->decided_by == FG_ID_NONE) {
    printf("%sorigin: unknown for every film on the chain\n", indent);
    return;
  }
  fg_film d = film_of(g, s->decided_by);
  printf("%sorigin of %s: %s", indent, film_label(g, s->decided_by, label, sizeof label),
         origin_text(s->origin, origin, sizeof origin));
  if ((s->origin & FG_ORIGIN_TRUE_EVENTS) && *d.subject)
    printf(" (%s)", d.subject);
  else if (*d.source)
    printf(" (%s)", d.source);
  putchar('\n');
}

static int cmd_true_story(const fg_graph *g, const char *query) {
  fg_id film;
  int code = resolve_film(g, query, &film);
  if (code)
    return code;
  fg_story s = FG_STORY_INIT;
  fg_idlist *chain = NULL;
  int rc = fg_film_true_story(g, film, &s, &chain);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  printf("%s\n", fg_answer_name(s.answer));
  print_story(g, film, &s, chain, "");
  fg_idlist_free(chain);
  return 0;
}

/* ---- film ------------------------------------------------------------------ */

/* One fact of the film card. `field` is snake_case, shown with spaces in
 * text mode; empty values are left out. */
static void card_line(const char *field, const char *value, const char *key, const char *detail) {
  if (!value || !*value)
    return;
  if (tsv_mode) {
    const char *row[4] = {field, value, key ? key : "", detail ? detail : ""};
    tsv_row(4, row);
    return;
  }
  char label[32];
  snprintf(label, sizeof label, "%s", field);
  for (char *c = label; *c; c++)
    if (*c == '_')
      *c = ' ';
  printf("  %-14s %s", label, value);
  if (detail && *detail)
    printf("  (%s)", detail);
  putchar('\n');
}

static void card_relations(const fg_graph *g, fg_id film, int dir) {
  fg_idlist *rels = NULL;
  if (fg_film_relations(g, film, dir, FG_RELS_ALL, &rels) != FG_OK)
    return;
  for (size_t i = 0; i < fg_idlist_count(rels); i++) {
    fg_relation r = FG_RELATION_INIT;
    fg_graph_relation(g, fg_idlist_get(rels, i), &r);
    fg_id other = dir == FG_DIR_OUT ? r.to : r.from;
    const char *name = dir == FG_DIR_OUT ? fg_relation_name(r.type)
                                         : fg_relation_inverse_name(r.type);
    char label[512], detail[1024];
    snprintf(detail, sizeof detail, "%s%s%s", r.flags & FG_RELF_UNOFFICIAL ? "unofficial" : "",
             (r.flags & FG_RELF_UNOFFICIAL) && *r.note ? "; " : "", r.note);
    if (tsv_mode) {
      card_line(name, film_label(g, other, label, sizeof label), film_of(g, other).key, detail);
    } else {
      char value[700];
      snprintf(value, sizeof value, "%s  [%s]", film_label(g, other, label, sizeof label),
               film_of(g, other).key);
      card_line(name, value, NULL, detail);
    }
  }
  fg_idlist_free(rels);
}

static int cmd_film(const fg_graph *g, const char *query) {
  fg_id film;
  int code = resolve_film(g, query, &film);
  if (code)
    return code;
  fg_film f = film_of(g, film);
  char buf[512], buf2[256];
  if (tsv_mode) {
    const char *hdr[4] = {"field", "value", "key", "detail"};
    tsv_row(4, hdr);
    card_line("title", f.title, f.key, NULL);
  } else {
    printf("%s  [%s]\n", film_label(g, film, buf, sizeof buf), f.key);
  }
  card_line("original_title", f.original_title, NULL, NULL);
  fg_idlist *akas = NULL;
  if (fg_film_akas(g, film, &akas) == FG_OK) {
    for (size_t i = 0; i < fg_idlist_count(akas); i++) {
      fg_aka a = FG_AKA_INIT;
      fg_graph_aka(g, fg_idlist_get(akas, i), &a);
      snprintf(buf2, sizeof buf2, "%s%s%s%s%s", a.region, *a.region && *a.language ? ", " : "",
               a.language, a.is_original && (*a.region || *a.language) ? ", " : "",
               a.is_original ? "original" : "");
      card_line("also_known_as", a.title, NULL, buf2);
    }
  }
  fg_idlist_free(akas);
  char num[32] = "";
  if (f.year)
    snprintf(num, sizeof num, "%d", (int)f.year);
  card_line("year", num, NULL, NULL);
  num[0] = '\0';
  if (f.end_year)
    snprintf(num, sizeof num, "%d", (int)f.end_year);
  card_line("end_year", num, NULL, NULL);
  card_line("kind", f.kind ? fg_kind_name(f.kind) : "", NULL, NULL);
  card_line("countries", f.countries, NULL, NULL);
  card_line("languages", f.languages, NULL, NULL);
  card_line("genres", f.genres, NULL, NULL);
  num[0] = '\0';
  if (f.runtime)
    snprintf(num, sizeof num, tsv_mode ? "%d" : "%d min", (int)f.runtime);
  card_line("runtime", num, NULL, NULL);
  num[0] = '\0';
  if (f.rating)
    snprintf(num, sizeof num, "%d.%d", (int)f.rating / 10, (int)f.rating % 10);
  snprintf(buf2, sizeof buf2, "%lu votes", (unsigned long)f.votes);
  card_line("rating", num, NULL, f.rating ? buf2 : NULL);
  card_line("adult", f.is_adult ? "yes" : "", NULL, NULL);
  if (f.series != FG_ID_NONE) {
    char where[64] = "";
    if (f.season || f.episode)
      snprintf(where, sizeof where, "season %d, episode %d", (int)f.season, (int)f.episode);
    card_line("series", tsv_mode ? film_of(g, f.series).title
                                 : film_label(g, f.series, buf, sizeof buf),
              film_of(g, f.series).key, where);
  }
  card_line("origin", f.origin ? origin_text(f.origin, buf2, sizeof buf2) : "", NULL, NULL);
  card_line("source", f.source, NULL, NULL);
  card_line("subject", f.subject, NULL, NULL);
  fg_idlist *credits = NULL;
  if (fg_film_credits(g, film, FG_ROLES_ALL, &credits) == FG_OK) {
    for (size_t i = 0; i < fg_idlist_count(credits); i++) {
      fg_credit c = FG_CREDIT_INIT;
      fg_graph_credit(g, fg_idlist_get(credits, i), &c);
      fg_person p = person_of(g, c.person);
      snprintf(buf2, sizeof buf2, "%s%s%s", c.characters, *c.characters && *c.job ? "; " : "",
               c.job);
      card_line(fg_role_name(c.role), p.name, p.key, buf2);
    }
  }
  fg_idlist_free(credits);
  card_relations(g, film, FG_DIR_OUT);
  card_relations(g, film, FG_DIR_IN);
  fg_story s = FG_STORY_INIT;
  fg_idlist *chain = NULL;
  if (fg_film_true_story(g, film, &s, &chain) == FG_OK) {
    if (tsv_mode) {
      const char *decider = s.decided_by == FG_ID_NONE ? "" : film_of(g, s.decided_by).key;
      card_line("true_story", fg_answer_name(s.answer), decider,
                s.origin ? origin_text(s.origin, buf2, sizeof buf2) : "");
    } else {
      printf("  %-14s %s\n", "true story", fg_answer_name(s.answer));
      print_story(g, film, &s, chain, "                   ");
    }
  }
  fg_idlist_free(chain);
  return 0;
}

/* ---- remakes --------------------------------------------------------------- */

static int cmd_remakes(const fg_graph *g, const char *query) {
  fg_id film;
  int code = resolve_film(g, query, &film);
  if (code)
    return code;
  fg_family *fam = NULL;
  int rc = fg_film_remake_family(g, film, &fam);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  if (tsv_mode) {
    const char *hdr[9] = {"depth",     "key",       "title",     "year",  "countries",
                          "languages", "directors", "remake_of", "flags"};
    tsv_row(9, hdr);
  }
  /* Tree drawing: last[i] says node i is its parent's last remake (nodes
   * come in pre-order, so a later node with the same parent is a sibling);
   * more[d] says the ancestor at depth d still has siblings to come. */
  size_t count = fg_family_count(fam);
  unsigned char *last = calloc(count + 1, 1), *seen = calloc(count + 1, 1),
                *more = calloc(count + 1, 1);
  if (!last || !seen || !more) {
    free(last), free(seen), free(more);
    fg_family_free(fam);
    fprintf(stderr, "filmgraph: out of memory\n");
    return EXIT_DATA;
  }
  for (size_t i = count; i-- > 0;) {
    fg_family_node n = FG_FAMILY_NODE_INIT;
    fg_family_get(fam, i, &n);
    if (n.parent == FG_ID_NONE)
      continue;
    last[i] = !seen[n.parent];
    seen[n.parent] = 1;
  }
  for (size_t i = 0; i < count; i++) {
    fg_family_node n = FG_FAMILY_NODE_INIT;
    fg_family_get(fam, i, &n);
    fg_film f = film_of(g, n.film);
    char dirs[512], year[16] = "", depth[16], label[512];
    names_in_role(g, n.film, FG_ROLE_DIRECTOR, dirs, sizeof dirs);
    if (f.year)
      snprintf(year, sizeof year, "%d", (int)f.year);
    fg_relation r = FG_RELATION_INIT;
    int unofficial = n.relation != FG_ID_NONE && fg_graph_relation(g, n.relation, &r) == FG_OK &&
                     (r.flags & FG_RELF_UNOFFICIAL);
    if (tsv_mode) {
      snprintf(depth, sizeof depth, "%u", (unsigned)n.depth);
      fg_family_node parent = FG_FAMILY_NODE_INIT;
      const char *pkey = "";
      if (n.parent != FG_ID_NONE && fg_family_get(fam, n.parent, &parent) == FG_OK)
        pkey = film_of(g, parent.film).key;
      const char *row[9] = {depth, f.key, f.title, year, f.countries, f.languages, dirs, pkey,
                            unofficial ? "unofficial" : ""};
      tsv_row(9, row);
      continue;
    }
    more[n.depth] = !last[i];
    for (uint32_t d = 1; d < n.depth; d++)
      fputs(more[d] ? "│   " : "    ", stdout);
    if (n.depth)
      fputs(last[i] ? "└── " : "├── ", stdout);
    printf("%s", film_label(g, n.film, label, sizeof label));
    if (*f.languages)
      printf("  %s", f.languages);
    if (*dirs)
      printf("  dir. %s", dirs);
    printf("  [%s]%s\n", f.key, unofficial ? "  (unofficial remake)" : "");
  }
  if (!tsv_mode && (fg_family_flags(fam) & FG_FAMILY_CYCLE))
    printf("note: the remake_of relations of this family form a loop\n");
  if (!tsv_mode && count == 1)
    printf("(no known remakes)\n");
  free(last), free(seen), free(more);
  fg_family_free(fam);
  return 0;
}

/* ---- person ---------------------------------------------------------------- */

static int cmd_person(const fg_graph *g, const char *query) {
  fg_id person;
  int code = resolve_person(g, query, &person);
  if (code)
    return code;
  fg_person p = person_of(g, person);
  fg_idlist *credits = NULL;
  if (fg_person_credits(g, person, FG_ROLES_ALL, &credits) != FG_OK) {
    fprintf(stderr, "filmgraph: out of memory\n");
    return EXIT_DATA;
  }
  if (tsv_mode) {
    const char *hdr[6] = {"role", "year", "key", "title", "countries", "characters"};
    tsv_row(6, hdr);
  } else {
    printf("%s  [%s]", p.name, p.key);
    if (p.birth_year)
      printf("  born %d", (int)p.birth_year);
    if (p.death_year)
      printf(", died %d", (int)p.death_year);
    if (*p.professions)
      printf("  %s", p.professions);
    putchar('\n');
  }
  if (!tsv_mode) {
    fg_idlist *co = NULL;
    if (fg_person_collaborators(g, person, FG_ROLES_ALL, &co) == FG_OK && fg_idlist_count(co)) {
      printf("  worked most with:");
      for (size_t i = 0; i < fg_idlist_count(co) && i < 5; i++)
        printf("%s %s (%u film%s)", i ? "," : "", person_of(g, fg_idlist_get(co, i)).name,
               (unsigned)fg_idlist_weight(co, i), fg_idlist_weight(co, i) == 1 ? "" : "s");
      putchar('\n');
    }
    fg_idlist_free(co);
  }
  /* Credits come by year; print them grouped by role in role order. */
  for (int role = 0; role < FG_ROLE_COUNT_; role++) {
    int header = 0;
    for (size_t i = 0; i < fg_idlist_count(credits); i++) {
      fg_credit c = FG_CREDIT_INIT;
      fg_graph_credit(g, fg_idlist_get(credits, i), &c);
      if (c.role != role)
        continue;
      fg_film f = film_of(g, c.film);
      char year[16] = "";
      if (f.year)
        snprintf(year, sizeof year, "%d", (int)f.year);
      if (tsv_mode) {
        const char *row[6] = {fg_role_name(role), year, f.key, f.title, f.countries,
                              c.characters};
        tsv_row(6, row);
        continue;
      }
      if (!header++)
        printf("  %s\n", fg_role_name(role));
      printf("    %-4s  %s", *year ? year : "?", f.title);
      if (*f.original_title && strcmp(f.original_title, f.title) != 0)
        printf(" / %s", f.original_title);
      if (*f.countries)
        printf("  %s", f.countries);
      if (*c.characters)
        printf("  as %s", c.characters);
      printf("  [%s]\n", f.key);
    }
  }
  if (!tsv_mode && fg_idlist_count(credits) == 0)
    printf("  (no credits)\n");
  fg_idlist_free(credits);
  return 0;
}

/* ---- export ---------------------------------------------------------------- */

static int cmd_export(const fg_graph *g, const char *dir) {
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_write_catalog(g, dir, &err);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s: %s\n", err.file[0] ? err.file : dir,
            err.message[0] ? err.message : fg_errstr(rc));
    return EXIT_DATA;
  }
  fprintf(stderr, "filmgraph: wrote %zu films, %zu people, %zu credits, %zu AKAs, %zu relations to %s\n",
          fg_graph_count(g, FG_TABLE_FILMS), fg_graph_count(g, FG_TABLE_PEOPLE),
          fg_graph_count(g, FG_TABLE_CREDITS), fg_graph_count(g, FG_TABLE_AKAS),
          fg_graph_count(g, FG_TABLE_RELATIONS), dir);
  return 0;
}

/* ---- path ------------------------------------------------------------------- */

/* A path's end: a film or person key, else a person's name, else a film's
 * title. */
static int resolve_node(const fg_graph *g, const char *query, uint64_t *out) {
  fg_id id;
  if (fg_graph_find_film(g, query, &id) == FG_OK) {
    *out = FG_NODE(FG_NODE_FILM, id);
    return 0;
  }
  if (fg_graph_find_person(g, query, &id) == FG_OK) {
    *out = FG_NODE(FG_NODE_PERSON, id);
    return 0;
  }
  fg_idlist *people = NULL;
  if (fg_graph_search_people(g, query, &people) == FG_OK && fg_idlist_count(people) > 0) {
    fg_idlist_free(people);
    int code = resolve_person(g, query, &id);
    *out = FG_NODE(FG_NODE_PERSON, id);
    return code;
  }
  fg_idlist_free(people);
  int code = resolve_film(g, query, &id);
  *out = FG_NODE(FG_NODE_FILM, id);
  return code;
}

/* How a person stands to a film, read either way. */
static const char *role_verb(int role, int person_first) {
  static const char *const verbs[FG_ROLE_COUNT_][2] = {
      {"with", "worked on"},           {"directed by", "directed"},
      {"written by", "wrote"},         {"with", "acted in"},
      {"with", "acted in"},            {"produced by", "produced"},
      {"music by", "scored"},          {"shot by", "shot"},
      {"edited by", "edited"},         {"designed by", "designed"},
      {"cast by", "cast"},             {"with", "appeared in"},
      {"with footage of", "appears in footage of"}, {"with recordings of", "is heard in"},
  };
  return role >= 0 && role < FG_ROLE_COUNT_ ? verbs[role][person_first] : "with";
}

static void node_text(const fg_graph *g, uint64_t node, char *buf, size_t cap, const char **key) {
  if (FG_NODE_KIND(node) == FG_NODE_FILM) {
    film_label(g, FG_NODE_ID(node), buf, cap);
    *key = film_of(g, FG_NODE_ID(node)).key;
  } else {
    fg_person p = person_of(g, FG_NODE_ID(node));
    snprintf(buf, cap, "%s", p.name);
    *key = p.key;
  }
}

/* The shortest path between two queries, or an exit code (and a message
 * on stderr). */
static int find_path(const fg_graph *g, const char *a, const char *b, fg_path **out) {
  uint64_t from, to;
  int code = resolve_node(g, a, &from);
  if (!code)
    code = resolve_node(g, b, &to);
  if (code)
    return code;
  int rc = fg_graph_shortest_path(g, from, to, NULL, out);
  if (rc == FG_ENOTFOUND) {
    fprintf(stderr, "filmgraph: no chain joins '%s' and '%s'\n", a, b);
    return EXIT_NOTFOUND;
  }
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  return 0;
}

static int cmd_path(const fg_graph *g, const char *a, const char *b) {
  fg_path *p = NULL;
  int code = find_path(g, a, b, &p);
  if (code)
    return code;
  if (tsv_mode) {
    const char *hdr[5] = {"step", "kind", "key", "name", "via"};
    tsv_row(5, hdr);
  }
  for (size_t i = 0; i < fg_path_count(p); i++) {
    uint64_t node = fg_path_node(p, i);
    char text[512], step[24];
    const char *key, *via = "";
    node_text(g, node, text, sizeof text, &key);
    if (i > 0) {
      int kind;
      fg_id id;
      fg_path_step(p, i - 1, &kind, &id);
      if (kind == FG_STEP_CREDIT) {
        fg_credit c = FG_CREDIT_INIT;
        fg_graph_credit(g, id, &c);
        via = tsv_mode ? fg_role_name(c.role)
                       : role_verb(c.role, FG_NODE_KIND(fg_path_node(p, i - 1)) == FG_NODE_PERSON);
      } else {
        fg_relation r = FG_RELATION_INIT;
        fg_graph_relation(g, id, &r);
        int forward = fg_path_node(p, i - 1) == FG_NODE(FG_NODE_FILM, r.from);
        via = forward ? fg_relation_name(r.type) : fg_relation_inverse_name(r.type);
      }
    }
    if (tsv_mode) {
      snprintf(step, sizeof step, "%zu", i);
      const char *row[5] = {step, FG_NODE_KIND(node) == FG_NODE_FILM ? "film" : "person", key,
                            FG_NODE_KIND(node) == FG_NODE_FILM
                                ? film_of(g, FG_NODE_ID(node)).title
                                : person_of(g, FG_NODE_ID(node)).name,
                            via};
      tsv_row(5, row);
    } else if (i == 0) {
      printf("%s  [%s]\n", text, key);
    } else {
      char verb[64];
      snprintf(verb, sizeof verb, "%s", via);
      for (char *v = verb; *v; v++)
        if (*v == '_')
          *v = ' ';
      printf("  %s  %s  [%s]\n", verb, text, key);
    }
  }
  if (!tsv_mode)
    printf("length %zu\n", fg_path_count(p) - 1);
  fg_path_free(p);
  return 0;
}

/* ---- near ----------------------------------------------------------------------- */

static int cmd_near(const fg_graph *g, const char *query, const char *k_arg) {
  char *end;
  long k = strtol(k_arg, &end, 10);
  if (*end || k < 1 || k > 1000) {
    fprintf(stderr, "filmgraph: near takes a number of steps from 1 to 1000, not '%s'\n", k_arg);
    return EXIT_USAGE;
  }
  uint64_t from;
  int code = resolve_node(g, query, &from);
  if (code)
    return code;
  fg_idlist *people = NULL;
  int rc = fg_graph_people_within(g, from, (uint32_t)k, NULL, &people);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  if (tsv_mode) {
    const char *hdr[3] = {"steps", "key", "name"};
    tsv_row(3, hdr);
  }
  for (size_t i = 0; i < fg_idlist_count(people); i++) {
    fg_person p = person_of(g, fg_idlist_get(people, i));
    char steps[16];
    snprintf(steps, sizeof steps, "%u", (unsigned)fg_idlist_weight(people, i));
    if (tsv_mode) {
      const char *row[3] = {steps, p.key, p.name};
      tsv_row(3, row);
    } else {
      printf("%4s  %s  [%s]\n", steps, p.name, p.key);
    }
  }
  if (!tsv_mode)
    printf("%zu %s within %ld steps\n", fg_idlist_count(people),
           fg_idlist_count(people) == 1 ? "person" : "people", k);
  fg_idlist_free(people);
  return 0;
}

/* ---- families ----------------------------------------------------------------- */

static int cmd_families(const fg_graph *g, const char *n_arg) {
  long n = 10;
  if (n_arg) {
    char *end;
    n = strtol(n_arg, &end, 10);
    if (*end || n < 1) {
      fprintf(stderr, "filmgraph: families takes a positive number, not '%s'\n", n_arg);
      return EXIT_USAGE;
    }
  }
  fg_components *c = NULL;
  int rc = fg_graph_components(g, FG_REL_MASK(FG_REL_REMAKE_OF), &c);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  if (tsv_mode) {
    const char *hdr[4] = {"films", "original", "title", "year"};
    tsv_row(4, hdr);
  }
  for (size_t i = 0; i < fg_components_count(c) && (long)i < n; i++) {
    if (fg_components_size(c, i) < 2)
      break; /* the rest are films with no remakes */
    fg_idlist *films = NULL;
    fg_family *fam = NULL;
    fg_family_node root = FG_FAMILY_NODE_INIT;
    if (fg_components_films(c, i, &films) != FG_OK ||
        fg_film_remake_family(g, fg_idlist_get(films, 0), &fam) != FG_OK ||
        fg_family_get(fam, 0, &root) != FG_OK) {
      fg_idlist_free(films);
      fg_family_free(fam);
      fg_components_free(c);
      fprintf(stderr, "filmgraph: out of memory\n");
      return EXIT_DATA;
    }
    fg_film f = film_of(g, root.film);
    char size[24], year[16] = "", label[512];
    snprintf(size, sizeof size, "%zu", fg_components_size(c, i));
    if (f.year)
      snprintf(year, sizeof year, "%d", (int)f.year);
    if (tsv_mode) {
      const char *row[4] = {size, f.key, f.title, year};
      tsv_row(4, row);
    } else {
      printf("%4s films  %s  [%s]\n", size, film_label(g, root.film, label, sizeof label), f.key);
    }
    fg_idlist_free(films);
    fg_family_free(fam);
  }
  fg_components_free(c);
  return 0;
}

/* ---- dot and check ------------------------------------------------------------ */

static int write_stdout(const void *data, size_t size, void *payload) {
  (void)payload;
  return fwrite(data, 1, size, stdout) == size ? 0 : -1;
}

/* dot QUERY: the remake family; dot A B: the shortest path. */
static int cmd_dot(const fg_graph *g, const char *query, const char *b) {
  int rc;
  if (b) {
    fg_path *p = NULL;
    int code = find_path(g, query, b, &p);
    if (code)
      return code;
    rc = fg_path_dot(g, p, write_stdout, NULL);
    fg_path_free(p);
  } else {
    fg_id film;
    int code = resolve_film(g, query, &film);
    if (code)
      return code;
    rc = fg_film_family_dot(g, film, write_stdout, NULL);
  }
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  return 0;
}

static int print_finding(const fg_finding *f, void *payload) {
  const fg_graph *g = payload;
  char a[512], b[512];
  fg_film fa = film_of(g, f->film), fb = film_of(g, f->other);
  if (tsv_mode) {
    fg_relation r = FG_RELATION_INIT;
    fg_graph_relation(g, f->relation, &r);
    const char *row[4] = {fg_check_name(f->kind), fa.key, fb.key, fg_relation_name(r.type)};
    tsv_row(4, row);
    return 0;
  }
  film_label(g, f->film, a, sizeof a);
  film_label(g, f->other, b, sizeof b);
  switch (f->kind) {
  case FG_CHECK_REMAKE_CYCLE:
    printf("remake loop: %s [%s] remakes %s [%s], and so on back to it\n", a, fa.key, b, fb.key);
    break;
  case FG_CHECK_REMAKE_OLDER:
    printf("remake older than its original: %s [%s] remakes %s [%s]\n", a, fa.key, b, fb.key);
    break;
  case FG_CHECK_CONTRADICTION:
    printf("contradiction: %s [%s] and %s [%s] are related both ways\n", a, fa.key, b, fb.key);
    break;
  default:
    printf("duplicate relation: %s [%s] to %s [%s]\n", a, fa.key, b, fb.key);
    break;
  }
  return 0;
}

static int cmd_check(const fg_graph *g) {
  if (tsv_mode) {
    const char *hdr[4] = {"kind", "film", "other", "relation"};
    tsv_row(4, hdr);
  }
  size_t count;
  int rc = fg_graph_check(g, print_finding, (void *)g, &count);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errstr(rc));
    return EXIT_DATA;
  }
  if (!tsv_mode)
    printf(count ? "%zu problem%s found\n" : "no problems found\n", count, count == 1 ? "" : "s");
  return count ? EXIT_NOTFOUND : 0;
}

/* ---- Loading ----------------------------------------------------------------- */

static int load_sample(fg_graph *g) {
  static const struct {
    int table;
    const char *name;
    const unsigned char *data;
    const size_t *size;
  } parts[] = {
      {FG_TABLE_FILMS, "films.tsv (built in)", fg_sample_films, &fg_sample_films_size},
      {FG_TABLE_PEOPLE, "people.tsv (built in)", fg_sample_people, &fg_sample_people_size},
      {FG_TABLE_AKAS, "akas.tsv (built in)", fg_sample_akas, &fg_sample_akas_size},
      {FG_TABLE_CREDITS, "credits.tsv (built in)", fg_sample_credits, &fg_sample_credits_size},
      {FG_TABLE_RELATIONS, "relations.tsv (built in)", fg_sample_relations,
       &fg_sample_relations_size},
  };
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    fg_source src = FG_SOURCE_INIT;
    src.name = parts[i].name;
    src.data = parts[i].data;
    src.size = *parts[i].size;
    if (fg_graph_load_table(g, parts[i].table, &src, NULL, NULL) != FG_OK) {
      fprintf(stderr, "filmgraph: %s\n", fg_errmsg(g));
      return EXIT_DATA;
    }
  }
  return 0;
}

/* ---- Loading IMDb, with progress and a summary ------------------------------ */

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct load_report {
  double start, file_start;
  const char *file;     /* the file being loaded */
  uint64_t file_bytes;  /* its bytes so far */
  uint64_t done_bytes;  /* bytes of the files finished */
  int tty, shown;
  struct {
    char reason[96];
    uint64_t count;
    char example[1100];
  } skips[16];
  int nskips;
  uint64_t other_skips;
} load_report;

static void on_progress(const char *file, uint64_t bytes, uint64_t rows, void *payload) {
  load_report *r = payload;
  double t = now_seconds();
  if (r->file != file) { /* a new file (names are stable for the load) */
    r->done_bytes += r->file_bytes;
    r->file = file;
    r->file_start = t;
  }
  r->file_bytes = bytes;
  if (!r->tty || t - r->start < 1.0)
    return;
  double mb = (double)bytes / 1e6, dt = t - r->file_start;
  const char *base = strrchr(file, '/');
  fprintf(stderr, "\r%-22s %10.1fM rows %9.0f MB %7.0f MB/s   ", base ? base + 1 : file,
          (double)rows / 1e6, mb, dt > 0 ? mb / dt : 0.0);
  r->shown = 1;
}

/* Tally skipped rows by reason: the message up to its first quote. */
static void on_skip(const fg_error_info *info, void *payload) {
  load_report *r = payload;
  char reason[96];
  const char *q = strchr(info->message, '\'');
  size_t n = q ? (size_t)(q - info->message) : strlen(info->message);
  while (n > 0 && info->message[n - 1] == ' ')
    n--;
  snprintf(reason, sizeof reason, "%.*s", (int)n, info->message);
  for (int i = 0; i < r->nskips; i++) {
    if (strcmp(r->skips[i].reason, reason) == 0) {
      r->skips[i].count++;
      return;
    }
  }
  if (r->nskips == 16) {
    r->other_skips++;
    return;
  }
  snprintf(r->skips[r->nskips].reason, sizeof r->skips[0].reason, "%s", reason);
  snprintf(r->skips[r->nskips].example, sizeof r->skips[0].example, "%s:%llu:%llu: %s",
           info->file, (unsigned long long)info->line, (unsigned long long)info->column,
           info->message);
  r->skips[r->nskips++].count = 1;
}

static int load_imdb(fg_graph *g, const char *dir) {
  load_report r;
  memset(&r, 0, sizeof r);
  r.start = now_seconds();
  r.tty = isatty(2);
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.on_progress = on_progress;
  opts.progress_payload = &r;
  opts.on_skip = on_skip;
  opts.skip_payload = &r;
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_load_imdb(g, dir, &opts, &err);
  if (r.shown)
    fputc('\n', stderr);
  if (rc != FG_OK) {
    fprintf(stderr, "filmgraph: %s\n", fg_errmsg(g));
    return EXIT_DATA;
  }
  double dt = now_seconds() - r.start;
  double mb = (double)(r.done_bytes + r.file_bytes) / 1e6;
  fprintf(stderr,
          "filmgraph: loaded %s in %.2f s (%.0f MB, %.0f MB/s): %zu films, %zu people, "
          "%zu credits, %zu AKAs, %zu relations; %llu skipped\n",
          dir, dt, mb, dt > 0 ? mb / dt : 0.0, fg_graph_count(g, FG_TABLE_FILMS),
          fg_graph_count(g, FG_TABLE_PEOPLE), fg_graph_count(g, FG_TABLE_CREDITS),
          fg_graph_count(g, FG_TABLE_AKAS), fg_graph_count(g, FG_TABLE_RELATIONS),
          (unsigned long long)err.skipped);
  for (int i = 0; i < r.nskips; i++)
    fprintf(stderr, "  %llu x %s (e.g. %s)\n", (unsigned long long)r.skips[i].count,
            r.skips[i].reason, r.skips[i].example);
  if (r.other_skips)
    fprintf(stderr, "  %llu x other reasons\n", (unsigned long long)r.other_skips);
  return 0;
}

int main(int argc, char **argv) {
  const char **catalogs = calloc((size_t)argc + 1, sizeof *catalogs);
  const char **imdbs = calloc((size_t)argc + 1, sizeof *imdbs);
  const char *args[4] = {NULL, NULL, NULL, NULL};
  int ncat = 0, nimdb = 0, nargs = 0;
  if (!catalogs || !imdbs) {
    free(catalogs);
    free(imdbs);
    return EXIT_DATA;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage, stdout);
      free(catalogs);
      free(imdbs);
      return 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("filmgraph %s\n", fg_version());
      free(catalogs);
      free(imdbs);
      return 0;
    } else if (strcmp(a, "--tsv") == 0) {
      tsv_mode = 1;
    } else if (strcmp(a, "--catalog") == 0 && i + 1 < argc) {
      catalogs[ncat++] = argv[++i];
    } else if (strncmp(a, "--catalog=", 10) == 0) {
      catalogs[ncat++] = a + 10;
    } else if (strcmp(a, "--imdb") == 0 && i + 1 < argc) {
      imdbs[nimdb++] = argv[++i];
    } else if (strncmp(a, "--imdb=", 7) == 0) {
      imdbs[nimdb++] = a + 7;
    } else if (a[0] == '-' && a[1] == '-' && a[2] != '\0') {
      fprintf(stderr, "filmgraph: unknown option '%s' (see filmgraph --help)\n", a);
      free(catalogs);
      free(imdbs);
      return EXIT_USAGE;
    } else if (nargs < 4) {
      args[nargs++] = a;
    } else {
      nargs++;
    }
  }
  static const char *const commands[] = {"film",   "remakes", "true-story", "person", "export",
                                         "dot",    "check",   "path",       "families", "near"};
  static const int arity[] = {2, 2, 2, 2, 2, 2, 1, 3, 2, 3};
  int cmd = -1;
  for (int i = 0; nargs >= 1 && i < 10; i++)
    if (strcmp(args[0], commands[i]) == 0)
      cmd = i;
  int optional_arg = (cmd == 8 && nargs == 1) || /* families [N] */
                     (cmd == 5 && nargs == 3);    /* dot A B */
  if (cmd < 0 || (nargs != arity[cmd] && !optional_arg)) {
    if (nargs == 0)
      fputs(usage, stderr);
    else if (cmd < 0)
      fprintf(stderr, "filmgraph: unknown command '%s' (see filmgraph --help)\n", args[0]);
    else
      fprintf(stderr, "filmgraph: %s takes %s (see filmgraph --help)\n", args[0],
              arity[cmd] == 1 ? "no argument" : arity[cmd] == 2 ? "exactly one argument"
                                                                : "two arguments");
    free(catalogs);
    free(imdbs);
    return EXIT_USAGE;
  }

  fg_graph *g = NULL;
  if (fg_graph_new(NULL, &g) != FG_OK) {
    fprintf(stderr, "filmgraph: out of memory\n");
    free(catalogs);
    free(imdbs);
    return EXIT_DATA;
  }
  int code = 0;
  if (ncat == 0 && nimdb == 0)
    code = load_sample(g);
  for (int i = 0; i < nimdb && !code; i++)
    code = load_imdb(g, imdbs[i]);
  for (int i = 0; i < ncat && !code; i++) {
    fg_error_info err = FG_ERROR_INFO_INIT;
    if (fg_graph_load_catalog(g, catalogs[i], NULL, &err) != FG_OK) {
      fprintf(stderr, "filmgraph: %s\n", fg_errmsg(g));
      code = EXIT_DATA;
    }
  }
  if (!code) {
    switch (cmd) {
    case 0: code = cmd_film(g, args[1]); break;
    case 1: code = cmd_remakes(g, args[1]); break;
    case 2: code = cmd_true_story(g, args[1]); break;
    case 3: code = cmd_person(g, args[1]); break;
    case 4: code = cmd_export(g, args[1]); break;
    case 5: code = cmd_dot(g, args[1], nargs == 3 ? args[2] : NULL); break;
    case 6: code = cmd_check(g); break;
    case 7: code = cmd_path(g, args[1], args[2]); break;
    case 8: code = cmd_families(g, args[1]); break;
    default: code = cmd_near(g, args[1], args[2]); break;
    }
  }
  fg_graph_free(g);
  free(catalogs);
  free(imdbs);
  return code;
}

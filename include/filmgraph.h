/*
 * filmgraph: film metadata as a graph.
 *
 * Films, the people who make them, the credits that join the two, and typed
 * relations between films (above all "remake of"), with loaders for a plain
 * TSV catalogue and traversals that answer questions such as "is this film
 * based on a true story, or a remake of one that is?".
 *
 * This header is the manual: every function says what it does, what it
 * returns, who owns what and whether it may run concurrently.
 *
 * Conventions
 * -----------
 * - Every symbol starts with fg_ or FG_.
 * - Functions return an int status: FG_OK (0) on success, a negative FG_E*
 *   code on failure. fg_errstr() names a code.
 * - Films, people, credits, relations and alternate titles are numbered with
 *   dense ids (fg_id) from 0 in the order they were added, each kind in its
 *   own id space (one exception: fg_graph_load_imdb numbers the credits it
 *   adds by film). Ids are stable for the life of the graph.
 * - Structs the caller fills start with `unsigned int version`; initialise
 *   them with their FG_*_INIT macro (C) or fg_*_init() function (bindings),
 *   then set the fields you need. Fields are only ever appended.
 * - Strings are UTF-8 and NUL-terminated. Strings the library hands out are
 *   borrowed: they point into the graph and stay valid, unchanged, until the
 *   graph is freed. They are never NULL; an absent value is "".
 * - Lists come back in result objects (fg_idlist, fg_family) that the caller
 *   owns and frees with their own free function. The caller never calls
 *   free() on library memory.
 * - No global state, no init call. The library never prints, aborts or exits.
 *
 * Threads
 * -------
 * A graph is not locked internally. Any number of threads may call the
 * read-only functions (those taking `const fg_graph *`) on the same graph at
 * once, provided the graph is *frozen*: fg_graph_freeze() has returned FG_OK
 * and no modifying call (fg_graph_add_*, fg_graph_load_*) has run since.
 * A modifying call needs exclusive access: no other call on that graph may
 * run at the same time. On a graph that is not frozen, the first query
 * builds the adjacency, and the first search the search tables, so these
 * too need exclusive access. Different graphs are fully independent. fg_errstr(), fg_version()
 * and the fg_*_name() functions may be called from any thread at any time.
 */
#ifndef FILMGRAPH_H
#define FILMGRAPH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Symbols are hidden by default; this macro exports the API. */
#if defined(_WIN32) && defined(FG_BUILDING_DLL)
#define FG_EXTERN __declspec(dllexport)
#elif defined(_WIN32) && defined(FG_SHARED)
#define FG_EXTERN __declspec(dllimport)
#elif defined(__GNUC__)
#define FG_EXTERN __attribute__((visibility("default")))
#else
#define FG_EXTERN
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                  */
/* ------------------------------------------------------------------------ */

#define FG_VERSION_MAJOR 0
#define FG_VERSION_MINOR 1
#define FG_VERSION_PATCH 0
#define FG_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH */
#define FG_VERSION_NUMBER 100

/* The library's version string ("0.1.0"); static, never NULL. A binding
 * compares it (or fg_version_number()) with the header it was made from. */
FG_EXTERN const char *fg_version(void);

/* The library's FG_VERSION_NUMBER. */
FG_EXTERN int fg_version_number(void);

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

/* X(name, value, description). Append only: values never change. */
#define FG_STATUS_MAP(X)                                                      \
  X(OK, 0, "success")                                                         \
  X(ERROR, -1, "unspecified error")                                           \
  X(ENOMEM, -2, "out of memory")                                              \
  X(EINVAL, -3, "invalid argument")                                           \
  X(ENOTFOUND, -4, "not found")                                               \
  X(EEXISTS, -5, "already exists")                                            \
  X(EPARSE, -6, "malformed input")                                            \
  X(EIO, -7, "input/output error")                                            \
  X(ELIMIT, -8, "limit exceeded")                                             \
  X(EVERSION, -9, "unsupported struct version")                               \
  X(ESTOP, -10, "stopped by the callback")                                    \
  X(ITEROVER, -11, "no more items")

enum fg_status {
#define FG_STATUS_ENUM_(name, value, text) FG_##name = value,
  FG_STATUS_MAP(FG_STATUS_ENUM_)
#undef FG_STATUS_ENUM_
};

/* A static English description of a status code ("out of memory"); an
 * unknown code gives "unknown status". Never NULL; thread-safe. */
FG_EXTERN const char *fg_errstr(int status);

/* ------------------------------------------------------------------------ */
/* Ids and vocabularies                                                     */
/* ------------------------------------------------------------------------ */

typedef uint32_t fg_id;
#define FG_ID_NONE ((fg_id)0xFFFFFFFFu)

/* What kind of title a film is. */
enum fg_kind {
  FG_KIND_UNKNOWN = 0,
  FG_KIND_MOVIE,
  FG_KIND_SHORT,
  FG_KIND_TV_MOVIE,
  FG_KIND_TV_SERIES,
  FG_KIND_TV_MINI_SERIES,
  FG_KIND_TV_EPISODE,
  FG_KIND_TV_SPECIAL,
  FG_KIND_TV_SHORT,
  FG_KIND_TV_PILOT,
  FG_KIND_VIDEO,
  FG_KIND_VIDEO_GAME,
  FG_KIND_COUNT_
};

/* What a person did on a film. Masks of roles: FG_ROLE_MASK(r). */
enum fg_role {
  FG_ROLE_OTHER = 0,
  FG_ROLE_DIRECTOR,
  FG_ROLE_WRITER,
  FG_ROLE_ACTOR,
  FG_ROLE_ACTRESS,
  FG_ROLE_PRODUCER,
  FG_ROLE_COMPOSER,
  FG_ROLE_CINEMATOGRAPHER,
  FG_ROLE_EDITOR,
  FG_ROLE_PRODUCTION_DESIGNER,
  FG_ROLE_CASTING_DIRECTOR,
  FG_ROLE_SELF,
  FG_ROLE_ARCHIVE_FOOTAGE,
  FG_ROLE_ARCHIVE_SOUND,
  FG_ROLE_COUNT_
};
#define FG_ROLE_MASK(role) (1u << (role))
#define FG_ROLES_ALL 0xFFFFFFFFu

/* Film-to-film relation types, named after IMDb's movie connections. Each is
 * stored in its forward direction: "A remake_of B" means A remakes B. The
 * inverse names (remade_as, followed_by, spin_off, edited_into,
 * referenced_in, featured_in, spoofed_in) are accepted by the loaders and
 * fg_relation_from_name() and stored reversed. version_of and
 * alternate_language_version_of are symmetric. Masks: FG_REL_MASK(t). */
enum fg_relation_type {
  FG_REL_REMAKE_OF = 0,
  FG_REL_VERSION_OF,
  FG_REL_FOLLOWS,
  FG_REL_SPIN_OFF_FROM,
  FG_REL_ALTERNATE_LANGUAGE_VERSION_OF,
  FG_REL_EDITED_FROM,
  FG_REL_REFERENCES,
  FG_REL_FEATURES,
  FG_REL_SPOOFS,
  FG_REL_COUNT_
};
#define FG_REL_MASK(type) (1u << (type))
#define FG_RELS_ALL 0xFFFFFFFFu

/* Relation flags. */
#define FG_RELF_UNOFFICIAL 0x1u /* uncredited or loose remake, etc. */

/* Origin: what a film's story is based on; a set of these bits (0 means
 * unknown). A film may be both an adaptation and about real events, e.g.
 * FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS. */
#define FG_ORIGIN_ORIGINAL_SCREENPLAY 0x001u
#define FG_ORIGIN_TRUE_EVENTS 0x002u /* real events or people */
#define FG_ORIGIN_BOOK 0x004u
#define FG_ORIGIN_PLAY 0x008u
#define FG_ORIGIN_TV 0x010u
#define FG_ORIGIN_COMIC 0x020u
#define FG_ORIGIN_GAME 0x040u
#define FG_ORIGIN_LEGEND 0x080u
#define FG_ORIGIN_SHORT_FILM 0x100u
#define FG_ORIGIN_ARTICLE 0x200u
#define FG_ORIGIN_ALL_ 0x3FFu

/* Names, as used in the catalogue files: "tv_movie", "actress", "remake_of",
 * "true_events". Each returns a static string, or NULL for a value out of
 * range (fg_origin_name: for anything but a single known bit). */
FG_EXTERN const char *fg_kind_name(int kind);
FG_EXTERN const char *fg_role_name(int role);
FG_EXTERN const char *fg_relation_name(int type);
/* The name of the reverse direction: "remade_as" for FG_REL_REMAKE_OF; the
 * same name for the symmetric types. */
FG_EXTERN const char *fg_relation_inverse_name(int type);
FG_EXTERN const char *fg_origin_name(uint32_t origin_bit);

/* Parse a name (exact, case-sensitive). On success store the value in *out
 * and return FG_OK; else FG_ENOTFOUND (FG_EINVAL for NULL arguments).
 * fg_relation_from_name also takes inverse names and then sets *reversed to
 * 1 (else 0): "B remade_as A" is stored as "A remake_of B". */
FG_EXTERN int fg_kind_from_name(const char *name, int *out);
FG_EXTERN int fg_role_from_name(const char *name, int *out);
FG_EXTERN int fg_relation_from_name(const char *name, int *out, int *reversed);
FG_EXTERN int fg_origin_from_name(const char *name, uint32_t *out);

/* ------------------------------------------------------------------------ */
/* Records                                                                  */
/* ------------------------------------------------------------------------ */

/* A film (or any title: series, episode, short...).
 * As input (fg_graph_add_film): key and title are required; NULL strings
 * count as "". As output (fg_graph_film): borrowed strings, never NULL.
 * List fields (countries, languages, genres) are comma-separated, without
 * spaces: "KR,US". */
typedef struct fg_film {
  unsigned int version;       /* FG_FILM_VERSION */
  const char *key;            /* unique: "tt1234567" or any user key */
  const char *title;          /* primary (usually English) title */
  const char *original_title; /* original-language title; "" if the same */
  int32_t year;               /* release year 1..9999; 0 = unknown */
  int32_t end_year;           /* series: last year; 0 = none */
  int32_t runtime;            /* minutes, up to 1000000; 0 = unknown */
  int32_t kind;               /* enum fg_kind */
  const char *countries;      /* ISO 3166-1 alpha-2 codes */
  const char *languages;      /* ISO 639 codes */
  const char *genres;         /* "Comedy,Drama" */
  uint32_t origin;            /* FG_ORIGIN_* bits; 0 = unknown */
  const char *source;         /* the adapted work, e.g. "novel ... by ..." */
  const char *subject;        /* the real events or people it is about */
  int32_t is_adult;           /* 1 for adult titles (IMDb's isAdult), else 0 */
  int32_t rating;             /* average user rating x 10 (73 = 7.3), 10-100;
                                 0 = none */
  uint32_t votes;             /* number of votes behind the rating, up to
                                 2147483647 */
  fg_id series;               /* an episode's series (a film id of this
                                 graph), else FG_ID_NONE */
  int32_t season;             /* an episode's season, 1-65535; 0 = unknown */
  int32_t episode;            /* its number in the season; 0 = unknown */
} fg_film;
#define FG_FILM_VERSION 1
#define FG_FILM_INIT                                                          \
  { FG_FILM_VERSION, NULL, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL,     \
    0, 0, 0, FG_ID_NONE, 0, 0 }

typedef struct fg_person {
  unsigned int version;    /* FG_PERSON_VERSION */
  const char *key;         /* unique: "nm0000001" or any user key */
  const char *name;        /* required */
  int32_t birth_year;      /* 0 = unknown */
  int32_t death_year;      /* 0 = unknown or alive */
  const char *professions; /* comma-separated: "director,writer" */
} fg_person;
#define FG_PERSON_VERSION 1
#define FG_PERSON_INIT { FG_PERSON_VERSION, NULL, NULL, 0, 0, NULL }

/* A person's part in a film. */
typedef struct fg_credit {
  unsigned int version;   /* FG_CREDIT_VERSION */
  fg_id film;             /* a film id of this graph */
  fg_id person;           /* a person id of this graph */
  int32_t role;           /* enum fg_role */
  int32_t billing;        /* order in the credits, 1 first; 0 = unknown */
  const char *job;        /* free text, e.g. "screenplay"; may be "" */
  const char *characters; /* character names, several joined by " / " */
} fg_credit;
#define FG_CREDIT_VERSION 1
#define FG_CREDIT_INIT { FG_CREDIT_VERSION, FG_ID_NONE, FG_ID_NONE, 0, 0, NULL, NULL }

/* A typed relation from one film to another: `from` <type> `to`. */
typedef struct fg_relation {
  unsigned int version; /* FG_RELATION_VERSION */
  fg_id from;
  fg_id to;
  int32_t type;         /* enum fg_relation_type */
  uint32_t flags;       /* FG_RELF_* */
  const char *note;     /* free text; may be "" */
} fg_relation;
#define FG_RELATION_VERSION 1
#define FG_RELATION_INIT { FG_RELATION_VERSION, FG_ID_NONE, FG_ID_NONE, 0, 0, NULL }

/* An alternate title (AKA) of a film. */
typedef struct fg_aka {
  unsigned int version; /* FG_AKA_VERSION */
  fg_id film;
  const char *title;    /* required */
  const char *region;   /* ISO 3166-1 code (or IMDb's XWW...); may be "" */
  const char *language; /* ISO 639 code; may be "" */
  const char *types;    /* comma-separated: "imdbDisplay,working" */
  int32_t is_original;  /* 1 if this is the original-language title */
} fg_aka;
#define FG_AKA_VERSION 1
#define FG_AKA_INIT { FG_AKA_VERSION, FG_ID_NONE, NULL, NULL, NULL, NULL, 0 }

/* Bindings that cannot use the macros above: set *rec to its INIT value
 * for the given version. FG_EVERSION if the version is unknown. */
FG_EXTERN int fg_film_init(fg_film *rec, unsigned int version);
FG_EXTERN int fg_person_init(fg_person *rec, unsigned int version);
FG_EXTERN int fg_credit_init(fg_credit *rec, unsigned int version);
FG_EXTERN int fg_relation_init(fg_relation *rec, unsigned int version);
FG_EXTERN int fg_aka_init(fg_aka *rec, unsigned int version);

/* ------------------------------------------------------------------------ */
/* The graph                                                                */
/* ------------------------------------------------------------------------ */

typedef struct fg_graph fg_graph;

/* Allocator hooks. `ud` is the options' alloc_ud. realloc_fn(NULL, n) must
 * behave as malloc_fn(n); free_fn(NULL) must be a no-op. */
typedef void *(*fg_malloc_fn)(size_t size, void *ud);
typedef void *(*fg_realloc_fn)(void *ptr, size_t size, void *ud);
typedef void (*fg_free_fn)(void *ptr, void *ud);

typedef struct fg_graph_options {
  unsigned int version;     /* FG_GRAPH_OPTIONS_VERSION */
  fg_malloc_fn malloc_fn;   /* all three set, or all three NULL for libc's */
  fg_realloc_fn realloc_fn;
  fg_free_fn free_fn;
  void *alloc_ud;           /* passed to the three functions */
} fg_graph_options;
#define FG_GRAPH_OPTIONS_VERSION 1
#define FG_GRAPH_OPTIONS_INIT { FG_GRAPH_OPTIONS_VERSION, NULL, NULL, NULL, NULL }
FG_EXTERN int fg_graph_options_init(fg_graph_options *opts, unsigned int version);

/* Create an empty graph. `opts` may be NULL (libc allocator). On success
 * *out owns the new graph: free it with fg_graph_free(). Every allocation the
 * graph and its result objects make goes through the hooks. With libc's
 * allocator on Linux, arrays read at random (the key arrays of IMDb-style
 * ids, which every loaded row looks up, and the adjacency) are, from 8 MiB
 * up, aligned to 2 MiB and advised (madvise) to use transparent huge pages,
 * which cuts TLB misses and page faults; with hooks, memory is used exactly
 * as the hooks give it.
 * Errors: FG_EINVAL (out NULL, or only some hooks set), FG_EVERSION,
 * FG_ENOMEM. */
FG_EXTERN int fg_graph_new(const fg_graph_options *opts, fg_graph **out);

/* Free a graph and everything it owns; NULL is a no-op. Borrowed strings
 * and records obtained from it become invalid. Result objects obtained from
 * it stay valid and must still be freed (with the graph's allocator). */
FG_EXTERN void fg_graph_free(fg_graph *g);

/* The message of the most recent failed modifying call on this graph
 * (fg_graph_add_*, fg_graph_load_*, fg_graph_freeze), with its location for
 * loaders ("films.tsv:3:7: ..."); "" if none failed yet. Borrowed: valid
 * until the next modifying call. Queries never change it. */
FG_EXTERN const char *fg_errmsg(const fg_graph *g);

/* What fg_graph_count() counts. These also name the catalogue's tables. */
enum fg_table {
  FG_TABLE_FILMS = 0,
  FG_TABLE_PEOPLE,
  FG_TABLE_CREDITS,
  FG_TABLE_AKAS,
  FG_TABLE_RELATIONS,
  FG_TABLE_COUNT_
};

/* Number of films, people, credits, AKAs or relations (enum fg_table) in the
 * graph; 0 for an unknown table or a NULL graph. O(1). */
FG_EXTERN size_t fg_graph_count(const fg_graph *g, int table);

/* ---- Adding records ------------------------------------------------------
 * Each copies what it needs (strings are interned once), so the caller's
 * record and strings may be reused at once. On success, *out_id (if not
 * NULL) receives the new record's id. On failure the graph is unchanged and
 * fg_errmsg() says why. All strings must be valid UTF-8.
 * Errors: FG_EINVAL (NULL graph or record, a required field empty, a value
 * out of range, invalid UTF-8), FG_EVERSION, FG_EEXISTS (a key already used
 * by another film / person), FG_ENOTFOUND (a film or person id that does not
 * exist), FG_ELIMIT (over 2^32-2 records of a kind, or 4 GiB of strings),
 * FG_ENOMEM. Amortised O(1) each.
 */
FG_EXTERN int fg_graph_add_film(fg_graph *g, const fg_film *film, fg_id *out_id);
FG_EXTERN int fg_graph_add_person(fg_graph *g, const fg_person *person, fg_id *out_id);
FG_EXTERN int fg_graph_add_credit(fg_graph *g, const fg_credit *credit, fg_id *out_id);
/* A relation of a film to itself is FG_EINVAL. */
FG_EXTERN int fg_graph_add_relation(fg_graph *g, const fg_relation *rel, fg_id *out_id);
FG_EXTERN int fg_graph_add_aka(fg_graph *g, const fg_aka *aka, fg_id *out_id);

/* Build the lookup indexes now (adjacency by film and by person, the title
 * and name search tables, AKAs by film), so that the graph is frozen and can be read from
 * many threads (see Threads above). Loaders leave this to the first query
 * (or to this call), so that loading several files builds them once: the
 * first traversal or lookup builds the adjacency only (O(V+E), about 6
 * bytes a credit, see fg_memory), the first search the search tables and
 * the AKAs by film (an AKA lookup builds only the latter).
 * Records can still be added afterwards; the graph is then no longer frozen
 * and the next query or freeze rebuilds the indexes (O(V+E)).
 * Errors: FG_EINVAL, FG_ENOMEM (the graph keeps working, unfrozen). */
FG_EXTERN int fg_graph_freeze(fg_graph *g);

/* Where a graph's memory goes, in bytes allocated (capacity, not just what
 * is used): to see what a load costs per record. */
typedef struct fg_memory {
  unsigned int version;              /* FG_MEMORY_VERSION */
  uint64_t records[FG_TABLE_COUNT_]; /* each table's records (enum fg_table) */
  uint64_t strings;                  /* the interned text */
  uint64_t string_table;             /* the interning hash table */
  uint64_t keys;                     /* the film and person key maps */
  uint64_t index;                    /* adjacency and search indexes */
  uint64_t other;                    /* the graph itself, the undo log */
  uint64_t total;                    /* the sum of the above */
  uint64_t adjacency;                /* of `index`: the adjacency (traversals) */
  uint64_t search;                   /* of `index`: the title and name tables
                                        and the AKAs by film */
} fg_memory;
#define FG_MEMORY_VERSION 1
#define FG_MEMORY_INIT { FG_MEMORY_VERSION, { 0, 0, 0, 0, 0 }, 0, 0, 0, 0, 0, 0, 0, 0 }

/* Fill *out (set out->version first). O(1). Errors: FG_EINVAL,
 * FG_EVERSION. */
FG_EXTERN int fg_graph_memory(const fg_graph *g, fg_memory *out);

/* ---- Reading records -----------------------------------------------------
 * Fill *out with the record of the given id. Set out->version first (use
 * the INIT macro); strings are borrowed from the graph. O(1).
 * Errors: FG_EINVAL (NULL argument), FG_EVERSION, FG_ENOTFOUND (no such id).
 */
FG_EXTERN int fg_graph_film(const fg_graph *g, fg_id id, fg_film *out);
FG_EXTERN int fg_graph_person(const fg_graph *g, fg_id id, fg_person *out);
FG_EXTERN int fg_graph_credit(const fg_graph *g, fg_id id, fg_credit *out);
FG_EXTERN int fg_graph_relation(const fg_graph *g, fg_id id, fg_relation *out);
FG_EXTERN int fg_graph_aka(const fg_graph *g, fg_id id, fg_aka *out);

/* Find a film or person by key (exact bytes). O(1) expected.
 * Errors: FG_EINVAL (NULL argument), FG_ENOTFOUND. */
FG_EXTERN int fg_graph_find_film(const fg_graph *g, const char *key, fg_id *out);
FG_EXTERN int fg_graph_find_person(const fg_graph *g, const char *key, fg_id *out);

/* ------------------------------------------------------------------------ */
/* Result lists                                                             */
/* ------------------------------------------------------------------------ */

/* An owned list of ids (film, person, credit or relation ids: the function
 * that made it says which). */
typedef struct fg_idlist fg_idlist;

/* Number of ids; 0 for NULL. */
FG_EXTERN size_t fg_idlist_count(const fg_idlist *list);
/* The id at `index`, or FG_ID_NONE when out of range. */
FG_EXTERN fg_id fg_idlist_get(const fg_idlist *list, size_t index);
/* The weight of the id at `index` in a ranked list (e.g. the number of
 * films shared, fg_person_collaborators); 0 for lists without weights or
 * out of range. */
FG_EXTERN uint32_t fg_idlist_weight(const fg_idlist *list, size_t index);
/* Free the list; NULL is a no-op. */
FG_EXTERN void fg_idlist_free(fg_idlist *list);

/* ------------------------------------------------------------------------ */
/* Queries                                                                  */
/* ------------------------------------------------------------------------ */
/* Every query takes a const graph (see Threads), and on success stores a new
 * list in *out that the caller frees with fg_idlist_free(); on failure *out
 * is set to NULL. Common errors: FG_EINVAL (NULL argument), FG_ENOTFOUND (no
 * such film or person id), FG_ENOMEM. */

/* Films whose title, original title or any AKA equals `title`, ignoring case
 * (simple one-to-one case folding of Latin, Greek, Cyrillic and Armenian
 * letters; accents are kept: "É" is not "E"). If `year` is not
 * 0, only films of that year. Film ids, in id order; an empty list when
 * nothing matches. O(log n + matches) on a frozen graph. */
FG_EXTERN int fg_graph_search_films(const fg_graph *g, const char *title, int32_t year,
                                    fg_idlist **out);

/* People whose name equals `name`, ignoring case as above. Person ids in id
 * order; empty if none. */
FG_EXTERN int fg_graph_search_people(const fg_graph *g, const char *name, fg_idlist **out);

/* Credit ids of a film, restricted to roles in `role_mask` (FG_ROLES_ALL for
 * all), ordered by role (enum order), then billing (unknown last), then the
 * order they were added. O(k log k) for k credits. */
FG_EXTERN int fg_film_credits(const fg_graph *g, fg_id film, uint32_t role_mask,
                              fg_idlist **out);

/* Credit ids of a person (a filmography), restricted to `role_mask`, ordered
 * by the film's year (unknown last), then film id, then role. O(k log k + c)
 * for k credits on films with c credits in all (the index keeps a person's
 * films, and finds the credits among each film's). */
FG_EXTERN int fg_person_credits(const fg_graph *g, fg_id person, uint32_t role_mask,
                                fg_idlist **out);

/* The people who share films with `person`: every other person credited
 * on a film where `person` has a credit in `role_mask`, ranked by the number
 * of such films (fg_idlist_weight), most first, then by id. A film counts
 * once per collaborator, whatever their number of credits on it.
 * O(sum of the credits of those films + k log k) for k collaborators. */
FG_EXTERN int fg_person_collaborators(const fg_graph *g, fg_id person, uint32_t role_mask,
                                      fg_idlist **out);

/* Directions for relation queries. */
#define FG_DIR_OUT 1  /* relations from the film ("A remake_of X") */
#define FG_DIR_IN 2   /* relations to the film ("X remake_of A") */
#define FG_DIR_BOTH 3

/* Relation ids touching a film, of the types in `type_mask`, in the
 * direction(s) asked; out-going first, each group in the order added. */
FG_EXTERN int fg_film_relations(const fg_graph *g, fg_id film, int direction,
                                uint32_t type_mask, fg_idlist **out);

/* AKA ids of a film, in the order added. The AKAs by film are not part of
 * the adjacency: the first call on an unfrozen graph builds them (O(AKAs +
 * films)); fg_graph_freeze and the first search do too. */
FG_EXTERN int fg_film_akas(const fg_graph *g, fg_id film, fg_idlist **out);

/* Film ids that `film` remakes (usually 0 or 1), in the order added. */
FG_EXTERN int fg_film_remake_of(const fg_graph *g, fg_id film, fg_idlist **out);

/* Film ids that remake `film` directly, in the order added. */
FG_EXTERN int fg_film_remakes(const fg_graph *g, fg_id film, fg_idlist **out);

/* ---- Remake families -------------------------------------------------- */

/* A remake family: every film linked to a film by remake_of relations,
 * either way, at any depth, laid out as a tree (a forest if the family has
 * several originals), original(s) first, in depth-first pre-order; each
 * film's remakes follow it ordered by year (unknown last), then id. */
typedef struct fg_family fg_family;

typedef struct fg_family_node {
  unsigned int version; /* FG_FAMILY_NODE_VERSION */
  fg_id film;
  uint32_t parent;      /* index of the film it remakes, FG_ID_NONE for a root */
  uint32_t depth;       /* 0 for a root */
  fg_id relation;       /* the remake_of relation to the parent, or FG_ID_NONE */
} fg_family_node;
#define FG_FAMILY_NODE_VERSION 1
#define FG_FAMILY_NODE_INIT { FG_FAMILY_NODE_VERSION, FG_ID_NONE, FG_ID_NONE, 0, FG_ID_NONE }
FG_EXTERN int fg_family_node_init(fg_family_node *node, unsigned int version);

/* Family flags. */
#define FG_FAMILY_CYCLE 0x1u /* remake_of relations form a loop; it is broken
                                at its oldest film, which becomes a root */
#define FG_FAMILY_MULTIPLE_PARENTS 0x2u /* some film remakes several films: it
                                           appears once, under the one of its
                                           first remake_of relation (the one
                                           fg_film_true_story follows) */

/* The remake family of `film` (a family of one if it has no remakes).
 * O(V+E) of the family; no recursion; loops are reported, never followed
 * twice. Free with fg_family_free(). */
FG_EXTERN int fg_film_remake_family(const fg_graph *g, fg_id film, fg_family **out);
FG_EXTERN size_t fg_family_count(const fg_family *fam);
/* FG_FAMILY_* bits. */
FG_EXTERN uint32_t fg_family_flags(const fg_family *fam);
/* Fill *out with node `index` (0 .. count-1). FG_EINVAL, FG_EVERSION,
 * FG_ENOTFOUND (index out of range). */
FG_EXTERN int fg_family_get(const fg_family *fam, size_t index, fg_family_node *out);
FG_EXTERN void fg_family_free(fg_family *fam);

/* ---- Is it based on a true story? ------------------------------------- */

enum fg_answer { FG_ANSWER_UNKNOWN = 0, FG_ANSWER_YES = 1, FG_ANSWER_NO = 2 };
/* "unknown", "yes", "no"; NULL out of range. */
FG_EXTERN const char *fg_answer_name(int answer);

#define FG_STORY_CYCLE 0x1u      /* the remake_of chain loops back */
#define FG_STORY_UNOFFICIAL 0x2u /* a step of the chain is unofficial */
#define FG_STORY_BRANCHES 0x4u   /* a film on the chain remakes several
                                    films; the first added was followed */

typedef struct fg_story {
  unsigned int version; /* FG_STORY_VERSION */
  int32_t answer;       /* enum fg_answer */
  fg_id film;           /* the film asked about */
  fg_id original;       /* the end of the remake_of chain (film if none) */
  fg_id decided_by;     /* the film whose origin decided; FG_ID_NONE if none */
  uint32_t origin;      /* that film's FG_ORIGIN_* bits; 0 if unknown */
  uint32_t flags;       /* FG_STORY_* */
} fg_story;
#define FG_STORY_VERSION 1
#define FG_STORY_INIT { FG_STORY_VERSION, 0, FG_ID_NONE, FG_ID_NONE, FG_ID_NONE, 0, 0 }
FG_EXTERN int fg_story_init(fg_story *story, unsigned int version);

/* Is `film` based on a true story? A remake tells the story of the film it
 * remakes, so the answer walks remake_of from `film` to the original (the
 * film that remakes nothing) and takes the original's origin; if that is
 * unknown, the origin of the film nearest to the original along the chain
 * that has one. YES if that origin has FG_ORIGIN_TRUE_EVENTS, NO if it is
 * known without it, UNKNOWN if no film on the chain has an origin.
 * Fills *out (set out->version first). If `chain` is not NULL, *chain gets
 * the relation ids walked, from `film` towards the original (empty when the
 * film remakes nothing); free it with fg_idlist_free(). A loop in remake_of
 * stops the walk and sets FG_STORY_CYCLE. O(chain length). */
FG_EXTERN int fg_film_true_story(const fg_graph *g, fg_id film, fg_story *out,
                                 fg_idlist **chain);

/* Receive `size` bytes of output. Return 0, or non-zero to fail the write
 * (FG_EIO). */
typedef int (*fg_write_fn)(const void *data, size_t size, void *payload);

/* ---- Paths between people and films ------------------------------------ */

/* A node of the graph: a film or a person, as one 64-bit value (bindings
 * pass it as an integer). */
#define FG_NODE_FILM 0u
#define FG_NODE_PERSON 1u
#define FG_NODE(kind, id) (((uint64_t)(kind) << 32) | (uint64_t)(uint32_t)(id))
#define FG_NODE_KIND(node) ((uint32_t)((node) >> 32))
#define FG_NODE_ID(node) ((fg_id)((node)&0xFFFFFFFFu))

/* What a path may go through. */
typedef struct fg_path_options {
  unsigned int version; /* FG_PATH_OPTIONS_VERSION */
  uint32_t role_mask;   /* credits usable as steps (FG_ROLES_ALL) */
  uint32_t rel_mask;    /* film-to-film relations usable as steps, either
                           way (FG_RELS_ALL; 0 for credits only) */
  uint32_t max_steps;   /* longest path searched; 0: no limit */
} fg_path_options;
#define FG_PATH_OPTIONS_VERSION 1
#define FG_PATH_OPTIONS_INIT { FG_PATH_OPTIONS_VERSION, FG_ROLES_ALL, FG_RELS_ALL, 0 }
FG_EXTERN int fg_path_options_init(fg_path_options *opts, unsigned int version);

/* A path: nodes 0..count-1, and between node i and i+1 the step that joins
 * them (a credit or a relation). */
typedef struct fg_path fg_path;
#define FG_STEP_CREDIT 0
#define FG_STEP_RELATION 1

/* A shortest path from `from` to `to` (FG_NODE values: person to person
 * through shared films, film to film through people and relations, or
 * mixed), by breadth-first search from both ends at once. Among paths of
 * the same length the one found first is returned (deterministic for a
 * given graph). `opts` may be NULL. On success *out is a new path (free
 * with fg_path_free); a node to itself is a path of one node.
 * Errors: FG_EINVAL (bad node kind or arguments), FG_EVERSION, FG_ENOTFOUND
 * (an id that does not exist, or no path within max_steps: *out NULL),
 * FG_ENOMEM. O(V+E) at worst; memory grows with the nodes reached. */
FG_EXTERN int fg_graph_shortest_path(const fg_graph *g, uint64_t from, uint64_t to,
                                     const fg_path_options *opts, fg_path **out);
/* The length of a shortest path from `from` to `to` (as
 * fg_graph_shortest_path, without building the path) in *steps.
 * Errors: as fg_graph_shortest_path (FG_ENOTFOUND: no path, *steps 0). */
FG_EXTERN int fg_graph_distance(const fg_graph *g, uint64_t from, uint64_t to,
                                const fg_path_options *opts, uint32_t *steps);
/* Everyone within `steps` steps of `from` (an FG_NODE value), through the
 * credits and relations `opts` allows (may be NULL): person ids, nearest
 * first, then by id, each weighted by its distance (fg_idlist_weight); the
 * start itself is not listed. A person is 2 steps from another through one
 * shared film. Errors: FG_EINVAL, FG_EVERSION, FG_ENOTFOUND (no such node),
 * FG_ENOMEM. O(nodes and edges within reach). */
FG_EXTERN int fg_graph_people_within(const fg_graph *g, uint64_t from, uint32_t steps,
                                     const fg_path_options *opts, fg_idlist **out);

/* Number of nodes (steps + 1); 0 for NULL. */
FG_EXTERN size_t fg_path_count(const fg_path *path);
/* Node i (FG_NODE value), or FG_NODE(0xFFFFFFFF, 0) out of range. */
FG_EXTERN uint64_t fg_path_node(const fg_path *path, size_t index);
/* The step from node i to node i+1: *kind FG_STEP_CREDIT or
 * FG_STEP_RELATION, *id the credit or relation id. FG_EINVAL, FG_ENOTFOUND
 * (index out of range). */
FG_EXTERN int fg_path_step(const fg_path *path, size_t index, int *kind, fg_id *id);
FG_EXTERN void fg_path_free(fg_path *path);

/* ---- Components --------------------------------------------------------- */

/* Films joined by relations, in groups: with FG_REL_MASK(FG_REL_REMAKE_OF),
 * the remake families. */
typedef struct fg_components fg_components;

/* The connected components of the films under the relations whose types
 * are in `rel_mask` (either way), numbered by size, largest first (ties: the
 * one with the smallest film id first); a film with no such relation is a
 * component of one. O(V + E) (union-find); no recursion. Free with
 * fg_components_free(). Errors: FG_EINVAL, FG_ENOMEM. */
FG_EXTERN int fg_graph_components(const fg_graph *g, uint32_t rel_mask, fg_components **out);
/* Number of components; 0 for NULL. */
FG_EXTERN size_t fg_components_count(const fg_components *c);
/* Films in component `index`; 0 out of range. */
FG_EXTERN size_t fg_components_size(const fg_components *c, size_t index);
/* The component of `film`, or FG_ID_NONE. */
FG_EXTERN uint32_t fg_components_of(const fg_components *c, fg_id film);
/* The films of component `index`, in id order, in a new list.
 * Errors: FG_EINVAL, FG_ENOTFOUND (index out of range), FG_ENOMEM. */
FG_EXTERN int fg_components_films(const fg_components *c, size_t index, fg_idlist **out);
FG_EXTERN void fg_components_free(fg_components *c);

/* ---- Degrees ------------------------------------------------------------ */

/* How many credits the films (or the people) have: a film's degree is its
 * credits, a person's their credits. */
typedef struct fg_degree_stats {
  unsigned int version; /* FG_DEGREE_STATS_VERSION */
  uint64_t nodes;       /* films (or people) */
  uint64_t credits;     /* the sum of their degrees */
  uint64_t isolated;    /* with no credit */
  uint32_t max;         /* the largest degree, */
  fg_id max_id;         /* held by this node (the lowest id); FG_ID_NONE if none */
  uint32_t median;      /* degree of the middle node, in degree order */
  uint32_t p99;         /* 99% of the nodes have at most this degree */
  double mean;          /* credits / nodes; 0 if no nodes */
} fg_degree_stats;
#define FG_DEGREE_STATS_VERSION 1
#define FG_DEGREE_STATS_INIT { FG_DEGREE_STATS_VERSION, 0, 0, 0, 0, FG_ID_NONE, 0, 0, 0.0 }

/* Fill *out (set out->version first) for `table`: FG_TABLE_FILMS or
 * FG_TABLE_PEOPLE. O(V + largest degree); builds the adjacency if needed
 * (see fg_graph_freeze). Errors: FG_EINVAL (NULL, or another table),
 * FG_EVERSION, FG_ENOMEM. */
FG_EXTERN int fg_graph_degree_stats(const fg_graph *g, int table, fg_degree_stats *out);

/* ---- Walks ------------------------------------------------------------- */

/* A breadth-first or depth-first walk from a film or person over credits
 * and relations. */
#define FG_WALK_BFS 0
#define FG_WALK_DFS 1

typedef struct fg_walk_options {
  unsigned int version; /* FG_WALK_OPTIONS_VERSION */
  int32_t order;        /* FG_WALK_BFS or FG_WALK_DFS (pre-order) */
  uint32_t role_mask;   /* credits followed (FG_ROLES_ALL) */
  uint32_t rel_mask;    /* relation types followed (FG_RELS_ALL) */
  int32_t direction;    /* relations followed FG_DIR_OUT (from -> to),
                           FG_DIR_IN or FG_DIR_BOTH */
  uint32_t max_depth;   /* deepest node visited; 0: no limit */
} fg_walk_options;
#define FG_WALK_OPTIONS_VERSION 1
#define FG_WALK_OPTIONS_INIT                                                  \
  { FG_WALK_OPTIONS_VERSION, FG_WALK_BFS, FG_ROLES_ALL, FG_RELS_ALL, FG_DIR_BOTH, 0 }
FG_EXTERN int fg_walk_options_init(fg_walk_options *opts, unsigned int version);

/* A walk as a pull iterator (for bindings that cannot take callbacks). */
typedef struct fg_walk fg_walk;

/* Start a walk at `start` (an FG_NODE value); `opts` may be NULL. The first
 * fg_walk_next() returns the start at depth 0. The walk reads the graph
 * while it lives (see Threads). Free with fg_walk_free().
 * Errors: FG_EINVAL, FG_EVERSION, FG_ENOTFOUND (no such node), FG_ENOMEM. */
FG_EXTERN int fg_walk_new(const fg_graph *g, uint64_t start, const fg_walk_options *opts,
                          fg_walk **out);
/* The next node and its depth: FG_OK, or FG_ITEROVER when the walk is
 * done, or FG_ENOMEM. Each node is visited once. */
FG_EXTERN int fg_walk_next(fg_walk *walk, uint64_t *node, uint32_t *depth);
FG_EXTERN void fg_walk_free(fg_walk *walk);

/* Called for each node of a walk; return non-zero to stop it. */
typedef int (*fg_visit_fn)(uint64_t node, uint32_t depth, void *payload);

/* The same walk with a callback: FG_OK when done, FG_ESTOP when `fn`
 * stopped it, or the errors of fg_walk_new()/fg_walk_next(). No recursion:
 * a walk a million films deep is fine. */
FG_EXTERN int fg_graph_walk(const fg_graph *g, uint64_t start, const fg_walk_options *opts,
                            fg_visit_fn fn, void *payload);

/* ---- Checking the graph --------------------------------------------------- */

/* What fg_graph_check() finds. Keys that name nothing and relations of a
 * film to itself cannot be in a graph: adding them is refused. */
enum fg_check_kind {
  FG_CHECK_REMAKE_CYCLE = 1, /* remake_of relations loop: `film` is the loop's
                                lowest id, `other` the film it remakes */
  FG_CHECK_REMAKE_OLDER,     /* `film` remakes `other` but is dated earlier */
  FG_CHECK_CONTRADICTION,    /* `film` and `other` are related both ways by
                                the same one-way type (A follows B, B follows
                                A); for remake_of that is a loop, reported as
                                FG_CHECK_REMAKE_CYCLE */
  FG_CHECK_DUPLICATE,        /* the same relation added twice */
  FG_CHECK_KIND_COUNT_
};

/* "remake_cycle", "remake_older", "contradiction", "duplicate"; NULL out of
 * range. */
FG_EXTERN const char *fg_check_name(int kind);

typedef struct fg_finding {
  unsigned int version; /* FG_FINDING_VERSION */
  int32_t kind;         /* enum fg_check_kind */
  fg_id film;
  fg_id other;
  fg_id relation;       /* the relation concerned */
} fg_finding;
#define FG_FINDING_VERSION 1

/* Called for each finding (borrowed for the call); return non-zero to stop
 * the check. */
typedef int (*fg_check_fn)(const fg_finding *finding, void *payload);

/* Validate the graph's relations: remake loops (each loop once), remakes
 * dated before what they remake (both years known), relations that
 * contradict each other, duplicates. Calls `fn` (may be NULL) for each
 * finding (in relation id order, then the loops by lowest film id), and
 * stores their number in *count (may be NULL). O(V+E); no recursion. Errors: FG_EINVAL, FG_ENOMEM. A stop
 * from `fn` is not an error: *count then counts the findings reported. */
FG_EXTERN int fg_graph_check(const fg_graph *g, fg_check_fn fn, void *payload, size_t *count);

/* Write the remake family of `film` as a Graphviz DOT digraph through
 * `fn`: films as boxes labelled with title, year and countries, the film
 * asked about in bold; one edge per remake_of relation, from the remake to
 * what it remakes, labelled "remake of" (dashed and marked when
 * unofficial), originals at the top. `dot -Tpng` draws it.
 * Errors: FG_EINVAL, FG_ENOTFOUND, FG_ENOMEM, FG_EIO (fn failed). */
FG_EXTERN int fg_film_family_dot(const fg_graph *g, fg_id film, fg_write_fn fn, void *payload);

/* Write a path (from fg_graph_shortest_path on the same graph) as a
 * Graphviz DOT graph through `fn`, left to right: films as boxes (title,
 * year, countries), people as ellipses (name); each step an edge labelled
 * with the credit's role ("director", "actor", ...) or the relation as
 * read along the path ("remake of", "remade as", ...).
 * Errors: FG_EINVAL (NULL, or a path that names nodes this graph lacks),
 * FG_EIO (fn failed). */
FG_EXTERN int fg_path_dot(const fg_graph *g, const fg_path *path, fg_write_fn fn, void *payload);

/* ------------------------------------------------------------------------ */
/* Loading and writing the native catalogue                                 */
/* ------------------------------------------------------------------------ */
/* A catalogue is a folder of UTF-8 TSV files, each with a header line:
 * films.tsv, people.tsv, credits.tsv, akas.tsv, relations.tsv (the columns
 * are listed in README.md). Every loader is a transaction: if it fails, the
 * graph is exactly as it was before the call. */

/* Where a failure (or a skipped row) was, filled by loaders and writers. */
typedef struct fg_error_info {
  unsigned int version; /* FG_ERROR_INFO_VERSION */
  int32_t status;       /* FG_OK or the failure's code */
  char file[512];       /* source name or path; "" when not about a file */
  uint64_t line;        /* 1-based; 0 when not about a line */
  uint64_t column;      /* 1-based, in characters; 0 when not known */
  char message[512];    /* the reason, without the location */
  uint64_t rows;        /* rows loaded (or written) by the call */
  uint64_t skipped;     /* rows skipped (lenient loading) */
} fg_error_info;
#define FG_ERROR_INFO_VERSION 1
#define FG_ERROR_INFO_INIT { FG_ERROR_INFO_VERSION, 0, "", 0, 0, "", 0, 0 }
FG_EXTERN int fg_error_info_init(fg_error_info *info, unsigned int version);

/* Read up to `capacity` bytes into `buf`, store how many in *nread; 0 bytes
 * means end of input. Return 0, or non-zero for a read error (the load then
 * fails with FG_EIO). */
typedef int (*fg_read_fn)(void *buf, size_t capacity, size_t *nread, void *payload);

/* Where a loader reads from: exactly one of `path`, `data` or `read`.
 * On Linux a `path` naming a regular file is read through a read-only
 * memory map (no copy; pages already read are given back as the load goes
 * on); anything else (a pipe, a device) is read as a stream, opened once.
 * As with any mapped file, if another process truncates the file during
 * the load, or the disk fails to read it, the process gets SIGBUS rather
 * than FG_EIO; and a file changed in place during the load may load
 * partly changed, even with text the loader did not get to check (rows
 * are checked a few rows before they are stored). A host that cannot rule
 * these out reads the file itself and passes `read` (or `data`). */
typedef struct fg_source {
  unsigned int version; /* FG_SOURCE_VERSION */
  const char *name;     /* used in messages; NULL: the path, or "<buffer>" / "<stream>" */
  const char *path;     /* a file to read */
  const void *data;     /* or `size` bytes in memory (borrowed for the call) */
  size_t size;
  fg_read_fn read;      /* or a read callback, */
  void *payload;        /* called with this payload */
} fg_source;
#define FG_SOURCE_VERSION 1
#define FG_SOURCE_INIT { FG_SOURCE_VERSION, NULL, NULL, NULL, 0, NULL, NULL }
FG_EXTERN int fg_source_init(fg_source *src, unsigned int version);

/* Called for each row skipped in lenient mode, with its location and reason;
 * `info` is borrowed for the call. */
typedef void (*fg_skip_fn)(const fg_error_info *info, void *payload);

#define FG_LOAD_LENIENT 0x1u /* skip (and count) bad rows instead of failing */

/* IMDb loaders: a row naming a title or person that is not loaded is
 * skipped and counted (reported to on_skip) even without FG_LOAD_LENIENT;
 * with this flag it fails the load instead. */
#define FG_LOAD_STRICT_REFS 0x2u

/* Called now and then during a load (about every million rows, and at the
 * end of each file) with the file's name, the bytes read and the rows
 * loaded from it so far. */
typedef void (*fg_progress_fn)(const char *file, uint64_t bytes, uint64_t rows, void *payload);

typedef struct fg_load_options {
  unsigned int version; /* FG_LOAD_OPTIONS_VERSION */
  uint32_t flags;       /* FG_LOAD_* */
  size_t max_line;      /* longest line accepted, bytes; 0: 1 MiB */
  size_t max_field;     /* longest field accepted, bytes; 0: 64 KiB */
  fg_skip_fn on_skip;   /* optional */
  void *skip_payload;
  fg_progress_fn on_progress; /* optional */
  void *progress_payload;
} fg_load_options;
#define FG_LOAD_OPTIONS_VERSION 1
#define FG_LOAD_OPTIONS_INIT { FG_LOAD_OPTIONS_VERSION, 0, 0, 0, NULL, NULL, NULL, NULL }
FG_EXTERN int fg_load_options_init(fg_load_options *opts, unsigned int version);

/* Load one catalogue table (enum fg_table) from `src`. Rows may refer only
 * to films and people already in the graph (load films and people first).
 * `opts` and `err` may be NULL. On failure `err` (if given) has the status,
 * file, line, column and reason, fg_errmsg() has "file:line:column: reason",
 * and the graph is unchanged. In lenient mode a bad row is skipped, counted
 * in err->skipped and reported to opts->on_skip; a wrong header, a read error
 * or running out of memory still fail the load. One exception: a films.tsv
 * `series` key may name a film further down, so it is resolved at the end
 * of the file; if it names no film (or the film itself), the lenient load
 * keeps the film without its series and counts the bad reference as
 * skipped (err->rows counts the film too).
 * Errors: FG_EINVAL (bad arguments), FG_EVERSION, FG_EIO (cannot open or
 * read), FG_EPARSE (malformed text), FG_EEXISTS (duplicate key),
 * FG_ENOTFOUND (unknown film or person key), FG_ELIMIT (line longer than
 * max_line, a field longer than max_field, or too many records), FG_ENOMEM.
 * A line over max_line fails even a lenient load (the reader stops there,
 * having buffered at most max_line bytes); a field over max_field is a bad
 * row, which a lenient load skips. */
FG_EXTERN int fg_graph_load_table(fg_graph *g, int table, const fg_source *src,
                                  const fg_load_options *opts, fg_error_info *err);

/* Load a catalogue folder: films.tsv (required), then whichever of
 * people.tsv, akas.tsv, credits.tsv and relations.tsv exist. Relations may
 * name films defined anywhere in the catalogue. All or nothing: on any
 * failure the graph is as before. Errors as fg_graph_load_table(). */
FG_EXTERN int fg_graph_load_catalog(fg_graph *g, const char *dir, const fg_load_options *opts,
                                    fg_error_info *err);

/* ------------------------------------------------------------------------ */
/* Loading IMDb's datasets                                                   */
/* ------------------------------------------------------------------------ */
/* IMDb's non-commercial datasets as published (decompressed): tab-separated,
 * one header line, \N for no value, comma-separated arrays, no quoting.
 * Each header must be exactly IMDb's; a wrong one is refused naming the
 * column. IMDb ids (tt..., nm...) become the films' and people's keys.
 *
 * - title.basics: films (titleType maps to enum fg_kind; a type IMDb adds
 *   later loads as FG_KIND_UNKNOWN; originalTitle is kept only when it
 *   differs from primaryTitle).
 * - name.basics: people (a \N name becomes the nconst; knownForTitles is
 *   not kept).
 * - title.akas: alternate titles (ordering and attributes are not kept).
 * - title.principals: credits; category maps to enum fg_role (an unknown
 *   category loads as FG_ROLE_OTHER with the category as job), ordering to
 *   billing, characters ["A","B"] to "A / B".
 * - title.crew: director and writer credits, except those already loaded
 *   (e.g. from title.principals) for the same film, person and role.
 * - title.episode: sets the episode's series, season and episode number.
 * - title.ratings: sets the film's rating and votes.
 *
 * Rows naming a title or person not loaded: see FG_LOAD_STRICT_REFS. For
 * title.crew each such credit is a skip of its own. */
enum fg_imdb_file {
  FG_IMDB_TITLE_BASICS = 0,
  FG_IMDB_NAME_BASICS,
  FG_IMDB_TITLE_AKAS,
  FG_IMDB_TITLE_PRINCIPALS,
  FG_IMDB_TITLE_CREW,
  FG_IMDB_TITLE_EPISODE,
  FG_IMDB_TITLE_RATINGS,
  FG_IMDB_FILE_COUNT_
};

/* The file name of an IMDb dataset ("title.basics.tsv"); NULL out of range. */
FG_EXTERN const char *fg_imdb_file_name(int file);

/* Load one IMDb file (enum fg_imdb_file) from `src`. Titles and people must
 * be loaded before the files that name them. All or nothing, like
 * fg_graph_load_table(); errors likewise. */
FG_EXTERN int fg_graph_load_imdb_file(fg_graph *g, int file, const fg_source *src,
                                      const fg_load_options *opts, fg_error_info *err);

/* Load an IMDb folder: whichever of the seven .tsv files are present, in the
 * order of enum fg_imdb_file, then a relations.tsv beside them in the native
 * catalogue format (IMDb publishes no movie connections; a relation naming
 * a title not loaded is skipped and counted like IMDb's own rows, see
 * FG_LOAD_STRICT_REFS). All or nothing.
 * The credits it adds are numbered by film (file order within a film), so
 * that the director and writer credits title.crew.tsv adds sit beside the
 * film's principals: a film's credits then have consecutive ids, which
 * makes the index smaller and walks faster.
 * FG_EIO if the folder holds none of the files. */
FG_EXTERN int fg_graph_load_imdb(fg_graph *g, const char *dir, const fg_load_options *opts,
                                 fg_error_info *err);


/* Write one table as catalogue TSV (header line, then every record in id
 * order, relations in their forward direction) through `fn`. Loading what it
 * writes gives the same graph, and writing that again the same bytes.
 * Errors: FG_EINVAL, FG_EIO (fn failed). */
FG_EXTERN int fg_graph_write_table(const fg_graph *g, int table, fg_write_fn fn, void *payload);

/* Write the whole graph as a catalogue into folder `dir` (created if
 * missing). All five tables are written beside the old files first and
 * only then renamed over them, so a failed write leaves the old catalogue
 * as it was. `err` may be NULL.
 * Errors: FG_EINVAL, FG_EVERSION, FG_EIO (with the file in err), FG_ENOMEM. */
FG_EXTERN int fg_graph_write_catalog(const fg_graph *g, const char *dir, fg_error_info *err);

#ifdef __cplusplus
}
#endif

#endif /* FILMGRAPH_H */

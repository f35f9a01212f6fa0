/* Internal declarations shared by the library's source files. Nothing here
 * is exported: only the fg_ functions of filmgraph.h are. Cross-file helpers
 * are named fg__*. */
#ifndef FG_INTERNAL_H
#define FG_INTERNAL_H

#include "filmgraph.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h> /* memcpy, for the inline helpers */

#if defined(__GNUC__)
#define FG__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define FG__PREFETCH(addr) __builtin_prefetch(addr)
#define FG__PREFETCH_WRITE(addr) __builtin_prefetch(addr, 1)
#else
#define FG__PRINTF(fmt, args)
#define FG__PREFETCH(addr) ((void)(addr))
#define FG__PREFETCH_WRITE(addr) ((void)(addr))
#endif

/* Largest number of records of one kind: ids are uint32 and FG_ID_NONE is
 * reserved. */
#define FG__MAX_RECORDS ((size_t)0xFFFFFFFEu)

/* ---- Allocation (alloc.c) ---------------------------------------------- */

typedef struct fg__alloc {
  fg_malloc_fn malloc_fn;
  fg_realloc_fn realloc_fn;
  fg_free_fn free_fn;
  void *ud;
  int libc; /* the functions are libc's own (no fg_graph_options hooks) */
} fg__alloc;

void *fg__malloc(const fg__alloc *a, size_t size);
void *fg__realloc(const fg__alloc *a, void *ptr, size_t size);
/* Grow (or make) an array that is read at random, such as the key arrays a
 * load looks every row up in, or the adjacency: like fg__realloc, but a
 * large array from libc's allocator on Linux is moved into memory aligned
 * to 2 MiB and advised to use huge pages, so that random lookups miss the
 * TLB far less (measured: the 12M-title principals file loads 15% faster;
 * the 12M adjacency build takes 128k page faults instead of 356k). Other
 * allocators, and small arrays, get fg__realloc. `old_size` bytes are kept;
 * the old block is freed. Freed with fg__free. */
void *fg__realloc_random(const fg__alloc *a, void *ptr, size_t old_size, size_t size);
/* Give the memory past the first `want` bytes of block ptr (of *size
 * bytes) back, where that cannot fail or copy: with libc's allocator
 * (realloc to a smaller size), not with hooks. Returns the block, which may
 * have moved, and sets *size to its size now; never NULL for a non-NULL ptr
 * (a refused shrink keeps the whole block). */
void *fg__shrink(const fg__alloc *a, void *ptr, size_t *size, size_t want);
void fg__free(const fg__alloc *a, void *ptr);
/* Make room for `need` elements of `elem` bytes in *ptr (capacity *cap,
 * in elements), growing geometrically. FG_OK, FG_ENOMEM or FG_ELIMIT
 * (size overflow). On failure *ptr and *cap are unchanged. */
int fg__reserve(const fg__alloc *a, void **ptr, size_t *cap, size_t need, size_t elem);

/* ---- Hashing (hash.c) -------------------------------------------------- */

uint32_t fg__hash_bytes(const void *data, size_t len);
/* A quick hash of s[0..len) (len >= 1) for small direct-mapped caches: its
 * first and last eight bytes and its length, one multiply. Strings that
 * differ only in the middle collide (the caller compares them anyway);
 * the full hash above multiplies every eight bytes and mixes at the end. */
static inline uint32_t fg__quick_hash(const char *s, size_t len) {
  uint64_t a, b;
  if (len >= 8) {
    memcpy(&a, s, 8);
    memcpy(&b, s + len - 8, 8);
  } else if (len >= 4) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + len - 4, 4);
    a = x, b = (uint64_t)y << 29;
  } else {
    a = (unsigned char)s[0] | (unsigned)(unsigned char)s[len / 2] << 8 |
        (unsigned)(unsigned char)s[len - 1] << 16;
    b = 0;
  }
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ len) * 0xFF51AFD7ED558CCDull;
  return (uint32_t)(h >> 32);
}

/* A slot of an open-addressing table with linear probing: a non-zero value
 * (0 = empty) and the hash it was placed by. Used by strpool and keymap. */
typedef struct fg__slot {
  uint32_t val;
  uint32_t hash;
} fg__slot;

/* Tables from a 32-bit id (a film, a node) to an index key their slots by
 * fg__mix32(id): a bijection, so equal hashes mean equal ids and a probe
 * never needs to look at what the slot points to. */
static inline uint32_t fg__mix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

/* In such a table (non-empty), the slot holding hash h, or the empty slot
 * where it would go. */
static inline size_t fg__id_slot(const fg__slot *slots, size_t nslots, uint32_t h) {
  size_t mask = nslots - 1, i = h & mask;
  while (slots[i].val && slots[i].hash != h)
    i = (i + 1) & mask;
  return i;
}

/* The string hashes' two halves (fg__hash_bytes, fg__fold_hash): one step
 * mixes eight bytes into h (FNV-1a style, with a shift to spread the high
 * bits down); the finish is murmur3's fmix64, folded to 32 bits. */
static inline uint64_t fg__hash_step(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0x100000001b3ull;
  return h ^ (h >> 29);
}
static inline uint32_t fg__hash_finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (uint32_t)(h ^ (h >> 32));
}

/* Grow *slots (a power of two in size, or none) so that `used` entries stay
 * under 3/4 full, rehashing the entries. On failure nothing changes. */
int fg__slots_reserve(const fg__alloc *a, fg__slot **slots, size_t *nslots, size_t used);
/* Delete slot i by shifting later entries back (no tombstones). */
void fg__slots_delete(fg__slot *slots, size_t nslots, size_t i);

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or code points
 * past U+10FFFF); else 0 and *bad_at (if not NULL) gets the offset of the
 * first byte of the bad sequence. */
int fg__utf8_valid(const char *s, size_t len, size_t *bad_at);
/* The 1-based character column of byte offset `at` in s. */
uint64_t fg__utf8_column(const char *s, size_t at);
/* Hash of the case-folded text (see fg_graph_search_films). */
uint32_t fg__fold_hash(const char *s, size_t len);
/* 1 if the two texts are equal after case folding. */
int fg__fold_equal(const char *a, size_t alen, const char *b, size_t blen);

/* ---- String storage (strpool.c) ------------------------------------------ */

/* Strings are stored NUL-terminated in one buffer; a string's handle is its
 * byte offset. Offset 0 is always "". How a string is stored: */
enum {
  FG__STR_EXACT = 0, /* interned: stored once, found again through a table */
  FG__STR_CACHED,    /* found again only if recently or often seen (a small
                        cache); else stored anew: for long free text in bulk
                        loads, where a table probe per string costs more than
                        the rare repeat saves */
  FG__STR_UNIQUE     /* known new (e.g. a key just checked): just stored */
};

#define FG__STRCACHE 4096 /* entries of the recent-strings cache */

/* The pool is a list of fixed-size chunks that never move once allocated,
 * so a string handed out stays where it is for the life of the graph. A
 * handle h lives in chunk h >> FG__STR_CHUNK_BITS; a string longer than a
 * chunk gets a run of consecutive chunk slots backed by one allocation. */
#define FG__STR_CHUNK_BITS 16
#define FG__STR_CHUNK ((size_t)1 << FG__STR_CHUNK_BITS)

typedef struct fg__strpool {
  char **chunks;     /* chunk i holds handles [i << BITS, (i + 1) << BITS) */
  uint64_t *ends;    /* by chunk: the handle where its allocation ends */
  uint8_t *owns;     /* by chunk: 1 if it starts its allocation (frees it) */
  size_t nchunks, cap_chunks;
  size_t len;        /* the next free handle */
  fg__slot *slots;   /* the intern table: val = handle */
  size_t nslots;
  size_t used;
  fg__slot vocab[FG__STRCACHE]; /* the same for interned strings (genres,
                                   jobs, regions: a few thousand values),
                                   apart, so that one-off titles cannot
                                   push them out (1M: title.basics 5%
                                   faster) */
  fg__slot cache[FG__STRCACHE]; /* recent strings by fg__quick_hash
                                   (val = handle, 0 = empty;
                                   hash to skip a mismatch without
                                   reading the string) */
} fg__strpool;

int fg__strpool_init(fg__strpool *p, const fg__alloc *a);
void fg__strpool_free(fg__strpool *p, const fg__alloc *a);
/* Store s[0..len) as `mode` says; *out gets its handle. s may hold NULs
 * (a compound "a\0b"): it is compared and stored by length. */
int fg__strpool_put(fg__strpool *p, const fg__alloc *a, const char *s, size_t len, int mode,
                    uint32_t *out);
/* 1 if the string at handle `off` is exactly s[0..len) (s need not end
 * with a NUL). */
int fg__strpool_equals(const fg__strpool *p, uint32_t off, const char *s, size_t len);
/* fg__strpool_put(..., FG__STR_EXACT, ...). */
int fg__strpool_intern(fg__strpool *p, const fg__alloc *a, const char *s, size_t len,
                       uint32_t *out);
/* Remove every string stored after the pool had `len` bytes. */
void fg__strpool_truncate(fg__strpool *p, const fg__alloc *a, size_t len);
static inline const char *fg__str(const fg__strpool *p, uint32_t off) {
  return p->chunks[off >> FG__STR_CHUNK_BITS] + (off & (FG__STR_CHUNK - 1));
}
/* The string after s in a "a\0b\0c" compound. */
static inline const char *fg__str_next(const char *s) {
  while (*s)
    s++;
  return s + 1;
}

/* ---- Key maps (keymap.c) ------------------------------------------------ */

/* Maps a record's key string to its id. Records are found through `base`
 * and `stride`: the key handle is the first uint32_t of each record. */
typedef struct fg__keymap {
  fg__slot *slots; /* val = id + 1 */
  size_t nslots, used;
} fg__keymap;

void fg__keymap_free(fg__keymap *m, const fg__alloc *a);
/* The id with that key, or FG_ID_NONE. */
fg_id fg__keymap_find(const fg__keymap *m, const fg__strpool *p, const void *base,
                      size_t stride, const char *key, size_t len);
/* Make room for `count` more entries (may rehash). */
int fg__keymap_reserve(fg__keymap *m, const fg__alloc *a, size_t count);
/* Insert an id whose key is not yet in the map; room must be reserved. */
void fg__keymap_insert(fg__keymap *m, uint32_t hash, fg_id id);
/* Remove the entry of id if it is there (its record still in place). */
void fg__keymap_remove(fg__keymap *m, const fg__strpool *p, const void *base, size_t stride,
                       fg_id id);

/* ---- Keys of films and people (keys.c) ----------------------------------
 * IMDb-style keys ("tt0123456", "nm0000001": two letters, then 7 digits
 * zero-padded or more without a leading zero) live in an array from their
 * number to the id, one memory access a lookup and 4 bytes a number; any
 * other key, or a number too large for the array to stay dense, lives in
 * the hash map. */
typedef struct fg__keys {
  fg__keymap map;
  uint32_t *nums; /* number -> id + 1; 0 = none */
  size_t cap;
  int partial;    /* some IMDb-style key is in the map */
} fg__keys;

/* ---- Records ------------------------------------------------------------ */

/* Each record's first field is its key (films, people): keymap relies on
 * it. String fields are strpool handles. */
typedef struct fg__film {
  uint32_t key, title, original_title, countries, languages, genres, source, subject;
  int32_t runtime;
  uint32_t votes;
  uint32_t series; /* FG_ID_NONE if none */
  uint32_t episode;
  uint16_t season;
  uint16_t origin;
  int16_t year, end_year;
  uint8_t kind;
  uint8_t rating; /* x 10 */
  uint8_t is_adult;
} fg__film;

typedef struct fg__person {
  uint32_t key, name, professions;
  int16_t birth_year, death_year;
} fg__person;

/* A credit's job and characters share one string (16 bytes a credit):
 * `text` is the job, or the characters, or (rarely) both stored as
 * "job\0characters", as `has` says. */
enum { FG__HAS_JOB = 1, FG__HAS_CHARACTERS = 2 };
typedef struct fg__credit {
  uint32_t film, person, text;
  uint16_t billing;
  uint8_t role;
  uint8_t has;
} fg__credit;

typedef struct fg__relation {
  uint32_t from, to, note;
  uint8_t type, flags;
} fg__relation;

/* An AKA's region, language and types share one interned string
 * "region\0language\0types" (0 when all three are empty). */
typedef struct fg__aka {
  uint32_t film, title, meta;
  uint8_t is_original;
} fg__aka;

/* A (folded hash, owner id) pair of the title and name search tables. */
typedef struct fg__namekey {
  uint32_t hash;
  uint32_t id;
} fg__namekey;

/* Adjacency (CSR) and search tables, built from the records in O(V+E) and
 * valid while the record counts are those it was built for (records are
 * append-only, so equal counts mean equal contents). The adjacency is built
 * on first use (any traversal or lookup); the search tables on the first
 * search (or by fg_graph_freeze). */
/* Item k of a CSR row: the items array, or k itself when the records were
 * already grouped by owner (then the array is left out: NULL). */
#define FG__CSR_ITEM(items, k) ((items) ? (items)[k] : (uint32_t)(k))

typedef struct fg__index {
  size_t n[FG_TABLE_COUNT_];
  uint32_t *film_credit_start, *film_credit; /* credits by film (see FG__CSR_ITEM) */
  /* By person, each entry a credit in credit id order: its film and its
   * role. The credit's id is not kept (4 bytes a credit): where one is
   * needed, fg__credit_find finds it among the film's credits. */
  uint32_t *person_credit_start;
  uint32_t *person_film;
  uint8_t *person_role;
  size_t person_role_bytes; /* allocated: see build_person_adjacency */
  /* Relations: few films have any, so a film's row is found through a bit
   * per film and a running count per 64 films (rank), not an array over
   * all films. Rows: out-going by `from`, in-coming by `to`. */
  uint64_t *rel_bits;
  uint32_t *rel_rank;
  uint32_t *rel_out_start, *rel_out; /* by row */
  uint32_t *rel_in_start, *rel_in;
  int has_akas;              /* the AKA rows are built (see fg__akas_get) */
  uint32_t *aka_start, *aka; /* AKAs by film; see FG__CSR_ITEM */
  int has_search;            /* the two tables below are built */
  fg__namekey *titles; /* sorted by hash, then id */
  size_t n_titles;
  fg__namekey *names;
  size_t n_names;
} fg__index;

/* A run of relation ids: items[begin .. end). */
typedef struct fg__range {
  const uint32_t *items;
  uint32_t begin, end;
} fg__range;

#if defined(__GNUC__)
#define FG__POPCOUNT64(x) ((uint32_t)__builtin_popcountll(x))
#else
static inline uint32_t FG__POPCOUNT64(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return (uint32_t)((x * 0x0101010101010101ull) >> 56);
}
#endif

/* Does entry k of the by-person credits pass role mask `roles`? `all`
 * says the mask takes every role: then the role array need not be read,
 * the film (person_film) is all a walk needs. */
static inline int fg__all_roles(uint32_t roles) {
  uint32_t all = (1u << FG_ROLE_COUNT_) - 1;
  return (roles & all) == all;
}
static inline int fg__person_entry_ok(const fg__index *ix, uint32_t k, uint32_t roles, int all) {
  return all || (roles & FG_ROLE_MASK(ix->person_role[k]));
}

/* Eight bytes at a time (SWAR), on little-endian GCC and Clang: the high
 * bit of each byte of w that is zero, exact for the lowest such byte (a
 * borrow can flag bytes above a zero byte, never below it). Enough to ask
 * whether a word holds a byte, and where the first one is. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FG__SWAR 1
#define FG__BYTES(c) (0x0101010101010101ull * (unsigned char)(c))
static inline uint64_t fg__zero_bytes(uint64_t w) {
  return (w - FG__BYTES(1)) & ~w & FG__BYTES(0x80);
}
#endif

/* The number of trailing zero bits of x (x != 0). */
#if defined(__GNUC__)
#define FG__CTZ64(x) ((uint32_t)__builtin_ctzll(x))
#else
static inline uint32_t FG__CTZ64(uint64_t x) {
  uint32_t n = 0;
  while (!(x & 1)) {
    x >>= 1;
    n++;
  }
  return n;
}
#endif

/* The relations leaving film f (dir 0: by `from`) or reaching it (dir 1:
 * by `to`). O(1). */
static inline fg__range fg__rels(const fg__index *ix, uint32_t f, int dir) {
  fg__range r = {NULL, 0, 0};
  uint64_t word = ix->rel_bits[f / 64], bit = 1ull << (f % 64);
  if (!(word & bit))
    return r;
  uint32_t row = ix->rel_rank[f / 64] + FG__POPCOUNT64(word & (bit - 1));
  const uint32_t *start = dir ? ix->rel_in_start : ix->rel_out_start;
  r.items = dir ? ix->rel_in : ix->rel_out;
  r.begin = start[row];
  r.end = start[row + 1];
  return r;
}

/* The old rating and episode fields of a film a load changed. */
typedef struct fg__undo {
  uint32_t film;
  uint32_t votes, series, episode;
  uint16_t season;
  uint8_t rating;
} fg__undo;

struct fg_graph {
  fg__alloc alloc;
  fg__strpool strings;
  fg__film *films;
  fg__person *people;
  fg__credit *credits;
  fg__relation *relations;
  fg__aka *akas;
  size_t n[FG_TABLE_COUNT_];
  size_t cap[FG_TABLE_COUNT_];
  fg__keys film_keys, person_keys;
  fg__index *index; /* NULL until built; see fg__index_get */
  fg__undo *undo; /* old values of films a load changed */
  size_t n_undo, cap_undo;
  size_t txn_films; /* films that existed when the current load began */
  size_t credits_sorted; /* credits [0, credits_sorted) are in film order
                            (kept up on each append, so that the IMDb
                            loader need not scan them to know) */
  char errmsg[1024];
  char saved_errmsg[1024]; /* errmsg when the current load began */
};

/* ---- Graph internals (graph.c) ------------------------------------------ */

/* The parts of compound strings. */
const char *fg__credit_job(const fg_graph *g, const fg__credit *c);
const char *fg__credit_characters(const fg_graph *g, const fg__credit *c);
/* part 0: region, 1: language, 2: types. */
const char *fg__aka_meta(const fg_graph *g, const fg__aka *a, int part);

/* A point to roll a graph back to: its record counts, string bytes and
 * undo log length. */
typedef struct fg__mark {
  size_t n[FG_TABLE_COUNT_];
  size_t strings;
  size_t undo;
} fg__mark;

/* A string with its length: it need not end with a NUL (a loader's field
 * inside its line). */
typedef struct fg__text {
  const char *p;
  size_t len;
} fg__text;

/* Validated appends, shared by fg_graph_add_* and the loaders (whose text
 * is already checked): strings must be valid UTF-8 and values in range.
 * They still refuse a duplicate key (FG_EEXISTS) and set g->errmsg. `bulk`
 * stores free text through the recent-strings cache rather than the intern
 * table (FG__STR_CACHED). */
int fg__append_film(fg_graph *g, const fg_film *f, int bulk, fg_id *out_id);
int fg__append_person(fg_graph *g, const fg_person *p, int bulk, fg_id *out_id);
int fg__append_credit(fg_graph *g, const fg_credit *c, int bulk, fg_id *out_id);
int fg__append_aka(fg_graph *g, const fg_aka *a, int bulk, fg_id *out_id);

/* The strings of a record as fg__text, for loaders that have them inside
 * their lines: the appends above take them from the record instead. The
 * record's own string fields are then not read. Films: key, title,
 * original_title, countries, languages, genres, source, subject. People:
 * key, name, professions. Credits: job, characters. AKAs: title, region,
 * language, types. */
enum { FG__FILM_TEXTS = 8, FG__PERSON_TEXTS = 3, FG__CREDIT_TEXTS = 2, FG__AKA_TEXTS = 4 };
int fg__append_film_texts(fg_graph *g, const fg_film *f, const fg__text *t, int bulk,
                          fg_id *out_id);
int fg__append_person_texts(fg_graph *g, const fg_person *p, const fg__text *t, int bulk,
                            fg_id *out_id);
int fg__append_credit_texts(fg_graph *g, const fg_credit *c, const fg__text *t, int bulk,
                            fg_id *out_id);
/* meta_known, if not NULL, is the handle of t[1..3] already stored as
 * the AKA's compound (region\0language\0types, see fg__aka): they are
 * then not read. */
int fg__append_aka_texts(fg_graph *g, const fg_aka *a, const fg__text *t,
                         const uint32_t *meta_known, int bulk, fg_id *out_id);

/* Keys of FG_TABLE_FILMS or FG_TABLE_PEOPLE. */
/* The id with that key, or FG_ID_NONE. */
fg_id fg__keys_find(const fg_graph *g, int table, const char *key, size_t len);
/* Where fg__keys_reserve found a new key goes, for fg__keys_insert: the
 * key is parsed once. */
typedef struct fg__keyslot {
  uint32_t num;
  int in_array; /* by number in the array (else in the map) */
} fg__keyslot;
/* Make room to add the key (call before adding the record, so that the add
 * cannot fail after it): FG_EEXISTS if it is there already (nothing set),
 * FG_ENOMEM, FG_ELIMIT. */
int fg__keys_reserve(fg_graph *g, int table, const char *key, size_t len, fg__keyslot *slot);
/* Add the key of record id (room reserved, slot from fg__keys_reserve). */
void fg__keys_insert(fg_graph *g, int table, const fg__keyslot *slot, const char *key,
                     size_t len, fg_id id);
/* Remove the keys of records [first, end) (still in place). */
void fg__keys_remove_from(fg_graph *g, int table, fg_id first, fg_id end);
void fg__keys_free(fg__keys *k, const fg__alloc *a);
/* If s[0..len) is an IMDb-style key with prefix p0 p1, its number. */
int fg__keys_number(const char *s, size_t len, char p0, char p1, uint32_t *out);

/* Set fields of an existing film. A film that existed before the current
 * load is logged first, so a rollback restores it. FG_ENOMEM if the log
 * cannot grow (nothing changed then). */
int fg__film_set_rating(fg_graph *g, fg_id film, int32_t rating, uint32_t votes);
int fg__film_set_episode(fg_graph *g, fg_id film, fg_id series, int32_t season, int32_t episode);

void fg__mark_take(const fg_graph *g, fg__mark *m);
/* Undo every record and string added since the mark; never fails. */
void fg__rollback(fg_graph *g, const fg__mark *m);

#define FG__TRY(expr)                                                         \
  do {                                                                        \
    int rc_ = (expr);                                                         \
    if (rc_)                                                                  \
      return rc_;                                                             \
  } while (0)

/* Set g->errmsg and return status. */
int fg__seterr(fg_graph *g, int status, const char *fmt, ...) FG__PRINTF(3, 4);


/* ---- Index (index.c) ---------------------------------------------------- */

/* The graph's index, built now if missing or stale (which mutates the graph
 * behind a const pointer: see Threads in filmgraph.h). NULL + *status on
 * failure. */
const fg__index *fg__index_get(const fg_graph *g, int *status);
/* The index with its AKA rows, built now if missing (as above). */
const fg__index *fg__akas_get(const fg_graph *g, int *status);
/* The index with its AKA rows and search tables, built now if missing (as
 * above). */
const fg__index *fg__search_get(const fg_graph *g, int *status);
void fg__index_free(const fg__alloc *a, fg__index *ix);
int fg__index_valid(const fg_graph *g);
/* Bytes of the adjacency, and of the search tables with the AKA rows. */
size_t fg__index_adjacency_bytes(const fg__index *ix);
size_t fg__index_search_bytes(const fg__index *ix);
/* The first credit of `person` on `film` (in credit id order) whose role is
 * in role_mask, or FG_ID_NONE. A search that reaches a film from a person
 * takes the first entry of the person's row for that film that the mask
 * passes, which is this credit (rows are in credit id order). Costs the
 * film's number of credits. */
uint32_t fg__credit_find(const fg_graph *g, const fg__index *ix, uint32_t film, uint32_t person,
                         uint32_t role_mask);

/* ---- Results (result.c) -------------------------------------------------- */

struct fg_idlist {
  fg__alloc alloc;
  uint32_t *ids;
  uint32_t *weights; /* NULL, or one per id */
  size_t count, cap;
};

fg_idlist *fg__idlist_new(const fg__alloc *a);
int fg__idlist_push(fg_idlist *l, uint32_t id);

struct fg_family {
  fg__alloc alloc;
  fg_family_node *nodes;
  size_t count;
  uint32_t flags;
};

/* ---- Errors (error.c) --------------------------------------------------- */

/* Fill `info` (if not NULL): status, location and message. */
void fg__info_set(fg_error_info *info, int status, const char *file, uint64_t line,
                  uint64_t column, const char *fmt, ...) FG__PRINTF(6, 7);
void fg__vformat(char *buf, size_t cap, const char *fmt, va_list ap);
int fg__check_info(const fg_error_info *info);

/* ---- Line reader (reader.c) ---------------------------------------------- */

/* Reads lines from a path, a buffer or a callback, in bounded memory: a line
 * longer than max_line bytes is refused (FG_ELIMIT). */
typedef struct fg__reader {
  const fg__alloc *a;
  const char *name; /* for messages */
  void *fp;         /* FILE * when reading a path */
  const char *data; /* buffer source (or the mapped file) */
  size_t size;
  void *map;        /* a path source's file, mapped (see reader.c) */
  size_t dropped;   /* bytes of the map already given back */
  size_t drop_at;   /* give back more once beg reaches this (SIZE_MAX: never) */
  fg_read_fn fn;
  void *payload;
  char *buf; /* file and callback sources: unconsumed bytes are [beg, end) */
  size_t cap, beg, end;
  size_t max_line;
  uint64_t consumed; /* bytes before buf[beg] (or data[beg]) */
  uint64_t line;     /* number of the last line returned */
  int eof;
} fg__reader;

/* Open `src`; on failure fills err and returns FG_EIO / FG_EINVAL /
 * FG_ENOMEM. */
int fg__reader_open(fg__reader *r, const fg__alloc *a, const fg_source *src, size_t max_line,
                    fg_error_info *err);
/* The next line without its '\n': FG_OK, or 1 at the end of input, or a
 * failure (err filled). *terminated is 0 for a last line with no newline. */
int fg__reader_next(fg__reader *r, const char **line, size_t *len, int *terminated,
                    fg_error_info *err);
void fg__reader_close(fg__reader *r);
/* The bytes already read past the last line returned (for a look ahead);
 * valid until the next fg__reader_next. Inline, as the next one: the row
 * splitter calls them for every line. */
static inline const char *fg__reader_ahead(const fg__reader *r, size_t *len) {
  if (r->data) {
    *len = r->size - r->beg;
    return r->data + r->beg;
  }
  *len = r->end - r->beg;
  return r->buf ? r->buf + r->beg : "";
}
/* A mapped file's pages below the next line are given back once 8 MB
 * more of it have been read (reader.c: fg__reader_drop does it). */
#define FG__MAP_DROP ((size_t)8 << 20)
void fg__reader_drop(fg__reader *r);
static inline void fg__reader_maybe_drop(fg__reader *r) {
  if (r->beg >= r->drop_at)
    fg__reader_drop(r);
}
/* Take the next len + 1 bytes (a line of len bytes and its newline, all
 * among those fg__reader_ahead gives) as the next line returned. */
static inline void fg__reader_skip_line(fg__reader *r, size_t len) {
  fg__reader_maybe_drop(r);
  r->beg += len + 1;
  r->consumed += len + 1;
  r->line++;
}

/* ---- Row loading (load.c) -------------------------------------------------
 * The machinery every tabular loader shares: a header naming the columns,
 * then one record per line; errors located by line and column; lenient
 * skipping; and the all-or-nothing transaction around a load. */

#define FG__MAX_COLS 24
/* The position of a column the header left out: an always-empty field at
 * the end of every row's field array (the splitter stores at most
 * FG__MAX_COLS + 1 fields), so that reading a field needs no test. */
#define FG__ABSENT (FG__MAX_COLS + 1)

/* A table's columns. A header starts with the `required` leading columns in
 * order; any of the others may follow, in any order (for a fixed shape,
 * required = ncols). */
typedef struct fg__table_spec {
  const char *file;
  int required;
  int ncols;
  const char *cols[FG__MAX_COLS];
} fg__table_spec;

typedef struct fg__field {
  const char *p;
  size_t len, off; /* off: byte offset in the line */
} fg__field;

/* A line split ahead of the row being loaded (see fg__loader.ahead). */
typedef struct fg__split_row {
  const char *line;
  size_t len;
  int nf;
  int check; /* a NUL, a CR or invalid UTF-8: split() again says where */
  fg__field f[FG__MAX_COLS + 2]; /* the last one is FG__ABSENT's */
} fg__split_row;

typedef struct fg__loader fg__loader;
typedef int (*fg__row_fn)(fg__loader *ld);
/* Called for each line as it is split, FG__SPLIT_AHEAD rows before it is
 * loaded: to start fetching what its row will look up (a hint only). */
typedef void (*fg__ahead_fn)(const fg__loader *ld, const fg__split_row *r);

/* Lines split ahead of the row being loaded (when the loader has a
 * prefetch hook), and the ring that holds them with the current row's (a
 * power of two). Three rows ahead, title.principals loads in 0.75 s at 1M
 * titles against 0.86 s fetching from a scan of the next 128 bytes. */
#define FG__SPLIT_AHEAD 3
#define FG__SPLIT_RING 4

struct fg__loader {
  fg_graph *g;
  const fg__table_spec *spec;
  fg__row_fn row;      /* turns the current row into records */
  void *ctx;           /* the format's own state */
  int null_token;      /* 1: IMDb's \\N also means "no value" (as "" does) */
  fg__reader rd;
  const fg_load_options *opts;
  fg_error_info *info; /* never NULL inside a load */
  const char *line;
  size_t len;
  uint64_t line_no;       /* of the current row, for messages */
  fg__field *f;           /* its fields (in one of ahead[]) */
  int nf;                 /* fields in the row (stored up to FG__MAX_COLS + 1) */
  int ncols;              /* columns in the header */
  int pos[FG__MAX_COLS];  /* header position of each spec column, or FG__ABSENT */
  char *scratch;          /* per-row room for NUL-terminated field copies */
  size_t scratch_cap, scratch_used;
  uint64_t rows, skipped;
  int skip_dangling; /* see fg__catalog_load_rows */
  size_t max_field;   /* opts->max_field or its default */
  int field_too_long; /* the current row failed on max_field (a row error) */
  /* The 64-byte block of the reader's buffer being split (NULL if none:
   * the next row starts a block), and its masks from the cursor on:
   * tabs and newlines, newlines, NUL and CR bytes, bytes >= 0x80. */
  const char *blk;
  uint64_t blk_sep, blk_nl, blk_bad, blk_high;
  /* While the buffer holds whole lines, the lines up to FG__SPLIT_AHEAD
   * rows below the current one are split already (a ring of
   * ahead_count from ahead_first), and `prefetch` has seen them. */
  fg__split_row ahead[FG__SPLIT_RING];
  unsigned ahead_first, ahead_count;
  fg__ahead_fn prefetch; /* optional */
};

/* Fill ld->info for the current line at byte `off`; returns status. */
int fg__ld_fail(fg__loader *ld, int status, size_t off, const char *fmt, ...) FG__PRINTF(4, 5);
/* Quote a field for a message: at most 60 bytes, cut at a character
 * boundary; buf must hold 64 bytes. */
const char *fg__ld_shown(const fg__field *f, char *buf);
/* Field of spec column `col` in the current row ("" if the header lacks
 * it). Inline, with the test below: rows call them for every field. A row
 * function only runs on a row with as many fields as the header, so every
 * position is in the row (or FG__ABSENT's empty field). */
static inline const fg__field *fg__ld_field(const fg__loader *ld, int col) {
  return &ld->f[ld->pos[col]];
}
/* 1 if the field is empty, or \N where that is the null token. */
static inline int fg__ld_is_null(const fg__loader *ld, const fg__field *f) {
  return f->len == 0 || (f->len == 2 && ld->null_token && f->p[0] == '\\' && f->p[1] == 'N');
}
/* Room for `n` more bytes of scratch in this row; NULL if out of memory. */
char *fg__ld_scratch(fg__loader *ld, size_t n);
/* A decimal number in [min, max]; null gives 0. Inline for the usual
 * field, a few digits in range; anything else (null, errors) goes to
 * fg__ld_number_checked. */
int fg__ld_number_checked(fg__loader *ld, int col, long min, long max, int32_t *out);
static inline int fg__ld_number(fg__loader *ld, int col, long min, long max, int32_t *out) {
  const fg__field *f = fg__ld_field(ld, col);
  if (fg__ld_is_null(ld, f)) { /* (IMDb's many \N years) */
    *out = 0;
    return FG_OK;
  }
  if (f->len && f->len <= 9) {
    uint32_t v = 0;
    size_t k = 0;
    for (; k < f->len; k++) {
      unsigned d = (unsigned)(unsigned char)f->p[k] - '0';
      if (d > 9)
        break;
      v = v * 10 + d;
    }
    if (k == f->len && (long)v >= min && (long)v <= max) {
      *out = (int32_t)v;
      return FG_OK;
    }
  }
  return fg__ld_number_checked(ld, col, min, max, out);
}
/* Count the row described by ld->info as skipped and pass it to on_skip. */
void fg__ld_skip(fg__loader *ld);
/* What a row function returns when it skipped the row itself (after
 * fg__ld_skip): not an error, not a loaded row. */
#define FG__ROW_SKIPPED 1
#define FG__DEFAULT_MAX_FIELD ((size_t)64 * 1024)
/* A rating "7.3" (1.0 to 10.0, at most one decimal) as tenths; null gives 0. */
int fg__ld_rating(fg__loader *ld, int col, int32_t *out);
/* Load rows of a native catalogue table (catalog.c), for loaders that take
 * a relations.tsv beside their own files. No transaction. With
 * skip_dangling, a row naming an unknown film is skipped and counted unless
 * FG_LOAD_STRICT_REFS. */
int fg__catalog_load_rows(fg_graph *g, int table, const fg_source *src,
                          const fg_load_options *opts, fg_error_info *info, int skip_dangling);
/* Run a load of one table: read the header and every row through ld->row
 * (set g, spec, row, ctx, null, opts and info first). Counts rows and
 * skips into ld->info. No rollback: the caller owns the transaction. */
int fg__ld_run(fg__loader *ld, const fg_source *src);
/* Start a load transaction: checks arguments, resets *info (the caller's
 * err, or `local` when err is NULL) and takes the mark. */
int fg__ld_begin(fg_graph *g, const fg_load_options *opts, fg_error_info *err,
                 fg_error_info *local, fg_error_info **info, fg__mark *mark);
/* End it: on failure roll back to the mark and set the graph's message
 * from info. (The indexes are left to the first query or freeze.) */
int fg__ld_finish(fg_graph *g, const fg__mark *mark, int rc, fg_error_info *info);
/* "dir/file", allocated; NULL if out of memory. */
char *fg__join_path(const fg__alloc *a, const char *dir, const char *file);
/* For folder loaders: *path gets "dir/file" (free it with the graph's
 * allocator), or NULL when the file does not exist and `optional`. */
int fg__ld_path_in(fg_graph *g, const char *dir, const char *file, int optional,
                   fg_error_info *info, char **path);
/* Refuse a call's arguments: status and message into info and the graph. */
int fg__ld_reject(fg_graph *g, fg_error_info *info, int status, const char *message);
/* Names joined for messages: "a, b, c", from name(first) to name(count-1). */
void fg__list_names(char *buf, size_t cap, const char *(*name)(int), int first, int count);

/* ---- Vocabulary (vocab.c) ------------------------------------------------ */

/* Parse a comma-separated list of origin names; FG_EPARSE with *bad_at set
 * to the offset of the bad item. "" gives 0. */
int fg__origins_parse(const char *s, size_t len, uint32_t *out, size_t *bad_at);
/* Write the origin bits as a comma list into buf (NUL-terminated); returns
 * the length. buf must hold 128 bytes. */
size_t fg__origins_format(uint32_t origin, char *buf);
/* Like fg_*_from_name but for a length-delimited name. */
int fg__kind_parse(const char *s, size_t len, int *out);
int fg__role_parse(const char *s, size_t len, int *out);
int fg__relation_parse(const char *s, size_t len, int *out, int *reversed);
int fg__flags_parse(const char *s, size_t len, uint32_t *out, size_t *bad_at);
size_t fg__flags_format(uint32_t flags, char *buf);

#endif

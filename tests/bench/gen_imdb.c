/* gen_imdb: a deterministic generator of IMDb-shaped TSV files for benchmarks
 * and large tests.
 *
 *   gen_imdb [--seed S] [--titles N] OUTDIR        (defaults: seed 1, N 1000)
 *
 * Writes into OUTDIR (created if missing) the seven IMDb datasets
 * (title.basics, title.akas, title.crew, title.principals, name.basics,
 * title.episode, title.ratings) with IMDb's headers, plus filmgraph's own
 * relations.tsv (remake families and a few sequel chains). Prints one line
 * per file (rows without the header, bytes) and the total on stderr.
 *
 * Determinism: the same N and seed give byte-identical files on any machine.
 * Every row draws from its own splitmix64 stream keyed by (seed, purpose,
 * row), so a value needed by several files (a title's type, year, titles) is
 * recomputed rather than stored. No rand(), clock, locale or libm: the only
 * floating point is IEEE products and quotients (power-law draws), one
 * operation per assignment so that no excess precision or contraction can
 * change a result.
 *
 * Scale: rows are streamed through 1 MiB buffers; memory is 6 bytes per
 * person (1.3 N people) plus a few bytes per series and per remake
 * candidate, so N = 12,000,000 needs about 100 MB.
 *
 * The data is synthetic (made-up words, names and numbers) with the shapes
 * and quirks listed in IMDB.md: sparse 7- and 8-digit ids, raw and unbalanced
 * double quotes, commas in scalar fields, JSON-ish characters, orderings out
 * of numeric order, several isOriginalTitle = 1, all-null AKA rows, non-ISO
 * regions, `\N` names. Every id a row refers to exists in the files.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdir */
#endif
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- Small helpers ----------------------------------------------------- */

static void die(const char *what, const char *detail) {
  fprintf(stderr, "gen_imdb: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    die("out of memory", NULL);
  return p;
}

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    die("out of memory", NULL);
  return p;
}

/* ---- Randomness: splitmix64 streams keyed by (seed, purpose, index) ---- */

enum stream {
  S_TYPE = 1,
  S_YEAR,
  S_TITLE,
  S_BASICS,
  S_AKAS,
  S_PRIN,
  S_CREW,
  S_EPISODE,
  S_RATING,
  S_PARENT,
  S_SERIES,
  S_REGULAR,
  S_CHARACTER,
  S_PERSON,
  S_GENDER,
  S_RELATION,
  S_TID,
  S_NID,
  S_SELF,
  S_GENRE,
  S_ADULT,
  S_ORIGIN
};

typedef struct rng {
  uint64_t s;
} rng;

static uint64_t g_key;

static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* index < 2^40; distinct (stream, index) pairs give distinct streams. */
static rng rng_at(unsigned stream, uint64_t index) {
  rng r;
  r.s = g_key ^ mix64(((uint64_t)stream << 40) ^ index);
  return r;
}

static uint64_t next64(rng *r) {
  r->s += UINT64_C(0x9e3779b97f4a7c15);
  return mix64(r->s);
}

static uint32_t next32(rng *r) { return (uint32_t)(next64(r) >> 32); }

/* Uniform in [0, n) (multiply-shift; the bias is below 2^-32 * n). */
static uint32_t below(rng *r, uint32_t n) { return (uint32_t)(((uint64_t)next32(r) * n) >> 32); }

static uint32_t range(rng *r, uint32_t lo, uint32_t hi) { return lo + below(r, hi - lo + 1); }

/* True with probability ppm / 1,000,000. */
static int chance(rng *r, uint32_t ppm) { return below(r, 1000000) < ppm; }

static uint32_t hash32(unsigned stream, uint64_t index) {
  rng r = rng_at(stream, index);
  return next32(&r);
}

/* Index of a weighted choice; total = sum of w. */
static int wpick(rng *r, const uint32_t *w, int n, uint32_t total) {
  uint32_t x = below(r, total);
  for (int i = 0; i < n; i++) {
    if (x < w[i])
      return i;
    x -= w[i];
  }
  return n - 1;
}

static uint32_t wsum(const uint32_t *w, int n) {
  uint32_t t = 0;
  for (int i = 0; i < n; i++)
    t += w[i];
  return t;
}

/* ---- Power laws without libm -------------------------------------------
 * base^u for u = x / 2^32, as the product of three table entries. The tables
 * come from repeated square roots (Newton steps: + and / only) and products,
 * all exactly reproducible IEEE operations. */

typedef struct powtab {
  double a[2048], b[2048], c[1024];
} powtab;

static double dsqrt(double x) {
  double y = x > 1.0 ? x : 1.0;
  for (int k = 0; k < 200; k++) {
    double q = x / y;
    double sum = y + q;
    double z = 0.5 * sum;
    if (z >= y)
      break;
    y = z;
  }
  return y;
}

static void powtab_fill(double *tab, int bits, const double *root) {
  for (uint32_t i = 0; i < (1u << bits); i++) {
    double v = 1.0;
    for (int k = 0; k < bits; k++)
      if ((i >> (bits - 1 - k)) & 1u)
        v *= root[k];
    tab[i] = v;
  }
}

static void powtab_init(powtab *t, double base) {
  double root[32]; /* root[j] = base^(2^-(j+1)) */
  root[0] = dsqrt(base);
  for (int j = 1; j < 32; j++)
    root[j] = dsqrt(root[j - 1]);
  powtab_fill(t->a, 11, root);
  powtab_fill(t->b, 11, root + 11);
  powtab_fill(t->c, 10, root + 22);
}

static double powtab_get(const powtab *t, uint32_t u) {
  double ab = t->a[u >> 21] * t->b[(u >> 10) & 2047u];
  double abc = ab * t->c[u & 1023u];
  return abc;
}

/* Zipf-Mandelbrot over ranks [0, m): P(k) ~ 1 / (k + q), by inversion of the
 * continuous law: k = q * ((m + q) / q)^u - q. */
typedef struct zipf {
  powtab t;
  uint32_t m, q;
} zipf;

static void zipf_init(zipf *z, uint32_t m, uint32_t q) {
  z->m = m;
  z->q = q;
  powtab_init(&z->t, ((double)m + (double)q) / (double)q);
}

static uint32_t zipf_pick(const zipf *z, rng *r) {
  double p = powtab_get(&z->t, next32(r));
  double x = (double)z->q * p;
  uint64_t k = (uint64_t)x;
  k = k > z->q ? k - z->q : 0;
  return k < z->m ? (uint32_t)k : z->m - 1;
}

static powtab g_pow10; /* 10^u for votes */

/* ---- Output: one buffer per file, rows written in place ---------------- */

#define OUT_CAP (1u << 20)
#define OUT_SLACK (1u << 16) /* every row is far shorter than this */

typedef struct out {
  FILE *fp;
  const char *name;
  char *buf;
  size_t len;
  uint64_t rows, bytes;
} out;

static void out_flush(out *o) {
  if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len)
    die("write failed", o->name);
  o->bytes += o->len;
  o->len = 0;
}

static void out_open(out *o, const char *dir, const char *name, const char *header) {
  size_t dl = strlen(dir), nl = strlen(name);
  char *path = xmalloc(dl + nl + 2);
  memcpy(path, dir, dl);
  path[dl] = '/';
  memcpy(path + dl + 1, name, nl + 1);
  o->fp = fopen(path, "wb");
  if (!o->fp) {
    fprintf(stderr, "gen_imdb: cannot create %s: %s\n", path, strerror(errno));
    exit(1);
  }
  free(path);
  setvbuf(o->fp, NULL, _IONBF, 0); /* our own buffer does the batching */
  o->name = name;
  o->buf = xmalloc(OUT_CAP + OUT_SLACK);
  o->len = strlen(header);
  memcpy(o->buf, header, o->len);
  o->rows = o->bytes = 0;
}

static void out_close(out *o) {
  out_flush(o);
  if (fclose(o->fp) != 0)
    die("write failed", o->name);
  free(o->buf);
  o->buf = NULL;
}

static char *row_begin(out *o) { return o->buf + o->len; }

static void row_end(out *o, char *p) {
  *p++ = '\n';
  o->len = (size_t)(p - o->buf);
  o->rows++;
  if (o->len >= OUT_CAP)
    out_flush(o);
}

static char *put_m(char *p, const char *s, size_t n) {
  memcpy(p, s, n);
  return p + n;
}

static char *put_s(char *p, const char *s) { return put_m(p, s, strlen(s)); }

static char *put_u(char *p, uint64_t v) {
  char tmp[24];
  int n = 0;
  do
    tmp[n++] = (char)('0' + v % 10);
  while (v /= 10);
  while (n)
    *p++ = tmp[--n];
  return p;
}

static char *put_null(char *p) {
  p[0] = '\\';
  p[1] = 'N';
  return p + 2;
}

static char *put_tab(char *p) {
  *p = '\t';
  return p + 1;
}

/* ---- Ids: sparse, increasing, 7 digits zero-padded, 8+ past 9,999,999 --
 * Per block of 9 rows, one of 10 numbers is skipped (ids ~10% sparse); the
 * last 0.5% of rows jump past 10,000,000 (like IMDb's newest ids), so both
 * widths appear at every N >= 20. */

typedef struct idspace {
  uint32_t n, nmain;
  unsigned stream;
  uint64_t tailbase;
} idspace;

static idspace g_tid, g_nid;

static uint64_t id_main(const idspace *s, uint32_t i) {
  uint32_t b = i / 9, r = i % 9;
  uint32_t skip = hash32(s->stream, b) % 10;
  return 1 + (uint64_t)b * 10 + r + (r >= skip);
}

static void idspace_init(idspace *s, uint32_t n, unsigned stream) {
  s->n = n;
  s->stream = stream;
  uint32_t tail = n >= 200 ? n / 200 : n >= 20 ? 1 : 0;
  s->nmain = n - tail;
  uint64_t last = s->nmain ? id_main(s, s->nmain - 1) : 0;
  s->tailbase = last < 10000000 ? 10000000 + last % 1000 : last + 1000;
}

static uint64_t id_num(const idspace *s, uint32_t i) {
  if (i < s->nmain)
    return id_main(s, i);
  uint32_t j = i - s->nmain;
  return s->tailbase + (uint64_t)j * 7 + hash32(s->stream, (UINT64_C(1) << 39) + j) % 7;
}

static char *put_id(char *p, const idspace *s, const char *prefix, uint32_t i) {
  uint64_t v = id_num(s, i);
  char tmp[24];
  int n = 0;
  do
    tmp[n++] = (char)('0' + v % 10);
  while (v /= 10);
  while (n < 7)
    tmp[n++] = '0';
  *p++ = prefix[0];
  *p++ = prefix[1];
  while (n)
    *p++ = tmp[--n];
  return p;
}

static char *put_tt(char *p, uint32_t i) { return put_id(p, &g_tid, "tt", i); }
static char *put_nm(char *p, uint32_t i) { return put_id(p, &g_nid, "nm", i); }

/* ---- Text building -------------------------------------------------- */

typedef struct sb {
  char b[480];
  size_t n;
} sb;

static void sb_add(sb *s, const char *t, size_t n) {
  if (s->n + n < sizeof s->b) { /* whole tokens only: never a cut code point */
    memcpy(s->b + s->n, t, n);
    s->n += n;
  }
}

static void sb_s(sb *s, const char *t) { sb_add(s, t, strlen(t)); }

static void sb_c(sb *s, char c) { sb_add(s, &c, 1); }

static void sb_u(sb *s, uint32_t v) {
  char tmp[16];
  char *e = put_u(tmp, v);
  sb_add(s, tmp, (size_t)(e - tmp));
}

static void sb_cp(sb *s, uint32_t cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp, n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  }
  sb_add(s, u, n);
}

/* Space-separated word lists, split once at start-up. "-" is the empty word. */
typedef struct toks {
  const char **v;
  uint32_t n;
} toks;

static toks tk(const char *s) {
  toks t = {NULL, 0};
  if (!s || !*s)
    return t;
  size_t len = strlen(s);
  char *copy = xmalloc(len + 1);
  memcpy(copy, s, len + 1);
  uint32_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (copy[i] != ' ' && (i == 0 || copy[i - 1] == ' '))
      n++;
  t.v = xmalloc(n * sizeof *t.v);
  for (char *p = copy; *p;) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    char *w = p;
    while (*p && *p != ' ')
      p++;
    if (*p)
      *p++ = '\0';
    t.v[t.n++] = strcmp(w, "-") == 0 ? "" : w;
  }
  return t;
}

static const char *tpick(rng *r, const toks *t) { return t->v[below(r, t->n)]; }

/* ---- Languages (word shapes, names) ----------------------------------- */

enum kind { K_SYL, K_ZH, K_JA, K_KO };

enum prof {
  P_EN,
  P_FR,
  P_DE,
  P_ES,
  P_IT,
  P_PT,
  P_TR,
  P_PL,
  P_NORD,
  P_HU,
  P_CZ,
  P_RO,
  P_SH,
  P_VN,
  P_RU,
  P_GR,
  P_AR,
  P_HE,
  P_HI,
  P_ZH,
  P_JA,
  P_KO,
  P_COUNT
};

typedef struct prof_src {
  int kind;
  const char *art, *small, *words, *cap_on, *on, *vow, *coda, *episode;
  const char *first_m, *first_f, *last;    /* names as written in the script */
  const char *rfirst_m, *rfirst_f, *rlast; /* romanized names (IMDb's usual form) */
} prof_src;

/* clang-format off */
static const prof_src prof_src_tab[P_COUNT] = {
  [P_EN] = {K_SYL, "The",
    "of the and in a on to for with at from",
    "Love Night Day Man Woman Girl Boy Life Death Dead Last First Blood Dark Black White Red Blue "
    "Golden Silent Secret Lost Little Big Great Old New Wild Long Home House City Town World Road "
    "River Sea Island Mountain Star Stars Moon Sun Fire Ice Storm Rain Snow Wind Heart Soul Dream "
    "Dreams Time Game War Peace King Queen Prince Princess Lady Mister Doctor Captain Detective "
    "Angel Devil Ghost Monster Hunter Killer Stranger Friend Friends Family Brother Sister Mother "
    "Father Son Daughter Wedding Party Christmas Summer Winter Spring Autumn Midnight Morning "
    "Evening Story Tale Legend Song Music Dance Shadow Shadows Light Mirror Window Door Garden "
    "School Hotel Train Ship Journey Return Revenge Escape Chase Trap Truth Lies Money Gold Diamond "
    "Paradise Hell Heaven Empire Kingdom Planet Space Machine Code Zero Edge Line Point Show Season "
    "Hour Minute Year Years Forever Never Again Alone Together Beyond Inside Outside Under Over "
    "Behind Between Without Running Falling Rising Burning Breaking Lucky Happy Crazy Perfect "
    "Beautiful Dangerous Sweet Bitter Strange Hidden Broken Final Deadly Endless American English "
    "Western Blind Cold Hot Baby Cat Dog Horse Wolf Bird Dragon Tiger Rose Flower Apple Boys Girls "
    "Men Women Kids Street Bridge Island Valley Desert Jungle Forest Lake Ocean Castle Tower Prison "
    "Mission Operation Project Agent Spy Soldier Warrior Knight Pirate Cowboy Outlaw Sheriff Gun "
    "Guns Sword Crown Throne Wars Battle Army Nation People Power Glory Honor Justice Crime Murder "
    "Case Files Chronicles Adventures Diaries Letters Secrets Memories Echoes Whispers Voices",
    "B C D F G H J K L M N P R S T V W Z Br Cr Dr Fl Gr St Th Sh Ch Tr Bl Cl",
    "b c d f g h j k l m n p r s t v w z br cr dr gr st th sh ch tr bl cl",
    "a e i o u ai ea ou ee oo ia o a e i",
    "- - - - n r s l m t nd rk ll ck x th ng",
    "Episode",
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
    "Matthew Anthony Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald "
    "Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott "
    "Brandon Frank Benjamin Gregory Samuel Raymond Patrick Alexander Jack Dennis Jerry Tyler Aaron "
    "Henry Adam Peter Nathan Walter Kyle Harold Carl Arthur Roger Keith Jeremy Sean Albert Joe "
    "Ethan Jesse Billy Bruce Ralph Roy Jordan Eugene Wayne Louis Dylan Alan Howard Fred Vincent",
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
    "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
    "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma "
    "Nicole Helen Samantha Katherine Christine Rachel Carolyn Janet Catherine Maria Heather Diane "
    "Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan "
    "Andrea Hannah Martha Gloria Ann Sara Madison Frances Jean Abigail Alice Judy Sophia Grace "
    "Amber Doris Marilyn Danielle Isabella Diana Natalie Charlotte Marie Kayla Alexis Lori",
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill "
    "Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
    "Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell "
    "Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders "
    "Myers Long Ross Foster O'Brien O'Connor O'Neill McDonald MacLeod Fitzgerald Sullivan Murray "
    "Hayes Graham Ford Hamilton Wallace Cole West Owens Reynolds Fisher Ellis Harrison Gibson "
    "Marshall Wells Webb Simpson Stevens Tucker Porter Hunter Hicks Crawford Boyd Mason Kennedy "
    "Warren Dixon Burns Gordon Shaw Holmes Rice Hunt Black Palmer Mills Grant Knight Ferguson "
    "Stone Hawkins Dunn Hudson Spencer Gardner Payne Pierce Berry Arnold Wagner Willis Ray Olson "
    "Duncan Snyder Hart Bradley Lane Harper Fox Riley Armstrong Weaver Greene Elliott Peters",
    NULL, NULL, NULL},
  [P_FR] = {K_SYL, "Le La Les",
    "le la les de du des et un une à en sur pour",
    "Amour Nuit Été Mère Père Rêve Cœur Château Fenêtre Dernière Étoile Forêt Mystère Vérité "
    "Beauté Fête Rivière Garçon Fille Ville Soleil Lumière Hôtel Frère Sœur Éternité Café Désir "
    "Crépuscule Noël Printemps Hiver Mer Chemin Maison Enfants Femme Homme Secret Voyage Guerre "
    "Paix Histoire Chanson Mémoire Lèvres Prière",
    "B C D F G H J L M N P R S T V Ch Br Gr Tr É",
    "b c d f g j l m n p r s t v ch br gr tr qu",
    "a e i o u é è ê à ô û ï ou ai eau a e i o",
    "- - - - n r s l t x",
    "Épisode",
    "Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard François Gérard Étienne "
    "Jérôme Frédéric Sébastien Stéphane Hervé Benoît Loïc Cédric Noël Raphaël Théo Hugo",
    "Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Sylvie Hélène Céline Émilie Chloé "
    "Léa Zoé Mélanie Anaïs Agnès Inès Béatrice Valérie Camille Juliette Amélie Aurélie Sophie",
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre "
    "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Mercier Dupont Lambert "
    "Bonnet Rousseau Blanc Guérin Roussel Perrin Chevalier Gérard Lemaire Fontaine Rivière Ménard",
    NULL, NULL, NULL},
  [P_DE] = {K_SYL, "Der Die Das",
    "der die das und im ein eine von zum mit für",
    "Liebe Nacht Mädchen Straße Glück Brücke Tür Hölle Mörder König Königin Welt Stadt Himmel "
    "Tödliche Frühling Schatten Rückkehr Wünsche Träume Söhne Väter Blut Feuer Jäger Fräulein Haus "
    "Herz Krieg Frieden Sommer Winter Wald Zeit Geschichte Schwester Bruder Mutter Vater Kinder "
    "Spiel Tod Leben Weg Grüße Märchen Geheimnis Schöne",
    "B D F G H K L M N P R S T W Sch St Br Kr Gr Ü Ö",
    "b d f g h k l m n p r s t w sch st br kr gr",
    "a e i o u ä ö ü ei au ie e a",
    "- - - n r s l t ß ch ng nd rt",
    "Folge",
    "Hans Peter Klaus Jürgen Wolfgang Günter Dieter Uwe Jörg Stefan Andreas Thomas Michael Horst "
    "Karl Heinz Björn Lukas Matthias Sebastian",
    "Ursula Monika Petra Sabine Renate Jutta Brigitte Gisela Ingrid Jana Jülie Käthe Hannelore "
    "Anja Katrin Sandra Julia Lena Marlene Hildegard",
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
    "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann "
    "Lange Schmitt Werner Krause Köhler Jäger Groß Weiß Böhm Förster Günther",
    NULL, NULL, NULL},
  [P_ES] = {K_SYL, "El La Los Las",
    "el la los las de del y en un una con por sin",
    "Amor Noche Niño Niña Corazón Canción Mañana Señor Señora Muerte Vida Ciudad Fantasma Sueño "
    "Pasión Árbol Tierra Día Ángel Música Último Jardín Dolor Familia Montaña Océano Compañero "
    "Venganza Camino Casa Mujer Hombre Guerra Paz Historia Secreto Verano Invierno Sangre Fuego "
    "Cielo Luna Sol Mar Río Tiempo Año Pequeño Corazones",
    "B C D F G H J L M N P R S T V Ch Br Gr Tr Á",
    "b c d f g j l m n p r s t v ch br gr tr ñ ll rr",
    "a e i o u á é í ó ú a e i o ue ia io",
    "- - - - n r s l z",
    "Episodio",
    "José Juan Antonio Manuel Francisco Luis Javier Miguel Carlos Jesús Alejandro Rafael Pedro "
    "Ángel Fernando Andrés Sergio Raúl Joaquín Iñaki Rubén Óscar Martín Julián Tomás",
    "María Carmen Josefa Isabel Ana Dolores Pilar Teresa Rosa Lucía Cristina Marta Elena Paula "
    "Sofía Verónica Mónica Inés Beatriz Raquel Ángela Natalia Julia Irene Begoña",
    "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
    "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez "
    "Ramos Gil Ramírez Serrano Blanco Suárez Molina Castro Ortega Rubio Núñez Ibáñez Peña",
    NULL, NULL, NULL},
  [P_IT] = {K_SYL, "Il La Lo Le",
    "il la lo le di del e un una per con in",
    "Amore Notte Città Perché Più Cuore Vita Morte Donna Uomo Libertà Verità Paese Sole Luna Mare "
    "Famiglia Giorno Ragazza Però Caffè Tempo Bellezza Strada Ritorno Così Già Università Guerra "
    "Pace Storia Segreto Estate Inverno Sangue Fuoco Cielo Casa Figlio Padre Madre Viaggio",
    "B C D F G L M N P R S T V Ch Br Gr Tr",
    "b c d f g l m n p r s t v ch br gr tr gn sc",
    "a e i o u à è ì ò ù a e i o ia io",
    "- - - - - n r l",
    "Episodio",
    "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo "
    "Franco Domenico Bruno Paolo Niccolò Nicolò Fabrizio Marcello Gianni",
    "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca "
    "Antonietta Carla Elena Concetta Rita Margherita Sara Chiara Giulia",
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
    "De Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
    "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Niccolò",
    NULL, NULL, NULL},
  [P_PT] = {K_SYL, "O A Os As",
    "o a os as de do da e um uma em no na",
    "Amor Noite Coração Irmão Mãe Ação Cidade Sertão Canção Lição Saudade Vida Morte Céu Mulher "
    "Homem Menino São Paixão Estação Avó Avô Família Última Viagem Ilusão Órfão Pássaro Guerra "
    "Paz História Segredo Verão Inverno Sangue Fogo Lua Sol Mar Rio Tempo Casa Sonho Caminho",
    "B C D F G J L M N P R S T V Ch Br Gr Tr",
    "b c d f g j l m n p r s t v ch br gr tr lh nh ç",
    "a e i o u ã õ á é í ó ú â ê ô a e i o ão",
    "- - - - - r s l m",
    "Episódio",
    "João José Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael Daniel "
    "Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Sebastião Fábio Vinícius Márcio",
    "Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila "
    "Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Conceição Lúcia Cecília",
    "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro "
    "Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade "
    "Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Simões "
    "Brandão Magalhães Conceição Araújo",
    NULL, NULL, NULL},
  [P_TR] = {K_SYL, NULL,
    "ve bir ile için da de",
    "Aşk Gece Koğuş Mucize Güneş Dağ Işık Çocuk Şehir Yağmur Kız Gölge Ölüm Hayat Kadın Adam "
    "Sevgi Yürek Düğün Kardeş Anne Baba İstanbul Sokak Gönül Rüya Yıldız Kış Bahar Öykü "
    "Kaybedenler Kulübü Yolda Savaş Barış Deniz Ay Zaman Ev Sır Yaz Kan Ateş Gök Yol Masal Çiçek",
    "B C D F G H K L M N P R S T V Y Z Ç Ş Ö Ü",
    "b c d f g h k l m n p r s t v y z ç ş ğ",
    "a e ı i o ö u ü a e ı i",
    "- - - n r s l k m z ş t",
    "Bölüm",
    "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil "
    "Süleyman Abdullah Mahmut Çağrı Barış Gökhan Tolga Uğur Şahin Ertuğrul Kıvanç",
    "Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Özlem Gülşen "
    "Büşra Gül Sevgül Çiğdem Şule Tuğba Dilek Nurgül Özge İpek Ebru",
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Öz Korkmaz Erdoğan Güneş Akın Uçar Bulut",
    NULL, NULL, NULL},
  [P_PL] = {K_SYL, NULL,
    "i w na z do od się",
    "Miłość Noc Żona Ślub Księżyc Człowiek Świat Dzień Życie Śmierć Królowa Wojna Miasto "
    "Dziewczyna Chłopiec Gwiazda Ogień Zło Pożegnanie Wesele Łzy Róża Sąsiedzi Ucieczka Pięść "
    "Złoto Dom Matka Ojciec Czas Droga Rzeka Serce Lato Zima Historia Tajemnica",
    "B C D F G H K L M N P R S T W Z Ł Ś Ż Cz Sz",
    "b c d f g h k l m n p r s t w z ł ś ż cz sz rz dz ch",
    "a e i o u y ą ę ó ie a e o",
    "- - - k n r s ł ń ć t",
    "Odcinek",
    "Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Jakub Adam Łukasz Grzegorz Wojciech "
    "Mateusz Józef Stanisław Zbigniew Jerzy Tadeusz Mirosław",
    "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Magdalena Joanna "
    "Aleksandra Zofia Monika Teresa Danuta Natalia Julia Karolina Bożena",
    "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
    "Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski "
    "Nowakowski Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowicki Majewski Olszewski",
    NULL, NULL, NULL},
  [P_NORD] = {K_SYL, NULL,
    "och en ett i på av og til ja",
    "Kärlek Natt Sjö Höst Vår Flicka Pojke Hævn Æble Øen Fløjte Søster Bror Døden Mørke Päivä "
    "Yö Äiti Isä Sää Kesä Talvi Hämärä Tähti Ljus Skärgård Fjällen Trädgård Björn Hjärta Vinter "
    "Sommar Hav Skog Brev Drøm Jul Mänsklig Resa",
    "B D F G H K L M N P R S T V Sk Sv St Å Ö Ø Æ",
    "b d f g h k l m n p r s t v j sk sv st",
    "a e i o u y å ä ö ø æ a e i",
    "- - - n r s l t k nd ng",
    "Avsnitt",
    "Lars Anders Johan Per Erik Karl Nils Mikael Björn Søren Jørgen Ole Mads Kåre Håkan Jussi "
    "Mikko Juha Pekka Sigurður",
    "Anna Eva Maria Karin Kristina Lena Kerstin Ingrid Åsa Märta Birgit Sørine Inger Mette "
    "Sanna Päivi Tuula Leena Liisa Hjördis",
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Jørgensen Sørensen Nielsen Hansen Pedersen Christensen Larsen Kristiansen Østergaard Ångström "
    "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Järvinen Lindqvist",
    NULL, NULL, NULL},
  [P_HU] = {K_SYL, "A Az",
    "a az és egy",
    "Szerelem Éjszaka Város Élet Halál Szív Tenger Nap Hold Út Ház Anya Apa Háború Béke Csillag "
    "Álom Tűz Víz Föld Erdő Nyár Tél Ősz Öröm Titok Mese Idő",
    "B D F G H K L M N P R S T V Sz Cs Gy É Ö",
    "b d f g h k l m n p r s t v sz cs gy zs ny",
    "a e i o u á é í ó ö ő ú ü ű a e",
    "- - - n r s l t k",
    "Epizód",
    "László István József János Zoltán Sándor Gábor Ferenc Attila Péter Tamás Zsolt Tibor Gyula",
    "Mária Erzsébet Katalin Ilona Éva Anna Zsuzsanna Margit Judit Ágnes Andrea Erika Krisztina",
    "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász "
    "Lakatos Mészáros Oláh Simon Rácz Fekete Szűcs Török Fehér Balázs Gál Kis Szőke",
    NULL, NULL, NULL},
  [P_CZ] = {K_SYL, NULL,
    "a v na s z do",
    "Láska Noc Město Život Smrt Srdce Moře Slunce Měsíc Cesta Dům Matka Otec Válka Mír Hvězda Sen "
    "Oheň Voda Země Řeka Příběh Čas Štěstí Ženy Muži Dítě Léto Zima Tajemství Pohádka",
    "B D H K L M N P R S T V Z Č Ř Š Ž Ch",
    "b d h k l m n p r s t v z č ř š ž ch",
    "a e i o u y á é í ý ě ů ú a e o",
    "- - - k n r s l t",
    "Epizoda",
    "Jiří Jan Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal František",
    "Marie Jana Eva Hana Anna Lenka Kateřina Věra Lucie Alena Petra Jaroslava Ludmila Zdeňka",
    "Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný Marek "
    "Pospíšil Hájek Jelínek Král Růžička Beneš Fiala Sedláček Doležal Zeman Kolář Navrátil Čermák",
    NULL, NULL, NULL},
  [P_RO] = {K_SYL, NULL,
    "și în de la cu un o",
    "Dragoste Noapte Oraș Viață Moarte Inimă Mare Soare Lună Drum Casă Mamă Tată Război Pace Stea "
    "Vis Foc Apă Pământ Țară Poveste Vară Iarnă Timp Sânge Copil",
    "B C D F G L M N P R S T V Ș Ț",
    "b c d f g l m n p r s t v ș ț",
    "a e i o u ă â î a e i ea",
    "- - - n r s l t",
    "Episodul",
    "Ion Gheorghe Vasile Constantin Alexandru Mihai Andrei Nicolae Ștefan Florin Cristian Dan",
    "Maria Elena Ioana Ana Mihaela Andreea Cristina Daniela Gabriela Alexandra Ștefania Mirela",
    "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Ștefan Rusu Munteanu "
    "Constantinescu Mihăilă Țurcan Bălan Dobre Neagu",
    NULL, NULL, NULL},
  [P_SH] = {K_SYL, NULL,
    "i u na za od je",
    "Ljubav Noć Grad Život Smrt Srce More Sunce Mjesec Put Kuća Majka Otac Rat Mir Zvijezda San "
    "Vatra Voda Zemlja Čovjek Žena Đavo Šuma Priča Ljeto Zima Vrijeme Krv",
    "B D G K L M N P R S T V Z Č Ć Đ Š Ž Lj Nj",
    "b d g k l m n p r s t v z č ć đ š ž lj nj",
    "a e i o u a e i o ije",
    "- - - n r s l k ć",
    "Epizoda",
    "Marko Ivan Nikola Stefan Luka Miloš Dragan Zoran Goran Dušan Željko Đorđe Branko Slobodan",
    "Ana Marija Jelena Milica Ivana Snežana Dragana Vesna Maja Nataša Ljiljana Mirjana Tijana",
    "Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević "
    "Horvat Kovačević Babić Marić Jurić Novak Knežević Vuković Šarić Tomić Božić",
    NULL, NULL, NULL},
  [P_VN] = {K_SYL, NULL,
    "và của những một cho trong",
    "Người Tình Yêu Đêm Mẹ Ngày Trời Đất Sông Biển Nhà Cô Gái Hà Nội Sài Gòn Chiến Tranh Mùa Hè "
    "Xuân Thu Đông Hạnh Phúc Bóng Tối Ánh Sáng Mắt Biếc Trăng Gió",
    "B C D Đ G H K L M N Ph Th Tr Ng Nh Kh V X",
    "b c d đ g h k l m n ph th tr ng nh kh v x",
    "á à ả ã ạ ấ ầ ẩ ậ ắ ằ é è ẻ ẹ ế ề ể ệ í ì ỉ ị ó ò ỏ ọ ố ồ ổ ộ ớ ờ ở ợ ú ù ủ ụ ứ ừ ử ự ý a o u ư ơ",
    "- - n ng nh c t m",
    "Tập",
    "Minh Hùng Dũng Tuấn Anh Nam Quang Đức Hải Phong Thắng Việt",
    "Lan Hương Thảo Linh Ngọc Mai Trang Hà Phương Thủy Hằng Yến",
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương",
    NULL, NULL, NULL},
  [P_RU] = {K_SYL, NULL,
    "и в на с не для",
    "Любовь Ночь Город Жизнь Война Мир Дом Москва Тайна Последний Человек Сердце Море Зима Весна "
    "Лето Осень Брат Сестра Мама Отец Дорога Судьба Звезда Солнце Свадьба Девушка Друзья Счастье "
    "Время Кино Легенда История Ёлки Щит Україна Київ Її",
    "Б В Г Д Ж З К Л М Н П Р С Т Ф Х Ц Ч Ш Щ Ю Я",
    "б в г д ж з к л м н п р с т ф х ц ч ш щ",
    "а е и о у ы э ю я ё а о е и і ї є",
    "- - - н р с л й т к в",
    "Эпизод",
    "Иван Сергей Александр Дмитрий Николай Михаил Андрей Владимир Юрий Олег",
    "Ольга Татьяна Наталья Елена Ирина Светлана Анна Мария Екатерина Ксения",
    "Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв",
    "Ivan Sergei Aleksandr Dmitriy Nikolai Mikhail Andrei Vladimir Yuriy Oleg Konstantin Pavel",
    "Olga Tatiana Natalya Yelena Irina Svetlana Anna Mariya Yekaterina Kseniya Lyudmila Vera",
    "Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov "
    "Solovyov Vasilyev Zaytsev Pavlov Semyonov Golubev Vinogradov Bogdanov Vorobyov"},
  [P_GR] = {K_SYL, NULL,
    "και το η ο της του στο",
    "Αγάπη Νύχτα Θάλασσα Ζωή Πόλη Καλοκαίρι Όνειρο Ήλιος Μητέρα Πατέρας Αδελφός Καρδιά Φως Σκιά "
    "Δρόμος Ελευθερία Ιστορία Μουσική Χειμώνας Άνοιξη Νησί Σπίτι Πόλεμος Ειρήνη",
    "Β Γ Δ Ζ Θ Κ Λ Μ Ν Ξ Π Ρ Σ Τ Φ Χ Ψ Α Ε Ο",
    "β γ δ ζ θ κ λ μ ν ξ π ρ σ τ φ χ ψ",
    "α ε η ι ο υ ω ά έ ή ί ό ύ ώ α ο",
    "- - - ς ν ρ",
    "Επεισόδιο",
    "Γιώργος Νίκος Γιάννης Κώστας Δημήτρης", "Μαρία Ελένη Κατερίνα Σοφία Δήμητρα",
    "Παπαδόπουλος Γεωργίου Νικολάου Παπαδάκης Κωνσταντίνου",
    "Giorgos Nikos Yannis Kostas Dimitris Christos Panagiotis Vasilis Thanasis Michalis",
    "Maria Eleni Katerina Sofia Dimitra Vasiliki Georgia Ioanna Anna Despina",
    "Papadopoulos Georgiou Nikolaou Papadakis Konstantinou Vlachos Pappas Oikonomou Karras "
    "Angelopoulos Makris Dimitriou"},
  [P_AR] = {K_SYL, NULL,
    "و في من على",
    "حب ليل مدينة حياة موت قلب بحر شمس قمر طريق بيت أم أب حرب سلام نجم حلم الحب الليل المدينة "
    "الصحراء القاهرة بيروت",
    "ا ب ت ج ح خ د ر ز س ش ص ع غ ف ق ك ل م ن ه و ي",
    "ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي",
    "ا و ي - - -",
    "- - ة ن ي",
    "الحلقة",
    "محمد أحمد عمر علي", "فاطمة عائشة مريم نور", "حسن إبراهيم محمود",
    "Mohamed Ahmed Omar Ali Youssef Khaled Karim Hassan Tarek Samir Adel Nabil",
    "Fatima Aisha Mariam Nour Layla Yasmin Salma Hana Rania Dina Mona Soad",
    "Abdel Rahman El-Sayed Hassan Mahmoud Ibrahim Mostafa Saleh Farouk Haddad Nasser Khoury Sharif "
    "El-Masry Zaki"},
  [P_HE] = {K_SYL, NULL,
    "ו של את על",
    "אהבה לילה עיר חיים מוות לב ים שמש ירח דרך בית אמא אבא מלחמה שלום כוכב חלום סוד",
    "א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת",
    "א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת",
    "ו י ה - -",
    "- - ם ן ת ה",
    "פרק",
    "דוד יוסי משה", "נועה תמר יעל", "כהן לוי מזרחי",
    "David Yossi Moshe Avi Eitan Noam Ori Amir", "Noa Tamar Yael Shira Michal Maya Dana Gal",
    "Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Dahan Shapira"},
  [P_HI] = {K_SYL, NULL,
    "और का की के में",
    "प्यार रात शहर ज़िंदगी मौत दिल समुद्र सूरज चाँद रास्ता घर माँ पिता युद्ध दोस्त कहानी सपना दुनिया "
    "मोहब्बत राजा रानी",
    "क ख ग घ च छ ज झ ट ठ ड ढ त थ द ध न प फ ब भ म य र ल व श ष स ह",
    "क ख ग घ च छ ज झ ट ठ ड ढ त थ द ध न प फ ब भ म य र ल व श ष स ह",
    "ा ि ी ु ू े ै ो ौ - - ं",
    "- - - न र म",
    "एपिसोड",
    "राज अमित राहुल", "प्रिया अंजलि पूजा", "शर्मा वर्मा गुप्ता",
    "Raj Amit Rahul Vijay Sanjay Arjun Ravi Anil Suresh Vikram Arun Kiran Shah Rukh",
    "Priya Anjali Pooja Neha Sunita Kavita Deepika Aishwarya Lakshmi Meera Shreya Radhika",
    "Sharma Verma Gupta Singh Kumar Patel Reddy Rao Nair Iyer Mehta Kapoor Khan Chopra Malhotra "
    "Joshi Bhatt Chatterjee Banerjee Mukherjee"},
  [P_ZH] = {K_ZH, NULL, NULL,
    "爱情 夜晚 城市 人生 死亡 心 大海 太阳 月亮 道路 家 母亲 父亲 战争 和平 星星 梦 朋友 故事 秘密 "
    "夏天 冬天 春天 江湖 英雄 天下 少年 青春 风云 传奇",
    "的 一 是 不 人 我 在 有 他 这 中 大 来 上 国 个 到 说 们 为 子 和 你 地 出 道 也 时 年 得 就 那 要 下 以 生 会 "
    "自 着 去 之 过 家 学 对 可 她 里 后 小 么 心 多 天 而 能 好 都 然 没 日 于 起 还 发 成 事 只 作 当 想 看 文 无 "
    "开 手 十 用 主 行 方 又 如 前 所 本 见 经 头 面 公 同 三 已 老 从 动 两 长 知 民 样 现 分 将 外 但 身 些 与 "
    "高 意 进 把 法 此 实 回 二 理 美 点 月 明 其 种 声 全 工 己 话 儿 者 向 情 部 正 名 定 女 问 力 机 给 等 几 "
    "很 业 最 间 新 什 打 便 位 因 重 被 走 电 四 第 门 相 次 东 政 海 口 使 教 西 再 平 真 听 世 气 信 北 少 关 "
    "并 内 加 化 由 却 代 军 产 入 先 山 五 太 水 万 市 眼 体 别 处 总 才 场 师 书 比 住 员 九 笑 性 通 目 华 报 "
    "立 马 命 张 活 难 神 数 件 安 表 原 车 白 应 路 期 叫 死 常 提 感 金 何 更 反 合 放 做 系 计 或 司 利 受 光 "
    "王 果 亲 界 及 今 京 务 制 解 各 任 至 清 物 台 象 记 边 共 风 战 干 接 它 许 八 特 觉 望 直 服 毛 林 题 建 "
    "南 度 统 色 字 请 交 爱 让 认 算 论 百 吃 义 科 怎 元 社 术 结 六 功 指 思 非 流 每 青 管 夫 连 远 资 队 跟 "
    "带 花 快 条 院 变 联 言 权 往 展 该 领 传 近 留 红 治 决 周 保 达 办 运 武 半 候 七 必 城 父 强 步 完 革 深 "
    "区 即 求 品 士 转 量 空 甚 众 技 轻 程 告 江 语 英 基 派 满 式 李 息 写 呢 识 极 令 黄 德 收 脸 钱 党 倒 未 "
    "持 音 龍 愛 華 鬥 劍 俠",
    NULL, NULL, NULL, "第", "伟 强 磊 明 涛 超 建 勇 波 军", "丽 娜 芳 英 秀 静 慧 美 欣 燕",
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭",
    "Wei Jun Hao Lei Ming Tao Chao Jian Yong Bo Yi Kai", "Li Na Fang Ying Xiu Jing Hui Mei Xin Yan",
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Leung Chan Wong Cheung"},
  [P_JA] = {K_JA, NULL,
    "の と に は を が も へ",
    "愛 夜 街 人生 死 心 海 太陽 月 道 家 母 父 戦争 平和 星 夢 友達 物語 秘密 夏 冬 春 桜 侍 刀 東京 "
    "恋 青春 少女 少年 世界 空 花 雪 風 光 影",
    "ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ マ ミ ム メ モ ヤ ユ ヨ "
    "ラ リ ル レ ロ ワ ン ガ ギ グ ゲ ゴ ザ ジ ズ ダ デ ド バ ビ ブ ベ ボ パ ピ プ ー",
    NULL, NULL, NULL, "第",
    "浩 健 明 翔 大輔 拓也", "花子 由美 さくら 陽菜 愛 美咲", "佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村",
    "Hiroshi Takeshi Kenji Akira Yuki Haruto Sota Daiki Ryo Kazuo Shinji Takashi Ken Toshiro",
    "Yuko Akiko Keiko Naomi Sakura Yui Hana Aoi Mei Rin Haruka Emi Setsuko Kyoko",
    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
    "Sasaki Matsumoto Inoue Kimura Kurosawa Ozu Mifune Miyazaki"},
  [P_KO] = {K_KO, NULL, NULL,
    "사랑 밤 도시 인생 죽음 마음 바다 태양 달 길 집 엄마 아빠 전쟁 평화 별 꿈 친구 이야기 비밀 여름 겨울 "
    "봄 기적 번방의 선물 괴물 기생충 서울",
    NULL, NULL, NULL, NULL, "에피소드",
    NULL, NULL, "김 이 박 최 정 강 조 윤 장 임",
    "Min-jun Seo-jun Ji-hoon Hyun-woo Dong-hyun Sung-min Jae-won Tae-yang Seung-ryong Joon-ho",
    "Ji-woo Seo-yeon Min-ji Soo-ah Ha-eun Ye-jin Hye-jin Eun-ji So-dam Yeo-jeong",
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Ryu Bong"},
};
/* clang-format on */

typedef struct profile {
  int kind;
  toks art, small, words, cap_on, on, vow, coda;
  const char *episode;
  toks first_m, first_f, last, rfirst_m, rfirst_f, rlast;
} profile;

static profile g_prof[P_COUNT];

static void profiles_init(void) {
  for (int i = 0; i < P_COUNT; i++) {
    const prof_src *s = &prof_src_tab[i];
    profile *p = &g_prof[i];
    p->kind = s->kind;
    p->art = tk(s->art), p->small = tk(s->small), p->words = tk(s->words);
    p->cap_on = tk(s->cap_on), p->on = tk(s->on), p->vow = tk(s->vow), p->coda = tk(s->coda);
    p->episode = s->episode;
    p->first_m = tk(s->first_m), p->first_f = tk(s->first_f), p->last = tk(s->last);
    p->rfirst_m = tk(s->rfirst_m), p->rfirst_f = tk(s->rfirst_f), p->rlast = tk(s->rlast);
  }
}

/* Shares (per 10,000) of the language a title was made in. */
static const uint32_t origin_w[P_COUNT] = {
    [P_EN] = 7500, [P_FR] = 300, [P_DE] = 300,   [P_ES] = 400, [P_IT] = 200, [P_PT] = 200,
    [P_TR] = 150,  [P_PL] = 100, [P_NORD] = 150, [P_HU] = 50,  [P_CZ] = 50,  [P_RO] = 50,
    [P_SH] = 50,   [P_VN] = 30,  [P_RU] = 150,   [P_GR] = 30,  [P_AR] = 30,  [P_HE] = 20,
    [P_HI] = 60,   [P_ZH] = 80,  [P_JA] = 120,   [P_KO] = 80};
static uint32_t origin_total;

/* A synthetic word: 1-3 syllables, capitalized when asked. */
static void syl_word(sb *s, rng *r, const profile *p, int cap) {
  int n = 1 + (int)below(r, 3);
  if (p->kind == K_ZH) {
    for (int k = 0; k <= n; k++)
      sb_s(s, tpick(r, &p->cap_on));
    return;
  }
  if (p->kind == K_JA) {
    for (int k = 0; k < n + 1; k++)
      sb_s(s, tpick(r, &p->cap_on));
    return;
  }
  if (p->kind == K_KO) {
    for (int k = 0; k < n; k++)
      sb_cp(s, 0xAC00 + (below(r, 19) * 21 + below(r, 21)) * 28 +
                   (chance(r, 500000) ? below(r, 28) : 0));
    return;
  }
  for (int k = 0; k < n; k++) {
    sb_s(s, tpick(r, k == 0 && cap ? &p->cap_on : &p->on));
    sb_s(s, tpick(r, &p->vow));
  }
  sb_s(s, tpick(r, &p->coda));
}

static int spaced(const profile *p) { return p->kind == K_SYL || p->kind == K_KO; }

/* A title of about `nw` words in language p. Quirks (commas, colons, raw
 * and unbalanced double quotes) only when `quirks`. */
static void make_title(sb *s, rng *r, int pi, int nw, int quirks) {
  const profile *p = &g_prof[pi];
  int quote = 0; /* 1: close after the first word; 2: never close */
  if (quirks && spaced(p)) {
    uint32_t x = below(r, 10000);
    if (x < 40)
      quote = 1, sb_c(s, '"');
    else if (x < 55)
      quote = 2, sb_c(s, '"');
  }
  if (p->kind == K_ZH || p->kind == K_JA) {
    for (int w = 0; w < nw; w++) {
      if (w > 0 && p->small.n && chance(r, 300000))
        sb_s(s, tpick(r, &p->small));
      if (chance(r, 600000))
        sb_s(s, tpick(r, &p->words));
      else
        syl_word(s, r, p, 1);
      if (quirks && w + 1 < nw && chance(r, 30000))
        sb_s(s, chance(r, 500000) ? "：" : "·");
    }
    if (quirks && chance(r, 20000))
      sb_s(s, chance(r, 500000) ? "2" : "！");
    return;
  }
  int was_small = 1;
  for (int w = 0; w < nw; w++) {
    if (w > 0)
      sb_c(s, ' ');
    int small = 0;
    if (w == 0 && p->art.n && nw > 1 && chance(r, 150000))
      sb_s(s, tpick(r, &p->art)), small = 1;
    else if (!was_small && w + 1 < nw && p->small.n && chance(r, 250000))
      sb_s(s, tpick(r, &p->small)), small = 1;
    else if (p->words.n && chance(r, 650000))
      sb_s(s, tpick(r, &p->words));
    else
      syl_word(s, r, p, 1);
    was_small = small;
    if (quote == 1 && w == 0)
      sb_c(s, '"');
    if (quirks && !small && w + 1 < nw) {
      uint32_t x = below(r, 10000);
      if (x < 250)
        sb_c(s, ',');
      else if (x < 550)
        sb_c(s, ':');
      else if (x < 600 && pi == P_EN)
        sb_s(s, "'s");
      else if (x < 630)
        sb_s(s, " &");
      else if (x < 640)
        sb_s(s, " \"");
    }
  }
  if (quirks) {
    uint32_t x = below(r, 10000);
    if (x < 60)
      sb_s(s, " 2");
    else if (x < 90)
      sb_s(s, " II");
    else if (x < 110)
      sb_s(s, " 3");
    else if (x < 150)
      sb_c(s, '!');
    else if (x < 180)
      sb_c(s, '?');
    else if (x < 195)
      sb_s(s, "...");
    else if (x < 215) {
      sb_s(s, " (");
      sb_u(s, range(r, 1950, 2025));
      sb_c(s, ')');
    }
  }
}

static int title_words(rng *r) {
  static const uint32_t w[6] = {22, 32, 20, 13, 8, 5};
  return 1 + wpick(r, w, 6, 100);
}

/* A person's or a character's name in language pi; `native`: in its script
 * (else romanized when the profile has a romanized list). */
static void make_name(sb *s, rng *r, int pi, int female, int native) {
  const profile *p = &g_prof[pi];
  const toks *first = female ? &p->first_f : &p->first_m, *last = &p->last;
  if (!native && p->rlast.n)
    first = female ? &p->rfirst_f : &p->rfirst_m, last = &p->rlast;
  if (pi == P_KO && native) {
    sb_s(s, tpick(r, &p->last));
    for (int k = 0; k < 2; k++)
      sb_cp(s, 0xAC00 + (below(r, 19) * 21 + below(r, 21)) * 28 +
                   (chance(r, 400000) ? below(r, 28) : 0));
    return;
  }
  if ((pi == P_ZH || pi == P_JA) && native) {
    sb_s(s, tpick(r, &p->last));
    if (pi == P_JA)
      sb_c(s, ' ');
    sb_s(s, tpick(r, first));
    return;
  }
  int family_first = pi == P_VN || pi == P_HU || ((pi == P_ZH || pi == P_KO) && chance(r, 500000));
  sb sur;
  sur.n = 0;
  if (p->kind == K_SYL && (native || !p->rlast.n) && chance(r, pi == P_EN ? 400000 : 200000)) {
    syl_word(&sur, r, p, 1); /* synthetic surnames: many distinct names */
  } else {
    sb_s(&sur, tpick(r, last));
  }
  if (pi == P_EN && chance(r, 20000)) {
    sb_c(&sur, '-');
    sb_s(&sur, tpick(r, last));
  }
  if (family_first) {
    sb_add(s, sur.b, sur.n);
    sb_c(s, ' ');
  }
  sb_s(s, tpick(r, first));
  if (pi == P_EN && chance(r, 50000)) {
    sb_c(s, ' ');
    sb_c(s, (char)('A' + below(r, 26)));
    sb_c(s, '.');
  }
  if (!family_first) {
    sb_c(s, ' ');
    sb_add(s, sur.b, sur.n);
  }
  if (pi == P_EN && !female && chance(r, 8000))
    sb_s(s, " Jr.");
}

/* ---- Titles: types, years, flags, genres (all stateless) -------------- */

enum ttype {
  T_EPISODE,
  T_SHORT,
  T_MOVIE,
  T_VIDEO,
  T_SERIES,
  T_TVMOVIE,
  T_MINI,
  T_SPECIAL,
  T_GAME,
  T_TVSHORT,
  T_PILOT,
  T_COUNT
};
static const char *const ttype_name[T_COUNT] = {"tvEpisode", "short",   "movie",        "video",
                                                "tvSeries",  "tvMovie", "tvMiniSeries", "tvSpecial",
                                                "videoGame", "tvShort", "tvPilot"};
/* The brief's shares (62/8/6/2/2/1 %) scaled by 1.2 so that the small
 * types get ~2.7 %, close to IMDb's own mix. Per 100,000. */
static const uint32_t ttype_w[T_COUNT] = {74500, 9600, 7200, 2400, 2400, 1200,
                                          900,   700,  500,  400,  200};

static int g_no_series; /* no series at all (tiny N): episodes become shorts */

static int type_of(uint32_t i) {
  rng r = rng_at(S_TYPE, i);
  int t = wpick(&r, ttype_w, T_COUNT, 100000);
  return t == T_EPISODE && g_no_series ? T_SHORT : t;
}

static int is_series(int t) { return t == T_SERIES || t == T_MINI; }

/* 0 is `\N`. Skewed to recent years like IMDb. */
static uint32_t year_of(uint32_t i) {
  rng r = rng_at(S_YEAR, i);
  if (chance(&r, 60000))
    return 0;
  uint32_t u = below(&r, 1000);
  if (u < 30)
    return range(&r, 1890, 1929);
  if (u < 150)
    return range(&r, 1930, 1969);
  if (u < 400)
    return range(&r, 1970, 1999);
  if (u < 700)
    return range(&r, 2000, 2014);
  return range(&r, 2015, 2026);
}

static int adult_of(uint32_t i, int t) {
  uint32_t ppm = t == T_MOVIE ? 120000 : t == T_VIDEO ? 200000 : t == T_EPISODE ? 8000 : 10000;
  return hash32(S_ADULT, i) % 1000000 < ppm;
}

/* Talk shows, documentaries, news: people appear as `self`. */
static int selfmode_of(uint32_t i, int t) {
  uint32_t pct = t == T_SERIES                  ? 20
                 : t == T_SPECIAL               ? 40
                 : t == T_MINI                  ? 10
                 : t == T_MOVIE                 ? 6
                 : t == T_SHORT || t == T_VIDEO ? 10
                                                : 3;
  return hash32(S_SELF, i) % 100 < pct;
}

static int origin_of(uint32_t i) {
  rng r = rng_at(S_ORIGIN, i);
  return wpick(&r, origin_w, P_COUNT, origin_total);
}

enum genre {
  G_ACTION,
  G_ADULT,
  G_ADVENTURE,
  G_ANIMATION,
  G_BIOGRAPHY,
  G_COMEDY,
  G_CRIME,
  G_DOCUMENTARY,
  G_DRAMA,
  G_FAMILY,
  G_FANTASY,
  G_FILMNOIR,
  G_GAMESHOW,
  G_HISTORY,
  G_HORROR,
  G_MUSIC,
  G_MUSICAL,
  G_MYSTERY,
  G_NEWS,
  G_REALITY,
  G_ROMANCE,
  G_SCIFI,
  G_SHORT,
  G_SPORT,
  G_TALKSHOW,
  G_THRILLER,
  G_WAR,
  G_WESTERN,
  G_COUNT
};
static const char *const genre_name[G_COUNT] = {
    "Action",      "Adult", "Adventure", "Animation", "Biography", "Comedy",     "Crime",
    "Documentary", "Drama", "Family",    "Fantasy",   "Film-Noir", "Game-Show",  "History",
    "Horror",      "Music", "Musical",   "Mystery",   "News",      "Reality-TV", "Romance",
    "Sci-Fi",      "Short", "Sport",     "Talk-Show", "Thriller",  "War",        "Western"};
static const uint32_t genre_w[G_COUNT] = {50, 0,  40, 40, 15, 160, 50, 10, 200, 40, 25, 2,  0,  15,
                                          40, 20, 10, 30, 0,  0,   50, 20, 0,   15, 0,  40, 10, 10};
static const uint32_t genre_self_w[G_COUNT] = {
    [G_DOCUMENTARY] = 50, [G_REALITY] = 25, [G_TALKSHOW] = 25, [G_NEWS] = 20,     [G_GAMESHOW] = 10,
    [G_MUSIC] = 10,       [G_SPORT] = 10,   [G_HISTORY] = 5,   [G_BIOGRAPHY] = 5, [G_COMEDY] = 5};
static uint32_t genre_total, genre_self_total;

static uint32_t popcount(uint32_t m) {
  uint32_t c = 0;
  for (; m; m &= m - 1)
    c++;
  return c;
}

/* Bit g set: genre g. 0: `\N`. Written in alphabetical order, as IMDb does. */
static uint32_t genres_of(uint32_t i, int t) {
  rng r = rng_at(S_GENRE, i);
  if (chance(&r, t == T_EPISODE ? 120000 : 60000))
    return 0;
  uint32_t n = 1 + (uint32_t)chance(&r, 600000) + (uint32_t)chance(&r, 500000), m = 0;
  if (adult_of(i, t))
    m |= 1u << G_ADULT;
  if (selfmode_of(i, t))
    m |= 1u << wpick(&r, genre_self_w, G_COUNT, genre_self_total);
  if ((t == T_SHORT || t == T_TVSHORT) && chance(&r, 700000))
    m |= 1u << G_SHORT;
  if (t == T_MOVIE && chance(&r, 20000))
    m |= 1u << G_FILMNOIR;
  for (int tries = 0; tries < 12 && popcount(m) < n; tries++)
    m |= 1u << wpick(&r, genre_w, G_COUNT, genre_total);
  return m;
}

/* ---- People: pools by trade, Zipf popularity ---------------------------
 * Person p belongs to pool class_of(p % 20); within a pool, rank k (0 the
 * most credited) is the k-th person of the pool in id order, so old low ids
 * are the famous ones, as on IMDb. */

enum pool {
  POOL_PERF,
  POOL_DIR,
  POOL_WRI,
  POOL_PROD,
  POOL_COMP,
  POOL_CAM,
  POOL_TECH,
  POOL_ALL,
  POOL_COUNT
};
static const uint8_t pool_res[POOL_COUNT][20] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
    {11, 12},
    {13, 14},
    {15, 16},
    {17},
    {18},
    {19},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}};
static const uint8_t pool_nres[POOL_COUNT] = {11, 2, 2, 2, 1, 1, 1, 20};

typedef struct ppool {
  zipf z;
  uint32_t size;
  int nres;
  const uint8_t *res;
} ppool;

static ppool *g_pool; /* POOL_COUNT entries */
static uint32_t g_N, g_P;

static void pools_init(void) {
  g_pool = xmalloc(POOL_COUNT * sizeof *g_pool);
  for (int c = 0; c < POOL_COUNT; c++) {
    ppool *pl = &g_pool[c];
    pl->nres = pool_nres[c];
    pl->res = pool_res[c];
    uint32_t size = (g_P / 20) * (uint32_t)pl->nres;
    for (int k = 0; k < pl->nres; k++)
      if (pl->res[k] < g_P % 20)
        size++;
    pl->size = size;
    if (size)
      zipf_init(&pl->z, size, c == POOL_PERF ? 200 : 100);
  }
}

static uint32_t person_pick(rng *r, int c) {
  const ppool *pl = &g_pool[c];
  if (!pl->size)
    pl = &g_pool[POOL_ALL];
  uint32_t k = zipf_pick(&pl->z, r);
  return (k / (uint32_t)pl->nres) * 20 + pl->res[k % (uint32_t)pl->nres];
}

static int female_of(uint32_t p) { return hash32(S_GENDER, p) % 100 < 42; }

/* Per person: the last title they were credited on (UINT32_MAX: none) and
 * the trades seen in credits. */
static uint32_t *g_last_title;
static uint16_t *g_trades;

/* ---- Series and episodes ---------------------------------------------- */

static uint32_t *g_series, g_nseries; /* tvSeries title indices */
static uint32_t *g_minis, g_nminis;   /* tvMiniSeries title indices */
static uint32_t *g_series_cnt, *g_minis_cnt;
static zipf g_series_zipf;
static uint64_t g_series_mult;

typedef struct sinfo {
  uint32_t year, span; /* span: endYear - startYear; ongoing: UINT32_MAX */
  uint32_t per_season, max_seasons, nreg, ndir, nwri;
  int numbered, self, origin;
} sinfo;

static void series_info(uint32_t s, int t, sinfo *si) {
  rng r = rng_at(S_SERIES, s);
  si->year = year_of(s);
  if (t == T_MINI)
    si->span = chance(&r, 800000) ? 0 : 1;
  else
    si->span = chance(&r, 350000)  ? UINT32_MAX
               : below(&r, 4) == 0 ? range(&r, 5, 30)
                                   : below(&r, 5);
  uint32_t x = below(&r, 100);
  si->per_season = t == T_MINI ? range(&r, 3, 12) : x < 10 ? range(&r, 100, 260) : range(&r, 6, 26);
  si->max_seasons = range(&r, 25, 45); /* then a daily show's episodes run on */
  si->numbered = !chance(&r, 70000);
  si->nreg = range(&r, 2, 7);
  si->ndir = range(&r, 1, 4);
  si->nwri = range(&r, 1, 3);
  si->self = selfmode_of(s, t);
  si->origin = origin_of(s);
}

static uint32_t parent_of(uint32_t i, int *mini) {
  rng r = rng_at(S_PARENT, i);
  if (g_nminis && (!g_nseries || chance(&r, 50000))) {
    *mini = 1;
    return below(&r, g_nminis);
  }
  *mini = 0;
  uint32_t k = zipf_pick(&g_series_zipf, &r); /* popularity rank -> a series */
  return (uint32_t)(((uint64_t)k * g_series_mult + 7) % g_nseries);
}

/* The series' year for an episode; approximate (no season) when !exact. */
static uint32_t episode_year(const sinfo *si, uint32_t season, uint32_t i) {
  if (!si->year)
    return hash32(S_EPISODE, i) % 5 == 0 ? year_of(i) : 0;
  uint32_t span = si->span == UINT32_MAX ? (si->year < 2026 ? 2026 - si->year : 0) : si->span;
  uint32_t off = season ? season - 1 : hash32(S_EPISODE, i) % (span + 1);
  uint32_t y = si->year + (off < span ? off : span);
  return y > 2026 ? 2026 : y;
}

/* Approximate year of any title (people's birth years). */
static uint32_t approx_year(uint32_t i) {
  if (type_of(i) != T_EPISODE)
    return year_of(i);
  int mini;
  uint32_t k = parent_of(i, &mini);
  return year_of(mini ? g_minis[k] : g_series[k]);
}

/* ---- Per-title context of the main pass -------------------------------- */

typedef struct tctx {
  uint32_t i;
  int type, self, origin, adult;
  uint32_t year, end_year;  /* 0: `\N` */
  uint32_t series;          /* parent title index for episodes */
  sinfo si;                 /* the parent's (episodes) or the title's (series) */
  uint32_t season, episode; /* 0: `\N` */
  int numbered;
  sb primary, original;
  int nwords;
} tctx;

static const char *const month_name[12] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};

static void titles_of(tctx *t) {
  rng r = rng_at(S_TITLE, t->i);
  t->primary.n = t->original.n = 0;
  t->nwords = title_words(&r);
  if (t->type == T_EPISODE && t->numbered && t->season && chance(&r, 300000)) {
    sb_s(&t->primary, "Episode #");
    sb_u(&t->primary, t->season);
    sb_c(&t->primary, '.');
    sb_u(&t->primary, t->episode);
    t->original = t->primary;
    t->nwords = 0;
    return;
  }
  if (t->type == T_EPISODE && t->year && chance(&r, 40000)) {
    sb_s(&t->primary, "Episode dated ");
    sb_u(&t->primary, range(&r, 1, 28));
    sb_c(&t->primary, ' ');
    sb_s(&t->primary, month_name[below(&r, 12)]);
    sb_c(&t->primary, ' ');
    sb_u(&t->primary, t->year);
    t->original = t->primary;
    return;
  }
  make_title(&t->original, &r, t->origin, t->nwords, 1);
  /* Foreign titles are often known by an English title. */
  uint32_t same = t->origin == P_EN ? 970000 : 500000;
  if (chance(&r, same))
    t->primary = t->original;
  else
    make_title(&t->primary, &r, P_EN, t->nwords, 1);
}

static void title_setup(tctx *t, uint32_t i) {
  t->i = i;
  t->type = type_of(i);
  t->adult = adult_of(i, t->type);
  t->season = t->episode = 0;
  t->numbered = 0;
  t->end_year = 0;
  if (t->type == T_EPISODE) {
    int mini;
    uint32_t k = parent_of(i, &mini);
    t->series = mini ? g_minis[k] : g_series[k];
    series_info(t->series, mini ? T_MINI : T_SERIES, &t->si);
    uint32_t c = mini ? g_minis_cnt[k]++ : g_series_cnt[k]++;
    t->numbered = t->si.numbered && hash32(S_EPISODE, i) % 100 != 0;
    if (t->numbered) {
      t->season = 1 + c / t->si.per_season;
      if (t->season > t->si.max_seasons)
        t->season = t->si.max_seasons;
      t->episode = 1 + c - (t->season - 1) * t->si.per_season;
    }
    t->year = episode_year(&t->si, t->season, i);
    t->self = t->si.self;
    t->origin = t->si.origin;
  } else {
    t->year = year_of(i);
    t->self = selfmode_of(i, t->type);
    t->origin = origin_of(i);
    if (is_series(t->type)) {
      series_info(i, t->type, &t->si);
      if (t->year && t->si.span != UINT32_MAX) {
        uint32_t e = t->year + t->si.span;
        t->end_year = e > 2026 ? 2026 : e;
      }
    }
  }
  titles_of(t);
}

/* ---- title.basics, title.episode, title.ratings ----------------------- */

static void write_basics(out *o, const tctx *t) {
  rng r = rng_at(S_BASICS, t->i);
  char *p = row_begin(o);
  p = put_tt(p, t->i);
  p = put_tab(p);
  p = put_s(p, ttype_name[t->type]);
  p = put_tab(p);
  p = put_m(p, t->primary.b, t->primary.n);
  p = put_tab(p);
  p = put_m(p, t->original.b, t->original.n);
  p = put_tab(p);
  *p++ = t->adult ? '1' : '0';
  p = put_tab(p);
  p = t->year ? put_u(p, t->year) : put_null(p);
  p = put_tab(p);
  p = t->end_year ? put_u(p, t->end_year) : put_null(p);
  p = put_tab(p);
  uint32_t rt = 0;
  if (!chance(&r, 400000)) {
    switch (t->type) {
    case T_MOVIE:
      rt = chance(&r, 30000) ? range(&r, 150, 300) : range(&r, 60, 150);
      break;
    case T_SHORT:
    case T_TVSHORT:
      rt = range(&r, 1, 40);
      break;
    case T_EPISODE: {
      static const uint32_t common[6] = {22, 30, 45, 60, 25, 50};
      rt = chance(&r, 600000) ? common[below(&r, 6)] : range(&r, 3, 90);
      break;
    }
    case T_TVMOVIE:
      rt = range(&r, 60, 130);
      break;
    case T_SPECIAL:
      rt = range(&r, 20, 180);
      break;
    case T_GAME:
      rt = chance(&r, 900000) ? 0 : range(&r, 10, 300);
      break;
    default:
      rt = range(&r, 5, 120);
      break;
    }
  }
  p = rt ? put_u(p, rt) : put_null(p);
  p = put_tab(p);
  uint32_t gm = t->type == T_EPISODE && hash32(S_GENRE, t->i) % 100 < 85
                    ? genres_of(t->series, T_SERIES)
                    : genres_of(t->i, t->type);
  if (!gm) {
    p = put_null(p);
  } else {
    int first = 1;
    for (int g = 0; g < G_COUNT; g++)
      if (gm >> g & 1u) {
        if (!first)
          *p++ = ',';
        p = put_s(p, genre_name[g]);
        first = 0;
      }
  }
  row_end(o, p);
}

static void write_episode(out *o, const tctx *t) {
  char *p = row_begin(o);
  p = put_tt(p, t->i);
  p = put_tab(p);
  p = put_tt(p, t->series);
  p = put_tab(p);
  p = t->season ? put_u(p, t->season) : put_null(p);
  p = put_tab(p);
  p = t->episode ? put_u(p, t->episode) : put_null(p);
  row_end(o, p);
}

static void write_rating(out *o, const tctx *t) {
  rng r = rng_at(S_RATING, t->i);
  uint32_t pct;
  switch (t->type) {
  case T_MOVIE:
    pct = 70;
    break;
  case T_SERIES:
    pct = 65;
    break;
  case T_MINI:
    pct = 60;
    break;
  case T_TVMOVIE:
    pct = 50;
    break;
  case T_EPISODE:
    pct = 17;
    break;
  case T_SHORT:
    pct = 30;
    break;
  case T_TVSHORT:
  case T_PILOT:
    pct = 20;
    break;
  default:
    pct = 40;
    break;
  }
  if (below(&r, 100) >= pct)
    return;
  /* votes = 5 * 10^(d + f): d geometric, f uniform: a stepped power law. */
  uint32_t q = t->type == T_MOVIE || t->type == T_SERIES ? 220000 : 160000, d = 0;
  while (d < 6 && chance(&r, q))
    d++;
  static const double p10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  double f = powtab_get(&g_pow10, next32(&r));
  double v = p10[d] * f;
  v = 5.0 * v;
  uint64_t votes = (uint64_t)v;
  if (votes > 3000000)
    votes = 3000000;
  if (votes < 5)
    votes = 5;
  int tenths = 25 + (int)below(&r, 26) + (int)below(&r, 26) + (int)below(&r, 26);
  if (votes < 30)
    tenths += (int)below(&r, 31) - 15;
  if (chance(&r, 30000))
    tenths = (int)range(&r, 10, 100);
  tenths = tenths < 10 ? 10 : tenths > 100 ? 100 : tenths;
  char *p = row_begin(o);
  p = put_tt(p, t->i);
  p = put_tab(p);
  p = put_u(p, (uint32_t)tenths / 10);
  *p++ = '.';
  *p++ = (char)('0' + tenths % 10);
  p = put_tab(p);
  p = put_u(p, votes);
  row_end(o, p);
}

/* ---- title.akas ----------------------------------------------------- */

typedef struct region {
  const char *code;
  int prof;
  uint32_t w;
  const char *langs; /* space-separated candidates for the language column */
} region;

static const region regions[] = {
    {"US", P_EN, 120, "en es"},    {"GB", P_EN, 60, "en"},
    {"XWW", P_EN, 60, "en"},       {"CA", P_EN, 30, "en fr"},
    {"AU", P_EN, 20, "en"},        {"IE", P_EN, 5, "en ga"},
    {"NZ", P_EN, 5, "en"},         {"IN", P_HI, 30, "hi en ta te ml"},
    {"DE", P_DE, 60, "de"},        {"AT", P_DE, 10, "de"},
    {"CH", P_DE, 10, "de fr it"},  {"FR", P_FR, 60, "fr"},
    {"BE", P_FR, 10, "fr nl"},     {"ES", P_ES, 50, "es ca eu gl"},
    {"MX", P_ES, 30, "es"},        {"AR", P_ES, 20, "es"},
    {"CO", P_ES, 8, "es"},         {"CL", P_ES, 5, "es"},
    {"PE", P_ES, 5, "es"},         {"VE", P_ES, 5, "es"},
    {"UY", P_ES, 3, "es"},         {"IT", P_IT, 50, "it"},
    {"BR", P_PT, 50, "pt"},        {"PT", P_PT, 20, "pt"},
    {"TR", P_TR, 20, "tr"},        {"PL", P_PL, 20, "pl"},
    {"SE", P_NORD, 10, "sv"},      {"NO", P_NORD, 10, "no"},
    {"DK", P_NORD, 10, "da"},      {"FI", P_NORD, 10, "fi sv"},
    {"NL", P_EN, 10, "nl"},        {"HU", P_HU, 10, "hu"},
    {"CZ", P_CZ, 10, "cs"},        {"SK", P_CZ, 5, "sk"},
    {"RO", P_RO, 10, "ro"},        {"HR", P_SH, 5, "hr"},
    {"RS", P_SH, 5, "sr"},         {"YUCS", P_SH, 3, "sr hr"},
    {"XYU", P_SH, 3, "sr"},        {"VN", P_VN, 8, "vi"},
    {"RU", P_RU, 40, "ru"},        {"SUHH", P_RU, 10, "ru"},
    {"UA", P_RU, 10, "uk ru"},     {"BG", P_RU, 8, "bg"},
    {"GR", P_GR, 15, "el"},        {"EG", P_AR, 8, "ar"},
    {"LB", P_AR, 3, "ar fr"},      {"IL", P_HE, 5, "he"},
    {"CN", P_ZH, 15, "zh cmn"},    {"TW", P_ZH, 10, "zh"},
    {"HK", P_ZH, 10, "zh en yue"}, {"SG", P_EN, 3, "en zh"},
    {"JP", P_JA, 40, "ja"},        {"KR", P_KO, 20, "ko"},
    {"XEU", P_EN, 5, "en"},        {"XSA", P_ES, 3, "es"},
    {"XAS", P_EN, 3, "en"},        {"CSHH", P_CZ, 3, "cs"},
    {"DDDE", P_DE, 3, "de"},       {"XKO", P_SH, 1, "sq"},
    {"PH", P_EN, 5, "en tl"},      {"ID", P_EN, 5, "id"},
};
#define NREGIONS ((int)(sizeof regions / sizeof regions[0]))
static uint32_t region_w[NREGIONS], region_total;
static toks region_langs[NREGIONS];

static const char *const aka_attrs[] = {"literal English title",
                                        "literal title",
                                        "short title",
                                        "complete title",
                                        "informal title",
                                        "new title",
                                        "reissue title",
                                        "working title",
                                        "promotional title",
                                        "3-D version",
                                        "IMAX version",
                                        "video box title",
                                        "alternative spelling",
                                        "cable TV title",
                                        "subtitle",
                                        "transliterated title",
                                        "original subtitled version",
                                        "dubbed version",
                                        "censored version",
                                        "rerun title",
                                        "first episode title",
                                        "Yiddish title",
                                        "informal alternative title"};
#define NATTRS ((int)(sizeof aka_attrs / sizeof aka_attrs[0]))

/* Per-type AKA count draws: mean about 3 over the type mix. */
static uint32_t aka_count(rng *r, int t) {
  switch (t) {
  case T_MOVIE:
  case T_TVMOVIE:
  case T_SERIES: {
    uint32_t n = 1;
    while (n < 12 && chance(r, 870000))
      n++;
    return n;
  }
  case T_EPISODE: {
    static const uint32_t w[9] = {5, 16, 30, 27, 13, 4, 3, 1, 1};
    return (uint32_t)wpick(r, w, 9, 100);
  }
  default: {
    uint32_t n = chance(r, 100000) ? 0 : 1;
    while (n && n < 12 && chance(r, 640000))
      n++;
    return n;
  }
  }
}

static void aka_title(sb *s, rng *r, const tctx *t, int pi) {
  if (t->type == T_EPISODE && t->nwords == 0 && t->season) { /* "Episode #1.2" */
    const char *ep = g_prof[pi].episode ? g_prof[pi].episode : "Episode";
    if (g_prof[pi].kind == K_ZH || g_prof[pi].kind == K_JA) {
      sb_s(s, ep);
      sb_u(s, t->episode);
      sb_s(s, pi == P_ZH ? "集" : "話");
      return;
    }
    sb_s(s, ep);
    sb_s(s, " #");
    sb_u(s, t->season);
    sb_c(s, '.');
    sb_u(s, t->episode);
    return;
  }
  uint32_t x = below(r, 100);
  if (x < 30 || t->nwords == 0) {
    sb_add(s, t->primary.b, t->primary.n);
  } else if (x < 88) {
    make_title(s, r, pi, t->nwords, 0);
  } else {
    sb_add(s, t->primary.b, t->primary.n);
    sb_s(s, chance(r, 500000) ? ": " : " - ");
    make_title(s, r, pi, 1 + (int)below(r, 3), 0);
  }
}

static void write_akas(out *o, const tctx *t) {
  rng r = rng_at(S_AKAS, t->i);
  uint32_t k = aka_count(&r, t->type);
  uint32_t orig_at = k && chance(&r, 850000) ? below(&r, k) : UINT32_MAX;
  uint32_t second_one = k >= 2 && chance(&r, 30000) ? below(&r, k) : UINT32_MAX;
  for (uint32_t j = 0; j < k; j++) {
    sb title;
    title.n = 0;
    const char *reg = NULL, *lang = NULL, *types = NULL, *attr = NULL, *attr2 = NULL;
    int is_orig = 0;
    if (j == orig_at) {
      sb_add(&title, t->original.b, t->original.n);
      types = "original";
      is_orig = 1;
    } else if (j == second_one) { /* a second isOriginalTitle = 1 */
      sb_add(&title, t->primary.b, t->primary.n);
      types = chance(&r, 500000) ? "original" : NULL;
      is_orig = 1;
    } else if (chance(&r, 30000)) { /* region, language and types all `\N` */
      aka_title(&title, &r, t, t->origin);
      if (chance(&r, 300000))
        attr = "alternative spelling";
    } else {
      int ri = wpick(&r, region_w, NREGIONS, region_total);
      reg = regions[ri].code;
      int pi = regions[ri].prof;
      if (chance(&r, 150000)) {
        lang = tpick(&r, &region_langs[ri]);
        if (strcmp(lang, "en") == 0)
          pi = P_EN;
        else if (strcmp(lang, "fr") == 0)
          pi = P_FR;
      }
      aka_title(&title, &r, t, pi);
      uint32_t x = below(&r, 1000);
      types = x < 450   ? NULL
              : x < 800 ? "imdbDisplay"
              : x < 870 ? "alternative"
              : x < 910 ? "working"
              : x < 930 ? "festival"
              : x < 950 ? "dvd"
              : x < 970 ? "tv"
              : x < 990 ? "video"
              : x < 995 ? "alternative,tv"
                        : "dvd,video";
      if (chance(&r, 80000)) {
        attr = aka_attrs[below(&r, NATTRS)];
        if (chance(&r, 100000))
          attr2 = aka_attrs[below(&r, NATTRS)];
        if (attr2 == attr)
          attr2 = NULL;
      }
    }
    char *p = row_begin(o);
    p = put_tt(p, t->i);
    p = put_tab(p);
    p = put_u(p, j + 1);
    p = put_tab(p);
    p = put_m(p, title.b, title.n);
    p = put_tab(p);
    p = reg ? put_s(p, reg) : put_null(p);
    p = put_tab(p);
    p = lang ? put_s(p, lang) : put_null(p);
    p = put_tab(p);
    p = types ? put_s(p, types) : put_null(p);
    p = put_tab(p);
    if (attr) {
      p = put_s(p, attr);
      if (attr2) {
        *p++ = ',';
        p = put_s(p, attr2);
      }
    } else {
      p = put_null(p);
    }
    p = put_tab(p);
    *p++ = is_orig ? '1' : '0';
    row_end(o, p);
  }
}

/* ---- title.principals and title.crew ---------------------------------- */

enum cat {
  C_ACTOR,
  C_ACTRESS,
  C_SELF,
  C_DIRECTOR,
  C_WRITER,
  C_PRODUCER,
  C_COMPOSER,
  C_CINEMATOGRAPHER,
  C_EDITOR,
  C_PRODDESIGN,
  C_CASTING,
  C_ARCHIVE,
  C_ARCHSOUND,
  C_COUNT
};
static const char *const cat_name[C_COUNT] = {"actor",
                                              "actress",
                                              "self",
                                              "director",
                                              "writer",
                                              "producer",
                                              "composer",
                                              "cinematographer",
                                              "editor",
                                              "production_designer",
                                              "casting_director",
                                              "archive_footage",
                                              "archive_sound"};

/* name.basics professions: bit b of a person's trades. */
enum trade {
  TR_ACTOR,
  TR_ACTRESS,
  TR_DIRECTOR,
  TR_WRITER,
  TR_PRODUCER,
  TR_COMPOSER,
  TR_CINEMATOGRAPHER,
  TR_EDITOR,
  TR_PRODDESIGN,
  TR_CASTING,
  TR_SOUNDTRACK,
  TR_MISC,
  TR_COUNT
};
static const char *const trade_name[TR_COUNT] = {"actor",
                                                 "actress",
                                                 "director",
                                                 "writer",
                                                 "producer",
                                                 "composer",
                                                 "cinematographer",
                                                 "editor",
                                                 "production_designer",
                                                 "casting_director",
                                                 "soundtrack",
                                                 "miscellaneous"};
static const char *const extra_professions[] = {"music_department",
                                                "camera_department",
                                                "art_department",
                                                "sound_department",
                                                "editorial_department",
                                                "make_up_department",
                                                "costume_department",
                                                "stunts",
                                                "visual_effects",
                                                "animation_department",
                                                "assistant_director",
                                                "special_effects",
                                                "costume_designer",
                                                "location_management",
                                                "script_department",
                                                "transportation_department",
                                                "executive",
                                                "manager",
                                                "talent_agent",
                                                "publicist",
                                                "art_director",
                                                "set_decorator",
                                                "production_manager",
                                                "casting_department",
                                                "legal",
                                                "podcaster"};
#define NEXTRA ((int)(sizeof extra_professions / sizeof extra_professions[0]))

static int trade_of_cat(int c, uint32_t person) {
  switch (c) {
  case C_ACTOR:
    return TR_ACTOR;
  case C_ACTRESS:
    return TR_ACTRESS;
  case C_ARCHIVE:
    return female_of(person) ? TR_ACTRESS : TR_ACTOR;
  case C_DIRECTOR:
    return TR_DIRECTOR;
  case C_WRITER:
    return TR_WRITER;
  case C_PRODUCER:
    return TR_PRODUCER;
  case C_COMPOSER:
    return TR_COMPOSER;
  case C_CINEMATOGRAPHER:
    return TR_CINEMATOGRAPHER;
  case C_EDITOR:
    return TR_EDITOR;
  case C_PRODDESIGN:
    return TR_PRODDESIGN;
  case C_CASTING:
    return TR_CASTING;
  case C_ARCHSOUND:
    return TR_SOUNDTRACK;
  default:
    return TR_MISC; /* self */
  }
}

static void credit(uint32_t person, uint32_t title, int c) {
  g_last_title[person] = title;
  g_trades[person] |= (uint16_t)(1u << trade_of_cat(c, person));
}

static const char *const writer_jobs[] = {"screenplay",
                                          "written by",
                                          "story",
                                          "novel",
                                          "based on the novel by",
                                          "based on the play by",
                                          "characters",
                                          "created by",
                                          "teleplay",
                                          "adaptation",
                                          "dialogue",
                                          "book",
                                          "original story",
                                          "screenplay by",
                                          "scenario",
                                          "writer",
                                          "story by",
                                          "based on the short story by",
                                          "additional dialogue",
                                          "idea",
                                          "head writer",
                                          "staff writer",
                                          "written for the screen by"};
#define NWJOBS ((int)(sizeof writer_jobs / sizeof writer_jobs[0]))

/* The job column (NULL: `\N`); `buf` for jobs with a made-up work title. */
static const char *job_of(rng *r, int c, int origin, sb *buf) {
  switch (c) {
  case C_DIRECTOR: {
    uint32_t x = below(r, 100);
    return x < 95 ? NULL : x < 98 ? "co-director" : "directed by";
  }
  case C_WRITER:
    if (chance(r, 400000))
      return NULL;
    if (chance(r, 30000)) { /* IMDb quirk: raw quotes inside the job */
      uint32_t x = below(r, 4);
      sb_s(buf, x == 0   ? "based on the graphic novel \""
                : x == 1 ? "based on the novel \""
                : x == 2 ? "based on the comic book \""
                         : "from the play \"");
      make_title(buf, r, origin, 1 + (int)below(r, 4), 0);
      sb_s(buf, chance(r, 900000) ? "\" by" : " by"); /* sometimes unbalanced */
      return buf->b;
    }
    return writer_jobs[below(r, NWJOBS)];
  case C_PRODUCER: {
    uint32_t x = below(r, 100);
    return x < 55   ? "producer"
           : x < 80 ? "executive producer"
           : x < 88 ? "co-producer"
           : x < 94 ? "associate producer"
           : x < 97 ? "line producer"
           : x < 99 ? "co-executive producer"
                    : "supervising producer";
  }
  case C_CINEMATOGRAPHER:
    return chance(r, 500000) ? "director of photography" : NULL;
  case C_EDITOR:
    return chance(r, 200000) ? "film editor" : NULL;
  case C_COMPOSER:
    return chance(r, 30000) ? "original music" : NULL;
  case C_CASTING:
    return chance(r, 100000) ? "casting" : NULL;
  case C_PRODDESIGN:
    return chance(r, 50000) ? "production designer" : NULL;
  default:
    return NULL;
  }
}

static const char *const role_words[] = {
    "Narrator",      "Police Officer", "Nurse",         "Bartender",   "Doctor",
    "Reporter",      "Guard",          "Soldier",       "Driver",      "Teacher",
    "Student",       "Detective",      "Sheriff",       "Judge",       "Lawyer",
    "The Stranger",  "Dancer",         "Singer",        "Thug",        "Cop",
    "Party Guest",   "Receptionist",   "Neighbor",      "Customer",    "Cab Driver",
    "Villager",      "Prisoner",       "Agent",         "Pilot",       "Boss",
    "Mary's Friend", "Townsperson",    "Nosy Neighbor", "Bank Teller", "Jogger",
    "Tourist",       "Paramedic"};
static const char *const role_words_m[] = {"Man in Bar", "Old Man",   "Father",  "Priest",
                                           "Henchman",   "Young Man", "Himself", "Waiter"};
static const char *const role_words_f[] = {"Woman in Park", "Little Girl", "Mother",  "Waitress",
                                           "Mrs. O'Leary",  "Young Woman", "Herself", "Nun"};
#define NROLES ((uint32_t)(sizeof role_words / sizeof role_words[0]))
#define NROLES_G ((uint32_t)(sizeof role_words_m / sizeof role_words_m[0]))

static const char *role_word(rng *r, int female) {
  uint32_t k = below(r, NROLES + NROLES_G);
  return k < NROLES ? role_words[k] : female ? role_words_f[k - NROLES] : role_words_m[k - NROLES];
}

/* One character name (no double quotes: they would need escaping). */
static void character(sb *s, rng *r, int origin, int female) {
  uint32_t x = below(r, 1000);
  if (x < 560) {
    const profile *p = &g_prof[origin];
    const toks *first = female ? &p->first_f : &p->first_m;
    if (!first->n || (p->rfirst_m.n && chance(r, 500000)))
      first = female ? &p->rfirst_f : &p->rfirst_m;
    if (!first->n)
      first = female ? &g_prof[P_EN].first_f : &g_prof[P_EN].first_m;
    if (chance(r, 50000)) {
      sb_s(s, female ? "Mrs. " : "Dr. ");
      sb_s(s, tpick(r, &g_prof[P_EN].last));
    } else {
      sb_s(s, tpick(r, first));
    }
    if (x < 130) {
      const toks *last = first == &p->rfirst_f || first == &p->rfirst_m ? &p->rlast : &p->last;
      if (!last->n)
        last = &g_prof[P_EN].last;
      sb_c(s, ' ');
      sb_s(s, tpick(r, last));
    }
  } else if (x < 900) {
    sb_s(s, role_word(r, female));
    if (chance(r, 150000)) {
      sb_s(s, " #");
      sb_u(s, range(r, 1, 4));
    }
  } else if (x < 960) {
    sb_s(s, tpick(r, female ? &g_prof[P_EN].first_f : &g_prof[P_EN].first_m));
    sb_s(s, chance(r, 500000) ? ", the " : ", ");
    sb_s(s, role_word(r, female));
  } else {
    sb_s(s, tpick(r, female ? &g_prof[P_EN].first_f : &g_prof[P_EN].first_m));
    sb_s(s, " '");
    sb_s(s, tpick(r, &g_prof[P_EN].words));
    sb_s(s, "' ");
    sb_s(s, tpick(r, &g_prof[P_EN].last));
  }
  if (chance(r, 20000))
    sb_s(s, " (voice)");
}

typedef struct slot {
  uint32_t person;
  int cat;
  const char *job; /* NULL: `\N` */
  sb chars;        /* empty: `\N` */
  sb jobbuf;
} slot;

/* Crew after the cast: a head by kind of title, then trades by weight. */
static const int8_t crew_film[] = {C_DIRECTOR, C_WRITER, C_WRITER, -1};
static const int8_t crew_series[] = {C_WRITER, C_PRODUCER, -1};
static const int8_t crew_self[] = {C_DIRECTOR, C_PRODUCER, -1};
static const uint32_t crew_tail_w[C_COUNT] = {
    [C_PRODUCER] = 30,  [C_COMPOSER] = 18, [C_CINEMATOGRAPHER] = 18, [C_EDITOR] = 15,
    [C_PRODDESIGN] = 5, [C_CASTING] = 5,   [C_WRITER] = 6,           [C_DIRECTOR] = 3};

static int pool_of_cat(int c) {
  switch (c) {
  case C_DIRECTOR:
    return POOL_DIR;
  case C_WRITER:
    return POOL_WRI;
  case C_PRODUCER:
    return POOL_PROD;
  case C_COMPOSER:
  case C_ARCHSOUND:
    return POOL_COMP;
  case C_CINEMATOGRAPHER:
    return POOL_CAM;
  case C_EDITOR:
  case C_PRODDESIGN:
  case C_CASTING:
    return POOL_TECH;
  default:
    return POOL_PERF;
  }
}

static int taken(const slot *sl, int n, uint32_t person, int c) {
  for (int k = 0; k < n; k++)
    if (sl[k].person == person && sl[k].cat == c)
      return 1;
  return 0;
}

static uint32_t principal_count(rng *r, int t) {
  switch (t) {
  case T_MOVIE:
  case T_TVMOVIE:
    return chance(r, 720000) ? 10 : range(r, 4, 9);
  case T_EPISODE:
    return chance(r, 560000) ? 10 : range(r, 2, 9);
  case T_SERIES:
    return chance(r, 600000) ? 10 : range(r, 3, 9);
  case T_SHORT:
  case T_TVSHORT:
    return chance(r, 250000) ? 10 : range(r, 1, 9);
  default:
    return chance(r, 400000) ? 10 : range(r, 1, 9);
  }
}

static void write_principals(out *po, out *co, const tctx *t) {
  rng r = rng_at(S_PRIN, t->i);
  slot sl[10];
  int n = 0;
  uint32_t k = principal_count(&r, t->type);
  uint32_t ncast;
  if (t->self)
    ncast = k <= 2 ? k : k - range(&r, 1, k < 6 ? 2 : 4);
  else if (t->type == T_EPISODE)
    ncast = k <= 2 ? 1 : k - range(&r, 2, k < 6 ? 2 : 4);
  else if (k <= 2)
    ncast = chance(&r, 500000) ? k : 0;
  else
    ncast = k >= 8 ? range(&r, 3, 6) : range(&r, 1, k - 1);
  const int8_t *head = t->self ? crew_self : is_series(t->type) ? crew_series : crew_film;
  int8_t crew[16];
  int nh = 0;
  for (; head[nh] >= 0; nh++)
    crew[nh] = head[nh];
  for (int m = nh; m < 15; m++) {
    int c = wpick(&r, crew_tail_w, C_COUNT, 100);
    int cnt = 0;
    for (int q = 0; q < m; q++)
      cnt += crew[q] == c;
    crew[m] = (int8_t)(cnt < (c == C_PRODUCER ? 3 : 1) ? c : C_PRODUCER);
  }
  crew[15] = -1;
  int has_series = t->type == T_EPISODE || is_series(t->type);
  uint32_t sidx = t->type == T_EPISODE ? t->series : t->i;

  /* Cast: a series' regulars first, then guests / the film's cast. */
  uint32_t reg = 0;
  while ((uint32_t)n < ncast) {
    uint32_t person;
    int regular = -1;
    if (has_series && reg < t->si.nreg) {
      regular = (int)reg++;
      if (t->type == T_EPISODE && !chance(&r, 850000))
        continue;
      rng rr = rng_at(S_REGULAR, (uint64_t)sidx * 64 + (uint64_t)regular);
      person = person_pick(&rr, POOL_PERF);
    } else {
      person = person_pick(&r, POOL_PERF);
    }
    int c = t->self ? C_SELF : female_of(person) ? C_ACTRESS : C_ACTOR;
    if (regular < 0 && chance(&r, t->self ? 80000 : 15000))
      c = C_ARCHIVE;
    else if (regular < 0 && chance(&r, 1000))
      c = C_ARCHSOUND;
    if (taken(sl, n, person, c)) {
      if (regular >= 0)
        continue;
      ncast--;
      continue;
    }
    slot *s = &sl[n++];
    s->person = person, s->cat = c, s->job = NULL;
    s->chars.n = 0;
    if (c == C_ARCHSOUND) {
      continue;
    } else if (c == C_SELF || c == C_ARCHIVE) {
      if (!chance(&r, 100000)) {
        sb_s(&s->chars, "[\"");
        int fem = female_of(person);
        uint32_t x = below(&r, 100);
        sb_s(&s->chars, regular == 0 && t->self ? "Self - Host"
                        : x < 60                ? "Self"
                        : x < 75                ? (fem ? "Herself" : "Himself")
                        : x < 90                ? "Self - Guest"
                        : x < 95                ? "Self - Contestant"
                                                : "Self - Presenter");
        sb_s(&s->chars, "\"]");
      }
    } else if (!chance(&r, 130000)) {
      /* A regular keeps their character across the series. */
      rng cr = regular >= 0 ? rng_at(S_CHARACTER, (uint64_t)sidx * 64 + (uint64_t)regular) : r;
      int fem = c == C_ACTRESS;
      sb_s(&s->chars, "[\"");
      character(&s->chars, &cr, t->origin, fem);
      if (chance(&cr, 25000)) {
        sb_s(&s->chars, "\",\"");
        character(&s->chars, &cr, t->origin, fem);
      }
      sb_s(&s->chars, "\"]");
      if (regular < 0)
        r = cr;
    }
  }

  /* Crew, in the kind's usual order. */
  uint32_t dir_person = UINT32_MAX;
  for (int ci = 0; (uint32_t)n < k && crew[ci] >= 0; ci++) {
    int c = crew[ci];
    if (c == C_WRITER && ci > 0 && crew[ci - 1] == C_WRITER && chance(&r, 500000))
      continue;
    uint32_t person;
    if (has_series && (c == C_DIRECTOR || c == C_WRITER) && chance(&r, 800000)) {
      uint32_t m = c == C_DIRECTOR ? t->si.ndir : t->si.nwri;
      rng rr = rng_at(S_REGULAR, (uint64_t)sidx * 64 + 32 + (c == C_WRITER ? 8 : 0) + below(&r, m));
      person = person_pick(&rr, pool_of_cat(c));
    } else if (c == C_WRITER && dir_person != UINT32_MAX && chance(&r, 250000)) {
      person = dir_person; /* writer-director */
    } else {
      int pool = pool_of_cat(c);
      if (c == C_DIRECTOR && chance(&r, 100000))
        pool = chance(&r, 500000) ? POOL_PERF : POOL_WRI;
      person = person_pick(&r, pool);
    }
    if (taken(sl, n, person, c))
      continue;
    if (c == C_DIRECTOR && dir_person == UINT32_MAX)
      dir_person = person;
    slot *s = &sl[n++];
    s->person = person, s->cat = c;
    s->chars.n = 0;
    s->jobbuf.n = 0;
    s->job = job_of(&r, c, t->origin, &s->jobbuf);
    if (s->job == s->jobbuf.b)
      sb_c(&s->jobbuf, '\0');
  }

  /* Output order: by ordering, but sometimes as a string sort (1, 10, 2,
   * ...) or with 10 first, as seen in IMDb's files. */
  int order[10];
  for (int j = 0; j < n; j++)
    order[j] = j;
  if (n == 10 && chance(&r, 250000)) {
    order[0] = 0, order[1] = 9;
    for (int j = 2; j < 10; j++)
      order[j] = j - 1;
  } else if (n == 10 && chance(&r, 50000)) {
    order[0] = 9;
    for (int j = 1; j < 10; j++)
      order[j] = j - 1;
  } else if (n >= 3 && chance(&r, 20000)) {
    int a = (int)below(&r, (uint32_t)n - 1);
    int tmp = order[a];
    order[a] = order[a + 1], order[a + 1] = tmp;
  }
  for (int j = 0; j < n; j++) {
    const slot *s = &sl[order[j]];
    char *p = row_begin(po);
    p = put_tt(p, t->i);
    p = put_tab(p);
    p = put_u(p, (uint32_t)order[j] + 1);
    p = put_tab(p);
    p = put_nm(p, s->person);
    p = put_tab(p);
    p = put_s(p, cat_name[s->cat]);
    p = put_tab(p);
    p = s->job ? put_s(p, s->job) : put_null(p);
    p = put_tab(p);
    p = s->chars.n ? put_m(p, s->chars.b, s->chars.n) : put_null(p);
    row_end(po, p);
    credit(s->person, t->i, s->cat);
  }

  /* title.crew: the principals' directors and writers, plus a few more. */
  rng cr = rng_at(S_CREW, t->i);
  char *p = row_begin(co);
  p = put_tt(p, t->i);
  for (int pass = 0; pass < 2; pass++) {
    int c = pass == 0 ? C_DIRECTOR : C_WRITER;
    p = put_tab(p);
    int cnt = 0;
    for (int j = 0; j < n; j++)
      if (sl[j].cat == c) {
        int dup = 0;
        for (int m = 0; m < j; m++)
          dup |= sl[m].cat == c && sl[m].person == sl[j].person;
        if (dup)
          continue;
        if (cnt++)
          *p++ = ',';
        p = put_nm(p, sl[j].person);
      }
    uint32_t extra_ppm = c == C_DIRECTOR ? (cnt                  ? 40000
                                            : t->type == T_MOVIE ? 300000
                                                                 : 100000)
                                         : (cnt ? 120000 : 150000);
    int extra = chance(&cr, extra_ppm) ? 1 + (int)chance(&cr, 200000) : 0;
    for (int e = 0; e < extra; e++) {
      uint32_t person = person_pick(&cr, pool_of_cat(c));
      if (taken(sl, n, person, c))
        continue;
      if (cnt++)
        *p++ = ',';
      p = put_nm(p, person);
      credit(person, t->i, c);
    }
    if (!cnt)
      p = put_null(p);
  }
  row_end(co, p);
}

/* ---- name.basics ----------------------------------------------------- */

static const uint32_t name_origin_w[P_COUNT] = {
    [P_EN] = 7000, [P_FR] = 250, [P_DE] = 250,   [P_ES] = 400, [P_IT] = 250, [P_PT] = 200,
    [P_TR] = 100,  [P_PL] = 80,  [P_NORD] = 120, [P_HU] = 40,  [P_CZ] = 40,  [P_RO] = 40,
    [P_SH] = 40,   [P_VN] = 15,  [P_RU] = 300,   [P_GR] = 60,  [P_AR] = 100, [P_HE] = 40,
    [P_HI] = 200,  [P_ZH] = 150, [P_JA] = 200,   [P_KO] = 150};
static uint32_t name_origin_total;

static const uint32_t rand_trade_w[TR_COUNT] = {30, 22, 8, 8, 8, 3, 3, 3, 1, 1, 4, 9};

static void write_names(out *o) {
  uint32_t trade_total = wsum(rand_trade_w, TR_COUNT);
  for (uint32_t pid = 0; pid < g_P; pid++) {
    rng r = rng_at(S_PERSON, pid);
    int female = female_of(pid);
    int pi = wpick(&r, name_origin_w, P_COUNT, name_origin_total);
    sb name;
    name.n = 0;
    int null_name = chance(&r, 150);
    if (!null_name) {
      if (chance(&r, 200)) { /* a nickname in raw quotes, like "Weird Al" Yankovic */
        sb_c(&name, '"');
        syl_word(&name, &r, &g_prof[P_EN], 1);
        sb_s(&name, "\" ");
        sb_s(&name, tpick(&r, &g_prof[P_EN].last));
      } else {
        make_name(&name, &r, pi, female, !g_prof[pi].rlast.n || chance(&r, 80000));
      }
    }
    uint32_t last = g_last_title[pid];
    uint32_t by = 0, dy = 0;
    if (chance(&r, 200000)) {
      uint32_t y = last != UINT32_MAX ? approx_year(last) : 0;
      if (!y)
        y = range(&r, 1900, 2024);
      uint32_t age = range(&r, 8, 70);
      by = y > 1830 + age ? y - age : 1830;
      uint32_t dp = by < 1920 ? 900000 : by < 1950 ? 500000 : by < 1970 ? 150000 : 30000;
      if (chance(&r, dp)) {
        dy = by + range(&r, 20, 100);
        if (dy > 2026)
          dy = by < 2026 ? range(&r, by + 1, 2026) : 0;
      }
    } else if (chance(&r, 15000)) {
      dy = range(&r, 1900, 2026);
    }
    char *p = row_begin(o);
    p = put_nm(p, pid);
    p = put_tab(p);
    p = null_name ? put_null(p) : put_m(p, name.b, name.n);
    p = put_tab(p);
    p = by ? put_u(p, by) : put_null(p);
    p = put_tab(p);
    p = dy ? put_u(p, dy) : put_null(p);
    p = put_tab(p);
    /* primaryProfession: up to 3, the credited trades first. */
    uint32_t tr = g_trades[pid];
    const char *prof[3];
    int np = 0;
    uint32_t start = below(&r, TR_COUNT);
    for (uint32_t b = 0; b < TR_COUNT && np < 3; b++) {
      uint32_t bit = (start + b) % TR_COUNT;
      if (tr >> bit & 1u)
        prof[np++] = trade_name[bit];
    }
    if (!tr && !chance(&r, 250000)) {
      uint32_t want = 1 + (uint32_t)chance(&r, 350000) + (uint32_t)chance(&r, 300000);
      for (uint32_t tries = 0; tries < 6 && (uint32_t)np < want; tries++) {
        int b = wpick(&r, rand_trade_w, TR_COUNT, trade_total);
        if (b == TR_ACTOR && female)
          b = TR_ACTRESS;
        else if (b == TR_ACTRESS && !female)
          b = TR_ACTOR;
        int dup = 0;
        for (int m = 0; m < np; m++)
          dup |= prof[m] == trade_name[b];
        if (!dup)
          prof[np++] = trade_name[b];
      }
    }
    if (np && np < 3 && chance(&r, 200000))
      prof[np++] = extra_professions[below(&r, NEXTRA)];
    for (int m = 0; m < np; m++) {
      if (m)
        *p++ = ',';
      p = put_s(p, prof[m]);
    }
    if (!np)
      p = put_null(p);
    p = put_tab(p);
    /* knownForTitles: the last credit, then a few other existing titles. */
    uint32_t kf[4];
    int nk = 0;
    if (last != UINT32_MAX)
      kf[nk++] = last;
    uint32_t more = last != UINT32_MAX ? below(&r, 4) : chance(&r, 600000) ? 0 : range(&r, 1, 4);
    for (uint32_t m = 0; m < more; m++) {
      uint32_t ti = below(&r, g_N);
      int dup = 0;
      for (int q = 0; q < nk; q++)
        dup |= kf[q] == ti;
      if (!dup)
        kf[nk++] = ti;
    }
    for (int m = 0; m < nk; m++) {
      if (m)
        *p++ = ',';
      p = put_tt(p, kf[m]);
    }
    if (!nk)
      p = put_null(p);
    row_end(o, p);
  }
}

/* ---- relations.tsv: remake families and sequel chains ------------------ */

static uint32_t rel_year(uint32_t i) {
  uint32_t y = year_of(i);
  return y ? y : 9999;
}

static int by_year(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  uint32_t yx = rel_year(x), yy = rel_year(y);
  if (yx != yy)
    return yx < yy ? -1 : 1;
  return x < y ? -1 : x > y;
}

static const char *const remake_notes[] = {"American remake",
                                           "Turkish remake",
                                           "Hindi remake",
                                           "Korean remake",
                                           "Japanese remake",
                                           "uncredited remake",
                                           "loosely based on the same story",
                                           "shot-for-shot remake",
                                           "remake of the 1950s film",
                                           "musical remake",
                                           "gender-swapped remake",
                                           "versión mexicana",
                                           "remake turc, tourné à Istanbul",
                                           "Neuverfilmung",
                                           "same screenplay, new cast",
                                           "official adaptation with significant changes"};
#define NRNOTES ((int)(sizeof remake_notes / sizeof remake_notes[0]))

static void rel_row(out *o, uint32_t from, const char *rel, uint32_t to, const char *flags,
                    const char *note) {
  char *p = row_begin(o);
  p = put_tt(p, from);
  p = put_tab(p);
  p = put_s(p, rel);
  p = put_tab(p);
  p = put_tt(p, to);
  p = put_tab(p);
  p = put_s(p, flags);
  p = put_tab(p);
  p = put_s(p, note);
  row_end(o, p);
}

static void write_relations(out *o, const uint32_t *type_count) {
  uint64_t want_remake = g_N / 100, want_follow = g_N / 500, need = want_remake + want_follow;
  /* Candidate shares: movies 85 %, TV movies 10 %, videos 5 %, with margin. */
  uint64_t pm = type_count[T_MOVIE] ? need * 1020000 / type_count[T_MOVIE] : 0;
  uint64_t pt = type_count[T_TVMOVIE] ? need * 120000 / type_count[T_TVMOVIE] : 0;
  uint64_t pv = type_count[T_VIDEO] ? need * 60000 / type_count[T_VIDEO] : 0;
  uint32_t *cand = xmalloc((size_t)(need + 16) * 2 * sizeof *cand);
  uint32_t nc = 0, cap = (uint32_t)(need + 16) * 2;
  for (uint32_t i = 0; i < g_N && nc < cap; i++) {
    int t = type_of(i);
    uint64_t ppm = t == T_MOVIE ? pm : t == T_TVMOVIE ? pt : t == T_VIDEO ? pv : 0;
    if (ppm && hash32(S_RELATION, i) % 1000000 < ppm)
      cand[nc++] = i;
  }
  rng r = rng_at(S_RELATION, UINT64_C(1) << 39);
  for (uint32_t j = nc; j > 1; j--) { /* Fisher-Yates */
    uint32_t k = below(&r, j);
    uint32_t tmp = cand[j - 1];
    cand[j - 1] = cand[k], cand[k] = tmp;
  }
  uint32_t size_w[21] = {0};
  for (int s = 2; s <= 20; s++)
    size_w[s] = 400000u / (uint32_t)(s * s);
  uint32_t size_total = wsum(size_w, 21);
  uint32_t pos = 0;
  uint32_t members[20], parent[20], depth[20];
  while (pos < want_remake && nc - pos >= 2) {
    uint32_t s = (uint32_t)wpick(&r, size_w, 21, size_total);
    if (s > nc - pos)
      s = nc - pos;
    memcpy(members, cand + pos, s * sizeof *members);
    pos += s;
    if (!chance(&r, 30000)) /* 3 %: remakes dated before their original */
      qsort(members, s, sizeof *members, by_year);
    depth[0] = 0;
    for (uint32_t j = 1; j < s; j++) {
      uint32_t par = chance(&r, 600000) ? 0 : below(&r, j);
      if (depth[par] >= 5)
        par = 0;
      parent[j] = par;
      depth[j] = depth[par] + 1;
    }
    for (uint32_t j = 1; j < s; j++) {
      const char *note = chance(&r, 80000) ? remake_notes[below(&r, NRNOTES)] : "";
      rel_row(o, members[j], "remake_of", members[parent[j]],
              chance(&r, 100000) ? "unofficial" : "", note);
    }
  }
  uint32_t end = pos + (uint32_t)want_follow;
  while (pos + 2 <= end && nc - pos >= 2) {
    uint32_t s = range(&r, 2, 4);
    if (s > nc - pos)
      s = nc - pos;
    memcpy(members, cand + pos, s * sizeof *members);
    pos += s;
    qsort(members, s, sizeof *members, by_year);
    for (uint32_t j = 1; j < s; j++)
      rel_row(o, members[j], "follows", members[j - 1], "",
              chance(&r, 200000) ? (j == 1 ? "sequel" : "second sequel") : "");
  }
  free(cand);
}

/* ---- Main ------------------------------------------------------------ */

static void mkdirs(const char *dir) {
  size_t n = strlen(dir);
  char *p = xmalloc(n + 1);
  memcpy(p, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (p[i] == '/' || p[i] == '\0') {
      char c = p[i];
      p[i] = '\0';
      if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_imdb: cannot create %s: %s\n", p, strerror(errno));
        exit(1);
      }
      p[i] = c;
    }
  }
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    die("not a directory", dir);
  free(p);
}

static int parse_u64(const char *s, uint64_t *v) {
  if (!s || !*s)
    return 0;
  uint64_t x = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9' || x > (UINT64_MAX - 9) / 10)
      return 0;
    x = x * 10 + (uint64_t)(*s - '0');
  }
  *v = x;
  return 1;
}

static void usage(FILE *fp) {
  fprintf(fp, "usage: gen_imdb [--seed S] [--titles N] OUTDIR\n"
              "  writes IMDb-shaped title.basics.tsv, title.akas.tsv, title.crew.tsv,\n"
              "  title.principals.tsv, name.basics.tsv, title.episode.tsv,\n"
              "  title.ratings.tsv and filmgraph's relations.tsv into OUTDIR;\n"
              "  same seed and N give the same bytes (defaults: seed 1, N 1000)\n");
}

enum { F_BASICS, F_AKAS, F_CREW, F_PRIN, F_NAMES, F_EPISODE, F_RATINGS, F_REL, F_COUNT };

int main(int argc, char **argv) {
  uint64_t seed = 1, n = 1000;
  const char *dir = NULL;
  for (int a = 1; a < argc; a++) {
    const char *arg = argv[a], *val = NULL;
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
      usage(stdout);
      return 0;
    }
    int is_seed = strncmp(arg, "--seed", 6) == 0 && (arg[6] == '\0' || arg[6] == '=');
    int is_titles = strncmp(arg, "--titles", 8) == 0 && (arg[8] == '\0' || arg[8] == '=');
    if (is_seed || is_titles) {
      const char *eq = strchr(arg, '=');
      val = eq ? eq + 1 : a + 1 < argc ? argv[++a] : NULL;
      uint64_t v;
      if (!parse_u64(val, &v)) {
        fprintf(stderr, "gen_imdb: %s needs a non-negative integer\n",
                is_seed ? "--seed" : "--titles");
        return 2;
      }
      if (is_seed)
        seed = v;
      else
        n = v;
    } else if (arg[0] == '-' && arg[1] != '\0') {
      fprintf(stderr, "gen_imdb: unknown option %s\n", arg);
      usage(stderr);
      return 2;
    } else if (!dir) {
      dir = arg;
    } else {
      usage(stderr);
      return 2;
    }
  }
  if (!dir) {
    usage(stderr);
    return 2;
  }
  if (n < 1 || n > 1000000000) {
    fprintf(stderr, "gen_imdb: --titles must be between 1 and 1000000000\n");
    return 2;
  }
  g_key = mix64(seed ^ UINT64_C(0x6a09e667f3bcc909));
  g_N = (uint32_t)n;
  g_P = (uint32_t)(n + n * 3 / 10);
  idspace_init(&g_tid, g_N, S_TID);
  idspace_init(&g_nid, g_P, S_NID);
  profiles_init();
  origin_total = wsum(origin_w, P_COUNT);
  name_origin_total = wsum(name_origin_w, P_COUNT);
  genre_total = wsum(genre_w, G_COUNT);
  genre_self_total = wsum(genre_self_w, G_COUNT);
  for (int k = 0; k < NREGIONS; k++) {
    region_w[k] = regions[k].w;
    region_langs[k] = tk(regions[k].langs);
  }
  region_total = wsum(region_w, NREGIONS);
  powtab_init(&g_pow10, 10.0);
  pools_init();

  /* Pre-pass: types (for counts) and the series lists. */
  uint32_t type_count[T_COUNT] = {0};
  for (uint32_t i = 0; i < g_N; i++)
    type_count[type_of(i)]++;
  g_nseries = type_count[T_SERIES];
  g_nminis = type_count[T_MINI];
  if (!g_nseries && !g_nminis) {
    g_no_series = 1;
    type_count[T_SHORT] += type_count[T_EPISODE];
    type_count[T_EPISODE] = 0;
  }
  g_series = xmalloc((g_nseries + 1) * sizeof *g_series);
  g_minis = xmalloc((g_nminis + 1) * sizeof *g_minis);
  g_series_cnt = xcalloc(g_nseries + 1, sizeof *g_series_cnt);
  g_minis_cnt = xcalloc(g_nminis + 1, sizeof *g_minis_cnt);
  {
    uint32_t a = 0, b = 0;
    for (uint32_t i = 0; i < g_N; i++) {
      int t = type_of(i);
      if (t == T_SERIES)
        g_series[a++] = i;
      else if (t == T_MINI)
        g_minis[b++] = i;
    }
  }
  if (g_nseries) {
    zipf_init(&g_series_zipf, g_nseries, 60);
    static const uint64_t primes[] = {1000003, 1000033, 1000037};
    g_series_mult = primes[0];
    for (int k = 0; k < 3; k++)
      if (g_nseries % primes[k] != 0) {
        g_series_mult = primes[k];
        break;
      }
  }
  g_last_title = xmalloc((size_t)g_P * sizeof *g_last_title);
  memset(g_last_title, 0xFF, (size_t)g_P * sizeof *g_last_title);
  g_trades = xcalloc(g_P, sizeof *g_trades);

  mkdirs(dir);
  static const char *const fname[F_COUNT] = {
      "title.basics.tsv", "title.akas.tsv",    "title.crew.tsv",    "title.principals.tsv",
      "name.basics.tsv",  "title.episode.tsv", "title.ratings.tsv", "relations.tsv"};
  static const char *const header[F_COUNT] = {
      ("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
       "runtimeMinutes\tgenres\n"),
      "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n",
      "tconst\tdirectors\twriters\n",
      "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n",
      "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n",
      "tconst\tparentTconst\tseasonNumber\tepisodeNumber\n",
      "tconst\taverageRating\tnumVotes\n",
      "from\trelation\tto\tflags\tnote\n"};
  out o[F_COUNT];

  /* Main pass: every title-ordered file at once. */
  for (int f = 0; f < F_COUNT; f++)
    if (f != F_NAMES && f != F_REL)
      out_open(&o[f], dir, fname[f], header[f]);
  tctx t;
  for (uint32_t i = 0; i < g_N; i++) {
    title_setup(&t, i);
    write_basics(&o[F_BASICS], &t);
    if (t.type == T_EPISODE)
      write_episode(&o[F_EPISODE], &t);
    write_rating(&o[F_RATINGS], &t);
    write_akas(&o[F_AKAS], &t);
    write_principals(&o[F_PRIN], &o[F_CREW], &t);
  }
  for (int f = 0; f < F_COUNT; f++)
    if (f != F_NAMES && f != F_REL)
      out_close(&o[f]);

  out_open(&o[F_NAMES], dir, fname[F_NAMES], header[F_NAMES]);
  write_names(&o[F_NAMES]);
  out_close(&o[F_NAMES]);
  out_open(&o[F_REL], dir, fname[F_REL], header[F_REL]);
  write_relations(&o[F_REL], type_count);
  out_close(&o[F_REL]);

  uint64_t rows = 0, bytes = 0;
  for (int f = 0; f < F_COUNT; f++) {
    fprintf(stderr, "%-22s %12llu rows %14llu bytes\n", fname[f], (unsigned long long)o[f].rows,
            (unsigned long long)o[f].bytes);
    rows += o[f].rows, bytes += o[f].bytes;
  }
  fprintf(stderr, "%-22s %12llu rows %14llu bytes\n", "total", (unsigned long long)rows,
          (unsigned long long)bytes);
  free(g_series), free(g_minis), free(g_series_cnt), free(g_minis_cnt);
  free(g_last_title), free(g_trades), free(g_pool);
  return 0;
}

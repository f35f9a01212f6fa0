/* UTF-8 validation, error columns and the case folding used by search. */
#include "fg_internal.h"

#include <string.h>

int fg__utf8_valid(const char *s, size_t len, size_t *bad_at) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  /* Each sequence is checked by its lead byte's own rule (RFC 3629's
   * table), which also rules out overlong forms, surrogates and code
   * points past U+10FFFF, without decoding it. */
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      i++;
      /* Skip ASCII eight bytes at a time. */
      while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
          break;
        i += 8;
      }
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (len - i < 2 || (p[i + 1] & 0xC0) != 0x80)
        goto bad;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (len - i < 3)
        goto bad;
      unsigned char c1 = p[i + 1];
      if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
          (c == 0xE0 && c1 < 0xA0) ||  /* overlong */
          (c == 0xED && c1 >= 0xA0))   /* a surrogate */
        goto bad;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (len - i < 4)
        goto bad;
      unsigned char c1 = p[i + 1];
      if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80 ||
          (c == 0xF0 && c1 < 0x90) ||  /* overlong */
          (c == 0xF4 && c1 >= 0x90))   /* past U+10FFFF */
        goto bad;
      i += 4;
    } else {
      goto bad;
    }
  }
  return 1;
bad:
  if (bad_at)
    *bad_at = i;
  return 0;
}

uint64_t fg__utf8_column(const char *s, size_t at) {
  uint64_t col = 1;
  for (size_t i = 0; i < at; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      col++;
  return col;
}

/* Decode one code point at s[*i], advancing *i. A byte that does not start
 * a valid sequence stands for itself (stored text is valid UTF-8 anyway). */
static uint32_t decode(const unsigned char *s, size_t len, size_t *i) {
  unsigned char c = s[*i];
  size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (need == 0 || len - *i <= need) {
    (*i)++;
    return c;
  }
  uint32_t cp = c & (0x3F >> need);
  for (size_t k = 1; k <= need; k++) {
    if ((s[*i + k] & 0xC0) != 0x80) {
      (*i)++;
      return c;
    }
    cp = (cp << 6) | (s[*i + k] & 0x3F);
  }
  *i += need + 1;
  return cp;
}

/* Simple one-to-one case folding for the Latin (Latin-1, Extended-A and
 * -B, Extended Additional), Greek, Cyrillic (with its supplement) and
 * Armenian letters. Turkish dotted and dotless i both fold to i, so that a query
 * typed without Turkish letters still finds a Turkish title. */
static uint32_t fold(uint32_t c) {
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    return c + 32;
  if (c < 0x100)
    return c;
  if (c == 0x130 || c == 0x131)
    return 'i';
  if (c < 0x138)
    return c | 1;
  if (c >= 0x139 && c <= 0x148)
    return (c & 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177)
    return c | 1;
  if (c == 0x178)
    return 0xFF;
  if (c >= 0x179 && c <= 0x17E)
    return (c & 1) ? c + 1 : c;
  if (c == 0x17F)
    return 's';
  /* Latin Extended-B: the pairs of Romanian, Livonian and Latin
   * transliteration (Ș ș, Ț ț, Ȁ ȁ ...), upper case even. */
  if (c >= 0x200 && c <= 0x233)
    return c | 1;
  if (c >= 0x1CD && c <= 0x1DC) /* Ǎ ǎ ... Ǜ ǜ: upper case odd */
    return (c & 1) ? c + 1 : c;
  if (c >= 0x1DE && c <= 0x1EF)
    return c | 1;
  if (c >= 0x1F8 && c <= 0x1FF)
    return c | 1;
  if (c == 0x18F) /* Ə */
    return 0x259;
  if (c == 0x386)
    return 0x3AC;
  if (c >= 0x388 && c <= 0x38A)
    return c + 37;
  if (c == 0x38C)
    return 0x3CC;
  if (c == 0x38E || c == 0x38F)
    return c + 63;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
    return c + 32;
  if (c == 0x3C2)
    return 0x3C3;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  if (c >= 0x410 && c <= 0x42F)
    return c + 32;
  /* Cyrillic supplements (Ukrainian Ґ, Kazakh Қ Ң Ө Ү, ...): pairs, upper
   * case even; from U+04C1 to U+04CE upper case odd; U+04C0 Ӏ to ӏ. */
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
      (c >= 0x4D0 && c <= 0x52F))
    return c | 1;
  if (c >= 0x4C1 && c <= 0x4CE)
    return (c & 1) ? c + 1 : c;
  if (c == 0x4C0)
    return 0x4CF;
  if (c >= 0x531 && c <= 0x556)
    return c + 48;
  if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
    return c | 1;
  if (c == 0x1E9E) /* capital sharp s */
    return 0xDF;
  if (c >= 0xFF21 && c <= 0xFF3A)
    return c + 32;
  return c;
}

/* The hash of the folded text, eight bytes a step: the folded text is
 * read as a byte stream in which a code point that folds to ASCII is that
 * byte and any other three bytes, the first with its high bit set (so no
 * two folded texts give the same stream); the stream's length is mixed in
 * last.
 * ASCII, most of every title, costs a compare and a shift a byte. */
uint32_t fg__fold_hash(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h = 0xcbf29ce484222325ull, w = 0, bytes = 0;
  unsigned fill = 0; /* bytes in w */
#define FOLD_PUSH(byte)                                                       \
  do {                                                                        \
    w |= (uint64_t)(byte) << (8 * fill);                                      \
    if (++fill == 8) {                                                        \
      h = fg__hash_step(h, w);                                                \
      w = 0, fill = 0, bytes += 8;                                            \
    }                                                                         \
  } while (0)
  size_t i = 0;
  while (i < len) {
    unsigned c = p[i];
    if (c < 0x80) {
      FOLD_PUSH(c - 'A' < 26u ? c + 32 : c);
      i++;
      continue;
    }
    uint32_t cp = fold(decode(p, len, &i));
    if (cp < 0x80) { /* Turkish İ and ı, long s: folded to ASCII */
      FOLD_PUSH(cp);
      continue;
    }
    FOLD_PUSH(0x80 | (cp >> 16));
    FOLD_PUSH((cp >> 8) & 0xFF);
    FOLD_PUSH(cp & 0xFF);
  }
#undef FOLD_PUSH
  return fg__hash_finish(fg__hash_step(h, w ^ ((bytes + fill) << 56)));
}

int fg__fold_equal(const char *a, size_t alen, const char *b, size_t blen) {
  const unsigned char *pa = (const unsigned char *)a, *pb = (const unsigned char *)b;
  size_t i = 0, j = 0;
  while (i < alen && j < blen)
    if (fold(decode(pa, alen, &i)) != fold(decode(pb, blen, &j)))
      return 0;
  return i == alen && j == blen;
}

/* Keys of films and people: IMDb-style ids by number in an array, other
 * keys in a hash map (keymap.c). */
#include "fg_internal.h"

#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Eight ASCII digits (the first in the lowest byte) to their number, or
 * -1 if any byte is not a digit: a handful of operations on the word
 * instead of a loop with two tests a digit. Every row of title.principals
 * and title.crew parses its keys twice (to fetch ahead, then to look up). */
static int64_t eight_digits(uint64_t w) {
  const uint64_t high = 0xF0F0F0F0F0F0F0F0ull;
  /* each byte 0x30-0x39: its high nibble is 3 before and after adding 6
   * (a carry out of a byte over 0xF9 is only possible when that byte
   * already failed) */
  if (((w & high) | (((w + 0x0606060606060606ull) & high) >> 4)) != 0x3333333333333333ull)
    return -1;
  w = (w & 0x0F0F0F0F0F0F0F0Full) * 2561 >> 8;     /* pairs of digits */
  w = (w & 0x00FF00FF00FF00FFull) * 6553601 >> 16; /* fours */
  return (int64_t)((w & 0x0000FFFF0000FFFFull) * 42949672960001ull >> 32); /* all eight */
}
#endif

int fg__keys_number(const char *s, size_t len, char p0, char p1, uint32_t *out) {
  if (len < 9 || len > 11 || s[0] != p0 || s[1] != p1 || (len > 9 && s[2] == '0'))
    return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* The last eight bytes: for 7 digits the prefix's second letter is the
   * first of them, read as a leading 0; for 9 the first digit is apart. */
  uint64_t w;
  memcpy(&w, s + len - 8, 8);
  if (len == 9)
    w = (w & ~(uint64_t)0xFF) | '0';
  int64_t v = eight_digits(w);
  if (v < 0)
    return 0;
  if (len == 11) {
    if (s[2] < '0' || s[2] > '9')
      return 0;
    v += (int64_t)(s[2] - '0') * 100000000;
  }
  *out = (uint32_t)v;
  return 1;
#else
  uint32_t v = 0;
  for (size_t i = 2; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (uint32_t)(s[i] - '0');
  }
  *out = v;
  return 1;
#endif
}

static fg__keys *keys_of(fg_graph *g, int table) {
  return table == FG_TABLE_FILMS ? &g->film_keys : &g->person_keys;
}

static int number(int table, const char *s, size_t len, uint32_t *num) {
  return table == FG_TABLE_FILMS ? fg__keys_number(s, len, 't', 't', num)
                                 : fg__keys_number(s, len, 'n', 'm', num);
}

static const void *records(const fg_graph *g, int table, size_t *stride) {
  *stride = table == FG_TABLE_FILMS ? sizeof *g->films : sizeof *g->people;
  return table == FG_TABLE_FILMS ? (const void *)g->films : (const void *)g->people;
}

fg_id fg__keys_find(const fg_graph *g, int table, const char *key, size_t len) {
  const fg__keys *k = table == FG_TABLE_FILMS ? &g->film_keys : &g->person_keys;
  uint32_t num;
  if (number(table, key, len, &num)) {
    if (num < k->cap && k->nums[num])
      return k->nums[num] - 1;
    if (!k->partial)
      return FG_ID_NONE;
  }
  size_t stride;
  const void *base = records(g, table, &stride);
  return fg__keymap_find(&k->map, &g->strings, base, stride, key, len);
}

int fg__keys_reserve(fg_graph *g, int table, const char *key, size_t len, fg__keyslot *slot) {
  fg__keys *k = keys_of(g, table);
  uint32_t num = 0;
  int numeric = number(table, key, len, &num);
  /* Is it there? (As fg__keys_find, with the number parsed once.) */
  if (numeric && num < k->cap && k->nums[num])
    return FG_EEXISTS;
  if (!numeric || k->partial) {
    size_t stride;
    const void *base = records(g, table, &stride);
    if (fg__keymap_find(&k->map, &g->strings, base, stride, key, len) != FG_ID_NONE)
      return FG_EEXISTS;
  }
  slot->num = num;
  slot->in_array = 0;
  if (numeric) {
    if (num < k->cap) {
      slot->in_array = 1;
      return FG_OK;
    }
    /* Grow while the array stays within 4 numbers per record (IMDb's own
     * are about 3 per title and 1.2 per person), so hostile ids cannot make
     * it huge: past that the key goes to the map. */
    size_t limit = 4 * (g->n[table] + 1) + ((size_t)1 << 20);
    if (num < limit) {
      size_t ncap = k->cap ? k->cap : 1024;
      while (ncap <= num)
        ncap *= 2;
      uint32_t *nums =
          fg__realloc_random(&g->alloc, k->nums, k->cap * sizeof *nums, ncap * sizeof *nums);
      if (!nums)
        return FG_ENOMEM;
      memset(nums + k->cap, 0, (ncap - k->cap) * sizeof *nums);
      k->nums = nums;
      k->cap = ncap;
      slot->in_array = 1;
      return FG_OK;
    }
    k->partial = 1; /* only makes lookups try the map too */
  }
  return fg__keymap_reserve(&k->map, &g->alloc, 1);
}

void fg__keys_insert(fg_graph *g, int table, const fg__keyslot *slot, const char *key,
                     size_t len, fg_id id) {
  fg__keys *k = keys_of(g, table);
  if (slot->in_array)
    k->nums[slot->num] = id + 1;
  else
    fg__keymap_insert(&k->map, fg__hash_bytes(key, len), id);
}

void fg__keys_remove_from(fg_graph *g, int table, fg_id first, fg_id end) {
  fg__keys *k = keys_of(g, table);
  size_t stride;
  const void *base = records(g, table, &stride);
  for (fg_id id = first; id < end; id++) {
    uint32_t handle;
    memcpy(&handle, (const char *)base + (size_t)id * stride, sizeof handle);
    const char *key = fg__str(&g->strings, handle);
    uint32_t num;
    if (number(table, key, strlen(key), &num) && num < k->cap && k->nums[num] == id + 1)
      k->nums[num] = 0;
    else
      fg__keymap_remove(&k->map, &g->strings, base, stride, id);
  }
}

void fg__keys_free(fg__keys *k, const fg__alloc *a) {
  fg__keymap_free(&k->map, a);
  fg__free(a, k->nums);
  memset(k, 0, sizeof *k);
}

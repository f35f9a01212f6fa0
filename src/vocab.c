/* The names of kinds, roles, relation types and origins, as written in the
 * catalogue files, and their parsers. */
#include "fg_internal.h"

#include <string.h>

static const char *const kind_names[FG_KIND_COUNT_] = {
    "unknown",        "movie",      "short",      "tv_movie",  "tv_series",
    "tv_mini_series", "tv_episode", "tv_special", "tv_short",  "tv_pilot",
    "video",          "video_game",
};

static const char *const role_names[FG_ROLE_COUNT_] = {
    "other",           "director", "writer",          "actor",
    "actress",         "producer", "composer",        "cinematographer",
    "editor",          "production_designer",         "casting_director",
    "self",            "archive_footage",             "archive_sound",
};

static const char *const relation_names[FG_REL_COUNT_] = {
    "remake_of",  "version_of", "follows",   "spin_off_from",
    "alternate_language_version_of",         "edited_from",
    "references", "features",   "spoofs",
};

static const char *const relation_inverse_names[FG_REL_COUNT_] = {
    "remade_as",     "version_of",  "followed_by", "spin_off",
    "alternate_language_version_of",            "edited_into",
    "referenced_in", "featured_in", "spoofed_in",
};

static const char *const origin_names[] = {
    "original_screenplay", "true_events", "book",       "play",    "tv",
    "comic",               "game",        "legend",     "short_film", "article",
};
#define N_ORIGINS (sizeof origin_names / sizeof origin_names[0])

static int find_name(const char *const *names, int count, const char *s, size_t len) {
  for (int i = 0; i < count; i++)
    if (len && names[i][0] == s[0] && strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
      return i;
  return -1;
}

const char *fg_kind_name(int kind) {
  return kind >= 0 && kind < FG_KIND_COUNT_ ? kind_names[kind] : NULL;
}

const char *fg_role_name(int role) {
  return role >= 0 && role < FG_ROLE_COUNT_ ? role_names[role] : NULL;
}

const char *fg_relation_name(int type) {
  return type >= 0 && type < FG_REL_COUNT_ ? relation_names[type] : NULL;
}

const char *fg_relation_inverse_name(int type) {
  return type >= 0 && type < FG_REL_COUNT_ ? relation_inverse_names[type] : NULL;
}

const char *fg_origin_name(uint32_t bit) {
  for (size_t i = 0; i < N_ORIGINS; i++)
    if (bit == (1u << i))
      return origin_names[i];
  return NULL;
}

const char *fg_answer_name(int answer) {
  switch (answer) {
  case FG_ANSWER_UNKNOWN:
    return "unknown";
  case FG_ANSWER_YES:
    return "yes";
  case FG_ANSWER_NO:
    return "no";
  default:
    return NULL;
  }
}

int fg__kind_parse(const char *s, size_t len, int *out) {
  int i = find_name(kind_names, FG_KIND_COUNT_, s, len);
  if (i < 0)
    return FG_ENOTFOUND;
  *out = i;
  return FG_OK;
}

int fg__role_parse(const char *s, size_t len, int *out) {
  int i = find_name(role_names, FG_ROLE_COUNT_, s, len);
  if (i < 0)
    return FG_ENOTFOUND;
  *out = i;
  return FG_OK;
}

int fg__relation_parse(const char *s, size_t len, int *out, int *reversed) {
  int i = find_name(relation_names, FG_REL_COUNT_, s, len);
  int rev = 0;
  if (i < 0) {
    i = find_name(relation_inverse_names, FG_REL_COUNT_, s, len);
    rev = 1;
  }
  if (i < 0)
    return FG_ENOTFOUND;
  /* A symmetric type's inverse name is its own name: keep it forward. */
  if (relation_inverse_names[i] == relation_names[i] ||
      strcmp(relation_inverse_names[i], relation_names[i]) == 0)
    rev = 0;
  *out = i;
  *reversed = rev;
  return FG_OK;
}

int fg_kind_from_name(const char *name, int *out) {
  if (!name || !out)
    return FG_EINVAL;
  return fg__kind_parse(name, strlen(name), out);
}

int fg_role_from_name(const char *name, int *out) {
  if (!name || !out)
    return FG_EINVAL;
  return fg__role_parse(name, strlen(name), out);
}

int fg_relation_from_name(const char *name, int *out, int *reversed) {
  if (!name || !out || !reversed)
    return FG_EINVAL;
  return fg__relation_parse(name, strlen(name), out, reversed);
}

int fg_origin_from_name(const char *name, uint32_t *out) {
  if (!name || !out)
    return FG_EINVAL;
  int i = find_name(origin_names, (int)N_ORIGINS, name, strlen(name));
  if (i < 0)
    return FG_ENOTFOUND;
  *out = 1u << i;
  return FG_OK;
}

/* Parse "a,b,c", each item one of `names` (bit i for names[i]); used for
 * origins and relation flags. */
static int parse_list(const char *s, size_t len, const char *const *names, size_t count,
                      uint32_t *out, size_t *bad_at) {
  uint32_t bits = 0;
  size_t i = 0;
  if (len == 0) {
    *out = 0;
    return FG_OK;
  }
  for (;;) {
    size_t j = i;
    while (j < len && s[j] != ',')
      j++;
    int k = find_name(names, (int)count, s + i, j - i);
    if (k < 0) {
      *bad_at = i;
      return FG_EPARSE;
    }
    bits |= 1u << k;
    if (j == len)
      break;
    i = j + 1;
  }
  *out = bits;
  return FG_OK;
}

int fg__origins_parse(const char *s, size_t len, uint32_t *out, size_t *bad_at) {
  return parse_list(s, len, origin_names, N_ORIGINS, out, bad_at);
}

static const char *const flag_names[] = {"unofficial"};

int fg__flags_parse(const char *s, size_t len, uint32_t *out, size_t *bad_at) {
  return parse_list(s, len, flag_names, 1, out, bad_at);
}

static size_t format_list(uint32_t bits, const char *const *names, size_t count, char *buf) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < count; i++) {
    if (!(bits & (1u << i)))
      continue;
    size_t l = strlen(names[i]);
    if (n)
      buf[n++] = ',';
    memcpy(buf + n, names[i], l + 1);
    n += l;
  }
  return n;
}

size_t fg__origins_format(uint32_t origin, char *buf) {
  return format_list(origin, origin_names, N_ORIGINS, buf);
}

size_t fg__flags_format(uint32_t flags, char *buf) {
  return format_list(flags, flag_names, 1, buf);
}

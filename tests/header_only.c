/* filmgraph.h on its own, first and twice, compiled with -pedantic-errors
 * and extra warnings (see CMakeLists.txt): it must need nothing else and
 * warn about nothing. Its macros must work as constant initialisers. */
#include "filmgraph.h"
#include "filmgraph.h" /* include guard */

#include "header_only.h"

static const fg_film film_init = FG_FILM_INIT;
static const fg_person person_init = FG_PERSON_INIT;
static const fg_credit credit_init = FG_CREDIT_INIT;
static const fg_relation relation_init = FG_RELATION_INIT;
static const fg_aka aka_init = FG_AKA_INIT;
static const fg_graph_options options_init = FG_GRAPH_OPTIONS_INIT;
static const fg_family_node node_init = FG_FAMILY_NODE_INIT;
static const fg_story story_init = FG_STORY_INIT;
static const fg_error_info error_init = FG_ERROR_INFO_INIT;
static const fg_source source_init = FG_SOURCE_INIT;
static const fg_load_options load_init = FG_LOAD_OPTIONS_INIT;

/* Every status code is usable in a constant expression. */
static const int statuses[] = {
#define FG_HEADER_ONLY_CODE_(name, value, text) FG_##name,
    FG_STATUS_MAP(FG_HEADER_ONLY_CODE_)
#undef FG_HEADER_ONLY_CODE_
};

unsigned int fg_header_only_versions(void) {
  return film_init.version + person_init.version + credit_init.version +
         relation_init.version + aka_init.version + options_init.version + node_init.version +
         story_init.version + error_init.version + source_init.version + load_init.version;
}

size_t fg_header_only_status_count(void) {
  size_t n = 0;
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
    n += statuses[i] <= 0;
  return n;
}

const char *fg_header_only_version(void) { return fg_version(); }

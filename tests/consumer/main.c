#include <filmgraph.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  fg_graph *g;
  if (fg_graph_new(NULL, &g) != FG_OK)
    return 1;
  fg_graph_free(g);
  if (strcmp(fg_version(), FG_VERSION_STRING) != 0)
    return 1;
  printf("filmgraph %s\n", fg_version());
  return 0;
}

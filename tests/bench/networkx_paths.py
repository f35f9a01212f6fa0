#!/usr/bin/env python3
"""networkx on the pairs bench_traverse searched: a peer for its path figures.

Usage:

    FG_BENCH_PAIRS_OUT=/tmp/pairs.tsv build/tests/bench/bench_traverse DIR
    python3 tests/bench/networkx_paths.py DIR /tmp/pairs.tsv [--pairs N] [--no-bfs]
                                                              [--no-ref-check]

DIR is the IMDb-shaped folder bench_traverse loaded (e.g. from
`gen_imdb --titles 1000000 --seed 1 DIR`). Needs networkx (Debian:
python3-networkx); the standard library otherwise.

It builds the graph filmgraph searches: films and people as nodes (their
keys, tt... and nm...), one undirected edge per credit, the credits being
title.principals plus title.crew's directors and writers, as
fg_graph_load_imdb() loads them. Like filmgraph, a credit naming a title or
a person that title.basics / name.basics do not list is left out (reading
those keys is timed apart; --no-ref-check skips it, which changes nothing on
gen_imdb's folders, where every id exists). Relations are left out, as
bench_traverse's searches leave them out. Parallel credits (a person both
writer and director of a film) are one edge here and two in filmgraph,
which changes no distance.

Then, for each pair in the file (the first N with --pairs),
nx.bidirectional_shortest_path, whose length (edges: person, film, person
is 2) must equal filmgraph's; and a full breadth-first search
(nx.single_source_shortest_path_length) from bench_traverse's start, whose
number of people reached must equal filmgraph's. Prints the build time and
memory, median / p99 / total time per pair beside filmgraph's (read from the
file) and the ratio. Any disagreement is printed as MISMATCH and the exit
status is 1.
"""

import argparse
import os
import resource
import statistics
import sys
import time

try:
    import networkx as nx
except ImportError:
    sys.exit("networkx_paths.py: needs networkx (Debian: apt-get install python3-networkx)")


def rss_mb():
    """Resident set now, MB (Linux /proc; -1 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return -1.0


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def pct(values, p):
    """The same percentile as bench_traverse: nearest rank on the sorted list."""
    v = sorted(values)
    i = int(p * (len(v) - 1) + 0.5)
    return v[min(i, len(v) - 1)]


def first_column(path):
    keys = set()
    with open(path, encoding="utf-8", newline="\n") as f:
        f.readline()
        for line in f:
            keys.add(line[: line.find("\t")])
    return keys


def read_pairs(path):
    source = reach = fg_bfs = None
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                words = line.split()
                if "bfs_source" in words:
                    words = words[words.index("bfs_source"):]
                    source = words[1]
                    reach = int(words[words.index("reaches") + 1])
                    if "in" in words:
                        fg_bfs = float(words[words.index("in") + 1])
                continue
            if line.startswith("from\t"):
                continue
            a, b, length, ms = line.rstrip("\n").split("\t")
            pairs.append((a, b, int(length), float(ms)))
    return source, reach, fg_bfs, pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="the IMDb-shaped folder bench_traverse loaded")
    ap.add_argument("pairs_file", help="what bench_traverse wrote to FG_BENCH_PAIRS_OUT")
    ap.add_argument("--pairs", type=int, default=0, help="search only the first N pairs")
    ap.add_argument("--no-bfs", action="store_true", help="skip the full breadth-first search")
    ap.add_argument("--no-ref-check", action="store_true",
                    help="keep credits naming titles or people not in the basics files")
    args = ap.parse_args()

    source, reach, fg_bfs, pairs = read_pairs(args.pairs_file)
    if args.pairs:
        pairs = pairs[: args.pairs]
    if not pairs:
        sys.exit("networkx_paths.py: no pairs in " + args.pairs_file)

    titles = people = None
    if not args.no_ref_check:
        t0 = time.perf_counter()
        titles = first_column(os.path.join(args.dir, "title.basics.tsv"))
        people = first_column(os.path.join(args.dir, "name.basics.tsv"))
        print("networkx_paths.py: read %d title and %d person keys in %.1f s (not part of the build)"
              % (len(titles), len(people), time.perf_counter() - t0))

    rss0, peak0 = rss_mb(), peak_rss_mb()
    t0 = time.perf_counter()
    g = nx.Graph()
    credits = skipped = 0
    with open(os.path.join(args.dir, "title.principals.tsv"), encoding="utf-8", newline="\n") as f:
        f.readline()
        for line in f:
            fields = line.split("\t", 3)
            t, p = fields[0], fields[2]
            if titles is not None and (t not in titles or p not in people):
                skipped += 1
                continue
            g.add_edge(t, p)
            credits += 1
    crew = os.path.join(args.dir, "title.crew.tsv")
    if os.path.exists(crew):
        with open(crew, encoding="utf-8", newline="\n") as f:
            f.readline()
            for line in f:
                t, directors, writers = line.rstrip("\n").split("\t")
                if titles is not None and t not in titles:
                    skipped += 1
                    continue
                for column in (directors, writers):
                    if column == "\\N":
                        continue
                    for p in column.split(","):
                        if people is not None and p not in people:
                            skipped += 1
                            continue
                        g.add_edge(t, p)
                        credits += 1
    t_build = time.perf_counter() - t0
    rss1, peak1 = rss_mb(), peak_rss_mb()
    del titles, people
    print("networkx %s: %d nodes, %d edges from %d credit rows (%d skipped); build %.1f s; "
          "RSS +%.0f MB (peak +%.0f MB)"
          % (nx.__version__, g.number_of_nodes(), g.number_of_edges(), credits, skipped,
             t_build, rss1 - rss0, peak1 - peak0))

    status = 0
    nx_ms, fg_ms, mismatches = [], [], 0
    for a, b, length, ms in pairs:
        t0 = time.perf_counter()
        try:
            path = nx.bidirectional_shortest_path(g, a, b)
            got = len(path) - 1
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            got = -1
        nx_ms.append((time.perf_counter() - t0) * 1e3)
        fg_ms.append(ms)
        if got != length:
            print("MISMATCH: path %s -> %s: filmgraph %d steps, networkx %d" % (a, b, length, got))
            mismatches += 1
    nx_med, fg_med = pct(nx_ms, 0.5), pct(fg_ms, 0.5)
    nx_p99, fg_p99 = pct(nx_ms, 0.99), pct(fg_ms, 0.99)
    print("nx.bidirectional_shortest_path on %d pairs (mean length %.1f): median %.3f ms, "
          "p99 %.3f ms, total %.1f s; filmgraph on the same pairs median %.3f ms, p99 %.3f ms, "
          "total %.1f s; networkx/filmgraph median %.1fx, p99 %.1fx; lengths %s (%d of %d differ)"
          % (len(pairs), statistics.mean(p[2] for p in pairs), nx_med, nx_p99, sum(nx_ms) / 1e3,
             fg_med, fg_p99, sum(fg_ms) / 1e3, nx_med / fg_med if fg_med else 0.0,
             nx_p99 / fg_p99 if fg_p99 else 0.0, "DIFFER" if mismatches else "agree",
             mismatches, len(pairs)))
    if mismatches:
        status = 1

    if source and not args.no_bfs:
        t0 = time.perf_counter()
        dist = nx.single_source_shortest_path_length(g, source)
        t_bfs = time.perf_counter() - t0
        got = sum(1 for n in dist if n.startswith("nm")) - 1  # filmgraph does not list the start
        print("nx.single_source_shortest_path_length from %s: %.2f s, %d people reached; "
              "filmgraph %s s, %d people; networkx/filmgraph %s"
              % (source, t_bfs, got, "%.2f" % fg_bfs if fg_bfs is not None else "?", reach,
                 "%.1fx" % (t_bfs / fg_bfs) if fg_bfs else "?"))
        if got != reach:
            print("MISMATCH: full search reaches %d people in filmgraph, %d in networkx"
                  % (reach, got))
            status = 1
    print("peak RSS %.0f MB" % peak_rss_mb())
    return status


if __name__ == "__main__":
    sys.exit(main())

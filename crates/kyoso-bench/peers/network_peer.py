"""The network benchmark's peers: python-igraph and networkx on the same
graphs kyoso is given, measured in the same run.

    network_peer.py check EDGES NODES SOURCE SEED   -> JSON: networkx's answers
    network_peer.py bench EDGES NODES SOURCES...    -> JSON: igraph's timings
    network_peer.py louvain EDGES NODES             -> JSON: igraph multilevel
    network_peer.py networkx EDGES NODES SOURCE     -> JSON: networkx timings

EDGES is a text file of "a b" lines, nodes numbered 0..NODES.
"""

import json
import resource
import sys
import time


def rss_mib():
    """This process's resident size now, in MiB: what the graph holds once
    built, as kyoso's figure is measured."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_pairs(path):
    with open(path) as f:
        return [tuple(map(int, line.split())) for line in f]


def igraph_graph(path, nodes):
    import igraph

    graph = igraph.Graph.Read_Edgelist(path, directed=False)
    if graph.vcount() < nodes:
        graph.add_vertices(nodes - graph.vcount())
    # kyoso's graph is simple: repeated pairs are one tie.
    graph.simplify(multiple=True, loops=True)
    return graph


def check(path, nodes, source, seed):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(nodes))
    graph.add_edges_from(read_pairs(path))
    lengths = nx.single_source_shortest_path_length(graph, source)
    distances = [lengths.get(v, -1) for v in range(nodes)]
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    parts = nx.community.louvain_communities(graph, seed=seed)
    return {
        "distances": distances,
        "betweenness": [betweenness[v] for v in range(nodes)],
        "louvain_modularity": nx.community.modularity(graph, parts),
        "louvain_communities": len(parts),
    }


def timed(f, repeat=1):
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - started)
    times.sort()
    return times[len(times) // 2], result


def bench(path, nodes, sources):
    baseline = rss_mib()
    build, graph = timed(lambda: igraph_graph(path, nodes))
    memory = rss_mib() - baseline
    bfs = [timed(lambda s=s: graph.bfs(s))[0] for s in sources]
    bfs.sort()
    components, _ = timed(lambda: graph.connected_components())
    cores, _ = timed(lambda: graph.coreness())
    return {
        "build_s": build,
        "memory_mib": memory,
        "bfs_s": bfs[len(bfs) // 2],
        "components_s": components,
        "cores_s": cores,
    }


def louvain(path, nodes):
    graph = igraph_graph(path, nodes)
    seconds, clustering = timed(lambda: graph.community_multilevel())
    return {
        "seconds": seconds,
        "modularity": clustering.modularity,
        "communities": len(clustering),
    }


def networkx_bench(path, nodes, source):
    import networkx as nx

    baseline = rss_mib()

    def build():
        graph = nx.Graph()
        graph.add_nodes_from(range(nodes))
        graph.add_edges_from(read_pairs(path))
        return graph

    build_s, graph = timed(build)
    memory = rss_mib() - baseline
    bfs, _ = timed(lambda: nx.single_source_shortest_path_length(graph, source))
    components, _ = timed(lambda: list(nx.connected_components(graph)))
    cores, _ = timed(lambda: nx.core_number(graph))
    return {
        "build_s": build_s,
        "memory_mib": memory,
        "bfs_s": bfs,
        "components_s": components,
        "cores_s": cores,
    }


def main():
    command, path, nodes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rest = [int(x) for x in sys.argv[4:]]
    if command == "check":
        out = check(path, nodes, rest[0], rest[1])
    elif command == "bench":
        out = bench(path, nodes, rest)
    elif command == "louvain":
        out = louvain(path, nodes)
    elif command == "networkx":
        out = networkx_bench(path, nodes, rest[0])
    else:
        raise SystemExit(f"unknown command {command}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()

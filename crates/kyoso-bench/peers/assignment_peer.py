"""The matching benchmark's peer: OR-tools' min-cost flow on the same
assignment round kyoso is given.

    assignment_peer.py ROUND   -> JSON: {"seconds", "objective"}

ROUND is a text file: "participants hosts candidates", then one capacity a
line, then "participant host score" a line. The network: source ->
participant (capacity 1), participant -> host (capacity 1, cost -score),
host -> sink (the host's capacity), and source -> sink at cost 0, so that a
participant may stay free; the supply is the number of participants.
"""

import json
import sys
import time

from ortools.graph.python import min_cost_flow


def main():
    with open(sys.argv[1]) as f:
        participants, hosts, candidates = map(int, f.readline().split())
        capacities = [int(f.readline()) for _ in range(hosts)]
        pairs = [tuple(map(int, f.readline().split())) for _ in range(candidates)]
    source = participants + hosts
    sink = source + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    for p in range(participants):
        flow.add_arc_with_capacity_and_unit_cost(source, p, 1, 0)
    for p, h, score in pairs:
        if score > 0:
            flow.add_arc_with_capacity_and_unit_cost(p, participants + h, 1, -score)
    for h, capacity in enumerate(capacities):
        flow.add_arc_with_capacity_and_unit_cost(participants + h, sink, capacity, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, participants, 0)
    flow.set_node_supply(source, participants)
    flow.set_node_supply(sink, -participants)
    started = time.perf_counter()
    status = flow.solve()
    seconds = time.perf_counter() - started
    if status != flow.OPTIMAL:
        raise SystemExit(f"OR-tools could not solve the round: status {status}")
    json.dump({"seconds": seconds, "objective": -flow.optimal_cost()}, sys.stdout)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Wall time of `lookout events` for two builds, interleaved, median of 5 (docs/PERFORMANCE.md).

usage: tools/events-timing.py OLD.jar NEW.jar STORAGE_DIR CONFIG.yml   (run from the checkout)
"""
import statistics, subprocess, sys, time

old, new, storage, config = sys.argv[1:5]
cases = {"events --storage": ["events", "--storage", storage], "events --config": ["events", "--config", config]}
print("load before:", open("/proc/loadavg").read().strip())
times = {}
for name, args in cases.items():
    for _ in range(5):
        for label, jar in (("old", old), ("new", new)):
            start = time.monotonic()
            run = subprocess.run(["java", "-jar", jar] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if run.returncode != 0:
                sys.exit(f"{label} {name}: exit {run.returncode}: {run.stderr.decode()}")
            times.setdefault((name, label), []).append(time.monotonic() - start)
print("load after:", open("/proc/loadavg").read().strip())
for (name, label), runs in times.items():
    print(f"{name:18s} {label}: median {statistics.median(runs):.2f} s  runs {' '.join(f'{t:.2f}' for t in runs)}")

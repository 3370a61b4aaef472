#!/usr/bin/env python3
# RSS trend of a tools/soak.sh run: per window, the samples' range, median and least-squares slope (MB/min).
# Usage: tools/rss-trend.py OUT_DIR/samples.txt
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.startswith('soak ')]
pts=[(int(r[1])/60, int(r[2])) for r in rows]
def fit(p):
    n=len(p); mx=sum(x for x,_ in p)/n; my=sum(y for _,y in p)/n
    sxx=sum((x-mx)**2 for x,_ in p); sxy=sum((x-mx)*(y-my) for x,y in p)
    return sxy/sxx if sxx else 0
for a,b in [(5,15),(15,25),(25,35),(35,45),(10,45),(20,45),(10,40)]:
    p=[q for q in pts if a<=q[0]<b]
    if len(p)>5: print(f"{a}-{b} min: n={len(p)} min {min(y for _,y in p)} median {sorted(y for _,y in p)[len(p)//2]} max {max(y for _,y in p)} slope {fit(p):+.2f} MB/min")

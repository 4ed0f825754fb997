#!/usr/bin/env python3
"""Rewrites an X12 file written with one segment per line (`x12gate generate --lines`) so that every transaction
set has its own functional group (GS06 1, 2, 3 …, GE01 1, IEA01 the number of groups): the many-groups case of
the gateway's memory figures. With --errors, each BHT, NM1, N3, N4, DMG, EQ and DTP is shifted by one element
(the all-errors file of docs/readme/gateway.md).

    x12gate generate --type 270 --count 100000 --lines --out in.x12
    Scripts/many-groups.py in.x12 out.x12 --errors
"""
import re
import sys

def main(argv):
    if len(argv) < 3:
        sys.exit("usage: many-groups.py IN OUT [--errors]")
    errors = "--errors" in argv[3:]
    shift = re.compile(r"^(BHT|NM1|N3|N4|DMG|EQ|DTP)\*")
    gs = None
    groups = 0
    with open(argv[1]) as src, open(argv[2], "w") as out:
        for line in src:
            if line.startswith("GS*"):
                gs = line.rstrip("~\n").split("*")
                groups = 0
                continue
            if line.startswith("GE*"):
                continue
            if line.startswith("IEA*"):
                fields = line.rstrip("~\n").split("*")
                out.write(f"IEA*{groups}*{fields[2]}~\n")
                continue
            if line.startswith("ST*"):
                groups += 1
                gs[6] = str(groups)
                out.write("*".join(gs) + "~\n")
            if errors:
                line = shift.sub(r"\1*ZZZ*", line)
            out.write(line)
            if line.startswith("SE*"):
                out.write(f"GE*1*{groups}~\n")

if __name__ == "__main__":
    main(sys.argv)

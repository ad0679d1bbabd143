#!/usr/bin/env python3
"""Clients that give up: each sends a GET with the token and closes its connection before the answer, as a closed
browser tab or a phone losing its network does, while other clients read normally (deploy/bench/run, reads).
Half close with FIN after a random 0-20 ms (mid-relay, as often as not), half reset the connection (SO_LINGER 0:
RST, as a killed process). Pacing, not waiting for a condition: this is a load generator, not a test.

    abort_clients.py URL TOKEN SECONDS THREADS [RATE]   -> prints: RESULT aborted=N refused=M
RATE: aborted requests per second per thread (paced, open model); 0 or absent: as fast as they go (a flood).
"""
import random
import socket
import struct
import sys
import threading
import time
from urllib.parse import urlsplit

url, token, seconds, threads = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
rate = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
parts = urlsplit(url)
target = parts.path + ("?" + parts.query if parts.query else "")
request = (f"GET {target} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nAuthorization: Bearer {token}\r\n"
           "Accept: application/json\r\n\r\n").encode()
counts = {"aborted": 0, "refused": 0}
lock = threading.Lock()
end = time.monotonic() + seconds


def abort_loop(seed):
    rng = random.Random(seed)
    next_at = time.monotonic() + rng.uniform(0, 1 / rate) if rate > 0 else 0
    while time.monotonic() < end:
        if rate > 0:
            # paced: the next abort at its slot, whatever the last one cost
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += 1 / rate
        try:
            s = socket.create_connection((parts.hostname, parts.port), timeout=5)
        except OSError:
            with lock:
                counts["refused"] += 1
            continue
        try:
            s.sendall(request)
            if rng.random() < 0.5:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            time.sleep(rng.uniform(0, 0.02))
        except OSError:
            pass
        finally:
            s.close()
        with lock:
            counts["aborted"] += 1


workers = [threading.Thread(target=abort_loop, args=(i,)) for i in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(f"RESULT aborted={counts['aborted']} refused={counts['refused']}")

"""Start moto server on 127.0.0.1 with the CloudFormation gaps of ``cfn_gaps`` filled.

Usage: ``python serve.py [PORT]`` (0 or nothing: a free port). Prints ``listening on http://127.0.0.1:PORT`` once
it accepts requests, then serves until it is terminated. Only the loopback address is ever bound.
"""
import signal
import sys
import threading

import cfn_gaps
from moto.server import ThreadedMotoServer


def main() -> None:
    cfn_gaps.apply()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    print(f"listening on http://{host}:{port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""https_file_server.py: serves a directory over HTTPS on loopback, for tests.

    https_file_server.py --dir DIR --cert PEM --key PEM --port-file FILE

Binds 127.0.0.1 on a free port (port 0), writes the port to FILE once it
listens, and serves the files under DIR read-only (GET/HEAD) until killed.
Each request is logged on stderr ("GET /path 200"), so a test can tell what
its client fetched. This is how a provider network mirror is hosted: any
static HTTPS file server will do.
"""
import argparse
import functools
import http.server
import os
import ssl
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))
        sys.stderr.flush()

    def log_request(self, code="-", size="-"):
        sys.stderr.write("%s %s %s\n" % (self.command, self.path, code))
        sys.stderr.flush()

    def guess_type(self, path):
        # Network mirror answers are JSON.
        if str(path).endswith(".json"):
            return "application/json"
        return super().guess_type(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()

    handler = functools.partial(Handler, directory=os.path.abspath(args.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)

    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(tmp, args.port_file)  # the reader never sees a partial file
    server.serve_forever()


if __name__ == "__main__":
    main()

"""`python -m crawler.sampleweb serve [DIR] [--port N]`: serve a sites directory on loopback by hand."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crawler.sampleweb import SAMPLE_SITES
from crawler.sampleweb.server import TestWeb


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, serve until Ctrl-C, print each site's URL and the request log."""
    parser = argparse.ArgumentParser(prog="python -m crawler.sampleweb", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve every site of DIR (default: the bundled demo web)")
    serve.add_argument("dir", nargs="?", default=str(SAMPLE_SITES), help="directory of sites (<site>/files/…)")
    serve.add_argument("--port", type=int, default=0, help="port for every site (default: a free one each)")
    serve.add_argument("--site", action="append", help="serve only this site (repeatable)")
    serve.add_argument("--generation", type=int, default=1, help="serve generation N (vN/ overlays)")
    serve.add_argument("--sites-toml", help="also write a malinews sites file here")
    serve.add_argument("--log", action="store_true", help="print each request on stderr")
    args = parser.parse_args(argv)

    root = Path(args.dir)
    if not root.is_dir():
        parser.error(f"{root} is not a directory")
    web = TestWeb(root, args.site, port=args.port)
    web.set_generation(args.generation)
    with web:
        for name, base in web.base_urls.items():
            print(f"{name:12} {base}/")
        if args.sites_toml:
            web.write_sites_toml(args.sites_toml)
            print(f"sites file: {args.sites_toml}", file=sys.stderr)
        print("Ctrl-C to stop.", file=sys.stderr)
        seen = 0
        try:
            while True:
                time.sleep(0.5)
                if args.log:
                    log = web.requests
                    for r in log[seen:]:
                        print(f"{r.status} {r.site} {r.method} {r.path}", file=sys.stderr)
                    seen = len(log)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

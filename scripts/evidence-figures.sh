#!/bin/bash
# Figures for docs/PERFORMANCE.md "Evidence": local HTTP server on 127.0.0.1 only.
# Run from the repository root after `cargo build --release --no-default-features`.
set -e
ROOT=$(pwd)
B=$ROOT/target/release/factdesk
C=$ROOT/../shared/corpus/readability
PORT=${PORT:-18766}
[ -d "$C" ] || { echo "needs $C" >&2; exit 1; }
W=$(mktemp -d)
mkdir -p $W/site/src && cd $W
for d in $C/*/; do [ -f $d/source.html ] && cp $d/source.html site/src/$(basename $d).html; done
# the largest page
BIG=$(ls -S site/src/*.html | head -1); cp $BIG site/big.html; ls -la site/big.html
# 100 sources: the corpus pages, cycled
for k in $(seq 0 99); do files=(site/src/*.html); f=${files[$((k % ${#files[@]}))]}; cp $f site/src/s$k.html; done
(cd site && exec python3 -m http.server $PORT --bind 127.0.0.1 >/dev/null 2>&1) &
SRV=$!
trap 'kill $SRV; rm -rf $W' EXIT
sleep 2
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>$W/err || cat $W/err; echo $(( ($(date +%s%N)-s)/1000000 )); }
$B new p.ron >/dev/null
echo "import file (ms):"; for r in 1 2 3 4 5; do ms $B import p.ron site/big.html; done | sort -n | tr '\n' ' '; echo
echo "import url (ms):"; for r in 1 2 3 4 5; do ms $B import p.ron --url http://127.0.0.1:$PORT/big.html; done | sort -n | tr '\n' ' '; echo
# a project with 100 claims each citing one source
printf 'Claim %s is here and stands alone.\n\n' $(seq 0 99) > body.txt
$B new q.ron body.txt > ids.txt
A=$(cut -f1 ids.txt)
for k in $(seq 0 99); do
  c=$($B claim add q.ron --article $A --quote "Claim $k is here" | cut -f1)
  $B claim set q.ron $c --status sourced --source http://127.0.0.1:$PORT/src/s$k.html >/dev/null
done
echo "capture 100 (ms):"; ms $B capture q.ron
du -sh q.evidence; ls q.evidence | wc -l
echo "check 100 captures (ms):"; for r in 1 2 3; do ms $B check q.ron; done | tr '\n' ' '; echo
echo "dossier 100 captures (ms):"; for r in 1 2 3; do rm -f d.zip; ms $B export q.ron --format dossier -o d.zip; done | tr '\n' ' '; echo
ls -la d.zip

